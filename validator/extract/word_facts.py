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
from typing import Callable, Iterable

from validator.extract.word_keys import WORD_KEYS_LIMIT
from validator.text.wordcache import WordCache

_TESTS: list[Callable] = []  # make(resources) gives a word test; its place in the list is its tag


def tagged(make: Callable[[object], Callable[[str], bool]]) -> int:
    """Register a yes-or-no word test (`make(res)`: the test for a run's resources); the tag its words
    are found by (`words_with(ctx, (tag,))`)."""
    _TESTS.append(make)
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
        deque(map(list.append, map(groups.__getitem__, map(known[1].__getitem__, distinct)), distinct), maxlen=0)
        last[:] = distinct, groups
    mask = 0
    for tag in tags:
        mask |= 1 << tag
    return set().union(*(found for fact, found in last[1].items() if fact & mask))


def _facts_of(res) -> Callable[[str], int]:
    """A word's facts: a bit for each test true of it."""
    tests = [make(res) for make in _TESTS]
    return lambda word: sum(1 << tag for tag, test in enumerate(tests) if test(word))
