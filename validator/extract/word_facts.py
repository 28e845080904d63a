"""Per run: one record of what the extraction passes ask of every word (a number or a mark, and for the
spelling passes a foreign g, a transliterated name's shape, a last letter that may be a typo), so an
article finds its words with a fact in C.

Each pass asked its question of every distinct word of an article, a cache a pass (one dict entry for
every word of the run, six times over) and a look-up for each word, each pass. Here a word new to the run
is read once for all the facts, kept as one small number (a bit a fact); an article's words are looked up
in that record once, at the first ask, and grouped by their facts (a few groups: most words have none),
so a pass's ask is a union of a few groups (an intersection with the run's words of each fact, a pass
each over the article's words in a large table, cost three times as much).
"""
from __future__ import annotations

from collections import defaultdict, deque
from operator import itemgetter
from typing import Callable, Iterable

from validator.extract.word_keys import WORD_KEYS_LIMIT
from validator.text.lexicon import CANDIDATE_CACHE_SIZE
from validator.text.wordcache import WordCache

_TESTS: list[Callable] = []  # make(resources) gives a word test; its place in the list is its tag
_REQUIRED: list[int] = []  # each test's required fact's bit (0: none), `tagged(..., requires=)`


def tagged(make: Callable[[object], Callable[[str], bool]], requires: int | None = None) -> int:
    """Register a yes-or-no word test (`make(res)`: the test for a run's resources); the tag its words
    are found by (`words_with(ctx, (tag,))`). `requires`: an earlier tag whose fact the test's words all
    have (the test is its condition's remainder, asked only of a word with that fact)."""
    assert requires is None or requires < len(_TESTS)
    _TESTS.append(make)
    _REQUIRED.append(0 if requires is None else 1 << requires)
    return len(_TESTS) - 1


def words_with(ctx, tags: Iterable[int]) -> set[str]:
    """The article's distinct words with one of the facts `tags` name."""
    memo = ctx.res.pattern_memo
    known = memo.get("word-fact-bits")
    if known is None or known[0] != len(_TESTS):  # (made once per run, after every pass registered)
        known = memo["word-fact-bits"] = (len(_TESTS), WordCache(_facts_of(ctx.res), limit=WORD_KEYS_LIMIT), [None])
    distinct, last = ctx.distinct_texts, known[2]
    if last[0] is not distinct:  # the article's words by their facts, read once an article
        groups: defaultdict[int, list[str]] = defaultdict(list)  # facts -> the words with just those (0: none)
        # (appended in C: a loop over the words in Python cost twice as much; a few dozen groups, made on a miss)
        records = ctx.records
        if records is not None and memo.get("word-records", (None,))[0] == len(_TESTS):
            # each distinct word's facts from its tokens' records (a small table the article's own,
            # in the processor's cache, where the run's record of facts is not)
            facts = dict(zip(ctx.texts, map(_FACTS, records)))
            deque(map(list.append, map(groups.__getitem__, facts.values()), facts), maxlen=0)
        else:
            deque(map(list.append, map(groups.__getitem__, map(known[1].__getitem__, distinct)), distinct), maxlen=0)
        last[:] = distinct, groups
    mask = 0
    for tag in tags:
        mask |= 1 << tag
    return set().union(*(found for fact, found in last[1].items() if fact & mask))


_FACTS = itemgetter(2)


def word_records(res) -> WordCache:
    """The run's record of each word its articles' tokens have: (the word, one string for the run, every
    token of it reads; what it can start in the run's lexicon index; its facts), made at the word's first
    token and looked up once a token (`validator.text.tokens.tokenized`). The tokenizer's interning, the
    lexicon scan and `words_with` each probed a table of every word of the run, out of the processor's
    cache, for it; the record is one probe, and the run's words take no entry in the interned strings."""
    memo = res.pattern_memo
    known = memo.get("word-records")
    if known is None or known[0] != len(_TESTS):
        facts, starts = _facts_of(res), res.matcher.uncached_starts
        table = WordCache(lambda word: (word, starts(word), facts(word)), limit=CANDIDATE_CACHE_SIZE)
        known = memo["word-records"] = (len(_TESTS), table)
    return known[1]


def _facts_of(res) -> Callable[[str], int]:
    """A word's facts: a bit for each test true of it (a test with a required fact asked only when the
    word has that fact)."""
    plan = [(1 << tag, make(res), required) for tag, (make, required) in enumerate(zip(_TESTS, _REQUIRED))]
    # each combination of facts is one int for the run: a word's bits are past the small ints Python
    # shares, so each record held an int of its own (32 bytes; 2.6 MB over 3,000 articles) for a few
    # hundred distinct values
    combinations: dict[int, int] = {}

    def facts(word: str) -> int:
        bits = 0
        for bit, test, required in plan:
            if (bits & required) == required and test(word):
                bits |= bit
        return combinations.setdefault(bits, bits)
    return facts
