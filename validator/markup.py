"""Markdown and HTML articles: the plain text the extractor sees, and a map back to the source.

`to_plain(source, kind)` returns a `Markup`: `plain` has one block (heading, paragraph, list item,
table cell) per line, blocks separated by a blank line, so the first block is the headline exactly
as in a plain-text article; `offsets[i]` is the source offset of `plain[i]` (one entry more than
`plain`, the last being `len(source)`), so any span of the plain text maps back to the original
file's characters, lines and columns (`remap`).

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


@dataclass
class Markup:
    source: str
    plain: str
    offsets: list[int]
    blocks: list[Block] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)
    ends: list[int] | None = None  # source end of each plain char when it is not offset + 1 (an entity)

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """A plain-text span [start, end) as a source span: from its first to just after its last char
        (the whole character reference when the last char was written as one, such as `&#37;`)."""
        n = len(self.plain)
        start = min(max(start, 0), n)
        end = min(max(end, start), n)
        s = self.offsets[start]
        e = (self.ends[end - 1] if self.ends else self.offsets[end - 1] + 1) if end > start else s
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

class _Builder:
    def __init__(self, source: str):
        self.source = source
        self.chars: list[str] = []
        self.offsets: list[int] = []
        self.ends: dict[int, int] = {}  # plain index -> source end, for chars written as a reference
        self.blocks: list[Block] = []
        self._block_start: int | None = None

    def add(self, ch: str, src: int, src_end: int | None = None) -> None:
        if ch in "\r\n\t\f\v":
            ch = " "
        if ch == " " and (self._block_start is None or self.chars[-1] == " "):
            return  # no leading or doubled blanks inside a block
        if self._block_start is None:
            if self.chars:
                for _ in range(2):  # blocks are separated by a blank line
                    self.chars.append("\n")
                    self.offsets.append(self.offsets[-1] + 1 if self.offsets else 0)
            self._block_start = len(self.chars)
        if src_end is not None and src_end != src + 1:
            self.ends[len(self.chars)] = src_end
        self.chars.append(ch)
        self.offsets.append(src)

    def end_block(self) -> None:
        if self._block_start is None:
            return
        while self.chars and self.chars[-1] == " " and len(self.chars) > self._block_start:
            self.chars.pop()
            self.offsets.pop()
            self.ends.pop(len(self.chars), None)
        start = self._block_start  # a block starts at a non-blank character, so it is never empty
        self._block_start = None
        self.blocks.append(Block(start, len(self.chars), self.offsets[start], self.offsets[-1] + 1))

    def finish(self, directives: list[tuple[str, tuple[str, ...], str, int, int]]) -> Markup:
        self.end_block()
        offsets = [min(o, len(self.source)) for o in self.offsets] + [len(self.source)]
        starts = [b.source_start for b in self.blocks]
        out = []
        for scope, rules, reason, start, end in directives:
            target = None
            if scope == "block":
                i = bisect.bisect_left(starts, end)
                target = self.blocks[i] if i < len(self.blocks) else None
            out.append(Directive(scope, rules, reason, start, end, target))
        ends = None
        if self.ends:
            ends = [min(o, len(self.source)) + 1 for o in self.offsets]
            for i, e in self.ends.items():
                ends[i] = e
        return Markup(self.source, "".join(self.chars), offsets, self.blocks, out, ends)


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
        for i, ch in enumerate(text):
            b.add(ch, pos + i)
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
    pos = start
    for m in _ENTITY.finditer(source, start, end):
        for i in range(pos, m.start()):
            b.add(source[i], i)
        import html  # HTML articles only

        decoded = html.unescape(m.group(0))
        if decoded == m.group(0):
            for i in range(m.start(), m.end()):
                b.add(source[i], i)
        else:
            for ch in decoded:
                b.add(ch, m.start(), m.end())
        pos = m.end()
    for i in range(pos, end):
        b.add(source[i], i)


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
