"""A sentence that credits what came before it to a named source: «جاء ذلك في حديث الأمين العام ... لوكالة
الأنباء» (patterns of label credits-before, rules/patterns/contexts.pattern). The figures of the sentences
right before it, back to the previous sentence that has a source of its own and over at most its own and
two earlier paragraphs, are that statement's (opening its sentence only: «..., وجاء ذلك في بيان»
after a comma credits its own sentence): field `sourced_next`, as a lead's figure the next sentence
sources (issue 13, round 174: a body's counts of mosques and wells, credited in the next paragraph)."""
from __future__ import annotations

from validator.extract.context import Context
from validator.extract.figure_sources import _named
from validator.extract.model import Article

PARAGRAPHS_BACK = 2  # the paragraphs before the crediting one whose figures it may credit


def credited_back(ctx: Context, article: Article) -> None:
    """Mark `sourced_next` on the figures a later «جاء ذلك في ...» sentence credits to a named source."""
    sentences = article.doc.sentences
    by_sentence: dict[int, list] = {}
    for a in article.attributions:
        by_sentence.setdefault(a.sentence, []).append(a)
    def opens(i: int) -> int | None:  # the sentence the match at token i opens (mid-sentence: its own clause)
        s = ctx.sentence_of(ctx.tokens[i].start)[0]
        return s if i == 0 or ctx.sentence_of(ctx.tokens[i - 1].start)[0] != s else None
    crediting = {s for m in ctx.patterns.find("credits-before") if (s := opens(m.span_start)) is not None}
    for s in sorted(crediting):
        if not any(a.kind == "document" or _named(article, a.source) for a in by_sentence.get(s, ())):
            continue
        lowest = sentences[s].paragraph - PARAGRAPHS_BACK
        credited = set()
        for k in range(s - 1, -1, -1):
            if sentences[k].paragraph < lowest or by_sentence.get(k):
                break
            credited.add(k)
        for n in article.numbers:
            if n.sentence in credited:
                n.sourced_next = True
