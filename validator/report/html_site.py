"""Where `--format html` pages go: one article is one page (the `--output` file, or standard output);
many articles are a folder of pages plus an index with counts per article and category.

Each page is written as soon as its article is validated, so a folder of thousands of articles keeps
one article's text in memory at a time, and only the counts until the index is written.
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

from validator.outfile import write_atomic
from validator.errors import InputError
from validator.findings import FileResult
from validator.report import html

_UNSAFE = re.compile(r"[^\w.-]+")


class Site:
    def __init__(self, output: Path | None, articles: int, lang: str, rules: list):
        self.lang = lang
        self.rules = {r.id: r for r in rules}
        self.single = articles <= 1
        self.page: str = ""
        self.entries: list[html.IndexEntry] = []
        self.single_target = output
        if self.single:
            if output is not None and output.is_dir():
                self.single_target = output / "index.html"
            return
        if output is None:
            raise InputError(f"--format html: {articles} articles make a folder of pages; "
                             "name it with --output FOLDER (or --output index.html)")
        if output.suffix.lower() in (".html", ".htm"):
            self.index_path = output
            self.pages = output.with_name(f"{output.stem}-pages")
        else:
            self.index_path = output / "index.html"
            self.pages = output / "pages"
        try:
            self.pages.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise InputError(f"{self.pages}: cannot create the report folder ({e.strerror or e})") from None

    def add(self, result: FileResult, structures: dict | None = None) -> None:
        if self.single:
            self.page = html.render_page(result, self.lang, self.rules, structures)
            return
        href = None
        if not result.error:
            name = f"{len(self.entries) + 1:04d}-{_UNSAFE.sub('_', Path(result.path).stem)[:60]}.html"
            page = html.render_page(result, self.lang, self.rules, structures,
                                    index_href=quote(f"../{self.index_path.name}"))  # pages sit beside the index
            self._write(self.pages / name, page)
            href = quote(f"{self.pages.name}/{name}")
        self.entries.append(html.index_entry(result, href))  # only the counts are kept

    def finish(self) -> None:
        if not self.single:
            self._write(self.index_path, html.render_index(self.entries, self.lang))

    @staticmethod
    def _write(path: Path, text: str) -> None:
        try:
            write_atomic(path, text.encode("utf-8"))
        except OSError as e:
            raise InputError(f"{path}: cannot write report ({e.strerror or e})") from None
