"""A foreign name written once with one of its letters dropped (شفاينشتايجر / شفاينتايجر، تشارلتون /
تشارلون): two long words of one article, neither a word the lexicons know, that differ by one
consonant inside. `find_spellings` (spellings.py) calls it; the rule inconsistent-name reads the group
(variant dropped-letter)."""
from __future__ import annotations

from functools import partial

from validator.extract.context import Context
from validator.extract.letters import ALEF, ARTICLE, HEH, IMPERFECT, LI_ARTICLE, LONG_VOWELS, MEEM, PROCLITICS, TEH, YEH
from validator.extract.model import SpellingGroup
from validator.extract.wordclasses import affix, affixes
from validator.text.tokens import kind_of
from validator.text.wordcache import WordCache

# A transliterated name is long and rich in long vowels (ساركوزي، فيرنانديز، ليماسول), an Arabic word
# with a letter more is another word of its root (انطلاق / اطلاق، وتتواجه / وتواجه، اميركيتين /
# اميركيين). Only the longer spelling of DROPPED_MIN letters or more is compared, against a shorter
# one of DROPPED_MIN - 1 with VOWELS_MIN long vowels after its first letter; never a definite word, a
# word with an ending of Arabic inflection (affixes native-ending: a pronoun, ات، يه), an imperfect
# verb's plural (يطلقون), nor a letter dropped in the first two of a stem that starts as a verb or a
# verbal noun or a participle does (ا ت ي ن م: تتواجه / تواجه، اكتساب / اكساب، متوافقة / موافقة), nor a
# clitic more (وبتعيين / وتعيين).
DROPPED_MIN = 7
VOWELS_MIN = 2
STEM_PREFIX_LETTERS = 2
_NATIVE_ENDINGS = affixes("native-ending")
_DEFINITE_STARTS = affixes("definite-start") + (LI_ARTICLE,)
_FUTURE = affix("future")
_VERB_PLURAL = affixes("imperfect-pl")
_VERB_STARTS = IMPERFECT | {ALEF, MEEM}  # a verb, a verbal noun, a participle (متميز / مميز)


def _stem_start(w: str) -> int:
    """How many letters of w are a clitic (و ف ب ل ك, or the future س before an imperfect prefix)."""
    if w[0] in PROCLITICS or (w[0] == _FUTURE and len(w) > 1 and w[1] in IMPERFECT):
        return 1
    return 0


def _comparable(stopwords, is_non_name, w: str) -> bool:
    """w may be a transliterated name's spelling (the shorter's length, its vowels, no Arabic shape)."""
    if len(w) < DROPPED_MIN - 1 or kind_of(w) != "word" or w.endswith(_NATIVE_ENDINGS):
        return False
    skip = _stem_start(w)
    if w.startswith(_DEFINITE_STARTS) or w[skip:].startswith(ARTICLE):
        return False
    if w[skip:].startswith(YEH) and w.endswith(_VERB_PLURAL):
        return False  # (و)يطلقون: an imperfect verb's plural
    if sum(c in LONG_VOWELS for c in w[1:]) < VOWELS_MIN:
        return False
    return stopwords.lookup(w) is None and not is_non_name(w)


def _dropped(longer: str, k: int) -> bool:
    """Dropping longer's letter k makes a foreign name's other spelling: an inner consonant, not in the
    first letters of a stem shaped like a verb's or a verbal noun's."""
    if longer[k] in LONG_VOWELS:
        return False  # a long vowel more is variant long-vowel (spellings._variant_rule)
    if all(c in PROCLITICS for c in longer[:k]) and (longer[k] in PROCLITICS or longer[k] == _FUTURE):
        return False  # a clitic more: وبتعيين / وتعيين، ببلازيو / بلازيو، وسينتهي / وينتهي
    if k == len(longer) - 2 and longer[k] in (TEH, HEH):
        return False  # a feminine ت or a pronoun before the last letter: ووالدتي / ووالدي، باتجاهه / باتجاه
    skip = _stem_start(longer)
    return not (longer[skip] in _VERB_STARTS and k - skip <= STEM_PREFIX_LETTERS)


def dropped_letter_names(ctx: Context, known: set[str]) -> list[SpellingGroup]:
    memo = ctx.res.pattern_memo
    comparable = memo.get("dropped-comparable")
    if comparable is None:
        comparable = memo["dropped-comparable"] = WordCache(
            partial(_comparable, ctx.res["stopwords"], ctx.res.is_non_name))
    words = {w for w in ctx.distinct_texts if len(w) >= DROPPED_MIN - 1 and comparable[w]}
    if len(words) < 2:
        return []
    out, used = [], set()
    for longer in sorted((w for w in words if len(w) >= DROPPED_MIN), key=lambda w: (len(w), w)):  # a clitic's form after
        for k in range(1, len(longer) - 1):
            shorter = longer[:k] + longer[k + 1:]
            if shorter == longer or shorter not in words or not _dropped(longer, k):
                continue
            # ولودريان / ولوريان after لودريان / لوريان: one pair, with or without the clitic
            if {longer, shorter} & used or {longer[1:], shorter[1:]} <= used:
                continue
            used |= {longer, shorter}
            tokens = ctx.tokens
            locs = sorted((ctx.loc(tokens[p].start, tokens[p].end) for p in
                           (ctx.positions({w})[0] for w in (longer, shorter))), key=lambda x: x.start)
            if any(loc.text in known for loc in locs):
                continue
            out.append(SpellingGroup(longer, tuple((loc.text, loc) for loc in locs), "term", "dropped-letter"))
            break
    return out
