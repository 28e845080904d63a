"""A long foreign name written once with a letter moved or a long vowel more (روزبرغ / روبرزغ، ريكاردو /
ريكياردو، مارادونا / مارداونا): two words of one article that the other variant rules miss, because
neither is a person's name word the entities found, or because one ends like an Arabic pronoun (نا).
`find_spellings` (spellings.py) calls it after the other passes (a pair they found is `known`); the
rule inconsistent-name reads the group (variants moved-letter, inserted-vowel).

Only long words of a foreign name's shape are compared: MOVED_MIN letters or more, two long vowels
after the first letter, no article, no word the lexicons know; an Arabic ending (نا، ها) only where
the word less it is no word either (بلادنا is بلاد and a pronoun). The two spellings share their
first EDGE letters and their last, so that an Arabic word's inflection (its prefix, its ending) is
never the difference, and never a broken plural's long vowel (حادث / حوادث). A pair where neither
spelling stands in a name's slot (name_variants._name_slot) is a note (slot unplaced)."""
from __future__ import annotations

from functools import partial
from itertools import compress, repeat
from operator import add, itemgetter

from validator.extract.body_typos import swapped_body_names
from validator.extract.context import Context
from validator.extract.letters import ALEF, ARTICLE, BROKEN_PLURAL_TEMPLATES, LONG_VOWELS, MEEM, TEH, YEH, fits_template
from validator.extract.model import SpellingGroup
from validator.extract.name_typos import UNPLACED
from validator.extract.name_pair_drops import pair_dropped_names
from validator.extract.name_ch_letters import ch_letter_names  # noqa: F401 (find_spellings reads it here)
from validator.extract.name_nationality_moves import nationality_moved_names  # noqa: F401 (find_spellings reads it here)
from validator.extract.name_final_s import final_s_names  # noqa: F401 (find_spellings reads it here)
from validator.extract.name_initials import initial_heh_names  # noqa: F401 (the same)
from validator.extract.name_tooth_letters import tooth_letter_names  # noqa: F401 (the same)
from validator.extract.name_clitic_drops import clitic_dropped_names, written_count  # noqa: F401 (find_spellings reads it here)
from validator.extract.name_particle_drops import dropped_particle_names  # noqa: F401 (find_spellings reads it here)
from validator.extract.name_slot_letters import slot_letter_names
from validator.extract.name_variants import VOWELS_MIN, _HAMZA_LETTERS, _name_slot, _stem_start, vowels_after_first as _vowels
from validator.extract.word_facts import tagged, words_with
from validator.extract.wordclasses import affixes, word_class
from validator.text.normalize import normalize_string
from validator.text.tokens import kind_of

MOVED_MIN = 6      # letters of the shorter spelling
INSERTED_MIN = 7   # letters of the shorter spelling when a long vowel is more (ريكاردو / ريكياردو)
LONG_NAME = 8      # letters of the longer spelling of a rare word counted wherever it stands (مارادونا)
EDGE = 2           # the first letters both spellings share
MOVED = "moved-letter"
INSERTED = "inserted-vowel"
_NATIVE_ENDINGS = affixes("native-ending")
_DEFINITE_STARTS = affixes("definite-start")
_VERB_PLURAL = affixes("imperfect-pl")
_PLURAL_STARTS = frozenset((YEH, TEH, MEEM))  # a verb (يطلقون، تطلقون), a participle (متابعون)
_NO_VOWELS = str.maketrans(dict.fromkeys(LONG_VOWELS))
__all__ = ("moved_letter_names", "two_word_names", "swapped_body_names", "pair_dropped_names", "slot_letter_names")  # (the last two for spellings.py, at its line limit)


def _verb_plural(stem: str) -> bool:
    """stem ends as a verb's or a participle's plural does (يطلقون، متابعون); a name may end so where a
    verb or a participle does not open it (نيلسون، جونسون: -son)."""
    return stem.endswith(_VERB_PLURAL) and stem[0] in _PLURAL_STARTS


def _ending(w: str) -> str:
    """w's longest Arabic ending (a pronoun, ات، نا), or ""."""
    return max((e for e in _NATIVE_ENDINGS if w.endswith(e)), key=len, default="")


def _foreign_shaped(stopwords, is_non_name, w: str) -> bool:
    """w may be a long transliterated name: no article, two long vowels after its first letter, no
    word the lexicons know, an Arabic ending only on a stem no lexicon knows either."""
    if len(w) < MOVED_MIN or kind_of(w) != "word" or w.startswith(_DEFINITE_STARTS):
        return False
    skip = _stem_start(w)
    if w[skip:].startswith(ARTICLE) or LONG_VOWELS.isdisjoint(w[1:]) or _verb_plural(w[skip:]):
        return False
    if stopwords.lookup(w) is not None or is_non_name(w):
        return False
    ending = _ending(w)
    stem = w[:len(w) - len(ending)]
    return not ending or len(stem) >= MOVED_MIN and stopwords.lookup(stem) is None and not is_non_name(stem)


_FOREIGN_SHAPED = tagged(lambda res: partial(_foreign_shaped, res["stopwords"], res.is_non_name))  # once per run a word


def _moves(w: str, edge: int = EDGE):
    """w with one inner letter moved one or two places (two neighbouring letters swapped, or three in
    turn), its first `edge` letters and its last kept."""
    for k in range(edge, len(w) - 2):
        yield w[:k] + w[k + 1] + w[k] + w[k + 2:]
        if k + 3 < len(w):
            yield w[:k] + w[k + 1:k + 3] + w[k] + w[k + 3:]  # the letter k moved two places on
            yield w[:k] + w[k + 2] + w[k:k + 2] + w[k + 3:]  # the letter k + 2 moved two places back


def _insertions(w: str):
    """w with an inner long vowel of its stem dropped: not in its first EDGE letters, nor in its last two
    before an Arabic ending (احتياطيات / احتياطات، تطويرية / تطويره: a nisba), nor a broken plural's
    (تصاميمها / تصميمها)."""
    start, end = _stem_start(w), len(w) - len(_ending(w))
    if fits_template(w[start:end], BROKEN_PLURAL_TEMPLATES):
        return
    for k in range(EDGE, end - 2):
        if w[k] in LONG_VOWELS and not (w[k] == ALEF and w[k + 1] == TEH):  # a plural's ات (معصومياتك / معصوميتك)
            yield w[:k] + w[k + 1:]


def _with_article(ctx: Context, words) -> bool:
    """One of the words is also written with the article (سلاح الكلاشنكوف): a common noun, no name."""
    return any(t.endswith(ARTICLE + w) and len(t) <= len(w) + len(ARTICLE) + 2 for t in ctx.distinct_texts for w in words)


def _consonant_keys(words: list[str]) -> list[str]:
    """Each word's consonants in order of their code, all the words' at once in C (a cache a word
    bounded at a few thousand words refilled itself article after article)."""
    if not words:
        return []
    return list(map("".join, map(sorted, "\n".join(words).translate(_NO_VOWELS).split("\n"))))  # (no word has a line break)


def _moves_of(w: str, people: set[str]) -> bool:
    return not people.isdisjoint(_moves(w))


def moved_letter_names(ctx: Context, known: set[str], entities=()) -> list[SpellingGroup]:
    words = words_with(ctx, (_FOREIGN_SHAPED,))
    if len(words) < 2:
        return []
    # a letter moved or a long vowel more keeps a word's consonants: only words that share theirs are
    # compared (most articles have none: their keys, once per run a word, are all distinct, told in C)
    words = list(words)
    keys = _consonant_keys(words)
    if len(set(keys)) == len(keys):
        return []
    by_consonants: dict[str, list[str]] = {}
    for w, key in zip(words, keys):
        by_consonants.setdefault(key, []).append(w)
    words = {w for same in by_consonants.values() if len(same) > 1 for w in same}  # (keys repeat: never empty)
    given = ctx.res.given_names.by_norm
    # a word with one long vowel after its first letter (روزبرغ) only where it is a person's name word
    people = {w for e in entities if e.kind == "person" for m in e.mentions if m.form in ("name", "surname")
              for w in normalize_string(m.loc.text).split()}
    words = {w for w in words if _vowels(w) >= VOWELS_MIN or w in people or _vowels(w) and _moves_of(w, people)}
    out, used = [], set()
    for w in sorted(words):
        # a name's second letter may be moved too (نيكسون / نكيسون) where no clitic opens it: its first letter kept
        pairs = [(v, MOVED) for v in _moves(w, EDGE - (_stem_start(w) == 0)) if v in words and v != w]
        if len(w) > INSERTED_MIN:
            pairs += [(v, INSERTED) for v in _insertions(w) if v in words and _vowels(v) >= VOWELS_MIN]
        for other, variant in pairs:
            if {w, other} & used or w in given and other in given or _with_article(ctx, (w, other)):
                continue
            firsts = [ctx.positions({x})[0] for x in (w, other)]
            locs = sorted((ctx.loc(ctx.tokens[p].start, ctx.tokens[p].end) for p in firsts), key=lambda x: x.start)
            # a hamza normalizing folds into its seat is a consonant (لتأمين / لتموين)
            hamzas = {"".join(c for c in loc.text if c in _HAMZA_LETTERS) for loc in locs}
            if len(hamzas) > 1 or any(loc.text in known for loc in locs):
                continue
            used |= {w, other}
            # a long rare word is a name wherever it stands; a shorter one where a name stands
            slot = "" if max(len(w), len(other)) >= LONG_NAME or any(_name_slot(ctx, k) for k in ctx.positions({w, other})) \
                else UNPLACED
            out.append(SpellingGroup(w, tuple((loc.text, loc) for loc in locs), "term", variant, slot))
            break
    return out


# A foreign name of two words written twice, each word with its letters transliterated another way: a
# g (غ / ج / ق), an s (س / ز), a long vowel one for another or more or less (سيغمار غابريال / زيجمار
# غابرييل: round 92 missed it). Both words differ, so that a name shared by two people (محمد سالم /
# محمد سليم) is never read as one; the pair's one spelling is a person's full name of the entities; no
# word a lexicon knows but given names, and never two given names for one word. Variant two-word-name.
TWO_WORD_MIN = 4  # letters of each word
TWO_WORD = "two-word-name"
_LOOSE = str.maketrans({**{c: min(word_class("entity-words", name)) for name in ("transliterated-g", "transliterated-z")
                           for c in word_class("entity-words", name)}})


def _loose(w: str) -> str:
    """w's letters with its g and s letters made one and its long vowels after the first dropped."""
    return (w[0] + w[1:].translate(_NO_VOWELS)).translate(_LOOSE)


_LOOSE_REST = {**_LOOSE, **_NO_VOWELS}  # `_loose` of the letters after the first: the vowels dropped, the rest made one


def _loose_keys(words: list[str]) -> list[str]:
    """`_loose` of each word, all the words' at once in C: the first letters, then the rest of every
    word as one text (a cache a word, bounded at a few thousand words, refilled itself article after
    article: 140,000 keys made again over 3,000 articles)."""
    rests = "\n".join(map(_REST, words)).translate(_LOOSE_REST).split("\n")  # (no word has a line break)
    return list(map(add, map(str.translate, map(_FIRST, words), repeat(_LOOSE)), rests))


_FIRST, _REST = itemgetter(0), itemgetter(slice(1, None))
# a word that may be a name's (long enough; no word the lexicons know but a given name), once per run a word
_NAME_SHAPED = tagged(lambda res: lambda w: len(w) >= TWO_WORD_MIN and not (res.is_non_name(w) and w not in res.given_names.by_norm))


def two_word_names(ctx: Context, known: set[str], entities=()) -> list[SpellingGroup]:
    names = {tuple(words): m.loc for e in entities if e.kind == "person" for m in e.mentions if m.form == "name"
             for words in [normalize_string(m.loc.text).split()]
             if len(words) == 2 and all(len(w) >= TWO_WORD_MIN and kind_of(w) == "word" for w in words)}
    if not names:
        return []
    res, texts, tokens = ctx.res, ctx.texts, ctx.tokens
    given = res.given_names.by_norm
    wanted = {_loose(first): (first, second) for first, second in names}
    out = []
    # (the other spelling's words, which the pair test below would pass, whose key a name's first word has, told in C)
    # (only the words whose first letter a wanted key's may be are keyed: a set look-up each, in C)
    firsts = {key[0] for key in wanted}
    firsts.update(chr(c) for c, one in _LOOSE.items() if one in firsts)
    words = list(words_with(ctx, (_NAME_SHAPED,)))
    words = list(compress(words, map(firsts.__contains__, map(_FIRST, words))))
    for k in ctx.positions(set(compress(words, map(wanted.__contains__, _loose_keys(words))))):
        first, second = wanted[_loose(texts[k])]
        if k + 1 >= len(texts) or tokens[k + 1].kind != "word":
            continue
        pair = (texts[k], texts[k + 1])
        if pair[0] == first or pair[1] == second or _loose(pair[1]) != _loose(second):
            continue
        if any(res.is_non_name(w) and w not in given or w in given and v in given for w, v in zip(pair, (first, second))):
            continue
        loc, other = names[(first, second)], ctx.loc(tokens[k].start, tokens[k + 1].end)
        if loc.text in known or other.text in known:
            continue
        forms = sorted((loc, other), key=lambda x: x.start)
        out.append(SpellingGroup(first, tuple((x.text, x) for x in forms), "person", TWO_WORD))
        break
    return out
