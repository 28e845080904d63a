"""Checks across a feed: contradictions planted in stories of our own (fixtures/feed) are found,
each naming the other story; an explicit update, a story that leads with one, another dateline's toll
and another event's toll under the same dateline are not."""
from __future__ import annotations

from tests.conftest import FIXTURES
from validator import run


def test_feed_rules_find_the_planted_contradictions():
    results = list(run.results(run.plan([str(FIXTURES / "feed")], lang="en"), jobs=1))
    found = sorted((r.path.rsplit("/", 1)[-1], f.rule, f.location.line, f.related[0].message.rsplit("/", 1)[-1])
                   for r in results for f in r.findings if f.rule.startswith("feed-"))
    # 05 (an ambush in أبين told from عدن) and 06 (ارتفاع حصيلة in its headline) give nothing
    assert found == [
        ("02-aden-port-blast-evening.txt", "feed-inconsistent-title", 5, "01-aden-port-blast.txt"),
        ("02-aden-port-blast-evening.txt", "feed-inconsistent-toll", 1, "01-aden-port-blast.txt"),
        ("03-aden-port-blast-update.txt", "feed-inconsistent-title", 5, "02-aden-port-blast-evening.txt"),
    ]
    toll = next(f for r in results for f in r.findings if f.rule == "feed-inconsistent-toll")
    assert "14" in toll.message and "01-aden-port-blast.txt" in toll.message and toll.location.text == "19"
