"""`validate --engine spark [--master URL]`: the compiled suites on Spark DataFrames.

Spark reads the articles (files of a folder as binary, or JSON Lines / Parquet records with id,
title, content), extraction runs in the tasks (`mapInPandas`: each Python worker builds one
Validator and lays each article out as structure-table rows, written to Parquet), and the suites
validate each table's Spark DataFrame read back from there; failing rows come back to the driver and
become findings. Inputs are taken in parts of PART_ARTICLES, so the driver holds one part's findings
whatever the corpus size.

Arrow is on (and its silent fallback off): without it, pandas 3's missing strings reach Spark as
the string "nan", and an expectation that a column is null or not null would judge them wrongly.
"""
from __future__ import annotations

import json
import os
import warnings
from pathlib import Path
from typing import Iterator

from validator.corpus.compiler import KEY_COLUMNS
from validator.corpus.findings import file_result
from validator.corpus.gx_engine import compiled_for, one_configuration
from validator.errors import InputError
from validator.feed import FeedIndex, FeedItem
from validator.findings import FileResult

# inputs per part: a part's extracted rows go to disk, each table is validated once per part, and
# the driver holds one part's findings (its memory bound); fewer make a report start sooner
TASK_ARTICLES = 250   # inputs per Spark task (the Parquet writers of a task buffer what it wrote)
TASK_ROWS = 5_000     # table rows a task hands to Spark at a time
PART_ARTICLES = int(os.environ.get("VALIDATOR_SPARK_PART_ARTICLES", "20000"))
RECORD_SUFFIXES = (".jsonl", ".json", ".ndjson", ".parquet")
ARTICLE_TABLE = "article"   # one row per article: its encoding, error and inline suppressions
FEED_ITEM_TABLE = "feed_item"   # one row per feed item (validator.feed), its JSON in `values`

_SPARK_TYPES = {"str": "string", "int": "long", "float": "double", "bool": "boolean"}


def session(master: str = "local[*]"):
    """The SparkSession the engine uses (one per process; the tests share it)."""
    import sys

    from pyspark.sql import SparkSession

    # Spark's Python workers run `python3` from PATH unless told: a `validate` run from a virtual
    # environment that is not activated would extract with another interpreter and its packages
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    # the JVM (a child: it inherits this) mallocs from many threads, and glibc gives them up to 8
    # arenas a core, each growing on its own outside the Java heap: 2 bound the C heap
    os.environ.setdefault("MALLOC_ARENA_MAX", "2")
    heap = os.environ.get("VALIDATOR_SPARK_DRIVER_MEMORY", "512m")
    warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas")
    spark = (SparkSession.builder.master(master).appName("arabic-news-validator")
             .config("spark.sql.execution.arrow.pyspark.enabled", "true")
             .config("spark.sql.execution.arrow.pyspark.fallback.enabled", "false")
             .config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false")
             # a batch names thousands of files: list them on the driver, not in a Spark job
             .config("spark.sql.sources.parallelPartitionDiscovery.threshold", "1000000")
             .config("spark.sql.shuffle.partitions", "8")
             # Spark caches the status of every file it lists (up to 250 MB), keyed by the reader
             # that listed it: each part's files and spill folder are read once, by a new reader, so
             # the cache only grew (16,000 file statuses after four parts of 4,000, 12 MB a part)
             .config("spark.sql.hive.filesourcePartitionFileCacheSize", "0")
             .config("spark.driver.memory", heap)
             # the driver's status store keeps every job, stage, task and SQL execution up to these
             # counts (1,000 jobs, 100,000 tasks by default: a long run's heap fills with them, each
             # expectation of each part being a few jobs); the UI that would show them is off
             .config("spark.ui.retainedJobs", "50")
             .config("spark.ui.retainedStages", "50")
             .config("spark.ui.retainedTasks", "1000")
             .config("spark.sql.ui.retainedExecutions", "20")
             .config("spark.ui.retainedDeadExecutors", "10")
             .config("spark.worker.ui.retainedExecutors", "10")
             # memory fixed from the start, not grown into as the parts go by: the heap is its bound
             # (initial = maximum, every page touched at start: a small heap grew page by page as
             # its old generation filled with each part's garbage), the JIT's compiled code is
             # bounded (it flushes cold code when full); the serial collector: no parallel threads
             # on a machine whose cores the Python workers use
             .config("spark.driver.extraJavaOptions",
                     f"-Xms{heap} -XX:+AlwaysPreTouch -XX:ReservedCodeCacheSize=128m -XX:+UseSerialGC")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def row_schema(compiled) -> str:
    """The one row schema of every table (DDL): a `table` column says which table a row is of."""
    columns = {**compiled.schema(), "origin": "str", "encoding": "str", "error": "str", "directives": "str"}
    return ", ".join(f"`{name}` {_SPARK_TYPES[kind]}" for name, kind in columns.items())


def _extract_task(options, key: str, columns: list[str]):
    """The mapInPandas function: (path, content bytes | text) batches in, table rows out."""

    def extract(batches):
        from validator import document, run
        from validator.corpus.tables import article_tables

        v = run.validator_for(options)
        compiled = compiled_for(key, v)
        rows: list[dict] = []
        for frame in batches:
            for path, origin, content, text in zip(frame["path"], frame["origin"], frame["content"], frame["text"]):
                if len(rows) >= TASK_ROWS:   # a task's memory holds one frame of rows, not its partition's
                    yield _frame(rows, columns)
                    rows = []
                try:
                    if text is None or (isinstance(text, float)):
                        text, encoding = document.decode(bytes(content), path)
                    else:
                        encoding = "utf-8"
                    tables = article_tables(v, compiled, text, path, encoding, keep_text=False)
                except InputError as e:
                    rows.append({"table": ARTICLE_TABLE, "article": path, "row": 0, "origin": origin, "error": str(e)})
                    continue
                rows.append({"table": ARTICLE_TABLE, "article": path, "row": 0, "origin": origin, "encoding": encoding,
                             "directives": _directives_json(tables.directives)})
                for table, table_rows in tables.rows.items():
                    rows.extend({"table": table, **r} for r in table_rows)
                rows.extend({"table": FEED_ITEM_TABLE, "article": path, "row": i, "values": item.to_json()}
                            for i, item in enumerate(tables.feed))
        yield _frame(rows, columns)
    return extract


def _frame(rows: list[dict], columns: list[str]):
    """Rows as a task's pandas frame. Object columns: pandas 3 would make text columns Arrow-backed
    chunked strings, which pyspark's Arrow writer does not take; a missing value becomes a null,
    never "nan"."""
    import pandas as pd

    return pd.DataFrame.from_records(rows, columns=columns).astype(object)


def _inputs(spark, items, partitions: int):
    """A DataFrame (path, origin, content, text) of one batch of plan items: `origin` is the plan's
    path (the record file a record came from)."""
    from pyspark.sql import functions as F

    files = [i for i in items if not i.path.lower().endswith(RECORD_SUFFIXES)]
    records = [i for i in items if i.path.lower().endswith(RECORD_SUFFIXES)]
    frames = []
    if files:
        # Spark names files by URI; the report names them as the plan does
        by_uri = {Path(i.path).resolve().as_uri(): i.path for i in files}
        mapping = spark.createDataFrame(list(by_uri.items()), "uri string, path string")
        raw = spark.read.format("binaryFile").load([i.path for i in files]).select(
            F.col("path").alias("uri"), "content")
        raw = raw.withColumn("uri", F.regexp_replace("uri", "^file:/+", "file:///"))
        frames.append(raw.join(F.broadcast(mapping), "uri").select(
            "path", F.col("path").alias("origin"), "content", F.lit(None).cast("string").alias("text")))
    for item in records:
        reader = spark.read.parquet if item.path.lower().endswith(".parquet") else spark.read.json
        df = reader(item.path)
        missing = {"id", "content"} - set(df.columns)
        if missing:
            raise InputError(f"{item.path}: records need the fields id, title, content "
                             f"(missing: {', '.join(sorted(missing))})")
        title = F.coalesce(F.col("title").cast("string"), F.lit("")) if "title" in df.columns else F.lit("")
        frames.append(df.select(F.col("id").cast("string").alias("path"), F.lit(item.path).alias("origin"),
                                F.lit(None).cast("binary").alias("content"),
                                F.when(title == "", F.col("content")).otherwise(
                                    F.concat(title, F.lit("\n\n"), F.col("content"))).alias("text")))
    out = frames[0]
    for f in frames[1:]:
        out = out.unionByName(f)
    return out.repartition(partitions)


def _batches(items, size: int):
    """Plan items in batches (a record file is one item, however many records it holds), listed as
    they are taken: one part's paths in memory at a time."""
    import itertools

    items = iter(items)
    while part := list(itertools.islice(items, size)):
        yield part


def results(plan, jobs: int | None = None, data_docs: Path | None = None, master: str = "local[*]",
            part_articles: int = PART_ARTICLES, spark=None) -> Iterator[tuple[object, FileResult]]:
    import shutil
    import tempfile

    from pyspark.sql import functions as F

    from validator import run
    from validator.corpus.suites import SuiteRunner

    key = one_configuration(plan)
    validator = run.validator_for(plan.options[key])
    compiled = compiled_for(key, validator)
    spark = spark or session(master)
    runner = SuiteRunner(compiled, "spark", data_docs, spark=spark)
    ddl = row_schema(compiled)
    columns = [c.split("`")[1] for c in ddl.split(", ")]
    task = _extract_task(plan.options[key], key, columns)
    parallel = max(2, spark.sparkContext.defaultParallelism * 2)
    feed = FeedIndex(validator)   # the articles of the run so far
    spill = tempfile.mkdtemp(prefix="validator-spark-")
    try:
        for number, part in enumerate(_batches(plan.items, part_articles)):
            # extraction runs once, in one Spark job whose rows go to disk (Parquet, one folder per
            # table); each table's suite then reads its own rows from there
            where = f"{spill}/part-{number}"
            partitions = max(parallel, -(-len(part) // TASK_ARTICLES))   # a task's size bounds its memory
            _inputs(spark, part, partitions).mapInPandas(task, ddl).write.partitionBy("table").parquet(where)
            rows = spark.read.parquet(where)
            found: dict[str, list] = {}
            for table in compiled.tables:
                wanted = [*KEY_COLUMNS, *(c for c in columns if c in _table_columns(compiled, table))]
                frame = rows.where(F.col("table") == table).select(*dict.fromkeys(wanted))
                for rule, row in runner.failing_rows(table, frame):
                    found.setdefault(str(row["article"]), []).append((rule, row))
            # collect, not toLocalIterator: the JVM kept every partition toLocalIterator had served
            # (its job's result handler stayed reachable), a few MB of heap a part for the whole run
            articles = {r["article"]: r for r in rows.where(F.col("table") == ARTICLE_TABLE)
                        .select("article", "origin", "encoding", "error", "directives").collect()}
            if compiled.feed:
                _feed(spark, runner, feed, rows, part, articles, found, validator, ddl)
            shutil.rmtree(where, ignore_errors=True)
            for item in part:
                yield from _item_results(item, articles, found, validator)
    finally:
        runner.close()
        shutil.rmtree(spill, ignore_errors=True)


def _directives_json(directives: list) -> str | None:
    """Inline suppression comments as data (never pickled: the package runs no code from data)."""
    from dataclasses import asdict

    return json.dumps([asdict(d) for d in directives], ensure_ascii=False) if directives else None


def _directives_of(text: str | None) -> list:
    from validator.markup import Block, Directive

    return [Directive(d["scope"], tuple(d["rules"]), d["reason"], d["start"], d["end"],
                      Block(**d["target"]) if d["target"] else None) for d in json.loads(text or "[]")]


def _feed(spark, runner, feed, rows, batch, articles: dict, found: dict, validator, ddl: str) -> None:
    """The batch's feed items, compared in input order with the run's earlier articles; the feed
    table validated on Spark, its failing rows added to `found`."""
    import pandas as pd
    from pyspark.sql import functions as F

    from validator.corpus.compiler import FEED_TABLE
    from validator.corpus.tables import feed_rows

    items: dict[str, list] = {}
    for r in rows.where(F.col("table") == FEED_ITEM_TABLE).select("article", "row", "values").collect():
        items.setdefault(r["article"], []).append((r["row"], FeedItem.from_json(r["values"])))
    ordered = [(name, [i for _, i in sorted(items.get(name, []), key=lambda x: x[0])])
               for item in batch for name in _names(item, articles)]
    table = feed_rows(feed, ordered, validator.options.lang)
    if not table:
        return
    columns = list(table[0])
    types = dict(c.split(" ", 1) for c in ddl.split(", "))
    schema = ", ".join(f"`{c}` {types[f'`{c}`']}" for c in columns)
    frame = spark.createDataFrame(pd.DataFrame.from_records(table, columns=columns).astype(object), schema)
    for rule, row in runner.failing_rows(FEED_TABLE, frame):
        found.setdefault(str(row["article"]), []).append((rule, row))


def _names(item, articles: dict) -> list[str]:
    """The articles of one plan item: a file, or the records of a record file (by id)."""
    if item.path.lower().endswith(RECORD_SUFFIXES):
        return sorted(name for name, meta in articles.items() if meta["origin"] == item.path)
    return [item.path]


def _item_results(item, articles: dict, found: dict, validator) -> Iterator[tuple[object, FileResult]]:
    """One plan item's FileResults: one for an article file, one per record of a record file."""
    for name in _names(item, articles):
        meta = articles.get(name)
        if meta is None:
            yield item, FileResult(name, error=f"{name}: Spark did not read this file")
        elif meta["error"]:
            yield item, FileResult(name, error=meta["error"])
        else:
            directives = _directives_of(meta["directives"])
            yield item, file_result(name, found.get(name, []), validator, None, meta["encoding"], directives)


def _table_columns(compiled, table: str) -> set[str]:
    from validator.corpus.compiler import CONSISTENCY_COLUMNS, FINDING_COLUMNS

    cols = set(FINDING_COLUMNS) | {"message"}
    if table == "consistency":
        return cols | set(CONSISTENCY_COLUMNS)
    return cols | set(compiled.columns.get(table, {}))
