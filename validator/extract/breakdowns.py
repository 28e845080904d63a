"""A figure told twice in one place, the second time in parentheses right after it: a count and its
breakdown («16 شخصا (5 رجال و6 أطفال و4 نساء)»: parts that do not add up to the total are two values of
one quantity, field breakdown_differs, rule inconsistent-breakdown), or a figure in words restated in
digits («سبعة (7) أعضاء»: field restates, rule inconsistent-spelled-number)."""
from __future__ import annotations

from itertools import islice

from validator.extract.context import Context
from validator.extract.model import NumberItem
from validator.extract.wordclasses import affix

_AND = affix("and")
_OPEN, _CLOSE = "(", ")"
_SEPARATORS = frozenset({"،", ",", _AND})
_COUNTS = frozenset({"people", "casualty"})  # counts of people: the parts of a group of people
_MOST_BETWEEN = 3  # words between the total's noun and the parenthesis (16 شخصا من جنسية عربية)
_MOST_PARTS = 6


def breakdowns(ctx: Context, numbers: list[NumberItem]) -> None:
    """Set `breakdown` on a count of people (with its noun, no qualifier, not vague) right followed,
    within its clause, by a parenthesis that holds nothing but two or more counts of people with their
    nouns, joined by commas or و: the sum of those parts, when they split the whole group (more than it,
    or less by fewer than the least part)."""
    tokens, to_norm = ctx.tokens, ctx.norm.to_normalized
    for k, total in enumerate(numbers):
        if not _count(total) or total.qualifier:
            continue
        i = ctx.index.at_or_after(to_norm(total.loc.end)) + 1  # past the counted noun
        between = 0
        while i < len(tokens) and tokens[i].kind == "word" and between <= _MOST_BETWEEN:
            i, between = i + 1, between + 1
        if i >= len(tokens) or tokens[i].text != _OPEN or between > _MOST_BETWEEN:
            continue
        parts, j = [], i + 1
        inside = (n for n in numbers[k + 1:] if to_norm(n.loc.start) >= tokens[i].end)  # (واحدة before it)
        following = iter(list(islice(inside, _MOST_PARTS)))
        part = next(following, None)
        while j < len(tokens) and tokens[j].text != _CLOSE:
            if part is not None and tokens[j].start <= to_norm(part.loc.start) < tokens[j].end:
                if not _count(part) or part.sentence != total.sentence:
                    break
                parts.append(part)
                j = ctx.index.at_or_after(to_norm(part.loc.end)) + 1  # past the figure and its counted noun
                part = next(following, None)
            elif tokens[j].text in _SEPARATORS:
                j += 1
            else:
                break
        if j < len(tokens) and tokens[j].text == _CLOSE and len(parts) >= 2:
            values = [float(p.value) for p in parts]
            # parts that leave out as many as the least of them or more name some of the group, not all
            # of it: 1400 مدنيين (300 امرأة و500 طفل) are the women and children among them, men left out
            if float(total.value) - sum(values) < min(values):
                total.breakdown = sum(values)



def _count(n: NumberItem) -> bool:
    return n.category in _COUNTS and n.noun is not None and n.value is not None and not n.approximate



def spelled_restatements(ctx: Context, numbers: list[NumberItem]) -> None:
    """A figure written in words right followed by a figure in digits alone in parentheses restates it
    (ثلاثة آلاف (3000) ريال، ستة (6) أشهر): the same figure written twice, field restates. Only such a
    parenthesis, nothing else inside it, is read so."""
    tokens, to_norm = ctx.tokens, ctx.norm.to_normalized
    for words, digits in zip(numbers, numbers[1:]):
        if words.sentence != digits.sentence or digits.restates or _has_digit(words) or not _has_digit(digits):
            continue
        i = ctx.index.at_or_after(to_norm(words.loc.end))
        j = ctx.index.containing(to_norm(digits.loc.start))
        end = ctx.index.at_or_after(to_norm(digits.loc.end))
        if j == i + 1 and tokens[i].text == _OPEN and end < len(tokens) and tokens[end].text == _CLOSE:
            digits.restates = words.id


def _has_digit(n: NumberItem) -> bool:
    return any(c.isdigit() for c in n.loc.text)
