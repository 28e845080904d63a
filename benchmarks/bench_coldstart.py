"""Cold start: `validate ARTICLE` against `python -c "import camel_tools.utils.dediac"` in the same venv.

    uv run python -m benchmarks.bench_coldstart [--runs 10] [--hyperfine] [--no-rule-cache] [--profile]
                                                [--instructions]

Each command is a fresh interpreter. Runs alternate between the two commands (so a busy machine
slows both alike) after two warm-up runs each; the medians and their ratio are printed (target:
validate <= 1.5x the camel-tools import).

Bytecode: this environment sets PYTHONDONTWRITEBYTECODE=1, so every run would compile every module
from source (~0.7 s more for validate). An installed package has its .pyc files, so by default both
commands run with PYTHONPYCACHEPREFIX pointing at a scratch folder (written on the warm-up runs,
nothing written into the checkout); `--source` measures the compile-every-time case instead.

`--instructions` counts the instructions each command executes under valgrind (callgrind), once
each after the warm-up runs: the same count whatever else the machine is doing, so a ratio measured on
a busy machine still means something (a few minutes: valgrind runs Python ~50x slower).

`--no-rule-cache` sets VALIDATOR_NO_CACHE=1 (rules parsed with pyparsing on every run).
`--profile` prints `-X importtime` (largest cumulative imports) and a cProfile of a Validator's
construction and first article.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "fixtures" / "gaza-health-ministry-unclosed-quote.txt"


def commands(article: Path) -> dict[str, list[str]]:
    return {
        "validate": [sys.executable, "-m", "validator", str(article)],
        "camel-tools import": [sys.executable, "-c", "import camel_tools.utils.dediac"],
    }


def environment(args) -> dict:
    env = dict(os.environ)
    if not args.source:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = args.pycache
    if args.no_rule_cache:
        env["VALIDATOR_NO_CACHE"] = "1"
    return env


def timed_loop(cmds: dict[str, list[str]], env: dict, runs: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {name: [] for name in cmds}
    for _ in range(2):  # warm-up: bytecode, the rule cache, the page cache
        for cmd in cmds.values():
            subprocess.run(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(runs):
        for name, cmd in cmds.items():
            start = time.perf_counter()
            subprocess.run(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times[name].append(time.perf_counter() - start)
    return times


def hyperfine(cmds: dict[str, list[str]], env: dict, runs: int) -> dict[str, list[float]]:
    import json
    import shlex

    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run(["hyperfine", "-N", "-i", "--warmup", "2", "--runs", str(runs), "--export-json", out.name,
                        *(shlex.join(c) for c in cmds.values())], env=env, cwd=ROOT, check=True)
        data = json.load(open(out.name))
    return {name: r["times"] for name, r in zip(cmds, data["results"])}


def instructions(cmds: dict[str, list[str]], env: dict) -> dict[str, int]:
    """Instructions executed by each command (valgrind's callgrind), after the usual warm-up."""
    import re

    timed_loop(cmds, env, 0)
    counts = {}
    for name, cmd in cmds.items():
        p = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *cmd], env=env,
                           cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        found = re.search(r"Collected : (\d+)", p.stderr)
        if found is None:
            sys.exit(f"bench_coldstart: valgrind gave no count for {name}: {p.stderr.strip()[-300:]}")
        counts[name] = int(found.group(1))
    return counts


def profile(env: dict, article: Path) -> None:
    p = subprocess.run([sys.executable, "-X", "importtime", "-m", "validator", str(article)], env=env, cwd=ROOT,
                       capture_output=True, text=True)
    rows = []
    for line in p.stderr.splitlines():
        if line.startswith("import time:") and "|" in line and "cumulative" not in line:
            self_us, cum_us, name = (part.strip() for part in line[len("import time:"):].split("|"))
            rows.append((int(cum_us), int(self_us), name))
    print("\n-X importtime, largest cumulative (ms):")
    for cum, own, name in sorted(rows, reverse=True)[:25]:
        print(f"  {cum / 1000:8.1f} {own / 1000:8.1f}  {name}")
    code = ("import cProfile, pstats, time\n"
            "t = time.perf_counter(); import validator.app; print(f'import validator.app: {time.perf_counter() - t:.3f} s')\n"
            "from validator.app import Validator\n"
            "t = time.perf_counter(); v = Validator(); print(f'Validator(): {time.perf_counter() - t:.3f} s')\n"
            f"t = time.perf_counter(); v.validate_file({str(article)!r}); "
            "print(f'first article: {time.perf_counter() - t:.3f} s')\n"
            f"t = time.perf_counter(); v.validate_file({str(article)!r}); "
            "print(f'second article: {time.perf_counter() - t:.3f} s')\n"
            "pr = cProfile.Profile(); pr.enable(); v = Validator(); "
            f"v.validate_file({str(article)!r}); pr.disable()\n"
            "pstats.Stats(pr).sort_stats('cumulative').print_stats(18)\n")
    print("\nValidator() and the first article, in one process:")
    subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--article", type=Path, default=ARTICLE)
    ap.add_argument("--hyperfine", action="store_true", help="time with hyperfine (if installed)")
    ap.add_argument("--no-rule-cache", action="store_true")
    ap.add_argument("--source", action="store_true", help="no bytecode cache: compile every module every run")
    ap.add_argument("--pycache", default=os.path.join(tempfile.gettempdir(), "validator-bench-pycache"))
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--instructions", action="store_true", help="count instructions with valgrind instead of timing")
    args = ap.parse_args()
    env = environment(args)
    cmds = commands(args.article)
    if args.profile:
        profile(env, args.article)
        return
    if args.instructions:
        if not shutil.which("valgrind"):
            sys.exit("bench_coldstart: --instructions needs valgrind (apt-get install valgrind)")
        counts = instructions(cmds, env)
        for name, n in counts.items():
            print(f"{name:20} {n:>16,} instructions")
        print(f"ratio validate / camel-tools import: {counts['validate'] / counts['camel-tools import']:.2f}x "
              f"(target <= 1.5x)")
        return
    use_hyperfine = args.hyperfine and shutil.which("hyperfine")
    times = hyperfine(cmds, env, args.runs) if use_hyperfine else timed_loop(cmds, env, args.runs)
    medians = {name: statistics.median(t) for name, t in times.items()}
    print(f"{'command':20} {'median':>8} {'min':>8} {'max':>8}   ({args.runs} runs, "
          f"{'hyperfine' if use_hyperfine else 'subprocess loop'}, "
          f"{'no bytecode' if args.source else 'bytecode cached'}, "
          f"rule cache {'off' if args.no_rule_cache else 'on'})")
    for name, t in times.items():
        print(f"{name:20} {medians[name]:8.3f} {min(t):8.3f} {max(t):8.3f}")
    ratio = medians["validate"] / medians["camel-tools import"]
    print(f"ratio validate / camel-tools import: {ratio:.2f}x (target <= 1.5x)")


if __name__ == "__main__":
    main()
