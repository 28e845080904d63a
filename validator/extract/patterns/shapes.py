"""Word-shape predicates patterns call by name (`shape nisba`): tests of a word's letters that no
word list can hold. Each takes a normalized token text. Letters are named, not written, so the code
holds no Arabic word: the words live in rules/lexicons/ and rules/patterns/."""
from __future__ import annotations

from typing import Callable

from validator.extract.wordclasses import affix

YEH = "\u064a"
# the letters of a derived participle in the accusative (rules/lexicons/affixes.txt)
_PARTICIPLE_PREFIX = affix("participle-prefix")
_ACCUSATIVE = affix("accusative")


def nisba(word: str) -> bool:
    """A relative adjective or family name ending in ي, four letters or more (الحذيفي، المصري)."""
    return word.endswith(YEH) and len(word) >= 4


def adverbial_participle(word: str) -> bool:
    """مخاطبا، مضيفا، متحدثا: an accusative participle (حال), five letters or more, that follows the
    subject of its verb (not a word ending in a doubled alef)."""
    return len(word) >= 5 and word.startswith(_PARTICIPLE_PREFIX) and word.endswith(_ACCUSATIVE) \
        and not word.endswith(_ACCUSATIVE * 2)


SHAPES: dict[str, Callable[[str], bool]] = {
    "nisba": nisba,
    "adverbial-participle": adverbial_participle,
}
