"""A quotation opened once and closed once over several paragraphs (a letter, a statement, a poem quoted whole).

The pairing in quotes.py carries an open quotation into the next paragraph when that paragraph reopens or
closes it. A block quoted over three or more paragraphs is often marked once: an opening mark where it
starts, no mark in the paragraphs between, a closing mark where it ends (round 118 rejected the two errors
raised on such a letter). Only marks that face (« “), one left open, and only paragraphs with no mark at
all between, and the paragraph that ends it must start its marks with the closing one: a mark between them
(a new quotation, a stray closing one) or a quotation opened before the closing mark (every paragraph
opened with « and none closed, a section break between) leaves the pairing a guess and the open mark
stays reported. Straight marks are left out: their direction is a guess, and a mark-less
paragraph between two of them is as often the reporter's own narration as the quoted text. The bound is
from the corpus: of 14,000 articles, facing marks closed past one or two mark-less paragraphs (four
letters, statements and poems); none further.
"""
from __future__ import annotations

from collections.abc import Callable

from validator.text.punctuation import QUOTE_PAIRS, mark_positions

MAX_SILENT_PARAGRAPHS = 3


def runs_on_silently(text: str, stack: list[tuple[str, int]], paragraphs: list, pi: int, mark_chars: str,
                     closes: Callable[[int, int], bool]) -> bool:
    """The quotation left open in paragraph pi runs on through the mark-less paragraphs after it to one
    that closes it (closes(start, end): quotes._continues for that paragraph)."""
    if len(stack) != 1 or stack[0][0] not in "«“":
        return False
    for k in range(pi + 1, min(len(paragraphs), pi + 2 + MAX_SILENT_PARAGRAPHS)):
        para = paragraphs[k]
        marks = mark_positions(text[para.start:para.end], mark_chars)
        if marks:  # its first mark closes the quotation: no new one opened (reopened) or left open before it
            return k > pi + 1 and text[para.start + marks[0]] == QUOTE_PAIRS[stack[0][0]] \
                and closes(para.start, para.end)
    return False
