"""A foreign name that ends in a ch (a Turkish ç, an English ch) written once with the two letters تش and
elsewhere with one letter (entity-words foreign-ch: ج or ش): a border town written «منبيتش» in one
paragraph and «منبيج» in the next is one place spelled two ways (round 130 missed a Turkish town so
written). Only at the word's end, where an Arabic word rarely has the pair (inside a word it is a verb's
ت before a root's ش: تكتشف / تكشف، تنتشر / تنشر); the تش spelling of CH_MIN letters or more without a
clitic, no article, and neither spelling a word the lexicons know. `find_spellings` (spellings.py) calls
it through name_moves; the rule inconsistent-name reads the group (variant ch-letter).

Inside a long name a foreign ts (a Japanese tsu) is written تش on some lines and تس on others
(entity-words foreign-ts): both spellings INNER_MIN letters or more, with two long vowels after their first
letter, the pair after the word's first letter and before its last, no clitic or article, no lexicon's
word; an Arabic word with the pair there (يتشاور / يتساور) has fewer long vowels (`inner_ch_names`)."""
from __future__ import annotations

from itertools import compress, repeat

from validator.extract.context import Context
from validator.extract.letters import ARTICLE
from validator.extract.model import SpellingGroup
from validator.extract.name_variants import VOWELS_MIN, vowels_after_first
from validator.extract.wordclasses import affixes, word_class

CH_MIN = 5  # letters of the تش spelling: shorter words are Arabic (يفتش، فتش)
INNER_MIN = 7  # letters of each spelling of an inner ts (ميتسوبا)
CH_LETTER = "ch-letter"
_TS = word_class("entity-words", "foreign-ts")
_SPELLINGS = sorted(word_class("entity-words", "foreign-ch"), key=len, reverse=True)
_PAIR, _ONE = _SPELLINGS[0], tuple(_SPELLINGS[1:])  # تش; ج، ش
_CLITICS = tuple(c for c in affixes("name-clitic") if len(c) == 1)  # و، ف، ب، ل


def _stem(w: str) -> tuple[str, int]:
    """A word without its one clitic letter (و، ف، ب، ل), else itself; and the clitic's length."""
    return (w[1:], 1) if w.startswith(_CLITICS) else (w, 0)


def inner_ch_names(ctx: Context, known: set[str], name_like, with_pair=None) -> list[SpellingGroup]:
    """A long name written with an inner تش once and an inner تس elsewhere (module doc); `with_pair`: the
    article's words with the pair (`_with_pair`), the only ones that may be its تش spelling."""
    words = ctx.distinct_texts
    out = []
    for w in sorted(_with_pair(words) if with_pair is None else with_pair):
        if len(w) < INNER_MIN or _PAIR not in w[1:-1] or vowels_after_first(w) < VOWELS_MIN or not name_like(w):
            continue
        at = w.find(_PAIR, 1)
        for ts in _TS:
            other = w[:at] + ts + w[at + len(_PAIR):]
            if other in words and other not in known and w not in known and name_like(other) \
                    and not other.startswith(_CLITICS) and not w.startswith(_CLITICS):
                locs = sorted((_first(ctx, [(s, 0)]) for s in (w, other)), key=lambda x: x.start)
                out.append(SpellingGroup(w, tuple((loc.text, loc) for loc in locs), "term", CH_LETTER))
                known |= {w, other}
    return out


def ch_letter_names(ctx: Context, known: set[str], entities=()) -> list[SpellingGroup]:
    words = ctx.distinct_texts
    stopwords, is_non_name = ctx.res["stopwords"], ctx.res.is_non_name

    def name_like(w: str) -> bool:
        return not w.startswith(ARTICLE) and stopwords.lookup(w) is None and not is_non_name(w)

    with_pair = _with_pair(words)
    if not with_pair:  # (no word with تش: about half the articles)
        return []
    inner = inner_ch_names(ctx, known, name_like, with_pair)
    pairs = [w for w in with_pair if w.endswith(_PAIR) and len(w) >= CH_MIN]
    if not pairs:
        return inner

    stems = {}
    for w in words:
        for s, skip in {(w, 0), _stem(w)}:
            stems.setdefault(s, []).append((w, skip))
    out = []
    for w in sorted(pairs):
        for stem, _ in {(w, 0), _stem(w)}:
            if len(stem) < CH_MIN or not name_like(stem):
                continue
            for one in _ONE:
                other = stem[:-len(_PAIR)] + one
                if other not in stems or not name_like(other):
                    continue
                locs = sorted((_first(ctx, stems[s]) for s in (stem, other)), key=lambda x: x.start)
                if not any(loc.text in known for loc in locs):
                    out.append(SpellingGroup(stem, tuple((loc.text, loc) for loc in locs), "term", CH_LETTER))
                    known |= {loc.text for loc in locs}
    return inner + out


def _with_pair(words: set[str]) -> list[str]:
    """Those of `words` with the pair تش anywhere, in the set's order: both spellings' tests need it, and
    the article's words joined say in C whether any has it (a test a word, and a sort of every word,
    was most of the pass)."""
    if _PAIR not in "\n".join(words):
        return []
    return list(compress(words, map(str.__contains__, words, repeat(_PAIR))))


def _first(ctx: Context, written: list[tuple[str, int]]):
    """The location of the first token written as one of `written` (a word, the clitic's length), the
    clitic left out."""
    skips = dict(written)
    k = min(ctx.positions(skips))
    t = ctx.tokens[k]
    return ctx.loc(t.start + skips[ctx.texts[k]], t.end)
