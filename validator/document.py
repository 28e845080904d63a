"""The document layer: bytes to text, and the text's lines, paragraphs, sentences, headline, dateline.

Every span here is in code points of the decoded text, exactly as the author wrote it; nothing is
normalized at this layer, so a report can always point at the original characters.
"""
from __future__ import annotations

import bisect
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from validator.errors import InputError
from validator.findings import Location
from validator.settings_file import too_large
from validator.text.punctuation import mark_positions

# An article is a few KB. Validation is linear in the input, and 2 MB of the costliest shapes (thousands of
# titled names, attributions, unclosed quotation marks) take under a minute on a busy 2-core machine
# (benchmarks/bench_scaling.py); a bigger "article" is a mistake, said plainly with the limit.
MAX_BYTES = 2 * 1024 * 1024

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_WORD = re.compile(r"\S+")  # what str.split() splits out
_SPLIT_SPAN = 2000  # word_count copies spans up to this long (a quotation is a few hundred characters)
_ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    index: int
    start: int
    end: int
    line: int
    is_headline: bool = False


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    paragraph: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Dateline:
    start: int
    end: int
    place: str
    agency: str | None


@dataclass
class Document:
    path: str
    text: str
    encoding: str
    line_starts: list[int] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    dateline: Dateline | None = None

    def __post_init__(self) -> None:
        self._starts_cache: list[int] | None = None  # _sentence_starts
        self._word_starts: list[int] | None = None  # word_count
        self._paragraph_starts: list[int] | None = None  # paragraph_at

    # -- offsets ---------------------------------------------------------------------------
    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of a 0-based offset."""
        i = bisect.bisect_right(self.line_starts, offset) - 1
        return i + 1, offset - self.line_starts[i] + 1

    def location(self, start: int, end: int) -> Location:
        starts = self.line_starts  # line_col of both ends, inline (a hundred locations an article)
        i = bisect.bisect_right(starts, start) - 1
        j = bisect.bisect_right(starts, end) - 1
        return Location(start, end, i + 1, start - starts[i] + 1, j + 1, end - starts[j] + 1, self.text, True)

    def line_text(self, line: int) -> str:
        start = self.line_starts[line - 1]
        end = self.line_starts[line] if line < len(self.line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    @property
    def headline(self) -> Paragraph | None:
        if self.paragraphs and self.paragraphs[0].is_headline:
            return self.paragraphs[0]
        return None

    def paragraph_at(self, offset: int) -> Paragraph | None:
        starts = self._paragraph_starts
        if starts is None or len(starts) != len(self.paragraphs):
            starts = self._paragraph_starts = [p.start for p in self.paragraphs]
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and offset <= self.paragraphs[i].end:
            return self.paragraphs[i]
        return None

    def ends_on_colon(self, para: Paragraph) -> bool:
        """The paragraph ends on a colon: it announces what the next one holds (a quotation, a list)."""
        return self.text[para.start:para.end].rstrip().endswith(":")

    def word_count(self, start: int, end: int) -> int:
        """`len(text[start:end].split())` without the copy: the words that start inside the span, and
        the one it starts in the middle of (quotations that run to their paragraph's end overlap)."""
        if start >= end:
            return 0
        if end - start <= _SPLIT_SPAN:  # a short span: splitting its copy is cheaper than indexing every word
            return len(self.text[start:end].split())
        starts = self._word_starts
        if starts is None:
            starts = self._word_starts = [m.start() for m in _WORD.finditer(self.text)]
        inside = bisect.bisect_left(starts, end) - bisect.bisect_right(starts, start)
        return inside + (not self.text[start].isspace())

    def sentence_at(self, offset: int) -> Sentence | None:
        starts = self._starts_cache  # `_sentence_starts`, without its call when it is up to date (hundreds a call)
        if starts is None or len(starts) != len(self.sentences):
            starts = self._sentence_starts
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and offset <= self.sentences[i].end:
            return self.sentences[i]
        return None

    @property
    def _sentence_starts(self) -> list[int]:
        starts = self._starts_cache
        if starts is None or len(starts) != len(self.sentences):
            starts = self._starts_cache = [s.start for s in self.sentences]
        return starts


# -- decoding --------------------------------------------------------------------------------

def read_bytes(path: str) -> bytes:
    """Read an article's bytes (`-` is standard input), turning OS errors into one-line messages."""
    import sys

    if path == "-":
        return _bounded(sys.stdin.buffer, "<stdin>")
    p = Path(path)
    try:
        st = p.stat()
        if stat.S_ISDIR(st.st_mode):
            raise InputError(f"{path}: is a directory, not an article")
        if not stat.S_ISREG(st.st_mode):  # a FIFO or a device would block or never end
            raise InputError(f"{path}: not a regular file")
        if st.st_size > MAX_BYTES:
            raise InputError(f"{path}: too large to be an article: {too_large(st.st_size, MAX_BYTES)}")
        with p.open("rb") as fh:
            return _bounded(fh, path, st.st_size)  # the file may have grown since stat()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror or e})") from None


def _bounded(stream, path: str, size: int | None = None) -> bytes:
    """At most MAX_BYTES from a stream, never the whole of a bigger one. `size`: the bytes a file had
    when its size was read, asked for first (a read of MAX_BYTES allocates that much for a few KB);
    a file that has grown since is read on to the bound."""
    first = MAX_BYTES + 1 if size is None else min(size + 1, MAX_BYTES + 1)
    data = stream.read(first)
    if len(data) == first < MAX_BYTES + 1:
        data += stream.read(MAX_BYTES + 1 - first)
    if len(data) > MAX_BYTES:
        raise InputError(f"{path}: too large to be an article: {too_large(len(data), MAX_BYTES, at_least=True)}")
    return data


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Decode UTF-8 (with or without BOM), UTF-16 (with a BOM, or Arabic text without), or Windows-1256;
    refuse anything else."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _non_empty(_strict(data[3:], "utf-8", path), path), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _non_empty(_strict(data, "utf-16", path), path), "utf-16"
    if b"\x00" in data:
        found = _utf16_without_bom(data)
        if found is None:
            raise InputError(f"{path}: binary file (contains NUL bytes), not a text article")
        return _non_empty(found[0], path), found[1]
    if not data.strip():
        raise InputError(f"{path}: empty article (no text to validate)")
    try:
        return _non_empty(data.decode("utf-8"), path), "utf-8"
    except UnicodeDecodeError as e:
        utf8_error = e
    # Windows-1256 decodes nearly any byte string, so accept it only when the result reads as Arabic,
    # and not when the bytes are mostly well-formed UTF-8 with a bad byte or two: UTF-8 Arabic read as
    # Windows-1256 is all ط ظ ع letters, which "reads as Arabic" but is mojibake.
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        text = None
    mostly_utf8 = _mostly_utf8(data)
    if text is not None and _looks_arabic(text) and not mostly_utf8:
        return _non_empty(text, path), "windows-1256"
    if mostly_utf8:
        raise InputError(f"{path}: invalid UTF-8 (byte 0x{data[utf8_error.start]:02x} at offset "
                         f"{utf8_error.start})")
    raise InputError(f"{path}: not valid UTF-8 (byte 0x{data[utf8_error.start]:02x} at offset "
                     f"{utf8_error.start}) and not Windows-1256 Arabic text")


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 written without a byte order mark (some Windows tools do), told from binary data: the
    byte order is where the high bytes of Arabic (0x06) and ASCII (0x00) characters sit, and the
    decoded text must read as Arabic with no control characters."""
    if len(data) % 2:
        return None
    high_odd = sum(data[1::2].count(b) for b in (0, 6))
    high_even = sum(data[0::2].count(b) for b in (0, 6))
    encoding = "utf-16-le" if high_odd > high_even else "utf-16-be"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    if any(ch < " " and ch not in "\t\n\r\f" for ch in text) or not _looks_arabic(text):
        return None
    return text, encoding


def _non_empty(text: str, path: str) -> str:
    """Refuse text with nothing in it but spaces and invisible format characters (BOMs, bidi marks)."""
    if not any(not ch.isspace() and unicodedata.category(ch) != "Cf" for ch in text):
        raise InputError(f"{path}: empty article (no text to validate)")
    return text


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        raise InputError(f"{path}: invalid {encoding.upper()} at byte offset {e.start}") from None


def _mostly_utf8(data: bytes) -> bool:
    """More well-formed UTF-8 multi-byte characters than malformed bytes."""
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    good = sum(1 for ch in lenient if ch > "\x7f") - bad
    return good > bad


def _looks_arabic(text: str) -> bool:
    letters = len(_LETTER.findall(text))
    return letters > 0 and len(_ARABIC_LETTER.findall(text)) / letters >= 0.6


# -- structure ---------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.؟?!؛]+")
_QUOTE_OPEN = "«“"
_QUOTE_CLOSE = "»”"
# A lone letter before a dot is an abbreviation (أ. ف. ب., د. محمد), not a sentence end.
_ABBREVIATION = re.compile(r"(?:^|[\s(])[\u0621-\u064Aa-zA-Z]$")
_DATELINE = re.compile(
    r"\s*(?P<place>[\u0621-\u064A\u0640]+(?:\s+[\u0621-\u064A\u0640]+){0,2})\s*[-–—]\s*"
    r"(?:\(?(?P<agency>[\u0621-\u064A.\s]{1,12}|[A-Za-z .]{1,12})\)?\s*[-–—:]\s*"
    r"(?:[\u0621-\u064A\u0640]+(?:\s+[\u0621-\u064A\u0640]+)?\s*:\s*)?)?"  # byline: name - outlet - city:
)


def build(text: str, path: str = "-", encoding: str = "utf-8") -> Document:
    doc = Document(path=path, text=text, encoding=encoding)
    if "\r" in text:
        doc.line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
    else:  # the line breaks found without the regex (a character class tested at every character)
        doc.line_starts = [0, *map((1).__add__, mark_positions(text, "\n"))]
    doc.paragraphs = _paragraphs(doc)
    doc.sentences = _sentences(doc)
    doc.dateline = _dateline(doc)
    return doc


def load(path: str) -> Document:
    text, encoding = decode(read_bytes(path), path)
    return build(text, path, encoding)


def _paragraphs(doc: Document) -> list[Paragraph]:
    """A paragraph is a non-blank line; the first one is the headline when a blank line follows."""
    text = doc.text
    paragraphs: list[Paragraph] = []
    blank_after_first = False
    n_lines = len(doc.line_starts)
    for i, start in enumerate(doc.line_starts):
        end = doc.line_starts[i + 1] if i + 1 < n_lines else len(text)
        raw = text[start:end]
        stripped = raw.strip()
        if not stripped:
            if len(paragraphs) == 1 and paragraphs[0].line == i:
                blank_after_first = True
            continue
        lead = len(raw) - len(raw.lstrip())
        p_start = start + lead
        paragraphs.append(Paragraph(len(paragraphs), p_start, p_start + len(stripped), i + 1))
    if paragraphs and blank_after_first and len(paragraphs) > 1:
        first = paragraphs[0]
        paragraphs[0] = Paragraph(0, first.start, first.end, first.line, is_headline=True)
    return paragraphs


def _sentences(doc: Document) -> list[Sentence]:
    sentences: list[Sentence] = []
    marks = mark_positions(doc.text, _MARK_CHARS)
    for para in doc.paragraphs:
        spans = _split(doc.text, para.start, para.end, quote_aware=True, marks=marks)
        if spans is None:  # an unclosed quotation mark: split as if there were no quotes
            spans = _split(doc.text, para.start, para.end, quote_aware=False, marks=marks)
            assert spans is not None  # only quote-aware splitting gives up
        for start, end in spans:
            sentences.append(Sentence(len(sentences), para.index, start, end))
    return sentences


_MARK_CHARS = '«“»”".؟?!؛'  # the marks the sentence splitter reads


def _split(text: str, start: int, stop: int, quote_aware: bool,
           marks: list[int] | None = None) -> list[tuple[int, int]] | None:
    """Sentence spans of one paragraph; never inside a quotation when `quote_aware`.
    Returns None when quote-aware splitting meets quotation marks that do not pair up.
    `marks`: the offsets of the text's `_MARK_CHARS` (`mark_positions`), if the caller has them."""
    if marks is None:
        marks = mark_positions(text, _MARK_CHARS)
    spans: list[tuple[int, int]] = []
    depth = 0
    straight_open = False
    resume = start
    for i in marks[bisect.bisect_left(marks, start):bisect.bisect_left(marks, stop)]:
        if i < resume:
            continue
        ch = text[i]
        if ch in _QUOTE_OPEN:
            depth += quote_aware
        elif ch in _QUOTE_CLOSE:
            depth = max(0, depth - quote_aware)
        elif ch == '"':
            straight_open = quote_aware and not straight_open
        elif depth == 0 and not straight_open:
            found = _SENTENCE_END.match(text, i)  # text[i] is a sentence mark: it always matches
            assert found is not None
            end = found.end()
            if _is_boundary(text, i, end, stop):
                while end < stop and text[end] in "»”\")":
                    end += 1  # a closing quote or bracket belongs to the sentence it ends
                spans.append((start, end))
                j = end
                while j < stop and text[j].isspace():
                    j += 1
                start = resume = j
            else:
                resume = end
    if quote_aware and (depth or straight_open):
        return None
    if start < stop:
        spans.append((start, stop))
    return spans


def _is_boundary(text: str, i: int, end: int, para_end: int) -> bool:
    if text[i] == ".":
        before, after = text[i - 1:i], text[end:end + 1]
        if before.isdigit() and after.isdigit():
            return False  # 3.5
        if _ABBREVIATION.search(text[max(0, i - 3):i]):
            return False  # أ. ف. ب
    return end >= para_end or text[end].isspace() or text[end] in "»”\")"


def _dateline(doc: Document) -> Dateline | None:
    body = [p for p in doc.paragraphs if not p.is_headline]
    if not body:
        return None
    para = body[0]
    m = _DATELINE.match(doc.text, para.start, min(para.end, para.start + 60))
    if not m:
        return None
    place = m.group("place").strip()
    agency = (m.group("agency") or "").strip() or None
    return Dateline(para.start + (m.start("place") - para.start), m.end(), place, agency)
