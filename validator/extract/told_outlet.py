"""An outlet a named person spoke to (وقال فلان في تصريح لموقع «...» إن): the one told, not who speaks."""
from __future__ import annotations

from validator.extract.letters import WAW
from validator.extract.model import Article
from validator.extract.outlets import is_outlet
from validator.extract.wordclasses import affix
from validator.text.normalize import normalize_string

_LAM = affix("lam")


def told_outlet(other, m, a: Article) -> bool:
    """A named news outlet whose mention carries the ل clitic (لموقع، لـ«الصحيفة») in a sentence where a named
    person is the subject of a reporting verb: whom he told, in an interview or a statement to it (round 171
    2015-07-25/777 L3: a news report the next sentence's outlet was taken to have issued, missed)."""
    if not is_outlet(other):
        return False
    text = a.doc.text
    start = max(text.rfind(" ", 0, m.loc.start), text.rfind("\n", 0, m.loc.start)) + 1
    prefix = normalize_string(text[start:m.loc.start])  # normalizing drops the tatweel of لـ
    prefix = prefix[len(WAW):] if prefix.startswith(WAW) else prefix
    if not (prefix == _LAM or (not prefix and normalize_string(m.loc.text).startswith(_LAM + _LAM))):
        return False
    sentence = a.doc.sentence_at(m.loc.start)
    for at in a.attributions:
        source = a.entity(at.source) if at.source is not None else None
        if at.kind == "verb" and at.sentence == sentence.index and source is not None \
                and source.kind == "person" and not source.vague:
            return True
    return False
