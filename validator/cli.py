"""The `validate` command. Thin: parse options, call `app`, pick a report, set the exit code.

Start-up time matters (an editor runs this on one article): the common `validate ARTICLE... [options]`
is parsed here without importing typer (whose option coercion builds pydantic adapters, ~0.3 s);
anything else (--help, a subcommand, a bad or unusual option) goes to the typer application, which
is built on first use and gives the usual help and error messages.
"""
from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from dataclasses import replace
from typing import List, Optional

from validator.errors import InputError, RuleError
from validator.paths import ARTICLE_SUFFIXES
from validator.findings import SEVERITY_RANK

SUBCOMMANDS = {"extract", "rules", "check"}   # `check` is the default command's old name, still accepted
RULES_COMMANDS = {"list", "check", "test", "explain"}
HELP = ("-h", "--help")
EPILOG = ("Other commands: `validate extract ARTICLE...` (what the validator reads in an article) and "
          "`validate rules list|check|test|explain` (see `validate rules --help`). "
          "A folder named like a command is validated when written as a path: `validate ./rules`.")


class Format(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    junit = "junit"
    github = "github"
    jsonl = "jsonl"
    html = "html"


class ExtractFormat(str, Enum):
    json = "json"
    text = "text"


class Engine(str, Enum):
    native = "native"
    gx = "gx"
    spark = "spark"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


class Lang(str, Enum):
    ar = "ar"
    en = "en"


class _Exit(Exception):
    """End the command with this exit code (turned into SystemExit by `main`)."""

    def __init__(self, code: int = 0):
        super().__init__(code)
        self.code = code


def _echo(message: str, err: bool = False) -> None:
    from validator.interrupts import write

    write(sys.stderr if err else sys.stdout, f"{message}\n")


def _die(message: str) -> None:
    _echo(message, err=True)
    raise _Exit(2)


def _rules_validator(rules: list[Path] | None, config: Path | None, lang: str):
    """The rules a run in this folder would load: built-in, the configuration's (its rules, lexicons,
    disable, replace and severity) and `rules`."""
    from validator import run

    try:
        plan = run.plan([], config_file=config, extra_rules=rules, lang=lang)
    except RuleError as e:
        _die(str(e))
    return run.validator_for(next(iter(plan.options.values())))


def _builtin() -> Path:
    from validator.paths import builtin_rules_dir

    return builtin_rules_dir()


def _write(output: Optional[Path], text: str, inputs: list[str]) -> None:
    if output is None:
        from validator.interrupts import write

        write(sys.stdout, text)
        return
    from validator.outfile import OutputError, write_text

    try:
        write_text(output, text, inputs=inputs)
    except OutputError as e:
        _die(str(e))


PROGRESS_MIN_FILES = 10


def _ids(values: Optional[List[str]]) -> list[str] | None:
    """Rule ids given as repeated options and/or comma lists (`--disable a,b --disable c`)."""
    if not values:
        return None
    return [part.strip() for v in values for part in v.split(",") if part.strip()]


def check(
    paths: List[str],
    format: Format = Format.text,
    fail_on: Optional[FailOn] = None,
    rules: Optional[List[Path]] = None,
    lang: Lang = Lang.ar,
    output: Optional[Path] = None,
    config: Optional[Path] = None,
    disable: Optional[List[str]] = None,
    baseline: Optional[Path] = None,
    baseline_write: Optional[Path] = None,
    ignore_file: Optional[Path] = None,
    jobs: Optional[int] = None,
    select: Optional[List[str]] = None,
    stdin_filename: Optional[str] = None,
    structures: bool = False,
    fix: bool = False,
    diff: bool = False,
    engine: Optional[Engine] = None,
    master: Optional[str] = None,
    data_docs: Optional[Path] = None,
    explain: bool = False,
) -> None:
    """Validate articles and report findings (the default command)."""
    engine = engine or Engine.native
    from validator import run, suppress
    from validator import baseline as bl
    from validator.report.visible import visible

    try:
        plan = run.plan(paths, config_file=config, extra_rules=rules, disable=_ids(disable), select=_ids(select),
                        lang=lang.value, stdin_filename=stdin_filename)
        known = bl.load(baseline) if baseline else None
        central = suppress.load_central(ignore_file) if ignore_file else []
    except RuleError as e:
        _die(str(e))
    for skipped in plan.skipped:
        _echo(f"note: {visible(skipped)}", err=True)
    for folder in plan.empty_folders:  # a gate given nothing to check fails closed, as an empty file does
        hint = f"; the command is `validate {folder} --help`" if folder in SUBCOMMANDS else ""
        _echo(f"error: {visible(folder)}: no articles found ({' '.join(ARTICLE_SUFFIXES)}){hint}", err=True)
    for target, what in ((output, "report"), (baseline_write, "baseline")):
        if target is not None:  # refused before any article is read, not after the whole run
            from validator.outfile import OutputError, check_target

            try:
                check_target(target, inputs=plan.files, what=what)
            except OutputError as e:
                _die(str(e))

    if fix or diff:
        _fix(plan, diff, lang.value)
        return
    module = _report_module(format)
    rule_list = plan.rules()
    site = None
    if format is Format.html:
        from validator.report.html_site import Site

        try:
            site = Site(output, len(plan.items), lang.value, rule_list)
        except InputError as e:
            _die(str(e))
    streaming = output is None and getattr(module, "STREAMING", False)
    progress = _Progress(len(plan.items)) if sys.stderr.isatty() and len(plan.items) >= PROGRESS_MIN_FILES else None
    shown: list = []     # what the report shows: after suppressions and the baseline
    text_parts: list = []  # the text report's lines of each file in `shown`, made as it comes
    color = output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    isolate = output is None and sys.stdout.isatty()  # bidi isolates are for a terminal only
    if format is Format.text and not streaming:
        from validator.report import text as text_report
    recorded: list = []  # what a baseline records: after suppressions
    # A streamed report writes each file as it comes: keep no results (and no article texts) then,
    # so a folder of 10,000 articles takes the memory of one.
    keep_recorded = baseline_write is not None
    failed = errors = False
    from validator.interrupts import write

    if engine is not Engine.native or data_docs is not None or master is not None:
        stream = pairs = _corpus_results(engine, plan, jobs, master, data_docs)
    else:
        stream = run.results(plan, jobs)
        pairs = zip(plan.items, stream, strict=True)
    try:
        for item, result in pairs:
            if central and not result.error:
                entries = suppress.for_article(central, ignore_file, result.path)
                v = run.validator_for(plan.options[item.key])
                result.findings = suppress.apply(result.findings, entries, result.text, **v.unused_options())
            if keep_recorded:
                recorded.append(result)
            if known is not None:
                result = known.filter(result)
            if site is not None:
                extracted = _structures(plan, item, result) if structures else None
                try:
                    site.add(result, extracted)
                except InputError as e:
                    _die(str(e))
            if not streaming:
                if format is Format.text:
                    text_parts.append(text_report.file_lines(result, color, isolate, explain, lang.value))
                # the article's text served the excerpts: a report of many files keeps only findings
                shown.append(replace(result, text=None))
            elif result.error:
                errors = True
            if progress:
                progress.step(result.path)
            if result.error:
                if progress:
                    progress.clear()
                _echo(f"error: {visible(result.error)}", err=True)
            else:
                conf = plan.config_of(item)
                level = fail_on.value if fail_on else (conf.fail_on or "error")
                if any(SEVERITY_RANK[f.severity] >= SEVERITY_RANK[level] for f in result.findings):
                    failed = True
            if streaming:
                chunk = module.render_file(result, rule_list)
                if chunk:
                    if progress:
                        progress.clear()
                    write(sys.stdout, chunk)
    finally:
        stream.close()  # an interrupted run ends its worker pool here, not at interpreter exit
        if progress:
            progress.clear()
    if site is not None:
        if site.single:
            _write(site.single_target, site.page, plan.files)
        else:
            try:
                site.finish()
            except InputError as e:
                _die(str(e))
            _echo(f"html: {len(plan.items)} article page(s) and the index in {site.index_path}", err=True)
    elif not streaming:
        _write(output, _render(format, shown, lang.value, text_parts, rule_list), plan.files)
    if baseline_write is not None:
        try:
            n = bl.write(baseline_write, recorded, inputs=plan.files)
        except RuleError as e:
            _die(str(e))
        _echo(f"baseline: {n} finding(s) recorded in {baseline_write}", err=True)
    if errors or plan.empty_folders or any(r.error for r in shown):
        raise _Exit(2)
    if failed and baseline_write is None:
        raise _Exit(1)


def _corpus_results(engine: Engine, plan, jobs, master: Optional[str], data_docs: Optional[Path]):
    """(item, FileResult) pairs from a corpus engine; GX and pyspark are imported only here."""
    if engine is Engine.native:
        _die("--data-docs and --master need --engine gx or --engine spark")
    if master is not None and engine is not Engine.spark:
        _die("--master needs --engine spark")
    from importlib.util import find_spec

    for module in ("great_expectations", "pyspark") if engine is Engine.spark else ("great_expectations",):
        if find_spec(module) is None:  # installed with the `corpus` extra
            _die(f"--engine {engine.value} needs the corpus extra ({module} is not installed): "
                 "pip install 'arabic-news-validator[corpus]'")
    try:
        if engine is Engine.gx:
            from validator.corpus import gx_engine

            yield from gx_engine.results(plan, jobs, data_docs)
        else:
            from validator.corpus import spark_engine

            yield from spark_engine.results(plan, jobs, data_docs, master or "local[*]")
    except RuleError as e:
        _die(str(e))


def _fix(plan, diff_only: bool, lang: str) -> None:
    """--fix: apply the rules' suggestions to each article; --diff: only print what would change.
    Exit 1 when some article was left untouched (overlapping suggestions, ...), 2 when one could not be read."""
    from validator import fix, run

    refused = unreadable = False
    for item in plan.items:
        try:
            if item.stdin:
                raise InputError("-: --fix rewrites files; it cannot fix standard input")
            result = fix.fix_file(item.path, run.validator_for(plan.options[item.key]), write=not diff_only)
        except InputError as e:
            _echo(f"error: {e}", err=True)
            unreadable = True
            continue
        if diff_only:
            sys.stdout.write(result.diff())
        for line in fix.report_lines(result, lang, written=not diff_only):
            _echo(line, err=diff_only)
        refused = refused or result.refused is not None
    sys.stdout.flush()
    if unreadable:
        raise _Exit(2)
    if refused:
        raise _Exit(1)


def _structures(plan, item, result) -> dict | None:
    """The article's extracted structures (the `validate extract` JSON) for the HTML report."""
    from validator import run
    from validator.extract.serialize import article_to_json

    if result.error or result.text is None:
        return None
    article = run.validator_for(plan.options[item.key]).extract_source(result.text, result.path,
                                                                        result.encoding or "utf-8")
    return article_to_json(article)


class _Progress:
    """A one-line bar on stderr (only ever used when stderr is a terminal)."""

    def __init__(self, total: int):
        self.total, self.done = total, 0

    def step(self, path: str) -> None:
        self.done += 1
        width = 24
        filled = width * self.done // self.total
        name = path if len(path) <= 40 else "…" + path[-39:]
        sys.stderr.write(f"\r\033[K[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} {name}")
        sys.stderr.flush()

    def clear(self) -> None:
        sys.stderr.write("\r\033[K")
        sys.stderr.flush()


def _report_module(fmt: Format):
    import importlib

    name = {"json": "json_report"}.get(fmt.value, fmt.value)
    return importlib.import_module(f"validator.report.{name}")


def _render(fmt: Format, results, lang: str, text_parts: list, rules=None) -> str:
    if fmt is Format.json:
        from validator.report import json_report
        return json_report.render(results)
    if fmt is Format.text:
        from validator.report import text
        failed = [bool(r.error) for r in results]  # files that could not be read come last
        parts = [p for p, bad in zip(text_parts, failed) if not bad] + [p for p, bad in zip(text_parts, failed) if bad]
        return text.join(parts, results, lang)
    return _report_module(fmt).render(results, rules)


_APP = None


def _typer_app():
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
            _echo(f"validate {globals()['version']()}")
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
            _die(str(e))
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
                _echo(f"error: {e}", err=True)
                failed = True
        if format is ExtractFormat.json and not explain:
            text = json.dumps({"files": [article_to_json(a) for a in out]}, ensure_ascii=False, indent=2) + "\n"
        else:
            text = "".join(article_to_text(a, explain, lang.value) for a in out)
        _write(output, text, plan.files)
        if failed or plan.empty_folders:
            raise _Exit(2)

    rules_option = typer.Option(None, "--rules", help="Extra rule file or folder (repeatable).")
    config_option = typer.Option(None, "--config", help="Configuration file (default: the nearest validate.toml "
                                                        "or pyproject.toml [tool.validate] above this folder).")

    @rules_app.command("list")
    def rules_list(rules: Optional[List[Path]] = rules_option, config: Optional[Path] = config_option) -> None:
        """One rule a line: id, category, severity (as the configuration sets them)."""
        for r in _rules_validator(rules, config, "en").rules:
            _echo(f"{r.id}\t{r.category}\t{r.severity}")

    @rules_app.command("check")
    def rules_check(paths: Optional[List[Path]] = typer.Argument(None, help="Rule files or folders."),
                    config: Optional[Path] = config_option) -> None:
        """Parse and lint rule files with the built-in and configured rules, as a run would load them:
        unknown fields or lexicons, duplicate ids. Errors as file:line:col."""
        from validator.rules.loader import rule_files

        validator = _rules_validator(paths, config, "en")
        try:
            for name in validator.lexicons.names:
                validator.lexicons[name]  # every lexicon loads: its entries against its declared attributes
            patterns = validator.resources.patterns  # rules/patterns/: syntax, lexicon and shape names
        except RuleError as e:
            _die(str(e))
        n = len(rule_files([_builtin(), *validator.options.rule_paths]))
        _echo(f"{len(validator.all_rule_ids)} rule(s) in {n} file(s), {len(patterns)} pattern(s): ok")

    @rules_app.command("test")
    def rules_test(paths: Optional[List[Path]] = typer.Argument(None, help="Rule files or folders (default: every "
                                                                           "rule a run loads)."),
                   config: Optional[Path] = config_option) -> None:
        """Run the rules' flag/pass examples; print each failure; exit 1 on any."""
        from validator.rules.loader import rule_files
        from validator.rules.testing import run_examples

        validator = _rules_validator(paths, config, "en")
        only = {str(f.resolve()) for f in rule_files(list(paths))} if paths else None
        failures, total = run_examples(validator, only)
        if not paths:  # the built-in token patterns (rules/patterns/) carry their examples too
            from validator.extract.patterns import run_pattern_examples

            pattern_failures, pattern_total = run_pattern_examples(validator.resources)
            failures, total = failures + pattern_failures, total + pattern_total
        for failure in failures:
            _echo(failure)
        _echo(f"{total - len(failures)} passed, {len(failures)} failed")
        if failures:
            raise _Exit(1)

    @rules_app.command("explain")
    def rules_explain(rule_id: str, rules: Optional[List[Path]] = rules_option, config: Optional[Path] = config_option,
                      lang: Lang = typer.Option(Lang.en, "--lang")) -> None:
        """Show a rule: description, messages, selection, requirement and examples."""
        from validator.rules.explain import explain

        validator = _rules_validator(rules, config, lang.value)
        rule = next((r for r in validator.rules if r.id == rule_id), None)
        if rule is None:
            if rule_id in validator.all_rule_ids:
                _die(f"rule '{rule_id}' is disabled by the configuration")
            _die(f"no rule '{rule_id}'; `validate rules list` shows them")
        _echo(explain(rule, lang.value))

    _APP = app, check_app
    return _APP


def __getattr__(name: str):
    if name == "app":  # `validator.cli.app`, the typer application, for anyone who imports it
        return _typer_app()[0]
    raise AttributeError(name)


# -- the fast path: `validate ARTICLE... [options]` without typer ------------------------------------------

_CHOICES = {"--format": Format, "-f": Format, "--fail-on": FailOn, "--lang": Lang}
_PATHS = {"--output": "output", "-o": "output", "--config": "config", "--baseline": "baseline",
          "--baseline-write": "baseline_write", "--ignore-file": "ignore_file"}
_STRINGS = {"--stdin-filename": "stdin_filename"}
_LISTS = {"--disable": "disable", "--select": "select"}
_CHOICE_NAMES = {"--format": "format", "-f": "format", "--fail-on": "fail_on", "--lang": "lang"}
_FLAGS = {"--structures": "structures", "--fix": "fix", "--diff": "diff"}


def _fast_check_args(argv: list[str]) -> dict | None:
    """`check` arguments parsed exactly as typer would, or None for anything this parser does not
    handle itself (help, bad values, unknown options): typer then parses and reports it."""
    kwargs: dict = {"paths": []}
    i, n = 0, len(argv)
    while i < n:
        arg = argv[i]
        i += 1
        if arg == "--":
            kwargs["paths"].extend(argv[i:])
            break
        if arg == "-" or not arg.startswith("-"):
            kwargs["paths"].append(arg)
            continue
        if arg in _FLAGS:
            kwargs[_FLAGS[arg]] = True
            continue
        name, eq, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if name not in _CHOICES and name not in _PATHS and name not in _STRINGS and name not in _LISTS \
                and name not in ("--rules", "--jobs", "-j"):
            return None
        if not eq:
            if i >= n:
                return None
            value = argv[i]
            i += 1
        if name in _CHOICES:
            try:
                kwargs[_CHOICE_NAMES[name]] = _CHOICES[name](value)
            except ValueError:
                return None
        elif name in _PATHS:
            kwargs[_PATHS[name]] = Path(value)
        elif name == "--rules":
            kwargs.setdefault("rules", []).append(Path(value))
        elif name in _STRINGS:
            kwargs[_STRINGS[name]] = value
        elif name in _LISTS:
            kwargs.setdefault(_LISTS[name], []).append(value)
        else:
            if not (value.isascii() and value.isdigit()):
                return None
            kwargs["jobs"] = int(value)
    return kwargs if kwargs["paths"] else None


def version() -> str:
    from importlib.metadata import PackageNotFoundError, version as dist_version

    try:
        return dist_version("arabic-news-validator")
    except PackageNotFoundError:  # run from a checkout without installing
        return "unknown"


def _is_subcommand(argv: list[str]) -> bool:
    """`validate rules list` is a command; `validate rules` with a folder named `rules` there, or
    `validate rules/x.txt`, is an article path (ruff and semgrep users expect both)."""
    head = argv[0]
    if head not in SUBCOMMANDS:
        return False
    if head == "rules":
        return argv[1:2] and argv[1] in (*RULES_COMMANDS, *HELP) or (len(argv) == 1 and not Path(head).exists())
    return len(argv) > 1 or not Path(head).exists()


def main() -> None:
    from validator import interrupts

    argv = sys.argv[1:]
    previous = interrupts.install()
    try:
        if argv[:1] in (["--version"], ["-V"]):
            _echo(f"validate {version()}")
            sys.exit(0)
        if argv and _is_subcommand(argv):
            _typer_app()[0](args=argv, prog_name="validate")
        fast = _fast_check_args(argv)
        if fast is not None:
            check(**fast)
            sys.exit(0)
        _typer_app()[1](args=argv or ["--help"], prog_name="validate")
    except _Exit as e:
        sys.exit(e.code)
    except (KeyboardInterrupt, interrupts.Terminated, BrokenPipeError) as e:
        sys.exit(interrupts.stopped(e))
    finally:
        interrupts.restore(previous)
