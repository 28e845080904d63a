"""Whose voice the article narrates in: the writer's own first person (a column, an essay)."""
from __future__ import annotations

import bisect

from validator.extract.context import Context
from validator.extract.model import Quote
from validator.extract.wordclasses import affixes

_CONJUNCTIONS = frozenset(affixes("conjunction"))

# Distinct first-person words (lexicon first-person) outside quotation marks that make the narration
# first-person: one may be a slip or unmarked speech, two are the writer's own voice.
FIRST_PERSON_MIN = 2
# The whole, as a figure of speech in an opinion column (صناعة وطنية 100 %): an idiom, not a statistic
WHOLE_PERCENT = 100


def first_person(ctx: Context, quotes: list[Quote]) -> bool:
    """The article narrates in the first person (a column, an essay, an interview's answers: أرى،
    أعتقد، إنني، نحن outside quotation marks), or its page is laid out as a column (kind=layout:
    مقالات أخرى للكاتب). Only و and ف are read off as clitics: ل and ب forms
    are listed (لأنني)، and لاري is a name, not ل + أرى."""
    to_norm = ctx.norm.to_normalized
    ranges = sorted((to_norm(q.loc.start), to_norm(q.loc.end)) for q in quotes if q.balanced)
    starts = [r[0] for r in ranges]
    seen = set()
    for m in ctx.hits("first-person"):
        if m.prefix and m.prefix not in _CONJUNCTIONS:
            continue
        k = bisect.bisect_right(starts, m.start) - 1
        if k >= 0 and ranges[k][0] <= m.start < ranges[k][1]:
            continue
        seen.add(m.entry.norm)
        if len(seen) >= FIRST_PERSON_MIN or m.entry.get("kind") == "layout":
            return True
    return False
