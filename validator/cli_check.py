"""The default command, `validate ARTICLE...`: plan the run, validate each article, report and set the
exit code (also --fix/--diff and the corpus engines)."""
from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import List, Optional

from validator.cli_base import (
    SUBCOMMANDS,
    CommandExit,
    Engine,
    FailOn,
    Format,
    Lang,
    die,
    echo,
    write_output,
)
from validator.errors import InputError, RuleError
from validator.findings import SEVERITY_RANK
from validator.paths import ARTICLE_SUFFIXES

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
    from validator import baseline as bl
    from validator import run, suppress
    from validator.report.visible import visible

    try:
        plan = run.plan(paths, config_file=config, extra_rules=rules, disable=_ids(disable), select=_ids(select),
                        lang=lang.value, stdin_filename=stdin_filename)
        known = bl.load(baseline) if baseline else None
        central = suppress.load_central(ignore_file) if ignore_file else []
    except RuleError as e:
        die(str(e))
    for skipped in plan.skipped:
        echo(f"note: {visible(skipped)}", err=True)
    for folder in plan.empty_folders:  # a gate given nothing to check fails closed, as an empty file does
        hint = f"; the command is `validate {folder} --help`" if folder in SUBCOMMANDS else ""
        echo(f"error: {visible(folder)}: no articles found ({' '.join(ARTICLE_SUFFIXES)}){hint}", err=True)
    for target, what in ((output, "report"), (baseline_write, "baseline")):
        if target is not None:  # refused before any article is read, not after the whole run
            from validator.outfile import OutputError, check_target

            try:
                check_target(target, inputs=plan.files, what=what)
            except OutputError as e:
                die(str(e))

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
            die(str(e))
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
        stream = pairs = run.pairs(plan, jobs)
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
                    die(str(e))
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
                echo(f"error: {visible(result.error)}", err=True)
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
            write_output(site.single_target, site.page, plan.files)
        else:
            try:
                site.finish()
            except InputError as e:
                die(str(e))
            echo(f"html: {len(plan.items)} article page(s) and the index in {site.index_path}", err=True)
    elif not streaming:
        write_output(output, _render(format, shown, lang.value, text_parts, rule_list), plan.files)
    if baseline_write is not None:
        try:
            n = bl.write(baseline_write, recorded, inputs=plan.files)
        except RuleError as e:
            die(str(e))
        echo(f"baseline: {n} finding(s) recorded in {baseline_write}", err=True)
    if errors or plan.empty_folders or any(r.error for r in shown):
        raise CommandExit(2)
    if failed and baseline_write is None:
        raise CommandExit(1)


def _corpus_results(engine: Engine, plan, jobs, master: Optional[str], data_docs: Optional[Path]):
    """(item, FileResult) pairs from a corpus engine; GX and pyspark are imported only here."""
    if engine is Engine.native:
        die("--data-docs and --master need --engine gx or --engine spark")
    if master is not None and engine is not Engine.spark:
        die("--master needs --engine spark")
    from importlib.util import find_spec

    for module in ("great_expectations", "pyspark") if engine is Engine.spark else ("great_expectations",):
        if find_spec(module) is None:  # installed with the `corpus` extra
            die(f"--engine {engine.value} needs the corpus extra ({module} is not installed): "
                 "pip install 'arabic-news-validator[corpus]'")
    try:
        if engine is Engine.gx:
            from validator.corpus import gx_engine

            yield from gx_engine.results(plan, jobs, data_docs)
        else:
            from validator.corpus import spark_engine

            yield from spark_engine.results(plan, jobs, data_docs, master or "local[*]")
    except RuleError as e:
        die(str(e))


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
            echo(f"error: {e}", err=True)
            unreadable = True
            continue
        if diff_only:
            sys.stdout.write(result.diff())
        for line in fix.report_lines(result, lang, written=not diff_only):
            echo(line, err=diff_only)
        refused = refused or result.refused is not None
    sys.stdout.flush()
    if unreadable:
        raise CommandExit(2)
    if refused:
        raise CommandExit(1)


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
