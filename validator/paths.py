"""Where files are: the articles a folder holds, and the built-in rules and lexicons the package carries."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
# A repository's own documents are not articles: a folder walk skips them (named on the command line,
# they are still validated). The pre-commit hook excludes the same names.
NOT_ARTICLES = re.compile(r"(README|CHANGELOG|CHANGES|LICENSE|LICENCE|CONTRIBUTING|CODE_OF_CONDUCT)(\.[A-Za-z]+)?",
                          re.IGNORECASE)


@dataclass(frozen=True)
class Entry:
    path: str
    error: str | None = None      # a folder that could not be listed
    outside: bool = False         # a link out of the walked folder: not followed


def articles_in(root: str | Path) -> Iterator[Entry]:
    """Article files under a folder, and the problems met on the way, in a stable order.

    Iterative (a folder nested thousands deep is no recursion error); never into hidden folders (.git,
    .venv) or node_modules, never through a symlinked folder (no loops), never through a link that leads
    out of the folder given (`articles/evil.txt -> ../secret/creds` is not an article of `articles/`; a
    file named on the command line is read wherever it is). A folder that cannot be listed is not
    skipped in silence: it comes with its reason, and the run fails on it (exit 2)."""
    top = os.path.realpath(root)
    stack = [str(Path(root))]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as e:
            yield Entry(folder, error=f"{folder}: cannot read folder ({e.strerror or e})")
            continue
        subfolders = []
        for entry in entries:
            path = str(Path(folder, entry.name))  # "a.txt" for ".", as pathlib writes it
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
                is_link = entry.is_symlink()
            except OSError as e:
                yield Entry(path, error=f"{path}: cannot read ({e.strerror or e})")
                continue
            if is_dir:
                if not entry.name.startswith(".") and entry.name != "node_modules":
                    subfolders.append(path)
                continue
            if is_link and os.path.isdir(path):  # a symlinked folder: never followed (loops)
                continue
            if os.path.splitext(entry.name)[1].lower() not in ARTICLE_SUFFIXES or NOT_ARTICLES.fullmatch(entry.name):
                continue
            if is_link and not _inside(os.path.realpath(path), top):
                yield Entry(path, outside=True)
                continue
            yield Entry(path)
        stack.extend(reversed(subfolders))


def _inside(path: str, top: str) -> bool:
    return path == top or path.startswith(top.rstrip(os.sep) + os.sep)


@lru_cache(maxsize=1)
def builtin_rules_dir() -> Path:
    """The built-in rules (`*.rule`, and `lexicons/`), found through the package: an installed wheel
    carries them as `validator/builtin_rules` (pyproject's force-include of the repository's `rules/`);
    a checkout (editable install) has them at the repository root, beside the package."""
    from importlib.resources import files

    packaged = Path(str(files("validator") / "builtin_rules"))
    if packaged.is_dir():
        return packaged
    return Path(str(files("validator"))).parent / "rules"
