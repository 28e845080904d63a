"""Counts by severity, shared by every format that prints a summary."""
from __future__ import annotations

from validator.findings import FileResult


def counts(results: list[FileResult]) -> dict:
    by_severity = {"error": 0, "warning": 0, "info": 0}
    by_category: dict[str, int] = {}
    for r in results:
        for f in r.findings:
            by_severity[f.severity] = by_severity.get(f.severity, 0) + 1
            by_category[f.category] = by_category.get(f.category, 0) + 1
    # files_with_errors: files with an error finding; unreadable: files that could not be read at all
    return {"files": len(results),
            "files_with_errors": sum(1 for r in results if any(f.severity == "error" for f in r.findings)),
            "unreadable": sum(1 for r in results if r.error),
            "findings": sum(by_severity.values()), **by_severity, "by_category": dict(sorted(by_category.items()))}
