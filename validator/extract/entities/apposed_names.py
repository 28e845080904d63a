"""A person described by a vague noun and named right after it (وأشار أحد شهود العيان خالد الوصيفر إلى أن،
وأكد أحد السياح فهد المطيري أن، المغرد خالد المرزوق قال، كشف المراقب الدولي أنور المالك): the noun says who he
is, as a title does, and the name in apposition says which one; a named source, no anonymous one (round 166
2015-07-26/1208 L4, rejected). The name must open with a listed given name (given-names) and run to two words
or more; a body or a place there (متحدث هلال القصيم) is the noun's complement, no name, and so is باسم (متحدث باسم القصر: "in the name of"). The pass runs before
the unnamed-source passes: it makes the person with the noun as his title and holds the noun's tokens."""
from __future__ import annotations

from validator.extract.entities.one_of_place import one_of_group
from validator.extract.entities.words import IN_THE_NAME_OF, ONE_OF
from validator.extract.wordclasses import word_class

_IMPERSONAL = word_class("entity-words", "impersonal-source")  # تقرير، مصدر، بيان، دراسة: no holder's name follows


def apposed_names(reader) -> None:
    """Make each person a vague noun describes right before his name (module doc)."""
    starts = {}  # first token of the description -> (token after the vague noun, its lexicon entry)
    for k, tok in enumerate(reader.tokens):
        if reader._word(k) in ONE_OF and (k + 1) < len(reader.tokens) and not reader.used[k + 1]:
            hit = reader.ctx.hit_at("vague-sources-all", k + 1)
            if hit is not None and hit.entry.get("kind") == "phrase":
                starts[k] = (hit.j, hit.entry)  # أحد شهود العيان
            elif (group := one_of_group(reader, k + 1)) is not None:
                starts[k] = (k + 2, group)  # أحد السياح، أحد الموظفين
    for m in reader.ctx.hits("vague-sources-all"):
        if m.i in starts or (m.i - 1) in starts or m.entry.get("kind") != "head" or m.entry.get("number") != "sg" \
                or m.entry.norm in _IMPERSONAL or m.entry.get("body") == "yes":
            continue
        starts[m.i] = (m.j, m.entry)  # المغرد، المراقب الدولي، شاهد
    given = reader.res.given_names.by_norm
    for start, (j, entry) in sorted(starts.items()):
        if any(reader.used[x] for x in range(start, j)):
            continue
        j = reader._past_modifiers(j)  # المراقب الدولي، أحد المسؤولين الأمريكيين
        if j >= len(reader.tokens) or (w := reader._word(j)) is None or w not in given or w == IN_THE_NAME_OF \
                or j in reader._body_at or j in reader._place_at or reader._time_word(j):
            continue
        mention = reader._mention_at(j)
        if mention is not None:
            found, end = mention
            if found.title:
                continue
        else:
            end = reader.parse_name(j, after_title=True)
            if end - j < 2 or any(reader.used[x] for x in range(j, end)) \
                    or any(x in reader._body_at or x in reader._place_at for x in range(j + 1, end)):
                continue
        title = reader.ctx.loc(reader.tokens[start].start, reader.tokens[j - 1].end)
        if mention is not None:
            found.title, found.title_loc = title.text, title
            found.lexicon.append(entry.source)
            entity = next(e for e in reader.entities if e.id == found.entity)
            if title.text not in entity.titles:
                entity.titles.append(title.text)
        else:
            entity, _ = reader.person(j, end, entry.get("gender") or "m")
            reader.add_mention(entity, reader._name_start_offset(j), reader.tokens[end - 1].end, "name",
                               title.text, title, [entry.source])
        reader._mark(start, end)
