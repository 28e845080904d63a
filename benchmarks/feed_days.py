"""The checks across a feed on the shared SaudiNewsNet day files: each day one feed (one run).

    uv run python -m benchmarks.feed_days [--jobs 2] [--show 5] [--seed 1]

Writes each day's non-empty articles (title + blank line + content) into a temporary folder, runs
the native engine over it and prints, per day and rule, how many feed findings there are, then
`--show` randomly chosen findings with both sides (the line of each article the spans are on) for
a reviewer to read. Nothing of the corpus is written to the repository.
"""
from __future__ import annotations

import argparse
import json
import random
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

from benchmarks.corpus import ROOT

DAYS = sorted((ROOT.parent / "shared" / "corpus" / "saudinewsnet").glob("*.zip"))


def day_texts(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        name = next(n for n in z.namelist() if n.endswith(".json"))
        data = json.load(z.open(name))
    return [a["title"] + "\n\n" + a["content"] for a in data if (a["title"] + a["content"]).strip()]


def main() -> None:
    from validator import run

    ap = argparse.ArgumentParser()
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--show", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    counts: Counter = Counter()
    found = []
    for day in DAYS:
        with tempfile.TemporaryDirectory(prefix="validator-feed-") as tmp:
            folder = Path(tmp)
            texts = day_texts(day)
            for i, text in enumerate(texts):
                (folder / f"{i:05d}.txt").write_text(text, encoding="utf-8")
            for result in run.results(run.plan([str(folder)], lang="en"), jobs=args.jobs):
                for f in result.findings:
                    if f.rule.startswith("feed-"):
                        counts[(day.stem, f.rule)] += 1
                        other = f.related[0].message.removeprefix("in ")
                        other_text = Path(other).read_text(encoding="utf-8").splitlines()
                        this_text = Path(result.path).read_text(encoding="utf-8").splitlines()
                        found.append((day.stem, Path(result.path).name, f.message, this_text[f.location.line - 1],
                                      Path(other).name, other_text[f.related[0].location.line - 1]))
        print(f"{day.stem}: {len(texts)} articles, "
              + ", ".join(f"{rule} {n}" for (d, rule), n in sorted(counts.items()) if d == day.stem), flush=True)
    print(f"total: {sum(counts.values())} "
          + ", ".join(f"{rule} {sum(n for (d, r), n in counts.items() if r == rule)}"
                      for rule in sorted({r for _, r in counts})))
    for day, name, message, line, other_name, other_line in random.Random(args.seed).sample(found, min(args.show, len(found))):
        print(f"\n== {day} {name} vs {other_name}: {message}\n  here:  {line[:400]}\n  there: {other_line[:400]}")


if __name__ == "__main__":
    main()
