"""Attributions: reporting verbs, prepositional sources and statements, each with its source entity.

A verb's source is the entity named right after it (Arabic news is mostly verb-subject-object), or
right before it; a bare continuation verb ("وأضاف"، "وتابعت") or participle ("مؤكدا") refers to the
last source whose gender agrees, and becomes a mention of that entity.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from validator.extract.context import Context
from validator.extract.model import Attribution, Entity, Mention, Quote

_CLAUSE_MARKERS = frozenset({"ان", "انه", "انها", "انهم", "بان", "بانه", "بانها", ":", "«", '"', "“", "قائلا",
                             "قائله"})
SUBJECT_WINDOW = 5      # tokens after a verb where its subject may start
PRE_SUBJECT_WINDOW = 3  # tokens before a verb where a fronted subject may end
_CLAUSE_START = frozenset({"ان", "انه", "انها", "انهم", "بان", "بانه", "بانها", "قائلا", "قائله", ":", "«", '"', "“",
                           "،", "فيه", "فيها", "الي", "علي"})


@dataclass(slots=True)
class _MentionSpan:
    mention: Mention
    entity: Entity
    first_token: int
    last_token: int


def find_attributions(ctx: Context, entities: list[Entity], quotes: list[Quote]) -> list[Attribution]:
    spans = _mention_spans(ctx, entities)
    inside_quote = _quote_ranges(ctx, quotes)
    # tokens that cannot hold a reporting verb: impersonal phrases (يذكر أن), anonymity phrases
    # (رفض الكشف عن اسمه), a source phrase (نقلا عن), or a name (نجيب ميقاتي)
    blocked = {k for m in ctx.hits("impersonal-phrases") for k in range(m.i, m.j)}
    blocked |= {k for m in ctx.hits("vague-sources-all") if m.entry.get("kind") == "anonymity" for k in range(m.i, m.j)}
    phrases = ctx.hits("source-phrases")
    phrase_tokens = {k for m in phrases for k in range(m.i, m.j)}
    name_tokens = {k for s in spans if s.mention.form in ("name", "surname") for k in range(
        ctx.index.containing(ctx._to_norm(s.mention.loc.start)), s.last_token + 1)}
    results: list[Attribution] = []
    events = []
    for m in ctx.hits("reporting-forms"):
        if m.i not in phrase_tokens and m.i not in name_tokens:
            events.append((m.start, "verb", m))
    for m in phrases:
        events.append((m.start, m.entry.get("kind") or "preposition", m))
    events.sort(key=lambda e: e[0])
    last_source: list[Entity] = []
    by_id = {e.id: e for e in entities}
    for start, kind, m in events:
        if _inside(inside_quote, start):
            continue
        i = ctx.index.containing(start)
        if i in blocked:
            continue
        sentence, paragraph = ctx.sentence_of(start)
        j = ctx.index.at_or_after(m.end)
        source: Entity | None = None
        implicit = False
        if kind == "verb" and m.entry.get("object") != "noun" and m.entry.get("part") != "participle" \
                and not _clause_follows(ctx, j, sentence, window=16, same_sentence=True):
            continue  # ختم، تابع، عرض، وصف: a report only when a reported clause follows
        if kind == "verb":
            participle = m.entry.get("part") == "participle"
            if participle and not (_clause_follows(ctx, j, sentence, window=3, markers=_REPORTED_CLAUSE)
                                   or (j < len(ctx.tokens) and ctx.tokens[j].text in '«"“')):
                continue  # مقرا، متوقعا: a participle reports only when a clause follows (مؤكدا أن)
            source = None if participle else _subject_after(ctx, spans, j, sentence)
            if source is not None:
                source = _relay(ctx, spans, source, sentence, j) or source
            if source is None and not participle:
                source = _subject_before(ctx, spans, i, sentence)
            if source is None:
                gender = m.entry.get("gender") or ""
                source = _same_sentence_source(results, sentence, by_id) if participle else None
                if source is None and (participle or _starts_clause(ctx, j) or _sentence_initial(ctx, i, sentence)):
                    source = _last_source(last_source, gender) or _last_person(spans, i, gender)
                implicit = source is not None
        elif kind == "preposition":
            source = _subject_after(ctx, spans, j, sentence, window=4)
            if source is None and m.entry.norm.startswith("في "):
                # وقالت وزارة الصحة في بيان إن ...: the statement is the sentence's speaker's
                source = _same_sentence_source(results, sentence, by_id) or _subject_before(
                    ctx, spans, i, sentence, window=8)
        else:  # a statement noun: في بيان، في تصريح
            source = _subject_after(ctx, spans, j, sentence, window=4) or _subject_before(
                ctx, spans, i, sentence, window=8)
        if source is None and kind == "statement":
            continue  # "رسالة"، "قرار" report something only when we can say whose
        if source is None and kind == "verb" and not _clause_follows(ctx, j, sentence):
            continue  # "بين بغداد وطهران": a verb form with neither a subject nor a reported clause
        loc = ctx.loc(m.start, m.end)
        att = Attribution(ctx.new_id("a"), loc, m.entry.get("lemma") or m.entry.text,
                          "verb" if kind == "verb" else kind, source.id if source else None,
                          sentence=sentence, paragraph=paragraph, implicit=implicit, lexicon=m.entry.source)
        results.append(att)
        if source is not None:
            if implicit:
                mention = Mention(ctx.new_id("m"), source.id, loc, "verb")
                mention.is_source = True
                source.mentions.append(mention)
            last_source.append(source)
    results.extend(_colon_attributions(ctx, spans))
    results.sort(key=lambda a: a.loc.start)
    for e in entities:
        e.mentions.sort(key=lambda x: x.loc.start)
    return results


def _colon_attributions(ctx: Context, spans: list[_MentionSpan]) -> list[Attribution]:
    """"وزارة الصحة: مقتل 37 ..." — a headline or paragraph that opens with a source and a colon."""
    out = []
    by_last = {s.last_token: s for s in spans}
    for para in ctx.doc.paragraphs:
        start = ctx.index.at_or_after(ctx._to_norm(para.start))
        end = ctx.index.at_or_after(ctx._to_norm(para.end))
        for k in range(start, min(end, start + 10)):
            if ctx.tokens[k].text != ":":
                continue
            span = by_last.get(k - 1)
            if span is not None and span.first_token <= start + 2:
                span.mention.is_source = True
                sentence, paragraph = ctx.sentence_of(ctx.tokens[k].start)
                loc = ctx.loc(ctx.tokens[k].start, ctx.tokens[k].end)
                out.append(Attribution(ctx.new_id("a"), loc, ":", "colon", span.entity.id,
                                       sentence=sentence, paragraph=paragraph))
            break
    return out


def _mention_spans(ctx: Context, entities: list[Entity]) -> list[_MentionSpan]:
    spans = []
    for e in entities:
        for m in e.mentions:
            start = m.loc.start
            if m.title_loc is not None and m.title_loc.start < start:
                start = m.title_loc.start
            first = ctx.index.containing(ctx._to_norm(start))
            last = ctx.index.containing(max(ctx._to_norm(m.loc.end) - 1, 0))
            spans.append(_MentionSpan(m, e, first, last))
    spans.sort(key=lambda s: s.first_token)
    return spans


def _subject_after(ctx, spans, j, sentence, window=SUBJECT_WINDOW) -> Entity | None:
    k = bisect.bisect_left(_firsts(spans), j)
    for s in spans[k:]:
        if s.first_token >= j + window:
            break
        if ctx.sentence_of(ctx.tokens[s.first_token].start)[0] == sentence:
            # nothing that opens a clause may stand between the verb and its subject
            between = {ctx.tokens[x].text for x in range(j, s.first_token)}
            if between & {"ان", "انه", "بان", ":", "«", '"', "فيما", "بينما", "حيث", "،"}:
                return None  # the subject of another clause
            s.mention.is_source = True
            return s.entity
    return None


def _firsts(spans) -> list[int]:
    """first_token of each span (spans are sorted by it), cached for the last list asked about.
    The cache holds the list itself and compares identity: an id() alone can be reused by the next
    article's list once the previous one is freed, which gave stale answers."""
    if _FIRSTS and _FIRSTS[0] is spans and len(_FIRSTS[1]) == len(spans):
        return _FIRSTS[1]
    firsts = [s.first_token for s in spans]
    _FIRSTS[:] = [spans, firsts]
    return firsts


_FIRSTS: list = []


def _relay(ctx, spans, outlet: Entity, sentence, j: int) -> Entity | None:
    """نقلت وكالة "فارس" عن المتحدث ...: the source is who the outlet quotes."""
    k0 = bisect.bisect_left(_firsts(spans), j)
    for s in spans[k0:k0 + 8]:
        if s.entity is outlet:
            k = s.last_token + 1
            while k < len(ctx.tokens) and ctx.tokens[k].kind == "punct":
                k += 1
            for extra in range(0, 6):
                if k + extra < len(ctx.tokens) and ctx.tokens[k + extra].text == "عن":
                    nxt = _subject_after(ctx, spans, k + extra + 1, sentence, window=3)
                    if nxt is not None:
                        return nxt
    return None


def _subject_before(ctx, spans, i, sentence, window=PRE_SUBJECT_WINDOW) -> Entity | None:
    best = None
    # a span ending in i-window..i-1 starts at most MAX_SPAN tokens earlier
    lo = bisect.bisect_left(_firsts(spans), i - window - _MAX_SPAN)
    hi = bisect.bisect_left(_firsts(spans), i)
    for s in spans[lo:hi]:
        if i - window <= s.last_token < i and ctx.sentence_of(ctx.tokens[s.last_token].start)[0] == sentence:
            between = {ctx.tokens[k].text for k in range(s.last_token + 1, i)}
            if between & _CLAUSE_MARKERS:
                continue  # السيسي إن بلاده ستواصل: the name belongs to the outer clause
            best = s
    if best is not None:
        best.mention.is_source = True
        return best.entity
    return None


_MAX_SPAN = 40


def _same_sentence_source(results, sentence, by_id) -> Entity | None:
    for att in reversed(results):
        if att.sentence == sentence and att.source:
            return by_id.get(att.source)
        if att.sentence != sentence:
            break
    return None


def _last_person(spans, i: int, gender: str) -> Entity | None:
    """وقال: «...» after a paragraph about someone: the last named person before the verb."""
    hi = bisect.bisect_left(_firsts(spans), i)
    for s in reversed(spans[:hi]):
        if s.last_token < i and s.entity.kind == "person" and not s.entity.role_only \
                and (not gender or s.entity.gender == gender):
            return s.entity
    return None


def _last_source(history: list[Entity], gender: str) -> Entity | None:
    for e in reversed(history):
        if not gender or e.gender == gender or e.kind != "person":
            return e
    return None


def _starts_clause(ctx, j) -> bool:
    return j >= len(ctx.tokens) or ctx.tokens[j].text in _CLAUSE_START


_REPORTED_CLAUSE = frozenset({"ان", "انه", "انها", "انهم", "بان", "بانه", "بانها", ":", "الي"})


def _clause_follows(ctx, j, sentence, window: int = 6, markers=_CLAUSE_MARKERS, same_sentence=False) -> bool:
    """A reported clause (أن/إن/: or a quotation) follows within a few words."""
    for k in range(j, min(j + window, len(ctx.tokens))):
        if same_sentence and ctx.tokens[k].text in (".", "؟", "!", "؛"):
            return False
        if ctx.tokens[k].text in markers:
            return True
    return False


def _sentence_initial(ctx, i, sentence) -> bool:
    return i == 0 or ctx.sentence_of(ctx.tokens[i - 1].start)[0] != sentence


def _quote_ranges(ctx: Context, quotes: list[Quote]) -> list[tuple[int, int]]:
    return sorted((ctx._to_norm(q.loc.start), ctx._to_norm(q.loc.end)) for q in quotes
                  if q.kind == "speech" and q.balanced)  # an unclosed mark must not hide the rest of the paragraph


def _inside(ranges, pos) -> bool:
    """pos inside one of the (sorted, non-nested) quotation ranges."""
    k = bisect.bisect_left(ranges, (pos,)) - 1
    return any(s < pos < e for s, e in ranges[max(0, k - 2):k + 2])
