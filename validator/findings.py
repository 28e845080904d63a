"""What the rules engine produces and every report consumes: findings with exact spans."""
from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3, "never": 99}
# A report shows at most this much of a span: an unclosed quotation mark's span runs to the end of its
# paragraph, and a thousand of them in one long paragraph must not make a report of gigabytes.
EXCERPT_CHARS = 1000


@dataclass(slots=True, unsafe_hash=True)  # immutable by convention, hashed like a frozen one: a frozen
class Location:                         # dataclass is made attribute by attribute, slowly (hundreds an article)
    """A span of the original article: 0-based code-point offsets, 1-based line and column.

    A location made by a document refers to the document's text (`whole`) rather than holding a copy
    of the span: a thousand unclosed quotation marks, each running to the end of its paragraph, would
    otherwise copy the paragraph a thousand times. Two locations are equal when their offsets are."""

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    source: str = field(repr=False, compare=False)  # the span's text, or with `whole` the text it is in
    whole: bool = field(default=False, repr=False, compare=False)

    @property
    def text(self) -> str:
        return self.source[self.start:self.end] if self.whole else self.source

    @property
    def excerpt(self) -> str:
        """The text as reports show it: whole, or its first EXCERPT_CHARS characters and "…"."""
        if self.end - self.start <= EXCERPT_CHARS and self.whole:
            return self.source[self.start:self.end]
        if not self.whole:
            text = self.source
            return text if len(text) <= EXCERPT_CHARS else text[:EXCERPT_CHARS] + "…"
        return self.source[self.start:self.start + EXCERPT_CHARS] + "…"

    def to_json(self) -> dict:
        return {
            "line": self.line, "column": self.column,
            "end_line": self.end_line, "end_column": self.end_column,
            "start": self.start, "end": self.end, "text": self.excerpt,
        }


@dataclass(frozen=True, slots=True)
class RelatedLocation:
    """Another span that explains a finding: the other title, the other number, the speaker."""

    location: Location
    message: str

    def to_json(self) -> dict:
        return {**self.location.to_json(), "message": self.message}


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    category: str
    severity: str
    message: str
    location: Location
    related: tuple[RelatedLocation, ...] = ()
    fingerprint: str = ""
    suggestion: str | None = None
    evidence: tuple[str, ...] = ()   # the rule, patterns and lexicon entries behind it; what was not found

    @property
    def sort_key(self) -> tuple:
        return (self.location.start, self.location.end, self.rule)

    def to_json(self) -> dict:
        data = {
            "rule": self.rule, "category": self.category, "severity": self.severity,
            "message": self.message, **self.location.to_json(),
            "related": [r.to_json() for r in self.related],
            "fingerprint": self.fingerprint,
            "evidence": list(self.evidence),
        }
        if self.suggestion is not None:
            data["suggestion"] = self.suggestion
        return data


@dataclass(slots=True)
class FileResult:
    """Everything one input produced: its findings, or the one-line error that stopped it."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    encoding: str | None = None
    text: str | None = None  # the decoded article, for excerpts; never re-read from disk
    feed: list = field(default_factory=list)  # its items for the rules across a feed (validator.feed)

    def to_json(self) -> dict:
        data = {"path": self.path, "findings": [f.to_json() for f in self.findings]}
        if self.error is not None:
            data["error"] = self.error
        return data
