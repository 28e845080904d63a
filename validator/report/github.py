"""`--format github`: GitHub Actions workflow commands, one annotation a finding.

    ::error file=PATH,line=L,col=C,endLine=EL,endColumn=EC,title=RULE (CATEGORY)::MESSAGE

warning → `::warning`, info → `::notice`; a file that could not be read is an `::error` on that file.
Escaping follows GitHub's runner: data `%`→%25, CR→%0D, LF→%0A (a newline in a file name must not start
a forged `::error` command); properties also `:`→%3A, `,`→%2C. Other control characters and bidi
overrides from file names and articles become visible escapes (`\x1b`, `\u202e`).
Streamable: `render_file` is written as each file finishes.
"""
from __future__ import annotations

from validator.findings import FileResult
from validator.report._paths import relative
from validator.report.visible import visible
from validator.rules.model import Rule

STREAMING = True
COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(s: str) -> str:
    return visible(s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def render_file(result: FileResult, rules: list[Rule] | None = None) -> str:
    path = escape_property(relative(result.path))
    if result.error:
        return f"::error file={path},title={escape_property('unreadable file')}::{escape_data(result.error)}\n"
    lines = []
    for f in result.findings:
        loc = f.location
        props = (f"file={path},line={loc.line},col={loc.column},endLine={loc.end_line},"
                 f"endColumn={loc.end_column},title={escape_property(f'{f.rule} ({f.category})')}")
        lines.append(f"::{COMMANDS.get(f.severity, 'warning')} {props}::{escape_data(f.message)}\n")
    return "".join(lines)


def render(results: list[FileResult], rules: list[Rule] | None = None) -> str:
    return "".join(render_file(r, rules) for r in results)
