"""A total split into its parts after it in its sentence (rule inconsistent-breakdown): a figure whose
counted noun a word of splitting follows (figure-words split-cues: 1704 آبار توزعت في اندونيسيا 862 بئرا
...، 77 مركزا مقسمة على ...) is given whole in the figures after it, which must add up to it. The parts: the
figures of the total's own unit told one after the other, each at most PART_GAP words after the one before,
up to the sentence's end, a word that opens another clause (attribution-words new-clause: فيما، كما) or a
figure of another unit: the same currency, people under a count of people, or the same counted noun in the
form its figure's number takes (آبار after 1704 and 207, بئرا after 862: the noun of 3 to 10 is plural, of
11 and more singular), never another noun (10 دوائر under 77 مركزا). A bound, a range or an approximate part
has no exact sum. Field `breakdown` (the parts' sum)."""
from __future__ import annotations

from validator.extract.context import Context
from validator.extract.model import NumberItem
from validator.extract.wordclasses import affix, word_class
from validator.text.normalize import normalize_string
from validator.text.punctuation import COMMAS

_AND = affix("and")
_ACCUSATIVE = affix("accusative")
_SPLIT = word_class("figure-words", "split-cues")
_NEW_CLAUSE = word_class("attribution-words", "new-clause")
_UNITS = frozenset({"money", "quantity", "people", "casualty"})
_SKIPPED = frozenset({"year", "date", "time", "ordinal", "percent"})  # (a date or a share inside the list)
CUE_REACH = 3   # words (and commas) between the total's noun and the cue (آبار توزعت، مركزا انتخابيا مقسمة)
PART_GAP = 6    # words between one part and the next (862 بئرا، وبنين 226)
MOST_PARTS = 12
PLURAL_COUNTS = range(3, 11)  # the last two digits whose counted noun is plural (3 to 10)


def stated_totals(ctx: Context, numbers: list[NumberItem]) -> None:
    tokens, to_norm = ctx.tokens, ctx.norm.to_normalized
    for k, total in enumerate(numbers):
        if total.category not in _UNITS or total.value is None or total.qualifier or total.approximate \
                or total.breakdown is not None or not total.noun or total.in_headline:
            continue
        cue, j = False, ctx.index.at_or_after(to_norm(total.loc.end)) + 1  # past the counted noun
        for j in range(j, min(j + CUE_REACH, len(tokens))):
            word = tokens[j].text
            cue = word in _SPLIT or (word.startswith(_AND) and word[len(_AND):] in _SPLIT)
            if cue or (tokens[j].kind != "word" and word not in COMMAS):
                break
        if not cue:
            continue
        parts = _parts(ctx, total, numbers[k + 1:], j + 1)
        if len(parts) >= 2:
            whole = sum(float(p.value) for p in parts)
            if abs(whole - float(total.value)) > 1e-6 * float(total.value):
                total.breakdown = whole


def _parts(ctx: Context, total: NumberItem, after: list[NumberItem], start: int) -> list[NumberItem]:
    tokens, to_norm = ctx.tokens, ctx.norm.to_normalized
    parts: list[NumberItem] = []
    forms = {_number_form(total.value): _bare(total.noun)}
    for n in after:
        if n.sentence != total.sentence or n.category in _SKIPPED:
            if n.sentence != total.sentence:
                break
            continue
        first = ctx.index.containing(to_norm(n.loc.start))
        gap = [t.text for t in tokens[start:first] if t.kind == "word"]
        if len(gap) > PART_GAP or any(w in _NEW_CLAUSE or w.removeprefix(_AND) in _NEW_CLAUSE for w in gap):
            break
        if n.value is None or n.qualifier or n.approximate or n.ranged or not _same_unit(total, n, forms):
            return []  # (a part of no exact value, or of another unit, inside the list: no sum to check)
        parts.append(n)
        start = ctx.index.at_or_after(to_norm(n.loc.end)) + 1
        if len(parts) >= MOST_PARTS:
            break
    return parts


def _same_unit(total: NumberItem, n: NumberItem, forms: dict) -> bool:
    if total.category == "money":
        return n.category == "money" and n.noun_type == total.noun_type
    if total.category in ("people", "casualty"):
        return n.category in ("people", "casualty") and (n.category != "casualty" or n.noun_type == total.noun_type)
    if n.category != "quantity" or not n.noun:
        return False
    return forms.setdefault(_number_form(n.value), _bare(n.noun)) == _bare(n.noun)


def _number_form(value) -> str:
    """The form of the noun a figure counts: dual (2), plural (3 to 10, and 103 ...) or singular."""
    v = int(float(value))
    return "dual" if v == 2 else "plural" if v % 100 in PLURAL_COUNTS else "singular"


def _bare(noun: str) -> str:
    return normalize_string(noun).removesuffix(_ACCUSATIVE)  # (normalizing drops the tanween: مسجداً)
