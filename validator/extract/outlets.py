"""Whether an entity is a news outlet (صحيفة «حريت»، وكالة بلومبرغ، هيئة الإذاعة الأسترالية): it reports
others' news, not its own data, so the attribution stage and the figure sources weigh it apart."""
from __future__ import annotations

from validator.extract.entities.words import _DEFINITE_CLITICS
from validator.extract.model import Entity
from validator.extract.wordclasses import word_class
from validator.text.normalize import normalize_string


# The head nouns of a news outlet's name (صحيفة «حريت»، وكالة بلومبرغ، هيئة الإذاعة الأسترالية)
_OUTLET_HEADS = word_class("attribution-words", "outlet-heads")
# هيئة الإذاعة الأسترالية: an authority whose next word is broadcasting is an outlet
_AUTHORITY_HEADS = word_class("attribution-words", "authority-heads")
_BROADCAST = tuple(sorted(word_class("attribution-words", "broadcast")))


def is_outlet(entity: Entity) -> bool:
    """A named news outlet (صحيفة «حريت»، وكالة بلومبرغ): it reports others' news, not its own data."""
    words = normalize_string(entity.name).split()
    if entity.kind != "organization" or entity.vague or not words:
        return False
    head = _without_article(words[0])  # not removeprefix("و"): وكالة
    return head in _OUTLET_HEADS or (head in _AUTHORITY_HEADS and len(words) > 1 and words[1].endswith(_BROADCAST))


def _without_article(word: str) -> str:
    if not word.startswith(_DEFINITE_CLITICS):  # most words: decided in C
        return word
    return word[len(next(c for c in _DEFINITE_CLITICS if word.startswith(c))):]


def outlet_back_reference(word: str | None) -> bool:
    """الصحيفة، المجلة، الوكالة (normalized): an outlet's head noun with the article and no name, the
    outlet named before (وتحدثت الصحيفة عن ...: the paper named in an earlier sentence). None (a mark or a
    number where the subject would be: أتحدث، بطبيعة الحال، عن) is no outlet."""
    return word is not None and word != _without_article(word) and _without_article(word) in _OUTLET_HEADS


def last_outlet(spans, i: int) -> Entity | None:
    """The named news outlet mentioned last before the token i (spans: the mentions in token order),
    whom a bare back reference (الصحيفة، المجلة) names again."""
    return next((s.entity for s in reversed(spans) if s.first_token < i and is_outlet(s.entity)), None)
