"""A foreign name of two words or more written once with a final s more on one word (an English plural
s, written س): a brand «سبورتس رن» in one paragraph and «سبورت رن» in the next, the word beside it the
same in both mentions. The word beside it is what makes them one name: a word with and without a final س
alone is as often two words. The longer spelling FINAL_S_MIN letters or more, no article, neither
spelling a word the lexicons know or of an Arabic
plural's or derived noun's shape (مجال / مجالس: a broken plural). `find_spellings` (spellings.py) calls it through
name_moves; the rule inconsistent-name reads the group (variant final-s)."""
from __future__ import annotations

from validator.extract.context import Context
from validator.extract.letters import ARTICLE, BROKEN_PLURAL_TEMPLATES, NATIVE_WORD_TEMPLATES, fits_template
from validator.extract.model import SpellingGroup
from validator.extract.word_facts import tagged, words_with
from validator.extract.wordclasses import word_class
from validator.text.tokens import kind_of

FINAL_S_MIN = 5  # letters of the spelling with the s
FINAL_S = "final-s"
_S = tuple(word_class("entity-words", "foreign-final-s"))
# a word long enough that ends in a final s, once per run a word: the article's few such words are the
# only ones compared with the article's words (a test of every distinct word an article cost more)
_ENDS_IN_S = tagged(lambda res: lambda w: len(w) >= FINAL_S_MIN and w.endswith(_S))


def final_s_names(ctx: Context, known: set[str], entities=()) -> list[SpellingGroup]:
    words = ctx.distinct_texts
    longer = {w: w[:-len(s)] for w in words_with(ctx, (_ENDS_IN_S,)) for s in _S
              if w.endswith(s) and w[:-len(s)] in words}
    if not longer:
        return []
    stopwords, is_non_name = ctx.res["stopwords"], ctx.res.is_non_name

    def name_like(w: str) -> bool:
        return not w.startswith(ARTICLE) and w not in known and stopwords.lookup(w) is None and not is_non_name(w)

    texts, out = ctx.texts, []
    pairs = {}  # (word, its neighbour, side) -> first token index
    for i in ctx.positions(set(longer) | set(longer.values())):
        for side in (-1, 1):
            j = i + side
            if 0 <= j < len(texts) and kind_of(texts[j]) == "word":
                pairs.setdefault((texts[i], texts[j], side), i)
    for w, stem in sorted(longer.items()):
        if not (name_like(w) and name_like(stem)) or any(fits_template(x, t) for x in (w, stem)
                                                         for t in (BROKEN_PLURAL_TEMPLATES, NATIVE_WORD_TEMPLATES)):
            continue
        for (a, neighbour, side), i in sorted(pairs.items(), key=lambda p: p[1]):
            k = pairs.get((stem, neighbour, side))
            if a != w or k is None:
                continue
            locs = sorted((ctx.loc(ctx.tokens[x].start, ctx.tokens[x].end) for x in (i, k)), key=lambda x: x.start)
            out.append(SpellingGroup(w, tuple((loc.text, loc) for loc in locs), "term", FINAL_S))
            known |= {w, stem}
            break
    return out
