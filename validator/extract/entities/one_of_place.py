"""One of a group who speaks from where he works or stays (وقال أحد العاملين في المصنع لـ«الصحيفة»: «...»):
the place and the outlet he told stand between the group and the colon, quotation mark or إن that opens
his words."""
from __future__ import annotations

from validator.extract.entities.words import ONE_OF, REPORT_THAT, _QUOTE_OPENERS
from validator.extract.letters import ARTICLE, LI, NISBA_PLURAL
from validator.extract.patterns.shapes import group_plural, verb as _verb_like
from validator.extract.wordclasses import word_class
from validator.text.punctuation import COMMAS, QUOTE_ENDS

_AFFILIATION = word_class("entity-words", "affiliation-preposition")  # في، من، لدى
_REPORT_THAT = REPORT_THAT | word_class("entity-words", "report-that-bi")  # إن، أن، بأن
_APPOSITION = word_class("entity-words", "apposition-pronoun")  # وهو، وهي
DESCRIPTION_REACH = 16  # tokens of «، وهو ...» between the group and the colon of his words


def report_past_place(reader, k: int, reach: int = 10, lead_in=None) -> bool:
    """From token k (the word after أحد and his group): perhaps a preposition of affiliation and the place after it (its definite adjectives and
    genitives: في المستشفى العسكري، في مصنع الإسمنت), then perhaps the outlet he told with ل (لـ«الصحيفة»،
    للصحيفة), then a colon, a quotation mark or إن/أن: his words. No verb, comma or other mark between."""
    tokens, word = reader.tokens, reader._word
    if lead_in is not None and lead_in.entry.get("kind") == "statement" and lead_in.prefix == "":
        return True  # تصريح أحد المسؤولين: the statement noun is his report, whatever follows
    if any(tokens[x].text == ":" or word(x) in _REPORT_THAT or (tokens[x].text in _QUOTE_OPENERS and word(x - 1) != LI)
           for x in range(k, min(k + 3, len(tokens)))):
        return True  # وقال أحد الباعة بغضب: «...» (as any speaker); not لـ«رويترز»: whom he told
    if _described_then_colon(reader, k):
        return True  # وقال أحد المرضى، وهو جندي أصيب في المواجهات: «...»
    place = word(k) in _AFFILIATION
    x, end = k + place, min(k + reach, len(tokens))
    while x < end:
        text, w = tokens[x].text, word(x)
        if text == ":" or w in _REPORT_THAT:
            return True
        if text in _QUOTE_OPENERS:
            if word(x - 1) != LI:
                return True  # the quotation itself
            close = next((y for y in range(x + 1, end) if tokens[y].text in QUOTE_ENDS), None)
            if close is None:
                return False
            x = close + 1  # لـ«الشرق»: the outlet he told
            continue
        if _described_then_colon(reader, x):
            return True
        if w is None or _verb_like(w) or ((x > k + 1 or not place) and not w.startswith((ARTICLE, LI))):
            return False  # (the place's first noun may be indefinite: في مصنع الإسمنت; وهو التاجر فلان: named)
        x += 1
    return False


def _described_then_colon(reader, x: int) -> bool:
    """A comma and وهو/وهي at token x, then who he is (وهو جندي أصيب في المواجهات، حسب قوله) up to a colon
    and a quotation mark: the description of the one who speaks, no other mark between."""
    tokens, word = reader.tokens, reader._word
    if x >= len(tokens) or tokens[x].text not in COMMAS or word(x + 1) not in _APPOSITION:
        return False
    for y in range(x + 2, min(x + 2 + DESCRIPTION_REACH, len(tokens) - 1)):
        if word(y) is None:
            return tokens[y].text == ":" and tokens[y + 1].text in _QUOTE_OPENERS
    return False


def one_of_lead_ins(reader) -> list:
    """A source lead-in (source-phrases kind=preposition: بحسب، حسب، وفقا ل) whose next word is one of a group
    (entity-words one-of: أحد، إحدى): the member it introduces stands where a speaker does, as after a verb of
    speech (وبحسب أحد الفنيين المناوبين: «...»), and the anonymous-people pass reads him from there."""
    return [hit for hit in reader.ctx.hits("source-phrases")
            if hit.entry.get("kind") in ("preposition", "statement") and not hit.entry.get("counterpart")
            and reader._word(hit.j) in ONE_OF]  # في مقابلة مع أحد المواقع: whom he talked with


def one_of_group(reader, k: int):
    """The lexicon entry of the group after أحد/إحدى at token k, or None: a people noun (الموظفين), a vague
    source head (المسؤولين), or a definite sound plural of a nisba (الفنيين، الإداريين، الأمنيين: a group of
    people by its form, shapes.group_plural; its entry is the affix's, with no number)."""
    w = reader._word(k)
    if w is None:
        return None
    if (entry := reader.lex["people-nouns"].by_norm.get(w.removeprefix(ARTICLE))) is not None:
        return entry
    if (hit := reader.ctx.hit_at("vague-sources-all", k)) is not None and hit.entry.get("kind") == "head":
        return hit.entry
    return reader.lex["affixes"].by_norm.get(NISBA_PLURAL) if group_plural(w) else None
