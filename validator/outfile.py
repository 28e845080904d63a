"""Writing the files a run produces (`--output`, `--baseline-write`, `--fix`, HTML pages): never half a file, never over an
input, never over something that is not a regular file.

A regular file (or a new one) is written to a temporary file in the same folder and renamed over the
target, so a reader sees the old file or the new one, never a mix, and an interrupted run leaves the
old one. A character device or a FIFO (`/dev/null`, `/dev/stdout`, a named pipe) is written into as
the shell's `>` would: renaming over it would replace the system's `/dev/null` with a regular file.
Anything else (a folder, a socket) and any of the run's inputs is refused with a one-line error.
"""
from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path


class OutputError(Exception):
    """An output file that cannot or must not be written: the message names it (exit code 2)."""


def check_target(target: Path | str, *, inputs=(), what: str = "report") -> os.stat_result | None:
    """Refuse a target the run must not write (an input, a folder, a socket); its stat, or None when
    it does not exist yet. Called before a run starts, so a refusal costs no work."""
    shown = str(target)
    try:
        st = os.stat(target)
    except FileNotFoundError:
        return None
    except OSError as e:
        raise OutputError(f"{shown}: cannot write {what} ({_reason(e)})") from None
    if _is_input(st, inputs):
        raise OutputError(f"{shown}: refusing to overwrite an input article with the {what}")
    if not (stat.S_ISREG(st.st_mode) or _is_stream(st)):
        kind = "a directory" if stat.S_ISDIR(st.st_mode) else "not a regular file"
        raise OutputError(f"{shown}: cannot write {what} ({kind})")
    return st


def write_text(target: Path | str, text: str, *, inputs=(), what: str = "report") -> None:
    st = check_target(target, inputs=inputs, what=what)
    if st is not None and _is_stream(st):
        _write_into(Path(target), str(target), text, what)
    else:
        _replace(Path(target), str(target), text, what)


def _is_stream(st: os.stat_result) -> bool:
    return stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode)


def _is_input(st: os.stat_result, inputs) -> bool:
    for p in inputs:
        if p == "-":
            continue
        try:
            other = os.stat(p)
        except OSError:
            continue
        if (other.st_dev, other.st_ino) == (st.st_dev, st.st_ino):
            return True
    return False


def _write_into(path: Path, shown: str, text: str, what: str) -> None:
    try:
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)
    except OSError as e:
        raise OutputError(f"{shown}: cannot write {what} ({_reason(e)})") from None


def write_atomic(target: Path | str, data: bytes, mode_of: Path | str | None = None) -> None:
    """Replace `target` with `data`: readers see the old content or the new, never half of it. The
    permissions kept are `mode_of`'s (an article being fixed), else the old target's, else the umask's.
    Raises OSError, leaving no temporary file behind."""
    path = Path(target)
    tmp = None
    try:
        # A short temporary name: the target's name may already be as long as the system allows.
        fd, tmp = tempfile.mkstemp(prefix=".validate-", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            mode = stat.S_IMODE(os.stat(mode_of or path).st_mode)
        except FileNotFoundError:
            mode = 0o666 & ~_umask()
        os.chmod(tmp, mode)
        os.replace(tmp, path)
        tmp = None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _replace(path: Path, shown: str, text: str, what: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, text.encode("utf-8"))
    except OSError as e:
        raise OutputError(f"{shown}: cannot write {what} ({_reason(e)})") from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _reason(e: OSError) -> str:
    if e.errno == errno.ENAMETOOLONG:
        return "file name too long"
    return e.strerror or str(e)
