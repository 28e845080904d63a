"""Baselines: accept today's findings, fail only on new ones.

`--baseline-write FILE` records the findings of the run:

    {"version": 1, "files": {"news/gaza.txt": [{"rule": "...", "fingerprint": "...", "line": 4, "message": "..."}]}}

paths relative to the baseline file's folder (POSIX separators). `--baseline FILE` drops every finding
whose (rule, fingerprint) the baseline holds for that article, matched by path; when no recorded path
is the article, by file name, but only to one recorded path that no longer exists (the article was
moved or renamed a folder): `content/2024-02/index.md` never inherits `content/2024-01/index.md`'s. A fingerprint
hashes the rule, the flagged text and its sentence (with an occurrence index), never a line, so
findings stay matched when lines shift. `line` and `message` are for the reader of the file only.
`unused-suppression` findings are never recorded: a stale suppression should be removed, not accepted.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from validator.errors import RuleError
from validator.findings import FileResult, Finding
from validator.outfile import OutputError, write_text
from validator.settings_file import ParseError, SettingsFileError, parse_json, read_settings
from validator.suppress import UNUSED_RULE

VERSION = 1


class BaselineError(RuleError):
    """A baseline file that cannot be read or is not a baseline."""


def _key(article: str, base: Path) -> str:
    if article == "-":
        return "-"
    target = Path(article).resolve()
    try:
        return target.relative_to(base).as_posix()
    except ValueError:
        return Path(os.path.relpath(target, base)).as_posix()


def write(path: Path, results: list[FileResult], inputs: list[str] = ()) -> int:
    """Record the findings; returns how many were written."""
    base = Path(path).resolve().parent
    files: dict[str, list[dict]] = {}
    n = 0
    for r in results:
        if r.error:
            continue
        entries = [{"rule": f.rule, "fingerprint": f.fingerprint, "line": f.location.line, "message": f.message}
                   for f in r.findings if f.rule != UNUSED_RULE]
        if entries:
            files.setdefault(_key(r.path, base), []).extend(entries)
            n += len(entries)
    data = {"version": VERSION, "files": dict(sorted(files.items()))}
    try:
        write_text(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n", inputs=inputs, what="baseline")
    except OutputError as e:
        raise BaselineError(str(e)) from None
    return n


@dataclass
class Baseline:
    base: Path
    files: dict[str, set[tuple[str, str]]] = field(default_factory=dict)
    by_name: dict[str, list[str]] = field(default_factory=dict)   # file name -> recorded paths

    def known(self, article: str) -> set[tuple[str, str]]:
        key = _key(article, self.base)
        if key in self.files:
            return self.files[key]
        moved = [k for k in self.by_name.get(Path(key).name, []) if k != "-" and not (self.base / k).exists()]
        return self.files[moved[0]] if len(moved) == 1 else set()

    def filter(self, result: FileResult) -> FileResult:
        """The result with baselined findings removed (a new FileResult; the input is untouched)."""
        if result.error or not result.findings:
            return result
        known = self.known(result.path)
        if not known:
            return result
        kept: list[Finding] = [f for f in result.findings
                               if f.rule == UNUSED_RULE or (f.rule, f.fingerprint) not in known]
        return FileResult(result.path, kept, result.error, result.encoding, result.text)


def _is_version(value) -> bool:
    return type(value) is int and value == VERSION  # `true == 1` in Python: a bool is not a version


def load(path: Path) -> Baseline:
    path = Path(path)
    where = dict(path=str(path), line=1, column=1)
    try:
        data = parse_json(read_settings(path))
    except SettingsFileError as e:
        if e.missing:
            raise BaselineError("no such baseline file (create it with --baseline-write)", **where) from None
        raise BaselineError(f"cannot use baseline: {e}", **where) from None
    except ParseError as e:
        raise BaselineError(f"not JSON: {e.message}", path=str(path), line=e.line, column=e.column) from None
    if not isinstance(data, dict) or not _is_version(data.get("version")) or not isinstance(data.get("files"), dict):
        raise BaselineError(f"not a version {VERSION} baseline (expected {{\"version\": {VERSION}, \"files\": {{...}}}})",
                            **where)
    baseline = Baseline(path.resolve().parent)
    for key, entries in data["files"].items():
        if not isinstance(entries, list):
            raise BaselineError(f"entries of '{key}' must be a list", **where)
        pairs = set()
        for e in entries:
            if not isinstance(e, dict) or not isinstance(e.get("rule"), str) or not isinstance(e.get("fingerprint"), str):
                raise BaselineError(f"an entry of '{key}' lacks rule or fingerprint", **where)
            pairs.add((e["rule"], e["fingerprint"]))
        baseline.files.setdefault(key, set()).update(pairs)
        baseline.by_name.setdefault(Path(key).name, []).append(key)
    return baseline
