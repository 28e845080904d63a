"""Rule files compiled for the corpus engines: which columns each structure table needs, and each
rule as one row condition in disjunctive normal form (OR of ANDs of column tests), the only shape
Great Expectations' `Column` row conditions accept (no NOT, no OR inside an AND).

A per-structure rule `for each S where W require R` holds where no row of table S satisfies
`W and not R`; `forbid` is `W` alone; `require source within X` reads the row's `has_source__X`.
Negation is pushed down to the column tests with the native engine's treatment of missing values
(a missing field is never equal to a value, always different from one). Consistency rules compare
structures with each other: they become expectations over a derived table (`consistency`), one row
per structure the rule selects, whose `conflict` must be null.

Nothing here imports Great Expectations: `gx_suites` does, and only the corpus engines call it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from validator.errors import RuleError
from validator.rules import model as m
from validator.rules.fields import norm_value
from validator.rules.fields import FIELDS

CONSISTENCY_TABLE = "consistency"
FEED_TABLE = "feed"   # one row per feed item of the run: a person's title, an event's toll (validator.feed)

# The type of each field's column, by field name (one name means one type in every structure).
# A field that leads to an entity is that entity's id (a string); `titles` is a list, which no row
# condition can test.
FIELD_TYPES: dict[str, str] = {
    **dict.fromkeys(("text", "category", "qualifier", "noun", "noun_type", "kind", "content", "name",
                     "title", "gender", "form", "phrase", "dateline_place", "event_place", "variant", "slot"), "str"),
    **dict.fromkeys(("line", "paragraph", "sentence", "words", "mentions", "index", "forms", "market_report"), "int"),
    "value": "float",
    **dict.fromkeys(("statistic", "attributed", "in_quote", "in_headline", "is_update", "partial",
                     "approximate", "rough_count", "market", "historical", "balanced", "in_first_person", "has_title",
                     "titled_first", "titled_when_cited", "vague", "bare", "cited", "first", "is_source",
                     "first_source", "paragraph_first_source", "implicit", "is_headline", "in_subhead", "stub", "sourced_next",
                     "carried", "continues_source", "splits_source", "source_near", "hedged", "past_estimate", "cargo", "past_event", "chronicle", "record", "unit_price", "decided", "recalled", "forecast", "market_wrap", "idiom", "argued", "own_results", "repeated", "in_column",
                     "quotes_here", "introduced", "framed", "body_first_source", "speaker_first", "update_story",
                     "identified_later", "named_next", "back_reference", "informant_back_reference", "in_link_line", "mirrored", "mirrored_pair", "closed_next_paragraph", "research_identified", "issuer_named", "institution_named", "body_identified",
                     "plural", "hedge", "opinion_rumour", "opinion_media", "headline_answered", "within_statement", "accounted_for", "breakdown_differs",
                     "unnamed_spokesman", "crowd_reaction", "press_review", "repeated_on_line", "unnamed_informant"),
                    "bool"),
    "titles": "list",
}

# Columns every row carries: which article and structure, the finding's span and what its message says.
KEY_COLUMNS = {"article": "str", "row": "int"}
FINDING_COLUMNS = {
    "loc_start": "int", "loc_end": "int", "loc_line": "int", "loc_column": "int", "loc_end_line": "int",
    "loc_end_column": "int", "loc_text": "str", "plain_start": "int", "plain_end": "int",
    "sentence_index": "int", "paragraph_index": "int", "context": "str", "values": "str", "related": "str", "evidence": "str",
}
CONSISTENCY_COLUMNS = {"rule": "str", "message": "str", "conflict": "str"}


class Inexpressible(Exception):
    """A condition a row condition cannot state (a pattern, a list field, a mixed comparison)."""


@dataclass(frozen=True, slots=True)
class Column:
    """A condition column of a structure table: a field path, or a derived test of one."""

    name: str
    type: str
    path: tuple[str, ...] = ()          # the field path it reads
    lexicon: str | None = None          # `path in lexicon NAME`, as a boolean
    source_scope: str | None = None     # `has a source within SCOPE`, as a boolean


@dataclass
class CompiledRule:
    rule: m.Rule
    table: str
    terms: list[list[tuple]] | None     # DNF: OR of ANDs of (column, op, parameter); None: every row


@dataclass
class CompiledRules:
    rules: list[CompiledRule] = field(default_factory=list)
    columns: dict[str, dict[str, Column]] = field(default_factory=dict)   # table -> condition columns
    consistency: list[m.Rule] = field(default_factory=list)
    feed: list[m.Rule] = field(default_factory=list)

    @property
    def structure_tables(self) -> list[str]:
        return sorted({cr.table for cr in self.rules})

    @property
    def tables(self) -> list[str]:
        return self.structure_tables + ([CONSISTENCY_TABLE] if self.consistency else [])

    def schema(self) -> dict[str, str]:
        """Every column of every table with its type: one row schema for all tables (Spark)."""
        out = {**KEY_COLUMNS, **FINDING_COLUMNS, **CONSISTENCY_COLUMNS, "table": "str"}
        for cols in self.columns.values():
            for c in cols.values():
                out[c.name] = c.type
        return out


def column_name(path: tuple[str, ...]) -> str:
    """`speaker.kind` is column `speaker__kind`: a dot in a Spark column name means a struct field."""
    return "__".join(path)


def compile_rules(rules: list[m.Rule]) -> CompiledRules:
    """Every rule compiled, or a RuleError naming each rule that cannot be (never dropped silently)."""
    out = CompiledRules()
    failed: list[str] = []
    for rule in rules:
        out.columns.setdefault(rule.structure, {})
        if isinstance(rule.requirement, m.RequireConsistent):
            (out.feed if rule.requirement.scope == "feed" else out.consistency).append(rule)
            continue
        try:
            out.rules.append(_compile_rule(rule, out.columns[rule.structure]))
        except Inexpressible as e:
            failed.append(f"{rule.id} ({e})")
    if failed:
        raise RuleError("the corpus engines cannot express these rules as expectations: " + "; ".join(failed)
                        + " (run them with --engine native, or --disable them)")
    return out


def _compile_rule(rule: m.Rule, columns: dict[str, Column]) -> CompiledRule:
    req = rule.requirement
    select = _dnf(rule.condition, rule.structure, columns, False) if rule.condition is not None else None
    if isinstance(req, m.Forbid):
        violated = None
    elif isinstance(req, m.RequireSource):
        if rule.structure not in ("number", "quote"):
            raise Inexpressible(f"`require source` on {rule.structure}")
        col = Column(f"has_source__{req.scope}", "bool", source_scope=req.scope)
        columns[col.name] = col
        violated = [[(col.name, "==", False)]]
    elif isinstance(req, m.RequireCondition):
        violated = _dnf(req.condition, rule.structure, columns, True)
    else:
        raise Inexpressible(type(req).__name__)
    return CompiledRule(rule, rule.structure, _and(select, violated))


def _and(a, b):
    if a is None:
        return b
    if b is None:
        return a
    terms = []
    for x in a:
        for y in b:
            term = list(dict.fromkeys(x + y))
            if not _contradicts(term):
                terms.append(term)
    return terms


def _contradicts(term: list[tuple]) -> bool:
    """A conjunction no row satisfies (x is null and x = v, x = a and x = b): dropped, so DNF stays
    small. (Every `!=` / `not in` test comes with its `is null` alternative, so nothing is lost.)"""
    null = {c for c, op, _ in term if op == "null"}
    if any(c in null and op != "null" for c, op, _ in term):
        return True
    eq: dict[str, object] = {}
    for c, op, p in term:
        if op == "==" and eq.setdefault(c, p) != p:
            return True
    return False


def _or(a, b):
    if a is None or b is None:
        return None   # one side holds for every row
    return a + b


def _dnf(cond, structure: str, columns: dict[str, Column], negate: bool):
    """A condition (or its negation) as a list of AND-terms; None means "every row"."""
    if isinstance(cond, m.Not):
        return _dnf(cond.operand, structure, columns, not negate)
    if isinstance(cond, (m.And, m.Or)):
        conj = isinstance(cond, m.And) != negate   # De Morgan
        parts = [_dnf(c, structure, columns, negate) for c in cond.operands]
        result = parts[0]
        for p in parts[1:]:
            result = _and(result, p) if conj else _or(result, p)
        return result
    return _atoms(cond, structure, columns, negate)


def _field_column(fld: m.Field, structure: str, columns: dict[str, Column]) -> Column:
    struct = structure
    for i, part in enumerate(fld.path):
        spec = FIELDS[struct][part]
        if spec.target and i < len(fld.path) - 1:
            struct = spec.target
            continue
        if i < len(fld.path) - 1:
            raise Inexpressible(f"field {fld.name}")
        kind = "str" if spec.target else FIELD_TYPES.get(part)
        if kind is None:
            raise Inexpressible(f"field {fld.name} has no declared column type")
        if kind == "list":
            raise Inexpressible(f"list field {fld.name}")
    col = Column(column_name(fld.path), kind, fld.path)
    columns[col.name] = col
    return col


def _atoms(cond, structure: str, columns: dict[str, Column], negate: bool) -> list[list[tuple]]:
    """One condition on one field (or its negation) as DNF terms of column tests."""
    if isinstance(cond, m.Matches):
        raise Inexpressible(f"pattern on {cond.field.name}")
    if isinstance(cond, m.InLexicon):
        col = _field_column(cond.field, structure, columns)
        lex = Column(f"{col.name}__in__{re.sub(r'[^0-9A-Za-z_]', '_', cond.lexicon)}", "bool",
                     cond.field.path, lexicon=cond.lexicon)
        columns[lex.name] = lex
        return [[(lex.name, "==", cond.negated == negate)]]
    col = _field_column(cond.field, structure, columns)
    c = col.name
    if isinstance(cond, m.Truthy):
        if col.type == "bool":
            return [[(c, "==", not negate)]]
        if col.type == "str":   # tables hold no empty strings: a missing or empty text is null
            return [[(c, "null", None)]] if negate else [[(c, "not_null", None)]]
        # a number is true when present and not zero
        return [[(c, "null", None)], [(c, "==", 0)]] if negate else [[(c, "not_null", None), (c, "!=", 0)]]
    if isinstance(cond, m.InList):
        values = tuple(norm_value(v) for v in cond.values)
        numeric = all(isinstance(v, (int, float)) for v in values)
        if (col.type == "str" and not all(isinstance(v, str) for v in values)) or (
                col.type in ("int", "float") and not numeric) or col.type == "bool":
            raise Inexpressible(f"{col.name} in a list of another type")
        inside = cond.negated == negate
        return [[(c, "in", values)]] if inside else [[(c, "null", None)], [(c, "not_in", values)]]
    if isinstance(cond, m.Compare):
        op, wanted = cond.op, cond.value
        numeric = isinstance(wanted, (int, float)) and not isinstance(wanted, bool)
        if col.type == "bool" or (col.type == "str") == numeric:
            raise Inexpressible(f"{col.name} {op} {wanted!r} compares different types")
        if op not in ("=", "!=") and not numeric:
            raise Inexpressible(f"{col.name} {op} on text")
        wanted = wanted if numeric else norm_value(str(wanted))
        op = {"=": "=="}.get(op, op)
        if negate:
            op = {"==": "!=", "!=": "==", "<": ">=", "<=": ">", ">": "<=", ">=": "<"}[op]
        if op == "!=" or (negate and op != "=="):   # a missing value differs from every value
            return [[(c, "null", None)], [(c, op, wanted)]]
        return [[(c, op, wanted)]]
    raise Inexpressible(type(cond).__name__)


# -- Great Expectations --------------------------------------------------------------------------------

SUITE_PREFIX = "validator-"


def gx_condition(terms: list[list[tuple]] | None):
    """DNF terms as a GX `Column` row condition (None: no condition)."""
    from great_expectations.expectations.row_conditions import AndCondition, Column as GxColumn, OrCondition

    if terms is None:
        return None

    def atom(c, op, p):
        col = GxColumn(c)
        return {"null": lambda: col.is_null(), "not_null": lambda: col.is_not_null(),
                "in": lambda: col.is_in(p), "not_in": lambda: col.is_not_in(p),
                "==": lambda: col == p, "!=": lambda: col != p, "<": lambda: col < p,
                "<=": lambda: col <= p, ">": lambda: col > p, ">=": lambda: col >= p}[op]()

    ands = [atom(*t[0]) if len(t) == 1 else AndCondition(conditions=[atom(*a) for a in t]) for t in terms]
    if not ands:   # no row can satisfy it: a condition no row meets
        return GxColumn("row") < 0
    return ands[0] if len(ands) == 1 else OrCondition(conditions=ands)


# Great Expectations refuses a row condition of more than 100 column tests (row_conditions.MAX_CONDITIONS).
GX_MAX_CONDITIONS = 100


def condition_parts(terms: list[list[tuple]] | None, limit: int = GX_MAX_CONDITIONS) -> list:
    """A rule's DNF terms cut, in order, into ORs of at most `limit` column tests each: one expectation
    per part, the rule failing where any part does (a row two parts select is reported once:
    `suites.failing_rows`). None (every row) and a condition within the limit stay one part."""
    if terms is None:
        return [None]
    parts: list[list[list[tuple]]] = [[]]
    size = 0
    for term in terms:
        if parts[-1] and size + len(term) > limit:
            parts.append([])
            size = 0
        parts[-1].append(term)
        size += len(term)
    return parts


def gx_suites(compiled: CompiledRules) -> dict:
    """table -> ExpectationSuite: one expectation per rule (per part of a rule too large for one row
    condition), its metadata naming the rule."""
    import great_expectations as gx
    import great_expectations.expectations as gxe
    from great_expectations.expectations.row_conditions import Column as GxColumn

    suites = {}
    for cr in compiled.rules:
        suite = suites.setdefault(cr.table, gx.ExpectationSuite(name=SUITE_PREFIX + cr.table))
        for part in condition_parts(cr.terms):
            suite.add_expectation(gxe.ExpectColumnValuesToBeNull(
                column="row", row_condition=gx_condition(part), condition_parser=None,
                meta={"rule": cr.rule.id, "severity": cr.rule.severity},
                description=f"rule {cr.rule.id}: no {cr.table} may be selected and fail the requirement "
                            f"({cr.rule.description})"))
    for table, rules in ((CONSISTENCY_TABLE, compiled.consistency), (FEED_TABLE, compiled.feed)):
        for rule in rules:
            suite = suites.setdefault(table, gx.ExpectationSuite(name=SUITE_PREFIX + table))
            suite.add_expectation(gxe.ExpectColumnValuesToBeNull(
                column="conflict", row_condition=GxColumn("rule") == rule.id, condition_parser=None,
                meta={"rule": rule.id, "severity": rule.severity},
                description=f"rule {rule.id}: no {rule.structure} may conflict with another "
                            f"{'story of the feed' if table == FEED_TABLE else 'of its article'} ({rule.description})"))
    return suites
