"""`--format jsonl`: one object per finding per line, streamed file by file."""
from __future__ import annotations

import json

from tests.ci_support import ARTICLE, CLEAN, WARNINGS, cli, write
from validator import run


def test_one_line_per_finding_and_error(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "b.txt", CLEAN)
    code, out, err = cli(["a.txt", "b.txt", "gone.txt", "--format", "jsonl"], capsys)
    assert code == 2
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["path"] for r in rows] == ["a.txt", "a.txt", "b.txt", "gone.txt"]
    assert [r.get("rule") for r in rows[:2]] == ["unsourced-casualty", "unnamed-source"]
    assert rows[0]["line"] == 3 and rows[0]["fingerprint"]
    assert rows[2] == {"path": "b.txt", "findings": 0}  # clean: validated, nothing to report
    assert rows[3] == {"path": "gone.txt", "error": "gone.txt: no such file"}
    assert "gone.txt" in err and "\x1b" not in out


def test_streams_each_file_as_it_finishes(tmp_path, monkeypatch, capsys):
    """Before the run moves to the next file, the previous file's lines are already on stdout."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "b.txt", WARNINGS)
    write(tmp_path / "c.txt", ARTICLE)
    real = run.pairs
    seen: list[str] = []

    def spy(plan, jobs=None):
        for pair in real(plan, jobs):
            yield pair
            seen.append(capsys.readouterr().out)  # what the CLI wrote after receiving it

    monkeypatch.setattr(run, "pairs", spy)
    code, out, _ = cli(["a.txt", "b.txt", "c.txt", "-f", "jsonl", "-j", "1"], capsys)
    assert code == 1
    assert [{json.loads(x)["path"] for x in chunk.splitlines()} for chunk in seen[:2]] == [{"a.txt"}, {"b.txt"}]
