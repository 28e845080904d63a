"""The rest of a sourced count, told as "others" (round 95, 2015-07-25/1228: a ministry's 16 arrests, its 13
told first, then three more): a count of people arrested with no source of its own, carried on from a named
source's release, its noun followed by a word of others (آخرين، أخرى: figure-words others), that makes up,
with the counts the release gave since, the total the release gave first, is that total's last part: the
release's own count split up (field `splits_source`), not a new claim. Counts that do not add up stay
claims, and so does a count of others no named release carries."""
from __future__ import annotations

from validator.extract.context import Context
from validator.extract.figure_sources import _named
from validator.extract.letters import WORD_RUN
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
