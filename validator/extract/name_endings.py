"""A family name written once another way at its edge: its final long vowel as another one (an alef
for a ya), or a particle's family name by its last word alone (ولد الشيخ أحمد / ولد أحمد). The same
person's name mistyped, not two names. `find_spellings` (spellings.py) calls them; the rule
inconsistent-name reads the groups (variants final-vowel, dropped-middle)."""
from __future__ import annotations

from dataclasses import replace

from validator.extract.context import Context
from validator.extract.letters import ALEF, ARTICLE, NISBA_ENDING
from validator.extract.model import SpellingGroup
from validator.extract.name_typos import slot_group
from validator.extract.word_facts import tagged, words_with
from validator.text.normalize import normalize_string

# A family name with the article that ends in an alef (عبدالله المهنا، خالد الدوسا), written once with a
# ya in its place where a name stands: right after a reporting verb, or after the person's own given
# name (وأوضح المهني / سالم المهنا). The ya spelling is often a word of the language (المهني "the
# professional"): the slot, not the word, says it is the name; only the alef spelling must be no word the
# lexicons know, and the person's given name must stand before one of the two (`name_typos.slot_group`: after
# another given name it is another person). Round 64 flagged such a name twice.
FINAL_VOWEL_MIN = 5  # letters of the family name with its article: shorter ones are words (الما، الذي)


def _alef_ending(res):
    """The test of a word that may be such a family name's alef spelling, whatever the article."""
    stopwords, is_non_name = res["stopwords"], res.is_non_name
    return lambda w: len(w) >= FINAL_VOWEL_MIN and w.endswith(ALEF) and w.startswith(ARTICLE) \
        and stopwords.uncached_lookup(w) is None and not is_non_name(w) \
        and stopwords.uncached_lookup(w[:-1] + NISBA_ENDING) is None


_ALEF_ENDING = tagged(_alef_ending)  # once per run a word


def final_vowel_names(ctx: Context, known: set[str]) -> list[SpellingGroup]:
    words = ctx.distinct_texts
    out = []
    for alef in sorted(words_with(ctx, (_ALEF_ENDING,))):
        ya = alef[:-1] + NISBA_ENDING
        if ya in words:
            out += slot_group(ctx, alef, ya, known, "final-vowel")
    return out


# A family name that a particle opens (family=yes in name-particles: a Mauritanian ولد الشيخ أحمد),
# written whole or by its first word (ولد الشيخ) as the person's short name, and once by the particle and
# its LAST word alone (وتلقى ولد أحمد): the middle word dropped makes another name, not a short form
# (round 64 flagged it). The whole name must follow a given name once (the person's full name) and be
# written again alone (so it is the article's short form); the short one must follow no given name (محمد
# ولد أحمد is another person) nor run on into a given name (ولد أحمد سالم: another family).
def dropped_middle_names(ctx: Context, known: set[str]) -> list[SpellingGroup]:
    tokens, texts = ctx.tokens, ctx.texts
    particles = ctx.res["name-particles"]
    given = ctx.res.given_names.by_norm
    openers = {e.norm for e in particles.entries if e.get("family") == "yes"}
    out = []
    for p in sorted(openers & ctx.distinct_texts):
        at = sorted(ctx.positions({p}))
        whole = [k for k in at if k + 2 < len(tokens) and _name_words(ctx, k + 1, k + 3)]
        full = {(texts[k + 1], texts[k + 2]) for k in whole if k and texts[k - 1] in given}
        for middle, last in sorted(full):
            again = [k for k in whole if (texts[k + 1], texts[k + 2]) == (middle, last) and not (k and texts[k - 1] in given)]
            short = [k for k in at if k + 1 < len(tokens) and texts[k + 1] == last and not (k and texts[k - 1] in given)
                     and not (k + 2 < len(tokens) and texts[k + 2] in given)]
            if not again or not short:
                continue
            locs = (ctx.loc(tokens[again[0]].start, tokens[again[0] + 2].end), ctx.loc(tokens[short[0]].start, tokens[short[0] + 1].end))
            if not any(loc.text in known for loc in locs):
                out.append(SpellingGroup(p + " " + last, tuple((loc.text, loc) for loc in sorted(locs, key=lambda x: x.start)),
                                         "person", "dropped-middle"))
    return out


def _name_words(ctx: Context, i: int, j: int) -> bool:
    """Tokens i..j-1 are words that may be a name's: no stopword, and the last no common word either (a
    middle one may be: ولد الشيخ أحمد)."""
    tokens, texts, stopwords = ctx.tokens, ctx.texts, ctx.res["stopwords"]
    return j <= len(tokens) and all(tokens[k].kind == "word" and stopwords.lookup(texts[k]) is None for k in range(i, j)) \
        and not ctx.res.is_non_name(texts[j - 1])


def headline_first(ctx: Context, group: SpellingGroup) -> SpellingGroup:
    """The group with its flagged spelling (the second form) placed in the headline when the headline
    writes it as a word of its own and the group placed it later: the headline's slip is where an editor
    reads it first (round 83: a coach's name one long vowel off in the headline, found at a later link)."""
    if len(group.forms) < 2:
        return group
    group = listed_first(ctx, group)
    headline, (form, loc) = ctx.doc.headline, group.forms[1]
    if headline is None or loc.start < headline.end:
        return group
    at = ctx.doc.text.find(form, headline.start, headline.end)
    while at != -1 and (ctx.doc.text[at - 1:at].isalpha() or ctx.doc.text[at + len(form):at + len(form) + 1].isalpha()):
        at = ctx.doc.text.find(form, at + 1, headline.end)
    if at == -1:
        return group
    return replace(group, forms=(group.forms[0], (form, ctx.doc.location(at, at + len(form))), *group.forms[2:]))


# A public figure's name as the lexicon spells it (public-figures: ستيفان دي ميستورا) is the person's
# spelling: where the article writes a word of it another way more often (دي مستورا three times, the
# lexicon's spelling twice), the other spelling is the slip an editor marks, whatever the counts (round
# 128: the envoy's name one long vowel short in the body, flagged at the headline's right spelling).
def listed_first(ctx: Context, group: SpellingGroup) -> SpellingGroup:
    """The group with its two first forms swapped when the flagged one (the second) is a word of a
    public figure's name in the lexicon and the other is not; a person's name only."""
    if group.kind != "person":
        return group
    words = ctx.res.pattern_memo.get("public-figure-words")
    if words is None:
        words = ctx.res.pattern_memo["public-figure-words"] = frozenset(
            w for e in ctx.res["public-figures"].entries for w in e.norm.split())
    (first, loc_first), (flagged, loc_flagged) = group.forms[:2]
    if normalize_string(flagged) in words and normalize_string(first) not in words:
        return replace(group, forms=((flagged, loc_flagged), (first, loc_first), *group.forms[2:]))
    return group
