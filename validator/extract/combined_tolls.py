"""A toll told whole (rules/patterns/contexts.pattern): a casualty figure that is the first figure after a
killing word and a wounding word joined by و (label combined-toll: مقتل وإصابة 10، وفاة وإصابة 3) or the
figure right before a killed noun and a wounded noun (label combined-toll-after: 300 قتيل وجريح، 60 شخصا
بين قتيل وجريح) counts the dead and the wounded together, field `combined`: a count of one kind no larger
than it is a part of it (rules/consistency.py)."""
from __future__ import annotations

from validator.extract.context import Context
from validator.extract.model import NumberItem

WORDS_BEFORE = 2  # words between the two verbs and the figure (مقتل وإصابة قرابة الـ 60)
WORDS_AFTER = 1   # words between the figure's noun and the two nouns (a بين is in the match)


def combined_tolls(ctx: Context, numbers: list[NumberItem]) -> None:
    if not any(n.category == "casualty" for n in numbers):
        return
    before = [m.span_end for m in ctx.patterns.find("combined-toll")]
    after = [m.span_start for m in ctx.patterns.find("combined-toll-after")]
    if not before and not after:
        return
    tokens, to_norm = ctx.tokens, ctx.norm.to_normalized
    starts = sorted(ctx.index.containing(to_norm(n.loc.start)) for n in numbers)
    for n in numbers:
        if n.category != "casualty" or n.value is None:
            continue
        first = ctx.index.containing(to_norm(n.loc.start))
        noun = ctx.index.at_or_after(to_norm(n.loc.end))  # the token right after the figure: its noun, if any
        spans = [range(end, first) for end in before if end <= first]
        spans += [range(noun, start) for start in after if noun <= start]
        for between in spans:
            if len(between) <= (WORDS_BEFORE if between.stop == first else WORDS_AFTER) \
                    and all(tokens[k].kind == "word" for k in between) \
                    and not any(k in between for k in starts if k != first):
                n.combined = True  # (no other figure between: مصرع وإصابة ثمانية بينهم 3 أطفال)
                break
