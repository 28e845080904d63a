"""`validate rules list|check|test|explain` and broken rule files, as the command runs them: exit codes
and stderr of `main()`, in this process for the many quick cases (an interpreter start-up each cost
most of the module's time), as real subprocesses (`python -m validator`) where a case needs one."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.ci_support import run_here
from validator.rules.loader import BUILTIN_RULES, load_rules

ROOT = Path(__file__).resolve().parent.parent

ARTICLE = "وقال المتحدث باسم البلدية إن الاجتماع انتهى دون اتفاق على موعد جديد.\n"


def run(*args, cwd: Path = ROOT, timeout: float = 120) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONIOENCODING="utf-8", NO_COLOR="1")
    return subprocess.run([sys.executable, "-m", "validator", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=timeout)


def run_all(commands: dict) -> dict:
    return {key: run_here(*args) for key, args in commands.items()}


def rule(select: str = "for each number", require: str = "forbid", rule_id: str = "r",
         head: str = '  category c\n  severity info\n  message en "m"\n') -> str:
    return f"rule {rule_id}\n{head}  {select}\n  {require}\n"


# -- list, test, explain -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def builtin():
    return load_rules([BUILTIN_RULES])


@pytest.fixture(scope="module")
def commands():
    return run_all({
        "list": ["rules", "list"],
        "test": ["rules", "test"],
        "check": ["rules", "check"],
        "explain": ["rules", "explain", "unsourced-casualty"],
        "explain-ar": ["rules", "explain", "unsourced-casualty", "--lang", "ar"],
        "unknown": ["rules", "explain", "no-such-rule"],
        "module-help": ["--help"],
    })


def test_every_builtin_example_passes(commands, builtin):
    p = commands["test"]
    from validator.extract.patterns import builtin_patterns_dir, load_patterns
    from validator.extract.resources import Resources
    from validator.text.lexicon import Lexicons

    patterns = load_patterns(set(Resources(Lexicons()).matchable), builtin_patterns_dir())
    total = sum(len(r.examples) for r in builtin) + sum(len(p.examples) for p in patterns)
    assert total > 0
    assert p.returncode == 0, p.stdout + p.stderr
    assert p.stdout.strip().splitlines()[-1] == f"{total} passed, 0 failed"
    assert "FAIL" not in p.stdout


def test_builtin_rules_check(commands, builtin):
    p = commands["check"]
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip().startswith(f"{len(builtin)} rule(s) in {len(list(BUILTIN_RULES.glob('*.rule')))} file(s), ")
    assert p.stdout.strip().endswith(" pattern(s): ok")


def test_rules_list_one_rule_a_line(commands, builtin):
    p = commands["list"]
    assert p.returncode == 0, p.stderr
    lines = p.stdout.strip().splitlines()
    assert [line.split("\t") for line in lines] == [[r.id, r.category, r.severity] for r in builtin]
    assert "unsourced-casualty\tunsourced-number\terror" in lines


def test_rules_explain(commands, builtin):
    p = commands["explain"]
    assert p.returncode == 0, p.stderr
    r = next(r for r in builtin if r.id == "unsourced-casualty")
    out = p.stdout
    assert out.startswith("unsourced-casualty  (unsourced-number, error)")
    assert "selects: each number where category = casualty and not in_headline" in out
    assert "requires: must have a source within its sentence" in out
    assert r.messages["ar"] in out and r.messages["en"] in out
    for ex in r.examples:
        assert f"{'flag' if ex.expect_flag else 'pass'}: {ex.text}" in out
    assert commands["explain-ar"].returncode == 0


def test_rules_explain_unknown_id_exits_2(commands):
    p = commands["unknown"]
    assert p.returncode == 2
    assert "no rule 'no-such-rule'" in p.stderr
    assert "Traceback" not in p.stderr


def test_python_dash_m_validator_runs_the_command(commands):
    assert commands["module-help"].returncode == 0
    assert "rules" in commands["module-help"].stdout


def test_explain_and_list_see_extra_rules(tmp_path):
    (tmp_path / "house.rule").write_text(rule("for each number where value > 1000000", rule_id="house-big"),
                                         encoding="utf-8")
    out = run_all({"list": ["rules", "list", "--rules", tmp_path],
                   "explain": ["rules", "explain", "house-big", "--rules", tmp_path]})
    assert "house-big\tc\tinfo" in out["list"].stdout.splitlines()
    assert "selects: each number where value > 1000000" in out["explain"].stdout


def test_rules_test_reports_a_failing_example(tmp_path):
    path = tmp_path / "wrong.rule"
    path.write_text(rule("for each number where category = money", rule_id="wrong")
                    + '  pass "وبلغت الكلفة 7 ملايين دينار."\n  flag "وصل الوفد إلى المدينة."\n', encoding="utf-8")
    p = run("rules", "test", path)
    assert p.returncode == 1
    lines = p.stdout.strip().splitlines()
    assert lines[-1] == "0 passed, 2 failed"
    assert lines[0].startswith(f"{path}:7:3: FAIL wrong: pass example was flagged at '7 ملايين'")
    assert lines[1].startswith(f"{path}:8:3: FAIL wrong: expected a finding in flag example")


# -- broken rule files -----------------------------------------------------------------------------------

LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<msg>\S.*)$")

SYNTAX = rule("for each number where value >")

BROKEN = {
    "unknown-field": (rule("for each number where colour = red"), 5, 25, "unknown field 'colour'"),
    "unknown-lexicon": (rule("for each number where noun in lexicon no-such-list"), 5, 25,
                        "unknown lexicon 'no-such-list'"),
    "unknown-placeholder": (rule(head='  category c\n  severity info\n  message en "m {bogus}"\n'), 4, 3,
                            "unknown placeholder '{bogus}'"),
    "consistent-quote": (rule("for each quote", "require consistent value"), 6, 11,
                         "'consistent value' does not apply to quote"),
    "no-severity": (rule(head='  category c\n  message en "m"\n'), 1, 1, "rule 'r' has no severity"),
    "no-message": (rule(head="  category c\n  severity info\n"), 1, 1, "rule 'r' has no message"),
    "bad-regex": (rule('for each sentence where text matches "(abc"'), 5, 27, "bad pattern"),
    "deep-nesting": (rule("for each number where " + "(" * 500 + "value > 3" + ")" * 500), 5, 65,
                     "conditions nested deeper than 40 levels"),
    "chained-not": (rule("for each number where " + "not " * 500 + "value > 3"), 1, 1, "nested too deeply"),
    "huge-file": (rule() + ("# " + "ا" * 100 + "\n") * 11_000, 1, 1, "the limit is 1000000"),
}


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    folder = tmp_path_factory.mktemp("broken")
    article = folder / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    commands = {}
    paths = {}
    for name, (text, *_rest) in {**BROKEN, "syntax": (SYNTAX,)}.items():
        path = folder / f"{name}.rule"
        path.write_text(text, encoding="utf-8")
        paths[name] = path
        commands[(name, "check")] = ["rules", "check", path]
        commands[(name, "test")] = ["rules", "test", path]
        commands[(name, "run")] = ["--rules", path, article]
    dup = folder / "dup"
    dup.mkdir()
    (dup / "a.rule").write_text(rule(rule_id="same-id"), encoding="utf-8")
    (dup / "b.rule").write_text("# the same id again\n" + rule(rule_id="same-id"), encoding="utf-8")
    paths["dup"] = dup
    commands[("dup", "check")] = ["rules", "check", dup]
    commands[("dup", "test")] = ["rules", "test", dup]
    commands[("dup", "run")] = ["--rules", dup, article]
    builtin_dup = folder / "builtin-dup.rule"
    builtin_dup.write_text(rule(rule_id="unsourced-casualty"), encoding="utf-8")
    commands[("builtin-dup", "run")] = ["--rules", builtin_dup, article]
    assert (folder / "huge-file.rule").stat().st_size > 2_000_000
    return paths, run_all(commands)


def assert_rule_error(p: subprocess.CompletedProcess, path: Path, line: int, column: int, message: str):
    assert p.returncode == 2, (p.returncode, p.stdout, p.stderr)
    assert "Traceback" not in p.stderr
    errors = [x for x in p.stderr.splitlines() if LINE.match(x.removeprefix("error: "))]
    assert errors, p.stderr
    m = LINE.match(errors[0].removeprefix("error: "))
    assert m["path"] == str(path), p.stderr
    assert (int(m["line"]), int(m["col"])) == (line, column), p.stderr
    assert message in m["msg"], p.stderr


def test_syntax_error_shows_file_line_col_and_caret(broken):
    paths, results = broken
    for command in ("check", "test", "run"):
        p = results[("syntax", command)]
        assert_rule_error(p, paths["syntax"], 5, 31, "cannot read '>'")
        lines = p.stderr.splitlines()
        assert lines[-2].strip() == "for each number where value >"
        assert lines[-1].strip() == "^"
        assert lines[-1].index("^") == lines[-2].index("for") + len("for each number where value ")


@pytest.mark.parametrize("name", sorted(BROKEN))
@pytest.mark.parametrize("command", ["check", "test", "run"])
def test_broken_rule_file_is_a_one_line_error(broken, name, command):
    paths, results = broken
    _, line, column, message = BROKEN[name]
    p = results[(name, command)]
    assert_rule_error(p, paths[name], line, column, message)
    first = p.stderr.splitlines()[0]
    assert LINE.match(first), first  # the error itself is one line; the rule's line and a caret may follow
    assert len(p.stderr.strip().splitlines()) <= 3


@pytest.mark.parametrize("command", ["check", "test", "run"])
def test_duplicate_id_across_two_files(broken, command):
    paths, results = broken
    p = results[("dup", command)]
    assert_rule_error(p, paths["dup"] / "b.rule", 2, 1, "duplicate rule id 'same-id'")
    assert f"first defined at {paths['dup'] / 'a.rule'}:1:1" in p.stderr


def test_duplicate_of_a_builtin_id(broken):
    p = broken[1][("builtin-dup", "run")]
    assert p.returncode == 2 and "duplicate rule id 'unsourced-casualty'" in p.stderr
    assert "Traceback" not in p.stderr


def test_missing_rule_path_exits_2(tmp_path):
    p = run("rules", "check", tmp_path / "nowhere.rule")
    assert p.returncode == 2 and "no such rule file or folder" in p.stderr and "Traceback" not in p.stderr


# -- a catastrophic pattern ----------------------------------------------------------------------------------

def test_catastrophic_pattern_ends_quickly_with_exit_2(tmp_path):
    path = tmp_path / "slow.rule"
    path.write_text(rule('for each sentence where text matches "(ا+)+$"', rule_id="slow"), encoding="utf-8")
    article = tmp_path / "long.txt"
    article.write_text("ا" * 5000 + "!\n", encoding="utf-8")
    start = time.monotonic()
    p = run("--rules", path, article, timeout=60)
    assert time.monotonic() - start < 30
    assert p.returncode == 2, (p.stdout, p.stderr)
    assert "Traceback" not in p.stderr
    assert f"{path}:5:27: pattern of rule 'slow' took longer than 0.25s" in p.stderr


def test_catastrophic_pattern_in_an_example_fails_the_test_without_a_traceback(tmp_path):
    path = tmp_path / "slow.rule"
    path.write_text(rule('for each sentence where text matches "(ا+)+$"', rule_id="slow")
                    + '  pass "' + "ا" * 5000 + '!"\n', encoding="utf-8")
    p = run("rules", "test", path, timeout=60)
    assert "Traceback" not in p.stderr
    assert p.returncode != 0
    assert f"{path}:7:3: FAIL slow: {path}:5:27: pattern of rule 'slow' took longer than 0.25s" in p.stdout
