"""The project's own articles (fixtures/) against their expected structures and findings."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from validator.text.normalize import normalize_string

EXPECTED = sorted(FIXTURES.glob("*.expected.json"))


def _article_paths(expected: Path) -> list[Path]:
    slug = expected.name.removesuffix(".expected.json")
    return [p for p in (FIXTURES / f"{slug}.txt", FIXTURES / f"{slug}.cp1256.txt", FIXTURES / f"{slug}.crlf.txt")
            if p.exists()]


CASES = [(e, p) for e in EXPECTED for p in _article_paths(e)]


def _n(s: str | None) -> str:
    return normalize_string(s or "").replace("ـ", "")


def _same_name(a: str, b: str) -> bool:
    a, b = _n(a), _n(b)
    return a == b or a.endswith(" " + b) or b.endswith(" " + a)


def check_article(article, expected: dict, result) -> list[str]:
    problems: list[str] = []
    persons = [e for e in article.entities if e.kind == "person"]
    for p in expected.get("people", []):
        ent = next((e for e in persons if _same_name(e.name, p["name"])), None)
        if ent is None:
            problems.append(f"person {p['name']} not found (persons: {[e.name for e in persons]})")
            continue
        titles = [_n(t) for t in ent.titles]
        for t in p.get("titles", []):
            if not any(_n(t) == x or _n(t) in x or x in _n(t) and len(x) > 3 for x in titles):
                problems.append(f"person {p['name']}: title {t!r} not in {ent.titles}")
        lines = {m.loc.line for m in ent.mentions}
        missing = set(p.get("mention_lines", [])) - lines
        if missing:
            problems.append(f"person {p['name']}: no mention on lines {sorted(missing)} (has {sorted(lines)})")
    for o in expected.get("organizations", []):
        if not any(e.kind == "organization" and any(m.loc.line == o["line"] for m in e.mentions)
                   and (_n(o["name"]) in _n(e.name) or _n(e.name) in _n(o["name"])) for e in article.entities):
            problems.append(f"organization {o['name']} on line {o['line']} not found")
    for u in expected.get("unnamed", []):
        if not any(e.kind == "unnamed" and any(m.loc.line == u["line"] and _n(u["text"]).split()[0] in _n(m.loc.text)
                                                for m in e.mentions) for e in article.entities):
            problems.append(f"unnamed source {u['text']!r} on line {u['line']} not found")
    for n in expected.get("numbers", []):
        if isinstance(n.get("value"), (int, float)):
            found = [x for x in article.numbers if x.loc.line == n["line"] and x.value is not None
                     and abs(float(x.value) - float(n["value"])) < 1e-6]
        else:  # dates, times, identifiers and vague plurals are matched by their text
            found = [x for x in article.numbers if x.loc.line == n["line"]
                     and (_n(n["text"]) in _n(x.loc.text) or _n(x.loc.text) in _n(n["text"]))]
        if not found:
            on_line = [(x.loc.text, x.value, x.category) for x in article.numbers if x.loc.line == n["line"]]
            problems.append(f"number {n['text']!r}={n['value']} on line {n['line']} not found (line has {on_line})")
            continue
        x = found[0]
        if "category" in n and x.category != n["category"]:
            problems.append(f"number {n['text']!r} line {n['line']}: category {x.category}, expected {n['category']}")
        if n.get("qualifier") and _n(x.qualifier) != _n(n["qualifier"]):
            problems.append(f"number {n['text']!r} line {n['line']}: qualifier {x.qualifier!r}, "
                            f"expected {n['qualifier']!r}")
        if "sourced" in n and x.attributed != n["sourced"]:
            problems.append(f"number {n['text']!r} line {n['line']}: attributed={x.attributed}, "
                            f"expected {n['sourced']}")
    for q in expected.get("quotes", []):
        found = [x for x in article.quotes if x.loc.line == q["line"] and
                 ("kind" not in q or x.kind == q["kind"]) and x.balanced == q.get("balanced", True)]
        if not found:
            on_line = [(x.kind, x.balanced, x.loc.text[:20]) for x in article.quotes if x.loc.line == q["line"]]
            problems.append(f"quote {q.get('kind')} balanced={q.get('balanced', True)} on line {q['line']} "
                            f"not found (line has {on_line})")
    findings = [f for f in result.findings if f.severity in ("error", "warning")]
    for f in expected.get("findings", []):
        if not any(x.category == f["category"] and x.location.line == f["line"] for x in findings):
            problems.append(f"missing finding {f['category']} on line {f['line']} ({f.get('why', '')})")
    for f in expected.get("no_findings", []):
        bad = [x for x in findings if x.category == f["category"] and x.location.line == f["line"]]
        if bad:
            problems.append(f"unexpected {f['category']} on line {f['line']}: {bad[0].message}")
    if expected.get("clean"):
        for x in findings:
            problems.append(f"clean article has {x.category} on line {x.location.line}: {x.message}")
    return problems


@pytest.mark.parametrize("expected,path", CASES, ids=[p.name for _, p in CASES])
def test_fixture(validator, expected: Path, path: Path):
    spec = json.loads(expected.read_text(encoding="utf-8"))
    article = validator.extract_file(str(path))
    result = validator.validate_file(str(path))
    assert result.error is None, result.error
    problems = check_article(article, spec, result)
    assert not problems, f"{path.name} ({spec.get('description', '')}):\n  " + "\n  ".join(problems)


def test_there_are_enough_fixtures():
    assert len(EXPECTED) >= 25
