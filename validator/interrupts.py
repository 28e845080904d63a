"""How a run ends when it is stopped: Ctrl-C (exit 130), SIGTERM (exit 143), or a reader that went away
(`validate -f jsonl | head -1`, exit 141 as for any command killed by SIGPIPE): one line on stderr, no
traceback, and never half a line of a report (`jsonl` consumers read line by line).

SIGTERM is turned into an exception like Ctrl-C's, so the same clean-up runs (the worker pool is
ended); both are held back while a piece of the report is being written, and acted on right after.
"""
from __future__ import annotations

import os
import signal
import sys
from contextlib import contextmanager

_held = 0                  # inside held(): a signal waits in _pending
_pending: list[int] = []


class Terminated(BaseException):
    """SIGTERM, raised where the run is (like KeyboardInterrupt for SIGINT)."""


def _raise_for(signum: int) -> None:
    raise Terminated if signum == signal.SIGTERM else KeyboardInterrupt


def _on_signal(signum, frame) -> None:
    if _held:
        _pending.append(signum)
    else:
        _raise_for(signum)


def install() -> dict:
    """Returns the handlers it replaced (a run inside another program, a test, puts them back).
    Handlers, not a signal mask: the kernel gives a signal the main thread blocks to another thread
    (the worker pool's), and Python would still raise it in the middle of a write."""
    return {s: signal.signal(s, _on_signal) for s in (signal.SIGINT, signal.SIGTERM)}


def restore(previous: dict) -> None:
    for s, handler in previous.items():
        signal.signal(s, handler)


@contextmanager
def held():
    """Signals wait until the block is done (a report line is written whole, or not at all)."""
    global _held
    _held += 1
    try:
        yield
    finally:
        _held -= 1
    if not _held and _pending:
        _raise_for(_pending.pop(0))


def write(stream, text: str) -> None:
    with held():
        stream.write(text)
        stream.flush()


def stopped(e: BaseException) -> int:
    """The exit code for a run stopped by `e`, after one line on stderr."""
    if isinstance(e, BrokenPipeError):
        # Whatever Python still holds for stdout would fail again at exit: send it nowhere.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    message, code = ("terminated", 143) if isinstance(e, Terminated) else ("interrupted", 130)
    try:
        sys.stderr.write(f"validate: {message}\n")
        sys.stderr.flush()
    except OSError:
        pass
    return code
