"""Extraction throughput over the 1,318 SaudiNewsNet articles in one process, on one core.

    uv run python -m benchmarks.bench_extract [--rules] [--repeat N] [--profile] [--stages]

Prints articles per second for extraction alone (and, with --rules, for full validation), the
camel-tools baseline (tokenize + dediacritize the same texts) and the peak resident memory.
Each article's result is dropped once made, as the CLI does when it streams a report; a list of
1,318 results kept alive would time the garbage collector walking them instead.
`--stages` prints where the time of full validation goes, stage by stage of the pipeline.
"""
from __future__ import annotations

import argparse
import os
import resource
import time
from collections import Counter

from benchmarks.corpus import articles


def _each(fn, texts) -> None:
    for t in texts:
        fn(t)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rules", action="store_true", help="also time full validation (extraction + rules)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--stages", action="store_true", help="time of each pipeline stage in full validation")
    args = ap.parse_args()
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    except (AttributeError, OSError):
        pass
    texts = articles()
    from validator.app import Validator

    validator = Validator()
    _each(validator.validate_text, texts)  # warm the per-word caches, as a long run has them

    def best(fn) -> float:
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            _each(fn, texts)
            times.append(time.perf_counter() - start)
        return min(times)

    if args.profile:
        import cProfile
        import pstats

        cProfile.runctx("_each(validator.validate_text, texts)", globals(), locals(), "/tmp/validate.prof")
        pstats.Stats("/tmp/validate.prof").sort_stats("cumulative").print_stats(25)
        return
    if args.stages:
        _print_stages(validator, texts)
        return

    extract_s = best(validator.extract_text)
    print(f"articles: {len(texts)}, characters: {sum(map(len, texts)):,}")
    print(f"extraction:      {len(texts) / extract_s:8.0f} articles/s ({extract_s:.2f} s)")
    if args.rules:
        validate_s = best(validator.validate_text)
        print(f"full validation: {len(texts) / validate_s:8.0f} articles/s ({validate_s:.2f} s)")
    from camel_tools.tokenizers.word import simple_word_tokenize
    from camel_tools.utils.dediac import dediac_ar

    camel_s = best(lambda t: simple_word_tokenize(dediac_ar(t)))
    print(f"camel-tools tokenize+dediac: {len(texts) / camel_s:8.0f} articles/s ({camel_s:.2f} s)")
    if args.rules:
        print(f"validation / camel-tools time ratio: {validate_s / camel_s:.2f}x")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MB")


def _print_stages(validator, texts) -> None:
    """Wrap each stage the pipeline calls in a timer (a few per cent of overhead) and validate once."""
    from validator import app, document
    from validator.extract import pipeline

    spent: Counter = Counter()

    def timed(name, fn):
        def run(*a, **k):
            start = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                spent[name] += time.perf_counter() - start
        return run

    stages = {"normalize": "normalize", "tokenize": "tokenize", "Context": "lexicon scan (Context)",
              "find_quotes": "quotes: pairing", "classify": "quotes: speech or name",
              "extract_entities": "entities", "find_attributions": "attributions", "extract_numbers": "numbers",
              "find_passages": "passages", "link": "linking", "find_spellings": "spellings"}
    for attr, name in stages.items():
        setattr(pipeline, attr, timed(name, getattr(pipeline, attr)))
    app.document.build = timed("document", document.build)
    validator.engine.run = timed("rules", validator.engine.run)
    start = time.perf_counter()
    _each(validator.validate_text, texts)
    total = time.perf_counter() - start
    print(f"full validation: {total:.2f} s, {len(texts) / total:.0f} articles/s (timers on)")
    for name, s in spent.most_common():
        print(f"  {name:24s} {1000 * s / len(texts):6.3f} ms/article  {100 * s / total:5.1f} %")
    rest = total - sum(spent.values())
    print(f"  {'other':24s} {1000 * rest / len(texts):6.3f} ms/article  {100 * rest / total:5.1f} %")


if __name__ == "__main__":
    main()
