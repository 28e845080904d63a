"""Papers of a country as what a press review covers (واهتمت الصحف الأوروبية بذكرى ...): no anonymous source."""
from __future__ import annotations

from validator.extract.letters import WAW
from validator.extract.model import Article, Entity
from validator.extract.outlets import _without_article
from validator.extract.wordclasses import word_class
from validator.text.normalize import normalize_string

_COVERAGE = word_class("attribution-words", "press-coverage")  # اهتمت، ركزت، تناولت، انشغلت
_PRESS = word_class("attribution-words", "press-heads")  # صحف


def press_review(e: Entity, a: Article) -> bool:
    """Papers (attribution-words press-heads: الصحف) with a nationality adjective right after them, one of whose
    mentions a verb of coverage (attribution-words press-coverage) opens: the papers of a country whose coverage a
    press review tells (round 171 2015-07-21/239 L10: reviewers rejected «الصحف الأوروبية» as a vague source)."""
    if not e.vague or not e.key or _without_article(e.key.split(" ", 1)[0]) not in _PRESS or a.resources is None:
        return False
    text = a.doc.text
    for m in e.mentions:
        words = normalize_string(m.loc.text).split()
        if len(words) < 2 or _without_article(words[0]) not in _PRESS \
                or a.resources.nationality_forms.lookup(words[1]) is None:
            continue
        before = normalize_string(text[max(0, m.loc.start - 30):m.loc.start]).split()
        verb = before[-1] if before else ""
        if verb in _COVERAGE or (verb.startswith(WAW) and verb[len(WAW):] in _COVERAGE):
            return True
    return False
