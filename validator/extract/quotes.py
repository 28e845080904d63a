"""Quotations: pair the marks of each paragraph, tell speech from quoted names and terms."""
from __future__ import annotations

import bisect

from validator.extract.context import Context
from validator.extract.model import Quote

PAIRS = {"«": "»", "“": "”", '"': '"', "„": "“"}
OPENERS = "«“„"
CLOSERS = "»”"
MARKS = frozenset('«»“”"„')
# A short quotation of at most this many words is a name or a term unless speech is announced.
SHORT_QUOTE_WORDS = 3
_WORDS_CAP = 7  # `classify` looks at the first words only (a short quotation's)


def find_quotes(ctx: Context) -> list[Quote]:
    text = ctx.doc.text
    paragraphs = ctx.doc.paragraphs
    quotes: list[Quote] = []
    carried: list[tuple[str, int]] = []  # an open quote carried into the next paragraph
    reopened = -1  # offset of the mark that reopens a carried quotation
    for pi, para in enumerate(paragraphs):
        stack: list[tuple[str, int]] = carried
        carried = []
        for i in range(para.start, para.end):
            ch = text[i]
            if ch not in MARKS or i == reopened:
                continue
            if ch == '"':
                if stack and stack[-1][0] == '"':
                    quotes.append(_quote(ctx, stack.pop()[1], i, '"', '"'))
                else:
                    stack.append(('"', i))
            elif ch in OPENERS and not (ch == "“" and stack and stack[-1][0] == "„"):
                stack.append((ch, i))
            else:  # a closing mark
                if stack and PAIRS[stack[-1][0]] == ch:
                    mark, start = stack.pop()
                    quotes.append(_quote(ctx, start, i, mark, ch))
                elif stack and stack[-1][0] != '"' and ch in CLOSERS:
                    # closed with the wrong kind of mark: both marks are unbalanced
                    mark, start = stack.pop()
                    quotes.append(_unbalanced(ctx, start, i + 1, mark, ch, i))
                else:
                    quotes.append(_unbalanced(ctx, i, i + 1, ch, None, i))
        straight = [q for q in quotes if q.open_mark == '"' and para.start <= q.loc.start < para.end]
        if any(not q.balanced for q in straight) or (stack and stack[-1][0] == '"'):
            for q in straight:
                if q.balanced:
                    q.ambiguous = True  # pairing of the other straight marks is a guess
        if stack:
            nxt = paragraphs[pi + 1] if pi + 1 < len(paragraphs) else None
            if nxt is not None and _continues(text, stack, nxt.start, nxt.end):
                carried = stack  # a quotation that runs on into the next paragraph
                reopened = nxt.start if text[nxt.start] == stack[-1][0] else -1
                continue
            for mark, start in stack:
                quotes.append(_unbalanced(ctx, start, para.end, mark, None, start))
    quotes.sort(key=lambda q: q.loc.start)
    for n, q in enumerate(quotes, 1):
        q.id = f"q{n}"
    return quotes


def _continues(text: str, stack: list[tuple[str, int]], start: int, end: int) -> bool:
    """Newsroom convention: a quotation that goes on reopens the next paragraph with the same mark;
    a quotation may also simply close in the next paragraph."""
    mark = stack[-1][0]
    if mark == '"':
        return False
    if text[start] == mark:
        return True
    close = PAIRS[mark]
    pos_close = text.find(close, start, end)
    pos_open = text.find(mark, start, end)
    return pos_close != -1 and (pos_open == -1 or pos_close < pos_open)


def _quote(ctx: Context, start: int, close: int, mark: str, close_mark: str) -> Quote:
    loc = ctx.doc.location(start, close + 1)
    content = ctx.doc.text[start + 1:close]
    quote = Quote("", loc, "speech", True, mark, close_mark, content=content)
    _place(ctx, quote)
    return quote


def _unbalanced(ctx: Context, start: int, end: int, mark: str, close_mark: str | None, at: int) -> Quote:
    loc = ctx.doc.location(start, end)
    content = ctx.doc.text[start + 1:end - (1 if close_mark else 0)]
    quote = Quote("", loc, "speech", False, mark, close_mark, unmatched=ctx.doc.location(at, at + 1),
                  content=content)
    _place(ctx, quote)
    return quote


def _place(ctx: Context, quote: Quote) -> None:
    sentence = ctx.doc.sentence_at(quote.loc.start)
    if sentence is not None:
        quote.sentence, quote.paragraph = sentence.index, sentence.paragraph


def classify(ctx: Context, quote: Quote, speech_cue_before: bool) -> str:
    """speech, name (وكالة أنباء "فارس") or term (a scare-quoted word)."""
    norm_start = _norm(ctx, quote.loc.start)
    # word tokens found by bisection in the article's list of word positions, not by walking the
    # quotation: thousands of unclosed quotation marks (each running to the end) stay fast
    positions = _word_positions(ctx)
    lo = bisect.bisect_left(positions, ctx.index.at_or_after(norm_start + 1))
    hi = bisect.bisect_left(positions, ctx.index.at_or_after(_norm(ctx, quote.loc.end)))
    n_words = hi - lo
    words = [ctx.tokens[positions[k]] for k in range(lo, min(hi, lo + _WORDS_CAP))]
    if not quote.balanced and n_words > SHORT_QUOTE_WORDS:
        return "speech"
    if _after_name_introducer(ctx, norm_start) or (n_words <= 2 and _after_organization(ctx, norm_start)):
        return "name" if n_words <= 6 else "speech"
    if n_words <= 3 and words and words[0].text in ctx.res.given_names.by_norm \
            and words[0].text not in ctx.res["common-given-names"].by_norm:
        return "name"  # ويعلق الأسطورة "ديغو ماردونا": a quoted person's name
    if 2 <= n_words <= 4 and words and (ctx.res["titles"].by_norm.get(words[0].text) or {}).get("kind") == "honorific":
        return "name"  # "الدكتور رجائي محمود"
    if n_words <= 4 and words and (ctx.res["name-introducers"].lookup(words[0].text)
                                   or ctx.res["bodies"].lookup(words[0].text)):
        return "name"  # «قاعدة العند العسكرية»، "فيلق القدس": the quotation is a name
    if n_words <= SHORT_QUOTE_WORDS and _nested(ctx, quote):
        return "term"  # «نرفض ما وصفه البعض بـ"الصفقة الكبرى"»: a phrase quoted inside a quotation
    if speech_cue_before and (n_words > 1 or _adjacent_cue(ctx, norm_start)):
        return "speech"
    if n_words <= SHORT_QUOTE_WORDS:
        content = " ".join(t.text for t in words)
        if content in ctx.res["bodies"].by_norm or content in ctx.res["places"].by_norm:
            return "name"
        return "term"
    return "speech"


def _word_positions(ctx: Context) -> list[int]:
    """Indices of the article's word tokens (computed once per article)."""
    positions = ctx.__dict__.get("_word_positions")
    if positions is None:
        positions = ctx.__dict__["_word_positions"] = [k for k, t in enumerate(ctx.tokens) if t.kind != "punct"]
    return positions


def _nested(ctx: Context, quote: Quote) -> bool:
    """Inside another quotation of the same paragraph (more « than » before it)."""
    para = ctx.doc.paragraph_at(quote.loc.start)
    if para is None:
        return False
    marks = ctx.__dict__.get("_mark_positions")
    if marks is None:
        text = ctx.doc.text
        marks = {m: [i for i, ch in enumerate(text) if ch == m] for m in "«»“”"}
        ctx.__dict__["_mark_positions"] = marks

    def count(mark: str) -> int:
        positions = marks[mark]
        return bisect.bisect_left(positions, quote.loc.start) - bisect.bisect_left(positions, para.start)
    return count("«") > count("»") or count("“") > count("”")


def _adjacent_cue(ctx: Context, norm_start: int) -> bool:
    """One quoted word is speech only right after ':' or قائلا."""
    i = ctx.index.at_or_after(norm_start) - 1
    return i >= 0 and ctx.tokens[i].text in (":", "قائلا", "قائله")


def _after_organization(ctx: Context, norm_start: int) -> bool:
    """هيئة الكوارث والطوارئ التركية "آفاد": a short quote right after a body's name is its acronym."""
    i = ctx.index.at_or_after(norm_start) - 1
    if i < 0 or ctx.tokens[i].kind != "word":
        return False
    bodies = ctx.hits("bodies", max(0, ctx.tokens[i].start - 80), ctx.tokens[i].end)
    if ctx.res.nationality_forms.lookup(ctx.tokens[i].text) is not None and bodies:
        return True  # هيئة الكوارث والطوارئ التركية "آفاد"
    return any(m.j == i + 1 and m.entry.get("kind") != "head" for m in bodies)


def _after_name_introducer(ctx: Context, norm_start: int) -> bool:
    i = ctx.index.at_or_after(norm_start) - 1
    # skip a lam written before the quote: لـ"الوطن"
    words = []
    while i >= 0 and len(words) < 3:
        t = ctx.tokens[i]
        if t.kind == "punct":
            break
        words.insert(0, t.text)
        i -= 1
    if words and words[-1] == "ل":
        return True  # لـ"الوطن"، لـ«عكاظ»: an outlet's name
    intro = ctx.res["name-introducers"]
    for k in range(len(words)):
        phrase = " ".join(words[k:])
        if intro.lookup(phrase) is not None:
            return True
    nationality_last = words and ctx.res.nationality_forms.lookup(words[-1])
    return bool(nationality_last and len(words) >= 2 and intro.lookup(words[-2]))


def _norm(ctx: Context, orig: int) -> int:
    return ctx._to_norm(orig)
