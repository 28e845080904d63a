"""A per-word cache for the hot loops of extraction.

News vocabulary repeats across articles, so what is derived from a token's text alone (its lexicon
candidates, a lookup, a kind) is computed once per run. A dict that fills itself answers a hit in C
(`cache[word]`, or `map(cache.__getitem__, words)` for a whole article), which `functools.lru_cache`
with a bound does not quite (it reorders a linked list on every hit); it is emptied when it reaches
its bound, so a long run's memory stays flat.
"""
from __future__ import annotations

from typing import Any, Callable


class WordCache(dict):
    __slots__ = ("compute", "limit")

    def __init__(self, compute: Callable[[str], Any], limit: int = 50_000):
        super().__init__()
        self.compute = compute
        self.limit = limit

    def __missing__(self, word: str) -> Any:
        value = self.compute(word)
        self.keep(word, value)
        return value

    def keep(self, word: str, value: Any) -> None:
        """Store what a caller computed on the way (`compute(word)` must give the same), under the bound."""
        if len(self) >= self.limit:
            self.clear()
        self[word] = value
