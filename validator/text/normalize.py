"""Normalization for matching, with a map back to original offsets.

Matching runs on a normalized copy of the article: NFKC (presentation forms such as ﻻ), no
diacritics or tatweel, alef variants as ا, alef maksura as ي, teh marbuta as ه, Arabic-Indic digits
as ASCII, invisible format characters removed. camel-tools defines each of these steps; applied once
per Arabic code point they give a translation table, so normalizing an article is one `str.translate`
plus a short walk over the few characters that change length.

The table camel-tools gives ships as data (`camel_normalization.json`): an installed validator then
needs neither camel-tools nor what camel-tools declares (torch, transformers, CUDA). Regenerate it
with `python -m validator.text.camel_table` after a camel-tools upgrade; a test checks it equals the
table built live from camel-tools (a development dependency).
"""
from __future__ import annotations

import bisect
import re
import struct
from array import array
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from validator.text import camel_table
from validator.text.camel_table import ARABIC_RANGES
from validator.text.wordcache import WordCache

TATWEEL = "\u0640"
# Bidi controls, zero-width characters and the BOM carry no letters; they only break matching.
INVISIBLE = "\u00ad\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff"
_DIGITS = {ord(d): str(i) for i, d in enumerate("٠١٢٣٤٥٦٧٨٩")} | {
    ord(d): str(i) for i, d in enumerate("۰۱۲۳۴۵۶۷۸۹")}
_SEPARATORS = {0x066B: ".", 0x066C: ",", 0x066A: "%"}  # ٫ ٬ ٪


def normalize_string(s: str) -> str:
    """The normalized form of a short string (lexicon entries, rule values, words and names)."""
    return _SHORT_FORMS[s] if len(s) <= SHORT_STRING else _normalized_string(s)


def _normalized_string(s: str) -> str:
    norm = " ".join(_translate(s).split())
    return s if norm == s else norm  # (a string normalizing does not change is kept once, not twice)


def _normalize_char(ch: str, camel: dict[int, str]) -> str:
    out = camel.get(ord(ch), ch)
    return out.replace(TATWEEL, "").translate(_DIGITS).translate(_SEPARATORS)


def _build_table() -> dict[int, str]:
    camel = camel_table.load()
    table: dict[int, str] = {}
    for lo, hi in ARABIC_RANGES:
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            if unicodedata.category(ch) == "Cn":
                continue
            out = _normalize_char(ch, camel)
            if out != ch:
                table[cp] = out
    for ch in INVISIBLE:
        table[ord(ch)] = ""
    table.update({k: v for k, v in _DIGITS.items()})
    table.update(_SEPARATORS)
    table[0x00A0] = " "
    return table


_TABLE = _build_table()
_RESHAPING = re.compile("[" + "".join(re.escape(chr(cp)) for cp, v in _TABLE.items() if len(v) != 1) + "]")
# What news text needs: hamza'd alefs, teh marbuta, alef maksura, harakat, tatweel, NBSP, bidi marks.
# `str.translate` looks every character up in the table; one `str.replace` per character of this
# short list is several times faster, and gives the same text, since no replacement is itself a key.
# (Code points, not words: alef with hamza above, below, madda, wasla; teh marbuta; alef maksura;
# the harakat fathatan to sukun, superscript alef; tatweel; NBSP, ZWNJ, ZWJ, LRM, RLM.)
_COMMON = tuple((ch, _TABLE[ord(ch)]) for ch in "\u0623\u0625\u0622\u0671\u0629\u0649"
                "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640\u00a0\u200c\u200d\u200e\u200f")
_RARE = re.compile("[" + "".join(re.escape(chr(cp)) for cp in _TABLE if chr(cp) not in dict(_COMMON)) + "]")


def normalized_to(chars: str) -> str:
    """The characters whose normalized form holds one of `chars`, `chars` among them: a text without
    any of them holds none of `chars` once normalized (a test before normalizing a long text)."""
    return chars + "".join(chr(cp) for cp, v in _TABLE.items() if any(c in v for c in chars))


def _translate(text: str) -> str:
    """`text.translate(_TABLE)`, faster for a sentence or an article (a short string is quicker to
    translate than to search and replace)."""
    if len(text) < 24 or _RARE.search(text):
        return text.translate(_TABLE)
    for old, new in _COMMON:
        text = text.replace(old, new)
    return text


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """A normalized text and the anchors that map its offsets back to the original.

    Extractors map hundreds of offsets an article, so `normalize` also lays out both maps as tables,
    one entry per offset: what to add to an offset to map it (a C array, each run between two anchors
    one repeated number, so a table of a few thousand entries is a few repetitions in C, not a
    Python int per entry)."""

    original: str
    text: str
    _norm_anchors: tuple[int, ...] = ()
    _orig_anchors: tuple[int, ...] = ()
    # the maps, for hot loops that index them inline (None: the offsets are the same in both texts)
    original_shifts: array | None = None     # normalized offset i (0..len(text)) -> original offset i + shift
    normalized_shifts: array | None = None   # original offset i (0..len(original)) -> normalized i + shift

    def to_original(self, i: int) -> int:
        """Original offset of normalized offset `i` (a start or an exclusive end)."""
        shifts = self.original_shifts
        if shifts is None:
            return i
        if 0 <= i < len(shifts):
            return i + shifts[i]
        return _mapped(i, self._norm_anchors, self._orig_anchors, len(self.original))

    def to_normalized(self, orig: int) -> int:
        """Normalized offset of an original offset (the inverse of `to_original`)."""
        shifts = self.normalized_shifts
        if shifts is None:
            return orig
        if 0 <= orig < len(shifts):
            return orig + shifts[orig]
        return _mapped(orig, self._orig_anchors, self._norm_anchors, len(self.text))

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.to_original(start), self.to_original(end) if end > start else self.to_original(start)


def _mapped(i: int, anchors: tuple[int, ...], targets: tuple[int, ...], limit: int) -> int:
    """Offset `i` carried across the anchors: from the last anchor at or before it, stay on an
    expansion (ﷲ → الله) rather than run past the next anchor, and never past the end (`limit`)."""
    k = bisect.bisect_right(anchors, i) - 1
    if k < 0:
        return i
    value = targets[k] + (i - anchors[k])
    if k + 1 < len(targets):
        value = min(value, targets[k + 1])
    return min(value, limit)


_SHIFT_BYTES = struct.Struct("q").pack  # one table entry as an array("q") holds it (native order and size)


def _shifts(anchors: tuple[int, ...], targets: tuple[int, ...], size: int, limit: int) -> array:
    """[_mapped(i, anchors, targets, limit) - i for i in range(size + 1)], a run at a time: the
    shift is the same from one anchor to the next, except where the map holds at a cap (inside
    an expansion such as ﷲ → الله, or a removed character), which is a few entries."""
    shifts = array("q", bytes(8 * min(anchors[0], size + 1)))  # no shift before the first anchor
    last = len(anchors) - 1
    for k in range(last + 1):
        lo = anchors[k]
        hi = anchors[k + 1] if k < last else size + 1
        if hi <= lo or lo > size:
            continue
        hi = min(hi, size + 1)
        base = targets[k] - lo
        cap = min(targets[k + 1], limit) if k < last else limit
        # base + i for i in lo..hi-1, held at cap once it reaches it
        rising = max(lo, min(hi, cap - base))
        # the run of one shift as bytes: `bytes * n` doubles its copy (an array's `* n` copies the
        # 8 bytes n times, a call each)
        shifts.frombytes(_SHIFT_BYTES(base) * (rising - lo))
        shifts.extend(range(cap - rising, cap - hi, -1))
    return shifts


# 3،324،641 ريال: some papers group thousands with the Arabic comma, which the tokenizer would split
# into three figures (3، 324، 641); between digits, before exactly three, it is the thousands comma.
# (the comma first, its digit checked behind it: a pattern that opens with a literal is searched for
# in C; one that opens with a look-behind is tried at every character, ~40x the cost an article)
_ARABIC_COMMA_THOUSANDS = re.compile("\u060c(?<=\\d\u060c)(?=\\d{3}(?!\\d))")


def _group_thousands(norm: str) -> str:
    return _ARABIC_COMMA_THOUSANDS.sub(",", norm) if "\u060c" in norm else norm


def normalize(text: str) -> NormalizedText:
    norm = _group_thousands(_translate(text))
    if len(norm) == len(text) and not _RESHAPING.search(text):
        return NormalizedText(text, norm)
    norm_anchors: list[int] = []
    orig_anchors: list[int] = []
    shift = 0
    for m in _RESHAPING.finditer(text):
        i = m.start()
        norm_anchors.append(i + shift)  # before the character ...
        orig_anchors.append(i)
        shift += len(_TABLE[ord(text[i])]) - 1
        norm_anchors.append(i + 1 + shift)  # ... and after it
        orig_anchors.append(i + 1)
    norm_t, orig_t = tuple(norm_anchors), tuple(orig_anchors)
    return NormalizedText(text, norm, norm_t, orig_t, _shifts(norm_t, orig_t, len(norm), len(text)),
                          _shifts(orig_t, norm_t, len(text), len(norm)))


# Words and names come back article after article, and `str.translate` takes ~3 µs a short Arabic
# string: short strings are normalized once per run (a bounded cache; longer ones are rarely repeated).
SHORT_STRING = 48
_SHORT_FORMS = WordCache(_normalized_string, limit=50_000)


@lru_cache(maxsize=4096)
def normalize_cached(s: str) -> str:
    return normalize_string(s)

