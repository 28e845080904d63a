"""Paragraphs typed as runs of spaces inside one line, for the pairing of quotation marks.

Some sites put a whole article on one line and mark each paragraph break with a run of spaces holding a
no-break space after a sentence's end (". \\xa0 ", ".\\xa0 \\xa0 "). The document keeps such a line as one
paragraph, so quotes.py would pair a straight mark left open in one of these paragraphs with a mark of a
later one, and a quotation that never closes goes unreported (round 140). The pairing reads such a run as a
paragraph break, as it reads a line break, unless the part left open (an odd count of straight marks) is
closed by the next part left open, whose last straight mark faces close (after a word, before punctuation
or the end): a statement quoted over several parts, opened once and closed once, stays one quotation.
Only the pairing: sentences, lead paragraphs and paragraph scopes keep the document's lines.
"""
from __future__ import annotations

import dataclasses
import re

# a sentence's end (with any closing marks after it), then two or more spaces of which one is a no-break space
_BREAK = re.compile("[.!?\u061f][\"\u201d\u00bb)]*([ \t]*\u00a0[ \t\u00a0]*)")
MIN_RUN = 2
_FACING = ("\u00ab\u00bb", "\u201c\u201d")


def quote_paragraphs(doc) -> list:
    """The document's paragraphs, each cut at the space runs that end a sentence (same index and line)."""
    text, out = doc.text, []
    for para in doc.paragraphs:
        parts, start = [], para.start
        for m in _BREAK.finditer(text, para.start, para.end):
            if len(m.group(1)) >= MIN_RUN and m.end() < para.end and text[m.end():para.end].strip():
                parts.append((start, m.start(1)))
                start = m.end()
        parts.append((start, para.end))
        if len(parts) == 1:
            out.append(para)
            continue
        k = 0
        while k < len(parts):
            end = _closed_by(text, parts, k)
            out.append(dataclasses.replace(para, start=parts[k][0], end=parts[end][1]))
            k = end + 1
    return out


def _closed_by(text: str, parts: list, k: int) -> int:
    """The index of the part that closes part k's open straight quotation (k itself when none does)."""
    if any(text.count(a, *parts[k]) != text.count(b, *parts[k]) for a, b in _FACING):
        return _closed_by(text, parts, k + 1) if k + 1 < len(parts) else k  # a «» or “” pair crossing the run
    if text.count('"', *parts[k]) % 2 == 0:
        return k
    for j in range(k + 1, len(parts)):
        if text.count('"', *parts[j]) % 2:
            last = text.rindex('"', *parts[j])
            after = text[last + 1:last + 2]
            closes = not text[last - 1].isspace() and (not after or not after.isalpha())
            return j if closes else k
    return k
