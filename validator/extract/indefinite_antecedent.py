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
_CONTRAST = word_class("attribution-words", "contrast-openers")  # لكن، إلا (أن)، غير (أن)
SPAN_REACH = 8  # spans before the verb to look through for the one ending right before it
GENERIC_REACH = 6  # tokens after a generic subject's verb to its that-clause


def reports_after(ctx, word: str, j: int, entry, first: int = -1) -> bool:
    """Token j, right after the indefinite vague noun `word` (its vague-sources entry), is a reporting verb
    (not a participle, no و) of its gender: the noun is its subject, not the object of a preposition before
    it. Not a head whose bare form mostly names something else (genitive=names: حسابات ترى أن, calculations).
    A definite one only if news at large (generic=yes) opening its clause at token `first` (generic_opens)."""
    gender = entry.get("gender")
    if j >= len(ctx.tokens) or (word.startswith(_DEFINITE) and not generic_opens(ctx, first, entry)) \
            or gender not in ("m", "f") or entry.get("genitive"):
        return False
    verb = ctx.res.reporting_forms.lookup(ctx.tokens[j].text)
    return verb is not None and verb.get("part") != "participle" and verb.get("gender") == gender \
        and not ctx.tokens[j].text.startswith(_CONJUNCTIONS) and (_reports_at_once(ctx, j + 1, verb) or (
            first >= 0 and any(t.text in _THAT_CLAUSE for t in ctx.tokens[j + 1:j + GENERIC_REACH])))


def generic_opens(ctx, i: int, entry) -> bool:
    """News or statistics at large (vague-sources generic=yes: الإحصاءات، المعلومات) at token i opening its
    clause, first in its sentence or right after an impersonal phrase (يذكر أن الإحصاءات أظهرت أن، والمعلومات
    تشير إلى أن): a subject before its verb, as vague as وأظهرت الإحصاءات أن (round 93 2015-08-02/38); its
    verb's that-clause may come a few words on (أظهرت في المملكة أن). Not after a named speaker's أن: his."""
    if i < 0 or entry.get("generic") not in ("yes", "definite"):
        return False
    return i == 0 or ctx.sentence_of(ctx.tokens[i - 1].start)[0] != ctx.sentence_of(ctx.tokens[i].start)[0] \
        or any(m.j == i and not m.entry.get("continues") for m in ctx.hits("impersonal-phrases")) \
        or _after_contrast(ctx, i)


def at_large(ctx, i: int, entry) -> bool:
    """The definite vague head at token i is news at large (vague-sources generic=yes), or reports at large
    (generic=definite: وأشارت التقارير إلى أن) that no word of the same head before it in the story
    introduced (استعرض المدير التقارير المعدة ... وكشفت التقارير: the reports he reviewed), nor in a sentence
    that cites its source first (وبحسب الوكالة، فقد أشارت التقارير: what the agency relays) or tells a
    record (vague-sources record=yes: أظهرت الفحوصات الطبية ... حيث كشفت التقارير: the patient's)."""
    generic = entry.get("generic")
    if generic != "definite":
        return bool(generic)
    head = normalize_string(entry.norm)
    sentence = ctx.sentence_of(ctx.tokens[i].start)[0]
    lex = ctx.res["vague-sources"]
    before = [normalize_string(t.text) for t in ctx.tokens[:i]]
    first = i  # the sentence's first token (its tokens before i are the end of `before`)
    while first > 0 and ctx.sentence_of(ctx.tokens[first - 1].start)[0] == sentence:
        first -= 1
    same = before[first:]
    return not any(w.endswith(head) for w in before) \
        and not any((e := lex.lookup(w.removeprefix(ARTICLE))) is not None and e.get("record") == "yes" for w in same) \
        and not any(h.entry.get("kind") == "preposition" and h.j <= i and ctx.sentence_of(ctx.tokens[h.i].start)[0] == sentence
                    for h in ctx.hits("source-phrases"))  # وبحسب الوكالة، فقد أشارت التقارير: the agency's account


def _after_contrast(ctx, i: int) -> bool:
    """لكن الأنباء تشير، إلا أن التقارير أشارت، غير أن المعلومات تفيد: a contrast (attribution-words
    contrast-openers, alone or before أن) that opens the clause at token i has no speaker of its own."""
    prev = normalize_string(ctx.tokens[i - 1].text)
    return prev in _CONTRAST or (i > 1 and prev in _THAT_CLAUSE and normalize_string(ctx.tokens[i - 2].text) in _CONTRAST)


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
    if entry is None or not reports_after(ctx, ctx.tokens[s.first_token].text, i, entry, s.first_token):
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
