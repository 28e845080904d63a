"""Blind editorial review rounds on fresh SaudiNewsNet samples (benchmarks/quality.md).

    uv run python -m benchmarks.review_sample draw --day 2015-07-21 --n 20 --seed 1 --out /tmp/round0
    uv run python -m benchmarks.review_sample score /tmp/round0/reviews/*.json [--gold-out FILE]

`draw` picks articles at random, round-robin over outlets (so no outlet dominates), leaving out empty
ones, those in a dev gold or in a round quality.md records, and those over --max-words (a reviewer reads every article whole). For each
it writes, outside the repository (the corpus is never copied into it):
  articles/KEY.txt    the article with line numbers, to be read FIRST (the reviewer's own findings)
  findings/KEY.txt    then the validator's warnings and errors, numbered, to accept or reject
`score` reads the reviewers' JSON files (format in REVIEWING.md, written by `draw`) and prints
acceptance (accepted / judged warnings and errors) and recall (reviewer flags found by a warning or
error of a compatible category starting on the same line); --gold-out writes the round as a gold file
in the format of ../shared/corpus/GOLD.md (flags required, rejected findings forbidden).
"""
from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
GOLDS = ("dev-gold.json", "dev-gold-2.json")
COUNTED = ("warning", "error")
# The gold treats an anonymous speaker and an unnamed source as one problem seen two ways.
COMPATIBLE = {"unnamed-source": {"unnamed-source", "unnamed-speaker"},
              "unnamed-speaker": {"unnamed-source", "unnamed-speaker"}}
_WORD = re.compile(r"[^\W\d_]+")

REVIEWING = """\
# How to review (blind)

For each article KEY, in this order:
1. Read `articles/KEY.txt` whole, as the editor who must pass it for publication. Write down what you
   would flag, BEFORE you open its findings file: only clear cases, each with a category from
   ../shared/corpus/GOLD.md (unsourced-number, unnamed-source, unnamed-speaker, missing-title,
   inconsistent-title, inconsistent-number, inconsistent-name, unbalanced-quote), the line number,
   and a short reason in English (do not copy the article's sentences; a name or a phrase of up to
   five words is fine).
   Do not open `sample.json` (it lists the findings) or another reviewer's file.
2. Then open `findings/KEY.txt` and judge every numbered finding: accept (an editor would want it
   raised at that severity, on that line) or reject, with a short reason. Do not change your step-1
   list after you have seen the findings.
Write one JSON file per reviewer into reviews/:
{"reviewer": "NAME", "articles": {"KEY": {
    "flags": [{"category": "...", "line": N, "why": "..."}],
    "verdicts": [{"finding": N, "verdict": "accept" | "reject", "why": "...", "class": "short name"}]}}}
`class` names the kind of mistake for a rejection (e.g. "lead figure sourced next sentence",
"named speaker not linked"); leave it empty for an acceptance.
"""


def day_articles(day: str) -> list[dict]:
    with zipfile.ZipFile(CORPUS / "saudinewsnet" / f"{day}.zip") as z:
        name = next(n for n in z.namelist() if n.endswith(".json"))
        return json.load(z.open(name))


def gold_keys() -> set[str]:
    keys: set[str] = set()
    for name in GOLDS:
        path = CORPUS / name
        if path.exists():
            keys.update(k for k in json.loads(path.read_text(encoding="utf-8")) if not k.startswith("_"))
    return keys


_ROUND_LINE = re.compile(r"^- Round \d+")
_KEY_OR_NUMBER = re.compile(r"(20\d\d-\d\d-\d\d)/\s*(\d+)?|(?<![\d-])(\d+)(?![\d-])")


def round_keys_in(text: str) -> set[str]:
    """Article keys of the rounds quality.md records ("- Round N: 2015-07-22/1054 ..." lines; older ones write a
    day once, "2015-07-21/ 13 618 ..."): what was read, known on any machine with the repository, not only
    where an earlier round's folder survives. A stray number after a day (a seed, an outlet count) adds a key
    that is only excluded too, never one drawn."""
    keys: set[str] = set()
    for line in text.splitlines():
        if not _ROUND_LINE.match(line):
            continue
        day = None
        for found_day, number, bare in _KEY_OR_NUMBER.findall(line):
            if found_day:
                day = found_day
                if number:
                    keys.add(f"{day}/{number}")
            elif bare and day:
                keys.add(f"{day}/{bare}")
    return keys


def earlier_round_keys(samples: list[str]) -> set[str]:
    """Keys of articles already reviewed in earlier rounds (their sample.json): a round is fresh only if
    none of its articles was read before."""
    return {a["key"] for path in samples
            for a in json.loads(Path(path).read_text(encoding="utf-8"))["articles"]}


def article_text(article: dict) -> str:
    return article["title"] + "\n\n" + article["content"]


def draw(args: argparse.Namespace) -> None:
    from validator.app import Options, Validator

    recorded = round_keys_in((ROOT / "benchmarks" / "quality.md").read_text(encoding="utf-8"))
    excluded = gold_keys() | recorded | earlier_round_keys(args.exclude)
    by_outlet: dict[str, list[str]] = defaultdict(list)
    texts: dict[str, str] = {}
    outlets: dict[str, str] = {}
    for day in args.day:
        for index, article in enumerate(day_articles(day)):
            key = f"{day}/{index}"
            text = article_text(article)
            if key in excluded or not article["content"].strip():
                continue
            if len(_WORD.findall(text)) > args.max_words:
                continue
            texts[key], outlets[key] = text, article["source"]
            by_outlet[article["source"]].append(key)
    rng = random.Random(args.seed)
    for keys in by_outlet.values():
        rng.shuffle(keys)
    order = sorted(by_outlet)
    rng.shuffle(order)
    chosen: list[str] = []
    while len(chosen) < args.n and any(by_outlet.values()):
        for outlet in order:
            if by_outlet[outlet] and len(chosen) < args.n:
                chosen.append(by_outlet[outlet].pop())
    out = Path(args.out)
    for sub in ("articles", "findings", "reviews"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    validator = Validator(Options(lang="en"))
    sample = []
    for key in chosen:
        text = texts[key]
        name = key.replace("/", "_")
        lines = text.splitlines()
        numbered = "\n".join(f"{n:3d} | {line}" for n, line in enumerate(lines, 1))
        (out / "articles" / f"{name}.txt").write_text(f"# {key} ({outlets[key]})\n\n{numbered}\n",
                                                      encoding="utf-8")
        findings = [f for f in validator.validate_text(text, name).findings if f.severity in COUNTED]
        rows = [f"# {key}: {len(findings)} warnings and errors\n"]
        records = []
        for n, f in enumerate(findings, 1):
            rows.append(f"{n}. line {f.location.line} col {f.location.column} [{f.severity}] {f.category} "
                        f"({f.rule}): {f.message}\n   span: {f.location.text[:120]}\n")
            records.append({"finding": n, "rule": f.rule, "category": f.category, "severity": f.severity,
                            "line": f.location.line, "column": f.location.column})
        (out / "findings" / f"{name}.txt").write_text("\n".join(rows), encoding="utf-8")
        sample.append({"key": key, "file": name, "source": outlets[key], "findings": records})
    (out / "sample.json").write_text(json.dumps({"commit": _commit(), "days": args.day, "seed": args.seed, "n": args.n,
                                                 "max_words": args.max_words, "articles": sample},
                                                ensure_ascii=False, indent=1), encoding="utf-8")
    (out / "REVIEWING.md").write_text(REVIEWING, encoding="utf-8")
    total = sum(len(a["findings"]) for a in sample)
    print(f"{len(sample)} articles from {len({a['source'] for a in sample})} outlets, "
          f"{total} warnings and errors -> {out}")


def _commit() -> str:
    """The code the findings came from, so a round names what it judged."""
    done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parent)
    return done.stdout.strip() or "unknown"


def score(args: argparse.Namespace) -> None:
    reviews = [json.loads(Path(p).read_text(encoding="utf-8")) for p in args.reviews]
    sample_path = Path(args.reviews[0]).resolve().parent.parent / "sample.json"
    sample = {a["file"]: a for a in json.loads(sample_path.read_text(encoding="utf-8"))["articles"]}
    judged = accepted = flags = found = 0
    by_category: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    missed: dict[str, int] = defaultdict(int)
    rejected_classes: dict[str, int] = defaultdict(int)
    gold: dict[str, dict] = {}
    for review in reviews:
        for name, verdicts in review["articles"].items():
            name = name.replace("/", "_")
            article = sample[name]
            findings = {f["finding"]: f for f in article["findings"]}
            entry = gold.setdefault(article["key"], {"source": article["source"], "required": [],
                                                     "forbidden": [], "clean": False})
            for v in verdicts.get("verdicts", []):
                f = findings[v["finding"]]
                judged += 1
                by_category[f["category"]][1] += 1
                if v["verdict"] == "accept":
                    accepted += 1
                    by_category[f["category"]][0] += 1
                else:
                    rejected_classes[v.get("class") or f["category"]] += 1
                    entry["forbidden"].append({"category": f["category"], "line": f["line"]})
            for flag in verdicts.get("flags", []):
                flags += 1
                ok = COMPATIBLE.get(flag["category"], {flag["category"]})
                if any(f["category"] in ok and f["line"] == flag["line"] for f in article["findings"]):
                    found += 1
                else:
                    missed[flag["category"]] += 1
                entry["required"].append({"category": sorted(ok), "line": [flag["line"]],
                                          "why": flag.get("why", "")})
            entry["clean"] = not entry["required"] and not article["findings"]
    print(f"articles reviewed: {len(gold)}")
    print(f"accepted: {accepted}/{judged} = {accepted / max(judged, 1):.0%}")
    print(f"recall: {found}/{flags} = {found / max(flags, 1):.0%}")
    print("by category (accepted/judged): " + ", ".join(f"{c} {a}/{j}" for c, (a, j) in sorted(by_category.items())))
    print("missed by category: " + ", ".join(f"{c} {n}" for c, n in sorted(missed.items())))
    print("rejections by class: " + ", ".join(f"{c} {n}" for c, n in sorted(rejected_classes.items(),
                                                                            key=lambda x: -x[1])))
    if args.gold_out:
        Path(args.gold_out).write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    d = sub.add_parser("draw")
    d.add_argument("--day", action="append", required=True, help="day file, e.g. 2015-07-21 (repeatable)")
    d.add_argument("--n", type=int, default=20)
    d.add_argument("--seed", type=int, required=True)
    d.add_argument("--max-words", type=int, default=700)
    d.add_argument("--out", required=True)
    d.add_argument("--exclude", action="append", default=[], metavar="SAMPLE_JSON",
                   help="sample.json of an earlier round whose articles must not be drawn again (repeatable)")
    s = sub.add_parser("score")
    s.add_argument("reviews", nargs="+")
    s.add_argument("--gold-out")
    args = ap.parse_args()
    if not CORPUS.exists():
        sys.exit(f"review_sample: {CORPUS} not found (the shared corpus lives beside the checkout)")
    draw(args) if args.command == "draw" else score(args)


if __name__ == "__main__":
    main()
