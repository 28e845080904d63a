"""Where a vague source's finding belongs, when its words are not where the article rests a claim on it.

- A headline's vague descriptor that the body answers (`headline_answered`): «مسؤول أممي يحذر ...» over a
  lead whose first source is a titled, named official (the headline's shorthand for him), or a headline
  label «دراسة:» whose study the body reports as its own vague source (the body's mention carries the
  finding), or a headline document «تقرير:» whose lead reports the same document as its vague source and
  identifies its author (issuer_named; round 125 2015-07-21/2039 rejected). Reviewers rejected all five
  headline findings of rounds 0-28 they judged (14, 18, 22, 27, 28); a headline source the body leaves anonymous too (مصادر: ... / علمت الصحيفة من مصادر مطلعة) stays.
  A definite body back-reference to an answered headline person after the lead's official (وأكد المسؤول
  الخليجي) is that official too (`_recalled_answer`; round 132).
- A vague document inside another source's statement (`within_statement`): «وأشار المصدر إلى أن الإجراءات
  كانت احترازات وفق تقارير أمنية»: the reports are part of what the source said (round 28), the source
  is the one who said it and carries the finding. Only a document noun (تقارير، بيانات) that a
  preposition introduces (وفق، بحسب) after another source's reporting verb and its أن/إن: a person or a
  group (حسبما أفاد مصدر رسمي، وفق ما صرح به مسؤول) gives the whole sentence, and one that speaks with its
  own verb (وذكرت الصحيفة أن مصادر مطلعة أكدت) is still a source the claim rests on. A group of people
  (not sources nor media: attribution-words source-nouns) that speaks with its own verb inside a named
  person's reported clause (وقال المحافظ فلان إن ... حيث اعترف آخرون ممن قبض عليهم أن ...) is part of what
  he says on the record: he carries the finding (round 63).

Rules read them as the mention fields headline_answered and within_statement; the evidence names the
mention that answers or holds it. within_statement also holds a vague group whose claim its own sentence
credits to a named body after it (credited_body: «وتحدث شهود آخرون عن ...، بحسب المنظمة»)."""
from __future__ import annotations

from validator.extract.credited_body import credited_to_body
from validator.extract.entities.words import _DOCUMENT_SOURCES as DOCUMENT_SOURCES, REPORT_THAT
from validator.extract.group_identity import _head_entry, issuer_named, tier
from validator.extract.model import Article, Mention
from validator.extract.outlets import _without_article
from validator.extract.wordclasses import affixes, word_class
from validator.text.normalize import normalize_string
from validator.text.punctuation import QUOTE_MARKS, SENTENCE_MARKS


def headline_answered(mention: Mention, a: Article) -> tuple[str, int, int] | None:
    """For a vague source in the headline: the body's mention that answers it (words, line, column), else None."""
    headline = a.doc.headline
    if headline is None:
        return None
    if mention.loc.start >= headline.end:
        return _recalled_answer(mention, a, headline.end)
    entity = a.entity(mention.entity)
    if entity is None or not entity.vague:
        return None
    if tier(entity, a) == "research":
        body = _body_research_source(a, headline.end)
        if body is not None:
            return body.loc.text, body.loc.line, body.loc.column
    body = _body_document(a, _document_head(entity), headline.end)
    if body is not None and issuer_named(body, a):
        return body.loc.text, body.loc.line, body.loc.column
    lead = _lead_source(a, headline.end)
    if lead is not None:
        e = a.entity(lead.entity)
        if e is not None and e.kind == "person" and not e.vague and not e.role_only and lead.title:
            return f"{lead.title} {lead.loc.text}", lead.loc.line, lead.loc.column
    return None


def _recalled_answer(mention: Mention, a: Article, body_start: int) -> tuple[str, int, int] | None:
    """A definite body mention (وأكد المسؤول الخليجي) of a headline's vague person (مسؤول خليجي:) whom the
    lead answered with a titled, named official before it: the back-reference is that official too, no
    new anonymous source (round 132 2015-07-22/143 L3, rejected). An indefinite one (وقال مسؤول خليجي آخر)
    or one the lead left unanswered stays."""
    entity = a.entity(mention.entity)
    if entity is None or not entity.vague or mention.form != "vague" or not entity.mentions \
            or entity.mentions[0].loc.start >= body_start or _document_head(entity) or tier(entity, a) == "research":
        return None
    first_word = normalize_string(mention.loc.text).split(" ", 1)[0]
    if _without_article(first_word) == first_word:
        return None
    answer = headline_answered(entity.mentions[0], a)
    lead = _lead_source(a, body_start)
    if answer is None or lead is None or lead.loc.end > mention.loc.start:
        return None
    return answer


def _body_research_source(a: Article, body_start: int) -> Mention | None:
    """The first body mention of a research noun (tier=research) that is a source."""
    for e in a.entities:
        if e.vague and tier(e, a) == "research":
            for m in e.mentions:
                if m.is_source and m.form == "vague" and m.loc.start >= body_start:
                    return m
    return None


def _document_head(e) -> str:
    """The document noun (entity-words document-source: تقرير، بيان) that heads the entity's key, else ""."""
    head = _without_article(e.key.split(" ", 1)[0])
    return head if head in DOCUMENT_SOURCES else ""


def _body_document(a: Article, head: str, body_start: int) -> Mention | None:
    """The body's first vague source mention headed by the same document noun (a headline label «تقرير:»
    and the lead's «قال تقرير»), else None."""
    if not head:
        return None
    first = None
    for m in a.mentions:
        e = a.entity(m.entity) if m.is_source and m.form == "vague" and m.loc.start >= body_start else None
        if e is not None and e.vague and _document_head(e) == head and (first is None or m.loc.start < first.loc.start):
            first = m
    return first


def _lead_source(a: Article, body_start: int) -> Mention | None:
    """The first source mention of the body's first sentence that has one (a byline has none)."""
    first = None
    for m in a.mentions:
        if m.is_source and m.form != "verb" and m.loc.start >= body_start \
                and (first is None or m.loc.start < first.loc.start):
            first = m
    if first is None:
        return None
    sentence = a.doc.sentence_at(first.loc.start)
    body = next((s for s in a.doc.sentences if s.start >= body_start), None)
    if sentence is None or body is None or sentence.index > body.index + 1:
        return None  # the lead's first two sentences, not a source further down
    return first


def within_statement(mention: Mention, a: Article) -> tuple[str, int, int] | None:
    """For a vague document (entity-words document-source: تقارير، بيانات) a preposition introduces: the
    reporting verb of another source earlier in its sentence, with its أن/إن before the document, whose
    statement holds it (words, line, column), else None. A trailing «حسبما أفاد مصدر» or «وفق ما صرح
    مسؤول» gives a person as the source of the whole sentence and is not one."""
    credited = credited_to_body(mention, a, _people, _NEW_CLAUSE)
    if credited is not None:
        return credited
    entity = a.entity(mention.entity)
    head = _without_article(entity.key.split(" ", 1)[0]) if entity is not None else ""
    document = head in DOCUMENT_SOURCES or (entity is not None and entity.key in DOCUMENT_SOURCES)  # آخر الإحصائيات
    sentence = a.doc.sentence_at(mention.loc.start)
    if sentence is None or not (document or _people(entity, a, head)):
        return None
    if not document:  # the nearest named person's verb before it in its sentence, within HOLD_REACH characters
        verbs = [t for t in a.memo("named-person-verbs", _named_person_verbs).get(sentence.index, ())
                 if t.loc.end <= mention.loc.start]
        if not verbs or mention.loc.start - verbs[-1].loc.end > HOLD_REACH:
            return None
        candidates = verbs[-1:]
    else:
        candidates = a.attributions
    own = [t for t in a.sourced_by(mention.entity)[0] if _sentence_index(a, t.loc.start) == sentence.index]
    if not own or any(t.kind not in (("preposition", "document") if document else ("verb",)) or t.implicit for t in own):
        return None
    for t in candidates:
        if t.kind == "verb" and t.source is not None and t.source != mention.entity \
                and (document or _holds_people(a, t, mention, own)) \
                and t.loc.end <= mention.loc.start and _sentence_index(a, t.loc.start) == sentence.index \
                and any(normalize_string(w) in REPORT_THAT for w in a.doc.text[t.loc.end:mention.loc.start].split()):
            speaker = a.entity(t.source)
            return f"{t.loc.text} → {speaker.name if speaker else t.source}", t.loc.line, t.loc.column
    return None


# مصادر، تقارير، وسائل الإعلام: the sources a claim rests on even inside another's statement
_SOURCE_NOUNS = word_class("attribution-words", "source-nouns")
# إلا أن، لكن، بينما: the narrator's own clause after the speaker's, not his words (حيث، إذ explain them)
_NEW_CLAUSE = word_class("attribution-words", "new-clause") - word_class("attribution-words", "explains")
_CONJUNCTIONS = tuple(affixes("conjunction"))  # و، ف


def _people(e, a: Article, head: str) -> bool:
    """A vague group of people (آخرون، شهود، مسؤولون): not sources nor media (attribution-words source-nouns),
    not a tier's research, document, press or hedge, not news at large (generic=yes: معلومات، أنباء)."""
    entry = _head_entry(e, a) if e is not None else None
    return entry is not None and head not in _SOURCE_NOUNS and tier(e, a) is None and entry.get("generic") != "yes"


HOLD_REACH = 400  # characters from a named person's verb to the people inside his reported clause


def _named_person_verbs(a: Article) -> dict[int, list]:
    """sentence index -> the reporting verbs (attributions of kind verb) of named persons, in article order."""
    by_sentence: dict[int, list] = {}
    for t in a.attributions:
        e = a.entity(t.source) if t.kind == "verb" and t.source else None
        if e is not None and e.kind == "person" and not e.vague and not e.role_only:
            by_sentence.setdefault(t.sentence, []).append(t)
    return by_sentence


def _holds_people(a: Article, t, mention: Mention, own: list) -> bool:
    """The reporting verb t of a named person (_named_person_verbs), and his words run on to the
    mention: no quotation mark, sentence mark or new clause (إلا أن، لكن) between, and the people's own verb
    opens no sentence of its own with و/ف (وقال الخبراء after his quotation is the narrator again)."""
    between = a.doc.text[t.loc.end:mention.loc.start]
    return not any(c in QUOTE_MARKS or c in SENTENCE_MARKS for c in between) \
        and not _NEW_CLAUSE.intersection(normalize_string(w) for w in between.split()) \
        and not any(x.loc.text[:1] in _CONJUNCTIONS for x in own)


def _sentence_index(a: Article, offset: int) -> int:
    sentence = a.doc.sentence_at(offset)
    return sentence.index if sentence is not None else -1
