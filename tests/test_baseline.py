"""Baselines: accepted findings stay accepted when lines shift; new ones fail the gate."""
from __future__ import annotations

import json

import pytest

from tests.ci_support import ARTICLE, NEW_CASUALTY, cli, write
from validator import baseline as bl
from validator.findings import FileResult, Finding, Location


@pytest.fixture
def article(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return write(tmp_path / "news" / "aleppo.txt", ARTICLE)


def test_write_then_pass_then_shift_then_fail(article, tmp_path, capsys):
    code, _, err = cli(["news/aleppo.txt", "--baseline-write", "baseline.json"], capsys)
    assert code == 0 and "2 finding(s) recorded" in err
    data = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    assert data["version"] == 1
    entries = data["files"]["news/aleppo.txt"]
    assert [(e["rule"], e["line"]) for e in entries] == [("unsourced-casualty", 3), ("unnamed-source", 5)]
    assert all(e["fingerprint"] and e["message"] for e in entries)

    # the same article passes: nothing new
    code, out, _ = cli(["news/aleppo.txt", "--baseline", "baseline.json", "-f", "json"], capsys)
    assert code == 0 and json.loads(out)["summary"]["findings"] == 0

    # a paragraph inserted above shifts every line: still nothing new
    lines = ARTICLE.split("\n")
    shifted = "\n".join(lines[:2] + ["وكانت المنطقة تشهد هدوءا نسبيا خلال الأسابيع الماضية.", ""] + lines[2:])
    article.write_text(shifted, encoding="utf-8")
    code, out, _ = cli(["news/aleppo.txt", "--baseline", "baseline.json", "-f", "json"], capsys)
    assert code == 0 and json.loads(out)["summary"]["findings"] == 0
    assert cli(["news/aleppo.txt", "-f", "json"], capsys)[0] == 1  # without the baseline it still fails

    # a new unsourced casualty count fails, and only findings about it are reported
    article.write_text(shifted + "\n" + NEW_CASUALTY + "\n", encoding="utf-8")
    code, out, _ = cli(["news/aleppo.txt", "--baseline", "baseline.json", "-f", "json"], capsys)
    assert code == 1
    findings = json.loads(out)["files"][0]["findings"]
    assert "unsourced-casualty" in {f["rule"] for f in findings}
    assert {f["text"] for f in findings} == {"40"} and {f["line"] for f in findings} == {11}


def test_matches_by_file_name_when_the_article_moved(article, tmp_path, capsys):
    assert cli(["news/aleppo.txt", "--baseline-write", "base/baseline.json"], capsys)[0] == 0
    moved = tmp_path / "archive" / "2024" / "aleppo.txt"
    moved.parent.mkdir(parents=True)
    article.rename(moved)
    code, out, _ = cli([moved, "--baseline", "base/baseline.json", "-f", "json"], capsys)
    assert code == 0 and json.loads(out)["summary"]["findings"] == 0


def test_same_file_name_in_another_folder_is_a_new_article(tmp_path, monkeypatch, capsys):
    """Hugo-style `content/2024-01/index.md`: a new month's index.md must not inherit the baseline."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "content" / "2024-01" / "index.md", ARTICLE)
    assert cli(["content", "--baseline-write", "baseline.json"], capsys)[0] == 0
    write(tmp_path / "content" / "2024-02" / "index.md", ARTICLE)
    code, out, _ = cli(["content", "--baseline", "baseline.json", "-f", "json"], capsys)
    assert code == 1
    assert {f["path"] for f in json.loads(out)["files"] if f["findings"]} == {"content/2024-02/index.md"}


def test_bad_baseline_is_exit_2(article, tmp_path, capsys):
    code, out, err = cli(["news/aleppo.txt", "--baseline", "missing.json"], capsys)
    assert code == 2 and "missing.json" in err and "--baseline-write" in err and out == ""
    write(tmp_path / "bad.json", '{"version": 1, "files": [}')
    code, _, err = cli(["news/aleppo.txt", "--baseline", "bad.json"], capsys)
    assert code == 2 and err.startswith("bad.json:1:") and "not JSON" in err
    write(tmp_path / "other.json", '{"something": "else"}')
    code, _, err = cli(["news/aleppo.txt", "--baseline", "other.json"], capsys)
    assert code == 2 and "not a version 1 baseline" in err


def test_filter_unit(tmp_path):
    loc = Location(0, 1, 1, 1, 1, 2, "x")
    old = Finding("r", "c", "error", "m", loc, fingerprint="aaa:0")
    new = Finding("r", "c", "error", "m", loc, fingerprint="bbb:0")
    stale = Finding("unused-suppression", "suppression", "info", "m", loc, fingerprint="ccc:0")
    path = tmp_path / "b.json"
    assert bl.write(path, [FileResult(str(tmp_path / "a.txt"), [old, stale]), FileResult("x", error="e")]) == 1
    base = bl.load(path)
    kept = base.filter(FileResult(str(tmp_path / "a.txt"), [old, new, stale]))
    assert kept.findings == [new, stale]  # unused suppressions are never baselined
    assert base.filter(FileResult(str(tmp_path / "other.txt"), [old])).findings == [old]
