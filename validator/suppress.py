"""Suppressions that never touch the published text.

1. A sidecar next to the article, `ARTICLE.validate-ignore` (for `news/gaza.md`: `news/gaza.md.validate-ignore`),
   either the line format

       # rule-id   fingerprint-or-line   # reason
       unsourced-casualty  3f9c0a6be2d1c4e7:0  # toll confirmed by our correspondent
       unnamed-source      12                  # line 12: the source is protected

   or TOML:

       [[ignore]]
       rule = "unsourced-casualty"
       fingerprint = "3f9c0a6be2d1c4e7:0"   # or: line = 12
       reason = "toll confirmed by our correspondent"

2. One central file given with `--ignore-file FILE`: the same two formats with the article's path
   first (`path rule-id fingerprint-or-line  # reason`, or `path = "..."` in TOML), the path relative
   to the ignore file's folder (matched by file name when no path matches, like the baseline).

3. In Markdown and HTML articles, comments: `<!-- validate-disable rule-id -->` for the next block
   (paragraph, heading, list item) and `<!-- validate-disable-file rule-id -->` for the whole file;
   several ids may be given (spaces or commas), none means every rule, `-- reason` may follow.

A fingerprint is the `fingerprint` of a finding (`--format json`), which survives edits elsewhere in
the article; `hash` without `:n` matches every occurrence. A line matches a finding whose span covers it.

A suppression that matched nothing is reported as an `info` finding, rule `unused-suppression`,
category `suppression`, so it shows up in every format (SARIF, JUnit, annotations) but fails the run
only with `--fail-on info`: inline ones point at the comment itself; sidecar and central ones at
line 1 of the article, the message naming `file:line` of the stale entry.
"""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from validator.errors import RuleError
from validator.findings import Finding, Location
from validator.messages import messages
from validator.settings_file import ParseError, SettingsFileError, parse_toml, read_settings

SIDECAR_SUFFIX = ".validate-ignore"
UNUSED_RULE = "unused-suppression"
UNUSED_CATEGORY = "suppression"
_FINGERPRINT = re.compile(r"^[0-9a-f]{6,64}(?::\d+)?$")


class SuppressionError(RuleError):
    """A sidecar or ignore file that does not parse: `path:line:col: problem`."""


@dataclass
class Suppression:
    rule: str                       # "" = every rule (inline comments without ids)
    fingerprint: str | None = None
    line: int | None = None
    reason: str = ""
    origin: str = ""                # the file the suppression is written in
    origin_line: int = 1
    path: str | None = None         # central file: the article it is for (resolved), else None
    span: tuple[int, int] | None = None    # inline block: source span covered; inline file: None
    at: tuple[int, int] | None = None      # inline: source span of the comment
    used: bool = False

    def matches(self, f: Finding) -> bool:
        if self.rule and self.rule != f.rule:
            return False
        if self.fingerprint is not None:
            fp = self.fingerprint
            return f.fingerprint == fp if ":" in fp else f.fingerprint.split(":")[0] == fp
        if self.line is not None:
            return f.location.line <= self.line <= f.location.end_line
        if self.span is not None:
            return self.span[0] <= f.location.start < self.span[1]
        return True

    def describe(self, lang: str = "en") -> str:
        words = messages("suppress", lang)
        target = self.fingerprint or (words["line"].format(line=self.line) if self.line is not None else "")
        what = self.rule or words["every_rule"]
        return f"{what}{' ' + target if target else ''}"


# -- reading --------------------------------------------------------------------------------------

def sidecar_path(article: str) -> Path:
    return Path(article + SIDECAR_SUFFIX)


def load_sidecar(article: str) -> list[Suppression]:
    try:
        os.stat(article + SIDECAR_SUFFIX)
    except FileNotFoundError:
        return []  # (most articles: asked once an article, without a Path's parsing)
    except OSError:
        pass  # (Path.is_file decides: it ignores some errors and raises others)
    path = sidecar_path(article)
    if not path.is_file():
        return []
    if path.is_symlink() and not _inside(path.resolve(), Path(article).resolve().parent):
        # read, it could echo a file from anywhere (`b.txt.validate-ignore -> ../secret/pw`) in a message
        raise SuppressionError("a link leading out of the article's folder; not read", path=str(path),
                               line=1, column=1)
    return parse(path, central=False)


def _inside(path: Path, folder: Path) -> bool:
    return path.is_relative_to(folder)


def load_central(path: Path) -> list[Suppression]:
    return parse(path, central=True)


def parse(path: Path, central: bool) -> list[Suppression]:
    try:
        text = read_settings(path)
    except SettingsFileError as e:
        reason = "no such ignore file" if e.missing else f"cannot use ignore file: {e}"
        raise SuppressionError(reason, path=str(path), line=1, column=1) from None
    try:
        data = parse_toml(text)
    except ParseError as e:
        if e.beyond_limits:
            raise SuppressionError(e.message, path=str(path), line=e.line, column=e.column) from None
        data = None  # not TOML: the line format
    if data is not None and (data or not text.strip()):
        entries = _from_toml(path, text, data, central)
    else:
        entries = _from_lines(path, text, central)
    for s in entries:
        if s.path is not None and "\x00" in s.path:  # no file has that name; resolving it would raise
            raise SuppressionError("an article path with a NUL character", path=str(path), line=s.origin_line,
                                   column=1)
    return entries


def _from_toml(path: Path, text: str, data: dict, central: bool) -> list[Suppression]:
    from validator.config import locate

    for key in data:
        if key != "ignore":
            line, col = locate(text, (), key)
            raise SuppressionError(f"unknown key '{key}' (expected [[ignore]] tables)", path=str(path),
                                   line=line, column=col)
    entries = data.get("ignore", [])
    if not isinstance(entries, list):
        raise SuppressionError("'ignore' must be an array of tables ([[ignore]])", path=str(path), line=1, column=1)
    headers = [n for n, ln in enumerate(text.splitlines(), 1) if re.match(r"^\s*\[\[\s*ignore\s*\]\]", ln)]
    out = []
    allowed = {"rule", "fingerprint", "line", "reason"} | ({"path"} if central else set())
    for i, entry in enumerate(entries):
        line = headers[i] if i < len(headers) else 1
        where = dict(path=str(path), line=line, column=1)
        if not isinstance(entry, dict):
            raise SuppressionError("each ignore entry must be a table", **where)
        unknown = sorted(set(entry) - allowed)
        if unknown:
            raise SuppressionError(f"unknown key '{unknown[0]}' in ignore entry", **where)
        rule = entry.get("rule")
        if not isinstance(rule, str) or not rule:
            raise SuppressionError("ignore entry needs a rule id (rule = \"...\")", **where)
        fp, ln = entry.get("fingerprint"), entry.get("line")
        if (fp is None) == (ln is None):
            raise SuppressionError("ignore entry needs exactly one of fingerprint or line", **where)
        if fp is not None and (not isinstance(fp, str) or not _FINGERPRINT.match(fp)):
            raise SuppressionError(f"not a fingerprint: {fp!r}", **where)
        if ln is not None and (type(ln) is not int or ln < 1):  # `true` is an int in Python
            raise SuppressionError(f"line must be a positive integer, not {ln!r}", **where)
        s = Suppression(rule, fp, ln, str(entry.get("reason", "")), str(path), line)
        if central:
            target = entry.get("path")
            if not isinstance(target, str) or not target:
                raise SuppressionError("central ignore entry needs the article's path (path = \"...\")", **where)
            s.path = target
        out.append(s)
    return out


def _from_lines(path: Path, text: str, central: bool) -> list[Suppression]:
    out = []
    want = 3 if central else 2
    for n, raw in enumerate(text.splitlines(), 1):
        body, _, reason = raw.partition("#")
        parts = body.split()
        if not parts:
            continue
        if len(parts) != want:
            shape = "path rule-id fingerprint-or-line" if central else "rule-id fingerprint-or-line"
            raise SuppressionError(f"expected `{shape}  # reason`", path=str(path), line=n,
                                   column=len(raw) - len(raw.lstrip()) + 1)
        target = parts[-1]
        col = raw.find(target, raw.find(parts[-2]) + len(parts[-2])) + 1
        s = Suppression(parts[-2], reason=reason.strip(), origin=str(path), origin_line=n)
        if target.isascii() and target.isdigit() and len(target) <= 9 and int(target) > 0:  # no 5,000-digit int()
            s.line = int(target)
        elif _FINGERPRINT.match(target):
            s.fingerprint = target
        else:
            raise SuppressionError(f"'{target}' is neither a fingerprint nor a line number", path=str(path),
                                   line=n, column=col)
        if central:
            s.path = parts[0]
        out.append(s)
    return out


def from_directives(directives, article: str) -> list[Suppression]:
    """Inline comments of a Markdown or HTML article (validator.markup.Directive)."""
    out = []
    for d in directives:
        span = (d.target.source_start, d.target.source_end) if d.target else (-1, -1)
        for rule in d.rules or ("",):
            out.append(Suppression(rule, reason=d.reason, origin=article, span=None if d.scope == "file" else span,
                                   at=(d.start, d.end)))
    return out


def for_article(central: list[Suppression], central_file: Path, article: str) -> list[Suppression]:
    """The central entries meant for one article: by path relative to the ignore file, else by file name."""
    if article == "-":
        return []
    base = central_file.resolve().parent
    target = Path(article).resolve()
    exact = [s for s in central if (base / s.path).resolve() == target]
    if exact:
        return exact
    return [s for s in central if Path(s.path).name == target.name]


# -- applying ---------------------------------------------------------------------------------------

def apply(findings: list[Finding], suppressions: list[Suppression], article_text: str | None,
          severity: str = "info", report_unused: bool = True, lang: str = "ar") -> list[Finding]:
    """Findings no suppression matches, then one `unused-suppression` finding per stale suppression."""
    if not suppressions:
        return findings
    kept = []
    for f in findings:
        hit = False
        for s in suppressions:
            if s.matches(f):
                s.used = True
                hit = True
        if not hit:
            kept.append(f)
    if report_unused:
        kept.extend(unused_findings(suppressions, article_text or "", severity, lang))
    return kept


def unused_findings(suppressions: list[Suppression], text: str, severity: str = "info",
                    lang: str = "ar") -> list[Finding]:
    words = messages("suppress", lang)
    out = []
    for s in suppressions:
        if s.used:
            continue
        what = s.describe(lang)
        if s.at is not None:
            loc = _location(text, *s.at)
            message = words["block"].format(what=what, scope=words["scopes"]["block" if s.span else "file"])
            if s.span == (-1, -1):
                message = words["nothing"].format(what=what)
        else:
            loc = Location(0, 0, 1, 1, 1, 1, "")
            message = words["entry"].format(origin=f"{s.origin}:{s.origin_line}", what=what)
        digest = hashlib.sha256(f"{UNUSED_RULE}|{Path(s.origin).name}|{s.rule}|{s.fingerprint}|{s.line}|"
                                f"{loc.text}".encode()).hexdigest()[:16]
        out.append(Finding(UNUSED_RULE, UNUSED_CATEGORY, severity, message, loc, fingerprint=f"{digest}:0"))
    return out


def _location(text: str, start: int, end: int) -> Location:
    from validator.markup import SourceLines

    return SourceLines(text).location(start, end)
