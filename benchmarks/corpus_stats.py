"""Findings per 1,000 words by category over the 1,318 SaudiNewsNet articles, and a random sample of
findings to check by hand.

    uv run python -m benchmarks.corpus_stats [--sample 40] [--seed 7]
"""
from __future__ import annotations

import argparse
import random
import re
from collections import Counter

from benchmarks.corpus import articles

_WORD = re.compile(r"[^\W\d_]+")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sample", type=int, default=40)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--context", type=int, default=70,
                    help="characters shown on each side of a sampled finding (a hand check of speakers "
                         "needs the sentence before: try 400)")
    args = ap.parse_args()
    from validator.app import Options, Validator

    validator = Validator(Options(lang="en"))
    texts = [t for t in articles() if t.strip()]
    words = 0
    by_category: Counter = Counter()
    by_severity: Counter = Counter()
    pool = []
    for k, text in enumerate(texts):
        words += len(_WORD.findall(text))
        result = validator.validate_text(text, f"article-{k}")
        for f in result.findings:
            by_category[f.category] += 1
            by_severity[f.severity] += 1
            pool.append((k, f, text))
    print(f"articles: {len(texts)}, words: {words:,}, findings: {len(pool):,} "
          f"({1000 * len(pool) / words:.2f} per 1,000 words)")
    print("\n| category | findings | per 1,000 words |\n| --- | ---: | ---: |")
    for category, n in by_category.most_common():
        print(f"| {category} | {n} | {1000 * n / words:.2f} |")
    print("\nby severity: " + ", ".join(f"{s} {n}" for s, n in by_severity.most_common()))
    rng = random.Random(args.seed)
    gating = [p for p in pool if p[1].severity in ("error", "warning")]
    print(f"\n## {args.sample} sampled warning and error findings (seed {args.seed})\n")
    for n, (k, f, text) in enumerate(rng.sample(gating, min(args.sample, len(gating))), 1):
        line = text.splitlines()[f.location.line - 1]
        col = f.location.column - 1
        width = args.context
        excerpt = line[max(0, col - width):col] + "⟦" + f.location.text + "⟧" + line[col + len(f.location.text):col + len(
            f.location.text) + width]
        print(f"{n}. article {k} line {f.location.line} [{f.category} / {f.rule}] {f.message}\n   {excerpt}\n")


if __name__ == "__main__":
    main()
