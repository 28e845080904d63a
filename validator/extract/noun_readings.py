"""A reporting verb's letters that the sentence shows to be a noun: no report, no subject before it."""
from __future__ import annotations

from validator.extract.context import Context
from validator.extract.wordclasses import affix, word_class
from validator.text.lexicon import LexMatch

_KA = affix("ka")  # ك
_NOUN_BEFORE = word_class("attribution-words", "noun-before")  # إلى، حول، عبر: a verbal noun after them


def read_as_noun(ctx: Context, m: LexMatch) -> bool:
    """كنفي لما تعرضت له، ذهب آخرون إلى رفض الفكرة، عبر كشف أساليبهم: ك or a preposition takes a noun,
    never a verb. (A form written with ة, في لفتة، دراسة حديثة, is a noun too, but right unnamed-source
    warnings on دراسة حديثة hang on that misreading today: not done.)"""
    return m.prefix.endswith(_KA) or (not m.prefix and ctx.word_at(m.i - 1) in _NOUN_BEFORE) or _adjective(ctx, m) \
        or _describes_noun(ctx, m)


def _describes_noun(ctx: Context, m: LexMatch) -> bool:
    """حضورا لافتا، نموا ملحوظا: a participle right after an indefinite accusative noun is its adjective
    (contexts.pattern label adjective-participle), no speech verb."""
    return not m.prefix and m.i in {a.span_start for a in ctx.patterns.find("adjective-participle")}


def _adjective(ctx: Context, m: LexMatch) -> bool:
    """موقع تابع لمؤسسة بحثية: a bare perfect (no و/ف) followed at once by the clitic of its entry's
    `adjective` (reporting-verbs) is the adjective "affiliated to", no verb of speech (round 167 corpus:
    an anonymous-source finding on the research foundation a website belongs to). The word before it is
    the noun it describes, no function word (ثم تابع لافتا إلى أن: the verb)."""
    clitic = m.entry.get("adjective")
    noun, nxt = ctx.word_at(m.i - 1), ctx.word_at(m.i + 1)  # a noun before it: not ثم تابع لافتا إلى
    return bool(clitic) and not m.prefix and nxt is not None and nxt.startswith(clitic) \
        and noun is not None and not ctx.res.is_non_name_strict(noun)
