"""Where a passage begins (a paragraph, a turn to another incident) and which sentences open by going
on with the paragraph before: the reach of a source over the sentences that follow it."""
from __future__ import annotations

from validator.extract.context import Context
from validator.extract.model import Article, Attribution
from validator.extract.figure_context import GREGORIAN_YEARS
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


YEAR_TURN = "year"  # a turn only to an earlier year (وفي العام 1990): the writer's background, not a body's own history
RECALL = "recall"  # a sentence that recalls an earlier event (وكان النادي نجح): the same passage, the writer's background


def find_passages(ctx: Context) -> tuple[list[int], list[str]]:
    """Passage index of every sentence: a new passage opens with each paragraph and with a sentence
    that turns to another incident (إلى ذلك، من جهة أخرى، وفي محافظة مأرب ...: topic-shifts lexicon;
    kind=before-place only before a place, kind=before-year only before a year's four digits).
    Also, for every sentence, the turn it opens with: "" none, "shift", YEAR_TURN when only a year
    follows, RECALL (kind=recall: وكان، a recall of an earlier event, no new passage)."""
    out: list[int] = []
    turned: list[str] = []
    passage = -1
    previous_paragraph = None
    shifts: dict[int, list] = {}  # every phrase at a token: وفي (before a place) and في مطلع (a time) both
    for m in ctx.hits("topic-shifts"):
        shifts.setdefault(m.i, []).append(m)
    for s in ctx.doc.sentences:
        k = first_word(ctx, s)
        kinds = {_turn(ctx, shift) for shift in shifts.get(k, ())} - {""}
        turns = "shift" if "shift" in kinds else YEAR_TURN if YEAR_TURN in kinds else RECALL if kinds else ""
        if s.paragraph != previous_paragraph or turns in ("shift", YEAR_TURN):
            passage += 1
        previous_paragraph = s.paragraph
        out.append(passage)
        turned.append(turns)
    return out, turned


def _turn(ctx: Context, shift) -> str:
    """The turn a topic-shifts phrase makes where it stands (its kind's condition on the next token):
    "shift", YEAR_TURN (kind=before-year before a year's four digits) or "" (none)."""
    kind = shift.entry.get("kind")
    if kind == "recall":
        return RECALL
    if kind not in ("before-place", "before-year"):
        return "shift"
    if shift.j >= len(ctx.tokens):
        return ""
    if kind == "before-year":
        year = ctx.tokens[shift.j].text
        return YEAR_TURN if year.isdigit() and int(year) in GREGORIAN_YEARS else ""
    return "shift" if ctx.hit_at("places", shift.j) is not None or ctx.tokens[shift.j].text in PLACE_HEADS else ""


def goes_on(article: Article, carrier: Attribution, is_body: bool, turn: str, sentence) -> bool:
    """Whether a source's account goes on over a sentence recalling an earlier year or event (YEAR_TURN,
    RECALL): a body's release or a document does (its own history); a person's words only into a recall
    of himself (وكان المحامي طالب: his own claim), not into the writer's background."""
    if is_body or carrier.kind == "document":
        return True
    entity = article.entity(carrier.source)
    if turn != RECALL or entity is None or not entity.key:
        return False
    surname = entity.key.split()[-1]  # his name's last word: المحامي السنيدي and محمد السنيدي are one man
    return any(e.kind == "person" and e.key and e.key.split()[-1] == surname and any(
        m.form in ("name", "surname") and sentence.start <= m.loc.start < sentence.end for m in e.mentions)
        for e in article.entities)
