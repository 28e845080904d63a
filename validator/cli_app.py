"""The typer application: help, subcommands (`extract`, `rules list|check|test|explain`) and option
errors. Built on first use: the common `validate ARTICLE...` never imports typer (see validator.cli)."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

from validator.cli_base import (
    EPILOG,
    HELP,
    CommandExit,
    Engine,
    ExtractFormat,
    FailOn,
    Format,
    Lang,
    builtin_rules,
    die,
    echo,
    package_version,
    rules_validator,
    write_output,
)
from validator.cli_check import check
from validator.errors import InputError, RuleError

_APP = None


def typer_app():
    """The typer application (help, subcommands, option errors), built on first use."""
    global _APP
    if _APP is not None:
        return _APP
    import typer

    settings = {"help_option_names": list(HELP)}
    app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                      context_settings=settings,
                      help="Rule-based fact-checking and consistency validator for Arabic news articles.")
    rules_app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                            context_settings=settings, help="List, check, test and explain rules.")
    app.add_typer(rules_app, name="rules")
    # The default command on its own application, so `validate --help` is its help (all the checking
    # options) and its usage reads `validate [OPTIONS] PATHS...`.
    check_app = typer.Typer(add_completion=False, pretty_exceptions_enable=False, context_settings=settings)

    @check_app.command(epilog=EPILOG)
    def check_command(
        paths: List[str] = typer.Argument(..., help="Articles, folders (recursively: .txt, .md, .html) or - for stdin."),
        format: Format = typer.Option(Format.text, "--format", "-f", help="Report format."),
        fail_on: Optional[FailOn] = typer.Option(
            None, "--fail-on", help="Exit 1 on findings at or above this (default: the config's fail-on, else error)."),
        rules: Optional[List[Path]] = typer.Option(None, "--rules", help="Extra rule file or folder (repeatable)."),
        select: Optional[List[str]] = typer.Option(
            None, "--select", help="Run only these rule ids (repeatable or comma-separated)."),
        disable: Optional[List[str]] = typer.Option(
            None, "--disable", help="Disable rule ids (repeatable or comma-separated)."),
        lang: Lang = typer.Option(Lang.ar, "--lang", help="Language of messages."),
        output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report to this file."),
        config: Optional[Path] = typer.Option(
            None, "--config", help="Configuration file for every article (default: nearest validate.toml or "
                                   "pyproject.toml with a tool.validate table above each article)."),
        baseline: Optional[Path] = typer.Option(None, "--baseline", help="Report only findings not in this baseline."),
        baseline_write: Optional[Path] = typer.Option(
            None, "--baseline-write", help="Record the current findings as the baseline (exit 0 unless a file fails)."),
        ignore_file: Optional[Path] = typer.Option(
            None, "--ignore-file", help="Central suppression file (path rule-id fingerprint-or-line  # reason)."),
        stdin_filename: Optional[str] = typer.Option(
            None, "--stdin-filename", help="The path standard input (-) stands for: its configuration, sidecar, "
                                           "baseline entry, markup and the name in reports."),
        jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=0, help="Parallel workers (default and maximum: the number of CPUs this process may use; more are not started)."),
        structures: bool = typer.Option(
            False, "--structures", help="--format html: also show the extracted people, numbers and quotes."),
        fix: bool = typer.Option(
            False, "--fix", help="Apply the suggestions of `forbid suggest` rules to the articles (atomic, "
                                 "encoding and line ends kept; a file with overlapping suggestions is left untouched)."),
        diff: bool = typer.Option(False, "--diff", help="With --fix: print a unified diff, write nothing."),
        engine: Engine = typer.Option(
            Engine.native, "--engine", help="native (default), gx (the rules as Great Expectations suites on "
                                            "pandas) or spark (the same suites on Spark); gx and spark need the "
                                            "corpus extra."),
        master: Optional[str] = typer.Option(None, "--master", help="Spark master URL (default local[*])."),
        data_docs: Optional[Path] = typer.Option(
            None, "--data-docs", help="Write Great Expectations Data Docs into this folder (gx, spark)."),
        explain: bool = typer.Option(
            False, "--explain", help="--format text: print under each finding its evidence (the rule, patterns and "
                                     "lexicon entries behind it, and what a requirement looked for and did not find)."),
        version: bool = typer.Option(False, "--version", "-V", help="Print the version and exit."),
    ) -> None:
        """Validate Arabic news articles and report findings (exit 0 clean, 1 findings, 2 bad input)."""
        if version:
            echo(f"validate {package_version()}")
            return
        check(paths, format, fail_on, rules, lang, output, config, disable, baseline, baseline_write, ignore_file,
              jobs, select, stdin_filename, structures, fix, diff, engine, master, data_docs, explain)

    app.command("check", hidden=True, epilog=EPILOG)(check_command)

    @app.command("extract")
    def extract_cmd(
        paths: List[str] = typer.Argument(..., help="Articles, folders or - for stdin."),
        format: ExtractFormat = typer.Option(ExtractFormat.json, "--format", "-f"),
        output: Optional[Path] = typer.Option(None, "--output", "-o"),
        config: Optional[Path] = typer.Option(None, "--config", help="As for validating (its lexicons count)."),
        stdin_filename: Optional[str] = typer.Option(None, "--stdin-filename"),
        explain: bool = typer.Option(False, "--explain", help="Text with the evidence of each structure."),
        lang: Lang = typer.Option(Lang.en, "--lang", help="Language of the evidence words (--explain)."),
    ) -> None:
        """Print the structures extracted from articles (numbers, quotes, entities, attributions)."""
        import json

        from validator import run
        from validator.extract.serialize import article_to_json, article_to_text

        try:  # each article's configuration: its extra lexicons change what is extracted
            plan = run.plan(paths, config_file=config, stdin_filename=stdin_filename)
        except RuleError as e:
            die(str(e))
        out, failed = [], False
        for item in plan.items:
            v = run.validator_for(plan.options[item.key])
            try:
                if item.stdin:
                    run.read_stdin(item)
                    if item.error:
                        raise InputError(item.error)
                    out.append(v.extract_source(item.text, item.path, item.encoding))
                else:
                    out.append(v.extract_file(item.path))
            except InputError as e:
                echo(f"error: {e}", err=True)
                failed = True
        if format is ExtractFormat.json and not explain:
            text = json.dumps({"files": [article_to_json(a) for a in out]}, ensure_ascii=False, indent=2) + "\n"
        else:
            text = "".join(article_to_text(a, explain, lang.value) for a in out)
        write_output(output, text, plan.files)
        if failed or plan.empty_folders:
            raise CommandExit(2)

    rules_option = typer.Option(None, "--rules", help="Extra rule file or folder (repeatable).")
    config_option = typer.Option(None, "--config", help="Configuration file (default: the nearest validate.toml "
                                                        "or pyproject.toml [tool.validate] above this folder).")

    @rules_app.command("list")
    def rules_list(rules: Optional[List[Path]] = rules_option, config: Optional[Path] = config_option) -> None:
        """One rule a line: id, category, severity (as the configuration sets them)."""
        for r in rules_validator(rules, config, "en").rules:
            echo(f"{r.id}\t{r.category}\t{r.severity}")

    @rules_app.command("check")
    def rules_check(paths: Optional[List[Path]] = typer.Argument(None, help="Rule files or folders."),
                    config: Optional[Path] = config_option) -> None:
        """Parse and lint rule files with the built-in and configured rules, as a run would load them:
        unknown fields or lexicons, duplicate ids. Errors as file:line:col."""
        from validator.rules.loader import rule_files

        validator = rules_validator(paths, config, "en")
        try:
            for name in validator.lexicons.names:
                validator.lexicons[name]  # every lexicon loads: its entries against its declared attributes
            patterns = validator.resources.patterns  # rules/patterns/: syntax, lexicon and shape names
        except RuleError as e:
            die(str(e))
        n = len(rule_files([builtin_rules(), *validator.options.rule_paths]))
        echo(f"{len(validator.all_rule_ids)} rule(s) in {n} file(s), {len(patterns)} pattern(s): ok")

    @rules_app.command("test")
    def rules_test(paths: Optional[List[Path]] = typer.Argument(None, help="Rule files or folders (default: every "
                                                                           "rule a run loads)."),
                   config: Optional[Path] = config_option) -> None:
        """Run the rules' flag/pass examples; print each failure; exit 1 on any."""
        from validator.rules.loader import rule_files
        from validator.rules.testing import run_examples

        validator = rules_validator(paths, config, "en")
        only = {str(f.resolve()) for f in rule_files(list(paths))} if paths else None
        failures, total = run_examples(validator, only)
        if not paths:  # the built-in token patterns (rules/patterns/) carry their examples too
            from validator.extract.patterns import run_pattern_examples

            pattern_failures, pattern_total = run_pattern_examples(validator.resources)
            failures, total = failures + pattern_failures, total + pattern_total
        for failure in failures:
            echo(failure)
        echo(f"{total - len(failures)} passed, {len(failures)} failed")
        if failures:
            raise CommandExit(1)

    @rules_app.command("explain")
    def rules_explain(rule_id: str, rules: Optional[List[Path]] = rules_option, config: Optional[Path] = config_option,
                      lang: Lang = typer.Option(Lang.en, "--lang")) -> None:
        """Show a rule: description, messages, selection, requirement and examples."""
        from validator.rules.explain import explain

        validator = rules_validator(rules, config, lang.value)
        rule = next((r for r in validator.rules if r.id == rule_id), None)
        if rule is None:
            if rule_id in validator.all_rule_ids:
                die(f"rule '{rule_id}' is disabled by the configuration")
            die(f"no rule '{rule_id}'; `validate rules list` shows them")
        echo(explain(rule, lang.value))

    _APP = app, check_app
    return _APP
