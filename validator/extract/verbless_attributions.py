"""Attributions with no reporting verb: a source and a colon opening a headline or a paragraph
(وزارة الصحة: ...), a headline's sources that told an outlet (مصادر لـ”الوئام” ...), and a sentence of
nothing but a quotation that goes on quoting the speaker of the sentence before."""
from __future__ import annotations

from itertools import compress

from validator.extract.attribution_sources import _MentionSpan
from validator.extract.context import Context
from validator.extract.model import Attribution, Quote
from validator.extract.patterns.matcher import token_positions
from validator.extract.wordclasses import affix, word_class
from validator.text.normalize import normalize_string
from validator.text.punctuation import QUOTE_MARKS

_LAM = affix("lam")  # ل


def _quote_runs(ctx: Context, quotes: list[Quote], results: list[Attribution], by_id) -> list[Attribution]:
    """وكان المالكي قال: “...”.. “...”: a sentence that is nothing but a quotation, right after a
    sentence whose quotation has a speaker, goes on quoting that speaker."""
    out = []
    by_sentence: dict[int, list[Attribution]] = {}
    for a in results:
        by_sentence.setdefault(a.sentence, []).append(a)
    speech = [q for q in quotes if q.kind == "speech" and q.balanced]
    quoted = {q.sentence for q in speech}
    for q in speech:
        if q.sentence in by_sentence or q.sentence - 1 not in quoted:
            continue
        sourced = [a for a in by_sentence.get(q.sentence - 1, []) if a.source]
        if not sourced or not _opens_sentence(ctx, q):
            continue
        entity = by_id.get(sourced[-1].source)
        if entity is None or entity.vague:
            continue  # a run of an anonymous source's words stays unnamed
        end = ctx.norm.to_normalized(q.loc.end)
        out.append(Attribution(ctx.new_id("a"), ctx.loc(end, end), "continuation", "continuation", entity.id,
                               sentence=q.sentence, paragraph=q.paragraph, implicit=True))
        by_sentence.setdefault(q.sentence, []).append(out[-1])
    return out


_QUOTE_JOINERS = word_class("attribution-words", "quote-joiners")


def _opens_sentence(ctx: Context, q: Quote) -> bool:
    i = ctx.index.at_or_after(ctx.norm.to_normalized(q.loc.start)) - 1
    while i >= 0 and ctx.sentence_of(ctx.tokens[i].start)[0] == q.sentence:
        if ctx.tokens[i].kind != "punct" and ctx.tokens[i].text not in _QUOTE_JOINERS:
            return False
        i -= 1
    return True


def _before_quoted_name(ctx: Context, k: int, longest: int = 4) -> int:
    """مصادر "الوطن": ... / مصادر لـ”الوئام”: ...: the token before a short quoted name (the outlet whose
    sources speak, after the ل clitic or not) that ends right before token k, or -1. Any quotation mark
    opens or closes it: news sites type ” on both sides as often as the paired marks."""
    if k < 1 or ctx.tokens[k - 1].text not in QUOTE_MARKS:
        return -1
    for x in range(k - 2, max(k - 2 - longest, 0), -1):
        if ctx.tokens[x].text in QUOTE_MARKS:
            if x == k - 2:
                return -1
            return x - 2 if x >= 2 and ctx.tokens[x - 1].text == _LAM else x - 1
    return -1


def _addressed(ctx: Context, span: _MentionSpan, start: int) -> bool:
    """وقال نيل لوسائل إعلام محلية: — a source after the paragraph's first word with the ل clitic is whom the
    speaker before it told, not who speaks."""
    tok = ctx.tokens[span.first_token].text
    return span.first_token > start and tok.startswith(_LAM) and not span.mention.loc.text.lstrip().startswith(tok[:2])


def _colon_attributions(ctx: Context, spans: list[_MentionSpan]) -> list[Attribution]:
    """"وزارة الصحة: مقتل 37 ..." — a headline or paragraph that opens with a source and a colon."""
    out = []
    by_last = {s.last_token: s for s in spans}
    for k in token_positions(ctx.texts, ":"):  # the colons, found in C
        # رابط الخبر: مسؤول يمني: ألف قتيل — a source and a colon right after another colon
        tok = ctx.tokens[k]
        if k < 2:
            continue
        span = by_last.get(k - 1)
        if span is not None and span.first_token >= 1 and ctx.tokens[span.first_token - 1].text == ":":
            span.mention.is_source = True
            sentence, paragraph = ctx.sentence_of(tok.start)
            out.append(Attribution(ctx.new_id("a"), ctx.loc(tok.start, tok.end), ":", "colon", span.entity.id,
                                   sentence=sentence, paragraph=paragraph))
    for para in ctx.doc.paragraphs:
        start = ctx.index.at_or_after(ctx.norm.to_normalized(para.start))
        end = ctx.index.at_or_after(ctx.norm.to_normalized(para.end))
        opening = ctx.texts[start:min(end, start + 10)]
        if ":" not in opening:  # most paragraphs: decided in C
            continue
        for k in compress(range(start, start + len(opening)), map(":".__eq__, opening)):
            span = by_last.get(k - 1) or by_last.get(_before_quoted_name(ctx, k))
            if span is not None and span.first_token <= start + 2 and not _group_named_in_lead(span, spans) \
                    and not _addressed(ctx, span, start) and not _imperative(span):
                span.mention.is_source = True
                sentence, paragraph = ctx.sentence_of(ctx.tokens[k].start)
                loc = ctx.loc(ctx.tokens[k].start, ctx.tokens[k].end)
                out.append(Attribution(ctx.new_id("a"), loc, ":", "colon", span.entity.id,
                                       sentence=sentence, paragraph=paragraph))
            break
    out.extend(_headline_outlet_sources(ctx, by_last))
    return out


_IMPERATIVES = word_class("vague-sources", "yes", "imperative")  # شاهد: "watch"


def _imperative(span: _MentionSpan) -> bool:
    """شاهد: ... opening a headline: the imperative "watch" before what a video shows, no witness."""
    return normalize_string(span.mention.loc.text.strip()) in _IMPERATIVES


def _group_named_in_lead(span: _MentionSpan, spans: list[_MentionSpan]) -> bool:
    """خبراء: ... over a lead whose group of experts the body names (أكد خبراء في القانون ... وقال المستشار
    القانوني فلان): the headline's group are those named speakers, identified like the lead's."""
    text = span.mention.loc.text
    return span.entity.vague and any(
        not s.entity.vague and s.entity.kind == "person"
        and any(m.form == "title" and m.title == text and m.loc.start > span.mention.loc.start for m in s.entity.mentions)
        for s in spans)


def _headline_outlet_sources(ctx: Context, by_last: dict) -> list[Attribution]:
    """مصادر لـ”الوئام” المالكي لم يكن ...: a headline that opens with sources, the ل clitic and the outlet's
    quoted name, and goes on with no colon: the rest of the headline is what the sources told the outlet."""
    headline = ctx.doc.headline
    if headline is None:
        return []
    start = ctx.index.at_or_after(ctx.norm.to_normalized(headline.start))
    end = ctx.index.at_or_after(ctx.norm.to_normalized(headline.end))
    for span in by_last.values():
        k = span.last_token + 1
        if span.first_token > start + 1 or k + 3 >= end or ctx.tokens[k].text != _LAM \
                or ctx.tokens[k + 1].text not in QUOTE_MARKS:
            continue
        close = next((x for x in range(k + 3, min(k + 7, end)) if ctx.tokens[x].text in QUOTE_MARKS), None)
        if close is None or close + 1 >= end or ctx.tokens[close + 1].text == ":":
            continue  # no claim after the name, or the colon form the paragraph loop reads
        span.mention.is_source = True
        tok = ctx.tokens[k]
        sentence, paragraph = ctx.sentence_of(tok.start)
        return [Attribution(ctx.new_id("a"), ctx.loc(tok.start, tok.end), tok.text, "colon", span.entity.id,
                            sentence=sentence, paragraph=paragraph)]
    return []
