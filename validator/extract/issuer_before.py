"""A document whose issuing verb and its subject stand right before it (وأصدرت الهيئة تقرير يفيد بأن،
وأعدت الوزارة تقريرا أوليا): the verb's subject issued it, the report is that body's and no vague source
(issue 13, round 163: an emergency service's first report of a blast's casualties, rejected as vague). The
verbs are entity-words class issuer-verb (issue and prepare, not publish: a paper publishing a report is
the outlet relaying it); the subject is one to ISSUER_SPAN words and no vague source of the article."""
from __future__ import annotations

from validator.extract.letters import WAW
from validator.extract.model import Article, Entity
from validator.extract.wordclasses import word_class
from validator.text.normalize import normalize_string

_VERBS = word_class("entity-words", "issuer-verb")
_MEDIA = tuple(word_class("entity-words", "media-stem"))  # str.startswith takes a tuple
ISSUER_SPAN = 4  # words of the verb's subject between it and the document (الطوارئ الطبية، هيئة الإحصاء العامة)


def issuer_before(e: Entity, a: Article) -> tuple[str, int, int] | None:
    """The verb and subject that issued a document's mention before it, line and column; None otherwise."""
    vague_starts = None  # the article's vague mentions, looked up once a verb of issue is found
    vague = a.resources["vague-sources"].by_norm if a.resources is not None else {}
    for m in e.mentions:
        sentence = a.doc.sentence_at(m.loc.start)
        if sentence is None:
            continue
        words = a.doc.text[sentence.start:m.loc.start].split()[-(ISSUER_SPAN + 1):]
        for i, w in enumerate(words):
            norm = normalize_string(w)
            if (norm in _VERBS or (norm.startswith(WAW) and norm[1:] in _VERBS)) and 1 <= len(words) - i - 1 <= ISSUER_SPAN:
                subject = words[i + 1:]
                begin = m.loc.start - len(" ".join(subject)) - 1
                if vague_starts is None:
                    vague_starts = {x.loc.start for other in a.entities if other.vague for x in other.mentions}
                if any(begin <= s < m.loc.start for s in vague_starts) or any(normalize_string(s) in vague for s in subject) \
                        or any(normalize_string(s).startswith(_MEDIA) for s in subject):
                    continue
                return " ".join(words[i:]), m.loc.line, m.loc.column
    return None
