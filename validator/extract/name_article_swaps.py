"""A family name with the article written once with two neighbouring letters of its stem swapped
(علي الديلمي ... وأوضح الدليمي): `spellings` compares a swap only for name words without the article
(an article's noun swaps letters too: الخليفة / الخلفية), so the family name of a person's full name is
compared here, and only where the other spelling stands in a speaker's slot (`name_typos.name_slot`:
right after a reporting verb or after the person's own given name). After another given name it is
another person (سالم الديلمي / ماجد الدليمي: two families); two spellings both listed in the surnames
lexicon are two families; a word the lexicons know is no name. `name_typos.name_slot_variants` calls it;
the rule inconsistent-name reads the group (variant swapped-letters)."""
from __future__ import annotations

from validator.extract.context import Context
from validator.extract.letters import ARTICLE, WAW
from validator.extract.model import SpellingGroup
from validator.extract.letter_swaps import TRANSPOSED_MIN, neighbour_swaps
from validator.text.normalize import normalize_string

SWAPPED = "swapped-letters"
# where name_typos.name_slot finds a speaker's name (its other slots are words as often as names)
SPEAKER_SLOTS = ("after-reporting-verb", "after-same-given-name")


def article_swap_names(ctx: Context, entities, known: set[str], name_slot) -> list[SpellingGroup]:
    families: dict[str, tuple[int, int]] = {}  # a full name's family name with the article -> its first span
    tokens = ctx.tokens
    for e in entities:
        if e.kind != "person":
            continue
        for m in e.mentions:
            words = normalize_string(m.loc.text).split() if m.form == "name" else ()
            if len(words) >= 2 and words[-1].startswith(ARTICLE) and len(words[-1]) - len(ARTICLE) >= TRANSPOSED_MIN:
                last = tokens[ctx.index.containing(ctx.norm.to_normalized(m.loc.end - 1))]
                families.setdefault(words[-1], (last.start, last.end))
    present, surnames, is_non_name = ctx.distinct_texts, ctx.res["surnames"], ctx.res.is_non_name
    out = []
    for family, first in families.items():
        if is_non_name(family):
            continue
        for other in sorted(neighbour_swaps(family, len(ARTICLE)) - families.keys()):
            if not (other in present or WAW + other in present) or is_non_name(other) \
                    or surnames.lookup(family) is not None and surnames.lookup(other) is not None:
                continue
            where = [(t.start + len(t.text) - len(other), t.end) for k in ctx.positions({other, WAW + other})
                     for t in [tokens[k]]]
            slot, span = name_slot(ctx, where, family, entities)
            loc, other_loc = ctx.loc(*first), ctx.loc(*span)
            if slot not in SPEAKER_SLOTS or loc.text in known or other_loc.text in known:
                continue
            out.append(SpellingGroup(family, ((loc.text, loc), (other_loc.text, other_loc)), "person", SWAPPED, slot))
            break
    return out
