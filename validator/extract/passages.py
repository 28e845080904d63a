"""Where a passage begins (a paragraph, a turn to another incident) and which sentences open by going
on with the paragraph before: the reach of a source over the sentences that follow it."""
from __future__ import annotations

from validator.extract.context import Context
from validator.extract.spellings import PLACE_HEADS


def first_word(ctx: Context, sentence) -> int:
    """The token of a sentence's first word (opening punctuation skipped)."""
    k = ctx.index.at_or_after(ctx.norm.to_normalized(sentence.start))
    while k < len(ctx.tokens) and ctx.tokens[k].kind == "punct":
        k += 1
    return k


def continuations(ctx: Context) -> dict[int, list[str]]:
    """Sentences that open by going on with the paragraph before (patterns labelled source-continues,
    rules/patterns/contexts.pattern: a list that goes on after a colon, a verb of results whose subject
    is the one before), by sentence index: the cue's words, then its pattern and lexicon entries."""
    matches = ctx.patterns.find("source-continues")
    if not matches:
        return {}
    by_start = {m.start: m for m in matches}
    out = {}
    for s in ctx.doc.sentences:
        m = by_start.get(first_word(ctx, s))
        if m is not None:
            words = ctx.tokens[m.span_start:m.span_end]
            out[s.index] = [ctx.original_text(words[0].start, words[-1].end), *m.evidence]
    return out


def find_passages(ctx: Context) -> tuple[list[int], list[bool]]:
    """Passage index of every sentence: a new passage opens with each paragraph and with a sentence
    that turns to another incident (إلى ذلك، من جهة أخرى، وفي محافظة مأرب ...: topic-shifts lexicon).
    Also, for every sentence, whether it opens with such a turn."""
    out: list[int] = []
    turned: list[bool] = []
    passage = -1
    previous_paragraph = None
    shifts: dict[int, list] = {}  # every phrase at a token: وفي (before a place) and في مطلع (a time) both
    for m in ctx.hits("topic-shifts"):
        shifts.setdefault(m.i, []).append(m)
    for s in ctx.doc.sentences:
        k = first_word(ctx, s)
        turns = any(shift.entry.get("kind") != "before-place" or (
            shift.j < len(ctx.tokens) and (ctx.hit_at("places", shift.j) is not None
                                           or ctx.tokens[shift.j].text in PLACE_HEADS))
            for shift in shifts.get(k, ()))
        if s.paragraph != previous_paragraph or turns:
            passage += 1
        previous_paragraph = s.paragraph
        out.append(passage)
        turned.append(turns)
    return out, turned
