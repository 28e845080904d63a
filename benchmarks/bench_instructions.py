"""Instructions per article, counted with valgrind (callgrind): a throughput figure a busy machine
does not move.

    uv run python -m benchmarks.bench_instructions [--articles 300] [--extract | --floor]

Runs the same workload twice under callgrind: warm up on the first N corpus articles (the per-word
caches a long run has), then 0 or 1 timed passes over them. The difference, divided by N, is what one
article costs once a run is warm, without the start-up and the warm-up. `--extract` counts extraction
alone; `--floor` counts the camel-tools floor (`simple_word_tokenize(dediac_ar(text))`) the
validation/camel-tools ratio is taken against, so the ratio too can be counted. Needs valgrind; the two runs go side by side and take a few minutes. PYTHONHASHSEED is fixed,
so set iteration orders, and with them the counts, repeat from run to run.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys


def _workload(articles: int, passes: int, extract: bool, floor: bool = False) -> None:
    from benchmarks.corpus import articles as corpus

    texts = [t for t in corpus() if t.strip()][:articles]
    if floor:
        from camel_tools.tokenizers.word import simple_word_tokenize
        from camel_tools.utils.dediac import dediac_ar

        def run(text):
            return simple_word_tokenize(dediac_ar(text))
    else:
        from validator.app import Validator

        validator = Validator()
        run = validator.extract_text if extract else validator.validate_text
    for text in texts:
        run(text)
    for _ in range(passes):
        for text in texts:
            run(text)


def _count(args, passes: int) -> int:
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-m",
           "benchmarks.bench_instructions", "--workload", str(passes), "--articles", str(args.articles)]
    cmd += ["--extract"] * args.extract + ["--floor"] * args.floor
    env = dict(os.environ, PYTHONHASHSEED="0")
    done = subprocess.run(cmd, capture_output=True, text=True, env=env)
    found = re.search(r"Collected\s*:\s*([\d,]+)", done.stderr) or re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if done.returncode != 0 or found is None:
        sys.exit(f"callgrind run failed (exit {done.returncode}): {done.stderr.strip().splitlines()[-1:]}")
    return int(found.group(1).replace(",", ""))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--extract", action="store_true", help="extraction alone, not full validation")
    ap.add_argument("--floor", action="store_true", help="the camel-tools tokenize+dediacritize floor")
    ap.add_argument("--workload", type=int, help=argparse.SUPPRESS)  # the run callgrind counts
    args = ap.parse_args()
    if args.workload is not None:
        _workload(args.articles, args.workload, args.extract, args.floor)
        return
    if shutil.which("valgrind") is None:
        sys.exit("bench_instructions: valgrind is not installed (apt-get install valgrind)")
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(2) as pool:  # the two runs side by side, one core each
        base, timed = pool.map(lambda passes: _count(args, passes), (0, 1))
    what = "camel-tools floor" if args.floor else "extraction" if args.extract else "full validation"
    print(f"{what}: {(timed - base) / args.articles / 1e6:.2f} M instructions per article "
          f"({args.articles} articles; warm-up and start-up {base / 1e9:.2f} G, subtracted)")


if __name__ == "__main__":
    main()
