"""Whether a vague source after a verb is the genitive of the noun before it, not the verb's subject."""
from __future__ import annotations

from validator.extract.letters import ACCUSATIVE, ALEF, ARTICLE, CLITIC_ARTICLES, LI_ARTICLE
from validator.extract.wordclasses import affixes, word_class

_CONJUNCTIONS = tuple(affixes("conjunction"))  # و، ف
_NOMINATIVE_PLURAL = tuple(affixes("masculine-plural"))  # ون

_TIME_WORDS = word_class("attribution-words", "time-words")
_NOT_A_HEAD = ("months", "number-words", "titles", "vague-sources-all", "nationalities",
               "source-phrases", "ordinals")


def genitive_of_noun(ctx, j: int, first: int) -> bool:
    """تنفي منع مواطنين سعوديين، أعلنت الأمانة عن زيادة عدد الدوائر: indefinite nouns from token j (right
    after the verb or its عن) up to the vague noun at token `first`: a construct, the first noun the verb's
    subject, object or topic, the vague one its last genitive (whom or what the news is about), not who
    speaks. A name no lexicon knows there is the verb's subject, and the vague noun after it its object or
    its addressee (ورفض يونكر ما تردد، وأوضحت كاتسيلي لوسائل الإعلام): no source either. Not a time word
    (أمس، مساء), an adverb in -ا (مجددا), a function word or quantifier (بعض، عدد من), a title, a nationality
    or a lexicon's source phrase: those may stand before a subject or open it."""
    if not j < first <= j + CONSTRUCT_NOUNS or first >= len(ctx.tokens):
        return False
    if (hit := ctx.hit_at("vague-sources-all", first)) is not None and hit.prefix[:1] in _CONJUNCTIONS:
        return False  # ويرى مديرو صناديق ومحللون: a second subject joined by و, no genitive
    if ctx.tokens[first].text.endswith(_NOMINATIVE_PLURAL):
        return False  # يتوقع وكلاء عقاريون: a nominative plural agrees with the noun before it, no genitive (-ين)
    if (w := ctx.word_at(j)) is not None and w.startswith(ALEF) and len(w) <= ELATIVE_LETTERS:
        return False  # وتشير أحدث المعلومات، أغلب المصادر: an elative in construct is the subject itself
    return _construct_noun(ctx, j) and all(_construct_noun(ctx, k, inner=True) for k in range(j + 1, first))


ELATIVE_LETTERS = 4  # أفعل: أحدث، أغلب، أبرز (normalized, its alef bare)
CONSTRUCT_NOUNS = 2  # indefinite nouns of a construct before its vague genitive (زيادة عدد الدوائر)


def _construct_noun(ctx, k: int, inner: bool = False) -> bool:
    """A noun that heads a construct; `inner`: inside the chain, where a quantifier is a noun too (زيادة عدد
    الدوائر), not the subject's head it is first (قال بعض المسؤولين، قال عدد من السكان)."""
    w = ctx.word_at(k)
    if w is None or len(w) < 3 or w.startswith((ARTICLE, LI_ARTICLE, *CLITIC_ARTICLES)) or w.endswith(ACCUSATIVE) \
            or w in _TIME_WORDS or ctx.res.reporting_forms.lookup(w) is not None:
        return False
    stop = ctx.hit_at("stopwords", k)  # (a verb there is a verbal noun too: منع)
    return (stop is None or stop.entry.get("kind") in (("verb", "quantifier") if inner else ("verb",))) and not any(ctx.hit_at(name, k) is not None for name in _NOT_A_HEAD)
