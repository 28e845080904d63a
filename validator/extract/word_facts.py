"""Per run: one index of what the extraction passes ask of every word (a number or a mark, and for the
spelling passes a foreign g, a transliterated name's shape, a last letter that may be a typo), so an
article finds its words with a fact by set operations in C.

Each pass asked its question of every distinct word of an article, a cache a pass (one dict entry for
every word of the run, six times over) and a look-up for each word, each pass. Here a word new to the run
is read once for all the facts, and an article's words with a fact are one intersection; a fact's words
alone are kept (validator/extract/word_keys.py).
"""
from __future__ import annotations

from typing import Callable, Iterable

from validator.extract.word_keys import WordKeys

_TESTS: list[Callable] = []  # make(resources) gives a word test; its place in the list is its tag


def tagged(make: Callable[[object], Callable[[str], bool]]) -> int:
    """Register a yes-or-no word test (`make(res)`: the test for a run's resources); the tag its words
    are found by (`words_with(ctx, (tag,))`)."""
    _TESTS.append(make)
    return len(_TESTS) - 1


def words_with(ctx, tags: Iterable[int]) -> set[str]:
    """The article's distinct words with one of the facts `tags` name."""
    memo = ctx.res.pattern_memo
    known = memo.get("word-facts")
    if known is None or known[0] != len(_TESTS):  # (made once per run, after every pass registered)
        known = memo["word-facts"] = (len(_TESTS), WordKeys(_keys_of(ctx.res)))
    return known[1].words_with(ctx.distinct_texts, tags)


def _keys_of(res) -> Callable[[str], list[int]]:
    """A word's tags: the facts true of it."""
    tests = [make(res) for make in _TESTS]
    return lambda word: [tag for tag, test in enumerate(tests) if test(word)]
