"""Letters and affixes by role, read once from rules/lexicons/affixes.txt: what the word-shape
predicates (validator/extract/patterns/shapes.py) and the entity passes test on a word's edges. The
code names a letter by its role (ARTICLE, FUTURE, MARBUTA); the letters themselves are data."""
from __future__ import annotations

import re

from validator.extract.wordclasses import affix, affixes, letters, written_affix, written_affixes
from validator.text.normalize import normalize_string

ARTICLE = affix("article")                       # ال
WORD_RUN = re.compile(r"[^\W\d_]+")               # a run of letters: a word without its digits and marks
FAMILY = written_affix("family")                 # آل, as written
NAME_CLITICS = letters("name-clitic")            # و ف ب ل
NAME_CLITIC_PREFIXES = affixes("name-clitic")
PROCLITICS = letters("clitic")                   # و ف ب ل ك
COORDINATION = letters("conjunction")            # و ف
COORDINATION_PREFIXES = affixes("conjunction")
WAW = affix("and")
FA = affix("fa")
BI = affix("bi")
LI = affix("lam")
KA = affix("ka")
PREPOSITION_CLITICS = letters("preposition-clitic")  # ب ل
PREPOSITION_PREFIXES = affixes("preposition-clitic")
IMPERFECT = letters("imperfect-prefix")          # ي ت ن
VERB_PREFIX = letters("verb-prefix")             # ي ت
IMPERFECT_OR_FUTURE = letters("imperfect-or-future")  # ي ن س
FUTURE = affixes("future-prefix")                # ست سي سن
LONG_VOWELS = letters("long-vowel")              # ا و ي
PRONOUN_SUFFIXES = affixes("pronoun")            # ه ها هم هما
MARBUTA = written_affix("marbuta")               # ة
FEMININE_PLURAL = affix("feminine-plural")       # ات
NISBA_PLURAL = affix("nisba-plural")             # يين
MASCULINE_PLURAL = affix("masculine-plural")     # ون
PLURAL_VERB = affixes("plural-verb")             # وا ون
ACCUSATIVE = affix("accusative")                 # ا
ALEF_MAKSURA = written_affix("alef-maksura")     # ى
HAMZA_BELOW = written_affix("hamza-below")       # إ
BI_HAMZA = written_affixes("bi-hamza")           # بإ بأ
NISBA_ENDING = affix("nisba-ending")             # ي
NOT_VERB_START = affix("not-verb-start")         # تح
LI_ARTICLE = affix("li-article")                 # لل
WAW_ARTICLE = WAW + ARTICLE                      # وال: a coordinated definite word
TEH, YEH, MEEM, ALEF, HEH = (affix(name) for name in ("teh", "yeh", "meem", "alef", "heh"))
CLITIC_ARTICLES = tuple(c + ARTICLE for c in (WAW, BI, FA, KA))  # وال، بال، فال، كال


def _templates(name: str) -> dict[int, tuple[tuple[tuple[int, str], ...], ...]]:
    """Word templates by length, each as its fixed letters (position, letter); the root slots ف ع ل
    stand for any letter."""
    slots = letters("root-slot")
    out: dict[int, list[tuple[tuple[int, str], ...]]] = {}
    for template in affixes(name):
        t = normalize_string(template)
        out.setdefault(len(t), []).append(tuple((k, c) for k, c in enumerate(t) if c not in slots))
    return {n: tuple(ts) for n, ts in out.items()}


VERBAL_NOUN_TEMPLATES = _templates("verbal-noun-template")
BROKEN_PLURAL_TEMPLATES = _templates("broken-plural-template")
NATIVE_WORD_TEMPLATES = _templates("native-word-template")


def fits_template(word: str, templates: dict) -> bool:
    """The word has the fixed letters of one of the templates of its length (`_templates`)."""
    return any(all(word[k] == c for k, c in fixed) for fixed in templates.get(len(word), ()))


def native_words(*words: str) -> bool:
    """Every word has a shape of an Arabic derived noun (affixes native-word-template): words of the
    language, not a foreign name, when they differ by a letter of a transliteration class (غزيرة / جزيرة)."""
    return all(fits_template(w, NATIVE_WORD_TEMPLATES) for w in words)


def few_edits(a: str, b: str, most: int = 2) -> bool:
    """a becomes b by at most `most` letters inserted, dropped or changed: one name spelled two ways differs
    by a vowel or two (ستيفان / ستافان، الأميركي / الأمريكي), two names by more (سليمان / سولومون، العميرين /
    العمراني), though their consonants may agree."""
    if abs(len(a) - len(b)) > most:
        return False
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (x != y))
        if min(row) > most:
            return False
    return row[-1] <= most


LINE = "\n"  # no key has a line break: keys as lines of one string (`key_lines`)


def key_lines(keys) -> str:
    """Keys as one string, a line each between two breaks ("" for none): held for each name of a run in
    place of a set of a dozen short strings (a tenth of a run's memory, 8 MB over 3,000 articles). A key
    is found in it by a substring test in C (LINE + key + LINE); its keys are `str.split(LINE)` off it."""
    return LINE + LINE.join(dict.fromkeys(keys)) + LINE if keys else ""


def letter_keys(words: list[str], pairs: tuple[tuple[str, str], ...]) -> list[str]:
    """Each word with the letters of `pairs` replaced (a `translate`), for many words at once: one
    `str.replace` per letter over the words joined (`translate` takes ~3 µs an Arabic word: word by
    word, it was the spelling passes' main cost)."""
    joined = "\n".join(words)  # a token holds no line break
    for old, new in pairs:
        joined = joined.replace(old, new)
    return joined.split("\n") if words else []
