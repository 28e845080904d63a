"""A plural at large one word past its reporting verb (issue 13, session 25): a preposition with its pronoun
between them (attribution-words verb-gap: في الوقت الذي رجحت فيه المصادر أن ...) or the verb's object pronoun
on the verb itself (المدينة التي تصفها المصادر الأمنية بأنها ...): the definite group right after (vague-sources
group=: المصادر، المراقبون، الخبراء) still speaks where the verb reports, as right after the bare verb. Only such
a group: an indefinite head or a person there is often the verb's object or a relay (قال له صاحبه، بيان أذاعه
صحافي), and a noun ending in ta marbuta is no verb with a pronoun (إجابة العلماء)."""
from __future__ import annotations

from validator.extract.indefinite_antecedent import _after_contrast as after_contrast, _reports_at_once as reports_at_once
from validator.extract.letters import ARTICLE, MARBUTA
from validator.extract.wordclasses import word_class

_GAP = word_class("attribution-words", "verb-gap")  # فيه، لها، عنه: between a verb and its subject


def past_gap(reader, i: int) -> bool:
    """Token i a definite vague group (vague-sources group=) right after a reporting verb and a verb-gap
    word, or right after a reporting verb that carries its object's pronoun; not a verb of relaying
    (relay=yes) nor one a person does (person=no)."""
    prev, word = reader._word(i - 1), reader._word(i) or ""
    entry = reader.res.vague_sources.lookup(word.removeprefix(ARTICLE)) if word.startswith(ARTICLE) else None
    if prev is None or entry is None or not entry.get("group") or reader.ctx.loc(reader.tokens[i - 1].start, reader.tokens[i - 1].end).text.endswith(MARBUTA):
        return False
    res = reader.res
    verb = res.reporting_forms.lookup(reader._word(i - 2) or "") if prev in _GAP else res.reporting_with_object(prev)
    return verb is not None and verb.get("person") != "no" and verb.get("relay") != "yes"


def fronted_group(reader, i: int) -> bool:
    """Token i a definite group of experts or at large (vague-sources group=experts|at-large) that opens its
    sentence or a contrast (لكن، غير أن: attribution-words contrast-openers) right before a reporting verb of
    its number that reports at once (غير أن الخبراء يشيرون إلى أن ...، المراقبون يرون أن ...): the group is
    that verb's subject, fronted, as vague as after the verb (issue 13, session 25). Not a group after و or
    a noun (وسائل الإعلام والمحللون يرون: conjoined to a source before it)."""
    ctx, word = reader.ctx, reader._word(i) or ""
    entry = reader.res.vague_sources.lookup(word.removeprefix(ARTICLE)) if word.startswith(ARTICLE) else None
    if entry is None or entry.get("group") not in ("experts", "at-large") or entry.get("number") != "pl" \
            or i + 1 >= len(reader.tokens):
        return False
    verb = reader.res.reporting_forms.lookup(reader.tokens[i + 1].text)
    if verb is None or verb.get("part") == "participle" or verb.get("subject") != "pronoun" \
            or not reports_at_once(ctx, i + 2, verb):
        return False
    return i == 0 or ctx.sentence_of(reader.tokens[i - 1].start)[0] != ctx.sentence_of(reader.tokens[i].start)[0] \
        or after_contrast(ctx, i)
