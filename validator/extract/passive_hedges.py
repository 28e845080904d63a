"""The passive hedge of a reporting verb («صاروخ يعتقد أنه»): "believed to be", said of the noun before it.
Nobody reports it, so the attribution stage gives it no source (split from attribution_sources.py)."""
from __future__ import annotations

from validator.extract.attribution_sources import _THAT_CLAUSE, _sentence_initial
from validator.extract.wordclasses import word_class
from validator.text.normalize import normalize_string

# وهو يعتقد، لأنه يرجح، كان يعتقد، لا يعتقد: a word that gives the imperfect after it a subject
_SUBJECT_CARRIERS = word_class("attribution-words", "subject-carriers") | word_class("attribution-words", "before-verb")


def passive_hedge(ctx, m, i: int, sentence: int) -> bool:
    """مسلحين يعتقد أنهم من التنظيم، صاروخ يرجح أنه من طراز قديم: the bare imperfect of a verb whose passive
    hedges a noun (reporting-verbs passive=yes), with no conjunction, right after a word of its sentence
    that gives it no subject (subject-carriers): "believed to be", said of that noun; no one reports it,
    so it takes up no earlier speaker (issue 13, round 48: a toll credited to a body a paragraph back)."""
    if m.entry.get("passive") != "yes" or m.prefix or i == 0 or _sentence_initial(ctx, i, sentence):
        return False
    before, j = ctx.tokens[i - 1], i + 1
    return ctx.tokens[i].text == normalize_string(m.entry.get("imperfect") or "-") \
        and before.kind == "word" and before.text not in _SUBJECT_CARRIERS \
        and j < len(ctx.tokens) and ctx.tokens[j].text in _THAT_CLAUSE - {":"}  # أنه، بأنها: what the noun is
