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

_HELD = {signal.SIGINT, signal.SIGTERM}


class Terminated(BaseException):
    """SIGTERM, raised where the run is (like KeyboardInterrupt for SIGINT)."""


def _raise_terminated(signum, frame) -> None:
    raise Terminated


def install():
    """Returns the handler it replaced (a run inside another program, a test, puts it back)."""
    return signal.signal(signal.SIGTERM, _raise_terminated)


@contextmanager
def held():
    """Signals wait until the block is done (a report line is written whole, or not at all)."""
    old = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


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
