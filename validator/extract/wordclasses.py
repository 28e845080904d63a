"""Closed word classes read from the built-in lexicons, once, as sets of normalized words.

The extractors test a token against a class (`word_class("entity-words", "kin")`) instead of a word
list written in Python: the words are data (rules/lexicons/), each entry with its file:line, and a
class is named by an attribute value, so one word may belong to several classes (`class=a,b`)."""
from __future__ import annotations

from functools import lru_cache

from validator.errors import RuleError
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


def affixes(name: str) -> tuple[str, ...]:
    """The affixes of a class of rules/lexicons/affixes.txt, longest first: the order a loop that
    strips the first affix a word starts or ends with wants (وال before و)."""
    return tuple(sorted(word_class("affixes", name), key=lambda a: (-len(a), a)))


def affix(name: str) -> str:
    """The one affix of a class of rules/lexicons/affixes.txt (the article ال, the conjunction و)."""
    found = word_class("affixes", name)
    if len(found) != 1:
        entries = builtin_lexicons()["affixes"].entries
        source = entries[0].source if entries else "affixes.txt:1"
        path, line = source.rsplit(":", 1)
        raise RuleError(f"affix class '{name}' must hold exactly one entry, it holds {len(found)}",
                        path=path, line=int(line), column=1)
    return next(iter(found))


def letters(name: str) -> frozenset[str]:
    """A class of single letters of rules/lexicons/affixes.txt (the clitics و ف ب ل ك) for a
    `w[0] in LETTERS` test."""
    found = word_class("affixes", name)
    if not found or any(len(a) != 1 for a in found):
        raise RuleError(f"affix class '{name}' must hold single letters", path="affixes.txt", line=1, column=1)
    return found


@lru_cache(maxsize=None)
def _written_classes(lexicon: str) -> dict[str, tuple[str, ...]]:
    """Every class of a lexicon as written, in file order, none dropped: normalizing folds the
    letters a test of the author's spelling tells apart (أ إ ا، ة ه، ى ي، آل ال)."""
    out: dict[str, list[str]] = {}
    for e in read_entries(BUILTIN_DIR / f"{lexicon}.txt", Lexicon(lexicon)):
        for name in (e.get("class") or "").split(","):
            if name:
                out.setdefault(name, []).append(e.text)
    return {name: tuple(texts) for name, texts in out.items()}


def written_affixes(name: str) -> tuple[str, ...]:
    """The affixes of a class of rules/lexicons/affixes.txt as written (بإ، بأ), for a test of a
    token as its author wrote it."""
    found = _written_classes("affixes").get(name)
    if not found:
        raise RuleError(f"affix class '{name}' is empty", path="affixes.txt", line=1, column=1)
    return found


def written_affix(name: str) -> str:
    """The one affix of a class as written (ة, آل)."""
    found = written_affixes(name)
    if len(found) != 1:
        raise RuleError(f"affix class '{name}' must hold exactly one entry, it holds {len(found)}",
                        path="affixes.txt", line=1, column=1)
    return found[0]


def one_word(lexicon: str, name: str, attribute: str = "class") -> str:
    """The one normalized entry of a class that names a single word (الله, عبد)."""
    found = word_class(lexicon, name, attribute)
    if len(found) != 1:
        raise RuleError(f"class '{name}' of lexicon {lexicon} must hold exactly one word, it holds {len(found)}",
                        path=f"{lexicon}.txt", line=1, column=1)
    return next(iter(found))


def in_class_or_joined(word: str, words: frozenset[str]) -> bool:
    """`word` is one of `words`, alone or after its conjunction (و، ف: وقد، فقد، وتلقت)."""
    return word in words or (word[:1] in _CONJUNCTIONS and word[1:] in words)


_CONJUNCTIONS = word_class("affixes", "conjunction")
