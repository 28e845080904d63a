"""Closed word classes read from the built-in lexicons, once, as sets of normalized words.

The extractors test a token against a class (`word_class("entity-words", "kin")`) instead of a word
list written in Python: the words are data (rules/lexicons/), each entry with its file:line, and a
class is named by an attribute value, so one word may belong to several classes (`class=a,b`)."""
from __future__ import annotations

from functools import lru_cache

from validator.text.lexicon import Lexicons


@lru_cache(maxsize=1)
def _builtin() -> Lexicons:
    return Lexicons()


def word_class(lexicon: str, name: str, attribute: str = "class") -> frozenset[str]:
    """The normalized entries of `lexicon` whose `attribute` lists `name`."""
    return frozenset(e.norm for e in _builtin()[lexicon].entries
                     if name in (e.get(attribute) or "").split(","))
