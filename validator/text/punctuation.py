"""Punctuation as one table of named marks: the sets extraction tests a token or a character against.

Tokens are single marks (validator.text.tokens), so a set of marks is a frozenset of one-character
strings. A mark of the Arabic script is written as itself; the tatweel, which Unicode counts as a
letter, as a \\u escape."""
from __future__ import annotations

ARABIC_COMMA = "،"
ARABIC_SEMICOLON = "؛"
SEMICOLONS = (ARABIC_SEMICOLON, ";")  # a semicolon ends a sentence cut from a longer one
ARABIC_QUESTION_MARK = "؟"
TATWEEL = "\u0640"  # the stretching stroke of لـ«عكاظ»: a letter to Unicode, a joiner to a reader
EN_DASH = "\u2013"

# Quotation marks: each opening mark and the mark that closes it; the marks that only open or close
QUOTE_PAIRS = {"«": "»", "“": "”", '"': '"', "„": "“"}
QUOTE_OPENERS = "«“„"
QUOTE_CLOSERS = "»”"
QUOTE_MARKS = frozenset('«»“”"„')
# A double prime (″) closes “ or " in some publishing systems (“غالاكسي نوت 5″); alone it is an inch
# or a second mark, never a quotation of its own.
DOUBLE_PRIME = "″"
# Two single marks typed for a double closing one (“...مشهد’’ تتولى، "...رغباته''): they close “ or " as ″
# does; alone they close nothing (an apostrophe, a transliteration's ʿayn).
DOUBLED_SINGLES = ("’’", "''", "‘‘")
_SINGLES = frozenset("".join(DOUBLED_SINGLES))


def doubled_single_positions(text: str) -> list[int]:
    """The offset of the first mark of each `DOUBLED_SINGLES` pair in `text` not part of a longer run."""
    found = []
    for pair in DOUBLED_SINGLES:
        at = text.find(pair)
        while at != -1:
            if (at == 0 or text[at - 1] not in _SINGLES) and (at + 2 >= len(text) or text[at + 2] not in _SINGLES):
                found.append(at)
            at = text.find(pair, at + 2)
    return found
# The marks a quotation a token opens or closes starts or ends with (« " “, » " ”)
QUOTE_STARTS = frozenset('«"“')
QUOTE_ENDS = frozenset('»"”')

COMMAS = frozenset({ARABIC_COMMA, ","})
# the marks that end a sentence or its main clause (. ؟ ! ؛)
SENTENCE_MARKS = frozenset({".", ARABIC_QUESTION_MARK, "!", ARABIC_SEMICOLON})
DASHES = frozenset({"-", EN_DASH})
# what ends a line that is a sentence, not a subhead (a final mark, a closing quotation or bracket)
LINE_FINAL_MARKS = (".", "!", "?", ARABIC_QUESTION_MARK, ":", "…", "»", '"', "”", ")")
# what ends a clause inside a sentence (commas, semicolons, brackets)
CLAUSE_BREAKS = COMMAS | {ARABIC_SEMICOLON, ";", "(", ")"}


def mark_positions(text: str, marks: str) -> list[int]:
    """The offsets of every character of `marks` in `text`, in order. `str.find` for each mark skips
    through memory; a regex character class (`[«».؟]`) is tested at every character, at tens of
    instructions each (the sentence splitter and the quotation pairing scan every article)."""
    found: list[int] = []
    for mark in marks:
        at = text.find(mark)
        while at != -1:
            found.append(at)
            at = text.find(mark, at + 1)
    found.sort()
    return found


# The pairs whose open count before a quotation makes it nested in another (quotes._nested)
NESTING_PAIRS = (("«", "»"), ("“", "”"))


def mark_balance(text: str, marks: list[int],
                 pairs: tuple[tuple[str, str], ...] = NESTING_PAIRS) -> list[tuple[int, ...]]:
    """For each k, the balance (openings minus closings) of each pair among the first k `marks` (offsets
    into `text`, in order): how many of each pair are open before the k-th mark. Read once an article, so
    that how many quotations are open before an offset is two bisects, not a count over the marks before it."""
    balance = [0] * len(pairs)
    running = [tuple(balance)]
    for at in marks:
        ch = text[at]
        for p, (opening, closing) in enumerate(pairs):
            balance[p] += (ch == opening) - (ch == closing)
        running.append(tuple(balance))
    return running
