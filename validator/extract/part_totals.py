"""A part larger than the total it belongs to (rule inconsistent-breakdown): a total told of a plural noun
(ارتفع حجم الإعانات إلى 4.5 مليار ريال) and, in its sentence or the next, a figure of one of its kind told
of the singular of that noun heading its own phrase (وبلغ حجم إعانة حليب الأطفال 139 مليار ريال). The part
cannot be more than the whole: one of the two figures is wrong (a typo of scale, مليار for مليون). Only the
sound feminine plural and its singular (الإعانات / إعانة، الصفقات / صفقة) show belonging here; the part's
noun must head its phrase (a word or two of genitive and a hedge before the figure, no من or إلى of a
change: تراجعت إعانة الأعلاف من 5 مليارات), never be the counted
noun of a figure before it (375 حادثا نتج عنها 305 إصابة); both figures of one unit (the same currency,
counted noun or people) and one scale (مليون with مليون), the total exact and no bound (لا تتجاوز الصفقات
2.4 مليون: a cap that one deal can pass). Field `breakdown` of the total: the part's value
(rule inconsistent-breakdown, field breakdown_differs)."""
from __future__ import annotations

from math import log10

from validator.extract.context import Context
from validator.extract.model import NumberItem
from validator.extract.wordclasses import affix, affixes, word_class
from validator.text.punctuation import COMMAS

_ARTICLE = affix("article")
_PLURAL = affix("feminine-plural")
_SINGULAR = affix("feminine")
_PROCLITICS = affixes("proclitic")
_AND = affix("and")
_BOUNDS = word_class("figure-words", "threshold-verbs")
_CHANGE = word_class("figure-words", "range-start") | word_class("figure-words", "range-to")  # من، بين، إلى
_RELATIVES = word_class("attribution-words", "relatives")
_LISTS = word_class("figure-words", "list-verbs")
_MEMBER = "member"  # (a member's first word, told from a plural's stem)
_UNITS = frozenset({"money", "quantity", "people"})
HEAD_REACH = 10  # words before the total that may hold its plural noun (حجم الإعانات المصروفة خلال العام الماضي إلى)
LIST_REACH = 20  # words before the total that may hold its members' list (التي تشمل العبارات والباص المائي ...)
ITEM_WORDS = 2   # words of one member (والتاكسي المائي، وفيري دبي)
PART_REACH = 4   # words between the part's singular noun and its figure (إعانة حليب الأطفال حوالى 139)


def part_totals(ctx: Context, numbers: list[NumberItem]) -> None:
    for k, total in enumerate(numbers):
        if total.category not in _UNITS or not total.value or total.qualifier or total.approximate \
                or total.ranged or total.in_headline:
            continue
        stems = _plural_stems(ctx, total) | _members(ctx, total)
        if not stems:
            continue
        for before, part in zip(numbers[k:], numbers[k + 1:]):
            if part.sentence > total.sentence + 1:
                break
            if part.category == total.category and part.noun_type == total.noun_type and part.value \
                    and total.breakdown is None and not part.ranged and float(part.value) > float(total.value) \
                    and _scale(part.value) == _scale(total.value) and _heads(ctx, before, part, stems):
                total.breakdown = float(part.value)  # (no sum of parts is that low: at least the part)


def _plural_stems(ctx: Context, total: NumberItem) -> set[str]:
    """The stems of the definite sound feminine plurals among the words before the total in its clause
    (none if a bound verb stands there)."""
    tokens, to_norm = ctx.tokens, ctx.norm.to_normalized
    stems: set[str] = set()
    i, words = ctx.index.containing(to_norm(total.loc.start)) - 1, 0
    while i >= 0 and words < HEAD_REACH:
        token = tokens[i]
        if token.kind != "word":
            if token.text not in COMMAS:
                break
        else:
            words += 1
            word = _bare(token.text)
            if word in _BOUNDS or token.text in _BOUNDS:
                return set()
            if word.startswith(_ARTICLE) and word.endswith(_PLURAL) and len(word) > len(_ARTICLE) + len(_PLURAL) + 2:
                stems.add(word[len(_ARTICLE):-len(_PLURAL)])
        i -= 1
    return stems


def _members(ctx: Context, total: NumberItem) -> set:
    """The first words of the members a relative clause lists before the total (وسائل النقل البحري التي تشمل
    العبارات والباص المائي وفيري دبي نقلت 7.4 مليون راكب): each a word or two, joined by و, two or more, the
    list closed before the total (not والتي تضم أكبر 17 دولة)."""
    tokens, to_norm = ctx.tokens, ctx.norm.to_normalized
    end = ctx.index.containing(to_norm(total.loc.start))
    i, words = end - 1, 0
    while i > 0 and words < LIST_REACH and (tokens[i].kind == "word" or tokens[i].text in COMMAS):
        if tokens[i].text in _LISTS and tokens[i - 1].text in _RELATIVES:
            members, run = set(), 0
            for token in tokens[i + 1:end]:
                if token.kind != "word":
                    continue
                word, run = token.text, run + 1
                if run > 1 and word.startswith(_AND):
                    word, run = word[len(_AND):], 1
                if run > ITEM_WORDS:  # (the list closed before the total: its verb, نقلت)
                    return members if len(members) >= 2 else set()
                if run == 1 and len(word) > 2:
                    members.add((_MEMBER, word))
            return set()  # (the total inside the list: والتي تضم أكبر 17 دولة، no members listed apart)
        words += tokens[i].kind == "word"
        i -= 1
    return set()


def _heads(ctx: Context, before: NumberItem, part: NumberItem, stems: set[str]) -> bool:
    """Whether the singular of one of the total's plurals heads the part's phrase: within PART_REACH words
    before its figure, no و-clause between, and not the first word after the figure before it (its noun)."""
    tokens, to_norm = ctx.tokens, ctx.norm.to_normalized
    first = ctx.index.at_or_after(to_norm(before.loc.end))
    i = ctx.index.containing(to_norm(part.loc.start)) - 1
    for _ in range(PART_REACH + 1):
        if i <= first or tokens[i].kind != "word":
            return False
        word = tokens[i].text
        bare = word.removeprefix(_AND)
        if bare.endswith(_SINGULAR) and bare[:-len(_SINGULAR)] in stems or (_MEMBER, bare) in stems:
            return True
        if word.startswith(_AND) and not bare.startswith(_ARTICLE) or word in _CHANGE:
            return False  # (another phrase joined: نزع ملكية وصرف تعويض ثمانية عقارات; a change: من 5 مليارات)
        i -= 1
    return False


def _bare(word: str) -> str:
    for clitic in _PROCLITICS:
        if word.startswith(clitic + _ARTICLE):
            return word[len(clitic):]
    return word


def _scale(value) -> int:
    """The figure's scale: thousands, millions, billions (4.5 مليار and 139 مليار are of one)."""
    return int(log10(abs(float(value)))) // 3 if value else 0
