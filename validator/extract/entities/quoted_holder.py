"""A vague role named right after in quotation marks (نقلا عن الدبلوماسي الإيراني المنشق «فلان فلاني»):
the quoted words are the holder's name, so the role is a named person's title, not an anonymous source."""
from __future__ import annotations

from validator.extract.entities.words import RELATIVES, _QUOTE_OPENERS
from validator.extract.letters import ARTICLE

ADJECTIVES_BEFORE = 2  # definite words between the role and the quoted name (المنشق، السابق), no relative
NAME_WORDS = (2, 3)  # a person's name: two or three words, none a word the lexicons know


def quoted_holder(passes, i: int, j: int, gender: str) -> bool:
    """Token j (the end of the role and its modifiers), past up to ADJECTIVES_BEFORE definite adjectives,
    opens a quotation of two or three words no lexicon knows and that look like a name (a foreign name:
    فرزاد فرهنكيان), closed right after. The person is made here, titled by the role."""
    k = j
    while k - j < ADJECTIVES_BEFORE and (w := passes._word(k)) is not None and w.startswith(ARTICLE) \
            and w not in RELATIVES:
        k += 1
    if k >= len(passes.tokens) or passes.tokens[k].text not in _QUOTE_OPENERS:
        return False
    end = passes._quoted_name_end(k)
    first = k + 1
    if end is None or end - 1 - first not in NAME_WORDS or not all(
            passes._unknown_name_word(x, first=x == first) or passes._verified(x) for x in range(first, end - 1)):
        return False
    entity, _ = passes.person(first, end - 1, gender)
    title = passes.ctx.loc(passes.tokens[i].start, passes.tokens[k - 1].end)
    passes.add_mention(entity, passes._name_start_offset(first), passes.tokens[end - 2].end, "name",
                       title.text, title, ["vague-sources"])
    passes._mark(i, end)
    return True
