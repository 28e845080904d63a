"""A reporting verb's subject that the entity stage did not know, read from what the sentence says of
it right after the verb: a short quoted name (an organization), an apposition (، وهي مجموعة ...) or a
relative clause that gives a person's role (التي قادت الدراسة وهي باحثة). `attributions` calls these
when no known entity is the verb's subject."""
from __future__ import annotations

from validator.extract.context import Context
from validator.extract.model import Entity, Mention, Quote
from validator.extract.wordclasses import word_class
from validator.text.normalize import normalize_string
from validator.text.punctuation import COMMAS, QUOTE_STARTS
from validator.text.tokens import Token


def _quoted_subject(ctx: Context, entities: list[Entity], quotes: list[Quote], j: int) -> Entity | None:
    """وقالت "الأرصاد" عبر الإنذار المبكر: "...": a short quoted name right after the verb, that is
    not itself speech, is who speaks: a body written in quotation marks (an organization)."""
    if j >= len(ctx.tokens) or ctx.tokens[j].text not in QUOTE_STARTS:
        return None
    start = ctx.norm.to_original(ctx.tokens[j].start)
    quote = next((q for q in quotes if q.loc.start == start), None)
    if quote is None or quote.kind == "speech" or not quote.balanced or not 1 <= quote.words <= 4:
        return None
    inside = next((e for e in entities for m in e.mentions
                   if quote.loc.start < m.loc.start and m.loc.end < quote.loc.end), None)
    if inside is not None:
        return None  # وأوضح "الدكتور نزار فقيه": a person the entity stage found (and links) already
    loc = ctx.doc.location(quote.loc.start + 1, quote.loc.end - 1)
    return _speaker(ctx, entities, "organization", loc, normalize_string(loc.text), "f")


def _speaker(ctx: Context, entities: list[Entity], kind: str, loc, key: str, gender: str, title_loc=None) -> Entity:
    """The new entity of a verb's subject, its first mention the source (with the title said of it)."""
    entity = Entity(ctx.new_id(kind[0]), kind, loc.text, key, gender)
    mention = Mention(ctx.new_id("m"), entity.id, loc, "name", title_loc.text if title_loc else None, title_loc)
    mention.first = mention.is_source = True
    entity.mentions.append(mention)
    entities.append(entity)
    return entity


# ، وهي ...، وهو ...: the pronoun that opens an apposition, with its gender
_APPOSITION = {**dict.fromkeys(word_class("attribution-words", "apposition-f"), "f"),
               **dict.fromkeys(word_class("attribution-words", "apposition-m"), "m")}


def _apposition_subject(ctx: Context, entities: list[Entity], j: int, sentence: int) -> Entity | None:
    """وقالت غرفة طوارئ كرري، وهي مجموعة تطوعية محلية، في بيان ...: a subject the entity stage did
    not know, right after the verb, that an apposition (، وهي ...) describes, is who speaks. It
    becomes an organization (a person's name would have been found by the entity stage)."""
    words: list[Token] = []
    k = j
    while k < len(ctx.tokens) and len(words) <= 5:
        t = ctx.tokens[k]
        if t.text in COMMAS:
            break
        if t.kind != "word" or ctx.res.is_non_name_strict(t.text) and not ctx.res["bodies"].lookup(t.text) \
                and not ctx.res["name-introducers"].lookup(t.text):
            return None
        words.append(t)
        k += 1
    if not 2 <= len(words) <= 5 or k + 1 >= len(ctx.tokens) or ctx.tokens[k + 1].text not in _APPOSITION:
        return None
    if ctx.sentence_of(ctx.tokens[k + 1].start)[0] != sentence:
        return None
    loc = ctx.loc(words[0].start, words[-1].end)
    return _speaker(ctx, entities, "organization", loc, " ".join(w.text for w in words),
                    _APPOSITION[ctx.tokens[k + 1].text])


_RELATIVE_GENDER = {**dict.fromkeys(word_class("attribution-words", "relative-f"), "f"),
                    **dict.fromkeys(word_class("attribution-words", "relative-m"), "m")}
RELATIVE_ROLE_WORDS = 10  # words of the relative clause where its apposition (وهي باحثة) may start
NAME_WORDS = (2, 4)      # words of a full name no lexicon knows


def _relative_subject(ctx: Context, entities: list[Entity], m, j: int, sentence: int) -> Entity | None:
    """وقالت كاترين مولر التي أشرفت على البحث وهي أستاذة في الجامعة: «...»: two to four words no
    lexicon knows right after a speech verb (an honorific before them is his title), then a relative
    pronoun that agrees with the verb, and in its clause an apposition (وهي، وهو) that gives a role (a
    title of kind role or rank): the full name of the person who speaks. Not a programme "that airs
    with our colleague" (الذي يبث مع الزميل): the role is the apposition's, said of the speaker."""
    lo, hi = NAME_WORDS
    first = j
    while first < len(ctx.tokens) and _role(ctx, first, ("honorific",)):
        first += 1  # وقال الدكتور فلان الفلاني الذي ...
    k = first
    while k < len(ctx.tokens) and k - first <= hi and ctx.tokens[k].text not in _RELATIVE_GENDER:
        t = ctx.tokens[k]
        if t.kind != "word" or ctx.res.is_non_name_strict(t.text):
            return None
        k += 1
    gender = _RELATIVE_GENDER.get(ctx.tokens[k].text) if k < len(ctx.tokens) else None
    if not lo <= k - first <= hi or gender != (m.entry.get("gender") or "m"):
        return None
    end = next((x for x in range(k + 2, min(k + 2 + RELATIVE_ROLE_WORDS, len(ctx.tokens) - 1))
                if _APPOSITION.get(ctx.tokens[x].text) == gender and _role(ctx, x + 1, ("role", "rank"))
                and all(ctx.tokens[y].kind == "word" or ctx.tokens[y].text in COMMAS and y == x - 1
                        for y in range(k + 1, x))), None)
    if end is None or ctx.sentence_of(ctx.tokens[end].start)[0] != sentence:
        return None
    loc = ctx.loc(ctx.tokens[first].start, ctx.tokens[k - 1].end)
    title_loc = ctx.loc(ctx.tokens[j if first > j else k].start, ctx.tokens[end + 1].end)
    return _speaker(ctx, entities, "person", loc, " ".join(ctx.tokens[x].text for x in range(first, k)), gender,
                    title_loc)


def _role(ctx: Context, k: int, kinds: tuple[str, ...]) -> bool:
    entry = ctx.res["titles"].lookup(ctx.tokens[k].text) if ctx.tokens[k].kind == "word" else None
    return entry is not None and entry.get("kind") in kinds


APPOSITION_TITLE_WORDS = 8  # words of a title said of the name between its two commas


def titled_subject(ctx: Context, entities: list[Entity], m, j: int, sentence: int) -> Entity | None:
    """قالت آن بوفيرت، الرئيس التنفيذي لـGSMA، إن ...: two words right after the verb that no stage read as a
    name (آن is أن once normalized, a Latin body closes the title), then between two commas a title (lexicon
    titles, kind role or rank): the full name of the person who speaks, titled (round 167: her participle
    مضيفةً fell back on an earlier vague source, an anonymous-speaker error on a named chief executive)."""
    k = j + 2
    if k + 1 >= len(ctx.tokens) or ctx.tokens[k].text not in COMMAS or not _role(ctx, k + 1, ("role", "rank")):
        return None
    for x in (j, j + 1):
        t = ctx.tokens[x]
        written = ctx.doc.text[ctx.norm.to_original(t.start):ctx.norm.to_original(t.end)]
        if t.kind != "word" or written in ctx.res.stopwords_as_written or ctx.res["titles"].lookup(t.text) \
                or x == j + 1 and ctx.res.is_non_name_strict(t.text):
            return None
    end = next((x for x in range(k + 2, min(k + 2 + APPOSITION_TITLE_WORDS, len(ctx.tokens)))
                if ctx.tokens[x].text in COMMAS), None)
    if end is None or ctx.sentence_of(ctx.tokens[end].start)[0] != sentence:
        return None
    loc, title_loc = ctx.loc(ctx.tokens[j].start, ctx.tokens[j + 1].end), ctx.loc(ctx.tokens[k + 1].start, ctx.tokens[end - 1].end)
    entity = _speaker(ctx, entities, "person", loc, f"{ctx.tokens[j].text} {ctx.tokens[j + 1].text}",
                      m.entry.get("gender") or "m", title_loc)
    entity.titles.append(title_loc.text)
    return entity
