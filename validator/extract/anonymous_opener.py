"""An anonymous person who opens a sentence, then speaks in the next one with a bare verb.

وأبدى أحد العمال، الذي طلب عدم ذكر اسمه، استياءه من تأخر الرواتب. وأضاف: «...»: the sentence before
reports nobody (its verb has no reported clause), but it opens with a person the article made a source
by his anonymity alone. The bare continuation verb goes on with him, not with a source quoted
paragraphs before; rule unnamed-speaker then reads the quotation as an anonymous person's.
"""

from __future__ import annotations

from validator.extract.attribution_sources import _firsts, _sentence_start
from validator.extract.model import Entity

import bisect

_OPENING_REACH = 4  # tokens from the previous sentence's start to the anonymous person (و + verb + أحد)


def anonymous_opener(ctx, spans, results, i: int, sentence: int, gender: str) -> Entity | None:
    """The anonymous source that opens the sentence before a bare reporting verb at token i, when
    that sentence reports no one and he agrees with the verb's gender; otherwise None."""
    if any(a.sentence == sentence - 1 for a in results):
        return None  # the sentence before reports someone: the usual continuation decides
    start = _sentence_start(ctx, i, sentence - 1)
    if start is None:
        return None
    lo = bisect.bisect_left(_firsts(spans), start)
    for s in spans[lo:lo + 3]:
        if s.first_token > start + _OPENING_REACH:
            break
        e = s.entity
        if e.kind == "unnamed" and e.vague and s.mention.is_source and (not gender or e.gender == gender):
            return e
    return None
