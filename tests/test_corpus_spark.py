"""The corpus engine on Spark (local mode, one session for the whole test run, small inputs)."""
from __future__ import annotations

import json
import shutil

import pytest

from tests.conftest import FIXTURES

pytestmark = pytest.mark.slow  # starts a JVM: a few seconds


@pytest.fixture(scope="session")
def spark():
    if shutil.which("java") is None:
        pytest.fail("the spark engine needs a Java runtime (.ci/run installs one)")
    from validator.corpus.spark_engine import session

    s = session("local[2]")
    yield s
    s.stop()


def test_a_missing_string_fails_a_not_null_expectation(spark):
    # pandas 3 stores a missing string as NaN; without Arrow it would reach Spark as the string "nan"
    import pandas as pd

    from validator.corpus.suites import import_gx

    gx = import_gx()
    import great_expectations.expectations as gxe

    frame = spark.createDataFrame(pd.DataFrame({"row": [0, 1], "speaker": ["s1", None]}))
    assert frame.where("speaker IS NULL").count() == 1
    context = gx.get_context(mode="ephemeral")
    batch = (context.data_sources.add_spark("arrow-check", persist=False).add_dataframe_asset("quotes")
             .add_batch_definition_whole_dataframe("all").get_batch(batch_parameters={"dataframe": frame}))
    result = batch.validate(gxe.ExpectColumnValuesToNotBeNull(column="speaker"))
    assert not result.success and result.result["unexpected_count"] == 1


def test_spark_engine_gives_the_native_findings(spark, tmp_path):
    from validator import run
    from validator.corpus import spark_engine

    # a folder of articles, and the same articles as JSON Lines records whose ids name a second
    # folder of copies: the native engine over both folders sees the feed Spark sees
    names = ["gaza-health-ministry-unclosed-quote", "jordan-budget-inconsistent-title",
             "feed/01-aden-port-blast", "feed/02-aden-port-blast-evening"]   # the last two contradict
    folder, copies = tmp_path / "articles", tmp_path / "copies"
    folder.mkdir()
    copies.mkdir()
    records = []
    for name in names:
        text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
        file_name = name.replace("/", "-") + ".txt"
        (folder / file_name).write_text(text, encoding="utf-8")
        (copies / file_name).write_text(text, encoding="utf-8")
        title, _, content = text.partition("\n\n")
        records.append({"id": str(copies / file_name), "title": title, "content": content})
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")

    def keyed(results):
        return sorted((f["rule"], r["path"], f["line"], f["column"], f["message"], f["fingerprint"])
                      for r in results for f in r["findings"])

    native = keyed(r.to_json() for r in run.results(run.plan([str(folder), str(copies)]), jobs=1))
    # one Spark batch: the folder's files and the records of feed.jsonl
    spark_found = keyed(r.to_json() for _, r in spark_engine.results(run.plan([str(folder), str(feed)]), spark=spark))
    assert len(native) >= 10 and any(f[0].startswith("feed-") for f in native)
    assert spark_found == native
