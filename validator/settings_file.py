"""Reading the small files that steer a run (a configuration, a baseline, an ignore file, a sidecar):
only a regular file, only up to a size, only UTF-8; any other case is a one-line reason.

`--config /dev/zero` would otherwise read until memory runs out, and a FIFO would block the run
forever: the file is checked (stat) before it is opened, and read with a bound after.
"""
from __future__ import annotations

import os
import re
import sys
import stat
from pathlib import Path

MAX_SETTINGS_BYTES = 64 * 1024 * 1024  # a baseline of 10,000 articles' findings is a few MB


class SettingsFileError(Exception):
    """Why the file cannot be used, without its name (the caller's error names it and where)."""

    def __init__(self, reason: str, missing: bool = False):
        super().__init__(reason)
        self.missing = missing


def read_settings(path: Path | str, limit: int = MAX_SETTINGS_BYTES) -> str:
    try:
        st = os.stat(path)
        if stat.S_ISDIR(st.st_mode):
            raise SettingsFileError("a directory, not a file")
        if not stat.S_ISREG(st.st_mode):  # a FIFO blocks, /dev/zero never ends
            raise SettingsFileError("not a regular file")
        if st.st_size > limit:
            raise SettingsFileError(too_large(st.st_size, limit))
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)  # the file may have grown since stat()
    except FileNotFoundError:
        raise SettingsFileError("no such file", missing=True) from None
    except OSError as e:
        raise SettingsFileError(f"cannot read ({e.strerror or e})") from None
    if len(data) > limit:
        raise SettingsFileError(too_large(len(data), limit, at_least=True))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise SettingsFileError(f"not UTF-8 (byte offset {e.start})") from None


def too_large(size: int, limit: int, at_least: bool = False) -> str:
    """The one wording of every size limit (`at_least`: a stream read no further than the limit)."""
    return f"{'at least ' if at_least else ''}{size:,} bytes; the limit is {limit:,} bytes"


class ParseError(Exception):
    """A file that does not parse: the message and where (1-based line and column)."""

    def __init__(self, message: str, line: int = 1, column: int = 1, beyond_limits: bool = False):
        super().__init__(message)
        self.message, self.line, self.column = message, line, column
        self.beyond_limits = beyond_limits  # valid syntax, perhaps, but past what the parser can hold


def parse_toml(text: str) -> dict:
    import tomllib  # only when such a file is actually read

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        message = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)$", "", str(e))
        m = re.search(r"at line (\d+), column (\d+)", str(e))
        if m:
            raise ParseError(message, int(m.group(1)), int(m.group(2))) from None
        if "end of document" in str(e):
            raise ParseError(message, text.count("\n") + 1, len(text) - (text.rfind("\n") + 1) + 1) from None
        raise ParseError(message) from None
    except (RecursionError, ValueError) as e:
        raise _beyond_limits(e) from None


def parse_json(text: str):
    import json

    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise ParseError(e.msg, e.lineno, e.colno) from None
    except (RecursionError, ValueError) as e:
        raise _beyond_limits(e) from None


def _beyond_limits(e: Exception) -> ParseError:
    """The parsers' own limits (stdlib recursion, int digits) as a reason, not a traceback."""
    if isinstance(e, RecursionError):
        return ParseError(f"nested too deeply (more than about {sys.getrecursionlimit()} levels)",
                          beyond_limits=True)
    return ParseError(f"a number longer than {sys.get_int_max_str_digits()} digits", beyond_limits=True)
