"""A vague source written again word for word on its line (وتحدث عدد من أبناء "عدن" ... وأشاد عدد من أبناء "عدن"،
قالت مصادر محلية ... وذكرت مصادر محلية): the group the line already raised, not a second anonymous source. An
indefinite vague mention opens an entity of its own, so the same words twice on one line were two entities and
two findings where the rules report a source once a line (paragraph_first_source); an editor rejected the second
as a duplicate (round 178 2015-07-24/2046 L3). Field `repeated_on_line`; the entities stay apart (their figures
keep their own source: مسعفون ... عشرة، ثم مسعفون ... خمسة آخرين is no second value of one toll). Other words
(مصدر عسكري آخر) and a later line are a source again."""
from __future__ import annotations

from validator.extract.model import Article
from validator.text.normalize import normalize_string


def repeated_on_line(mention, a: Article) -> bool:
    """An earlier vague source mention of another entity on the mention's line has its words (module doc)."""
    if mention.form != "vague":
        return False
    first = a.memo("vague-sources-by-line", _first_by_line).get((mention.loc.line, normalize_string(mention.loc.text)))
    return first is not None and first.loc.start < mention.loc.start and first.entity != mention.entity


def _first_by_line(a: Article) -> dict:
    """(line, normalized words) -> the first vague mention that is a source with those words on that line."""
    first: dict = {}
    for e in a.entities:
        if e.vague:
            for m in e.mentions:
                if m.form == "vague" and m.is_source:
                    key = (m.loc.line, normalize_string(m.loc.text))
                    if key not in first or m.loc.start < first[key].loc.start:
                        first[key] = m
    return first
