"""Tokens of the normalized text, with offsets: words, numbers and single punctuation marks."""
from __future__ import annotations

import bisect
import re
from functools import partial
from itertools import accumulate, compress, repeat
from operator import add, attrgetter, itemgetter, not_, sub
from sys import intern
from typing import Mapping, NamedTuple

from validator.text.wordcache import WordCache

# A number keeps its decimal and thousands separators (3.5, 1,200); a word is a run of letters.
_TOKEN = r"\d+(?:[.,]\d+)*|[^\W\d_]+|\S"
# Only white space lies between two tokens, so each token's offsets follow from the lengths of the
# spaces and tokens, which `split` returns alternately (space, token, space, ..., trailing space)
# without a match object, or a tuple, per token.
_SPLIT = re.compile(rf"({_TOKEN})")


class _TokenFields(NamedTuple):
    index: int  # type: ignore[assignment]  # the field shadows tuple.index, as it always has
    start: int
    end: int
    text: str
    kind: str


class Token(tuple):
    """One token: index, offsets in the normalized text, text, and kind (word, number or punct).
    A tuple read by the named tuple's own field readers (`_TokenFields`: C descriptors, as fast), made
    by `Token(fields)`, tuple's constructor in C: a named tuple's is a Python function, and
    `tuple.__new__(Token, fields)` wraps that constructor in two more calls (some 300 instructions a
    token; an article has hundreds of tokens)."""

    __slots__ = ()
    index = _TokenFields.index  # type: ignore[assignment]
    start = _TokenFields.start
    end = _TokenFields.end
    text = _TokenFields.text
    kind = _TokenFields.kind

    def __repr__(self) -> str:
        return f"Token({self.index}, {self.start}, {self.end}, {self.text!r}, {self.kind})"


WORD = "word"
NUMBER = "number"


def _kind(first_char: str) -> str:
    return NUMBER if first_char.isdigit() else WORD if first_char.isalpha() else "punct"


_KINDS = WordCache(_kind, limit=10_000)  # by first character, which decides a token's kind


def kind_of(text: str) -> str:
    """The kind of a token with this text: word, number or punct."""
    return _KINDS[text[0]]


# each token's kind by its whole text: one dict hit per token in C, and the text's hash, computed
# here, serves the lexicon scan's lookups after it (the first character was a new string per token)
_KIND_OF_TEXT = WordCache(kind_of, limit=200_000)
_start = attrgetter("start")
token_kind = attrgetter("kind")  # for passes that pick tokens by kind in C (map, compress)


class Tokenized(NamedTuple):
    """A text's tokens with their texts and start offsets as the tokenizer made them: the extraction
    context keeps those lists, so it need not read them back off the tokens."""

    tokens: list[Token]
    texts: list[str]
    starts: list[int]
    records: list[tuple] | None = None  # each token's run-wide word record (`tokenized(text, records)`)


def tokenize(norm_text: str) -> list[Token]:
    return tokenized(norm_text).tokens


_first = itemgetter(0)


def tokenized(norm_text: str, records: Mapping[str, tuple] | None = None) -> Tokenized:
    """The tokens of a normalized text. `records`, a run's table of word records (text -> a tuple
    whose first item is the text, one string for the run, as interning makes it), gives each token its
    record, looked up once a token (the extraction layer keeps there what it reads of a word for the
    run: validator/extract/word_facts.py, `word_records`), and its text from it, not interned."""
    # Most of an article is words between single spaces: `str.split(" ")` gives them, with their
    # offsets (a piece starts one after the end of the one before), several times cheaper than the
    # token regex over every character. Only the pieces that are not all letters (punctuation
    # attached, numbers, other white space, nothing between two spaces) go through the regex: no
    # token spans a space, so a piece is tokenized alone as it would be in its text.
    pieces = norm_text.split(" ")
    piece_starts = list(accumulate(map(add, map(len, pieces), repeat(1)), initial=0))
    texts: list[str] = []
    starts: list[int] = []
    kinds: list[str] = []
    done = 0  # the pieces before this one are in the lists
    for k in compress(range(len(pieces)), map(not_, map(str.isalpha, pieces))):
        if k > done:  # a run of pieces that are one word each
            texts += pieces[done:k]
            starts += piece_starts[done:k]
            kinds += repeat(WORD, k - done)
        done = k + 1
        piece = pieces[k]
        edges = _edges(piece)
        if edges is not None:  # a word with a mark or digit glued to one end or both: «داعش»، وقال:
            before, after = edges
            base = piece_starts[k]
            if before:
                texts.append(piece[0])
                starts.append(base)
                kinds.append(_KIND_OF_TEXT[piece[0]])
            middle = piece[before:len(piece) - after]
            texts.append(middle)
            starts.append(base + before)
            kinds.append(_KIND_OF_TEXT[middle])
            if after:
                texts.append(piece[-1])
                starts.append(base + len(piece) - 1)
                kinds.append(_KIND_OF_TEXT[piece[-1]])
        elif piece:
            parts = _SPLIT.split(piece)  # white space, token, white space, ..., white space
            found = parts[1::2]
            lengths = list(map(len, found))
            ends = accumulate(map(add, map(len, parts[0:-1:2]), lengths), initial=piece_starts[k])
            next(ends)
            texts += found
            starts += map(sub, ends, lengths)
            kinds += map(_KIND_OF_TEXT.__getitem__, found)
    if done < len(pieces):
        texts += pieces[done:]
        starts += piece_starts[done:-1]
        kinds += repeat(WORD, len(pieces) - done)
    # each text interned: a word is one string for the run, so the per-word caches' look-ups (dozens a
    # word an article, in tables too large for the processor's cache) match their key by identity
    # without reading a stored copy of it, and a word's copies take no memory of their own (with
    # `records`: the record's string, which is that one string without the interned strings' table)
    recs = None
    if records is None:
        texts = list(map(intern, texts))
    else:
        recs = list(map(records.__getitem__, texts))
        texts = list(map(_first, recs))
    ends = map(add, starts, map(len, texts))
    return Tokenized(list(map(Token, zip(range(len(texts)), starts, ends, texts, kinds))), texts, starts, recs)


def _edges(piece: str) -> tuple[int, int] | None:
    """What the token regex makes of a piece that is one word or number, with perhaps a character
    glued to one end or both that is a token of its own (ذلك، «لا (تموز) -), read without the regex
    (a call costs as much as a hundred characters scanned): (1 if the first character is a token, 1
    if the last is), the rest one token; None when the regex must decide. One token: letters only
    or decimal digits only (\\d+ or [^\\W\\d_]+), tested inline (a call a test cost more than it)."""
    if len(piece) < 2:
        return (0, 0) if piece and not piece.isspace() else None
    if piece.isdecimal():
        return 0, 0
    rest = piece[:-1]
    if rest.isalpha() or rest.isdecimal():
        return (0, 1) if _ALONE[piece[-1]] else None
    rest = piece[1:]
    if rest.isalpha() or rest.isdecimal():
        return (1, 0) if _ALONE[piece[0]] else None
    rest = piece[1:-1]
    if rest and (rest.isalpha() or rest.isdecimal()) and _ALONE[piece[0]] and _ALONE[piece[-1]]:
        return 1, 1
    return None


# A character the token regex reads as a token of its own beside a word or a number: a digit (\d;
# beside a number `_edges` took it already), a mark (not \w, not white space), or `_`.
_ALONE = WordCache(lambda c: not c.isspace() and (c.isdecimal() or not c.isalnum()), limit=10_000)


class TokenIndex:
    """Find the token at or after an offset in O(log n)."""

    def __init__(self, tokens: list[Token], starts: list[int] | None = None):
        self.tokens = tokens
        self._starts = list(map(_start, tokens)) if starts is None else starts  # each token's start
        # `at_or_after(offset)`: the index of the first token that starts at or after it. A partial of
        # `bisect_left` is called in C, without a Python frame (the extractors ask hundreds of times an article).
        self.at_or_after = partial(bisect.bisect_left, self._starts)

    def containing(self, offset: int) -> int:
        """Index of the token whose span contains `offset`, or of the next token."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self.tokens[i].end > offset:
            return i
        return i + 1
