"""A foreign person's name written in full with its surname prefix (name-particles kind=surname-prefix:
فان، دي، فون) after the given name, and once by the given name and the family name alone, the prefix
dropped (a coach written «يوهان فان بيرخ» and «يوهان بيرخ»): the short form is another name, the slip an
editor marks (round 130 missed a coach's name so written). The given name is one the lexicon knows, the
prefix no stopword (لا، لو: a negation between two words is no name's), and the short form written no
more often than the full one (a name the article writes short throughout is its own style). The two
words of the short form stand side by side, nothing between them. `find_spellings` (spellings.py) calls
it; the rule inconsistent-name reads the group (variant dropped-particle)."""
from __future__ import annotations

from validator.extract.context import Context
from validator.extract.model import SpellingGroup

DROPPED_PARTICLE = "dropped-particle"


def _prefixes(res) -> frozenset[str]:
    """The one-word surname prefixes that are no stopword (فان، دي، فون; not لا، لو), once per run."""
    memo = res.pattern_memo
    found = memo.get("surname-prefix-words")
    if found is None:
        stopwords = res["stopwords"]
        found = memo["surname-prefix-words"] = frozenset(
            e.norm for e in res["name-particles"].entries
            if e.get("kind") == "surname-prefix" and " " not in e.norm and stopwords.lookup(e.norm) is None)
    return found


def dropped_particle_names(ctx: Context, known: set[str], entities=()) -> list[SpellingGroup]:
    present = _prefixes(ctx.res) & ctx.distinct_texts
    if not present:
        return []
    tokens, texts = ctx.tokens, ctx.texts
    given, stopwords = ctx.res.given_names.by_norm, ctx.res["stopwords"]

    def family_word(k: int) -> bool:
        return 0 <= k < len(tokens) and tokens[k].kind == "word" and stopwords.lookup(texts[k]) is None \
            and texts[k] not in present

    full: dict[tuple[str, str], list[int]] = {}  # (given name, family name) -> the given name's tokens
    for k in ctx.positions(present):
        if k > 0 and tokens[k - 1].kind == "word" and texts[k - 1] in given and family_word(k + 1):
            full.setdefault((texts[k - 1], texts[k + 1]), []).append(k - 1)
    out = []
    for (name, family), at in sorted(full.items()):
        short = [k for k in ctx.positions({name}) if texts[k + 1:k + 2] == [family] and family_word(k + 1)]
        if not short or len(short) > len(at):
            continue
        locs = (ctx.loc(tokens[at[0]].start, tokens[at[0] + 2].end), ctx.loc(tokens[short[0]].start, tokens[short[0] + 1].end))
        if any(loc.text in known for loc in locs):
            continue
        out.append(SpellingGroup(name + " " + family, tuple((loc.text, loc) for loc in locs), "person", DROPPED_PARTICLE))
    return out
