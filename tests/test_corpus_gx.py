"""The corpus engine on pandas: rules compiled to Great Expectations suites give the native
engine's findings; what cannot be compiled is named."""
from __future__ import annotations

import pytest

from tests.conftest import FIXTURES
from validator.corpus.compiler import FIELD_TYPES, GX_MAX_CONDITIONS, compile_rules, condition_parts
from validator.errors import RuleError
from validator.rules.fields import FIELDS
from validator.rules.loader import load_text


def test_every_field_has_a_column_type():
    # a field added to the rule language needs its column type, or tables would store it as text
    missing = {name for fields in FIELDS.values() for name, spec in fields.items()
               if spec.target is None and name not in FIELD_TYPES}
    assert not missing


def test_a_rule_the_compiler_cannot_express_is_named(validator):
    extra = load_text('''rule house-pattern
  category style
  severity info
  message en "x"
  for each sentence where text matches "ال[a-z]+"
  forbid
''', "house.rule", set(validator.lexicons.names))
    with pytest.raises(RuleError, match=r"house-pattern \(pattern on text\)"):
        compile_rules([*validator.rules, *extra])


def test_negation_keeps_native_treatment_of_missing_values(validator):
    rules = {r.id: r for r in validator.rules}
    compiled = compile_rules([rules["unnamed-speaker"], rules["unsourced-casualty"]])
    speaker, casualty = compiled.rules
    head = [("kind", "==", "speech"), ("balanced", "==", True), ("in_first_person", "==", False),
            ("speaker", "not_null", None), ("speaker_first", "==", True)]
    # (the others of a group told as no source, crowd_reaction, are their reaction, not an anonymous speaker)
    assert speaker.terms == [head + [("speaker__kind", "==", "unnamed"), ("speaker__crowd_reaction", "==", False)],
                             head + [("speaker__unnamed_spokesman", "==", True)]]
    # `not text in (...)`: a missing text is outside any list (two alternatives, one without a null test)
    assert [t for t in casualty.terms if ("text", "null", None) in t]
    assert [t for t in casualty.terms if any(a[:2] == ("text", "not_in") for a in t)]


def test_a_condition_too_large_for_one_expectation_is_cut_in_order(validator):
    """Great Expectations refuses a row condition of more than 100 column tests: a rule whose DNF is
    larger becomes several expectations, each within the limit, together every term once, in order."""
    terms = [[("a", "==", i), ("b", "==", i), ("c", "null", None)] for i in range(50)]   # 150 tests
    parts = condition_parts(terms, limit=GX_MAX_CONDITIONS)
    assert len(parts) == 2 and [t for p in parts for t in p] == terms
    assert all(sum(len(t) for t in p) <= GX_MAX_CONDITIONS for p in parts)
    assert condition_parts(terms[:3]) == [terms[:3]] and condition_parts(None) == [None]
    # every built-in rule compiles to parts Great Expectations accepts
    for cr in compile_rules(validator.rules).rules:
        assert all(p is None or sum(len(t) for t in p) <= GX_MAX_CONDITIONS for p in condition_parts(cr.terms))


def test_gx_engine_gives_the_native_findings_on_the_fixtures(tmp_path):
    from validator import run
    from validator.corpus import gx_engine

    plan = run.plan([str(FIXTURES)])
    native = [r.to_json() for r in run.results(plan, jobs=1)]
    docs = tmp_path / "docs"
    gx = [r.to_json() for _, r in gx_engine.results(plan, jobs=1, data_docs=docs)]
    assert sum(len(r["findings"]) for r in native) > 40  # enough findings for the comparison to mean something
    assert gx == native   # the same findings, messages, fingerprints and evidence
    index = (docs / "index.html").read_text(encoding="utf-8")
    for table in ("number", "quote", "entity", "mention", "consistency", "feed"):
        assert (docs / "expectations" / f"validator-{table}.html").exists()
        assert f"validator-{table}" in index


def test_the_native_engine_imports_neither_gx_nor_spark():
    import subprocess
    import sys

    p = subprocess.run([sys.executable, "-X", "importtime", "-m", "validator",
                        str(FIXTURES / "basra-electricity-protests.txt"), "--fail-on", "never"],
                       capture_output=True, text=True)
    assert p.returncode == 0
    imported = {line.split("|")[-1].strip().split(".")[0] for line in p.stderr.splitlines() if "|" in line}
    assert "validator" in imported and not imported & {"great_expectations", "pyspark", "pandas"}
