"""Paths as CI tools want them: relative to the current folder when possible, POSIX separators."""
from __future__ import annotations

import os
from pathlib import Path


def relative(path: str) -> str:
    if path == "-":
        return "-"
    p = Path(path)
    try:
        rel = os.path.relpath(p.resolve(), Path.cwd().resolve())
    except ValueError:  # another drive on Windows
        return p.resolve().as_posix()
    if rel.startswith(".."):
        return p.resolve().as_posix()
    return Path(rel).as_posix()


def uri(path: str) -> str:
    """A URI reference for SARIF: relative (percent-encoded) under the current folder, else file://."""
    from urllib.parse import quote

    if path == "-":
        return "stdin"
    rel = relative(path)
    if Path(rel).is_absolute():
        return Path(rel).as_uri()
    return quote(rel, safe="/")
