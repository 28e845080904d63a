"""The `validate` command. Thin: parse options, call `app`, pick a report, set the exit code."""
from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from validator.errors import InputError, RuleError
from validator.findings import SEVERITY_RANK

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Rule-based fact-checking and consistency validator for Arabic news articles.")
rules_app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                        help="List, check, test and explain rules.")
app.add_typer(rules_app, name="rules")

SUBCOMMANDS = {"check", "extract", "rules", "--help", "-h", "--version"}


class Format(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    junit = "junit"
    github = "github"
    jsonl = "jsonl"


class ExtractFormat(str, Enum):
    json = "json"
    text = "text"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


class Lang(str, Enum):
    ar = "ar"
    en = "en"


def _die(message: str) -> None:
    typer.echo(message, err=True)
    raise typer.Exit(2)


def _load_validator(rules: list[Path] | None, lang: str, builtin: bool = True):
    from validator.app import Options, Validator

    try:
        return Validator(Options(rule_paths=list(rules or []), lang=lang, builtin_rules=builtin))
    except RuleError as e:
        _die(str(e))


def _write(output: Optional[Path], text: str, inputs: list[str]) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    target = output.resolve()
    if any(p != "-" and Path(p).resolve() == target for p in inputs):
        _die(f"{output}: refusing to overwrite an input article with the report")
    tmp = target.with_name(f".{target.name}.tmp{os.getpid()}")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, target)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        _die(f"{output}: cannot write report ({e.strerror or e})")


@app.command("check")
def check(
    paths: List[str] = typer.Argument(..., help="Articles, folders (recursively: .txt, .md) or - for stdin."),
    format: Format = typer.Option(Format.text, "--format", "-f", help="Report format."),
    fail_on: FailOn = typer.Option(FailOn.error, "--fail-on", help="Exit 1 on findings at or above this."),
    rules: Optional[List[Path]] = typer.Option(None, "--rules", help="Extra rule file or folder (repeatable)."),
    lang: Lang = typer.Option(Lang.ar, "--lang", help="Language of messages."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report to this file."),
) -> None:
    """Validate articles and report findings (the default command)."""
    from validator.app import expand_paths

    validator = _load_validator(rules, lang.value)
    files = expand_paths(paths)
    results = []
    from validator.rules.engine import RulePatternTimeout

    for path in files:
        try:
            if path == "-":
                from validator import document

                text, encoding = document.decode(document.read_bytes("-"), "<stdin>")
                results.append(validator.validate_text(text, "-", encoding))
            else:
                results.append(validator.validate_file(path))
        except InputError as e:
            from validator.findings import FileResult

            results.append(FileResult(path, error=str(e)))
        except RulePatternTimeout as e:
            _die(e.one_line())
    for r in results:
        if r.error:
            typer.echo(f"error: {r.error}", err=True)
    _write(output, _render(format, results, lang.value, output is None), files)
    if any(r.error for r in results):
        raise typer.Exit(2)
    threshold = SEVERITY_RANK[fail_on.value]
    if any(SEVERITY_RANK[f.severity] >= threshold for r in results for f in r.findings):
        raise typer.Exit(1)


def _render(fmt: Format, results, lang: str, to_terminal: bool) -> str:
    if fmt is Format.json:
        from validator.report import json_report
        return json_report.render(results)
    if fmt is Format.text:
        from validator.report import text
        color = to_terminal and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        return text.render([r for r in results if not r.error] + [r for r in results if r.error], color, lang)
    import importlib

    module = importlib.import_module(f"validator.report.{fmt.value}")
    return module.render(results)


@app.command("extract")
def extract_cmd(
    paths: List[str] = typer.Argument(..., help="Articles or - for stdin."),
    format: ExtractFormat = typer.Option(ExtractFormat.json, "--format", "-f"),
    output: Optional[Path] = typer.Option(None, "--output", "-o"),
) -> None:
    """Print the structures extracted from articles (numbers, quotes, entities, attributions)."""
    import json

    from validator import document
    from validator.app import expand_paths
    from validator.extract.pipeline import extract
    from validator.extract.resources import Resources
    from validator.extract.serialize import article_to_json, article_to_text
    from validator.text.lexicon import Lexicons

    resources = Resources(Lexicons())
    files = expand_paths(paths)
    out, failed = [], False
    for path in files:
        try:
            if path == "-":
                text, enc = document.decode(document.read_bytes("-"), "<stdin>")
                doc = document.build(text, "-", enc)
            else:
                doc = document.load(path)
        except InputError as e:
            typer.echo(f"error: {e}", err=True)
            failed = True
            continue
        out.append(extract(doc, resources))
    if format is ExtractFormat.json:
        text = json.dumps({"files": [article_to_json(a) for a in out]}, ensure_ascii=False, indent=2) + "\n"
    else:
        text = "".join(article_to_text(a) for a in out)
    _write(output, text, files)
    if failed:
        raise typer.Exit(2)


@rules_app.command("list")
def rules_list(rules: Optional[List[Path]] = typer.Option(None, "--rules")) -> None:
    """One rule a line: id, category, severity."""
    validator = _load_validator(rules, "en")
    for r in validator.rules:
        typer.echo(f"{r.id}\t{r.category}\t{r.severity}")


@rules_app.command("check")
def rules_check(paths: Optional[List[Path]] = typer.Argument(None, help="Rule files or folders.")) -> None:
    """Parse and lint rule files: unknown fields or lexicons, duplicate ids. Errors as file:line:col."""
    from validator.rules.loader import BUILTIN_RULES, load_rules, rule_files
    from validator.text.lexicon import Lexicons

    targets = list(paths) if paths else [BUILTIN_RULES]
    try:
        loaded = load_rules(targets, set(Lexicons().names))
    except RuleError as e:
        _die(str(e))
    typer.echo(f"{len(loaded)} rule(s) in {len(rule_files(targets))} file(s): ok")


@rules_app.command("test")
def rules_test(paths: Optional[List[Path]] = typer.Argument(None, help="Rule files or folders.")) -> None:
    """Run every rule's flag/pass examples; print each failure; exit 1 on any."""
    from validator.rules.testing import run_examples

    from validator.app import Options, Validator

    try:
        validator = Validator(Options(rule_paths=list(paths or []), builtin_rules=not paths, lang="en"))
    except RuleError as e:
        _die(str(e))
    failures, total = run_examples(validator)
    for failure in failures:
        typer.echo(failure)
    typer.echo(f"{total - len(failures)} passed, {len(failures)} failed")
    if failures:
        raise typer.Exit(1)


@rules_app.command("explain")
def rules_explain(rule_id: str, rules: Optional[List[Path]] = typer.Option(None, "--rules"),
                  lang: Lang = typer.Option(Lang.en, "--lang")) -> None:
    """Show a rule: description, messages, selection, requirement and examples."""
    from validator.rules.explain import explain

    validator = _load_validator(rules, lang.value)
    rule = next((r for r in validator.rules if r.id == rule_id), None)
    if rule is None:
        _die(f"no rule '{rule_id}'; `validate rules list` shows them")
    typer.echo(explain(rule))


def main() -> None:
    argv = sys.argv[1:]
    if argv and argv[0] not in SUBCOMMANDS:
        argv = ["check", *argv]
    try:
        app(args=argv, prog_name="validate")
    except KeyboardInterrupt:
        sys.exit(130)
