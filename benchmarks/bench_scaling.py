"""Time and peak memory of one article as it doubles in size, for every input shape of
benchmarks/shapes.py (text and HTML), up to the input-size limit.

    uv run python -m benchmarks.bench_scaling [--shapes titled-names numbers ...] [--sizes 100 200 400 800]
                                              [--no-limit] [--timeout 120]

Each point is one `validate --format json ARTICLE > /dev/null` in a fresh process, timed with
/usr/bin/time (wall seconds, peak RSS). Targets (issue 17): each doubling ≤ 2.3x the time and the
memory, 1 MB of any shape within 15 s and 500 MB, the limit's size within 60 s.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.shapes import SHAPES, article
from validator.document import MAX_BYTES

ROOT = Path(__file__).resolve().parent.parent


def measure(shape: str, size: int, folder: Path, timeout: float) -> tuple[float | None, float | None, int]:
    """(seconds, peak MB, exit code) of validating one generated article; None on a timeout."""
    suffix, text = article(shape, size)
    path = folder / f"{shape}-{size}{suffix}"
    path.write_text(text, encoding="utf-8")
    stats = folder / "time.txt"
    cmd = ["/usr/bin/time", "-o", str(stats), "-f", "%e %M", sys.executable, "-m", "validator",
           "--format", "json", str(path)]
    start = time.perf_counter()
    try:
        proc = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=timeout,
                              env=dict(os.environ, VALIDATOR_CACHE_DIR=str(folder / "cache")))
    except subprocess.TimeoutExpired:
        return None, None, -1
    finally:
        path.unlink()
    wall = time.perf_counter() - start
    fields = stats.read_text().split()[-2:]
    if proc.returncode not in (0, 1):
        print(f"  {shape} {size}: exit {proc.returncode}: {proc.stderr.decode()[-300:]}", file=sys.stderr)
    return (float(fields[0]) if fields else wall), (int(fields[1]) / 1024 if fields else None), proc.returncode


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shapes", nargs="+", default=list(SHAPES), choices=SHAPES, metavar="SHAPE")
    ap.add_argument("--sizes", nargs="+", type=int, default=[100, 200, 400, 800], help="KB")
    ap.add_argument("--no-limit", action="store_true", help="skip the point at the size limit")
    ap.add_argument("--timeout", type=float, default=120.0)
    args = ap.parse_args()
    # the last point just under the limit (a generated article overshoots its size by up to a unit)
    sizes = [k * 1000 for k in args.sizes] + ([] if args.no_limit else [MAX_BYTES * 19 // 20])
    print(f"size limit: {MAX_BYTES:,} bytes")
    print("| shape | " + " | ".join(f"{s // 1000} KB" for s in sizes) + " | worst doubling (time / memory) |")
    print("| --- |" + " ---: |" * (len(sizes) + 1))
    with tempfile.TemporaryDirectory() as tmp:
        for shape in args.shapes:
            points = [measure(shape, size, Path(tmp), args.timeout) for size in sizes]
            cells = [f"{t:.2f} s, {m:.0f} MB" if t is not None else f"> {args.timeout:.0f} s" for t, m, _ in points]
            worst_t = worst_m = 0.0
            for (t0, m0, _), (t1, m1, _), s0, s1 in zip(points, points[1:], sizes, sizes[1:]):
                if t0 and t1 and s1 == 2 * s0:
                    worst_t, worst_m = max(worst_t, t1 / t0), max(worst_m, m1 / m0)
            print(f"| {shape} | " + " | ".join(cells) + f" | {worst_t:.2f}x / {worst_m:.2f}x |", flush=True)


if __name__ == "__main__":
    main()
