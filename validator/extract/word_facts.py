"""Per run: one index of what the spelling passes ask of every word (a name's letter keys, a foreign g,
a transliterated name's shape, a last letter that may be a typo), so an article finds its words with a
fact by set operations in C.

Each pass asked its question of every distinct word of an article, a cache a pass (one dict entry for
every word of the run, six times over) and a look-up for each word, each pass. Here a word new to the run
is read once for all the facts, and an article's words with a fact are one intersection; a fact's words
alone are kept (validator/extract/word_keys.py).
"""
from __future__ import annotations

from typing import Callable, Hashable, Iterable

from validator.extract.word_keys import WordKeys

# (tag, make): make(resources) gives the word test; a tag (an int: no word key is one) for a test that
# answers yes or no, None for one that gives the word's keys (strings, tuples)
_TESTS: list[tuple[int | None, Callable]] = []


def tagged(make: Callable[[object], Callable[[str], bool]]) -> int:
    """Register a yes-or-no word test (`make(res)`: the test for a run's resources); the tag its words
    are found by (`words_with(ctx, (tag,))`)."""
    _TESTS.append((len(_TESTS), make))
    return len(_TESTS) - 1


def keyed(make: Callable[[object], Callable[[str], Iterable[Hashable]]]) -> None:
    """Register a word's keys (`make(res)`: word -> its keys, strings or tuples), found by
    `words_with` too."""
    _TESTS.append((None, make))


def words_with(ctx, keys: Iterable[Hashable]) -> set[str]:
    """The article's distinct words with one of `keys` (tags or keys)."""
    memo = ctx.res.pattern_memo
    known = memo.get("word-facts")
    if known is None or known[0] != len(_TESTS):  # (made once per run, after every pass registered)
        known = memo["word-facts"] = (len(_TESTS), WordKeys(_keys_of(ctx.res)))
    return known[1].words_with(ctx.distinct_texts, keys)


def _keys_of(res) -> Callable[[str], list]:
    tests = [(tag, make(res)) for tag, make in _TESTS]
    keyed_tests = [test for tag, test in tests if tag is None]
    tagged_tests = [(tag, test) for tag, test in tests if tag is not None]

    def keys_of(word: str) -> list:
        out = [key for test in keyed_tests for key in test(word)]
        out += [tag for tag, test in tagged_tests if test(word)]
        return out
    return keys_of
