"""Whom a speaker told, right after the reporting verb: not the verb's subject."""
from __future__ import annotations

from validator.extract.wordclasses import affix, word_class
from validator.text.normalize import normalize_string
from validator.text.punctuation import COMMAS, QUOTE_ENDS, QUOTE_STARTS

_LAM = affix("lam")
_TIME_WORDS = word_class("attribution-words", "time-words")  # اليوم، أمس (and the days and months: lexicon months)


def told_body(ctx, s, j: int) -> bool:
    """A body whose word carries the ل clitic (لرويترز، للوكالة) right after a reporting verb at token j - 1:
    whom the speaker told (وكان مسؤول قال لرويترز إن), as a quoted outlet after a separate ل is
    (past_quoted_addressee). `s` is the body's span starting at token j."""
    tok = ctx.tokens[s.first_token].text
    while j > 1 and (ctx.tokens[j - 1].text in _TIME_WORDS or ctx.res["months"].lookup(ctx.tokens[j - 1].text) is not None):
        j -= 1  # وكان عضو في الحزب قال الخميس لرويترز: a day or a time between the verb and whom he told
    return s.entity.kind == "organization" and j > 0 and tok.startswith(_LAM) \
        and ctx.res.reporting_forms.lookup(ctx.tokens[j - 1].text) is not None \
        and (tok.startswith(_LAM + _LAM) or not normalize_string(s.mention.loc.text).startswith(_LAM))


def past_quoted_addressee(ctx, j: int, longest: int = 5) -> int:
    """وأوضح لـ"الاقتصادية" مسؤول مطلع، وقال لـ«الشرق الأوسط» مصدر: the outlet the speaker talked to,
    quoted after the ل clitic (or, after a verb with addressee=object, quoted alone before an anonymous
    head: أبلغ «الصحيفة» مصادر), stands between the verb and its subject and opens no clause, nor does a
    comma after it (وأكد لـ "الاقتصادية"، مصدر من الشركة أن). The token after its closing mark (and comma), or j."""
    tokens = ctx.tokens
    if j + 2 < len(tokens) and tokens[j].text == _LAM and tokens[j + 1].text in QUOTE_STARTS:
        for x in range(j + 2, min(j + 2 + longest, len(tokens))):
            if tokens[x].text in QUOTE_ENDS:
                return x + 2 if x + 2 < len(tokens) and tokens[x + 1].text in COMMAS else x + 1
    if 0 < j < len(tokens) - 2 and tokens[j].text in QUOTE_STARTS and (verb := ctx.res.reporting_forms.lookup(
            tokens[j - 1].text)) is not None and verb.get("addressee") == "object":
        for x in range(j + 1, min(j + 1 + longest, len(tokens))):
            if tokens[x].text in QUOTE_ENDS:
                k = x + 2 if x + 2 < len(tokens) and tokens[x + 1].text in COMMAS else x + 1
                # وأبلغ «الصحيفة» مصرفيون أن: the outlet told, with no ل, before an anonymous subject
                m = ctx.hit_at("vague-sources-all", k)
                return k if m is not None and m.entry.get("kind") in ("head", "phrase") else j
    return j
