"""The command line as ruff, sqlfluff and semgrep users expect it (issue 16, point 6): version and
help flags, the checking options in `validate --help`, a folder named like a command, standard input
with a file name, empty folders, repository documents in folder runs, rule id lists."""
from __future__ import annotations

import json

from tests.ci_support import ARTICLE, CLEAN, ROOT, cli, run_validate, write


def test_version_and_short_help(capsys):
    code, out, _ = cli(["--version"], capsys)
    assert code == 0 and out.startswith("validate ") and out.split()[1][0].isdigit()
    code, out, _ = cli(["-h"], capsys)
    assert code == 0 and "Usage: validate [OPTIONS]" in out


def test_help_lists_the_checking_options(capsys):
    code, out, _ = cli(["--help"], capsys)
    assert code == 0
    for option in ("--format", "--fail-on", "--baseline", "--disable", "--select", "--stdin-filename", "--jobs"):
        assert option in out, option
    assert "validate extract" in out and "validate rules" in out


def test_a_folder_named_rules_is_validated_not_taken_as_the_subcommand(tmp_path, monkeypatch, capsys):
    write(tmp_path / "rules" / "article.txt", ARTICLE)
    monkeypatch.chdir(tmp_path)
    code, out, err = cli(["rules", "--format", "json"], capsys)
    assert code == 1, err
    assert json.loads(out)["files"][0]["path"].endswith("article.txt")
    code, out, _ = cli(["rules", "list"], capsys)  # the subcommand is still there
    assert code == 0 and "unsourced-casualty" in out
    (tmp_path / "rules" / "article.txt").unlink()  # a folder of rule files, say: validated, with a hint
    code, _, err = cli(["rules"], capsys)
    assert code == 2 and "no articles found" in err and "validate rules --help" in err


def test_stdin_filename_names_the_article_for_config_sidecar_and_report(tmp_path):
    write(tmp_path / "validate.toml", 'disable = ["unnamed-source"]\n')
    write(tmp_path / "news" / "aleppo.md.validate-ignore", "unsourced-casualty 3   # checked\n")
    code, out, err = run_validate(["-", "--stdin-filename", "news/aleppo.md", "--format", "json"], tmp_path,
                                  stdin="# " + ARTICLE)
    assert code == 0, err
    (entry,) = json.loads(out)["files"]
    assert entry["path"] == "news/aleppo.md"
    rules = {f["rule"] for f in entry["findings"]}
    assert "unsourced-casualty" not in rules and "unnamed-source" not in rules


def test_an_empty_folder_fails_like_an_empty_file(tmp_path, monkeypatch, capsys):
    (tmp_path / "empty").mkdir()
    monkeypatch.chdir(tmp_path)
    code, _, err = cli(["empty"], capsys)
    assert code == 2 and "empty: no articles found" in err


def test_folder_runs_skip_repository_documents(tmp_path, monkeypatch, capsys):
    write(tmp_path / "news" / "a.txt", CLEAN)
    write(tmp_path / "news" / "README.md", ARTICLE)
    monkeypatch.chdir(tmp_path)
    code, out, _ = cli(["news", "--format", "json"], capsys)
    assert code == 0 and [f["path"] for f in json.loads(out)["files"]] == ["news/a.txt"]
    code, _, _ = cli(["news/README.md"], capsys)  # named, it is validated
    assert code == 1


def test_disable_takes_comma_lists_and_refuses_unknown_ids(tmp_path, monkeypatch, capsys):
    write(tmp_path / "a.txt", ARTICLE)
    monkeypatch.chdir(tmp_path)
    code, out, _ = cli(["a.txt", "--disable", "unsourced-casualty,unnamed-source", "--format", "json"], capsys)
    rules = {f["rule"] for f in json.loads(out)["files"][0]["findings"]}
    assert code == 0 and not rules & {"unsourced-casualty", "unnamed-source"}
    code, _, err = cli(["a.txt", "--disable", "nosuch-rule"], capsys)
    assert code == 2 and "unknown rule 'nosuch-rule'" in err


def test_select_runs_only_the_selected_rules(tmp_path, monkeypatch, capsys):
    write(tmp_path / "a.txt", ARTICLE)
    monkeypatch.chdir(tmp_path)
    code, out, _ = cli(["a.txt", "--select", "unnamed-source", "--format", "json"], capsys)
    assert code == 0 and {f["rule"] for f in json.loads(out)["files"][0]["findings"]} == {"unnamed-source"}
    code, _, err = cli(["a.txt", "--select", "unamed-source"], capsys)
    assert code == 2 and "unknown rule" in err


def test_builtin_rules_are_found_through_the_package():
    from validator.paths import builtin_rules_dir

    assert (builtin_rules_dir() / "unsourced-casualty.rule").is_file()
    assert builtin_rules_dir() == ROOT / "rules"  # a checkout: the editable package sits beside rules/


def test_stdin_filename_finds_the_article_in_a_baseline(tmp_path):
    write(tmp_path / "news" / "aleppo.txt", ARTICLE)
    code, _, err = run_validate(["news", "--baseline-write", "baseline.json"], tmp_path)
    assert code == 0, err
    code, out, err = run_validate(["-", "--stdin-filename", "news/aleppo.txt", "--baseline", "baseline.json"],
                                  tmp_path, stdin=ARTICLE)
    assert code == 0, out + err
    code, _, _ = run_validate(["-", "--baseline", "baseline.json"], tmp_path, stdin=ARTICLE)
    assert code == 1  # unnamed, standard input is no recorded article
