"""Per run: the keys each word seen has (a spelling-blind key, a letter key), indexed both ways, so an
article finds its words with one of a few keys by set operations in C.

The spelling and surname passes ask "which of this article's words have one of these keys?" of a few
keys (a name's). A call per distinct word (a cached key, then a test against the keys asked) cost
100-250 instructions a word, hundreds of words an article; here only the words the run has not seen
yet are read in Python, and the rest is a set difference and intersections over the article's distinct
words. The answer depends on the article alone: the index holds every word the article has (each new
word is added before the look-up) and what it holds of other articles' words is intersected away.
"""
from __future__ import annotations

from typing import Callable, Hashable, Iterable

WORD_KEYS_LIMIT = 50_000  # words indexed before the index is emptied (a long run's memory stays flat)


class WordKeys:
    """word -> keys (`keys_of`, a function of the word alone), and key -> the words seen with it."""

    __slots__ = ("keys_of", "limit", "seen", "by_key", "_indexed")

    def __init__(self, keys_of: Callable[[str], Iterable[Hashable]], limit: int = WORD_KEYS_LIMIT):
        self.keys_of = keys_of
        self.limit = limit
        self.seen: set[str] = set()
        self.by_key: dict[Hashable, tuple[str] | set[str]] = {}  # a key's one word, or its words
        self._indexed: set[str] | None = None  # the last article's words, all indexed already

    def words_with(self, distinct: set[str], keys: Iterable[Hashable]) -> set[str]:
        """The words of `distinct` (an article's distinct token texts) with one of `keys`."""
        # (an article asks several times: its new words are looked for once; a look-up in `seen`, a
        # large table, is a cache miss each)
        new = distinct.difference(self.seen) if distinct is not self._indexed else None
        if new:
            if len(self.seen) + len(new) > self.limit:
                self.clear()
                new = set(distinct)
            by_key = self.by_key
            for word in new:
                for key in self.keys_of(word):
                    found = by_key.get(key)
                    if found is None:
                        by_key[key] = (word,)  # most keys have one word: a 1-tuple, not a set (a fifth the memory)
                    elif type(found) is tuple:
                        by_key[key] = {found[0], word}
                    else:
                        found.add(word)
            self.seen |= new
        self._indexed = distinct
        # each key's words met with the article's (`intersection` runs over the smaller of the two sets,
        # or over a key's one word: a key may have thousands of words in a long run)
        return set().union(*map(distinct.intersection, filter(None, map(self.by_key.get, keys))))

    def clear(self) -> None:
        """Forget every word (as a fresh run)."""
        self.seen.clear()
        self.by_key.clear()
        self._indexed = None
