"""`validate --engine gx`: articles extracted (in a process pool with --jobs), laid out as structure
tables in batches, validated by the compiled Great Expectations suites on pandas; failing rows
become findings. Batches stream: memory holds one batch of table rows (BATCH_ROWS) and a window of
articles extracted ahead, whatever the corpus size. One pool and one GX context serve the whole run."""
from __future__ import annotations

import gc
import itertools
from pathlib import Path
from typing import Iterator

from validator.corpus.compiler import CONSISTENCY_TABLE, FEED_TABLE, compile_rules
from validator.corpus.findings import file_result
from validator.corpus.tables import ArticleTables, article_tables, feed_rows
from validator.feed import FeedIndex
from validator.errors import InputError, RuleError
from validator.findings import FileResult

# GX costs about the same per expectation whatever the table's size: batches are as large as a
# bounded memory allows, counted in table rows (a day's article gives about 40)
BATCH_ROWS = 50_000
WINDOW_ARTICLES = 512   # articles extracted ahead of the batch being validated

_COMPILED: dict[str, object] = {}


def compiled_for(key: str, validator):
    """The validator's rules compiled once per process (RuleError names what cannot be expressed)."""
    c = _COMPILED.get(key)
    if c is None:
        c = _COMPILED[key] = compile_rules(validator.rules)
    return c


def one_configuration(plan) -> str:
    if len(plan.options) > 1:
        raise RuleError("the corpus engines validate with one configuration per run; these inputs have "
                        f"{len(plan.options)} (validate.toml files): run them separately or pass --config")
    return next(iter(plan.options))


def tables_task(item, validators) -> ArticleTables:
    """One input file to its structure tables (runs in the pool's workers)."""
    from validator import document

    v = validators[item.key]
    try:
        if item.error is not None:
            raise InputError(item.error)
        if item.text is not None:
            text, encoding = item.text, item.encoding
        else:
            text, encoding = document.decode(document.read_bytes(item.path), item.path)
        return article_tables(v, compiled_for(item.key, v), text, item.path, encoding)
    except InputError as e:
        return ArticleTables(item.path, error=str(e))


def frames(batch: list[ArticleTables], schema: dict[str, str], tables: list[str]) -> dict:
    """One pandas DataFrame per table, its columns typed from the compiled schema."""
    import pandas as pd

    out = {}
    for table in tables:
        rows = [r for a in batch for r in a.rows.get(table, ())]
        if not rows:
            continue
        df = pd.DataFrame.from_records(rows)
        for col in df.columns:
            kind = schema.get(col, "str")
            if kind == "bool":
                df[col] = df[col].astype(bool)
            elif kind in ("int", "float") and col not in ("row",) and df[col].dtype == object:
                df[col] = df[col].astype("float64")
        out[table] = df
    return out


def batch_results(batch: list[ArticleTables], items, runner, validator, compiled, frames_of, feed) -> list[FileResult]:
    """Validate one batch of articles; their FileResults in input order."""
    import pandas as pd

    found: dict[str, list] = {a.path: [] for a in batch}
    frames = frames_of(batch)
    rows = feed_rows(feed, [(a.path, a.feed) for a in batch], validator.options.lang) if compiled.feed else []
    if rows:
        frames[FEED_TABLE] = pd.DataFrame.from_records(rows)
    for table, frame in frames.items():
        for rule, row in runner.failing_rows(table, frame):
            found[str(row["article"])].append((rule, row))
    return [FileResult(a.path, error=a.error) if a.error else
            file_result(a.path, found[a.path], validator, a.text, a.encoding, a.directives) for a in batch]


def release_memory() -> None:
    """After a batch: the reference cycles pandas and GX leave are collected now (not beside the
    next batch), and the C heap's free pages go back to the system (glibc keeps them otherwise, and
    a long run's memory would creep with fragmentation)."""
    gc.collect()
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):   # not glibc: nothing to give back this way
        pass


def rows_of(tables: ArticleTables) -> int:
    return sum(len(rows) for rows in tables.rows.values())


def results(plan, jobs: int | None = None, data_docs: Path | None = None,
            batch_rows: int = BATCH_ROWS) -> Iterator[tuple[object, FileResult]]:
    from validator import run
    from validator.corpus.suites import SuiteRunner

    key = one_configuration(plan)
    validator = run.validator_for(plan.options[key])
    compiled = compiled_for(key, validator)
    schema = compiled.schema()
    # one pool for the run, forked before Great Expectations and pandas are imported here (a worker
    # forked later would copy the parent's pages as it touches them)
    extracted = run.produce(plan, jobs, work=tables_task, window=WINDOW_ARTICLES)
    first = next(extracted, None)   # the pool starts, and forks, here
    runner = SuiteRunner(compiled, "pandas", data_docs)   # one context and its suites for the run
    feed = FeedIndex(validator)   # the articles of the run so far

    def frames_of(batch):
        return frames(batch, schema, compiled.tables)

    try:
        batch, items, rows = [], [], 0
        rest = [] if first is None else itertools.chain([first], extracted)
        for item, tables in rest:
            batch.append(tables)
            items.append(item)
            rows += rows_of(tables)
            if rows >= batch_rows:
                yield from zip(items, batch_results(batch, items, runner, validator, compiled, frames_of, feed))
                batch, items, rows = [], [], 0
                release_memory()
        if batch:
            yield from zip(items, batch_results(batch, items, runner, validator, compiled, frames_of, feed))
    finally:
        runner.close()


__all__ = ["results", "CONSISTENCY_TABLE"]
