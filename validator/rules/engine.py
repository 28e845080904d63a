"""Evaluate rules over an extracted Article. The engine knows structures and operators only;
what is a finding is decided by the rule files."""
from __future__ import annotations

import time
from dataclasses import dataclass
from operator import attrgetter
from typing import TYPE_CHECKING

from validator.errors import RuleError
from validator.extract.evidence import finding_evidence, labels, missing_source
from validator.extract.model import Article, NumberItem, Quote, TextSpan
from validator.findings import Finding, Location
from validator.rules import model as m
from validator.rules.compose import (
    by_unit,
    compose,
    describe,
    one_per_unit,
    unit_index,
)
from validator.rules.consistency import Consistency
from validator.rules.conditions import NORMALIZED, CompiledCondition, compile_condition
from validator.rules.fields import FIELDS, norm_value
from validator.rules.fingerprints import article_fingerprints
from validator.rules.textmatch import ArticleTexts, LiteralSet, literal
from validator.text.lexicon import Lexicons
from validator.text.normalize import NormalizedText, normalize_cached

if TYPE_CHECKING:
    import regex  # imported for real only by a rule with a pattern (see _matches)

# A rule's pattern has a time budget for the whole run (in each worker): REGEX_TIMEOUT seconds, plus
# REGEX_PER_CHAR for each character it has searched. A sane pattern runs at well under a tenth of
# that rate, so a long run never exhausts it; a backtracking one spends it on a handful of texts,
# whether the time goes into one long text or into hundreds of short ones, and the run fails (exit 2).
# The article it ran out on is the one reported; the budget starts again for the next article (which
# fails only if it, too, costs that much).
REGEX_TIMEOUT = 0.25
REGEX_PER_CHAR = 1e-6


class RulePatternTimeout(RuleError):
    pass


@dataclass(slots=True)
class _Eval:
    """Per-item evaluation state: the span a `matches` condition found, for the finding location."""

    match_loc: Location | None = None


_NO_MATCH = _Eval()  # shared by conditions without `matches`, which never write to it
_TEXT_TYPES = frozenset({str, type(None)})  # an attribute's values a gate reads (`_values_present`)

# the structures that are an Article's own lists, by the attribute holding each (one dict look-up a
# rule, not a chain of comparisons: an article's rules ask for their structure dozens of times)
_ARTICLE_LISTS = {"number": "numbers", "quote": "quotes", "entity": "entities", "attribution": "attributions",
                  "spelling": "spellings"}


class Engine:
    def __init__(self, rules: list[m.Rule], lexicons: Lexicons, lang: str = "ar"):
        self.rules = rules
        self.lexicons = lexicons
        self.lang = lang
        self._patterns: dict[str, regex.Pattern] = {}
        self._budgets: dict[str, list[float]] = {}   # rule id -> [seconds spent, seconds allowed]
        self._literal_sets: dict[tuple, LiteralSet] | None = None
        self._compiled_cache: dict[tuple, CompiledCondition] = {}
        # the article being checked: its texts normalized once and its sentences and paragraphs made
        # once for all rules (a house style guide is hundreds of rules over the same sentences)
        self._article: Article | None = None
        self._texts = ArticleTexts()
        self._spans: dict[str, list] = {}  # the text spans of a kind, and the mentions, of the article
        self._literal_hits: dict[tuple, dict[str, list[tuple[object, str, int]]]] = {}
        self._gates: dict[tuple, tuple[tuple[str, frozenset | None], ...]] = {}  # (rule id, its `where`) -> `_gates_of`
        self._present: dict[tuple, object] = {}  # this article's `_values_present`, by gate
        self.conflicts = Consistency(lexicons, lang)

    # -- public ------------------------------------------------------------------------------------
    def run(self, article: Article, rules: list[m.Rule] | None = None) -> list[Finding]:
        findings: list[Finding] = []
        rules = rules if rules is not None else self.rules
        try:
            for rule in rules:
                findings.extend(self.run_rule(rule, article))
        finally:
            self._forget_article()
        once = {r.id: r.once for r in rules if r.once}
        if once:
            findings = one_per_unit(findings, once, lambda f: unit_index(f.location, article, once[f.rule]))
        findings.sort(key=lambda f: f.sort_key)
        return article_fingerprints(findings, article)

    def _texts_of(self, article: Article) -> ArticleTexts:
        if self._article is not article:
            self._forget_article()
            self._article = article
        return self._texts

    def _forget_article(self) -> None:
        self._article = None
        self._texts = ArticleTexts()
        self._spans = {}
        self._literal_hits: dict[tuple, dict[str, list[tuple[object, str, int]]]] = {}
        self._present = {}

    def run_rule(self, rule: m.Rule, article: Article) -> list[Finding]:
        req = rule.requirement
        if is_feed_rule(rule):
            return []   # compared across the articles of a run (validator.feed), not within one
        selected = self.select(rule, article)
        if isinstance(req, m.RequireConsistent):
            return [f for _, f in self.consistency(rule, [i for i, _ in selected], article)]
        if not selected:
            return []  # (most rules select nothing in most articles: no failures to group)
        failing: list[tuple[object, _Eval, str | None]] = []  # (item, state, what was not found)
        for item, state in selected:
            if isinstance(req, m.Forbid):
                failing.append((item, state, None))
            elif isinstance(req, m.RequireSource):
                if not self.has_source(item, req.scope, article):
                    failing.append((item, state, missing_source(item, req.scope, article, self.lang)))
            elif isinstance(req, m.RequireCondition):
                required = self._compiled(rule, req.condition)
                if not required.test(item, article, _Eval() if required.records_match else _NO_MATCH):
                    failing.append((item, state, self._unmet(req)))
        suggestion = req.suggestion if isinstance(req, m.Forbid) else None
        if not rule.once:
            return [self._finding(rule, item, article, state, suggestion, missing=missing)
                    for item, state, missing in failing]
        # one finding per sentence or paragraph: the first item, naming the others (an editor fixes it once)
        groups = by_unit(failing, lambda x: unit_index(describe(x[0], article)[0], article, rule.once))
        return [self._finding(rule, group[0][0], article, group[0][1], suggestion,
                              others=[describe(item, article)[0] for item, _, _ in group[1:]], missing=group[0][2])
                for group in groups]

    def select(self, rule: m.Rule, article: Article) -> list[tuple[object, _Eval]]:
        """The structures of the rule's type its `where` condition selects."""
        cond = rule.condition
        if isinstance(cond, m.Matches):  # a house-style rule: the items its word is in, from one index
            hits = self._items_with_literal(rule.structure, cond, article)
            if hits is not None:
                return self._selected_by_literal(cond, hits, article)
        items = self.items(rule.structure, article)
        if not items:  # most rules' structure is absent from most articles: nothing to compile or test
            return []
        if not self._gates_open(rule, items, article):
            return []  # (category = casualty in an article without a casualty figure: nothing to test)
        items = list(items)
        test = self._compiled(rule, rule.condition)
        if test is None:
            return [(item, _NO_MATCH) for item in items]
        if test.records_match:
            return test.select_recording(items, article)
        return test.select(items, article, _NO_MATCH)  # nothing can set a match location: one state serves all

    def _gates_open(self, rule: m.Rule, items, article: Article) -> bool:
        """Whether some structure of the article passes each of the rule's gates (`_gates_of`): the
        values of an attribute present in the article read once for all rules, so a rule about a
        category, a kind or a flag the article has none of is not evaluated at all (its `where` could
        select nothing: each structure it selects passes every operand of its `and`)."""
        gates = self._gates.get((rule.id, id(rule.condition)))
        if gates is None:
            gates = self._gates[(rule.id, id(rule.condition))] = _gates_of(rule)
        if not gates:
            return True
        self._texts_of(article)  # (a new article forgets the last one's values)
        present = self._present
        for attr, wanted in gates:
            key = (rule.structure, attr, wanted is None)
            found = present.get(key, present)
            if found is present:
                found = present[key] = _values_present(items, attr, wanted is None)
            if wanted is None:
                if not found:
                    return False
            elif found is not None and found.isdisjoint(wanted):
                return False
        return True

    def _items_with_literal(self, structure: str, cond: m.Matches, article: Article):
        """(item, text, start) of each item whose field holds the plain-word pattern, in item order;
        None when the pattern is not one of the run's plain words. Built once per article for all the
        patterns of a structure's field, so a thousand rules do not each test every sentence."""
        pattern = normalize_pattern(cond.pattern)
        literals = self._literal_set(structure, cond.field.path)
        if not literal(pattern) or pattern not in literals:
            return None
        texts = self._texts_of(article)
        key = (structure, cond.field.path)
        index = self._literal_hits.get(key)
        if index is None:
            index = self._literal_hits[key] = {}
            get = self._getter(cond.field, structure)
            for item in self.items(structure, article):
                value = get(item, article)
                if value is None:
                    continue
                text = str(value)
                for found, start in texts.found(literals, text).items():
                    index.setdefault(found, []).append((item, text, start))
        return index.get(pattern, ())

    def _selected_by_literal(self, cond: m.Matches, hits, article: Article) -> list[tuple[object, _Eval]]:
        size = len(normalize_pattern(cond.pattern))
        texts = self._texts_of(article)
        selected = []
        for item, text, start in hits:
            state = _Eval()
            _record_match(cond, item, article, texts.normalized(text), start, start + size, state)
            selected.append((item, state))
        return selected

    # -- compiled conditions -----------------------------------------------------------------------
    def _compiled(self, rule: m.Rule, cond) -> CompiledCondition | None:
        """A condition compiled once per run (validator.rules.conditions)."""
        if cond is None:
            return None
        key = (rule.id, id(cond))
        fn = self._compiled_cache.get(key)
        if fn is None:
            fn = self._compiled_cache[key] = compile_condition(
                cond, rule.structure, lambda c: self._called(c, rule.structure, rule), _Eval, _NO_MATCH, self._getter)
        return fn

    def _getter(self, fld: m.Field, structure: str):
        specs = []
        for part in fld.path:
            spec = FIELDS[structure][part]
            specs.append(spec.get)
            structure = spec.target or structure
        if len(specs) == 1:
            return specs[0]

        def get(item, article):
            value = item
            for g in specs:
                if value is None:
                    return None
                value = g(value, article)
            return value
        return get

    def _called(self, cond, structure: str, rule: m.Rule):
        """The function(item, article, state) of a `matches` or `in lexicon` condition, which a compiled
        condition calls."""
        get = self._getter(cond.field, structure)
        if isinstance(cond, m.InLexicon):
            lex = self.lexicons[cond.lexicon]
            negated = cond.negated

            def in_lexicon(item, a, s):
                value = get(item, a)
                values = value if isinstance(value, (list, tuple)) else [value]
                return any(v is not None and lex.lookup(normalize_cached(str(v))) is not None
                           for v in values) != negated
            return in_lexicon
        pattern = normalize_pattern(cond.pattern)
        literals = self._literal_set(structure, cond.field.path)
        if literal(pattern) and pattern in literals:
            return self._literal_matcher(cond, get, literals, pattern)
        return lambda item, a, s: self._matches(cond, get(item, a), item, a, s, rule)

    def _literal_set(self, structure: str, path: tuple[str, ...]) -> LiteralSet:
        """The plain-word patterns every rule of the run matches on this structure's field, together."""
        if self._literal_sets is None:
            grouped: dict[tuple, set[str]] = {}
            for rule in self.rules:
                conds = [rule.condition]
                if isinstance(rule.requirement, m.RequireCondition):
                    conds.append(rule.requirement.condition)
                for cond in conds:
                    for found in _matches_in(cond):
                        pattern = normalize_pattern(found.pattern)
                        if literal(pattern):
                            grouped.setdefault((rule.structure, found.field.path), set()).add(pattern)
            self._literal_sets = {key: LiteralSet(patterns) for key, patterns in grouped.items()}
        sets = self._literal_sets
        found_set = sets.get((structure, path))
        if found_set is None:
            found_set = sets[(structure, path)] = LiteralSet(())
        return found_set

    def _literal_matcher(self, cond: m.Matches, get, literals: LiteralSet, pattern: str):
        size = len(pattern)

        def matches_literal(item, a, s):
            value = get(item, a)
            if value is None:
                return False
            texts = self._texts_of(a)
            text = str(value)
            start = texts.found(literals, text).get(pattern)
            if start is None:
                return False
            _record_match(cond, item, a, texts.normalized(text), start, start + size, s)
            return True
        return matches_literal

    # -- structures ----------------------------------------------------------------------------------
    def items(self, structure: str, article: Article):
        listed = _ARTICLE_LISTS.get(structure)
        if listed is not None:
            return getattr(article, listed)
        doc = article.doc
        if structure == "mention":  # every mention sorted: once for the article's rules, not once a rule
            self._texts_of(article)
            mentions = self._spans.get(structure)
            if mentions is None:
                mentions = self._spans[structure] = article.mentions
            return mentions
        if structure not in ("paragraph", "headline", "sentence"):
            raise ValueError(structure)
        self._texts_of(article)
        spans = self._spans.get(structure)
        if spans is None:
            spans = self._spans[structure] = _text_spans(structure, doc)
        return spans

    # -- conditions ----------------------------------------------------------------------------------
    def _matches(self, cond: m.Matches, value, item, article, state: _Eval, rule: m.Rule) -> bool:
        if value is None:
            return False
        pattern = self._patterns.get(cond.pattern)
        if pattern is None:
            import regex  # only rules with a pattern need it (its import is a tenth of a cold start)

            pattern = self._patterns[cond.pattern] = regex.compile(normalize_pattern(cond.pattern))
        text = str(value)
        norm = self._texts_of(article).normalized(text)
        budget = self._budgets.setdefault(rule.id, [0.0, REGEX_TIMEOUT])
        budget[1] += REGEX_PER_CHAR * len(norm.text)
        start = time.perf_counter()
        try:
            found = pattern.search(norm.text, timeout=max(budget[1] - budget[0], 1e-6))
        except TimeoutError:
            w = cond.where
            del self._budgets[rule.id]  # the next article starts with a full budget
            raise RulePatternTimeout(f"pattern of rule '{rule.id}' took longer than {REGEX_TIMEOUT}s (its time budget "
                                     f"for the run, + {REGEX_PER_CHAR * 1e6:g}µs a character searched), on "
                                     f"{article.doc.path} (catastrophic backtracking?)",
                                     path=w.path, line=w.line, column=w.column) from None
        budget[0] += time.perf_counter() - start
        if found is None:
            return False
        _record_match(cond, item, article, norm, found.start(), found.end(), state)
        return True

    # -- requirements ------------------------------------------------------------------------------
    def has_source(self, item, scope: str, article: Article) -> bool:
        if isinstance(item, NumberItem):
            if item.attributed:
                return True
            if scope == "sentence":
                return False
            para = item.paragraph
            return any(a.source and (scope == "article" or a.paragraph == para) for a in article.attributions)
        if isinstance(item, Quote):
            if item.speaker:
                return True
            if scope == "sentence":
                return False
            return any(a.source and (scope == "article" or a.paragraph == item.paragraph)
                       for a in article.attributions)
        return True

    def consistency(self, rule: m.Rule, items: list, article: Article) -> list[tuple[object, Finding]]:
        """A consistency rule's findings over the selected structures, each with the structure it is
        about (the corpus engines' derived tables keep both)."""
        return self.conflicts.findings(rule, items, article)

    # -- findings ------------------------------------------------------------------------------------
    def _finding(self, rule: m.Rule, item, article: Article, state: _Eval, suggestion: str | None = None,
                 others: list[Location] = (), missing: str | None = None) -> Finding:
        loc, related, values = describe(item, article)
        if state.match_loc is not None:
            loc = state.match_loc
        evidence = finding_evidence(item, article, self.lang)
        if missing:
            evidence.append(missing)
        return compose(rule, self.lang, loc, related, values, suggestion, others, evidence)

    def _unmet(self, req: m.RequireCondition) -> str:
        """A `require` condition that failed, as written in its rule file."""
        label = labels(self.lang)
        return f"{label['condition']} «{req.text}» {label['not met']}" if req.text else label["not met"]


def is_feed_rule(rule: m.Rule) -> bool:
    return isinstance(rule.requirement, m.RequireConsistent) and rule.requirement.scope == "feed"


def _gates_of(rule: m.Rule) -> tuple[tuple[str, frozenset | None], ...]:
    """(attribute, the normalized texts it must have, or None for a flag it must have set) of each
    operand of the rule's `where` (an `and`, or one test) that tests one of the structure's own
    attributes: `category = money`, `kind in (speech, title)`, `record`."""
    cond = rule.condition
    gates = []
    for c in cond.operands if isinstance(cond, m.And) else (cond,):
        if isinstance(c, m.Truthy):
            wanted = None
        elif isinstance(c, m.Compare) and c.op == "=" and isinstance(c.value, str):
            wanted = frozenset((norm_value(c.value),))
        elif isinstance(c, m.InList) and not c.negated:
            wanted = frozenset(norm_value(v) for v in c.values)
        else:
            continue
        spec = FIELDS[rule.structure].get(c.field.path[0]) if len(c.field.path) == 1 else None
        if spec is not None and spec.attr is not None:
            gates.append((spec.attr, wanted))
    return tuple(gates)


def _values_present(items, attr: str, flag: bool):
    """Whether some structure has the attribute set (`flag`); else the normalized texts the attribute
    has among the structures (as a comparison reads them: None is no text), or None when some value is
    not a text (a list, a number: no gate then)."""
    values = list(map(attrgetter(attr), items))
    if flag:
        return any(values)
    if not set(map(type, values)) <= _TEXT_TYPES:
        return None
    return {NORMALIZED[v] for v in values if v is not None}


def _matches_in(cond) -> list[m.Matches]:
    if isinstance(cond, (m.And, m.Or)):
        return [found for c in cond.operands for found in _matches_in(c)]
    if isinstance(cond, m.Not):
        return _matches_in(cond.operand)
    return [cond] if isinstance(cond, m.Matches) else []


def _record_match(cond: m.Matches, item, article: Article, norm: NormalizedText, start: int, end: int,
                  state: _Eval) -> None:
    """The finding points at the matched words when the pattern matched the item's own text."""
    if cond.field.path == ("text",) and (isinstance(item, TextSpan) or hasattr(item, "loc")):
        base = item.start if isinstance(item, TextSpan) else item.loc.start
        s, e = norm.to_original(start), norm.to_original(end)
        state.match_loc = article.doc.location(base + s, base + max(e, s))


def _text_spans(structure: str, doc) -> list[TextSpan]:
    if structure in ("paragraph", "headline"):
        spans = [TextSpan(p.start, p.end, doc.text[p.start:p.end], p.index, p.line, p.is_headline)
                 for p in doc.paragraphs]
        return [s for s in spans if s.is_headline] if structure == "headline" else spans
    heads = {p.index for p in doc.paragraphs if p.is_headline}
    return [TextSpan(s.start, s.end, doc.text[s.start:s.end], s.index, doc.line_col(s.start)[0],
                     s.paragraph in heads) for s in doc.sentences]


def normalize_pattern(pattern: str) -> str:
    """A rule's pattern in the normalized alphabet the text is matched in (أ→ا، ى→ي، ة→ه,
    no diacritics), character by character so regex syntax (\\s، [..]، +) is kept as written."""
    from validator.text.normalize import _TABLE

    return pattern.translate(_TABLE)
