"""`--format jsonl`: one JSON object a line, per finding (`{"path": ..., "rule": ..., ...}`), or
`{"path": ..., "error": ...}` for a file that could not be read, or `{"path": ..., "findings": 0}` for a
file validated with nothing to report (so a consumer can tell a clean file from one never looked at).
Streamable: the CLI writes each file's lines as soon as that file is done, so a consumer can start
before the run ends."""
from __future__ import annotations

import json

from validator.findings import FileResult
from validator.rules.model import Rule

STREAMING = True


def render_file(result: FileResult, rules: list[Rule] | None = None) -> str:
    if result.error:
        return json.dumps({"path": result.path, "error": result.error}, ensure_ascii=False) + "\n"
    if not result.findings:
        return json.dumps({"path": result.path, "findings": 0}, ensure_ascii=False) + "\n"
    return "".join(json.dumps({"path": result.path, **f.to_json()}, ensure_ascii=False) + "\n"
                   for f in result.findings)


def render(results: list[FileResult], rules: list[Rule] | None = None) -> str:
    return "".join(render_file(r, rules) for r in results)
