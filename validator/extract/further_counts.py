"""The rest of a sourced count, told as "others" (round 95, 2015-07-25/1228: a ministry's 16 arrests, its 13
told first, then three more): a count of people arrested with no source of its own, carried on from a named
source's release, its noun followed by a word of others (آخرين، أخرى: figure-words others), that makes up,
with the counts the release gave since, the total the release gave first, is that total's last part: the
release's own count split up (field `splits_source`), not a new claim. Counts that do not add up stay
claims, and so does a count of others no named release carries."""
from __future__ import annotations

from validator.extract.context import Context
from validator.extract.figure_sources import _named
from validator.extract.letters import WAW, WORD_RUN
from validator.extract.model import Article, NumberItem
from validator.extract.wordclasses import word_class
from validator.text.normalize import normalize_string

_OTHERS = word_class("figure-words", "others")
OTHERS_REACH = 2  # the others word right after the counted noun (ثلاثة أشخاص آخرين)


def further_counts(ctx: Context, article: Article) -> None:
    people = [n for n in article.numbers if n.category == "people" and n.value and not n.in_headline]
    for n in people:
        if n.attributed or n.carried_from is None or n.noun_type != "detained" or not _of_others(ctx, n):
            continue
        carrier = next((a for a in article.attributions if a.id == n.carried_from), None)
        if carrier is None or not _named(article, carrier.source):
            continue  # (the same body named again in short, الوزارة, may be another entity: any named source)
        told = [e for e in people if e.attributed and _named(article, e.source) and e.sentence < n.sentence]
        for total in told:
            since = sum(e.value for e in told if e.sentence > total.sentence)
            if since and since + n.value == total.value:
                n.splits_from = carrier.id
                break


def _of_others(ctx: Context, n: NumberItem) -> bool:
    """ثلاثة أشخاص آخرين: a word of others within the two words after the figure."""
    end = ctx.norm.to_normalized(n.loc.end)
    words = WORD_RUN.findall(ctx.text, end, end + 40)[:OTHERS_REACH]
    return any(normalize_string(w) in _OTHERS for w in words)


# A count joined by و to people told before it with no figure, its noun followed by a word of others (قال
# المرصد إن قائدا ميدانيا وستة مسلحين آخرين قتلوا): the whole is the people before, one (a singular noun) or
# two (a dual), plus the count; a headline's figure of that sum (مقتل سبعة مسلحين) is the same toll told whole,
# no contradiction (issue 13, round 135: reviewers rejected 6 in the headline against 1 + 5 in the body).
AND_OTHERS_REACH = 3           # the counted noun, an adjective (أجانب) and the others word after the figure
UNNUMBERED_BEFORE = (1.0, 2.0)  # the people before with no figure: a singular or a dual noun
FIGURE_BEFORE = 40             # a figure this close before the count: the people before have their own figure


def and_others_total(text: str, n: NumberItem, total: float, numbers: list[NumberItem]) -> bool:
    """`total` is n's count plus the one or two people joined before it with no figure (see above)."""
    if n.value is None or float(total) - float(n.value) not in UNNUMBERED_BEFORE:
        return False
    before = " " + text[max(0, n.loc.start - 3):n.loc.start].rstrip()
    if not before.endswith(WAW) or not before[-1 - len(WAW)].isspace():
        return False  # وأصيب خمسة آخرون: the و joins a verb, the others are of another clause
    if any(m is not n and not m.in_headline and m.sentence == n.sentence
           and n.loc.start - FIGURE_BEFORE <= m.loc.end <= n.loc.start for m in numbers):
        return False  # ثلاثة قادة وخمسة آخرين: the sum of the two figures (consistency._headline_told)
    words = WORD_RUN.findall(text, n.loc.end, n.loc.end + 60)[:AND_OTHERS_REACH]
    return any(normalize_string(w) in _OTHERS for w in words)
