"""The compiled suites registered in a Great Expectations context, run over structure tables
(pandas or Spark DataFrames), their failing rows returned with the columns a finding needs.

Without `--data-docs` the context is ephemeral and nothing is stored: each batch is validated and
forgotten, so memory stays flat however long the corpus. With `--data-docs DIR` the context is a
file context in a temporary folder (validation results go to disk, one per table and batch) and
the Data Docs site is written into DIR at the end; DIR works offline, opened from disk.
"""
from __future__ import annotations

import logging
import shutil
import tempfile
import warnings
from pathlib import Path

from validator.corpus.compiler import KEY_COLUMNS, CompiledRules, gx_suites
from validator.corpus.findings import RETURNED_COLUMNS

SITE_NAME = "validator"


def import_gx():
    """great_expectations, quietly: it imports pyspark when present, which warns about pandas 3."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import great_expectations as gx
    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    return gx


def add_offline_index(site: Path) -> None:
    """GX's index draws its tables with JavaScript and styles from CDNs, which a browser offline
    cannot load: the page would list nothing. Put a plain list of every suite and validation, as
    links relative to the site, at the top of the index."""
    import html

    index = site / "index.html"
    if not index.exists():
        return
    suites = sorted(site.glob("expectations/*.html"))
    validations = sorted(site.glob("validations/**/*.html"))

    def links(paths):
        return "".join(f'<li><a href="{html.escape(p.relative_to(site).as_posix())}">'
                       f'{html.escape(p.relative_to(site).as_posix())}</a></li>' for p in paths)
    listing = (f'<section id="validator-offline-index" style="font-family:sans-serif;margin:1em">'
               f'<h2>Expectation suites ({len(suites)})</h2><ul>{links(suites)}</ul>'
               f'<h2>Validation results ({len(validations)})</h2><ul>{links(validations)}</ul></section>')
    text = index.read_text(encoding="utf-8")
    at = text.find(">", text.find("<body")) + 1 if "<body" in text else 0
    index.write_text(text[:at] + listing + text[at:], encoding="utf-8")


def _whole_rows(frame, failing: list[tuple[object, dict]]) -> list[tuple[object, dict]]:
    """Failing rows named by their key (article, row) completed with the columns a finding needs."""
    if not failing:
        return failing
    keys = {(str(row["article"]), int(row["row"])) for _, row in failing}
    chosen = [(a, r) in keys for a, r in zip(frame["article"], frame["row"])]
    rows = {(str(d["article"]), int(d["row"])): d for d in frame.loc[chosen, RETURNED_COLUMNS].to_dict("records")}
    return [(rule, rows[str(row["article"]), int(row["row"])]) for rule, row in failing]


class SuiteRunner:
    def __init__(self, compiled: CompiledRules, source: str = "pandas", data_docs: Path | None = None,
                 spark=None):
        gx = import_gx()
        from great_expectations.data_context.types.base import ProgressBarsConfig

        self.compiled = compiled
        self.source = source
        self.data_docs = data_docs
        self._project = None
        if data_docs is not None:
            self._project = tempfile.mkdtemp(prefix="validator-gx-")
            self.context = gx.get_context(mode="file", project_root_dir=self._project)
            self.context.add_data_docs_site(SITE_NAME, {
                "class_name": "SiteBuilder",
                "store_backend": {"class_name": "TupleFilesystemStoreBackend",
                                  "base_directory": str(Path(data_docs).resolve())},
                "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"}})
        else:
            self.context = gx.get_context(mode="ephemeral")
        self.context.variables.progress_bars = ProgressBarsConfig(globally=False)
        if source == "spark":
            datasource = self.context.data_sources.add_spark("structures", spark_config={}, persist=False)
        else:
            datasource = self.context.data_sources.add_pandas("structures")
        self.suites = {}
        self.definitions = {}
        self.batches = {}
        for table, suite in gx_suites(compiled).items():
            suite = self.context.suites.add(suite)
            batch = datasource.add_dataframe_asset(table).add_batch_definition_whole_dataframe(table)
            self.suites[table], self.batches[table] = suite, batch
            if data_docs is not None:
                self.definitions[table] = self.context.validation_definitions.add(
                    gx.ValidationDefinition(name=f"validate-{table}", data=batch, suite=suite))
        self.rules = {r.id: r for r in [cr.rule for cr in compiled.rules] + compiled.consistency + compiled.feed}

    def failing_rows(self, table: str, frame) -> list[tuple[object, dict]]:
        """(rule, row) for each row of one table that breaks a rule."""
        suite = self.suites.get(table)
        if suite is None:
            return []
        # pandas: the failing rows come back by their key (GX reads each returned cell on its own,
        # which cost more than the rule itself) and the rest of each row is taken from the frame
        returned = list(KEY_COLUMNS) if self.source == "pandas" else RETURNED_COLUMNS
        result_format = {"result_format": "COMPLETE", "unexpected_index_column_names": returned,
                         "return_unexpected_index_query": False, "include_unexpected_rows": False}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if table in self.definitions:
                result = self.definitions[table].run(batch_parameters={"dataframe": frame},
                                                     result_format=result_format)
            else:
                batch = self.batches[table].get_batch(batch_parameters={"dataframe": frame})
                result = batch.validate(suite, result_format=result_format)
        out = []
        seen: set[tuple] = set()   # a rule cut into parts (compiler.condition_parts): a row once per rule
        for r in result.results:
            if r.exception_info and r.exception_info.get("raised_exception"):
                raise RuntimeError(f"expectation of rule {r.expectation_config.meta.get('rule')} failed to run: "
                                   f"{r.exception_info.get('exception_message')}")
            if r.success:
                continue
            rule = self.rules[r.expectation_config.meta["rule"]]
            for row in r.result.get("unexpected_index_list") or []:
                key = (rule.id, row["article"], row["row"])
                if key not in seen:
                    seen.add(key)
                    out.append((rule, row))
        return _whole_rows(frame, out) if self.source == "pandas" else out

    def close(self) -> None:
        """Write the Data Docs site (when asked for) and remove the temporary project."""
        try:
            if self.data_docs is not None:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    self.context.build_data_docs(site_names=[SITE_NAME])
                add_offline_index(Path(self.data_docs))
        finally:
            if self._project is not None:
                shutil.rmtree(self._project, ignore_errors=True)
