"""A role held at one of many unnamed bodies (مدير الحجوزات في إحدى شركات السفر، مدير إحدى المدارس): the
office belongs to no body the reader can name, so its unnamed holder is anonymous, however definite the
role's own genitive (الحجوزات) reads."""
from __future__ import annotations

from validator.extract.letters import BI
from validator.extract.wordclasses import word_class

_ONE_OF = word_class("entity-words", "one-of")  # أحد، إحدى
_AFFILIATION = word_class("entity-words", "affiliation-preposition")  # في، من، لدى


def one_of_office_end(reader, k: int) -> int | None:
    """From token k (right after a role): perhaps في/لدى, then أحد/إحدى (or بإحدى) and the plural it picks one
    of (شركات السفر، المدارس): the token index after that noun, else None. Not a name after it (a club
    called أحد, then its member's name: the word after is a person's)."""
    texts = reader.ctx.texts
    if k < len(texts) and texts[k] in _AFFILIATION:
        k += 1
    if k + 1 >= len(texts):
        return None
    w = texts[k]
    if (w in _ONE_OF or (w.startswith(BI) and w[len(BI):] in _ONE_OF)) and not reader.used[k + 1]:
        return k + 2
    return None
