"""`--format json`: {"files": [{"path", "findings": [...]}], "summary": {...}}."""
from __future__ import annotations

import json

from validator.findings import FileResult
from validator.report.summary import counts


def render(results: list[FileResult]) -> str:
    data = {"files": [r.to_json() for r in results], "summary": counts(results)}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
