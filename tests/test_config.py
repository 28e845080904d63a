"""validate.toml / [tool.validate]: found upward from each article, nearest wins; every error positioned."""
from __future__ import annotations

import json

import pytest

from tests.ci_support import ARTICLE, CLEAN, WARNINGS, cli, write
from validator import config as cfg
from validator.config import ConfigError

HOUSE_RULE = """rule house-casualty-source
  category house-style
  severity info
  description "House style: every casualty figure names who counted it."
  message ar "اذكر مصدر الحصيلة «{text}»"
  message en "Name who counted '{text}'"
  for each number where category = casualty
  require source within sentence
"""

VAGUE = "عنوان الخبر\n\nبغداد - وقال العارفون بالأمر إن المحادثات ستستأنف الأسبوع المقبل.\n"


@pytest.fixture(autouse=True)
def _fresh(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    cfg.clear_cache()
    yield
    cfg.clear_cache()


def _rules(out: str) -> list[str]:
    return [f["rule"] for file in json.loads(out)["files"] for f in file["findings"]]


def test_unknown_key_is_positioned(tmp_path):
    path = write(tmp_path / "validate.toml", 'disable = []\n\n  colour = "red"\n')
    with pytest.raises(ConfigError) as e:
        cfg.load(path)
    assert str(e.value) == f"validate.toml:3:3: unknown key 'colour' (known: {', '.join(cfg.KEYS)})"


def test_unknown_key_in_pyproject_table(tmp_path):
    path = write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.validate]\nfail-on = "warning"\n'
                                               '\n[tool.validate.rulez]\na = 1\n')
    with pytest.raises(ConfigError) as e:
        cfg.load(path)
    assert str(e.value).startswith("pyproject.toml:7:16: unknown key 'rulez'")


@pytest.mark.parametrize("text, where, message", [
    ('[severity]\nunbalanced-quote = "loud"\n', "2:1", "severity of 'unbalanced-quote' must be one of"),
    ('fail-on = "sometimes"\n', "1:1", "'fail-on' must be one of"),
    ('disable = "x"\nrules = [1]\n', "2:1", "'rules' must be a list of strings"),
    ('rules = ["../outside"]\n', "1:1", "'rules' path '../outside' escapes the configuration's folder"),
    ('lexicons = ["/etc"]\n', "1:1", "'lexicons' path '/etc' escapes"),
    ('exclude = ["../**"]\n', "1:1", "exclude glob '../**' escapes"),
    ('disable = [\n  "unsourced-casualty",\n  "no-such-rule",\n]\n', "3:3", "unknown rule 'no-such-rule' in 'disable'"),
    ('rules = [\n', "2:1", "invalid TOML"),
])
def test_bad_config_is_exit_2_with_position(tmp_path, capsys, text, where, message):
    (tmp_path / "outside").mkdir()
    write(tmp_path / "proj" / "validate.toml", text)
    write(tmp_path / "proj" / "a.txt", CLEAN)
    code, out, err = cli(["proj/a.txt"], capsys)
    assert code == 2 and out == ""
    assert err.startswith(f"proj/validate.toml:{where}: ") and message in err, err
    assert "Traceback" not in err


def test_disable_severity_fail_on(tmp_path, capsys):
    write(tmp_path / "validate.toml", 'disable = ["unnamed-source"]\nfail-on = "warning"\n'
                                      '[severity]\nunsourced-casualty = "info"\n')
    write(tmp_path / "a.txt", ARTICLE)
    code, out, _ = cli(["a.txt", "-f", "json"], capsys)
    data = json.loads(out)
    (f,) = data["files"][0]["findings"]
    assert f["rule"] == "unsourced-casualty" and f["severity"] == "info"
    assert code == 0  # info is below the config's fail-on = warning
    write(tmp_path / "b.txt", WARNINGS)
    assert cli(["b.txt"], capsys)[0] == 1       # warnings fail under fail-on = warning
    assert cli(["b.txt", "--fail-on", "error"], capsys)[0] == 0  # the option wins over the config


def test_nearest_config_wins(tmp_path, capsys):
    write(tmp_path / "validate.toml", 'disable = ["unnamed-source"]\n')
    write(tmp_path / "desk" / "pyproject.toml", '[project]\nname = "desk"\n\n[tool.validate]\n'
                                                'disable = ["unsourced-casualty"]\n')
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "desk" / "b.txt", ARTICLE)
    write(tmp_path / "other" / "pyproject.toml", '[project]\nname = "no validate table"\n')
    write(tmp_path / "other" / "c.txt", ARTICLE)
    code, out, _ = cli([".", "-f", "json", "-j", "1"], capsys)
    files = {f["path"]: [x["rule"] for x in f["findings"]] for f in json.loads(out)["files"]}
    assert files == {"a.txt": ["unsourced-casualty"], "desk/b.txt": ["unnamed-source"],
                     "other/c.txt": ["unsourced-casualty"]}
    assert code == 1


def test_explicit_config_file(tmp_path, capsys):
    write(tmp_path / "validate.toml", 'disable = ["unnamed-source"]\n')
    conf = write(tmp_path / "ci" / "strict.toml", 'fail-on = "info"\n')
    write(tmp_path / "a.txt", WARNINGS)
    code, out, _ = cli(["a.txt", "--config", conf, "-f", "json"], capsys)
    assert code == 1 and "unnamed-source" in _rules(out)
    code, _, err = cli(["a.txt", "--config", tmp_path / "nope.toml"], capsys)
    assert code == 2 and "nope.toml:1:1: no such configuration file" in err


def test_extra_rules_and_lexicons_relative_to_config(tmp_path, capsys):
    write(tmp_path / "validate.toml", 'rules = ["house"]\nlexicons = ["words"]\n')
    write(tmp_path / "house" / "house.rule", HOUSE_RULE)
    write(tmp_path / "words" / "vague-sources.txt", "العارفون بالأمر | kind=phrase\n")
    write(tmp_path / "news" / "a.txt", ARTICLE)
    write(tmp_path / "news" / "b.txt", VAGUE)
    code, out, _ = cli(["news", "-f", "json"], capsys)
    files = {f["path"]: [x["rule"] for x in f["findings"]] for f in json.loads(out)["files"]}
    assert "house-casualty-source" in files["news/a.txt"]
    assert files["news/b.txt"] == ["unnamed-source"]
    (tmp_path / "validate.toml").unlink()
    cfg.clear_cache()
    code, out, _ = cli(["news/b.txt", "-f", "json"], capsys)
    assert _rules(out) == []  # without the config, the phrase is not a vague source


def test_include_and_exclude(tmp_path, capsys):
    write(tmp_path / "validate.toml", 'include = ["news/**"]\nexclude = ["drafts", "*.skip.md"]\n')
    for name in ["news/a.txt", "news/b.md", "news/c.skip.md", "news/drafts/d.txt", "other/e.txt"]:
        write(tmp_path / name, ARTICLE)
    code, out, err = cli([".", "-f", "json"], capsys)
    assert [f["path"] for f in json.loads(out)["files"]] == ["news/a.txt", "news/b.md"]
    # a file named on the command line (pre-commit) is still excluded, with a note on stderr
    code, out, err = cli(["news/c.skip.md", "news/a.txt", "-f", "json"], capsys)
    assert [f["path"] for f in json.loads(out)["files"]] == ["news/a.txt"]
    assert "news/c.skip.md: excluded by configuration" in err


def test_glob_semantics():
    g = cfg.glob_match
    assert g("drafts/**", "drafts/x/y.md") and not g("drafts/**", "a/drafts/y.md")
    assert g("drafts", "a/drafts/y.md") and g("*.md", "a/b/c.md") and not g("a/*.md", "a/b/c.md")
    assert g("**/*.txt", "x.txt") and g("news/[ab].txt", "news/a.txt") and not g("news/[!ab].txt", "news/a.txt")


# -- the rules and extract subcommands see what a run sees (issue 16, point 5) --------------------------

def test_extract_honours_the_configured_lexicons(tmp_path, capsys):
    write(tmp_path / "validate.toml", 'lexicons = ["words"]\n')
    write(tmp_path / "words" / "vague-sources.txt", "العارفون بالأمر | kind=phrase\n")
    write(tmp_path / "news" / "b.txt", VAGUE)
    code, out, _ = cli(["extract", "news/b.txt"], capsys)
    entities = json.loads(out)["files"][0]["entities"]
    assert code == 0 and any(e["vague"] and "العارفون" in e["name"] for e in entities)


def test_rules_commands_honour_the_configuration(tmp_path, capsys):
    write(tmp_path / "validate.toml", 'rules = ["house"]\ndisable = ["unnamed-source"]\n'
                                      '[severity]\nunbalanced-quote = "info"\n')
    write(tmp_path / "house" / "house.rule", HOUSE_RULE)
    code, out, _ = cli(["rules", "list"], capsys)
    listed = dict(line.split("\t")[0::2] for line in out.splitlines())
    assert code == 0 and listed["house-casualty-source"] == "info" and listed["unbalanced-quote"] == "info"
    assert "unnamed-source" not in listed
    code, out, _ = cli(["rules", "explain", "house-casualty-source"], capsys)
    assert code == 0 and "Name who counted" in out
    code, _, err = cli(["rules", "explain", "unnamed-source"], capsys)
    assert code == 2 and "disabled by the configuration" in err


def test_rules_check_and_test_refuse_what_a_run_refuses(tmp_path, capsys):
    write(tmp_path / "mine.rule", HOUSE_RULE.replace("house-casualty-source", "unsourced-casualty"))
    for command in ("check", "test"):
        code, _, err = cli(["rules", command, "mine.rule"], capsys)
        assert code == 2 and "duplicate rule id 'unsourced-casualty'" in err, (command, err)
    code, _, err = cli(["--rules", "mine.rule", "x.txt"], capsys)
    assert code == 2 and "duplicate rule id 'unsourced-casualty'" in err


def test_replace_a_builtin_rule_with_a_house_rule(tmp_path, capsys):
    write(tmp_path / "validate.toml", 'rules = ["house"]\nreplace = ["unsourced-casualty"]\n')
    write(tmp_path / "house" / "casualty.rule", HOUSE_RULE.replace("house-casualty-source", "unsourced-casualty"))
    write(tmp_path / "a.txt", ARTICLE)
    code, out, _ = cli(["a.txt", "-f", "json", "--lang", "en"], capsys)
    (finding,) = [f for f in json.loads(out)["files"][0]["findings"] if f["rule"] == "unsourced-casualty"]
    assert code == 0 and finding["severity"] == "info" and finding["message"].startswith("Name who counted")
    code, out, _ = cli(["rules", "check"], capsys)
    assert code == 0, out
    write(tmp_path / "validate.toml", 'replace = ["unsourced-casualty"]\n')  # nothing replaces it
    cfg.clear_cache()
    code, _, err = cli(["a.txt"], capsys)
    assert code == 2 and "validate.toml:1:1: 'replace' names 'unsourced-casualty'" in err


def test_rules_explain_in_arabic(capsys):
    code, out, _ = cli(["rules", "explain", "unsourced-casualty", "--lang", "ar"], capsys)
    assert code == 0 and "تشترط" in out and "requires" not in out and "defined at" not in out
