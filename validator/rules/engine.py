"""Evaluate rules over an extracted Article. The engine knows structures and operators only;
what is a finding is decided by the rule files."""
from __future__ import annotations

import hashlib
import operator
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from validator.errors import RuleError
from validator.extract.evidence import labels, missing_source, source_chain, structure_evidence
from validator.extract.model import Article, Entity, Mention, NumberItem, Quote
from validator.findings import Finding, Location, RelatedLocation
from validator.rules import model as m
from validator.extract.model import SpellingGroup, TextSpan
from validator.rules.fields import FIELDS
from validator.rules.textmatch import ArticleTexts, LiteralSet, literal
from validator.text.lexicon import Lexicons
from validator.text.normalize import NormalizedText, normalize_cached, normalize_string

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


def _has_matches(cond) -> bool:
    """Whether a condition contains a `matches`, the only kind that records a location."""
    if isinstance(cond, (m.And, m.Or)):
        return any(_has_matches(c) for c in cond.operands)
    if isinstance(cond, m.Not):
        return _has_matches(cond.operand)
    return isinstance(cond, m.Matches)


class Engine:
    def __init__(self, rules: list[m.Rule], lexicons: Lexicons, lang: str = "ar"):
        self.rules = rules
        self.lexicons = lexicons
        self.lang = lang
        self._patterns: dict[str, regex.Pattern] = {}
        self._budgets: dict[str, list[float]] = {}   # rule id -> [seconds spent, seconds allowed]
        self._literal_sets: dict[tuple, LiteralSet] | None = None
        # the article being checked: its texts normalized once and its sentences and paragraphs made
        # once for all rules (a house style guide is hundreds of rules over the same sentences)
        self._article: Article | None = None
        self._texts = ArticleTexts()
        self._spans: dict[str, list[TextSpan]] = {}
        self._literal_hits: dict[tuple, dict[str, list[tuple[object, str, int]]]] = {}

    # -- public ------------------------------------------------------------------------------------
    def run(self, article: Article, rules: list[m.Rule] | None = None) -> list[Finding]:
        findings: list[Finding] = []
        rules = rules if rules is not None else self.rules
        try:
            for rule in rules:
                findings.extend(self.run_rule(rule, article))
        finally:
            self._forget_article()
        once = {r.id for r in rules if r.once == "sentence"}
        if once:
            findings = one_per_sentence(findings, once, lambda f: _sentence_index(f.location, article))
        findings.sort(key=lambda f: f.sort_key)
        return _with_fingerprints(findings, article)

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

    def run_rule(self, rule: m.Rule, article: Article) -> list[Finding]:
        req = rule.requirement
        if is_feed_rule(rule):
            return []   # compared across the articles of a run (validator.feed), not within one
        selected = self.select(rule, article)
        if isinstance(req, m.RequireConsistent):
            return [f for _, f in self.consistency(rule, [i for i, _ in selected], article)]
        failing: list[tuple[object, _Eval, str | None]] = []  # (item, state, what was not found)
        for item, state in selected:
            if isinstance(req, m.Forbid):
                failing.append((item, state, None))
            elif isinstance(req, m.RequireSource):
                if not self.has_source(item, req.scope, article):
                    failing.append((item, state, missing_source(item, req.scope, article, self.lang)))
            elif isinstance(req, m.RequireCondition):
                required = self._compiled(rule, req.condition)
                if not required(item, article, _Eval() if required.records_match else _NO_MATCH):
                    failing.append((item, state, self._unmet(req)))
        suggestion = req.suggestion if isinstance(req, m.Forbid) else None
        if rule.once != "sentence":
            return [self._finding(rule, item, article, state, suggestion, missing=missing)
                    for item, state, missing in failing]
        # one finding per sentence: the first item, naming the others (an editor fixes the sentence once)
        groups = by_sentence(failing, lambda x: _sentence_index(_describe(x[0], article)[0], article))
        return [self._finding(rule, group[0][0], article, group[0][1], suggestion,
                              others=[_describe(item, article)[0] for item, _, _ in group[1:]], missing=group[0][2])
                for group in groups]

    def select(self, rule: m.Rule, article: Article) -> list[tuple[object, _Eval]]:
        """The structures of the rule's type its `where` condition selects."""
        cond = rule.condition
        if isinstance(cond, m.Matches):  # a house-style rule: the items its word is in, from one index
            hits = self._items_with_literal(rule.structure, cond, article)
            if hits is not None:
                return self._selected_by_literal(cond, hits, article)
        items = list(self.items(rule.structure, article))
        selected: list[tuple[object, _Eval]] = []
        test = self._compiled(rule, rule.condition)
        if test is None:
            selected = [(item, _NO_MATCH) for item in items]
        elif test.records_match:
            for item in items:
                state = _Eval()
                if test(item, article, state):
                    selected.append((item, state))
        else:  # nothing can set a match location: one state serves every item
            selected = [(item, _NO_MATCH) for item in items if test(item, article, _NO_MATCH)]
        return selected

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
    def _compiled(self, rule: m.Rule, cond):
        """A condition turned once into a Python closure: field paths resolved, operators chosen."""
        if cond is None:
            return None
        cache = self.__dict__.setdefault("_compiled_cache", {})
        key = (rule.id, id(cond))
        fn = cache.get(key)
        if fn is None:
            fn = cache[key] = self._compile(cond, rule.structure, rule)
            fn.records_match = _has_matches(cond)
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

    def _compile(self, cond, structure: str, rule: m.Rule):
        if isinstance(cond, m.And):
            parts = [self._compile(c, structure, rule) for c in cond.operands]

            def all_of(item, a, s):
                for part in parts:
                    if not part(item, a, s):
                        return False
                return True
            return all_of
        if isinstance(cond, m.Or):
            parts = [self._compile(c, structure, rule) for c in cond.operands]

            def any_of(item, a, s):
                for part in parts:
                    if part(item, a, s):
                        return True
                return False
            return any_of
        if isinstance(cond, m.Not):
            inner = self._compile(cond.operand, structure, rule)
            if not _has_matches(cond.operand):
                return lambda item, a, s: not inner(item, a, s)
            return lambda item, a, s: not inner(item, a, _Eval())  # its match location is not the rule's
        get = self._getter(cond.field, structure)
        if isinstance(cond, m.Truthy):
            return lambda item, a, s: bool(get(item, a))
        if isinstance(cond, m.Compare):
            compare = _comparison(cond.op, cond.value)
            return lambda item, a, s: compare(get(item, a))
        if isinstance(cond, m.InList):
            wanted_set = frozenset(_norm_value(v) for v in cond.values)
            negated = cond.negated

            def in_list(item, a, s):
                value = get(item, a)
                values = value if isinstance(value, (list, tuple)) else [value]
                return any(_norm_value(v) in wanted_set for v in values if v is not None) != negated
            return in_list
        if isinstance(cond, m.InLexicon):
            lex = self.lexicons[cond.lexicon]
            negated = cond.negated

            def in_lexicon(item, a, s):
                value = get(item, a)
                values = value if isinstance(value, (list, tuple)) else [value]
                return any(v is not None and lex.lookup(normalize_cached(str(v))) is not None
                           for v in values) != negated
            return in_lexicon
        if isinstance(cond, m.Matches):
            pattern = normalize_pattern(cond.pattern)
            literals = self._literal_set(structure, cond.field.path)
            if literal(pattern) and pattern in literals:
                return self._literal_matcher(cond, get, literals, pattern)
            return lambda item, a, s: self._matches(cond, get(item, a), item, a, s, rule)
        raise ValueError(cond)

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
        doc = article.doc
        if structure == "number":
            return article.numbers
        if structure == "quote":
            return article.quotes
        if structure == "entity":
            return article.entities
        if structure == "mention":
            return article.mentions
        if structure == "attribution":
            return article.attributions
        if structure == "spelling":
            return article.spellings
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
        req = rule.requirement
        if req.what == "titles":
            return [(e, f) for e in items for f in self._titles(rule, e, article)]
        if req.what == "spelling":
            out = []
            for group in items:
                forms = group.forms if isinstance(group, SpellingGroup) else ()
                if len(forms) >= 2:
                    first_loc, other = forms[0][1], forms[1][1]
                    out.append((group, self._make(rule, other, article, {"other": first_loc.text, "name": other.text,
                                                                         "forms": len(forms)},
                                                  related=(RelatedLocation(first_loc, "first spelling"),))))
            return out
        if req.what == "value":
            return self._values(rule, req, items, article)
        return []

    def _titles(self, rule: m.Rule, entity: Entity, article: Article) -> list[Finding]:
        seen: list[tuple[frozenset, Mention]] = []
        seen_words: set = set()
        out = []
        for mention, words in self.titled_mentions(entity):
            for other_words, other in seen:
                if self.titles_conflict(words, other_words):
                    loc = mention.title_loc or mention.loc
                    out.append(self._make(rule, loc, article, {
                        "name": entity.name, "title": mention.title, "other": other.title,
                        "titles": "، ".join(entity.titles)},
                        related=(RelatedLocation(other.title_loc or other.loc, "earlier title"),)))
                    break
            if words not in seen_words:  # a title written again conflicts as its first writing did
                seen_words.add(words)
                seen.append((words, mention))
        return out

    def titled_mentions(self, entity: Entity):
        """(mention, title words) of each mention whose title is a role: a rank (الفريق أول), an
        honorific or a relation does not contradict a role."""
        for mention in entity.mentions:
            if mention.title and mention.form in ("name", "surname") and mention.title_kind not in (
                    "rank", "honorific", "relation"):
                yield mention, _title_word_list(mention.title, self._title_modifiers())

    def titles_conflict(self, a: tuple[str, ...], b: tuple[str, ...]) -> bool:
        return _titles_conflict(a, b, self._place_words(), self._place_words("nationalities"))

    def _place_words(self, only: str | None = None) -> frozenset:
        """Countries, cities and nationalities as a title's words (مصر، الأردن، المصري): two titles
        whose places differ (السفير لدى مصر / السفير لدى الأردن) name two offices. `only`: the words
        of one lexicon (nationalities)."""
        cache = self.__dict__.setdefault("_places_caches", {})
        cached = cache.get(only)
        if cached is None:
            words = set()
            for name in (only,) if only else ("places", "nationalities"):
                for e in self.lexicons[name].entries:
                    forms = [e.text] + [e.get(k) for k in ("f", "definite") if e.get(k)]
                    for form in forms:
                        if " " not in form.strip():
                            words |= _title_words(form)
            cached = cache[only] = frozenset(words)
        return cached

    def _title_modifiers(self) -> frozenset:
        """السابق، المخلوع، بالوكالة: they qualify a title, they do not change it."""
        cached = getattr(self, "_modifiers_cache", None)
        if cached is None:
            cached = frozenset(_title_words(e.text) for e in self.lexicons["title-modifiers"].entries
                               if " " not in e.norm)
            cached = frozenset(w for ws in cached for w in ws) | {"مخلوع", "راحل", "اسبق"}
            self._modifiers_cache = cached
        return cached

    def _values(self, rule: m.Rule, req: m.RequireConsistent, items: list[NumberItem], article: Article):
        groups: dict[tuple, list[NumberItem]] = {}
        fields = [f for f in req.by if f != "source"]
        for n in items:
            if n.value is None:
                continue
            key = tuple(_norm_value(FIELDS["number"][f].get(n, article)) for f in fields)
            groups.setdefault(key, []).append(n)
        out = []
        for members in groups.values():
            members.sort(key=lambda n: n.loc.start)
            body = [n for n in members if not n.in_headline]
            head_type = members[0].noun_type
            # the same figure in the body, read as this quantity or as a plain count of people
            counts = {float(n.value) for n in article.numbers if not n.in_headline and n.value is not None
                      and (n.category == "people" or (n.category == members[0].category
                                                      and n.noun_type == head_type))}
            for k, n in enumerate(members):
                for earlier in members[:k]:
                    if not _comparable(earlier, n, req):
                        continue
                    if req.with_headline and earlier.in_headline != n.in_headline \
                            and _headline_told(earlier if earlier.in_headline else n, body, req, counts):
                        continue  # the headline's figure is in the body: the other tolls are other incidents
                    if "source" in req.by and n.source and earlier.source and n.source != earlier.source:
                        continue  # two sources disagreeing is reported news, not an inconsistency
                    if _values_agree(earlier, n, req.tolerance, req.factor):
                        continue
                    out.append((n, self._make(rule, n.loc, article, {
                        "value": _fmt(n.value), "other": _fmt(earlier.value), "noun": n.noun or "",
                        "category": n.category},
                        related=(RelatedLocation(earlier.loc, "the other value"),))))
                    break
        return out

    # -- findings ------------------------------------------------------------------------------------
    def _finding(self, rule: m.Rule, item, article: Article, state: _Eval, suggestion: str | None = None,
                 others: list[Location] = (), missing: str | None = None) -> Finding:
        loc, related, values = _describe(item, article)
        if state.match_loc is not None:
            loc = state.match_loc
        evidence = structure_evidence(item, article)
        if isinstance(item, (NumberItem, Quote)):
            evidence += source_chain(item, article)
        if missing:
            evidence.append(missing)
        return compose(rule, self.lang, loc, related, values, suggestion, others, evidence)

    def _make(self, rule: m.Rule, loc: Location, article: Article, values: dict,
              related: tuple[RelatedLocation, ...] = (), suggestion: str | None = None) -> Finding:
        return compose(rule, self.lang, loc, related, values, suggestion)

    def _unmet(self, req: m.RequireCondition) -> str:
        """A `require` condition that failed, as written in its rule file."""
        label = labels(self.lang)
        return f"{label['condition']} «{req.text}» {label['not met']}" if req.text else label["not met"]


def rule_reference(rule: m.Rule) -> str:
    """`rule-id@file.rule:line`: the first item of every finding's evidence."""
    return f"{rule.id}@{Path(rule.where.path).name}:{rule.where.line}"


def is_feed_rule(rule: m.Rule) -> bool:
    return isinstance(rule.requirement, m.RequireConsistent) and rule.requirement.scope == "feed"


def compose(rule: m.Rule, lang: str, loc: Location, related: tuple[RelatedLocation, ...], values: dict,
            suggestion: str | None = None, others: list[Location] = (), evidence: list[str] = ()) -> Finding:
    """A finding of a rule at a location, its message filled from the structure's values (the other
    items of its sentence named when the rule reports once a sentence); its evidence starts with the
    rule (id@file:line)."""
    if suggestion is not None:
        values["suggestion"] = suggestion
    if others:
        values["figures"] = "، ".join(f"«{x.text}»" for x in (loc, *others))
        related = related + tuple(RelatedLocation(x, "same sentence") for x in others)
    values.setdefault("text", _brief(loc.text))
    values.setdefault("figures", f"«{loc.text}»")
    message = _format(rule.messages.get(lang) or rule.messages.get("en", ""), values)
    why = (rule_reference(rule), *evidence)
    return Finding(rule.id, rule.category, rule.severity, message, loc, related, suggestion=suggestion,
                   evidence=why)


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


def _describe(item, article: Article) -> tuple[Location, tuple[RelatedLocation, ...], dict]:
    if isinstance(item, NumberItem):
        src = article.entity(item.source)
        return item.loc, (), {"value": _fmt(item.value), "category": item.category, "noun": item.noun or "",
                              "qualifier": item.qualifier or "", "source": src.name if src else ""}
    if isinstance(item, Quote):
        speaker = article.entity(item.speaker)
        related: tuple = ()
        loc = item.loc
        if not item.balanced and item.unmatched is not None:
            loc = item.unmatched
            related = (RelatedLocation(item.loc, "the unclosed quotation"),)
        elif speaker is not None:
            related = (RelatedLocation(speaker.loc, "speaker"),)
        return loc, related, {"speaker": speaker.name if speaker else "", "kind": item.kind}
    if isinstance(item, Entity):
        return item.loc, (), {"name": item.name, "titles": "، ".join(item.titles), "kind": item.kind,
                              "title": item.titles[0] if item.titles else ""}
    if isinstance(item, Mention):
        entity = article.entity(item.entity)
        return item.loc, (), {"name": entity.name if entity else item.loc.text, "title": item.title or "",
                              "titles": "، ".join(entity.titles) if entity else ""}
    if isinstance(item, TextSpan):
        return article.doc.location(item.start, item.end), (), {}
    if isinstance(item, SpellingGroup):
        return item.forms[0][1], (), {"forms": len(item.forms)}
    loc = item.loc
    src = article.entity(getattr(item, "source", None))
    return loc, (), {"phrase": getattr(item, "phrase", ""), "source": src.name if src else ""}


_SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
# A message names its span briefly: the span itself is shown beside it, a long quotation in full is noise.
BRIEF_WORDS = 6


def _brief(text: str) -> str:
    words = text.split()
    if len(words) <= BRIEF_WORDS + 2:
        return text
    brief = " ".join(words[:BRIEF_WORDS]) + " …"
    closing = text.rstrip()[-1:]
    return brief + closing if closing in "»”\"″" else brief


def _sentence_index(loc: Location, article: Article) -> int:
    sentence = article.doc.sentence_at(loc.start)
    return sentence.index if sentence is not None else -1


def by_sentence(items: list, sentence_of) -> list[list]:
    """Items grouped by their sentence, groups in the order of their first item."""
    groups: dict[int, list] = {}
    for item in items:
        groups.setdefault(sentence_of(item), []).append(item)
    return list(groups.values())


def one_per_sentence(findings: list[Finding], once: set[str], sentence_of) -> list[Finding]:
    """Rules declared `once within sentence` that share a category give one finding per sentence: the
    most severe (an unsourced casualty count and an unsourced sum in one sentence are one missing
    source, one fix), earliest first."""
    best: dict[tuple[str, int], Finding] = {}
    for f in findings:
        if f.rule in once:
            key = (f.category, sentence_of(f))
            kept = best.get(key)
            if kept is None or (_SEVERITY_RANK.get(f.severity, 3), f.sort_key) < (
                    _SEVERITY_RANK.get(kept.severity, 3), kept.sort_key):
                best[key] = f
    keep = {id(f) for f in best.values()}
    return [f for f in findings if f.rule not in once or id(f) in keep]


def _norm_value(v):
    if isinstance(v, str):
        return normalize_cached(v)  # rule values and field values repeat: category, noun_type ...
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


_ORDER = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge}


def _comparison(op: str, wanted):
    """`field op wanted` as a function of the field's value, with `wanted` normalized once: a number
    compares as a number (unless the value is a bool), anything else as normalized text."""
    numeric = isinstance(wanted, (int, float))
    wanted_text = _norm_value(str(wanted))
    order = _ORDER.get(op)

    def compare(value) -> bool:
        if value is None:
            return op == "!=" and wanted is not None
        if numeric and not isinstance(value, bool):
            try:
                value = float(value)
            except (TypeError, ValueError):
                return op == "!="
            other = wanted
        else:
            value, other = _norm_value(str(value)), wanted_text
        if order is None:
            return (value == other) == (op == "=")
        return order(value, other)
    return compare


def _comparable(a: NumberItem, b: NumberItem, req: m.RequireConsistent) -> bool:
    """Whether two values are compared at all: same scope unit, or headline against body."""
    if req.with_headline and a.in_headline != b.in_headline:
        return True
    if req.scope == "sentence":
        return a.sentence == b.sentence
    if req.scope == "passage":
        return a.passage == b.passage
    if req.scope == "restatement":
        return b.restates == a.id or a.restates == b.id
    if req.scope == "paragraph":
        return a.paragraph == b.paragraph
    return True


def _headline_told(head: NumberItem, body: list[NumberItem], req: m.RequireConsistent,
                   counts: set[float] = frozenset()) -> bool:
    """The body gives the headline's figure: the same value (in this quantity, or as a plain count of
    people), or the sum of tolls told one after the other (مقتل 20: 18 in one blast and two in another)."""
    values = [float(n.value) for n in body if n.value is not None]
    target = float(head.value)
    if target in counts:
        return True
    for i in range(len(values)):
        total = 0.0
        for k in range(i, len(values)):  # (a slice would copy the rest for every start)
            v = values[k]
            total += v
            if abs(total - target) <= target * req.tolerance:
                return True
            if total > target:
                break
    return False


def _values_agree(a: NumberItem, b: NumberItem, tolerance: float, factor: float) -> bool:
    return values_agree(float(a.value), float(b.value), tolerance, factor)


def values_agree(x: float, y: float, tolerance: float, factor: float) -> bool:
    """Two values of one quantity agree: equal, within the relative tolerance, or so far apart (more
    than `factor` times) that they are a part and a total rather than one figure told twice."""
    if x == y:
        return True
    lo, hi = min(x, y), max(x, y)
    if lo <= 0:
        return False
    if factor and hi / lo > factor:
        return True  # an order of magnitude apart: a part and a total, not one quantity
    return (hi - lo) / hi <= tolerance


def _title_words(title: str) -> frozenset:
    return frozenset(_title_word_list(title))


def _title_word_list(title: str, modifiers: frozenset = frozenset()) -> tuple[str, ...]:
    """A title's words in order, without the article or a clitic with it, and without the words
    that only qualify it (السابق، الدولي)."""
    words = []
    for w in normalize_string(title).split():
        for clitic in ("وال", "بال", "لل", "ال"):
            if w.startswith(clitic) and len(w) > len(clitic) + 1:
                w = w[len(clitic):]
                break
        if w not in modifiers:
            words.append(w)
    return tuple(words)


# words every title may share that name no portfolio (المتحدث باسم الجيش / المتحدث باسم الشرطة)
_TITLE_FUNCTION_WORDS = frozenset({"باسم", "في", "لدي", "لدى", "الي", "علي", "عن", "من", "ب", "ل", "عام", "شؤون",
                                   "لشؤون", "للشؤون", "الاعلى"})
# a board, council or committee: a seat on one (رئيس مجلس إدارة الصندوق، عضو اللجنة) goes with an office
_BOARD_WORDS = frozenset({"مجلس", "لجنه", "امناء", "عضو", "عضوه"})
# roles held beside an office (مستشار خادم الحرمين الشريفين أمير منطقة مكة المكرمة)
_ADDED_ROLES = frozenset({"مستشار", "مستشاره", "عضو", "عضوه", "مبعوث", "مبعوثه"})


def _titles_conflict(a: tuple[str, ...], b: tuple[str, ...], places: frozenset = frozenset(),
                     nationalities: frozenset = frozenset()) -> bool:
    """Two titles an editor would call a contradiction. A title that contains the other (وزير
    الخارجية / الوزير) is the same one. The same office (head noun) over two different portfolios,
    bodies or countries conflicts (وزير التخطيط / وزير المالية، السفير لدى مصر / السفير لدى الأردن),
    but not one portfolio named two ways (وزير الري والموارد المائية / وزير الري). Two different
    offices conflict only when each names its own body (رئيس الهيئة العامة للاستعلامات / وزير الإعلام)
    and neither is a seat on a board or an added role one holds beside an office (وزير الإسكان / رئيس
    مجلس إدارة الصندوق، مستشار الملك أمير المنطقة); a bare role (المدرب / المدير الفني، الروائي
    الأردني / الكاتب الأردني) says nothing against another."""
    if not a or not b or set(a) <= set(b) or set(b) <= set(a):
        return False
    rest_a, rest_b = set(a[1:]), set(b[1:])
    if a[0].removesuffix("ه") == b[0].removesuffix("ه"):
        if len(a) == 1 or len(b) == 1:
            return False  # (a bare head, قائده، الرئيس, says nothing against the full title)
        only_a, only_b = (rest_a - rest_b) & places, (rest_b - rest_a) & places
        if only_a and only_b:
            # السفير لدى مصر / السفير لدى الأردن، الرئيس المصري / الرئيس الأميركي; but a nationality
            # against a city or a body is one person described two ways (الباحث الأميركي / الباحث
            # بمعهد واشنطن)
            return (only_a <= nationalities) == (only_b <= nationalities)
        return not ((rest_a & rest_b) - places - _TITLE_FUNCTION_WORDS)
    own_a, own_b = rest_a - places - _TITLE_FUNCTION_WORDS, rest_b - places - _TITLE_FUNCTION_WORDS
    if not own_a or not own_b or a[0] in _ADDED_ROLES or b[0] in _ADDED_ROLES \
            or (set(a) | set(b)) & _BOARD_WORDS:
        return False
    return not (own_a & own_b)


def _fmt(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else str(value)


class _SafeDict(dict):
    def __missing__(self, key):
        return ""


def _format(template: str, values: dict) -> str:
    # the loader admits only known {name} placeholders, without format spec or conversion
    return template.format_map(_SafeDict(values))


def normalize_pattern(pattern: str) -> str:
    """A rule's pattern in the normalized alphabet the text is matched in (أ→ا، ى→ي، ة→ه,
    no diacritics), character by character so regex syntax (\\s، [..]، +) is kept as written."""
    from validator.text.normalize import _TABLE

    return pattern.translate(_TABLE)


# A sentence longer than this (no news sentence is; a run-on article of one "sentence" is) gives a
# fingerprint the FINGERPRINT_WINDOW characters of it around the finding, so a thousand findings do not
# hash it a thousand times.
FINGERPRINT_CONTEXT = 4096
FINGERPRINT_WINDOW = 256


def fingerprint_context(article: Article, offset: int, cache: dict[int, str] | None = None) -> str:
    """The normalized sentence at an offset: what a fingerprint keeps of a finding's surroundings."""
    sentence = article.doc.sentence_at(offset)
    text = article.doc.text
    if sentence and sentence.end - sentence.start > FINGERPRINT_CONTEXT:
        start = max(sentence.start, offset - FINGERPRINT_WINDOW // 2)
        return normalize_string(text[start:min(sentence.end, start + FINGERPRINT_WINDOW)])
    key = sentence.index if sentence else -1
    context = cache.get(key) if cache is not None else None
    if context is None:
        context = normalize_string(text[sentence.start:sentence.end]) if sentence else ""
        if cache is not None:
            cache[key] = context
    return context


def _with_fingerprints(findings: list[Finding], article: Article) -> list[Finding]:
    contexts: dict[int, str] = {}  # normalized once per sentence: many findings can share one long line
    return with_fingerprints(findings, [fingerprint_context(article, f.location.start, contexts) for f in findings])


def with_fingerprints(findings: list[Finding], contexts: list[str]) -> list[Finding]:
    """A fingerprint survives edits elsewhere: rule, the flagged text and its sentence, never a line."""
    from dataclasses import replace

    seen: dict[str, int] = {}
    out = []
    for f, context in zip(findings, contexts, strict=True):
        base = "|".join((f.rule, normalize_string(f.location.text), context))
        digest = hashlib.sha256(base.encode("utf-8")).hexdigest()[:16]
        n = seen.get(digest, 0)
        seen[digest] = n + 1
        out.append(replace(f, fingerprint=f"{digest}:{n}"))
    return out
