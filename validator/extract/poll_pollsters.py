"""The pollster named right after a poll (متوسط توقعات محللين في استطلاع لـ"رويترز").

A poll or survey (lexicon source-phrases, poll=yes) is the statement of the body that ran it: when that
body's name follows the poll noun at once, after the clitic ل and quotation marks at most, it is the
poll's source, not the vague group before the noun (the analysts are its respondents; `polled_groups`
then gives what they are credited with to the pollster). The statement-source search stops at the marks
and lands on the group before (round 176 2015-07-22/220 L3, rejected: «محللين» in a market wrap).
"""
from __future__ import annotations

from validator.extract.context import Context
from validator.extract.model import Attribution, Entity
from validator.extract.wordclasses import affix
from validator.text.normalize import normalize_string

_LAM = affix("lam")  # ل
_BETWEEN = frozenset(_LAM + '"«»“”\'')  # what may stand between the poll noun and the pollster's name (normalized)


def poll_pollsters(ctx: Context, attributions: list[Attribution], entities: list[Entity]) -> None:
    """Give a poll statement whose source is vague or missing the named body right after it."""
    by_id = {e.id: e for e in entities}
    for a in attributions:
        if a.kind != "statement" or not a.lexicon:
            continue
        entry = ctx.res.lexicons.entry_at(a.lexicon)
        if entry is None or entry.get("poll") != "yes" or ((old := by_id.get(a.source)) is not None and not old.vague):
            continue
        text = ctx.doc.text
        for e in entities:
            if e.vague or e.kind == "person":
                continue
            mention = next((m for m in e.mentions if a.loc.end <= m.loc.start <= a.loc.end + 6
                            and set(normalize_string(text[a.loc.end:m.loc.start]).strip()) <= _BETWEEN), None)
            if mention is None:
                continue
            if old is not None:
                old_mention = next((m for m in old.mentions if m.is_source and m.loc.end <= a.loc.start), None)
                if old_mention is not None and not any(b.source == old.id for b in attributions if b is not a):
                    old_mention.is_source = False
            a.source, mention.is_source = e.id, True
            break
