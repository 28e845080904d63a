"""A reporting verb's letters that the sentence shows to be a noun: no report, no subject before it."""
from __future__ import annotations

from validator.extract.context import Context
from validator.extract.letters import MARBUTA  # ة as written: a noun's ending, never a verb's
from validator.extract.wordclasses import affix, word_class
from validator.text.lexicon import LexMatch

_KA = affix("ka")  # ك
_NOUN_BEFORE = word_class("attribution-words", "noun-before")  # إلى، حول، عبر: a verbal noun after them


def read_as_noun(ctx: Context, m: LexMatch) -> bool:
    """كنفي لما تعرضت له، ذهب آخرون إلى رفض الفكرة، عبر كشف أساليبهم: ك or a preposition takes a noun,
    never a verb; في لفتة كريمة: a finite verb's form written with ة is a noun that shares its letters."""
    if m.prefix.endswith(_KA) or (not m.prefix and ctx.word_at(m.i - 1) in _NOUN_BEFORE):
        return True
    return m.entry.get("part") == "verb" and ctx.original_text(m.start, m.end).endswith(MARBUTA)
