"""Patterns run over an article's tokens; the one conflict filter (`validator.extract.claims.resolve`:
priority, then longest, then leftmost) decides among each label's overlapping candidates. No stage
edits another's output: a stage asks for the resolved matches of a label.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import partial
from bisect import bisect_left
from operator import attrgetter, itemgetter
from typing import ClassVar
from itertools import compress

from validator.extract.claims import resolve
from validator.extract.patterns.model import Element, Pattern, Test
from validator.extract.patterns.shapes import SHAPES
from validator.extract.patterns.word_tests import has_attr, word_test_index, word_tests
from validator.text.lexicon import LOOKUP_CACHE_SIZE
from validator.text.tokens import kind_of
from validator.text.wordcache import WordCache

_START = attrgetter("start")
_PLACE = itemgetter(0, 1)  # (a pattern's place in its label, a start): the order `find` proposes in


@dataclass(slots=True)  # not frozen: a frozen dataclass is made attribute by attribute, slowly
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


class _Plan:
    """A pattern compiled once per run (kept in `Resources.pattern_memo`): how its candidate starts are
    found, the tests a start must pass at fixed offsets, and each element as a step of the matcher."""

    __slots__ = ("pattern", "start", "anchors", "required", "needed_words", "needed_tests", "test_ids", "steps", "widths")

    def __init__(self, pattern: Pattern, matchable: dict):
        self.pattern = pattern
        self.anchors = _anchors(pattern.elements, matchable)
        self.required = _required_words(pattern, matchable, self.anchors)
        # what the article must have for a match (`ArticlePatterns._starts`): a word of each required or anchor
        # word set, and a word passing each such `word` test (its number in the run: `test_ids`, at first use)
        needed = (*self.required, *((kind, value) for _at, kind, value in self.anchors))
        self.needed_words = tuple(value for kind, value in needed if kind != "word")
        self.needed_tests = tuple(value for kind, value in needed if kind == "word")
        self.test_ids: tuple[dict, frozenset[int]] | None = None
        self.start = _start_plan(pattern.elements, self.anchors, matchable)
        # (least, most, the element's verdict per token text or None, whether that verdict names
        # lexicon entries, the element): an element without a lexicon test is decided by the token's
        # text alone, once per run for each text
        self.steps = tuple((el.low, el.high, _text_verdicts(el, matchable), _names_entries(el), el)
                           for el in pattern.elements)
        # per element, (most repetitions, the lexicons whose longest match one repetition may take), or
        # None when a repetition has no bound (`ArticlePatterns._reach`)
        self.widths = None if any(el.high < 0 for el in pattern.elements) else tuple(
            (el.high, tuple(t.value for t in el.tests if t.kind == "lexicon" and not t.negated))
            for el in pattern.elements)


class ArticlePatterns:
    """The patterns of a run applied to one article (Context), each label's result computed once."""

    def __init__(self, ctx, patterns: list[Pattern]):
        self.ctx = ctx
        self.texts: list[str] = ctx.texts
        memo = ctx.res.pattern_memo
        by_label = memo.get("by-label")
        if by_label is None or by_label[0] is not patterns:  # the run's patterns by label, grouped once a run
            grouped: dict[str, list[Pattern]] = {}
            for p in patterns:
                grouped.setdefault(p.label, []).append(p)
            by_label = memo["by-label"] = (patterns, grouped, word_tests(patterns))
        self.by_label: dict[str, list[Pattern]] = by_label[1]
        self._word_tests: frozenset[tuple] = by_label[2]  # the (lexicon, attribute) of every `word` test
        self._found: dict[str, list[PatternMatch]] = {}
        self._ends: dict[str, dict[int, PatternMatch]] = {}  # label -> end token -> first match ending there
        self._words: list[set[str]] | None = None  # per `word` test (`word_test_index`), the article's words it accepts
        self._test_ids: dict[tuple, int] = {}  # (lexicon, attribute) of a `word` test -> its number
        self._passed: frozenset[int] = frozenset()  # the numbers of the tests some word of the article passes
        self._starts_of: dict[tuple, list[int]] = {}  # a start plan -> its candidate starts (patterns share them)
        self._hit_at: dict[str, dict] = {}  # lexicon -> start token -> its match (as Context.hit_at)
        self._reaches: dict[str, int | None] = {}  # label -> its longest possible match here (`_reach`)
        self._plan_starts: dict[_Plan, list[int]] = {}  # a pattern's candidate starts, in order (`_sorted_starts`)
        self._longest: dict[str, int] = {}  # lexicon -> the most tokens one of its matches takes here

    def find(self, label: str) -> list[PatternMatch]:
        """The resolved matches of every pattern with this label."""
        found = self._found.get(label)
        if found is None:
            candidates = [m for plan in self._plans(label) if (starts := self._starts(plan))  # (most have none)
                          for m in map(partial(self._match, plan), starts) if m is not None]
            found = self._found[label] = sorted(resolve(candidates, bytearray(len(self.texts) + 1)), key=_START)
        return found

    def find_reaching(self, label: str, i: int) -> list[PatternMatch]:
        """The matches of `find(label)` that start at token i or fewer tokens before it than the label's
        longest possible match (all those that contain token i or end right at it, and maybe a few
        more), in its order. For a test at a few tokens of an article (after a person's name): unless
        `find` has run, the label is matched only around them (`_cluster`), with the same answer."""
        reach = self._reach(label)
        found = self._found.get(label)
        if reach is not None and found is None:
            return self._cluster(label, max(0, i - reach), i + 1, reach)
        found = self.find(label) if found is None else found
        if reach is None:
            reach = max((m.end - m.start for m in found), default=0)
        return [m for m in found if i - reach <= m.start <= i]

    def _cluster(self, label: str, lo: int, hi: int, reach: int) -> list[PatternMatch]:
        """The matches of `find(label)` starting at tokens lo..hi-1, from the candidates of their
        cluster alone. The filter keeps a candidate when no candidate it overlaps that goes before it
        is kept, so a candidate's fate is decided among those linked to it by overlaps: the starts read
        grow right over every candidate read, and left over any candidate (at most `reach` tokens
        long) that crosses into them, until none does."""
        plans = self._plans(label)
        n = len(self.texts)
        found: list[tuple[int, int, PatternMatch]] = []  # (the pattern's place in its label, start, match)
        a = b = read_lo = lo  # the cluster's starts a..b-1; starts read_lo..b-1 read
        right = hi            # the cluster's starts run at least to here
        while True:
            if b < right and b < n:
                new = self._candidates_in(plans, b, min(right, n))
                b = min(right, n)
                found += new
                right = max(right, *(max(m.end, m.start + 1) for _, _, m in new)) if new else right
                continue
            if read_lo > max(0, a - reach):
                found += self._candidates_in(plans, max(0, a - reach), read_lo)
                read_lo = max(0, a - reach)
            crossing = [c for c in found if c[1] < a and max(c[2].end, c[1] + 1) > a]
            if not crossing:
                break
            a = min(c[1] for c in crossing)
            right = max(right, *(max(m.end, m.start + 1) for _, _, m in crossing))
        # proposed in `find`'s order (pattern by pattern, each by start), which breaks the filter's ties
        candidates = [m for _, s, m in sorted(found, key=_PLACE) if a <= s]
        kept = sorted(resolve(candidates, bytearray(n + 1)), key=_START)
        return [m for m in kept if lo <= m.start < hi]

    def _candidates_in(self, plans: list[_Plan], x: int, y: int) -> list[tuple[int, int, PatternMatch]]:
        """(the pattern's place in its label, start, match) of each pattern matching at tokens x..y-1:
        tried only at the pattern's candidate starts there (`_starts`, the starts `find` tries: an
        article without a word the pattern requires has none, and a pattern that opens with an
        optional word is not tried at every token)."""
        out = []
        for q, plan in enumerate(plans):
            keys = self._sorted_starts(plan)
            for s in keys[bisect_left(keys, x):bisect_left(keys, y)]:
                m = self._match(plan, s)
                if m is not None:
                    out.append((q, s, m))
        return out

    def _sorted_starts(self, plan: _Plan) -> list[int]:
        """A pattern's candidate starts (`_starts`) in order, each once, made once an article."""
        starts = self._plan_starts.get(plan)
        if starts is None:
            starts = self._plan_starts[plan] = sorted(set(self._starts(plan)))
        return starts

    def _reach(self, label: str) -> int | None:
        """The most tokens a match of the label can take in this article (a lexicon test takes its
        longest match here), or None when a repetition has no bound."""
        if label in self._reaches:
            return self._reaches[label]
        most: int | None = 0
        for plan in self._plans(label):
            widths = plan.widths
            if widths is None:
                most = None
                break
            most = max(most, sum(high * max(map(self._longest_hit, lexicons), default=1) for high, lexicons in widths))
        self._reaches[label] = most
        return most

    def _longest_hit(self, lexicon: str) -> int:
        """The most tokens a match of the lexicon takes in this article."""
        longest = self._longest.get(lexicon)
        if longest is None:
            longest = self._longest[lexicon] = max((m.j - m.i for m in self.ctx.hits(lexicon)), default=1)
        return longest

    def _hits_at(self, lexicon: str) -> dict:
        """start token -> the lexicon's match there, once an article (as `Context.hit_at`)."""
        at = self._hit_at.get(lexicon)
        if at is None:
            at = self._hit_at[lexicon] = {m.i: m for m in self.ctx.hits(lexicon)}
        return at

    def _plans(self, label: str) -> list[_Plan]:
        """The label's patterns compiled, in file order (the list made once per run)."""
        patterns = self.by_label.get(label, ())
        known = self.ctx.res.pattern_memo.get(("plans", label))
        if known is None or known[0] is not patterns:
            known = self.ctx.res.pattern_memo[("plans", label)] = (patterns, [self._plan(p) for p in patterns])
        return known[1]

    def _plan(self, pattern: Pattern) -> _Plan:
        memo = self.ctx.res.pattern_memo
        known = memo.get(id(pattern))
        if known is None or known.pattern is not pattern:
            known = memo[id(pattern)] = _Plan(pattern, self.ctx.res.matchable)  # holds the pattern: its id is not reused
        return known

    def ending_at(self, label: str, end: int) -> PatternMatch | None:
        """The first match of `find(label)` that ends at token `end` (asked for every colon or quotation
        mark: a scan of every match each time was quadratic)."""
        ends = self._ends.get(label)
        if ends is None:
            ends = self._ends[label] = {}
            for m in self.find(label):
                ends.setdefault(m.end, m)
        return ends.get(end)

    def _starts(self, plan: _Plan) -> list[int]:
        """Where a match can start: the candidates of its start plan (`_start_plan`), kept only where
        each token at a fixed offset from the start passes that offset's literal, `exact` and `word`
        tests (most candidates fail there, and a failed match costs far more than a set lookup). A
        pattern one of whose anchor words is not in the article is not tried at all."""
        # (most of an article's patterns fail here: two tests in C, not a look-up for each word set)
        if any(map(self.ctx.distinct_texts.isdisjoint, plan.needed_words)):
            return []
        if plan.needed_tests:
            if self._words is None:
                self._words = self._word_tests_passed()
            known = plan.test_ids
            if known is None or known[0] is not self._test_ids:  # (a test no word test of the run: none passes)
                known = plan.test_ids = (self._test_ids, frozenset(self._test_ids.get(t, -1) for t in plan.needed_tests))
            if not self._passed.issuperset(known[1]):
                return []
        anchors = [(at, self._word_entries(*value) if kind == "word" else value) for at, kind, value in plan.anchors]
        starts = self._starts_of.get(plan.start)
        if starts is None:
            starts = self._starts_of[plan.start] = self._candidates(plan.start)
        texts = self.texts
        n = len(texts)
        for at, words in anchors:  # (in C: the starts with room for the offset, then their tokens' texts)
            if at:
                starts = list(compress(starts, map((n - at).__gt__, starts)))
            starts = list(compress(starts, map(words.__contains__, map(texts.__getitem__, map(at.__add__, starts)))))
        return starts

    def _candidates(self, start: tuple) -> list[int]:
        """The candidate starts of a start plan (`_start_plan`), found in C where they can be."""
        kind = start[0]
        texts = self.texts
        # (the tokens of a literal, or of a set of words, from the article's index of texts,
        # `Context.positions`: a pass over every token for each start plan, even a literal's in C, cost
        # more than the index, which other stages read too)
        if kind == "literal":
            _, value, offset, following = start
            found = self.ctx.positions((value,))
            if following is not None:  # من + places: only where the next token starts a match
                hit_at = self.ctx.hit_at
                found = (k for k in found if hit_at(following, k + 1) is not None)
            return sorted({k - offset for k in found if k >= offset})
        if kind == "exact":
            _, at, words = start
            return [k - at for k in self.ctx.positions(words) if k >= at]
        if kind == "lexicon":
            return [m.i for m in self.ctx.hits(start[1])]
        if kind == "word":
            return self.ctx.positions(self._word_entries(start[1], start[2]))
        if kind == "either":  # at an optional opener, or where the rest of the pattern starts
            return sorted(set(self._candidates(start[1])).union(self._candidates(start[2])))
        return list(range(len(texts)))

    def _word_entries(self, lexicon: str, attr: tuple[str, str] | None) -> set[str]:
        """The article's words a `word` test of this lexicon and attribute accepts."""
        words = self._words
        if words is None:
            words = self._words = self._word_tests_passed()
        test = self._test_ids.get((lexicon, attr))
        return words[test] if test is not None else set()

    def _word_tests_passed(self) -> list[set[str]]:
        """Per `word` test (by its number, `_test_ids`), the article's words it accepts, for every such
        test at once: the words some word test's lexicon has an entry for found by set operations (a
        few dozen of the hundreds; for the run's patterns, in the run's one index of word facts,
        validator/extract/word_facts.py), and the tests each of them passes read off a record made
        once per run (asking each test of the article's words cost a few microseconds a test, seventy
        tests; tests by number, not by (lexicon, attribute): a tuple's hash is made at each look-up)."""
        memo = self.ctx.res.pattern_memo
        key = ("word-tests", self._word_tests)
        known = memo.get(key)
        if known is None:
            known = memo[key] = word_test_index(self.ctx.res, self._word_tests)
        self._test_ids, passed, entries = known
        words = [set() for _ in self._test_ids]
        adds = [w.add for w in words]
        for word in entries(self.ctx):
            for test in passed[word]:
                adds[test](word)
        self._passed = frozenset(compress(range(len(words)), words))  # the tests some word of the article passes
        return words

    def label_at(self, label: str, start: int) -> PatternMatch | None:
        """The match of the first pattern with this label (in file order) that starts at a token, or
        None: for a test at a few tokens of an article (the token after a name), where `find` would
        match the label at every token; no conflict filter among the label's patterns."""
        if not 0 <= start < len(self.texts):
            return None
        for plan in self._plans(label):
            m = self._match(plan, start)
            if m is not None:
                return m
        return None

    def match_at(self, pattern: Pattern, start: int) -> PatternMatch | None:
        """The greedy match of a pattern starting at a token, or None."""
        return self._match(self._plan(pattern), start)

    def _match(self, plan: _Plan, start: int) -> PatternMatch | None:
        bounds: list[int] = []
        used: list[str] = []
        end = self._seq(plan.steps, 0, start, bounds, used)
        if end < 0:
            return None
        pattern = plan.pattern
        s, e = pattern.span
        positions = [start, *bounds]
        return PatternMatch(pattern, start, end, positions[s], positions[e], tuple(used), pattern.priority)

    def _seq(self, steps: tuple, k: int, i: int, bounds: list[int], used: list[str]) -> int:
        """Match steps[k:] from token i (backtracking, greedy); fill `bounds` with the token index
        after each element; the end token, or -1."""
        if k == len(steps):
            return i
        low, high, verdicts, names, el = steps[k]
        texts = self.texts
        if verdicts is not None:  # one token per repetition, decided by its text: the longest run
            n = len(texts)
            limit = n if high < 0 or i + high > n else i + high
            j = i
            if verdicts is _ANY_TEXT:
                j = limit  # (every token passes)
            while j < limit and verdicts(texts[j]) is not None:
                j += 1
            if j - i < low:
                return -1
            last = k + 1 == len(steps)
            # the next element one token of a text test: where it fails, nothing need be tried
            after = None if last or steps[k + 1][:2] != (1, 1) else steps[k + 1][2]
            mark_b, mark_u = len(bounds), len(used)
            for e in range(j, i + low - 1, -1):
                if after is not None and (e >= n or after(texts[e]) is None):
                    continue
                bounds.append(e)
                if names:
                    for x in range(i, e):
                        used.extend(verdicts(texts[x]))
                end = e if last else self._seq(steps, k + 1, e, bounds, used)
                if end >= 0:
                    return end
                del bounds[mark_b:], used[mark_u:]
            return -1
        if high == 1:  # one occurrence or, if optional, none
            got: list[str] = []
            if len(el.tests) == 1:
                nxt = self._test(el.tests[0], i, got) if i < len(texts) else -1
            else:
                nxt = self._element(el, i, got)
            mark_b, mark_u = len(bounds), len(used)
            if nxt >= 0:
                bounds.append(nxt)
                used.extend(got)
                end = self._seq(steps, k + 1, nxt, bounds, used)
                if end >= 0:
                    return end
                del bounds[mark_b:], used[mark_u:]
            if low == 0:
                bounds.append(i)
                end = self._seq(steps, k + 1, i, bounds, used)
                if end >= 0:
                    return end
                del bounds[mark_b:]
            return -1
        ends = [i]          # token after n repetitions, n = 0, 1, ...
        lex_after: list[list[str]] = [[]]
        while high < 0 or len(ends) - 1 < high:
            got: list[str] = []
            nxt = self._element(el, ends[-1], got)
            if nxt < 0:
                break
            ends.append(nxt)
            lex_after.append([*lex_after[-1], *got] if got else lex_after[-1])
        for n in range(len(ends) - 1, low - 1, -1):
            mark_b, mark_u = len(bounds), len(used)
            bounds.append(ends[n])
            used.extend(lex_after[n])
            end = self._seq(steps, k + 1, ends[n], bounds, used)
            if end >= 0:
                return end
            del bounds[mark_b:], used[mark_u:]
        return -1

    def _element(self, el: Element, i: int, used: list[str]) -> int:
        """The token after one occurrence of an element at token i, or -1."""
        if i >= len(self.texts):
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

    def _test(self, t: Test, i: int, used: list[str]) -> int:
        if t.kind == "lexicon":
            at = self._hit_at.get(t.value)  # (the matches by start token: `_hits_at`, inline)
            m = (self._hits_at(t.value) if at is None else at).get(i)
            if m is None:
                ok, j, entry = False, i + 1, None
            else:
                attr = t.attr
                entry, j = m.entry, m.j
                ok = attr is None or attr[1] in (entry.get(attr[0]) or "").split(",")  # (`has_attr`, inline)
        else:
            (ok, entry), j = _text_test(t, self.texts[i], self.ctx.res.matchable), i + 1
        if t.negated:
            return i + 1 if not ok else -1
        if not ok:
            return -1
        if entry is not None:
            used.append(entry.source)
        return j


def token_positions(texts: list[str], value: str) -> list[int]:
    """The indexes of the tokens whose text is `value`, in order: `list.index` compares in C, several
    times faster than a `map` of `value.__eq__` over every token (most literals are rare)."""
    out = []
    k = -1
    index = texts.index
    try:
        while True:
            k = index(value, k + 1)
            out.append(k)
    except ValueError:
        return out


def _anchors(elements: tuple[Element, ...], matchable: dict) -> tuple[tuple[int, str, object], ...]:
    """(offset from the start, test kind, the words it accepts) of each literal, `exact` and `word`
    test a match must pass at a fixed offset: in the one-token elements that open the pattern and
    the element after them. The words of an `exact` test with its attribute applied; of a `word`
    test, (lexicon, attribute), its words looked up per article."""
    anchors: list[tuple[int, str, object]] = []
    offset = 0
    for el in elements:
        anchors.extend((offset, *found) for found in _test_words(el, matchable))
        if not el.one_token:
            break
        offset += 1
    return tuple(anchors)


REQUIRED_WORDS_MAX = 64  # the most words of an `exact` test read as a word the article must have (`_required_words`)


def _required_words(pattern: Pattern, matchable: dict, anchors: tuple) -> tuple[tuple[str, object], ...]:
    """(test kind, the words it accepts) of each literal, small `exact` and `word` test of an element a
    match must pass at least once, wherever it stands (the anchors aside: they are tested at their
    offsets): a token of the article must pass it, so in an article without such a word the pattern
    is not tried at all (a contract noun is common, a verb of providing twelve words after it rare).
    A `word` test's words as in `_anchors`, looked up per article."""
    at_offsets = {(kind, value) for _at, kind, value in anchors}
    required: list[tuple[str, object]] = []
    for el in pattern.elements:
        for found in _test_words(el, matchable):
            if found[0] == "exact" and len(found[1]) > REQUIRED_WORDS_MAX:
                continue  # (a test of hundreds of words against the article's: no cheaper than trying)
            if found not in at_offsets and found not in required:
                required.append(found)
    return tuple(required)


def _test_words(el: Element, matchable: dict) -> list[tuple[str, object]]:
    """(test kind, the words it accepts) of each literal, `exact` and `word` test a match of the element must
    pass (none when it may be skipped): a literal's word; the words of an `exact` test with its attribute
    applied; a `word` test's (lexicon, attribute), its words looked up per article."""
    out: list[tuple[str, object]] = []
    for t in el.tests if el.low >= 1 else ():
        if t.negated:
            continue
        if t.kind == "literal":
            out.append(("literal", frozenset((t.value,))))
        elif t.kind == "exact":
            entries = matchable[t.value].by_norm
            out.append(("exact", frozenset(w for w, e in entries.items() if has_attr(e, t.attr))))
        elif t.kind == "word":
            out.append(("word", (t.value, t.attr)))
    return out


def _start_plan(elements: tuple[Element, ...], anchors: tuple, matchable: dict) -> tuple:
    """How a pattern's candidate starts are found: before a literal (the tokens ahead of it one each;
    ("literal", text, offset, the lexicon the next token must start a match of)), else before a token
    that is an `exact` entry (("exact", offset, words)), at a lexicon's matches (("lexicon", name)),
    at a word lexicon's entries (("word", lexicon, attribute)), at an optional opener's or else where
    the rest starts (("either", plan with the opener, plan without it): "كما"? verb ...), or at every
    token (("all",))."""
    offset = 0
    for index, el in enumerate(elements):
        literal = next((t for t in el.tests if t.kind == "literal" and not t.negated), None)
        if literal is not None and el.low >= 1:
            return ("literal", literal.value, offset, _required_lexicon(elements, index + 1) if el.one_token else None)
        if not el.one_token:
            break
        offset += 1
    exact = next(((at, words) for at, kind, words in anchors if kind == "exact"), None)
    if exact is not None:
        return ("exact", *exact)
    first = elements[0]
    lexicon = next((t for t in first.tests if t.kind == "lexicon" and not t.negated), None)
    if lexicon is not None and first.low >= 1:
        return ("lexicon", lexicon.value)
    word = next((t for t in first.tests if t.kind == "word" and not t.negated), None)
    if word is not None and first.low >= 1:
        return ("word", word.value, word.attr)
    if first.low == 0 and first.high == 1 and len(elements) > 1:
        plans = [_start_plan(els, _anchors(els, matchable), matchable)
                 for els in ((replace(first, low=1), *elements[1:]), elements[1:])]
        if all(plan[0] != "all" for plan in plans):
            return ("either", *plans)
    return ("all",)


def _text_verdicts(el: Element, matchable: dict):
    """token text -> the lexicon entries an element's tests used there, or None where they fail (a
    function called in C); for an element without lexicon tests (whose verdict depends on the text
    alone), else None. The texts that pass literal and `exact` tests alone are listed once per run (a
    cache of every text met, most of them failing, held a verdict of each text for each element)."""
    if any(t.kind == "lexicon" for t in el.tests):
        return None
    if all(t.kind == "any" and not t.negated for t in el.tests):
        return _ANY_TEXT
    if all(t.kind in ("literal", "exact") and not t.negated for t in el.tests):
        first = el.tests[0]
        texts = (first.value,) if first.kind == "literal" else matchable[first.value].by_norm
        return {text: found for text in texts if (found := _text_tests(el.tests, matchable, text)) is not None}.get
    return WordCache(partial(_text_tests, el.tests, matchable), LOOKUP_CACHE_SIZE).__getitem__


_ANY_TEXT = itemgetter(slice(0))  # every text passes `any`: its empty slice (no entries named), in C


def _names_entries(el: Element) -> bool:
    """Whether passing an element can name a lexicon entry (a `word` or `exact` test, not negated)."""
    return any(t.kind in ("word", "exact") and not t.negated for t in el.tests)


def _text_test(t: Test, text: str, matchable: dict) -> tuple[bool, object]:
    """(whether a token of this text passes a test other than `lexicon`, negation aside; the lexicon
    entry it read, if any)."""
    kind = t.kind
    if kind in ("word", "exact"):
        lex = matchable[t.value]
        entry = lex.lookup(text) if kind == "word" else lex.by_norm.get(text)
        return entry is not None and has_attr(entry, t.attr), entry
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
