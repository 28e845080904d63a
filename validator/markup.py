"""Markdown and HTML articles: the plain text the extractor sees, and a map back to the source.

`to_plain(source, kind)` returns a `Markup`: `plain` has one block (heading, paragraph, list item,
table cell) per line, blocks separated by a blank line, so the first block is the headline exactly
as in a plain-text article; `offsets[i]` is the source offset of `plain[i]` (one entry more than
`plain`, the last being `len(source)`; an `OffsetMap` keeps one entry per verbatim run, not per
character), so any span of the plain text maps back to the original file's characters, lines and
columns (`remap`).

Markdown is parsed with markdown-it-py: its block tokens carry source line ranges, and each inline
text run is then found in those lines (exactly when it appears verbatim, character by character
otherwise: entities and backslash escapes). HTML is tokenized here with a position-keeping scanner
(selectolax, like any DOM parser, discards source offsets): tags are dropped, block-level tags end
a block, entities are decoded, white space is collapsed, script/style/head content is skipped.

Both kinds also collect inline suppression comments, `<!-- validate-disable rule-id -->` (the next
block) and `<!-- validate-disable-file rule-id -->` (the whole file); see validator.suppress.
"""
from __future__ import annotations

import bisect
import re
from array import array
from dataclasses import dataclass, field, replace

from validator.findings import Finding, Location, RelatedLocation

MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
_SEARCH_WINDOW = 16

_DIRECTIVE = re.compile(r"<!--\s*validate-(disable-file|disable)\b(?P<body>.*?)-->", re.S)


@dataclass(frozen=True, slots=True)
class Block:
    plain_start: int
    plain_end: int
    source_start: int
    source_end: int


@dataclass(frozen=True, slots=True)
class Directive:
    """An inline suppression comment: `rules` empty means every rule."""

    scope: str                 # "block" | "file"
    rules: tuple[str, ...]
    reason: str
    start: int                 # source offsets of the comment
    end: int
    target: Block | None = None  # the block a "block" directive covers (None: nothing follows it)


class OffsetMap:
    """Where each plain character comes from in the source, one entry per run instead of one int per
    character (a 2 MB article has a million characters, but only as many runs as it has tags, entities
    and collapsed blanks). In a verbatim run the k-th character is at `source + k` and ends one later;
    every character of a run decoded from one character reference (`&#37;`) is at the reference's
    start and ends at its end (`ref_end`). Indexing gives the source offset of a plain index, clipped
    to the source, and `len(plain)` maps to `len(source)`."""

    __slots__ = ("starts", "sources", "ref_ends", "length", "limit")

    def __init__(self, limit: int):
        self.starts = array("q")    # plain index of each run's first character
        self.sources = array("q")   # its source offset
        self.ref_ends = array("q")  # the reference's source end, or -1 for a verbatim run
        self.length = 0             # plain characters mapped
        self.limit = limit

    def append(self, length: int, source: int, ref_end: int = -1) -> None:
        """`length` more plain characters, verbatim from `source` (or decoded from a reference)."""
        if self.starts and self.ref_ends[-1] == ref_end and self.sources[-1] + (
                0 if ref_end >= 0 else self.length - self.starts[-1]) == source:
            self.length += length  # continues the last run
            return
        self.starts.append(self.length)
        self.sources.append(source)
        self.ref_ends.append(ref_end)
        self.length += length

    def pop(self) -> None:
        """The last plain character unmapped."""
        self.length -= 1
        if self.starts[-1] == self.length:
            for runs in (self.starts, self.sources, self.ref_ends):
                runs.pop()

    def unclipped(self, i: int) -> int:
        k = bisect.bisect_right(self.starts, i) - 1
        return self.sources[k] + (i - self.starts[k] if self.ref_ends[k] < 0 else 0)

    def __len__(self) -> int:
        return self.length + 1

    def __getitem__(self, i: int) -> int:
        if i < 0:
            i += self.length + 1
        if not 0 <= i <= self.length:
            raise IndexError(i)
        return self.limit if i == self.length else min(self.unclipped(i), self.limit)

    def end(self, i: int) -> int:
        """The source end of plain character i: just after it, or after its whole reference."""
        k = bisect.bisect_right(self.starts, i) - 1
        if self.ref_ends[k] >= 0:
            return self.ref_ends[k]
        return min(self.sources[k] + i - self.starts[k], self.limit) + 1


@dataclass
class Markup:
    source: str
    plain: str
    offsets: OffsetMap
    blocks: list[Block] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """A plain-text span [start, end) as a source span: from its first to just after its last char
        (the whole character reference when the last char was written as one, such as `&#37;`)."""
        n = len(self.plain)
        start = min(max(start, 0), n)
        end = min(max(end, start), n)
        s = self.offsets[start]
        e = self.offsets.end(end - 1) if end > start else s
        return s, max(s, e)


def kind_of(path: str) -> str | None:
    lower = path.lower()
    if lower.endswith(MARKDOWN_SUFFIXES):
        return "markdown"
    if lower.endswith(HTML_SUFFIXES):
        return "html"
    return None


def to_plain(source: str, kind: str) -> Markup:
    if kind == "markdown":
        return _markdown(source)
    if kind == "html":
        return _html(source)
    raise ValueError(f"unknown markup kind {kind!r}")


# -- building the plain text ----------------------------------------------------------------------

# blanks that are not one plain space: any run holding a line break, tab or form feed, or two blanks
_IRREGULAR_BLANKS = re.compile(r"[\r\n\t\f\v][ \r\n\t\f\v]*| [ \r\n\t\f\v]+")


class _Builder:
    """The plain text, built from verbatim source runs (sliced whole) and single characters (decoded
    references, line breaks), with blanks collapsed to one space inside a block and none at its ends."""

    def __init__(self, source: str):
        self.source = source
        self.parts: list[str] = []
        self.offsets = OffsetMap(len(source))
        self.blocks: list[Block] = []
        self._block_start: int | None = None
        self._last = ""  # the last plain character

    def add(self, ch: str, src: int, src_end: int | None = None) -> None:
        if ch in "\r\n\t\f\v":
            ch = " "
        if ch == " " and (self._block_start is None or self._last == " "):
            return  # no leading or doubled blanks inside a block
        if self._block_start is None:
            self._open_block()
        self._put(ch, src, src_end if src_end is not None and src_end != src + 1 else -1)

    def add_verbatim(self, start: int, end: int) -> None:
        """source[start:end] character by character as `add` would take it, in a few slices: only
        irregular blanks (a line break, two spaces) break the run."""
        pos = start
        for m in _IRREGULAR_BLANKS.finditer(self.source, start, end):
            self._add_span(pos, m.start())
            self.add(" ", m.start())
            pos = m.end()
        self._add_span(pos, end)

    def _add_span(self, start: int, end: int) -> None:
        """A span whose blanks are single spaces: only its first character can be a dropped blank."""
        if start < end and self.source[start] == " ":
            self.add(" ", start)
            start += 1
        if start < end:
            if self._block_start is None:
                self._open_block()
            self._put(self.source[start:end], start)

    def _open_block(self) -> None:
        if self.parts:  # blocks are separated by a blank line
            self._put("\n\n", self.offsets.unclipped(self.offsets.length - 1) + 1)
        self._block_start = self.offsets.length

    def _put(self, text: str, src: int, ref_end: int = -1) -> None:
        self.parts.append(text)
        self.offsets.append(len(text), src, ref_end)
        self._last = text[-1]

    def end_block(self) -> None:
        if self._block_start is None:
            return
        while self._last == " " and self.offsets.length > self._block_start:
            last = self.parts.pop()[:-1]
            if last:
                self.parts.append(last)
            self.offsets.pop()
            self._last = self.parts[-1][-1] if self.parts else ""
        start = self._block_start  # a block starts at a non-blank character, so it is never empty
        self._block_start = None
        end = self.offsets.length
        self.blocks.append(Block(start, end, self.offsets.unclipped(start), self.offsets.unclipped(end - 1) + 1))

    def finish(self, directives: list[tuple[str, tuple[str, ...], str, int, int]]) -> Markup:
        self.end_block()
        starts = [b.source_start for b in self.blocks]
        out = []
        for scope, rules, reason, start, end in directives:
            target = None
            if scope == "block":
                i = bisect.bisect_left(starts, end)
                target = self.blocks[i] if i < len(self.blocks) else None
            out.append(Directive(scope, rules, reason, start, end, target))
        return Markup(self.source, "".join(self.parts), self.offsets, self.blocks, out)


def _directive(comment: str, start: int) -> tuple[str, tuple[str, ...], str, int, int] | None:
    m = _DIRECTIVE.fullmatch(comment.strip())
    if not m:
        return None
    body = m.group("body")
    body, _, reason = body.partition("--")
    rules = tuple(r for r in re.split(r"[\s,]+", body.strip()) if r)
    scope = "file" if m.group(1) == "disable-file" else "block"
    lead = len(comment) - len(comment.lstrip())
    return scope, rules, reason.strip(), start + lead, start + lead + len(comment.strip())


# -- Markdown ---------------------------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A\ufeff?(---|\+\+\+)[ \t]*(?:\r\n|\r|\n).*?(?:\r\n|\r|\n)\1[ \t]*(?:\r\n|\r|\n|\Z)", re.S)


def _without_front_matter(source: str) -> str:
    """YAML (`---`) or TOML (`+++`) front matter (Hugo, Jekyll) blanked out, its line ends kept, so the
    article starts after it and every later line keeps its number."""
    m = _FRONT_MATTER.match(source)
    if not m:
        return source
    return re.sub(r"[^\r\n]", "", m.group(0)) + source[m.end():]


def _markdown(source: str) -> Markup:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table")
    tokens = md.parse(_without_front_matter(source))
    line_starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", source)]
    b = _Builder(source)
    directives = []

    def line_offset(line: int) -> int:
        return line_starts[line] if line < len(line_starts) else len(source)

    for tok in tokens:
        if tok.type in ("html_block",) and tok.map:
            base = line_offset(tok.map[0])
            for m in re.finditer(r"<!--.*?-->", tok.content, re.S):
                pos = source.find(m.group(0), base)
                d = _directive(m.group(0), pos if pos >= 0 else base)
                if d:
                    directives.append(d)
            continue
        if tok.type != "inline" or not tok.map:
            continue
        cursor = line_offset(tok.map[0])
        limit = line_offset(tok.map[1])
        for child in tok.children or []:
            if child.type == "image":
                continue
            if child.type in ("softbreak", "hardbreak"):
                b.add(" ", cursor)
                continue
            if child.type == "html_inline":
                d = _directive(child.content, source.find(child.content, cursor, limit))
                if d and d[3] >= 0:
                    directives.append(d)
                continue
            if child.type not in ("text", "code_inline"):
                continue
            cursor = _place(b, source, child.content, cursor, limit)
        b.end_block()
    return b.finish(directives)


def _place(b: _Builder, source: str, text: str, cursor: int, limit: int) -> int:
    """Add `text` to the builder, mapping each character to its position in source[cursor:limit]."""
    if not text:
        return cursor
    pos = source.find(text, cursor, limit)
    if pos >= 0:
        b.add_verbatim(pos, pos + len(text))
        return pos + len(text)
    for ch in text:
        ref = _ENTITY.match(source, cursor, limit) if source.startswith("&", cursor) else None
        if ref is not None:  # a character reference (`&#37;`): the char spans all of it
            import html

            if html.unescape(ref.group(0)) == ch:
                b.add(ch, cursor, ref.end())
                cursor = ref.end()
                continue
        hit = source.find(ch, cursor, min(limit, cursor + _SEARCH_WINDOW))
        if hit >= 0:
            b.add(ch, hit)
            cursor = hit + 1
        else:
            b.add(ch, cursor)
    return cursor


# -- HTML -------------------------------------------------------------------------------------------

_BLOCK_TAGS = frozenset("""
address article aside blockquote body br caption dd details dialog div dl dt fieldset figcaption figure
footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section summary table tbody td tfoot th
thead tr ul
""".split())
_SKIP_TAGS = ("script", "style", "head", "template", "noscript", "svg", "math", "iframe", "object")
_ATTRS = r"""(?:"[^"]*"|'[^']*'|[^'">])*"""
_HTML_TOKEN = re.compile(
    r"(?P<comment><!--.*?(?:-->|\Z))"
    r"|(?P<skip><(?P<skipname>" + "|".join(_SKIP_TAGS) + r")\b" + _ATTRS + r">.*?(?:</(?P=skipname)\s*>|\Z))"
    r"|(?P<cdata><!\[CDATA\[.*?(?:\]\]>|\Z))"
    r"|(?P<decl><[!?]" + _ATTRS + r">)"
    r"|(?P<tag></?(?P<name>[A-Za-z][\w:-]*)" + _ATTRS + r">)",
    re.S | re.I,
)
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")


# what can open at a `<` without a closing `>`: a comment or CDATA running to the end
_OPEN_ENDED = re.compile(r"(?P<comment><!--.*?(?:-->|\Z))|(?P<cdata><!\[CDATA\[.*?(?:\]\]>|\Z))", re.S)
_ATTR_STOP = re.compile(r"""['">]""")


class _TagEnds:
    """Whether a tag opened at a `<` has its `>`: the first `>` outside quoted attribute values, as
    `_ATTRS` reads them. Each walk remembers the quotation marks and `>` it stepped on outside
    quotes, and a later walk stops at the first one already known, so thousands of `<a ` without
    a `>` cost one pass over the text, not one pass each."""

    def __init__(self, source: str):
        self.source = source
        self._stops = [m.start() for m in _ATTR_STOP.finditer(source)]  # found by bisection, never rescanned
        self._known: dict[int, bool] = {}

    def closed(self, start: int) -> bool:
        source, known, stops = self.source, self._known, self._stops
        stepped = []
        pos = start
        while True:
            k = bisect.bisect_left(stops, pos)
            if k == len(stops):
                found = False
                break
            at = stops[k]
            if at in known:
                found = known[at]
                break
            stepped.append(at)
            mark = source[at]
            if mark == ">":
                found = True
                break
            close = source.find(mark, at + 1)
            if close < 0:
                found = False  # an unclosed quoted value: no tag from here to the end
                break
            pos = close + 1
        for at in stepped:
            known[at] = found
        return found


def _html(source: str) -> Markup:
    b = _Builder(source)
    directives = []
    pos = 0
    ends = _TagEnds(source)
    at = source.find("<")
    while at >= 0:
        if ends.closed(at + 1):
            m = _HTML_TOKEN.match(source, at)
        else:  # only what may run to the end can start here; the regex would scan to the end in vain
            m = _OPEN_ENDED.match(source, at)
        if m is None:
            at = source.find("<", at + 1)
            continue
        _html_text(b, source, pos, m.start())
        pos = m.end()
        found = m.groupdict()
        if found["comment"]:
            d = _directive(found["comment"], m.start())
            if d:
                directives.append(d)
        elif found.get("tag"):
            if found["name"].lower() in _BLOCK_TAGS:
                b.end_block()
        elif found.get("skip"):
            b.end_block()
        at = source.find("<", max(pos, at + 1))
    _html_text(b, source, pos, len(source))
    return b.finish(directives)


def _html_text(b: _Builder, source: str, start: int, end: int) -> None:
    import html  # HTML articles only

    pos = start
    for m in _ENTITY.finditer(source, start, end):
        decoded = html.unescape(m.group(0))
        if decoded == m.group(0):
            continue  # not a reference: the text as written, in the next verbatim run
        b.add_verbatim(pos, m.start())
        for ch in decoded:
            b.add(ch, m.start(), m.end())
        pos = m.end()
    b.add_verbatim(pos, end)


# -- mapping findings back ------------------------------------------------------------------------------

class SourceLines:
    """Line and column of an offset in the original file (same rules as validator.document)."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]

    def line_col(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1

    def location(self, start: int, end: int) -> Location:
        line, col = self.line_col(start)
        end_line, end_col = self.line_col(end)
        return Location(start, end, line, col, end_line, end_col, self.text, whole=True)


def remap_location(loc: Location, markup: Markup, lines: SourceLines) -> Location:
    start, end = markup.source_span(loc.start, loc.end)
    return lines.location(start, end)


def remap(finding: Finding, markup: Markup, lines: SourceLines) -> Finding:
    related = tuple(RelatedLocation(remap_location(r.location, markup, lines), r.message) for r in finding.related)
    return replace(finding, location=remap_location(finding.location, markup, lines), related=related)
