"""A family name written with the family particle آل (عبد الله آل سالم) and once as one word with the
article (وأكد المهندس السالم): one person's name written two ways. The one-word spelling counts only where
each of its writings stands in a speaker's slot (`name_typos.name_slot`: right after a reporting verb, maybe with the person's title
between, or right after the given name the full name gives before آل; written
anywhere else it is a name the article uses on its own: مجموعة السالم); a word so spelled that closes another person's full
name is another family, and a word the lexicons know is no name. Normalizing folds آ to ا, so the
particle is the lone word ال before the family name. `name_typos.name_slot_variants` calls it; the rule
inconsistent-name reads the group (variant family-particle)."""
from __future__ import annotations

from validator.extract.context import Context
from validator.extract.letters import ARTICLE, WAW
from validator.extract.model import SpellingGroup
from validator.extract.name_article_swaps import SPEAKER_SLOTS as _SPEAKER_SLOTS
from validator.text.normalize import normalize_string

FAMILY_PARTICLE = "family-particle"
FAMILY_MIN = 3  # letters of the family name after the particle


def particle_family_names(ctx: Context, entities, known: set[str], name_slot) -> list[SpellingGroup]:
    families: dict[str, tuple[tuple[int, int], str]] = {}  # the one-word spelling -> the full name's span, given name
    closing: set[str] = set()  # the last words of other persons' names
    tokens, texts = ctx.tokens, ctx.texts
    for e in entities:
        if e.kind != "person":
            continue
        for m in e.mentions:
            words = normalize_string(m.loc.text).split() if m.form == "name" else ()
            if len(words) >= 2:
                closing.add(words[-1])
            if len(words) >= 3 and words[-2] == ARTICLE and not words[-1].startswith(ARTICLE) and len(words[-1]) >= FAMILY_MIN:
                first = tokens[ctx.index.containing(ctx.norm.to_normalized(m.loc.start))].start
                last = tokens[ctx.index.containing(ctx.norm.to_normalized(m.loc.end - 1))].end
                families.setdefault(ARTICLE + words[-1], ((first, last), words[-3]))
    present, is_non_name = ctx.distinct_texts, ctx.res.is_non_name
    out = []
    for other, (first, given) in families.items():
        if not (other in present or WAW + other in present) or other in closing or is_non_name(other):
            continue
        placed = []  # each writing of the one word, where it stands
        for k in sorted(ctx.positions({other, WAW + other})):
            t = tokens[k]
            span = (t.start + len(t.text) - len(other), t.end)
            slot, _ = name_slot(ctx, [span], other, entities, {given: first[0]})
            if slot not in _SPEAKER_SLOTS and k >= 1 and ctx.res["titles"].lookup(texts[k - 1]) is not None:
                slot, _ = name_slot(ctx, [(tokens[k - 1].start, tokens[k - 1].end)], other, [], None)  # (وأردف المهندس السالم)
            if slot == _SPEAKER_SLOTS[1] and texts[k - 1] != given:
                slot = ""  # (another name's given word: قصر أبي السعود, a place, beside الملك ... آل سعود)
            placed.append((slot, span))
        # the one word written anywhere else is a name the article uses on its own: a body's, a
        # place's (مجموعة السالم، قصر أبي السالم), not the person's name mistyped
        if not placed or any(slot not in _SPEAKER_SLOTS for slot, _ in placed):
            continue
        slot, span = placed[0]
        loc, other_loc = ctx.loc(*first), ctx.loc(*span)
        if loc.text not in known and other_loc.text not in known:
            out.append(SpellingGroup(other, ((loc.text, loc), (other_loc.text, other_loc)), "person", FAMILY_PARTICLE, slot))
    return out
