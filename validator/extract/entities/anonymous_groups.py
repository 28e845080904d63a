"""A group of people who asked not to be named (وعدد بعض العمال -فضلوا عدم ذكر أسمائهم- مطالبهم، اشتكى
عدد من السكان الذين طلبوا عدم الكشف عن هوياتهم من ...): the anonymity phrase says outright that they are
the article's sources and that their names were withheld, whatever verb carries what they told. A plural
people noun (lexicon people-nouns: طلاب، موظفين، سكان), indefinite or after a quantifier (بعض، عدد من), right
before the anonymity phrase (a dash, a comma or a bracket may open it) is an anonymous source."""
from __future__ import annotations

from validator.extract.letters import ARTICLE
from validator.extract.model import Entity
from validator.extract.wordclasses import one_word

_PARTITIVE = one_word("entity-words", "partitive")  # من

_OPENERS = "-–(،,"


def anonymous_groups(reader) -> None:
    """Add an unnamed source for each group of people right before an anonymity phrase (module doc)."""
    people = reader.lex["people-nouns"]
    for m in reader.ctx.hits("vague-sources-all"):
        if m.entry.get("kind") != "anonymity":
            continue
        k = m.i - 1
        if k >= 0 and reader.tokens[k].text in _OPENERS:
            k -= 1
        w = reader._word(k) if k >= 0 else None
        if w is None or reader.used[k]:
            continue
        definite = w.startswith(ARTICLE)
        entry = people.by_norm.get(w.removeprefix(ARTICLE))
        if entry is None or entry.get("number") not in ("pl", "du"):  # (موظفين: a sound plural written like the dual)
            continue
        start = k
        if reader._after_quantifier(k):
            start = k - 2 if reader._word(k - 1) == _PARTITIVE else k - 1  # عدد من الطلاب، بعض الطلاب
        elif definite:
            continue  # الطلاب الذين فضلوا ...: the students the article told of before
        if any(reader.used[x] for x in range(start, k)):
            continue
        end = m.j
        loc = reader.ctx.loc(reader.tokens[start].start, reader.tokens[end - 1].end)
        entity = Entity(reader.ctx.new_id("u"), "unnamed", loc.text, w, "m", vague=True)
        reader.entities.append(entity)
        mention = reader.add_mention(entity, reader.tokens[start].start, reader.tokens[end - 1].end, "vague",
                                     lexicon=[entry.source])
        mention.is_source = True
        reader._mark(start, k + 1)
