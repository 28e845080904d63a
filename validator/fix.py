"""`validate ARTICLE --fix`: apply the suggestions of `forbid suggest` rules to the article itself.

A rule finds one span per sentence, so fixing runs in rounds: validate, replace every suggested span,
validate the new text again, until no suggestion is left. The file is written once, at the end,
atomically, in its own encoding (a BOM kept, UTF-16's byte order kept) and with its own line ends
(the decoded text keeps them, and no suggestion adds one). A file is left untouched, and said so, when
two suggestions overlap (which one is meant is a guess), when a suggestion cannot be written in the
file's encoding, when the suggestions never settle, or when the file changed while it was fixed.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from validator import document
from validator.outfile import write_atomic
from validator.errors import InputError
from validator.findings import Finding
from validator.messages import messages

MAX_ROUNDS = 20


@dataclass(frozen=True, slots=True)
class Change:
    line: int
    column: int
    rule: str
    old: str
    new: str


@dataclass
class FixResult:
    path: str
    changes: list[Change] = field(default_factory=list)
    left: list[Finding] = field(default_factory=list)   # findings with no suggestion, after fixing
    refused: str | None = None                         # why the file was left untouched
    before: str = ""
    after: str = ""

    @property
    def changed(self) -> bool:
        return self.refused is None and self.after != self.before

    def diff(self) -> str:
        if not self.changed:
            return ""
        name = self.path.lstrip("/")
        return "".join(difflib.unified_diff(self.before.splitlines(keepends=True),
                                            self.after.splitlines(keepends=True), f"a/{name}", f"b/{name}"))


def fix_file(path: str, validator, write: bool = True) -> FixResult:
    """Fix one article with `validator`'s rules; write it back only when `write` and something changed.
    Raises InputError for a file that cannot be read or written."""
    data = document.read_bytes(path)
    text, encoding = document.decode(data, path)
    out = FixResult(path, before=text, after=text)
    current = text
    for _ in range(MAX_ROUNDS):
        result = validator.validate_source(current, path, encoding)
        if result.error:
            raise InputError(result.error)
        fixes = [f for f in result.findings if _fixable(f, current)]
        if not fixes:
            out.left = [f for f in result.findings if f.suggestion is None or not _fixable(f, current)]
            break
        fixes = _unique(fixes)
        clash = _overlap(fixes)
        if clash:
            a, b = clash
            out.refused = (f"suggestions overlap at {a.location.line}:{a.location.column} ({a.rule}) and "
                           f"{b.location.line}:{b.location.column} ({b.rule})")
            return out
        out.changes += [Change(f.location.line, f.location.column, f.rule, f.location.text, f.suggestion or "")
                        for f in fixes]
        current = _apply(current, fixes)
    else:
        out.refused = f"suggestions still change the text after {MAX_ROUNDS} rounds"
        return out
    out.after = current
    if not out.changed:
        return out
    try:
        encoded = encode_like(current, encoding, data)
    except UnicodeEncodeError as e:
        out.refused = f"{current[e.start:e.end]!r} cannot be written in {encoding}"
        out.after = text
        return out
    if write:
        if document.read_bytes(path) != data:
            out.refused = "the file changed while it was being fixed"
            out.after = text
            return out
        try:
            write_atomic(Path(path), encoded, mode_of=Path(path))
        except OSError as e:
            raise InputError(f"{path}: cannot write the fixed article ({e.strerror or e})") from None
    return out


def _fixable(f: Finding, text: str) -> bool:
    loc = f.location
    return (f.suggestion is not None and text[loc.start:loc.end] == loc.text  # the span is the source's own text
            and loc.text != f.suggestion)


def _unique(fixes: list[Finding]) -> list[Finding]:
    """The same replacement found by two rules is one replacement."""
    seen: dict[tuple, Finding] = {}
    for f in fixes:
        seen.setdefault((f.location.start, f.location.end, f.suggestion), f)
    return sorted(seen.values(), key=lambda f: (f.location.start, f.location.end))


def _overlap(fixes: list[Finding]) -> tuple[Finding, Finding] | None:
    for a, b in zip(fixes, fixes[1:]):
        la, lb = a.location, b.location
        if lb.start < la.end or (la.start == lb.start and la.end == lb.end) or (la.start == la.end == lb.start):
            return a, b
    return None


def _apply(text: str, fixes: list[Finding]) -> str:
    parts, pos = [], 0
    for f in fixes:
        parts += [text[pos:f.location.start], f.suggestion or ""]
        pos = f.location.end
    parts.append(text[pos:])
    return "".join(parts)


def encode_like(text: str, encoding: str, original: bytes) -> bytes:
    """`text` in the encoding `document.decode` found, with the original's BOM and byte order."""
    if encoding == "utf-16":
        bom = original[:2]
        return bom + text.encode("utf-16-le" if bom == b"\xff\xfe" else "utf-16-be")
    if encoding == "utf-8-sig":
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    return text.encode(encoding)


def report_lines(r: FixResult, lang: str = "ar", written: bool = True) -> list[str]:
    """What was changed and what was left, for the editor (names and article text through `visible`:
    no control character or bidi override from the article reaches the terminal)."""
    from validator.report.visible import visible

    return [visible(line) for line in _report_lines(r, lang, written)]


def _report_lines(r: FixResult, lang: str, written: bool) -> list[str]:
    t = messages("fix", lang)
    if r.refused:
        return [t["refused"].format(path=r.path, why=r.refused)]
    if not r.changes:
        lines = [t["nothing"].format(path=r.path)]
    else:
        lines = [t["changed"].format(path=r.path, n=len(r.changes)) + ("" if written else " " + t["diff_only"])]
        lines += [t["change"].format(line=c.line, column=c.column, rule=c.rule, old=c.old, new=c.new)
                  for c in r.changes]
    if r.left:
        by_rule: dict[str, int] = {}
        for f in r.left:
            by_rule[f.rule] = by_rule.get(f.rule, 0) + 1
        rules = messages("common", lang)["list_sep"].join(f"{k} ({v})" for k, v in sorted(by_rule.items()))
        lines.append(t["left"].format(n=len(r.left), rules=rules))
    return lines
