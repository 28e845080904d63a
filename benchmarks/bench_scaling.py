"""Time and peak memory of one article as it doubles in size, for every input shape of
benchmarks/shapes.py (text and HTML), up to the input-size limit.

    uv run python -m benchmarks.bench_scaling [--shapes titled-names numbers ...]
                                              [--sizes 100 200 400 800 1000] [--no-limit] [--timeout 120 (CPU s)]

Each point is one `validate --format json ARTICLE > /dev/null` in a fresh process. Its wall time is
noisy on a shared machine, so each point also reports the child's CPU time (user + sys, the rusage
that `os.wait4` returns for it: the same figures `resource.getrusage(RUSAGE_CHILDREN)` adds up) and
its peak RSS (`ru_maxrss`); the doublings are judged on CPU time and peak RSS, and the load average
is printed beside each shape. Targets (issue 17): each doubling ≤ 2.3x the time and the memory, 1 MB
of any shape within 15 s and 500 MB, the limit's size within 60 s.
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.shapes import SHAPES, article
from validator.document import MAX_BYTES

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Point:
    wall: float | None     # seconds; None: timed out
    cpu: float | None      # the child's user + sys seconds
    peak_mb: float | None  # the child's peak resident memory
    code: int

    def cell(self, timeout: float) -> str:
        if self.wall is None:
            return f"stopped after {self.cpu:.0f} s CPU"
        return f"{self.wall:.2f} s / {self.cpu:.2f} s, {self.peak_mb:.0f} MB"


def measure(shape: str, size: int, folder: Path, timeout: float) -> Point:
    """Wall time, CPU time and peak RSS of validating one generated article in a fresh process. The
    child may use `timeout` CPU seconds (RLIMIT_CPU: a busy machine does not cut it short) and twenty
    times that in wall time."""
    suffix, text = article(shape, size)
    path = folder / f"{shape}-{size}{suffix}"
    path.write_text(text, encoding="utf-8")
    cmd = [sys.executable, "-m", "validator", "--format", "json", str(path)]
    limit = int(timeout) + 1

    def cpu_limit() -> None:
        resource.setrlimit(resource.RLIMIT_CPU, (limit, limit + 5))

    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=cpu_limit,
                            env=dict(os.environ, VALIDATOR_CACHE_DIR=str(folder / "cache")))
    killer = threading.Timer(20 * timeout, proc.kill)
    killer.start()
    try:
        err = proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
    finally:
        killer.cancel()
        proc.returncode = 0  # reaped here: Popen must not wait for it again
        path.unlink()
    wall = time.perf_counter() - start
    if os.WIFSIGNALED(status):
        return Point(None, usage.ru_utime + usage.ru_stime, None, -1)
    code = os.WEXITSTATUS(status)
    if code not in (0, 1):
        print(f"  {shape} {size}: exit {code}: {err.decode()[-300:]}", file=sys.stderr)
    return Point(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, code)


def worst_doublings(points: list[Point], sizes: list[int]) -> tuple[float, float, float]:
    """The largest ratio (wall, CPU, peak RSS) between two points of which the second is twice the first."""
    worst = [0.0, 0.0, 0.0]
    for p0, p1, s0, s1 in zip(points, points[1:], sizes, sizes[1:]):
        if p0.wall and p1.wall and s1 == 2 * s0:
            for k, (a, b) in enumerate([(p0.wall, p1.wall), (p0.cpu, p1.cpu), (p0.peak_mb, p1.peak_mb)]):
                worst[k] = max(worst[k], b / a)
    return worst[0], worst[1], worst[2]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shapes", nargs="+", default=list(SHAPES), choices=SHAPES, metavar="SHAPE")
    ap.add_argument("--sizes", nargs="+", type=int, default=[100, 200, 400, 800, 1000], help="KB")
    ap.add_argument("--no-limit", action="store_true", help="skip the point at the size limit")
    ap.add_argument("--timeout", type=float, default=120.0, help="CPU seconds a point may use")
    args = ap.parse_args()
    # the last point just under the limit (a generated article overshoots its size by up to a unit)
    sizes = [k * 1000 for k in args.sizes] + ([] if args.no_limit else [MAX_BYTES * 19 // 20])
    print(f"size limit: {MAX_BYTES:,} bytes; each cell: wall / CPU seconds, peak RSS")
    print("| shape | load | " + " | ".join(f"{s // 1000} KB" for s in sizes)
          + " | worst doubling: CPU / RSS (wall) |")
    print("| --- | ---: |" + " ---: |" * (len(sizes) + 1))
    with tempfile.TemporaryDirectory() as tmp:
        measure(args.shapes[0], 1000, Path(tmp), args.timeout)  # the first run fills the compiled-rules cache
        for shape in args.shapes:
            load = os.getloadavg()[0]
            points = [measure(shape, size, Path(tmp), args.timeout) for size in sizes]
            wall, cpu, rss = worst_doublings(points, sizes)
            print(f"| {shape} | {load:.1f}-{os.getloadavg()[0]:.1f} | "
                  + " | ".join(p.cell(args.timeout) for p in points)
                  + f" | {cpu:.2f}x / {rss:.2f}x ({wall:.2f}x) |", flush=True)


if __name__ == "__main__":
    main()
