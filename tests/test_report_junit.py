"""`--format junit`: a test suite per file, a test case per file × rule, a failure per finding."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from tests.ci_support import ARTICLE, CLEAN, cli, write


def test_suites_cases_failures_and_errors(tmp_path, monkeypatch, capsys, validator):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "b.txt", CLEAN)
    code, out, err = cli(["a.txt", "b.txt", "missing.txt", "--format", "junit"], capsys)
    assert code == 2  # the unreadable file wins over the findings
    root = ET.fromstring(out)
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["a.txt", "b.txt", "missing.txt"]
    n_rules = len(validator.rules)

    a, b, missing = suites
    assert len(a.findall("testcase")) == n_rules == int(a.get("tests"))
    failures = a.findall("testcase/failure")
    assert len(failures) == 2 == int(a.get("failures"))
    case = next(c for c in a.findall("testcase") if c.get("name") == "unsourced-casualty")
    (failure,) = case.findall("failure")
    assert failure.get("type") == "error" and failure.get("message")
    assert failure.text.startswith("a.txt:3:")
    assert case.get("classname") == "a.txt"

    assert b.findall("testcase/failure") == [] and b.get("failures") == "0"

    (err_case,) = missing.findall("testcase")
    assert err_case.find("error") is not None and "missing.txt" in err_case.find("error").get("message")
    assert missing.get("errors") == "1"
    assert int(root.get("failures")) == 2 and int(root.get("errors")) == 1
    assert int(root.get("tests")) == 2 * n_rules + 1


def test_one_failure_element_per_finding(validator):
    from validator.findings import FileResult, Finding, Location
    from validator.report import junit

    loc = Location(0, 1, 2, 3, 2, 4, "x")
    fs = [Finding("unsourced-casualty", "unsourced-number", "error", f"m{i}\x07", loc, fingerprint=f"{i}")
          for i in range(3)]
    root = ET.fromstring(junit.render([FileResult("x.txt", fs)], validator.rules))
    case = next(c for c in root.iter("testcase") if c.get("name") == "unsourced-casualty")
    assert [f.get("message") for f in case.findall("failure")] == ["m0", "m1", "m2"]
    assert all(":2:3:" in f.text for f in case.findall("failure"))


def test_info_findings_are_notes_not_failures(validator):
    from validator.findings import FileResult, Finding, Location
    from validator.report import junit

    loc = Location(0, 1, 2, 3, 2, 4, "x")
    fs = [Finding("unattributed-quote", "unnamed-speaker", "info", "a note", loc, fingerprint="1"),
          Finding("unnamed-source", "unnamed-source", "warning", "a warning", loc, fingerprint="2")]
    root = ET.fromstring(junit.render([FileResult("x.txt", fs)], validator.rules))
    assert root.get("failures") == "1"
    note = next(c for c in root.iter("testcase") if c.get("name") == "unattributed-quote")
    assert note.find("failure") is None and "a note" in note.find("system-out").text


def test_json_summary_counts_files_with_error_findings_and_unreadable_files_apart(tmp_path, monkeypatch, capsys):
    import json

    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "b.txt", CLEAN)
    code, out, _ = cli(["a.txt", "b.txt", "missing.txt", "--format", "json"], capsys)
    summary = json.loads(out)["summary"]
    assert code == 2 and summary["files_with_errors"] == 1 and summary["unreadable"] == 1
