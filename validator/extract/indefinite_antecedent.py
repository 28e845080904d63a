"""A vague source whose relative clause reports (بعد تقارير أشارت إلى أن، بعد الأنباء التي أشارت إلى أن).

Arabic writes no relative pronoun after an indefinite noun: the reporting verb right after the noun, of its
gender, opens the noun's relative clause and has it for subject, even where a preposition brings the noun
in (round 70 2015-07-22/1237: the news that said the club would release a player). Not a verb with و (a
new clause of the sentence's subject: والتقى الوزير مختصين وأكد), nor a definite noun (التقارير التي ...),
nor a participle."""
from __future__ import annotations

import bisect

from validator.extract.attribution_sources import _THAT_CLAUSE, _firsts
from validator.extract.letters import ARTICLE, CLITIC_ARTICLES, LI_ARTICLE
from validator.extract.wordclasses import affixes, word_class
from validator.text.normalize import normalize_string

_CONJUNCTIONS = tuple(affixes("conjunction"))
_DEFINITE = (ARTICLE, LI_ARTICLE, *CLITIC_ARTICLES)
_RELATIVES = word_class("attribution-words", "relatives")  # التي، الذي، الذين
SPAN_REACH = 8  # spans before the verb to look through for the one ending right before it


def reports_after(ctx, word: str, j: int, entry) -> bool:
    """Token j, right after the indefinite vague noun `word` (its vague-sources entry), is a reporting verb
    (not a participle, no و) of its gender: the noun is its subject, not the object of a preposition before
    it. Not a head whose bare form mostly names something else (genitive=names: حسابات ترى أن, calculations)."""
    gender = entry.get("gender")
    if j >= len(ctx.tokens) or word.startswith(_DEFINITE) or gender not in ("m", "f") or entry.get("genitive"):
        return False
    verb = ctx.res.reporting_forms.lookup(ctx.tokens[j].text)
    return verb is not None and verb.get("part") != "participle" and verb.get("gender") == gender \
        and not ctx.tokens[j].text.startswith(_CONJUNCTIONS) and _reports_at_once(ctx, j + 1, verb)


def _reports_at_once(ctx, k: int, verb) -> bool:
    """What it reports comes right after the verb: a that-clause (قالت إن، أفادت بأن), one after a preposition
    (أشارت إلى أن) or its topic (تحدثت عن): not its own subject first (معلومات ترى موسكو أنها), nor an adverbial
    phrase (مصادر تتحدث بشرط عدم ...)."""
    words = [ctx.tokens[x].text for x in range(k, min(k + 2, len(ctx.tokens)))]
    topic = normalize_string(verb.get("topic") or "-")
    return bool(words) and (words[0] in _THAT_CLAUSE or words[0] == topic or (
        len(words) == 2 and words[1] in _THAT_CLAUSE and normalize_string(words[0]) in ctx.res.prepositions))


def _span_ending_before(spans, i: int):
    """The span whose last token is i - 1 (spans sorted by their first token), or None."""
    k = bisect.bisect_left(_firsts(spans), i)
    return next((s for s in reversed(spans[max(k - SPAN_REACH, 0):k]) if s.last_token == i - 1), None)


def indefinite_antecedent(ctx, spans, i: int):
    """The vague source ending right before the verb at token i (no participle), when reports_after reads it
    as its subject."""
    s = _span_ending_before(spans, i)
    if s is None or not s.entity.vague or not s.entity.key:
        return None
    entry = ctx.res["vague-sources"].lookup(s.entity.key.split(" ", 1)[0])
    if entry is None or not reports_after(ctx, ctx.tokens[s.first_token].text, i, entry):
        return None
    s.mention.is_source = True
    return s.entity


def relative_reports(ctx, j: int) -> bool:
    """A relative pronoun at token j and a reporting verb after it that reports at once (الأنباء التي أشارت
    إلى أن): the noun before the pronoun is that verb's subject, even after a preposition (بعد الأنباء التي
    أشارت: round 70 2015-07-22/1237)."""
    if j + 1 >= len(ctx.tokens) or ctx.tokens[j].text not in _RELATIVES:
        return False
    verb = ctx.res.reporting_forms.lookup(ctx.tokens[j + 1].text)
    return verb is not None and verb.get("part") != "participle" and _reports_at_once(ctx, j + 2, verb)


def relative_antecedent(ctx, spans, rel: int):
    """The vague source ending right before the relative pronoun at token rel, when relative_reports."""
    if not relative_reports(ctx, rel):
        return None
    s = _span_ending_before(spans, rel)
    if s is None or not s.entity.vague:
        return None
    s.mention.is_source = True
    return s.entity
