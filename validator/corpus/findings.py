"""Failing rows back to findings: the rows Great Expectations returns (their columns named by
`unexpected_index_column_names`) become the same Findings, in the same order and with the same
fingerprints and suppressions, as the native engine gives."""
from __future__ import annotations

import json
import math

from validator.corpus.compiler import FINDING_COLUMNS, KEY_COLUMNS
from validator.corpus.tables import location_of, related_of
from validator.findings import FileResult, Finding, Location
from validator.rules import model as m
from validator.rules.compose import by_unit, compose, kept_per_unit
from validator.rules.fingerprints import with_fingerprints

# what a failing row must bring back to become a finding
RETURNED_COLUMNS = [*KEY_COLUMNS, *FINDING_COLUMNS, "message"]


def _text(v) -> str | None:
    return None if v is None or (isinstance(v, float) and math.isnan(v)) else str(v)


def _location(row: dict) -> Location:
    return location_of([int(row[k]) for k in ("loc_start", "loc_end", "loc_line", "loc_column", "loc_end_line",
                                              "loc_end_column")] + [_text(row["loc_text"]) or ""])


def article_findings(failing: list[tuple[m.Rule, dict]], engine) -> list[tuple[Finding, dict]]:
    """One article's failing rows as findings (each with the row it reports), a rule declared `once
    within sentence` (or paragraph) giving one finding per sentence (or paragraph) as the native engine does."""
    by_rule: dict[str, list[tuple[m.Rule, dict]]] = {}
    for rule, row in failing:
        by_rule.setdefault(rule.id, []).append((rule, row))
    out = []
    for pairs in by_rule.values():
        rule = pairs[0][0]
        pairs.sort(key=lambda p: int(p[1]["row"]))
        groups = by_unit(pairs, lambda p: int(p[1][f"{rule.once}_index"])) if rule.once else [[p] for p in pairs]
        for group in groups:
            row = group[0][1]
            out.append((_finding(rule, row, [_location(r) for _, r in group[1:]], engine), row))
    once = {rule.id: rule.once for rule, _ in failing if rule.once}
    if once:
        unit = {id(f): int(row[f"{once[f.rule]}_index"]) for f, row in out if f.rule in once}
        kept = kept_per_unit([f for f, _ in out], once, lambda f: unit[id(f)])
        out = [(kept.get(i, f), row) for i, (f, row) in enumerate(out) if f.rule not in once or i in kept]
    return out


def _finding(rule: m.Rule, row: dict, others: list[Location], engine) -> Finding:
    message = _text(row.get("message"))
    related = related_of(_text(row["related"]))
    evidence = json.loads(_text(row["evidence"]) or "[]")
    if message is not None:   # a consistency or feed row: the engine worded it, evidence and all
        return Finding(rule.id, rule.category, rule.severity, message, _location(row), related,
                       evidence=tuple(evidence))
    req = rule.requirement
    suggestion = req.suggestion if isinstance(req, m.Forbid) else None
    found = evidence[0]
    why = list(found["structure"])
    if isinstance(req, m.RequireSource):
        why.append(found["missing_source"][req.scope])
    elif isinstance(req, m.RequireCondition):
        why.append(engine._unmet(req))
    return compose(rule, engine.lang, _location(row), related, json.loads(row["values"]), suggestion, others, why)


def file_result(path: str, failing: list[tuple[m.Rule, dict]], validator, text: str | None,
                encoding: str, directives: list) -> FileResult:
    """One article's findings as the native engine orders, fingerprints and suppresses them."""
    from validator import suppress

    found = article_findings(failing, validator.engine)
    found.sort(key=lambda fr: (int(fr[1]["plain_start"]), int(fr[1]["plain_end"]), fr[0].rule))
    findings = with_fingerprints([f for f, _ in found], [_text(row["context"]) or "" for _, row in found])
    findings.sort(key=lambda f: f.sort_key)
    if validator.options.suppressions and path != "-":
        try:
            entries = suppress.from_directives(directives, path) + suppress.load_sidecar(path)
        except suppress.SuppressionError as e:
            return FileResult(path, error=e.one_line(), encoding=encoding, text=text)
        findings = suppress.apply(findings, entries, text, **validator.unused_options())
    return FileResult(path, findings, encoding=encoding, text=text)
