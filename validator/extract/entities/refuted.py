"""The origin of a claim a sentence refutes (عدم صحة ما ذكر في بعض وسائل الإعلام، نفى ما تداولته مواقع):
a vague source there told nothing the article reports, so it is no source (issue 13, round 35)."""
from __future__ import annotations

from validator.extract.letters import COORDINATION_PREFIXES
from validator.extract.wordclasses import one_word, word_class

_REFUTED_HEADS = word_class("entity-words", "refuted-head")     # صحة، دقة (after عدم)
_NEGATION_NOUNS = word_class("entity-words", "negation-noun")   # عدم
_REPORT_PREPOSITIONS = word_class("entity-words", "report-preposition")  # في، عبر (ما ذكر في)
_WHAT = word_class("entity-words", "what")                     # ما
_PARTITIVE = one_word("entity-words", "partitive")            # من
_IN_IT = word_class("entity-words", "in-it")                   # فيه، فيها (ذكر فيه)
_NEGATIONS = word_class("attribution-words", "negation")       # لم، لا، ولم
_FALSITY = word_class("entity-words", "falsity")               # مغلوطة، كاذبة، مضللة
_FALSITY_NOT = word_class("entity-words", "falsity-not")       # غير، لا (غير صحيحة، لا أساس لها)
_FALSITY_HEAD = word_class("entity-words", "falsity-head")     # صحيحة، دقيقة، أساس
_NOT_YET = word_class("entity-words", "not-yet")               # على الفور، حتى الآن، بعد
_PRONOUN_SUBJECTS = word_class("entity-words", "predicate-after")  # تلك، هي، هم: a pronoun as subject
_ANSWER_HEADS = word_class("entity-words", "answer-head")      # إشارة، ردا، تعقيبا (إشارة إلى ما تناقلته)
_ANSWER_PREPOSITIONS = word_class("entity-words", "answer-preposition")  # إلى، على


def refuted_origin(reader, i: int) -> bool:
    """نفى ما تداولته مواقع، عدم صحة ما ذكر في بعض وسائل الإعلام: token i (after its quantifier) follows
    ما, a reporting verb and perhaps في or عبر, and ما follows a denial verb (reporting-verbs
    kind=denial), a refuted head after a negation (entity-words: عدم صحة) or a reply's head and its
    preposition (entity-words answer-head, answer-preposition: إشارة إلى، ردا على)."""
    k = i - 1
    if reader._after_quantifier(i):
        k -= 2 if reader._word(i - 1) == _PARTITIVE else 1
    if reader._word(k) in _REPORT_PREPOSITIONS:
        k -= 1
    if (reader.ctx.hit_at("reporting-forms", k) is None and reader.res.reporting_with_object(reader._word(k) or "") is None) \
            or reader._word(k - 1) not in _WHAT:  # ما ذكر، ما تناقلته (the verb with its object pronoun)
        return False
    before = reader._word(k - 2) or ""
    denial = reader.res.reporting_forms.lookup(before)
    return (denial is not None and denial.get("kind") == "denial") or (
        before in _REFUTED_HEADS and reader._word(k - 3) in _NEGATION_NOUNS) or (
        before in _ANSWER_PREPOSITIONS and k >= 3 and reader._word(k - 3) in _ANSWER_HEADS)  # ردا على ما نشرته: the reply's topic


def text_content(reader, i: int, entry) -> bool:
    """ذكر فيه بعض المعلومات: news at large (vague-sources generic=yes) at token i (after its quantifier)
    right after a reporting verb and في with a pronoun (entity-words in-it): what a text holds, not who speaks."""
    k = i - 1
    if reader._after_quantifier(i):
        k -= 2 if reader._word(i - 1) == _PARTITIVE else 1
    return (entry.get("generic") == "yes" and reader._word(k) in _IN_IT and reader.ctx.hit_at("reporting-forms", k - 1) is not None) \
        or unreported_news(reader, k, entry) or false_news(reader, i, entry) or carried_news(reader, k, entry)


def carried_news(reader, k: int, entry) -> bool:
    """فهذه تورد الأخبار فور وقوعها: news at large (vague-sources generic=yes) right after a reporting form at
    token k whose subject, a pronoun (entity-words predicate-after: تلك، هي، هم), stands right before it: the
    news is what that subject carries, its object, not who tells (2015-07-24/1185, rejected)."""
    return entry.get("generic") == "yes" and k > 0 and reader.ctx.hit_at("reporting-forms", k) is not None \
        and any((w := reader._word(k - 1) or "") in _PRONOUN_SUBJECTS or w.removeprefix(c) in _PRONOUN_SUBJECTS
                for c in COORDINATION_PREFIXES)  # فتلك، وهي


def false_news(reader, i: int, entry) -> bool:
    """وردت معلومات مغلوطة عن، تداول أخبار كاذبة، أنباء غير صحيحة: news at large (vague-sources generic=yes
    or denied=object) at token i whose next word calls it false: the claim denied, not who told it
    (round 143 2015-07-21/1507, rejected)."""
    if entry.get("generic") != "yes" and entry.get("denied") != "object":
        return False
    j = i + len(entry.norm.split(" "))
    nxt = reader._word(j)
    return nxt in _FALSITY or (nxt in _FALSITY_NOT and reader._word(j + 1) in _FALSITY_HEAD)


def unreported_news(reader, k: int, entry) -> bool:
    """ولم ترد أنباء عن خسائر، لا معلومات عن مصيرهم: news at large (vague-sources generic=yes, or a phrase
    opening with such a head) right after a negation, or after a reporting form right after one: no news
    came, a claim of nobody's (round 92 2015-07-27/341, rejected). لا تزال أنباء تتوارد still reports. An
    adverbial of time between (entity-words not-yet: ولم ترد على الفور أنباء عن) leaves it unreported."""
    for n in (2, 1):
        if k - n >= 0 and " ".join(reader._word(x) or "" for x in range(k - n + 1, k + 1)) in _NOT_YET:
            k -= n
            break
    head = reader.lex["vague-sources"].lookup(entry.norm.split(" ", 1)[0])
    if not (entry.get("generic") == "yes" or (head is not None and head.get("generic") == "yes")):
        return False
    return reader._word(k) in _NEGATIONS or (
        reader.ctx.hit_at("reporting-forms", k) is not None and reader._word(k - 1) in _NEGATIONS)
