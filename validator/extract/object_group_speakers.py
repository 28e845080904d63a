"""A vague group of officials named as the object or genitive of a reaction, then the plural participle
of speech after a comma (أثار القرار غضب مسؤولين أتراك، قائلين إن ...): the group says the words, so it
is their unnamed source (round 145). The public's reaction (عدد من المواطنين، مؤكدين) is a vox pop
(attribution-words vox-pop-group), not a source editors ask to name."""
from __future__ import annotations

from validator.extract.letters import ARTICLE
from validator.extract.wordclasses import affix, word_class
from validator.text.normalize import normalize_string
from validator.text.punctuation import COMMAS


def object_group_participles(ctx, attributions, entities) -> None:
    plural = affix("participle-pl")
    public = word_class("attribution-words", "vox-pop-group")
    verbs = ctx.res["reporting-verbs"]
    ends = {}  # where a vague group's mention ends -> (its mention, entity)
    for e in entities:
        for mn in e.mentions if e.vague else ():
            ends[mn.loc.end] = (mn, e)
    if not ends:
        return
    people = {e.id: e for e in entities if e.kind == "person"}
    for a in attributions:
        if (a.source is not None and a.source not in people) or a.kind != "verb" or not a.loc.text.endswith(plural):
            continue  # a plural participle never goes on one person's words (قائلين after غضب ... named before)
        entry = verbs.lookup(normalize_string(a.phrase))
        participle = normalize_string((entry.get("participle") if entry else None) or "")
        i = ctx.index.containing(ctx.norm.to_normalized(a.loc.start))  # the token the participle starts
        if not participle or i >= len(ctx.tokens) or ctx.loc(ctx.tokens[i].start, ctx.tokens[i].end).start != a.loc.start \
                or ctx.tokens[i].text != participle.removesuffix(affix("accusative")) + plural:
            continue  # قائلين، مؤكدين: the plural of its adverbial participle only
        if i < 2 or ctx.tokens[i - 1].text not in COMMAS:
            continue
        found, extra = _group_before(ctx, ends, i - 2), 0
        if found is None and ctx.word_at(i - 2) is not None and i > 2:
            found, extra = _group_before(ctx, ends, i - 3), 1  # مسؤولين أتراك: a plural nationality no lexicon lists
        if found is None:
            continue
        mention, entity = found
        words = entity.key.split()
        head = words[0].removeprefix(ARTICLE)
        group = ctx.res["vague-sources"].lookup(words[0]) or ctx.res["vague-sources"].lookup(head)
        if group is None or group.get("number") != "pl" or head in public or len(mention.loc.text.split()) + extra < 2:
            continue  # a plural group with its nationality or office (مسؤولين أمريكيين، السياسيين السعوديين)
        if extra and ctx.tokens[i - 2].text.startswith(ARTICLE) != ctx.tokens[i - 3].text.startswith(ARTICLE):
            continue  # the word after the group agrees with it as its adjective (not مسؤولين الوزارة)
        if a.source is not None:  # the person carried over is no speaker of the plural participle
            person = people[a.source]
            person.mentions = [mn for mn in person.mentions if mn.loc.start != a.loc.start] or person.mentions
        mention.is_source = True
        a.source, a.implicit = entity.id, False


def _group_before(ctx, ends, k: int):
    """The vague group's mention whose last word is token k, with its entity, or None."""
    last = ctx.tokens[k]
    return ends.get(ctx.loc(last.start, last.end).end)
