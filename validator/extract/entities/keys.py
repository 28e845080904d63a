"""The entities found so far, indexed by the forms of their keys, so a new name is compared with the
few entities it could be (the same key, a key one ends with, one whose family name it is) rather than
with every entity of the article: an article of thousands of names stays linear."""
from __future__ import annotations

from functools import lru_cache

from validator.extract.entities.words import KEY_CACHE_SIZE, _joined_key, _joined_words, _without_nasab
from validator.extract.model import Entity
from validator.extract.resources import loose_key


@lru_cache(maxsize=KEY_CACHE_SIZE)  # names recur within an article and across a run's articles
def key_forms(key: str) -> tuple[str, str, str]:
    """A key as written, spelling-blind (loose_key) and with عبد joined (_joined_key)."""
    return key, loose_key(key), _joined_key(key)


@lru_cache(maxsize=KEY_CACHE_SIZE)
def _tails(text: str) -> tuple[str, ...]:
    """Every x such that text.endswith(" " + x)."""
    out = []
    at = text.find(" ")
    while at != -1:
        out.append(text[at + 1:])
        at = text.find(" ", at + 1)
    return tuple(out)


HEAD_WORDS = 2  # محمد عبدالله of محمد عبدالله العمري: a given name and his father's, the family name left out


@lru_cache(maxsize=KEY_CACHE_SIZE)
def _heads(text: str) -> tuple[str, ...]:
    """Every head of at least HEAD_WORDS words that text.startswith(head + " ")."""
    words = text.split()
    return tuple(" ".join(words[:n]) for n in range(HEAD_WORDS, len(words)))


def _head_of(longer: str, shorter: str) -> bool:
    return len(shorter.split()) >= HEAD_WORDS and longer.startswith(shorter + " ")


def named_by_head(a: str, b: str) -> bool:
    """محمد عبدالله of محمد عبدالله العمري: one name (at least a given name and his father's, عبد joined
    to its word, بن kept) starts the other, whose family name it leaves out; also spelling-blind."""
    a, b = _joined_words(a), _joined_words(b)
    la, lb = loose_key(a), loose_key(b)
    return _head_of(a, b) or _head_of(b, a) or _head_of(la, lb) or _head_of(lb, la)


class KeyIndex:
    """Entities by each form of their key, each word tail of those forms, and the name without its
    chain of fathers (عثمان بن حمد الخويطر → عثمان الخويطر). Entities appended to the list since the
    last look-up are indexed then; a new list is indexed anew."""

    def __init__(self):
        self._entities: list[Entity] | None = None
        self._count = 0
        self._by_form: dict[str, list[int]] = {}
        self._by_tail: dict[str, list[int]] = {}
        self._by_short: dict[str, list[int]] = {}
        self._by_head: dict[str, list[int]] = {}
        self._ends: tuple[Entity, Entity] | None = None

    def candidates(self, entities: list[Entity], key: str) -> list[Entity]:
        """In the list's order, every entity whose key can equal `key`, end with it, be one of its own
        tails or heads, start with it or shorten to it: a superset of those the caller's comparison accepts."""
        self._sync(entities)
        forms = key_forms(key)
        found: set[int] = set()
        for form in forms:
            found.update(self._by_form.get(form, ()))
            found.update(self._by_tail.get(form, ()))
            for tail in _tails(form):
                found.update(self._by_form.get(tail, ()))
        found.update(self._by_short.get(forms[2], ()))
        for form in set(forms):
            found.update(self._by_head.get(form, ()))
            for head in _heads(form):
                found.update(self._by_form.get(head, ()))
        return [entities[i] for i in sorted(found)]

    def _sync(self, entities: list[Entity]) -> None:
        count = self._count
        if entities is not self._entities or len(entities) < count \
                or (count and (entities[0] is not self._ends[0] or entities[count - 1] is not self._ends[1])):
            self.__init__()  # another list, or this one reordered: index it anew
            self._entities = entities
        for i in range(self._count, len(entities)):
            forms = key_forms(entities[i].key)
            for form in set(forms):
                self._by_form.setdefault(form, []).append(i)
                for tail in set(_tails(form)):
                    self._by_tail.setdefault(tail, []).append(i)
                for head in set(_heads(form)):
                    self._by_head.setdefault(head, []).append(i)
            short = _without_nasab(forms[2])
            if short is not None:
                self._by_short.setdefault(short, []).append(i)
        self._count = len(entities)
        if entities:
            self._ends = (entities[0], entities[-1])


def index_prefixes(by_key: dict, entity: Entity) -> None:
    """`by_key.get(key)` is then the first entity whose key is `key` or starts with `key + " "`."""
    key = entity.key
    at = key.find(" ")
    while at != -1:
        by_key.setdefault(key[:at], entity)
        at = key.find(" ", at + 1)
    by_key.setdefault(key, entity)
