"""One of a group who speaks from where he works or stays (وقال أحد العاملين في المصنع لـ«الصحيفة»: «...»):
the place and the outlet he told stand between the group and the colon, quotation mark or إن that opens
his words."""
from __future__ import annotations

from validator.extract.entities.words import REPORT_THAT, _QUOTE_OPENERS
from validator.extract.letters import ARTICLE, LI
from validator.extract.patterns.shapes import verb as _verb_like
from validator.extract.wordclasses import word_class

_AFFILIATION = word_class("entity-words", "affiliation-preposition")  # في، من، لدى
_CLOSERS = frozenset({"»", '"', "”"})


def report_past_place(reader, k: int, reach: int = 10) -> bool:
    """From token k: a preposition of affiliation and the place after it (its definite adjectives and
    genitives: في المستشفى العسكري، في مصنع الإسمنت), then perhaps the outlet he told with ل (لـ«الصحيفة»،
    للصحيفة), then a colon, a quotation mark or إن/أن: his words. No verb, comma or other mark between."""
    tokens, word = reader.tokens, reader._word
    if word(k) not in _AFFILIATION or word(k + 1) is None:
        return False
    x, end = k + 1, min(k + reach, len(tokens))
    while x < end:
        text, w = tokens[x].text, word(x)
        if text == ":" or w in REPORT_THAT:
            return True
        if text in _QUOTE_OPENERS:
            if word(x - 1) != LI:
                return True  # the quotation itself
            close = next((y for y in range(x + 1, end) if tokens[y].text in _CLOSERS), None)
            if close is None:
                return False
            x = close + 1  # لـ«الشرق»: the outlet he told
            continue
        if w is None or _verb_like(w) or (x > k + 1 and not w.startswith((ARTICLE, LI))):
            return False  # (the place's first noun may be indefinite: في مصنع الإسمنت)
        x += 1
    return False
