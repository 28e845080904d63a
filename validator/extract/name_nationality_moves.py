"""A foreign name written twice right after the same nationality adjective (الصربي «...»), once with an
inner letter moved and another dropped: a sports page's «الصربي توبيتش» in one paragraph and «الصربي
تويبش» in the next is one player. The nationality before both spellings is what makes them one name:
without it two spellings two letters apart are as often two words. Both spellings NAT_MIN letters or
more (the longer one letter more), VOWELS_MIN long vowels after the first letter, the same first and
last letter, the shorter's letters all among the longer's, no article, no lexicon's word; a spelling
one dropped letter off is the other variant passes' (dropped-letter). `find_spellings` (spellings.py)
calls it through name_moves; the rule inconsistent-name reads the group (variant nationality-moved)."""
from __future__ import annotations

from collections import Counter

from validator.extract.context import Context
from validator.extract.letters import ARTICLE
from validator.extract.model import SpellingGroup
from validator.extract.name_variants import VOWELS_MIN, vowels_after_first
from validator.extract.word_facts import tagged, words_with
from validator.text.tokens import kind_of

NAT_MIN = 5  # letters of the shorter spelling
NATIONALITY_MOVED = "nationality-moved"
# a nationality adjective with the article (الصربي), once per run a word: an article's few are found in
# C (a look-up of each of its distinct words, article after article, cost more than the pass)
_NATIONALITY = tagged(lambda res: lambda w: w.startswith(ARTICLE) and res.nationality_forms.lookup(w) is not None)


def _one_drop(longer: str, shorter: str) -> bool:
    return any(longer[:k] + longer[k + 1:] == shorter for k in range(len(longer)))


def _moved_and_dropped(longer: str, shorter: str) -> bool:
    """shorter is longer with one letter dropped and one other moved (not one drop alone)."""
    if len(longer) != len(shorter) + 1 or longer[0] != shorter[0] or longer[-1] != shorter[-1]:
        return False
    if Counter(shorter) - Counter(longer) or _one_drop(longer, shorter):
        return False
    return any(_one_drop(longer, shorter[:k] + shorter[k + 1] + shorter[k] + shorter[k + 2:])
               for k in range(1, len(shorter) - 2))


def nationality_moved_names(ctx: Context, known: set[str], entities=()) -> list[SpellingGroup]:
    stopwords, is_non_name = ctx.res["stopwords"], ctx.res.is_non_name
    adjectives = words_with(ctx, (_NATIONALITY,))
    if not adjectives:
        return []
    texts, after = ctx.texts, {}
    for i in ctx.positions(adjectives):
        j = i + 1
        while j < len(texts) and j <= i + 2 and kind_of(texts[j]) != "word":
            j += 1  # an opening quote (الصربي «...»)
        if j < len(texts) and kind_of(texts[j]) == "word":
            after.setdefault(texts[i], {}).setdefault(texts[j], j)

    def name_like(w: str) -> bool:
        return len(w) >= NAT_MIN and not w.startswith(ARTICLE) and vowels_after_first(w) >= VOWELS_MIN \
            and w not in known and stopwords.lookup(w) is None and not is_non_name(w)

    out = []
    for words in after.values():
        names = sorted((w for w in words if name_like(w)), key=lambda w: (len(w), w))
        for shorter in names:
            for longer in names:
                if shorter in known or longer in known or not _moved_and_dropped(longer, shorter):
                    continue
                locs = sorted((ctx.loc(ctx.tokens[words[w]].start, ctx.tokens[words[w]].end) for w in (longer, shorter)),
                              key=lambda x: x.start)
                out.append(SpellingGroup(longer, tuple((loc.text, loc) for loc in locs), "term", NATIONALITY_MOVED))
                known |= {longer, shorter}
    return out
