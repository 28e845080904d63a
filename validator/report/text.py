"""`--format text`: one line a finding, the excerpt with the span marked, a summary line.

On a terminal, Arabic excerpts are wrapped in a Unicode isolate (RLI ... PDI) so the Latin location
prefix does not reorder them; files and pipes get the plain text (a script or grep must not meet
invisible controls). The span is marked with │ bars, which read the same in either direction.
Colour only when asked (a TTY and no NO_COLOR). The category is printed only when it is not the
rule id itself. File names, messages and excerpts come from whoever wrote the articles: control
characters and bidi overrides in them are shown as escapes (`visible`).
"""
from __future__ import annotations

from validator.extract.evidence import labels
from validator.findings import EXCERPT_CHARS, FileResult, Finding
from validator.messages import counted, messages
from validator.report.summary import counts
from validator.report.visible import visible

CONTEXT = 40
RLI, PDI = "\u2067", "\u2069"
_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_RESET, _BOLD, _REVERSE = "\033[0m", "\033[1m", "\033[7m"


def summary_line(values: dict, lang: str = "ar") -> str:
    """The counts of a run in one line, each number with its noun in the form the language gives that
    number (Arabic: ملاحظة واحدة، ملاحظتان، 3 ملاحظات، 12 ملاحظة)."""
    words = messages("summary", lang)
    return words["line"].format(**{k: counted(forms, values[k], lang) for k, forms in words["counted"].items()})


def render(results: list[FileResult], color: bool = False, lang: str = "ar", isolate: bool = False,
           explain: bool = False) -> str:
    return join([file_lines(r, color, isolate, explain, lang) for r in results], results, lang)


def file_lines(r: FileResult, color: bool = False, isolate: bool = False, explain: bool = False,
               lang: str = "ar") -> list[str]:
    """One file's part of the report: made as soon as the file is validated, so a run over a
    folder keeps these lines, not every article's text, until the end. With `explain`, each
    finding's evidence (rule, patterns, lexicon entries, what was not found) under it."""
    if r.error:
        line = f"{r.path}: error: {r.error}" if not r.error.startswith(r.path) else f"error: {r.error}"
        return [visible(line)]
    out = []
    for f in r.findings:
        out += _finding(r, f, color, isolate)
        if explain:
            label = labels(lang)["evidence"]
            out += [visible(f"    {label}: {e}") for e in f.evidence]
    return out


def join(parts: list[list[str]], results: list[FileResult], lang: str = "ar") -> str:
    """The report from each file's lines, in order, and the summary line of all results."""
    lines = [line for part in parts for line in part]
    lines.append(summary_line(counts(results), lang))
    return "\n".join(lines) + "\n"


def _finding(r: FileResult, f: Finding, color: bool, isolate: bool = False) -> list[str]:
    loc = f.location
    sev = f"{_COLORS[f.severity]}{f.severity}{_RESET}" if color else f.severity
    kind = f.rule if f.category == f.rule else f"{f.category} {f.rule}"
    head = f"{visible(r.path)}:{loc.line}:{loc.column}: {sev} {kind} {visible(f.message)}"
    out = [head]
    if r.text is not None:
        excerpt = _excerpt(r.text, loc.start, loc.end, color)
        out.append("    " + (RLI + excerpt + PDI if isolate else excerpt))
    if f.suggestion:
        out.append(f"    → {visible(f.suggestion)}")
    return out


def _excerpt(text: str, start: int, end: int, color: bool) -> str:
    """The span in its line with CONTEXT characters either side; the line is searched no further
    than the excerpt reaches (an article may be one line of megabytes), and a span longer than
    EXCERPT_CHARS is cut there with "…"."""
    left = max(0, start - CONTEXT)
    newline = text.rfind("\n", left, start)
    if newline >= 0:
        left = newline + 1
    cut = "…" if left > 0 and text[left - 1] != "\n" else ""
    limit = min(len(text), min(end, start + EXCERPT_CHARS) + CONTEXT + 1)
    line_end = text.find("\n", start, limit)
    if line_end == -1:
        line_end = len(text) if limit == len(text) else limit + 1  # (beyond what is shown)
    shown = min(end, line_end, start + EXCERPT_CHARS)
    right = min(line_end, shown + CONTEXT)
    before, span, after = (visible(t.replace("\r", "").replace("\t", " "))
                           for t in (text[left:start], text[start:shown], text[shown:right]))
    span += "…" if shown < min(end, line_end) else ""
    before = cut + before
    after = after + ("…" if right < line_end else "")
    marked = f"{_REVERSE}{span}{_RESET}" if color else f"│{span}│"
    return before + marked + after
