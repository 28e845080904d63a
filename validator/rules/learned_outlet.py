"""An outlet that "learned" (وعلمت «الصحيفة» أن ...) and names nobody it learned it from.

A verb of learning (lexicon reporting-verbs, `source-after=<word>`: علم ... من) takes its source from
after that word (علمت الصحيفة من مصادر مطلعة، من وزير الإسكان). With no such word between the verb and
the reported clause its source is its own subject, the body that learned: the claim rests on informants
the story does not name (round 177 2015-07-21/2559 L4, missed). Field `unnamed_informant` of an attribution;
the verb's own entry of the run's lexicons says so (a newsroom's reporting-verbs count too).
"""
from __future__ import annotations

from validator.extract.model import Article, Attribution
from validator.text.normalize import normalize_string
from validator.extract.wordclasses import affixes, word_class

_OUTLET_HEADS = word_class("attribution-words", "outlet-heads")  # صحيفة، وكالة، قناة
_OPEN_MARKS = frozenset('«"“')
_PRONOUNS = affixes("pronoun")  # منه، منها: from him, from her
_SUBJECT_WORDS = 4  # the subject's mention starts within this many words after the verb (وعلمت وكالة «...»)


def unnamed_informant(at: Attribution, a: Article) -> bool:
    """A verb of learning whose source is the body it has for subject, right after it, with no word of
    its source (من) between the verb and that body's mention or after it before the reported clause."""
    entry = a.resources.lexicons.entry_at(at.lexicon) \
        if at.kind == "verb" and not at.implicit and at.lexicon and a.resources is not None else None
    word = normalize_string(entry.get("source-after")) if entry is not None and entry.get("source-after") else None
    source = a.entity(at.source) if word else None
    if source is None or source.vague or source.kind != "organization":
        return False
    text = a.doc.text
    after = [m for m in source.mentions if m.loc.start >= at.loc.end
             and len(text[at.loc.end:m.loc.start].split()) < _SUBJECT_WORDS]
    if not after:
        return False
    # من before the body (علمت الصحيفة من وزارة الصحة: the ministry is whom it learned from) or right after
    # it (علمت الصحيفة منه، من مصادرها) names an informant
    words = text[at.loc.end:after[0].loc.start].split() + text[after[0].loc.end:after[0].loc.end + 40].split()[:3]
    if any(normalize_string(w.strip("«»\"“”،,")) in (word, *(word + p for p in _PRONOUNS)) for w in words):
        return False
    # an outlet: its name quoted (علمت «عكاظ»، علمت " سبق") or after an outlet head (علمت وكالة «...»،
    # صحيفة الرياض); a court or a hotel's management that learned something (وعلمت المحكمة أن، وعلمت إدارة
    # الفندق بقدومه) is told of a fact, no outlet sourcing its story
    before = text[at.loc.end:after[0].loc.end].split()[:3]  # the words to the name, and the name's first
    quoted = text[:after[0].loc.start].rstrip()[-1:] in _OPEN_MARKS
    return quoted or any(normalize_string(w.strip("«»\"“”")) in _OUTLET_HEADS for w in before)
