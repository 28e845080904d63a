"""Closed word classes read from the built-in lexicons, once, as sets of normalized words.

The extractors test a token against a class (`word_class("entity-words", "kin")`) instead of a word
list written in Python: the words are data (rules/lexicons/), each entry with its file:line, and a
class is named by an attribute value, so one word may belong to several classes (`class=a,b`)."""
from __future__ import annotations

from functools import lru_cache

from validator.text.lexicon import builtin_lexicons


@lru_cache(maxsize=None)
def _classes(lexicon: str, attribute: str) -> dict[str, frozenset[str]]:
    """Every class of a lexicon's attribute at once: class name -> normalized entries."""
    out: dict[str, set[str]] = {}
    for e in builtin_lexicons()[lexicon].entries:
        for name in (e.get(attribute) or "").split(","):
            if name:
                out.setdefault(name, set()).add(e.norm)
    return {name: frozenset(words) for name, words in out.items()}


def word_class(lexicon: str, name: str, attribute: str = "class") -> frozenset[str]:
    """The normalized entries of `lexicon` whose `attribute` lists `name`."""
    return _classes(lexicon, attribute).get(name, frozenset())
