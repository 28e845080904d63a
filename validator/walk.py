"""Walking a folder given on the command line for articles.

Iterative (a folder nested thousands deep is no recursion error), in a stable order, never into hidden
folders (.git, .venv) or node_modules, never through a symlinked folder (no loops), and never through a
link that leads out of the folder given: `articles/evil.txt -> ../secret/creds` is not an article of
`articles/` (a file named explicitly on the command line is read wherever it is). What cannot be read
is not skipped in silence: the walk yields it with the reason, and the run fails on it (exit 2).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


@dataclass(frozen=True)
class Entry:
    path: str
    error: str | None = None      # a folder that could not be listed
    outside: bool = False         # a link out of the walked folder: not followed


def walk(root: str | Path) -> Iterator[Entry]:
    """Article files under `root`, and the problems met on the way, in a stable order."""
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
            if os.path.splitext(entry.name)[1].lower() not in ARTICLE_SUFFIXES:
                continue
            if is_link and not _inside(os.path.realpath(path), top):
                yield Entry(path, outside=True)
                continue
            yield Entry(path)
        stack.extend(reversed(subfolders))


def _inside(path: str, top: str) -> bool:
    return path == top or path.startswith(top.rstrip(os.sep) + os.sep)
