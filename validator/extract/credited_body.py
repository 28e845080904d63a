"""A vague group whose claim its own sentence credits to a named body (`credited_to_body`).

«وتحدث شهود آخرون عن ...، بحسب المنظمة» or «وتوقع المحللون ربحا قدره ... وفقا لمؤسسة ...»: the
witnesses are the body's interviewees and the analysts' consensus is the data firm's figure; the claim
rests on the body a preposition of attribution (بحسب، وفقا ل) names after the group in the same
sentence, and the article names it (issue 13, round 152 2015-07-22/1506 L3 and 2015-07-22/275 L3,
rejected). Only a group of people (not sources nor media, no research, document or press tier: mention
fields of source_scope._people) that speaks with its own verb, and a body of kind organization the
extractor names, with no quotation mark, no new clause (لكن، إلا أن) and no other source's verb
between: a news outlet that relays the group (بحسب ما نقلت وكالة ...) is a relay, not the group's
author, and leaves it anonymous. Bare «قال محللون إن» stays a warning."""
from __future__ import annotations

from validator.extract.model import Article, Mention
from validator.extract.outlets import _without_article, is_outlet
from validator.text.normalize import normalize_string
from validator.text.punctuation import QUOTE_MARKS


def credited_to_body(mention: Mention, a: Article, people, new_clause) -> tuple[str, int, int] | None:
    """For a vague group of people (people(entity, a, head)) that speaks with its own verb: the preposition
    of attribution after it in its sentence whose source is a named organization that no news outlet is
    (words, line, column), else None."""
    entity = a.entity(mention.entity)
    sentence = a.doc.sentence_at(mention.loc.start)
    if entity is None or sentence is None or not entity.key:
        return None
    if not people(entity, a, _without_article(entity.key.split(" ", 1)[0])):
        return None
    own = [t for t in a.sourced_by(mention.entity)[0] if sentence.start <= t.loc.start < sentence.end]
    if not own or any(t.kind != "verb" or t.implicit for t in own):
        return None
    for t in a.attributions:
        source = t.source or _document_source(t, a)
        if t.kind != "preposition" or source is None or not mention.loc.end <= t.loc.start < sentence.end:
            continue
        body = a.entity(source)
        if body is None or body.kind != "organization" or body.vague or _outlet(body, a):
            return None
        between = a.doc.text[mention.loc.end:t.loc.start]
        if any(c in QUOTE_MARKS for c in between) or new_clause.intersection(normalize_string(w) for w in between.split()) \
                or any(x.kind == "verb" and x.source not in (None, mention.entity)
                       and mention.loc.end <= x.loc.start < t.loc.start for x in a.attributions):
            return None
        return f"{t.loc.text} → {body.name}", t.loc.line, t.loc.column
    return None


def _document_source(t, a: Article) -> str | None:
    """The named publisher of the survey or report the preposition cites right after it (وفقا لمسح أجرته
    مؤسسة ...، بحسب استطلاع الشركة ...): the source of the document noun's own attribution that follows
    the preposition with at most its attached letter between (round 161 2015-07-23/746, rejected)."""
    nxt = next((x for x in a.attributions if x.kind == "statement" and x.source is not None
                and t.loc.end <= x.loc.start <= t.loc.end + 3), None)
    if nxt is None or len(a.doc.text[t.loc.end:nxt.loc.start].strip()) > 1:
        return None
    return nxt.source


def _outlet(body, a: Article) -> bool:
    """A news outlet (outlets.is_outlet, or bodies kind=agency / outlet=yes): the entry of its whole name
    decides (تومسون رويترز is a data firm), else any of its words (a bare agency name)."""
    bodies = a.resources["bodies"] if a.resources is not None else None
    if is_outlet(body) or bodies is None:
        return is_outlet(body)
    words = normalize_string(body.name).split()
    whole = bodies.by_norm.get(" ".join(words))
    entries = [whole] if whole is not None else [bodies.by_norm.get(w) for w in words]
    return any(e is not None and (e.get("kind") == "agency" or e.get("outlet") == "yes") for e in entries)
