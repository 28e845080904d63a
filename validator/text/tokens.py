"""Tokens of the normalized text, with offsets: words, numbers and single punctuation marks."""
from __future__ import annotations

import bisect
import re
from functools import partial
from itertools import accumulate, repeat
from operator import add, attrgetter, sub
from typing import NamedTuple

from validator.text.wordcache import WordCache

# A number keeps its decimal and thousands separators (3.5, 1,200); a word is a run of letters.
_TOKEN = r"\d+(?:[.,]\d+)*|[^\W\d_]+|\S"
# Only white space lies between two tokens, so each token's offsets follow from the lengths of the
# spaces and tokens, which `split` returns alternately (space, token, space, ..., trailing space)
# without a match object, or a tuple, per token.
_SPLIT = re.compile(rf"({_TOKEN})")


class Token(NamedTuple):
    """One token: index, offsets in the normalized text, text, and kind (word, number or punct).
    A named tuple, so `tokenize` builds a whole article's tokens in C (articles have hundreds)."""

    index: int  # type: ignore[assignment]  # the field shadows tuple.index, as it always has
    start: int
    end: int
    text: str
    kind: str

    def __repr__(self) -> str:
        return f"Token({self.index}, {self.start}, {self.end}, {self.text!r}, {self.kind})"


def _kind(first_char: str) -> str:
    return "number" if first_char.isdigit() else "word" if first_char.isalpha() else "punct"


_KINDS = WordCache(_kind, limit=10_000)  # by first character, which decides a token's kind


def kind_of(text: str) -> str:
    """The kind of a token with this text: word, number or punct."""
    return _KINDS[text[0]]


# each token's kind by its whole text: one dict hit per token in C, and the text's hash, computed
# here, serves the lexicon scan's lookups after it (the first character was a new string per token)
_KIND_OF_TEXT = WordCache(kind_of, limit=200_000)
_start = attrgetter("start")
token_kind = attrgetter("kind")  # for passes that pick tokens by kind in C (map, compress)
_new_token = tuple.__new__


def tokenize(norm_text: str) -> list[Token]:
    parts = _SPLIT.split(norm_text)
    texts = parts[1::2]
    lengths = list(map(len, texts))
    ends = list(accumulate(map(add, map(len, parts[0:-1:2]), lengths)))
    starts = map(sub, ends, lengths)
    kinds = map(_KIND_OF_TEXT.__getitem__, texts)
    return list(map(_new_token, repeat(Token), zip(range(len(texts)), starts, ends, texts, kinds)))


class TokenIndex:
    """Find the token at or after an offset in O(log n)."""

    def __init__(self, tokens: list[Token]):
        self.tokens = tokens
        self._starts = list(map(_start, tokens))
        # `at_or_after(offset)`: the index of the first token that starts at or after it. A partial of
        # `bisect_left` is called in C, without a Python frame (the extractors ask hundreds of times an article).
        self.at_or_after = partial(bisect.bisect_left, self._starts)

    def containing(self, offset: int) -> int:
        """Index of the token whose span contains `offset`, or of the next token."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self.tokens[i].end > offset:
            return i
        return i + 1
