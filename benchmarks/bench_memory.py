"""Peak memory of one process validating a folder of 10,000 articles.

    uv run python -m benchmarks.bench_memory [--articles 10000] [--format jsonl] [--jobs 1] [--library]

Writes the shared SaudiNewsNet day (1,318 articles, repeated) into a temporary folder, runs
`python -m validator FOLDER --format jsonl --jobs 1` with the report sent to /dev/null, and prints the
child's peak resident memory (target < 200 MB) and the time taken. `--format json` shows the cost of
a report that must hold every result; `--library` runs `validator.run.results` in this process
instead of the command (the results are consumed and dropped one by one).
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import articles

ROOT = Path(__file__).resolve().parent.parent


def write_folder(folder: Path, n: int) -> None:
    texts = articles()
    for i in range(n):
        sub = folder / f"{i // 1000:02d}"
        sub.mkdir(exist_ok=True)
        (sub / f"{i:05d}.txt").write_text(texts[i % len(texts)], encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--format", default="jsonl")
    ap.add_argument("--jobs", default="1")
    ap.add_argument("--library", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="validator-mem-") as tmp:
        folder = Path(tmp)
        write_folder(folder, args.articles)
        start = time.perf_counter()
        if args.library:
            from validator import run

            n = findings = errors = 0
            for result in run.results(run.plan([str(folder)]), jobs=int(args.jobs)):
                n += 1
                findings += len(result.findings)
                errors += result.error is not None
            peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            what = f"library, {n} results, {findings} findings, {errors} errors"
        else:
            env = dict(os.environ)
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            with open(os.devnull, "w") as devnull:
                p = subprocess.run([sys.executable, "-m", "validator", str(folder), "--format", args.format,
                                    "--jobs", args.jobs, "--fail-on", "never"],
                                   stdout=devnull, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
            errors = [line for line in p.stderr.splitlines() if line.startswith("error: ")]
            if p.returncode not in (0, 2) or len(errors) != len(p.stderr.splitlines()):
                sys.exit(f"validate exited {p.returncode}: {p.stderr[-2000:]}")
            peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the largest child (per process)
            # a few of the corpus's articles are empty (no title, no text): one-line errors, exit 2
            what = f"validate --format {args.format} --jobs {args.jobs}, {len(errors)} empty articles refused"
        elapsed = time.perf_counter() - start
        print(f"{args.articles} articles, {what}: peak RSS {peak_kb / 1024:.0f} MB, {elapsed:.0f} s "
              f"({args.articles / elapsed:.0f} articles/s)")


if __name__ == "__main__":
    main()
