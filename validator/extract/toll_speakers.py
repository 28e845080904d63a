"""A lead toll's next sentence gives a named official's words (a quotation on the operation, nothing on
the dead) and his very next sentence, under the same source (وأضاف أن ...), tells of the casualties:
the toll is his account told first, sourced by the next sentence (issue 13, round 120: a province's toll,
then its deputy governor quoted and adding who was among the dead). A quotation that is all a person
says (a father's, a surgeon's words after a count) still gives no source alone."""
from __future__ import annotations

from validator.extract.context import Context
from validator.extract.letters import ARTICLE
from validator.extract.model import Article


def _tells_casualties(ctx: Context, sentence: int, about_casualties: set[int]) -> bool:
    """A casualty word in the sentence, bare or with the article (القتلى، المصابين)."""
    nouns = ctx.res["casualty-nouns"].by_norm
    return sentence in about_casualties or any(
        t.text.startswith(ARTICLE) and t.text[len(ARTICLE):] in nouns
        for t in ctx.tokens if ctx.sentence_of(t.start)[0] == sentence)


def speaker_goes_on_toll(ctx: Context, article: Article, sentence: int, about_casualties: set[int], named) -> bool:
    """A named source of `sentence` is the source again of the next sentence, which tells of casualties."""
    here = {a.source for a in article.attributions if a.sentence == sentence and a.source and named(article, a.source)}
    return bool(here) and any(a.source in here for a in article.attributions if a.sentence == sentence + 1) \
        and _tells_casualties(ctx, sentence + 1, about_casualties)
