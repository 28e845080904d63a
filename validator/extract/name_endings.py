"""A family name whose final long vowel is written once as another one (an alef for a ya): the same
person's name mistyped, not two names. `find_spellings` (spellings.py) calls it; the rule
inconsistent-name reads the group (variant final-vowel)."""
from __future__ import annotations

from validator.extract.context import Context
from validator.extract.letters import ALEF, ARTICLE, NISBA_ENDING
from validator.extract.model import SpellingGroup
from validator.extract.name_typos import slot_group

# A family name with the article that ends in an alef (عبدالله المهنا، خالد الدوسا), written once with a
# ya in its place where a name stands: right after a reporting verb, or after the person's own given
# name (وأوضح المهني / سالم المهنا). The ya spelling is often a word of the language (المهني "the
# professional"): the slot, not the word, says it is the name; only the alef spelling must be no word the
# lexicons know, and the person's given name must stand before one of the two (`name_typos.slot_group`: after
# another given name it is another person). Round 64 flagged such a name twice.
FINAL_VOWEL_MIN = 5  # letters of the family name with its article: shorter ones are words (الما، الذي)


def final_vowel_names(ctx: Context, known: set[str]) -> list[SpellingGroup]:
    words = ctx.distinct_texts
    stopwords, is_non_name = ctx.res["stopwords"], ctx.res.is_non_name
    out = []
    for alef in sorted(w for w in words if len(w) >= FINAL_VOWEL_MIN and w.endswith(ALEF) and w.startswith(ARTICLE)):
        ya = alef[:-1] + NISBA_ENDING
        if ya not in words or stopwords.lookup(alef) is not None or is_non_name(alef) \
                or stopwords.lookup(ya) is not None:
            continue
        out += slot_group(ctx, alef, ya, known, "final-vowel")
    return out
