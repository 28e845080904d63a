"""Word-shape predicates patterns call by name (`shape nisba`): tests of a word's letters that no
word list can hold. Each takes a normalized token text. Letters are named, not written, so the code
holds no Arabic word: the words live in rules/lexicons/ and rules/patterns/."""
from __future__ import annotations

from typing import Callable

YEH = "\u064a"


def nisba(word: str) -> bool:
    """A relative adjective or family name ending in ي, four letters or more (الحذيفي، المصري)."""
    return word.endswith(YEH) and len(word) >= 4


SHAPES: dict[str, Callable[[str], bool]] = {
    "nisba": nisba,
}
