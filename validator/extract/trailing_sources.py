"""A semicolon cuts a long sentence, and the writer credits the whole of it at its very end, after a
comma: تراجع الإنتاج إلى 300 ألف طن في العام الماضي؛ أي نصف ما كان عليه قبل عقد، بحسب تقرير للوزارة.
The splitter ends a sentence at the semicolon, so the part before it read as the writer's own. A trailing
according-to attribution (kind preposition: بحسب، وفق، نقلا عن) that stands after the last comma of the
part after the semicolon, with nothing but its source to the end, credits the parts before it that have
no attribution of their own (round 135 2015-07-21/612: a trade figure credited to a senate report).
The part after the semicolon may be the credit alone (...؛ حسب موقع "الخبر".), and the source's name
may stand in quotation marks (round 161 2015-07-21/2835: a sale price credited to a news site)."""
from __future__ import annotations

import re

from validator.extract.model import Article
from validator.text.punctuation import COMMAS, SEMICOLONS

_MARKS = frozenset(COMMAS) | frozenset(SEMICOLONS) | frozenset(':«»"“”()')
_QUOTED_NAME = re.compile(r'["“«][^"“”«»:]{1,40}["”»]')  # a short name in quotation marks


def trailing_credits(article: Article, by_sentence: dict[int, list]) -> list[tuple[int, list]]:
    """(sentence, the attributions that reach it) pairs: the parts before a trailing credit, as above."""
    text, sentences, pairs = article.doc.text, article.doc.sentences, []
    for k, s in enumerate(sentences):
        comma = max((text.rfind(c, s.start, s.end) for c in COMMAS), default=-1)
        if comma < 0:
            comma = s.start - 1  # the part is the credit alone
        tail = sorted((a for a in by_sentence.get(s.index, ()) if a.loc.start > comma), key=lambda a: a.loc.start)
        credit = next((a for a in tail if a.source), None)
        if k == 0 or credit is None or tail[0].kind != "preposition" or text[comma + 1:tail[0].loc.start].strip() \
                or any(c in _MARKS for c in _QUOTED_NAME.sub("", text[comma + 1:s.end])):
            continue
        j = k - 1
        while j >= 0 and sentences[j].paragraph == s.paragraph and not by_sentence.get(sentences[j].index) \
                and text[sentences[j].start:sentences[j].end].rstrip().endswith(SEMICOLONS):
            pairs.append((sentences[j].index, [credit]))
            j -= 1
    return pairs
