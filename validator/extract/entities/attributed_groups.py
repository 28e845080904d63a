"""A group of people a source preposition attributes a claim to (وطبقا لمسافرين أبلغوا الصحيفة فإن، بحسب موظفين في
الشركة، حسب باعة وزائرين التقتهم الصحيفة): an indefinite plural of people (people-nouns number=pl, or du: موظفين, a sound plural written like the dual) right after
بحسب، حسب، وفقا ل، طبقا ل (source-phrases people=yes) is as anonymous as سكان or مواطنين there, which the
vague-sources lexicon lists (round 166 2015-07-24/1668 L5, missed). Not a definite one (بحسب الموظفين: those the
story told of), nor one with a definite genitive (بحسب عناصر التحقيق: a construct, no people), nor a noun with a pronoun
(حسب طلبه: his request, not طلبة)."""
from __future__ import annotations

from validator.extract.letters import ARTICLE, HEH, LI, MARBUTA
from validator.extract.model import Entity


def attributed_groups(reader) -> None:
    """Add an unnamed source for each such group (module doc)."""
    people = reader.lex["people-nouns"]
    for hit in reader.ctx.hits("source-phrases"):
        k = hit.j
        if hit.entry.get("people") != "yes" or k >= len(reader.tokens) \
                or reader.used[k] or (w := reader._word(k)) is None:
            continue
        entry = people.by_norm.get(w)
        if entry is None and w.startswith(LI):
            entry = people.by_norm.get(w[len(LI):])  # لمسافرين: the ل of وفقا ل، طبقا ل on the noun
        if entry is None or entry.get("number") not in ("pl", "du") or w.startswith(ARTICLE) \
                or (w.endswith(HEH) and not reader._written(k).endswith(MARBUTA)) \
                or ((nxt := reader._word(k + 1)) is not None and nxt.startswith(ARTICLE)):
            continue
        if reader.ctx.hit_at("vague-sources-all", k) is not None:
            continue  # سكان، مواطنين: the vague-source pass reads them
        j = reader._past_modifiers(k + 1)
        start = reader.tokens[k].start + (len(LI) if w not in people.by_norm else 0)
        loc = reader.ctx.loc(start, reader.tokens[j - 1].end)
        entity = Entity(reader.ctx.new_id("u"), "unnamed", loc.text, entry.norm, "m", vague=True)
        reader.entities.append(entity)
        reader.add_mention(entity, start, reader.tokens[j - 1].end, "vague", lexicon=[entry.source]).is_source = True
        reader._mark(k, j)
