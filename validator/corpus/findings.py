"""Failing rows back to findings: the rows Great Expectations returns (their columns named by
`unexpected_index_column_names`) become the same Findings, in the same order and with the same
fingerprints and suppressions, as the native engine gives."""
from __future__ import annotations

import json
import math

from validator.corpus.compiler import FINDING_COLUMNS, KEY_COLUMNS
from validator.corpus.tables import location_of, related_of
from validator.findings import FileResult, Finding
from validator.rules import model as m
from validator.rules.engine import _format, with_fingerprints

# what a failing row must bring back to become a finding
RETURNED_COLUMNS = [*KEY_COLUMNS, *FINDING_COLUMNS, "message"]


def _int(v) -> int:
    return int(v)


def _text(v) -> str | None:
    return None if v is None or (isinstance(v, float) and math.isnan(v)) else str(v)


def finding_of(row: dict, rule: m.Rule, lang: str) -> tuple[tuple, Finding, str]:
    """(native sort key, finding, fingerprint context) of one failing row."""
    loc = location_of([_int(row[k]) for k in ("loc_start", "loc_end", "loc_line", "loc_column", "loc_end_line",
                                              "loc_end_column")] + [_text(row["loc_text"]) or ""])
    suggestion = rule.requirement.suggestion if isinstance(rule.requirement, m.Forbid) else None
    message = _text(row.get("message"))
    if message is None:
        values = json.loads(row["values"])
        if suggestion is not None:
            values["suggestion"] = suggestion
        message = _format(rule.messages.get(lang) or rule.messages.get("en", ""), values)
    finding = Finding(rule.id, rule.category, rule.severity, message, loc, related_of(_text(row["related"])),
                      suggestion=suggestion)
    return (_int(row["plain_start"]), _int(row["plain_end"]), rule.id), finding, _text(row["context"]) or ""


def file_result(path: str, found: list[tuple[tuple, Finding, str]], validator, text: str | None,
                encoding: str, directives: list) -> FileResult:
    """One article's findings as the native engine orders, fingerprints and suppresses them."""
    from validator import suppress

    found.sort(key=lambda x: x[0])
    findings = with_fingerprints([f for _, f, _ in found], [c for _, _, c in found])
    findings.sort(key=lambda f: f.sort_key)
    if validator.options.suppressions and path != "-":
        try:
            entries = suppress.from_directives(directives, path) + suppress.load_sidecar(path)
        except suppress.SuppressionError as e:
            return FileResult(path, error=e.one_line(), encoding=encoding, text=text)
        findings = suppress.apply(findings, entries, text, **validator.unused_options())
    return FileResult(path, findings, encoding=encoding, text=text)
