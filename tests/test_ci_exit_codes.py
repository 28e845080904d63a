"""Exit codes as CI sees them, from the installed command in real subprocesses (run concurrently)."""
from __future__ import annotations

import json
import pytest

from tests.ci_support import ARTICLE, CLEAN, WARNINGS, start_validate, write

CASES = {
    "clean": (["clean.txt"], None),
    "errors": (["aleppo.txt"], None),
    "never": (["aleppo.txt", "--fail-on", "never"], None),
    "warnings-strict": (["oil.txt", "--fail-on", "warning"], None),
    "missing": (["missing.txt"], None),
    "missing-among-others": (["aleppo.txt", "missing.txt", "clean.txt", "-f", "jsonl"], None),
    "bad-config": (["clean.txt", "--config", "bad.toml"], None),
    "bad-rule": (["clean.txt", "--rules", "broken.rule"], None),
    "stdin": (["-", "-f", "json"], CLEAN),
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    d = tmp_path_factory.mktemp("exit")
    write(d / "clean.txt", CLEAN)
    write(d / "aleppo.txt", ARTICLE)
    write(d / "oil.txt", WARNINGS)
    write(d / "bad.toml", 'fail-on = "error"\nx = 1\n')
    write(d / "broken.rule", "rule broken\n  category x\n  severity sometimes\n")
    procs = {}
    for name, (args, stdin) in CASES.items():
        procs[name] = (start_validate(args, d, stdin=stdin is not None), stdin)
    out = {}
    for name, (p, stdin) in procs.items():
        stdout, stderr = p.communicate(input=stdin, timeout=180)
        out[name] = (p.returncode, stdout, stderr)
    return out


def _no_traceback(err: str) -> None:
    assert "Traceback" not in err and "Error:" not in err.replace("error:", "")


def test_clean_article_is_0(runs):
    code, out, err = runs["clean"]
    assert code == 0 and err == "" and "0 أخطاء" in out


def test_errors_are_1(runs):
    code, out, err = runs["errors"]
    assert code == 1 and "unsourced-casualty" in out


def test_fail_on_never_is_0(runs):
    assert runs["never"][0] == 0


def test_warnings_fail_when_strict(runs):
    assert runs["warnings-strict"][0] == 1


def test_missing_file_is_2_with_one_line(runs):
    code, out, err = runs["missing"]
    assert code == 2
    assert err.splitlines() == ["error: missing.txt: no such file"]
    _no_traceback(err)


def test_one_unreadable_file_does_not_stop_the_others(runs):
    code, out, err = runs["missing-among-others"]
    assert code == 2 and err.splitlines() == ["error: missing.txt: no such file"]
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["path"] for r in rows] == ["aleppo.txt", "aleppo.txt", "missing.txt", "clean.txt"]
    assert rows[-1] == {"path": "clean.txt", "findings": 0}


def test_bad_config_is_2(runs):
    code, out, err = runs["bad-config"]
    assert code == 2 and out == ""
    assert err.splitlines() == ["bad.toml:2:1: unknown key 'x' (known: rules, lexicons, disable, replace, severity, "
                                "include, exclude, fail-on)"]
    _no_traceback(err)


def test_bad_rule_file_is_2(runs):
    code, out, err = runs["bad-rule"]
    assert code == 2 and err.startswith("broken.rule:") and out == ""
    _no_traceback(err)


def test_stdin(runs):
    code, out, err = runs["stdin"]
    assert code == 0 and json.loads(out)["files"][0]["path"] == "-"
