"""Closed word classes read from the built-in lexicons, once, as sets of normalized words.

The extractors test a token against a class (`word_class("entity-words", "kin")`) instead of a word
list written in Python: the words are data (rules/lexicons/), each entry with its file:line, and a
class is named by an attribute value, so one word may belong to several classes (`class=a,b`)."""
from __future__ import annotations

from functools import lru_cache

from validator.text.lexicon import BUILTIN_DIR, Lexicon, builtin_lexicons, read_entries


@lru_cache(maxsize=None)
def _classes(lexicon: str, attribute: str) -> dict[str, frozenset[str]]:
    """Every class of a lexicon's attribute at once: class name -> normalized entries."""
    out: dict[str, set[str]] = {}
    for e in builtin_lexicons()[lexicon].entries:
        for name in (e.get(attribute) or "").split(","):
            if name:
                out.setdefault(name, set()).add(e.norm)
    return {name: frozenset(words) for name, words in out.items()}


def word_class(lexicon: str, name: str, attribute: str = "class") -> frozenset[str]:
    """The normalized entries of `lexicon` whose `attribute` lists `name`."""
    return _classes(lexicon, attribute).get(name, frozenset())


def one_word(lexicon: str, name: str, attribute: str = "class") -> str:
    """The one normalized entry of a class that names a single word (the compound half الله, the
    particle عبد): a class of none or of several is a broken lexicon, said at import."""
    words = word_class(lexicon, name, attribute)
    if len(words) != 1:
        raise ValueError(f"class {attribute}={name} of lexicon {lexicon} must hold one word, not {len(words)}")
    return next(iter(words))


AFFIXES = "affixes"


@lru_cache(maxsize=None)
def _written_classes(lexicon: str) -> dict[str, tuple[str, ...]]:
    """Every class of a letters lexicon as written, in file order, none dropped (normalizing would
    fold the letters it tells apart: أ إ ا, ة ه, ى ي)."""
    lex = Lexicon(lexicon)
    out: dict[str, list[str]] = {}
    for e in read_entries(BUILTIN_DIR / f"{lexicon}.txt", lex):
        for name in (e.get("class") or "").split(","):
            if name:
                out.setdefault(name, []).append(e.text)
    return {name: tuple(texts) for name, texts in out.items()}


def affixes(name: str) -> tuple[str, ...]:
    """The letters or affixes of one class of rules/lexicons/affixes.txt, as written, in file order:
    for `startswith`/`endswith` (a tuple) and, for one-letter classes, a membership test."""
    found = _written_classes(AFFIXES).get(name)
    if not found:
        raise ValueError(f"rules/lexicons/{AFFIXES}.txt has no class '{name}'")
    return found


def affix(name: str) -> str:
    """The one affix of a class (the article ال): a class of several is a broken lexicon."""
    found = affixes(name)
    if len(found) != 1:
        raise ValueError(f"class '{name}' of rules/lexicons/{AFFIXES}.txt must hold one affix, not {len(found)}")
    return found[0]


def letters(name: str) -> frozenset[str]:
    """A class of single letters (the proclitics و ف ب ل ك) for `w[0] in LETTERS`."""
    found = affixes(name)
    if any(len(a) != 1 for a in found):
        raise ValueError(f"class '{name}' of rules/lexicons/{AFFIXES}.txt must hold single letters")
    return frozenset(found)
