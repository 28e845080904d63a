"""Patterns run over an article's tokens; the one conflict filter (`validator.extract.claims.resolve`:
priority, then longest, then leftmost) decides among each label's overlapping candidates. No stage
edits another's output: a stage asks for the resolved matches of a label.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from operator import attrgetter
from typing import ClassVar
from itertools import compress

from validator.extract.claims import resolve
from validator.extract.patterns.model import Element, Pattern, Test
from validator.extract.patterns.shapes import SHAPES
from validator.text.lexicon import LOOKUP_CACHE_SIZE
from validator.text.tokens import kind_of
from validator.text.wordcache import WordCache

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
        self._ends: dict[str, dict[int, PatternMatch]] = {}  # label -> end token -> first match ending there
        self._distinct: set[str] | None = None  # the article's distinct token texts
        self._words: dict[tuple, set[str]] = {}  # (lexicon, attribute) -> the article's words a `word` test accepts

    def find(self, label: str) -> list[PatternMatch]:
        """The resolved matches of every pattern with this label."""
        found = self._found.get(label)
        if found is None:
            candidates = [m for p in self.by_label.get(label, ()) for m in self._all(p)]
            found = self._found[label] = sorted(resolve(candidates, bytearray(len(self.ctx.tokens) + 1)), key=_START)
        return found

    def ending_at(self, label: str, end: int) -> PatternMatch | None:
        """The first match of `find(label)` that ends at token `end` (asked for every colon or quotation
        mark: a scan of every match each time was quadratic)."""
        ends = self._ends.get(label)
        if ends is None:
            ends = self._ends[label] = {}
            for m in self.find(label):
                ends.setdefault(m.end, m)
        return ends.get(end)

    def _all(self, pattern: Pattern) -> list[PatternMatch]:
        out = []
        for start in self._starts(pattern):
            m = self.match_at(pattern, start)
            if m is not None:
                out.append(m)
        return out

    def _starts(self, pattern: Pattern) -> list[int]:
        """Where a match can start: the candidates of its first test (`_candidates`), kept only where
        each token at a fixed offset from the start passes that offset's literal, `exact` and `word`
        tests (most candidates fail there, and a failed `match_at` costs far more than a set lookup)."""
        starts = self._candidates(pattern)
        texts = self.ctx.texts
        for at, kind, value in self._anchors(pattern):
            words = self._word_entries(*value) if kind == "word" else value
            starts = [k for k in starts if k + at < len(texts) and texts[k + at] in words]
        return starts

    def _candidates(self, pattern: Pattern):
        """Before a literal (the tokens ahead of it one each), else before a token that is an `exact`
        entry, at a lexicon's matches, at a word lexicon's entries, or at every token."""
        ctx = self.ctx
        texts = ctx.texts
        offset = 0
        for index, el in enumerate(pattern.elements):
            literal = next((t for t in el.tests if t.kind == "literal" and not t.negated), None)
            if literal is not None and el.low >= 1:
                found = compress(range(len(texts)), map(literal.value.__eq__, texts))
                following = _required_lexicon(pattern.elements, index + 1) if el.one_token else None
                if following is not None:  # من + places: only where the next token starts a match
                    found = (k for k in found if ctx.hit_at(following, k + 1) is not None)
                return sorted({k - offset for k in found if k >= offset})
            if not el.one_token:
                break
            offset += 1
        exact = next(((at, words) for at, kind, words in self._anchors(pattern) if kind == "exact"), None)
        if exact is not None:  # found in C
            at, words = exact
            return [k - at for k in compress(range(len(texts)), map(words.__contains__, texts)) if k >= at]
        first = pattern.elements[0]
        lexicon = next((t for t in first.tests if t.kind == "lexicon" and not t.negated), None)
        if lexicon is not None and first.low >= 1:
            return [m.i for m in ctx.hits(lexicon.value)]
        word = next((t for t in first.tests if t.kind == "word" and not t.negated), None)
        if word is not None and first.low >= 1:
            entries = self._word_entries(word.value, word.attr)
            return list(compress(range(len(texts)), map(entries.__contains__, texts)))
        return range(len(texts))

    def _anchors(self, pattern: Pattern) -> list[tuple[int, str, object]]:
        """(offset from the start, test kind, the words it accepts) of each literal, `exact` and `word`
        test a match must pass at a fixed offset: in the one-token elements that open the pattern and
        the element after them. The words of an `exact` test with its attribute applied; of a `word`
        test, (lexicon, attribute), its words looked up per article. Once per pattern and run."""
        memo = self.ctx.res.pattern_memo
        known = memo.get(id(pattern))
        if known is not None and known[0] is pattern:
            return known[1]
        anchors: list[tuple[int, str, object]] = []
        memo[id(pattern)] = (pattern, anchors)  # the pattern held, so its id is not reused
        offset = 0
        for el in pattern.elements:
            for t in el.tests if el.low >= 1 else ():
                if t.negated:
                    continue
                if t.kind == "literal":
                    anchors.append((offset, "literal", frozenset((t.value,))))
                elif t.kind == "exact":
                    entries = self.ctx.res.matchable[t.value].by_norm
                    anchors.append((offset, "exact", frozenset(w for w, e in entries.items() if _has(e, t.attr))))
                elif t.kind == "word":
                    anchors.append((offset, "word", (t.value, t.attr)))
            if not el.one_token:
                break
            offset += 1
        return anchors

    def _word_entries(self, lexicon: str, attr: tuple[str, str] | None) -> set[str]:
        """The article's words a `word` test of this lexicon and attribute accepts (each distinct word
        looked up once, in C; the attribute read only on the entries found)."""
        key = (lexicon, attr)
        found = self._words.get(key)
        if found is None:
            if self._distinct is None:
                self._distinct = set(self.ctx.texts)
            lex = self.ctx.res.matchable[lexicon]
            found = lex.words_with_entry(self._distinct)
            if attr is not None:
                found = {w for w in found if _has(lex.lookup(w), attr)}
            self._words[key] = found
        return found

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
        by_text, texts = self._by_text(el), self.ctx.texts
        while el.high < 0 or len(ends) - 1 < el.high:
            at = ends[-1]
            if by_text is not None:  # tests of the token's text alone: decided once per run for each text
                got = by_text[texts[at]] if at < len(texts) else None
                if got is None:
                    break
                nxt = at + 1
            else:
                got = []
                nxt = self._element(el, at, got)
                if nxt < 0:
                    break
            ends.append(nxt)
            lex_after.append([*lex_after[-1], *got] if got else lex_after[-1])
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
            if j < 0:
                return -1
            if test.negated:
                continue  # [lexicon A & not lexicon A:scope=report]: a rejection spans no tokens of its own
            if end >= 0 and j != end:
                return -1
            end = j
        return end if end >= 0 else i + 1

    def _by_text(self, el: Element) -> WordCache | None:
        """token text -> the lexicon entries an element's tests used there, or None where they fail;
        for an element without lexicon tests (whose verdict depends on the text alone). Once per run."""
        memo = self.ctx.res.pattern_memo
        known = memo.get(id(el))
        if known is not None and known[0] is el:
            return known[1]
        by_text = None if any(t.kind == "lexicon" for t in el.tests) else WordCache(
            partial(_text_tests, el.tests, self.ctx.res.matchable), LOOKUP_CACHE_SIZE)
        memo[id(el)] = (el, by_text)  # the element held, so its id is not reused
        return by_text

    def _test(self, t: Test, i: int, used: list[str]) -> int:
        ctx = self.ctx
        if t.kind == "lexicon":
            m = ctx.hit_at(t.value, i)
            ok, j, entry = m is not None and _has(m.entry, t.attr), (m.j if m is not None else i + 1), (
                m.entry if m is not None else None)
        else:
            (ok, entry), j = _text_test(t, ctx.texts[i], ctx.res.matchable), i + 1
        if t.negated:
            return i + 1 if not ok else -1
        if not ok:
            return -1
        if entry is not None:
            used.append(entry.source)
        return j


def _text_test(t: Test, text: str, matchable: dict) -> tuple[bool, object]:
    """(whether a token of this text passes a test other than `lexicon`, negation aside; the lexicon
    entry it read, if any)."""
    kind = t.kind
    if kind in ("word", "exact"):
        lex = matchable[t.value]
        entry = lex.lookup(text) if kind == "word" else lex.by_norm.get(text)
        return entry is not None and _has(entry, t.attr), entry
    return (text == t.value if kind == "literal" else kind_of(text) == "punct" if kind == "punct"
            else SHAPES[t.value](text) if kind == "shape" else True), None


def _text_tests(tests: tuple[Test, ...], matchable: dict, text: str) -> tuple[str, ...] | None:
    """The lexicon entries a token of this text passing all `tests` uses, or None if one fails."""
    sources = []
    for t in tests:
        ok, entry = _text_test(t, text, matchable)
        if ok == t.negated:
            return None
        if entry is not None and not t.negated:
            sources.append(entry.source)
    return tuple(sources)


def _required_lexicon(elements: tuple[Element, ...], k: int) -> str | None:
    """The lexicon element k must start a match of (a non-negated lexicon test, at least once), or None."""
    if k >= len(elements) or elements[k].low < 1:
        return None
    return next((t.value for t in elements[k].tests if t.kind == "lexicon" and not t.negated), None)


def _has(entry, attr: tuple[str, str] | None) -> bool:
    return attr is None or attr[1] in (entry.get(attr[0]) or "").split(",")
