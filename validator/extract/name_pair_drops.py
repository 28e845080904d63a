"""A foreign name of two or more words written twice, one of its words once with an inner consonant
dropped (هيومن رايتس ووتش / هيومن رايس ووتش، بلاك ووتر / بلاك وتر is not: a long vowel): the other
word beside it the same in both mentions, so that one name is read, not two words that look alike.
Every word of both pairs is of PAIR_MIN letters or more with a long vowel after its first letter, no
article, no word a lexicon knows (a given name neither: محمد سالم / محمد سلام are two people), and the
shared word stands on the same side. The two spellings have VOWELS_MIN long vowels after their first
letter each (an Arabic word rarely has: برنامج / برامج، سيطرة / سيطرته) and no Arabic ending (ات، ها);
the dropped letter is a consonant inside the stem, never its first or last (a clitic: وبنيات / ونيات).
`find_spellings` (spellings.py) calls it through name_moves; the rule inconsistent-name reads the
group (variant pair-dropped-letter)."""
from __future__ import annotations

from validator.extract.context import Context
from validator.extract.letters import ARTICLE, LONG_VOWELS
from validator.extract.model import SpellingGroup
from validator.extract.name_variants import _NATIVE_ENDINGS, VOWELS_MIN, _stem_start, vowels_after_first as _vowels
from validator.extract.word_facts import tagged, words_with
from validator.text.tokens import kind_of

PAIR_MIN = 4  # letters of every word of both pairs
PAIR_DROPPED = "pair-dropped-letter"
# a word that may be a foreign name's: long enough, no article, no word the lexicons know, once per run a word
def _pair_word(res):
    return lambda w: len(w) >= PAIR_MIN and kind_of(w) == "word" and not w.startswith(ARTICLE) and _vowels(w) \
        and res["stopwords"].lookup(w) is None and not res.is_non_name(w) and w not in res.given_names.by_norm


def _spelling(w: str) -> bool:
    """w may be one spelling of the pair: two long vowels after its first letter, no Arabic ending."""
    return _vowels(w) >= VOWELS_MIN and not w.endswith(_NATIVE_ENDINGS)


_PAIR_WORD = tagged(_pair_word)
# such a word that may be one of the two spellings (`_spelling`), once per run a word: the few an
# article has are the only ones whose drops are made
_PAIR_SPELLING = tagged(lambda res: _spelling, requires=_PAIR_WORD)


def _drops(w: str):
    """w with one inner consonant of its stem dropped (not its first letter nor its last)."""
    for k in range(_stem_start(w) + 1, len(w) - 1):
        if w[k] not in LONG_VOWELS and w[k] != w[k - 1]:
            yield w[:k] + w[k + 1:]


def pair_dropped_names(ctx: Context, known: set[str], entities=()) -> list[SpellingGroup]:
    words = words_with(ctx, (_PAIR_WORD,))
    if len(words) < 3:
        return []
    tokens, texts = ctx.tokens, ctx.texts
    spellings = words_with(ctx, (_PAIR_SPELLING,))  # (those of `words` that pass `_spelling`)
    shorter = {d: w for w in spellings if len(w) > PAIR_MIN for d in _drops(w) if d in spellings}
    if not shorter:
        return []
    out = []
    for short, long in sorted(shorter.items()):
        at = {w: ctx.positions({w}) for w in (short, long)}
        for side in (-1, 1):
            # the word beside both spellings, on the same side, the same and of the name's shape
            beside = {w: {texts[k + side] for k in ks if 0 <= k + side < len(texts) and tokens[k + side].kind == "word"
                          and texts[k + side] in words} for w, ks in at.items()}
            if beside[short] & beside[long]:
                break
        else:
            continue
        locs = sorted((ctx.loc(tokens[ks[0]].start, tokens[ks[0]].end) for ks in at.values()), key=lambda x: x.start)
        if any(loc.text in known for loc in locs):
            continue
        out.append(SpellingGroup(long, tuple((loc.text, loc) for loc in locs), "term", PAIR_DROPPED))
    return out
