"""Tokens of the normalized text, with offsets: words, numbers and single punctuation marks."""
from __future__ import annotations

import bisect
import re

# A number keeps its decimal and thousands separators (3.5, 1,200); a word is a run of letters.
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+|\S")


class Token:
    """One token: index, offsets in the normalized text, text, and kind (word, number or punct).
    A plain slotted class: articles have hundreds of tokens and a frozen dataclass is slow to build."""

    __slots__ = ("index", "start", "end", "text", "kind")

    def __init__(self, index: int, start: int, end: int, text: str, kind: str):
        self.index, self.start, self.end, self.text, self.kind = index, start, end, text, kind

    def __repr__(self) -> str:
        return f"Token({self.index}, {self.start}, {self.end}, {self.text!r}, {self.kind})"


def tokenize(norm_text: str) -> list[Token]:
    tokens = []
    for i, m in enumerate(_TOKEN.finditer(norm_text)):
        text = m.group()
        c = text[0]
        kind = "number" if c.isdigit() else "word" if c.isalpha() else "punct"
        tokens.append(Token(i, m.start(), m.end(), text, kind))
    return tokens


class TokenIndex:
    """Find the token at or after an offset in O(log n)."""

    def __init__(self, tokens: list[Token]):
        self.tokens = tokens
        self._starts = [t.start for t in tokens]

    def at_or_after(self, offset: int) -> int:
        return bisect.bisect_left(self._starts, offset)

    def containing(self, offset: int) -> int:
        """Index of the token whose span contains `offset`, or of the next token."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self.tokens[i].end > offset:
            return i
        return i + 1
