"""A long transliterated name written twice, one spelling with an inner consonant dropped and only one of
the two after a one-letter clitic (و ف ب ل ك): «فريق هامبورغر» in the body, «وهامبرغر» in a headline's
list. dropped_letter_names compares the written words, so a clitic on one side only hides the pair; here
the clitic is taken off that word and the two stems are compared the same way (name_variants._dropped:
an inner consonant, not a verb's or a verbal noun's first letters). Both written words are foreign-shaped
(name_variants._comparable: DROPPED_MIN letters less one, VOWELS_MIN long vowels, no article or native
ending, no lexicon word); the bare stem is of DROPPED_MIN letters or more.
`find_spellings` (spellings.py) calls it through name_moves; the rule inconsistent-name reads the group
(variant dropped-letter)."""
from __future__ import annotations

import re

from validator.extract.context import Context
from validator.extract.figure_context import in_link_line
from validator.extract.letters import PROCLITICS
from validator.extract.model import SpellingGroup
from validator.extract.name_variants import DROPPED_MIN, _dropped, _foreign_words


def clitic_dropped_names(ctx: Context, known: set[str], entities=()) -> list[SpellingGroup]:
    words = _foreign_words(ctx)
    if len(words) < 2:
        return []
    bare = {w[1:]: w for w in words if w[0] in PROCLITICS and w[1:] not in words and len(w) > DROPPED_MIN}
    if not bare:
        return []
    out, used, tokens = [], set(), ctx.tokens
    for longer in sorted((w for w in set(words) | set(bare) if len(w) >= DROPPED_MIN), key=lambda w: (len(w), w)):
        for k in range(1, len(longer) - 1):
            shorter = longer[:k] + longer[k + 1:]
            if not _dropped(longer, k):
                continue
            # exactly one of the two stems is read off a clitic word
            if not ((longer in words and shorter in bare) or (longer in bare and shorter in words)):
                continue
            pair = (bare.get(longer, longer), bare.get(shorter, shorter))
            if set(pair) & used:
                continue
            used |= set(pair)
            # the body's spelling first: written as often, the headline's is the slip an editor marks there
            head = ctx.doc.headline.end if ctx.doc.headline is not None else -1
            locs = sorted((ctx.loc(tokens[p].start, tokens[p].end) for p in
                           (ctx.positions({w})[0] for w in pair)), key=lambda x: (x.start < head, x.start))
            if any(loc.text in known for loc in locs):
                continue
            out.append(SpellingGroup(longer, tuple((loc.text, loc) for loc in locs), "term", "dropped-letter"))
            break
    return out


def written_count(ctx: Context, pattern: str) -> int:
    """How often pattern is written in the article, a web page's link line left out: it repeats the
    headline (رابط الخبر ...: and the headline again), so a headline's slip is not counted twice against
    the body's one right spelling (spellings._odd_one_out)."""
    text = ctx.doc.text
    return sum(not in_link_line(text, m.start()) for m in re.finditer(pattern, text))
