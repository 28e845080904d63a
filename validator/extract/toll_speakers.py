"""A lead toll's next sentence gives a named official's words (a quotation on the operation, nothing on
the dead) and his very next sentence, under the same source (وأضاف أن ...), tells of the casualties:
the toll is his account told first, sourced by the next sentence (issue 13, round 120: a province's toll,
then its deputy governor quoted and adding who was among the dead). A quotation that is all a person
says (a father's, a surgeon's words after a count) still gives no source alone.

Nor does a source whose next sentence tells of another kind of casualty the lead told of too, and none of
the toll's (no casualty word of its kind, no count of its people, none in the parts a semicolon cuts it
into): the lead's wounded policemen are the writer's when the police, next, tell only of the officer
kidnapped the same night (issue 13, round 130). The dead, the wounded and the missing are one account (قتل وأصيب، قتلى ومفقودون);
a kidnapping or an arrest, a flight from home are other ones (lexicon casualty-verbs type). A next
sentence on the event that tells of no casualty (the fire spread to two floors) still sources the toll."""
from __future__ import annotations

from validator.extract.context import Context
from validator.extract.letters import ARTICLE
from validator.extract.model import Article
from validator.text.punctuation import SEMICOLONS

_HARM = ("killed", "dead", "injured", "missing")  # one account: who died, was hurt or is missing
_COUNTED = ("casualty", "people")  # a figure that counts the people of a toll again


def _same_kind(kind: str | None, other: str | None) -> bool:
    return kind is None or other is None or kind == other or kind in _HARM and other in _HARM


def _kinds(ctx: Context, sentence: int) -> set[str]:
    """The kinds of casualty a sentence tells of (lexicons casualty-nouns, casualty-verbs: type)."""
    bounds = ctx.sentence_bounds(sentence)  # (the sentence's hits by bisection, not all the article's)
    return {m.entry.get("type") for lexicon in ("casualty-nouns", "casualty-verbs") for m in ctx.hits(lexicon, *bounds)
            if ctx.sentence_of(m.start)[0] == sentence}


def _tells_casualties(ctx: Context, sentence: int, about_casualties: set[int], kind: str | None = None) -> bool:
    """A casualty word in the sentence, bare or with the article (القتلى، المصابين); with `kind`, of that
    kind of casualty (a kidnapping tells nothing of the wounded)."""
    nouns = ctx.res["casualty-nouns"].by_norm
    if sentence in about_casualties and (kind is None or any(_same_kind(kind, k) for k in _kinds(ctx, sentence))):
        return True
    return any(t.text.startswith(ARTICLE) and (e := nouns.get(t.text[len(ARTICLE):])) is not None
               and _same_kind(kind, e.get("type")) for t in ctx.tokens if ctx.sentence_of(t.start)[0] == sentence)


def speaker_goes_on_toll(ctx: Context, article: Article, sentence: int, about_casualties: set[int], named,
                         kind: str | None = None) -> bool:
    """A named source of `sentence` is the source again of the next sentence, which tells of casualties."""
    here = {a.source for a in article.attributions if a.sentence == sentence and a.source and named(article, a.source)}
    return bool(here) and any(a.source in here for a in article.attributions if a.sentence == sentence + 1) \
        and _tells_casualties(ctx, sentence + 1, about_casualties, kind)


def tells_other_account(ctx: Context, article: Article, lead: int, sentence: int, kind: str | None) -> bool:
    """The `lead` sentence tells of two kinds of casualty (ten wounded and one kidnapped) and `sentence`,
    with the parts a semicolon cuts it into in its paragraph, tells of the other kind alone and counts
    none of the toll's people (the police on the kidnapping). A sentence on the event that tells of no
    casualty still sources the toll, and so does one on the suspects fleeing or arrested after it when
    the lead tells of no flight or arrest."""
    sentences, text = article.doc.sentences, article.doc.text
    parts = [sentence]
    while (parts[-1] + 1 < len(sentences) and sentences[parts[-1] + 1].paragraph == sentences[sentence].paragraph
           and text[sentences[parts[-1]].start:sentences[parts[-1]].end].rstrip().endswith(SEMICOLONS)):
        parts.append(parts[-1] + 1)
    told = set().union(*(_kinds(ctx, s) for s in parts))
    return kind is not None and bool(told & _kinds(ctx, lead)) and not any(_same_kind(kind, k) for k in told) \
        and not any(n.sentence in parts and n.category in _COUNTED and _same_kind(kind, n.noun_type) for n in article.numbers)
