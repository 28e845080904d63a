"""The blind-review sampler never draws an article a recorded round already showed a reviewer."""
from benchmarks.review_sample import ROOT, round_keys_in


def test_round_keys_read_both_recorded_forms():
    text = ("- Round 8, seed 1100: 2015-07-21/ 13 618 637\n"
            "- Round 40: 2015-07-24/1522 2015-07-22/1525 (11 outlets).\n"
            "- Not a round: 2015-07-25/99\n")
    keys = round_keys_in(text)
    assert {"2015-07-21/13", "2015-07-21/618", "2015-07-21/637", "2015-07-24/1522", "2015-07-22/1525"} <= keys
    assert "2015-07-25/99" not in keys


def test_quality_md_rounds_are_known():
    keys = round_keys_in((ROOT / "benchmarks" / "quality.md").read_text(encoding="utf-8"))
    assert "2015-07-21/1742" in keys  # round 167
    assert len(keys) > 4000
