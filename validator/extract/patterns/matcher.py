"""Patterns run over an article's tokens; the one conflict filter (`validator.extract.claims.resolve`:
priority, then longest, then leftmost) decides among each label's overlapping candidates. No stage
edits another's output: a stage asks for the resolved matches of a label.
"""
from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter
from typing import ClassVar
from itertools import compress

from validator.extract.claims import resolve
from validator.extract.patterns.model import Element, Pattern, Test
from validator.extract.patterns.shapes import SHAPES

_START = attrgetter("start")


@dataclass(frozen=True)
class PatternMatch:
    pattern: Pattern
    start: int                 # token range of the whole match
    end: int
    span_start: int            # token range of the span it proposes
    span_end: int
    lexicon: tuple[str, ...]   # lexicon entries (file:line) the tests used
    priority: int = 0          # the pattern's, for the conflict filter
    nests: ClassVar[tuple[int, int]] = (0, 0)  # a pattern's span nests nothing (validator.extract.claims)

    @property
    def evidence(self) -> list[str]:
        """`pattern-id@file:line` and the lexicon entries that matched."""
        return [f"{self.pattern.id}@{self.pattern.source}", *self.lexicon]


class ArticlePatterns:
    """The patterns of a run applied to one article (Context), each label's result computed once."""

    def __init__(self, ctx, patterns: list[Pattern]):
        self.ctx = ctx
        self.by_label: dict[str, list[Pattern]] = {}
        for p in patterns:
            self.by_label.setdefault(p.label, []).append(p)
        self._found: dict[str, list[PatternMatch]] = {}

    def find(self, label: str) -> list[PatternMatch]:
        """The resolved matches of every pattern with this label."""
        found = self._found.get(label)
        if found is None:
            candidates = [m for p in self.by_label.get(label, ()) for m in self._all(p)]
            found = self._found[label] = sorted(resolve(candidates, bytearray(len(self.ctx.tokens) + 1)), key=_START)
        return found

    def _all(self, pattern: Pattern) -> list[PatternMatch]:
        out = []
        for start in self._starts(pattern):
            m = self.match_at(pattern, start)
            if m is not None:
                out.append(m)
        return out

    def _starts(self, pattern: Pattern):
        """Where a match can start: before a literal (the tokens ahead of it one each), else before
        a token that is an `exact` entry, at a lexicon's matches, or at every token."""
        ctx = self.ctx
        offset = 0
        exact: tuple[Test, int] | None = None
        for index, el in enumerate(pattern.elements):
            literal = next((t for t in el.tests if t.kind == "literal" and not t.negated), None)
            if literal is not None and el.low >= 1:
                texts = ctx.texts
                found = compress(range(len(texts)), map(literal.value.__eq__, texts))
                following = _required_lexicon(pattern.elements, index + 1) if el.one_token else None
                if following is not None:  # من + places: only where the next token starts a match
                    found = (k for k in found if ctx.hit_at(following, k + 1) is not None)
                return sorted({k - offset for k in found if k >= offset})
            if exact is None and el.low >= 1:
                test = next((t for t in el.tests if t.kind == "exact" and not t.negated), None)
                exact = (test, offset) if test is not None else None
            if not el.one_token:
                break
            offset += 1
        if exact is not None:
            (test, at), entries = exact, ctx.res.matchable[exact[0].value].by_norm
            texts = ctx.texts
            return [k - at for k in compress(range(len(texts)), map(entries.__contains__, texts)) if k >= at]
        first = pattern.elements[0]
        lexicon = next((t for t in first.tests if t.kind == "lexicon" and not t.negated), None)
        if lexicon is not None and first.low >= 1:
            return [m.i for m in ctx.hits(lexicon.value)]
        word = next((t for t in first.tests if t.kind == "word" and not t.negated), None)
        if word is not None and first.low >= 1:  # only at tokens that are an entry (each distinct word once)
            lex, texts = ctx.res.matchable[word.value], ctx.texts
            entries = {w for w in set(texts) if lex.lookup(w) is not None}
            return list(compress(range(len(texts)), map(entries.__contains__, texts)))
        return range(len(ctx.tokens))

    def match_at(self, pattern: Pattern, start: int) -> PatternMatch | None:
        """The greedy match of a pattern starting at a token, or None."""
        bounds: list[int] = []
        used: list[str] = []
        end = self._seq(pattern.elements, 0, start, bounds, used)
        if end < 0:
            return None
        s, e = pattern.span
        positions = [start, *bounds]
        return PatternMatch(pattern, start, end, positions[s], positions[e], tuple(used), pattern.priority)

    def _seq(self, elements: tuple[Element, ...], k: int, i: int, bounds: list[int], used: list[str]) -> int:
        """Match elements[k:] from token i (backtracking, greedy); fill `bounds` with the token index
        after each element; the end token, or -1."""
        if k == len(elements):
            return i
        el = elements[k]
        ends = [i]          # token after n repetitions, n = 0, 1, ...
        lex_after: list[list[str]] = [[]]
        while el.high < 0 or len(ends) - 1 < el.high:
            got: list[str] = []
            nxt = self._element(el, ends[-1], got)
            if nxt < 0:
                break
            ends.append(nxt)
            lex_after.append(lex_after[-1] + got)
        for n in range(len(ends) - 1, el.low - 1, -1):
            mark_b, mark_u = len(bounds), len(used)
            bounds.append(ends[n])
            used.extend(lex_after[n])
            end = self._seq(elements, k + 1, ends[n], bounds, used)
            if end >= 0:
                return end
            del bounds[mark_b:], used[mark_u:]
        return -1

    def _element(self, el: Element, i: int, used: list[str]) -> int:
        """The token after one occurrence of an element at token i, or -1."""
        if i >= len(self.ctx.tokens):
            return -1
        end = -1
        for test in el.tests:
            j = self._test(test, i, used)
            if j < 0 or (end >= 0 and j != end):
                return -1
            end = j
        return end

    def _test(self, t: Test, i: int, used: list[str]) -> int:
        ctx = self.ctx
        tok = ctx.tokens[i]
        kind = t.kind
        if kind == "lexicon":
            m = ctx.hit_at(t.value, i)
            ok, j, entry = m is not None and _has(m.entry, t.attr), (m.j if m is not None else i + 1), (
                m.entry if m is not None else None)
        elif kind in ("word", "exact"):
            lex = ctx.res.matchable[t.value]
            entry = lex.lookup(tok.text) if kind == "word" else lex.by_norm.get(tok.text)
            ok, j = entry is not None and _has(entry, t.attr), i + 1
        else:
            entry, j = None, i + 1
            ok = (tok.text == t.value if kind == "literal" else tok.kind == "punct" if kind == "punct"
                  else SHAPES[t.value](tok.text) if kind == "shape" else True)
        if t.negated:
            return i + 1 if not ok else -1
        if not ok:
            return -1
        if entry is not None:
            used.append(entry.source)
        return j


def _required_lexicon(elements: tuple[Element, ...], k: int) -> str | None:
    """The lexicon element k must start a match of (a non-negated lexicon test, at least once), or None."""
    if k >= len(elements) or elements[k].low < 1:
        return None
    return next((t.value for t in elements[k].tests if t.kind == "lexicon" and not t.negated), None)


def _has(entry, attr: tuple[str, str] | None) -> bool:
    return attr is None or attr[1] in (entry.get(attr[0]) or "").split(",")
