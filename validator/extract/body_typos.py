"""A body the lexicons know by its one-word name (rules/lexicons/bodies.txt, kind name or agency: a news
agency, a company, a network; never a head noun such as جامعة) written
elsewhere in the same article with two neighbouring letters swapped: one body mistyped, not two names
(rule inconsistent-name, variant swapped-body-letters; round 61 flagged an agency so spelled two ways in
one line). The swapped form must be a word no lexicon knows (a common word or a given name is another
word that happens to share the letters: العبرية beside العربية), and the name long enough that a swap is no everyday word.
`find_spellings` (spellings.py) calls it."""
from __future__ import annotations

from validator.extract.context import Context
from validator.extract.model import SpellingGroup
from validator.extract.letter_swaps import neighbour_swaps

SWAPPED_MIN = 5  # letters of the body's name: shorter names swap into other words too often
SWAPPED_BODY = "swapped-body-letters"


def swapped_body_names(ctx: Context, known: set[str]) -> list[SpellingGroup]:
    res, tokens = ctx.res, ctx.tokens
    names = {m.entry.norm: m.i for m in ctx.hits("bodies")
             if m.j - m.i == 1 and len(m.entry.norm) >= SWAPPED_MIN and ctx.texts[m.i] == m.entry.norm
             and m.entry.get("kind") != "head"}  # (a head noun, جامعة، صحيفة, swaps into common words: جماعة، صحفية)
    out = []
    for name, at in names.items():
        found = [p for p in ctx.positions(neighbour_swaps(name, first=1)) if _unknown(res, ctx.texts[p])]
        if not found:
            continue
        locs = sorted((ctx.loc(tokens[p].start, tokens[p].end) for p in (at, found[0])), key=lambda x: x.start)
        if any(loc.text in known for loc in locs):
            continue
        out.append(SpellingGroup(name, tuple((loc.text, loc) for loc in locs), "organization", SWAPPED_BODY))
    return out


def _unknown(res, w: str) -> bool:
    """A word no lexicon lists (as an entry or a nationality's form: العبرية) and no common word."""
    return not res.is_non_name_strict(w) and res.nationality_forms.lookup(w) is None \
        and not any(w in res.lexicons[name].by_norm for name in res.lexicons.names)
