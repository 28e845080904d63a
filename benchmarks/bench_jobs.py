"""The 1,318 SaudiNewsNet articles written out as files, validated with --jobs 1 and --jobs 2:
the outputs must be identical; prints both wall times and the speed-up.

    uv run python -m benchmarks.bench_jobs [--format json]
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import articles


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--format", default="json")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for k, text in enumerate(articles()):
            if text.strip():
                (folder / f"{k:04d}.txt").write_text(text, encoding="utf-8")
        outputs, times = {}, {}
        for jobs in (1, 2):
            start = time.perf_counter()
            run = subprocess.run([sys.executable, "-m", "validator", str(folder), "--format", args.format,
                                  "--fail-on", "never", "--jobs", str(jobs)], capture_output=True, text=True)
            times[jobs] = time.perf_counter() - start
            if run.returncode != 0:
                sys.exit(f"--jobs {jobs} exited {run.returncode}: {run.stderr[-300:]}")
            outputs[jobs] = run.stdout
        files = len(list(folder.iterdir()))
    same = outputs[1] == outputs[2]
    print(f"files: {files}")
    print(f"--jobs 1: {times[1]:.1f} s ({files / times[1]:.0f} files/s)")
    print(f"--jobs 2: {times[2]:.1f} s ({files / times[2]:.0f} files/s)")
    print(f"speed-up: {times[1] / times[2]:.2f}x; identical output: {same}")
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
