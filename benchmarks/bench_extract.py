"""Extraction throughput over the 1,318 SaudiNewsNet articles in one process, on one core.

    uv run python -m benchmarks.bench_extract [--rules] [--repeat N] [--profile]

Prints articles per second for extraction alone (and, with --rules, for full validation), the
camel-tools baseline (tokenize + dediacritize the same texts) and the peak resident memory.
"""
from __future__ import annotations

import argparse
import os
import resource
import time

from benchmarks.corpus import articles


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rules", action="store_true", help="also time full validation (extraction + rules)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args()
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    except (AttributeError, OSError):
        pass
    texts = articles()
    from validator.app import Validator

    validator = Validator()
    for t in texts[:20]:
        validator.extract_text(t)  # warm lexicon patterns

    def best(fn) -> float:
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
        return min(times)

    if args.profile:
        import cProfile
        import pstats

        cProfile.runctx("for t in texts: validator.validate_text(t)", globals(), locals(), "/tmp/validate.prof")
        pstats.Stats("/tmp/validate.prof").sort_stats("cumulative").print_stats(25)
        return

    extract_s = best(lambda: [validator.extract_text(t) for t in texts])
    print(f"articles: {len(texts)}, characters: {sum(map(len, texts)):,}")
    print(f"extraction:      {len(texts) / extract_s:8.0f} articles/s ({extract_s:.2f} s)")
    if args.rules:
        validate_s = best(lambda: [validator.validate_text(t) for t in texts])
        print(f"full validation: {len(texts) / validate_s:8.0f} articles/s ({validate_s:.2f} s)")
    from camel_tools.tokenizers.word import simple_word_tokenize
    from camel_tools.utils.dediac import dediac_ar

    camel_s = best(lambda: [simple_word_tokenize(dediac_ar(t)) for t in texts])
    print(f"camel-tools tokenize+dediac: {len(texts) / camel_s:8.0f} articles/s ({camel_s:.2f} s)")
    if args.rules:
        print(f"validation / camel-tools time ratio: {validate_s / camel_s:.2f}x")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MB")


if __name__ == "__main__":
    main()
