"""The `matches` conditions of a run, matched together: each text is normalized once for every rule,
and the patterns that are plain words (most of a house style guide: «أمريكي»، «تليفون») are found in
one Aho-Corasick pass over it, whatever their number. A pattern with regex syntax is searched with
the `regex` engine, under its timeout, in the same normalized text."""
from __future__ import annotations

from typing import Iterable

import ahocorasick

from validator.text.normalize import NormalizedText, normalize

_REGEX_SYNTAX = frozenset("\\.^$*+?{}[]|()")


def literal(pattern: str) -> bool:
    """Whether a normalized pattern means its own characters, so its leftmost match is `str.find`'s."""
    return bool(pattern) and not _REGEX_SYNTAX.intersection(pattern)


class LiteralSet:
    """Plain-word patterns, one automaton: `first(text)` gives each pattern found and where it first
    starts, in one pass over the text."""

    def __init__(self, patterns: Iterable[str]):
        self._patterns = frozenset(patterns)
        self._automaton = ahocorasick.Automaton()
        for p in self._patterns:
            self._automaton.add_word(p, (p, len(p)))
        self._empty = not self._patterns
        if not self._empty:
            self._automaton.make_automaton()

    def __contains__(self, pattern: str) -> bool:
        return pattern in self._patterns

    def first(self, text: str) -> dict[str, int]:
        found: dict[str, int] = {}
        if self._empty:
            return found
        for end, (pattern, size) in self._automaton.iter(text):
            if pattern not in found:  # matches come in order of their end: the first is the leftmost
                found[pattern] = end + 1 - size
        return found


class ArticleTexts:
    """One article's texts as rules match them: normalized once, scanned once per literal set."""

    def __init__(self):
        self._norms: dict[str, NormalizedText] = {}
        self._found: dict[tuple[int, str], dict[str, int]] = {}

    def normalized(self, text: str) -> NormalizedText:
        norm = self._norms.get(text)
        if norm is None:
            norm = self._norms[text] = normalize(text)
        return norm

    def found(self, literals: LiteralSet, text: str) -> dict[str, int]:
        key = (id(literals), text)
        hits = self._found.get(key)
        if hits is None:
            hits = self._found[key] = literals.first(self.normalized(text).text)
        return hits
