"""House-style rule sets as a newsroom writes them: hundreds of `forbid suggest` entries, against
textlint + textlint-rule-prh with the same patterns.

    uv run python -m benchmarks.bench_house_style [--rules 200 1000] [--repeat 3] [--no-textlint]

Generates (seeded, written by this script, no corpus text) 1 MiB of Arabic news-like prose in one
file, and N rules of the documented form

    for each sentence where text matches "<phrase>"
    forbid suggest "<replacement>"

Each phrase is planted at most once a sentence, and nowhere by accident (checked), so the validator's
findings (one per sentence and rule) and prh's messages (one per occurrence) count the same matches.
Times are medians of `--repeat` runs made one after the other in one session: the validator with its
built-in rules alone, with the house rules added, and textlint (installed with npm into a scratch
folder when node is present).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Filler words of news prose. No hamza'd alef, teh marbuta, alef maksura or diacritics, so the
# validator's normalized text and prh's raw text are the same characters and find the same matches.
_FILLER = ("قال", "المسؤول", "في", "المدينه", "ان", "الحكومه", "تعمل", "على", "مشروع", "جديد", "لتطوير",
           "الطرق", "والمدارس", "خلال", "العام", "المقبل", "وذلك", "بعد", "اجتماع", "عقد", "امس", "مع",
           "ممثلين", "عن", "السكان", "المحليين", "الذين", "طالبوا", "بتحسين", "الخدمات", "وتوفير", "فرص",
           "عمل", "للشباب", "كما", "ناقش", "المجلس", "خطط", "النقل", "العام", "والكهرباء", "والمياه",
           "واكد", "المشاركون", "ضروره", "متابعه", "التنفيذ", "بشكل", "دوري", "من", "جهته", "اوضح",
           "المدير", "التنفيذي", "للشركه", "المنفذه", "الاعمال", "ستبدا", "الشهر", "المقبل")
# Words of the forbidden phrases: a house style pairs them (كلمه + كلمه), never found in the filler.
_LEFT = ("تلفون", "بروتوكولات", "ميكروفون", "كمبيوتر", "تلغراف", "دكتاتور", "بيروقراطي", "ديمقراطي",
         "استراتيجي", "تكنولوجي", "بنك", "فيديو", "راديو", "جغرافي", "ستوديو", "سينمائي", "بترول", "كيلومتر",
         "اوتوبيس", "تاكسي", "موبايل", "انترنت", "بلاستيك", "كاميرا", "ماراثون", "برلمان", "اكاديمي", "ارشيف",
         "اولمبي", "تلسكوب", "باص", "فيروس", "بكتيريا", "اتوستراد", "ترام", "فلتر", "كابل", "سيناريو")
_RIGHT = ("محمول", "رقمي", "دولي", "وطني", "محلي", "حديث", "قديم", "عملاق", "ذكي", "سريع", "بطيء",
          "صغير", "كبير", "رسمي", "خاص", "عام", "مركزي", "اقليمي", "تجاري", "صناعي", "زراعي", "شعبي",
          "خارجي", "داخلي", "موحد", "مستقل", "مفتوح", "مغلق", "مشترك", "ثابت")
_BYTES = 1 << 20
_LINES = 1416


def phrases(n: int) -> list[str]:
    pairs = [f"{a} {b}" for a in _LEFT for b in _RIGHT]
    random.Random(17).shuffle(pairs)
    if n > len(pairs):
        sys.exit(f"bench_house_style: at most {len(pairs)} rules")
    return pairs[:n]


def _sentence(rng: random.Random, planted: list[str]) -> str:
    words = [rng.choice(_FILLER) for _ in range(rng.randint(10, 18))]
    for phrase in planted:
        words.insert(rng.randint(1, len(words)), phrase)
    return " ".join(words) + "."


def article(all_phrases: list[str]) -> str:
    """1 MiB, 1,416 lines; a sentence has up to two phrases (distinct), a third of them none."""
    rng = random.Random(2026)
    lines = ["مشروع جديد لتطوير الطرق في المدينه"]
    size = len(lines[0].encode())
    while len(lines) < _LINES:
        target = (_BYTES - size) // (_LINES - len(lines))
        line: list[str] = []
        while len(" ".join(line).encode()) < target - 40:
            k = rng.choice((0, 1, 1, 2))
            line.append(_sentence(rng, rng.sample(all_phrases, k)))
        text = " ".join(line)
        lines.append(text)
        size += len(text.encode()) + 1
    return "\n".join(lines) + "\n"


def expected_matches(text: str, rule_phrases: list[str]) -> int:
    """Occurrences in the text, which is also (one a sentence, by construction) sentences × rules."""
    return sum(text.count(p) for p in rule_phrases)


def write_rules(folder: Path, rule_phrases: list[str]) -> None:
    out = []
    for i, phrase in enumerate(rule_phrases):
        left, right = phrase.split()
        out.append(f"""rule house-{i:04d}
  category house-style
  severity warning
  description "House style entry {i}: write «{left}ات {right}», not «{phrase}»."
  message ar "دليل الأسلوب: اكتب «{{suggestion}}» بدلا من «{{text}}»"
  message en "House style: write '{{suggestion}}' instead of '{{text}}'"
  for each sentence where text matches "{phrase}"
  forbid suggest "{left}ات {right}"
  flag "وقال المسؤول ان {phrase} جديد."
  pass "وقال المسؤول ان المشروع جديد."
""")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "house.rule").write_text("\n".join(out), encoding="utf-8")


def write_prh(path: Path, rule_phrases: list[str]) -> None:
    lines = ["version: 1", "rules:"]
    for phrase in rule_phrases:
        left, right = phrase.split()
        lines += [f"  - expected: {left}ات {right}", f"    pattern: {phrase}"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _timed(cmd: list[str], cwd: Path, env: dict | None = None) -> tuple[float, str]:
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"bench_house_style: {' '.join(cmd)} failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return elapsed, proc.stdout


def validator_findings(report: str) -> int:
    data = json.loads(report)
    return sum(1 for f in data["files"] for x in f["findings"] if x["category"] == "house-style")


def textlint_messages(report: str) -> int:
    return sum(len(f["messages"]) for f in json.loads(report))


def install_textlint(folder: Path) -> Path | None:
    if not shutil.which("node") or not shutil.which("npm"):
        print("textlint: node/npm not found, skipped")
        return None
    folder.mkdir(parents=True, exist_ok=True)
    binary = folder / "node_modules" / ".bin" / "textlint"
    if not binary.exists():
        print("installing textlint + textlint-rule-prh with npm ...", flush=True)
        subprocess.run(["npm", "init", "-y"], cwd=folder, capture_output=True, check=True)
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "textlint", "textlint-rule-prh"],
                       cwd=folder, capture_output=True, check=True)
    return binary


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rules", type=int, nargs="+", default=[200, 1000])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-textlint", action="store_true")
    ap.add_argument("--scratch", type=Path, default=Path(tempfile.gettempdir()) / "bench-house-style")
    args = ap.parse_args()

    scratch = args.scratch
    scratch.mkdir(parents=True, exist_ok=True)
    every = phrases(max(args.rules))
    text = article(every)
    art = scratch / "article.txt"
    art.write_text(text, encoding="utf-8")
    print(f"article: {len(text.encode()):,} bytes, {text.count(chr(10)):,} lines, {text.count('.'):,} sentences")
    textlint = None if args.no_textlint else install_textlint(scratch / "textlint")
    env = dict(os.environ, VALIDATOR_CACHE_DIR=str(scratch / "cache"))
    validate = [sys.executable, "-m", "validator", "--format", "json"]

    results = {}
    builtin_times = []
    for n in args.rules:
        folder = scratch / f"rules-{n}"
        rule_phrases = every[:n]
        write_rules(folder / "house", rule_phrases)
        write_prh(folder / "prh.yml", rule_phrases)
        config = folder / ".textlintrc.json"
        config.write_text(json.dumps({"rules": {"prh": {"rulePaths": [str(folder / "prh.yml")]}}}))
        _timed(validate + ["--rules", str(folder / "house"), str(art)], ROOT, env)  # warms the rule cache
        times = {"validator": [], "textlint": []}
        counts = {"expected": expected_matches(text, rule_phrases)}
        for _ in range(args.repeat):
            t, _out = _timed(validate + [str(art)], ROOT, env)
            builtin_times.append(t)
            t, out = _timed(validate + ["--rules", str(folder / "house"), str(art)], ROOT, env)
            times["validator"].append(t)
            counts["validator"] = validator_findings(out)
            if textlint is not None:
                # run from the scratch install, where textlint finds textlint-rule-prh
                t, out = _timed([str(textlint), "--format", "json", "--config", str(config), str(art)],
                                textlint.parent.parent.parent)
                times["textlint"].append(t)
                counts["textlint"] = textlint_messages(out)
        results[n] = (times, counts)

    base = statistics.median(builtin_times)
    print(f"\nvalidator, built-in rules alone: {base:.2f} s (median of {len(builtin_times)})")
    print("| house rules | validator total | validator extra for the house rules | textlint+prh | "
          "matches: expected / validator / textlint |")
    print("| ---: | ---: | ---: | ---: | --- |")
    for n, (times, counts) in results.items():
        v = statistics.median(times["validator"])
        tl = f"{statistics.median(times['textlint']):.2f} s" if times["textlint"] else "—"
        print(f"| {n} | {v:.2f} s | {v - base:.2f} s | {tl} | {counts['expected']} / {counts['validator']} / "
              f"{counts.get('textlint', '—')} |")


if __name__ == "__main__":
    main()
