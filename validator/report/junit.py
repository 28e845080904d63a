"""`--format junit`: JUnit XML for CI test-report views (GitLab `artifacts:reports:junit`, Jenkins,
GitHub test-report actions).

    <testsuites name="validate" tests=".." failures=".." errors="..">
      <testsuite name="PATH" tests="rules" failures="findings" errors="0|1">
        <testcase classname="PATH" name="RULE" file="PATH">
          <failure type="SEVERITY" message="MESSAGE">PATH:LINE:COL: SEVERITY CATEGORY RULE MESSAGE ...</failure>

A test case per file × rule (passing rules are empty test cases, so the view shows what was checked),
a failure per error or warning; info findings are notes, not failures: they go to the test case's
`<system-out>` (the case passes). A file that could not be read is one test case with an `<error>`.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET

from validator.findings import FileResult
from validator.report._paths import relative
from validator.rules.model import Rule


def render(results: list[FileResult], rules: list[Rule] | None = None) -> str:
    rule_ids = [r.id for r in rules or []]
    root = ET.Element("testsuites", name="validate")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for r in results:
        path = _clean(relative(r.path))
        suite = ET.SubElement(root, "testsuite", name=path)
        if r.error:
            case = ET.SubElement(suite, "testcase", classname=path, name="read", file=path)
            err = ET.SubElement(case, "error", type="InputError", message=_clean(r.error))
            err.text = _clean(r.error)
            counts = {"tests": 1, "failures": 0, "errors": 1}
        else:
            by_rule: dict[str, list] = {rid: [] for rid in rule_ids}
            for f in r.findings:
                by_rule.setdefault(f.rule, []).append(f)
            failures = 0
            for rid, findings in by_rule.items():
                case = ET.SubElement(suite, "testcase", classname=path, name=rid, file=path)
                notes = []
                for f in findings:
                    loc = f.location
                    text = f"{path}:{loc.line}:{loc.column}: {f.severity} {f.category} {f.rule} {f.message}"
                    if loc.text:
                        text += f"\n    {loc.excerpt}"
                    if f.severity == "info":
                        notes.append(text)
                        continue
                    fail = ET.SubElement(case, "failure", type=f.severity, message=_clean(f.message))
                    fail.text = _clean(text)
                    failures += 1
                if notes:
                    ET.SubElement(case, "system-out").text = _clean("\n".join(notes))
            counts = {"tests": len(by_rule), "failures": failures, "errors": 0}
        for k, v in counts.items():
            suite.set(k, str(v))
            totals[k] += v
    for k, v in totals.items():
        root.set(k, str(v))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _clean(s: str) -> str:
    """XML 1.0 cannot carry most control characters, U+FFFE, U+FFFF or a lone surrogate (a file name
    not in UTF-8), even escaped: they are dropped."""
    return "".join(ch for ch in s if _xml_char(ord(ch)))


def _xml_char(c: int) -> bool:
    return c in (0x9, 0xA, 0xD) or 0x20 <= c <= 0xD7FF or 0xE000 <= c <= 0xFFFD or 0x10000 <= c <= 0x10FFFF
