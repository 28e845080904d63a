"""Hostile or broken rules: they never run code, their patterns run under a timeout, their paths stay
inside their folders, and absurd files fail cleanly (a one-line `file:line:col` error, exit 2).

Some of this is covered in test_rules_language.py / test_rules_cli.py (deep parentheses, chains of
`not`, the catastrophic pattern in `rules test`); here is the rest."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
import tokenize
from pathlib import Path

import pytest

from validator.errors import RuleError
from validator.rules import loader
from validator.rules.loader import BUILTIN_RULES, load_rules, load_text
from validator.text.lexicon import Lexicons

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "validator"


def rule(condition: str = "value > 3", rule_id: str = "t") -> str:
    return (f"rule {rule_id}\n  category test\n  severity warning\n  message en \"x {{text}}\"\n"
            f"  for each number where {condition}\n  require source within sentence\n")


def run(*args, timeout: float = 120, env: dict | None = None):
    e = dict(os.environ, PYTHONIOENCODING="utf-8", **(env or {}))
    p = subprocess.run([sys.executable, "-m", "validator", *map(str, args)], capture_output=True, text=True,
                       encoding="utf-8", timeout=timeout, env=e, cwd=ROOT)
    return p.returncode, p.stdout, p.stderr


# -- no code execution --------------------------------------------------------------------------------

FORBIDDEN = {"eval", "exec", "pickle", "marshal", "__import__", "cPickle", "dill", "shelve"}


def test_the_package_never_executes_code_from_data():
    """No eval/exec/pickle/marshal/__import__ in the package's code (comments and strings are prose)."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            if tok.type == tokenize.NAME and tok.string in FORBIDDEN:
                found.append(f"{path.relative_to(ROOT)}:{tok.start[0]}: {tok.line.strip()}")
            if tok.type == tokenize.STRING and any(w in tok.string for w in ("eval(", "exec(", "__import__(")):
                found.append(f"{path.relative_to(ROOT)}:{tok.start[0]}: code in a string: {tok.line.strip()}")
    assert not found, "\n".join(found)


def test_the_rule_cache_decodes_only_rule_model_classes(tmp_path, monkeypatch):
    """The parsed-rule cache is JSON decoded into the rule model's own classes; anything else in it
    (a damaged file, a class name from elsewhere) is ignored and the rule file parsed again."""
    monkeypatch.setenv("VALIDATOR_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("VALIDATOR_NO_CACHE", raising=False)
    path = tmp_path / "a.rule"
    path.write_text(rule(), encoding="utf-8")
    first = loader.load_file(path)
    (entry,) = (tmp_path / "cache").glob("*.json")
    assert loader.load_file(path) == first
    for poison in ('{"format": "rules-json-1", "key": "%s", "rules": [{"@": "Popen", "args": "id"}]}',
                   '{"format": "rules-json-1", "key": "%s", "rules": [{"@": "Rule", "id": 1}]}',
                   "not json", '{"format": "rules-json-1", "key": "%s", "rules": [1]}', "[]"):
        entry.write_text(poison.replace("%s", entry.stem), encoding="utf-8")
        assert loader.load_file(path) == first


def test_cached_rules_equal_freshly_parsed_rules(tmp_path, monkeypatch):
    monkeypatch.setenv("VALIDATOR_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("VALIDATOR_NO_CACHE", raising=False)
    names = set(Lexicons().names)
    fresh = load_rules([BUILTIN_RULES], names)      # parses and writes the cache
    assert list((tmp_path / "cache").glob("*.json"))
    cached = load_rules([BUILTIN_RULES], names)     # reads it
    assert cached == fresh
    monkeypatch.setenv("VALIDATOR_NO_CACHE", "1")
    assert load_rules([BUILTIN_RULES], names) == fresh


def test_a_changed_rule_file_is_parsed_again(tmp_path, monkeypatch):
    monkeypatch.setenv("VALIDATOR_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("VALIDATOR_NO_CACHE", raising=False)
    path = tmp_path / "a.rule"
    path.write_text(rule("value > 3"), encoding="utf-8")
    assert loader.load_file(path)[0].condition.value == 3
    path.write_text(rule("value > 4"), encoding="utf-8")
    assert loader.load_file(path)[0].condition.value == 4


def test_an_unwritable_cache_is_skipped(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("VALIDATOR_CACHE_DIR", str(blocker / "cache"))  # cannot be created
    path = tmp_path / "a.rule"
    path.write_text(rule(), encoding="utf-8")
    assert len(loader.load_file(path)) == 1


# -- patterns run under a timeout ------------------------------------------------------------------------

def test_catastrophic_pattern_over_a_long_line_in_a_batch(tmp_path):
    slow = tmp_path / "slow.rule"
    slow.write_text(rule('text matches "(ا+)+$"', "slow").replace("for each number where", "for each sentence where")
                    .replace("require source within sentence", "forbid"), encoding="utf-8")
    long_line = tmp_path / "long.txt"
    long_line.write_text("ا" * 100_000 + "!\n", encoding="utf-8")
    fine = tmp_path / "fine.txt"
    fine.write_text("وقال محللون إن الطلب سيزداد.\n", encoding="utf-8")
    start = time.monotonic()
    code, out, err = run("--rules", slow, long_line, fine, "--format", "json")
    assert time.monotonic() - start < 60
    assert code == 2 and "Traceback" not in err
    assert f"{slow}:5:" in err and "pattern of rule 'slow' took longer than" in err
    files = {f["path"]: f for f in json.loads(out)["files"]}
    assert "error" in files[str(long_line)] and "error" not in files[str(fine)]


# -- paths stay inside their folders -----------------------------------------------------------------------

def test_rules_folder_does_not_follow_a_symlinked_folder_out(tmp_path):
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "ok.rule").write_text(rule(rule_id="ok"), encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "evil.rule").write_text(rule(rule_id="evil"), encoding="utf-8")
    (folder / "etc").symlink_to("/etc", target_is_directory=True)
    (folder / "out").symlink_to(outside, target_is_directory=True)
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    assert [r.id for r in load_rules([folder])] == ["ok"]


def test_rules_folder_refuses_a_symlinked_file_outside_it(tmp_path):
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "passwd.rule").symlink_to("/etc/passwd")
    with pytest.raises(RuleError, match="symlink leads outside the rules folder"):
        load_rules([folder])
    code, _, err = run("rules", "check", folder)
    assert code == 2 and "symlink leads outside" in err and "root:" not in err and "Traceback" not in err


def test_rules_folder_accepts_a_symlinked_file_inside_it(tmp_path):
    folder = tmp_path / "rules"
    (folder / "real").mkdir(parents=True)
    (folder / "real" / "a.rule").write_text(rule(rule_id="a"), encoding="utf-8")
    (folder / "alias.rule").symlink_to(folder / "real" / "a.rule")
    with pytest.raises(RuleError, match="duplicate rule id 'a'"):  # read twice, so the id repeats
        load_rules([folder])


def test_a_looping_symlink_in_a_rules_folder(tmp_path):
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "self.rule").symlink_to(folder / "self.rule")
    with pytest.raises(RuleError, match="broken or looping symlink"):
        load_rules([folder])


@pytest.mark.parametrize("name", ["../../etc/passwd", "../titles", "/etc/passwd", ".hidden", "a/b", "..", "",
                                  "titles\x00"])
def test_lexicon_names_cannot_escape_their_folder(name):
    lexicons = Lexicons()
    assert name not in lexicons
    with pytest.raises(RuleError, match="not a lexicon name"):
        lexicons[name]


def test_in_lexicon_with_a_path_is_an_unknown_lexicon(tmp_path):
    path = tmp_path / "a.rule"
    path.write_text(rule('noun in lexicon "../../etc/passwd"'), encoding="utf-8")
    code, _, err = run("rules", "check", path)
    assert code == 2 and f"{path}:5:" in err and "unknown lexicon '../../etc/passwd'" in err
    assert "root:" not in err and "Traceback" not in err


def test_an_extra_lexicon_symlinked_outside_its_folder_is_refused(tmp_path):
    folder = tmp_path / "lexicons"
    folder.mkdir()
    (folder / "titles.txt").symlink_to("/etc/passwd")
    with pytest.raises(RuleError, match="symlink leading outside its folder"):
        Lexicons([folder])["titles"]


# -- absurd files fail cleanly ---------------------------------------------------------------------------

def test_a_million_blank_lines_then_a_rule():
    text = "\n" * 999_000 + rule()
    start = time.monotonic()
    (r,) = load_text(text, "big.rule")
    assert r.where.line == 999_001 and time.monotonic() - start < 30


def test_a_million_line_rule_file_over_the_size_limit(tmp_path):
    path = tmp_path / "million.rule"
    path.write_text("# a comment\n" * 1_000_000, encoding="utf-8")
    with pytest.raises(RuleError, match="the limit is"):
        loader.load_file(path)
    code, _, err = run("rules", "check", path)
    assert code == 2 and err.startswith(f"{path}:1:1: rule file is") and "Traceback" not in err


def test_a_long_chain_of_and_or_is_refused_before_parsing():
    for op in ("and", "or", "أو"):
        text = rule(f" {op} ".join(["value > 3"] * 20_000))
        start = time.monotonic()
        with pytest.raises(RuleError, match="more than 1000 'and'/'or' operators") as e:
            load_text(text, "chain.rule")
        assert time.monotonic() - start < 5 and e.value.line == 5
    (r,) = load_text(rule(" and ".join(["value > 3"] * 50)), "ok.rule")  # an ordinary chain parses
    assert len(r.condition.operands) == 50
    # "and"/"أو" inside strings and comments do not count
    (r,) = load_text("# " + " أو " * 2000 + "\n" + rule() + '  flag "' + " أو ".join(["x"] * 2000) + '"\n', "s.rule")


@pytest.mark.parametrize("condition", [
    "(" * 5_000 + "value > 3" + ")" * 5_000,
    "not " * 5_000 + "value > 3",
    'text matches "' + "(" * 3_000 + "a" + ")" * 3_000 + '"',
    "value in [" * 2_000 + "1" + "]" * 2_000,
    "text matches \"" + "a{1000}" * 50 + "{1000}" * 3 + "\"",
])
def test_deeply_nested_conditions_fail_cleanly(condition):
    start = time.monotonic()
    with pytest.raises(RuleError) as e:
        load_text(rule(condition), "deep.rule")
    assert time.monotonic() - start < 10
    assert e.value.path == "deep.rule" and e.value.line >= 1 and "\n" not in e.value.one_line()


@pytest.mark.parametrize("data,message", [
    (b"\xff\xfe\x00r\x00u", "not UTF-8"),
    (b"rule \x00\x01\x02", "rule"),
    (("rule x\n  category c\n  message en \"" + "a" * 900_000).encode(), "Expected"),
])
def test_binary_or_broken_rule_files(tmp_path, data, message):
    path = tmp_path / "bad.rule"
    path.write_bytes(data)
    with pytest.raises(RuleError) as e:
        loader.load_file(path)
    assert e.value.path == str(path) and message in str(e.value)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_a_fifo_named_as_a_rule_file_is_not_waited_on(tmp_path):
    fifo = tmp_path / "pipe.rule"
    os.mkfifo(fifo)
    start = time.monotonic()
    with pytest.raises(RuleError, match="not a regular file"):
        loader.load_file(fifo)
    assert time.monotonic() - start < 5
