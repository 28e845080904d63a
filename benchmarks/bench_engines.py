"""The three engines side by side on the shared day file: identical findings, speed and memory.

    uv run python -m benchmarks.bench_engines [--replicate 1 10 100] [--engines native gx spark]
                                              [--jobs 2] [--time-limit SECONDS]

Writes the SaudiNewsNet day (its non-empty articles, title + blank line + content) replicated N
times into a temporary folder of .txt files (and, for spark, the same articles as one JSON Lines
file per 1,000: id, title, content), runs `validate FOLDER -f jsonl --engine E` for each engine and
prints, per engine and N: articles/s, peak memory of the whole process tree (the command, its pool
workers, the Spark JVM and Python workers: proportional set size summed, sampled every 0.2 s) and the number of findings
whose (rule, path, line, column) differ from the native engine's (the diff count; 0 means the same
findings) and the load average before and after. The articles' paths are the same for every engine
(spark reads the same folder). With --time-limit, a run still going is ended and measured over the
articles its report holds (the part done, labelled "N of M").

Memory as the run goes: every 0.2 s the tree's memory is sampled with the articles the report holds
so far (its lines, read as they are written); the run's articles are cut into tenths and the peak of
each tenth is printed (`memory by tenth`): flat when batches stream, rising when something is kept
per article. `--work DIR` keeps the replicated folders there (DIR/day-xN) for the next run, and the
reports beside them (DIR/day-xN.ENGINE.jsonl). `--deadline HH:MM` (UTC) ends a run still going at that
time as --time-limit does (the prefix done is measured) and starts no run after it, so a long series
left in the background ends with numbers. The diff count is printed once every engine of a
replication has run, so native may come last (`--engines gx spark native`).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

from benchmarks.corpus import articles

ROOT = Path(__file__).resolve().parent.parent


def write_folder(folder: Path, texts: list[str], times: int) -> int:
    n = 0
    for r in range(times):
        sub = folder / f"r{r:03d}"
        sub.mkdir()
        for i, text in enumerate(texts):
            (sub / f"{i:05d}.txt").write_text(text, encoding="utf-8")
            n += 1
    return n


def _tree_pss_kb(pid: int) -> int:
    """Memory of a process and all its descendants, from /proc: proportional set size, so pages a
    forked worker shares with its parent count once, not once per process."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
        except (OSError, IndexError, ValueError):
            continue
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/smaps_rollup") as f:
                total += next(int(line.split()[1]) for line in f if line.startswith("Pss:"))
        except (OSError, StopIteration, ValueError):
            pass
        stack.extend(children.get(p, ()))
    return total


class ReportProgress:
    """Articles a growing JSON Lines report holds: its lines are read as they are written (an
    article's lines are together, in input order: a new path is a new article)."""

    def __init__(self, path: Path):
        self.path, self.offset, self.last, self.done, self.rest = path, 0, None, 0, b""

    def read(self) -> int:
        try:
            with open(self.path, "rb") as f:
                f.seek(self.offset)
                chunk = f.read()
        except OSError:
            return self.done
        self.offset += len(chunk)
        lines = (self.rest + chunk).split(b"\n")
        self.rest = lines.pop()
        for line in lines:
            if line.strip():
                path = json.loads(line)["path"]
                if path != self.last:
                    self.last, self.done = path, self.done + 1
        return self.done


def by_tenth(trace: list[tuple[int, int]], done: int) -> list[int]:
    """Peak memory (kB) while each tenth of the articles done was being done."""
    peaks = [0] * 10
    for articles, kb in trace:
        tenth = min(9, articles * 10 // max(done, 1))
        peaks[tenth] = max(peaks[tenth], kb)
    return peaks


def _mb(kb: int) -> str:
    return f"{kb / 1024:.0f}" if kb else "–"   # no sample while that tenth was done (one batch did it all)


def run_engine(engine: str, folder: Path, jobs: str, out: Path,
               time_limit: float | None = None) -> tuple[float, int, int, list]:
    """(seconds, peak tree memory in kB, exit code, trace) of one `validate` run, its report in `out`;
    the trace is (articles in the report, tree memory in kB) every 0.2 s.
    Past `time_limit` seconds the run is ended (its process group: the command, its workers, the
    JVM) and the exit code is None: the report then holds the articles done so far."""
    cmd = [sys.executable, "-m", "validator", str(folder), "-f", "jsonl", "--engine", engine, "--fail-on", "never"]
    if engine != "spark":
        cmd += ["--jobs", jobs]
    peak, trace = [0], []
    start = time.perf_counter()
    progress = ReportProgress(out)
    with open(out, "w") as sink:
        p = subprocess.Popen(cmd, stdout=sink, cwd=ROOT, start_new_session=True)
        done = threading.Event()

        def sample():
            while not done.is_set():
                kb = _tree_pss_kb(p.pid)
                peak[0] = max(peak[0], kb)
                trace.append((progress.read(), kb))
                time.sleep(0.2)
        t = threading.Thread(target=sample, daemon=True)
        t.start()
        try:
            code = p.wait(timeout=time_limit)
            seconds = time.perf_counter() - start
        except subprocess.TimeoutExpired:
            seconds = time.perf_counter() - start   # the report holds what was done by now
            os.killpg(p.pid, signal.SIGTERM)
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:   # a pool whose workers the signal ended first can hang
                os.killpg(p.pid, signal.SIGKILL)
                p.wait()
            code = None
        done.set()
        t.join()
    return seconds, peak[0], code, trace


def articles_done(report: Path) -> int:
    """Articles the report speaks of (a JSON Lines report has a line for every article done)."""
    with open(report, encoding="utf-8") as f:
        return len({json.loads(line)["path"] for line in f if line.strip()})


def keys(report: Path, root: Path) -> set[tuple]:
    out = set()
    with open(report, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if "rule" in d:
                out.add((d["rule"], str(Path(d["path"]).relative_to(root)) if d["path"].startswith(str(root))
                         else d["path"], d["line"], d["column"]))
    return out


def _limit(time_limit: float | None, deadline: str | None) -> float | None:
    """Seconds the next run may take: the time limit, cut at the deadline (HH:MM UTC, today)."""
    if deadline is None:
        return time_limit
    now = datetime.now(timezone.utc)
    hour, minute = map(int, deadline.split(":"))
    left = (now.replace(hour=hour, minute=minute, second=0, microsecond=0) - now).total_seconds()
    return left if time_limit is None else min(time_limit, left)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--replicate", type=int, nargs="+", default=[1])
    ap.add_argument("--engines", nargs="+", default=["native", "gx", "spark"])
    ap.add_argument("--jobs", default="2")
    ap.add_argument("--time-limit", type=float, default=None,
                    help="end each run after this many seconds and measure the part done")
    ap.add_argument("--work", type=Path, default=None,
                    help="keep the replicated folders here (DIR/day-xN), written once, and the reports")
    ap.add_argument("--deadline", default=None,
                    help="HH:MM UTC: end a run still going then (its prefix is measured), start none after")
    args = ap.parse_args()
    texts = [t for t in articles() if t.strip()]
    rows, tenths = [], []
    for times in args.replicate:
        with tempfile.TemporaryDirectory(prefix="validator-engines-") as tmp:
            folder = (args.work or Path(tmp)) / f"day-x{times}"
            if not (folder / "DONE").exists():
                shutil.rmtree(folder, ignore_errors=True)
                folder.mkdir(parents=True)
                write_folder(folder, texts, times)
                (folder / "DONE").touch()   # not an article (no article suffix)
            n = len(texts) * times
            found, complete, runs = {}, {}, []
            for engine in args.engines:
                limit = _limit(args.time_limit, args.deadline)
                if limit is not None and limit <= 0:
                    print(f"{engine:7} x{times:<4} not run: past the deadline {args.deadline}", flush=True)
                    continue
                report = (args.work or Path(tmp)) / f"day-x{times}.{engine}.jsonl"
                load = os.getloadavg()[0]
                seconds, peak_kb, code, trace = run_engine(engine, folder, args.jobs, report, limit)
                load = f"{load:.1f}–{os.getloadavg()[0]:.1f}"
                done = articles_done(report) if code is None else n
                found[engine], complete[engine] = keys(report, folder), done == n
                part = f"{done:,} of {n:,}" if done != n else f"{n:,}"
                runs.append((engine, part, done / seconds, peak_kb, load))
                print(f"{engine:7} x{times:<4} {part} articles  {done / seconds:8.1f} articles/s  "
                      f"peak {peak_kb / 1024:7.0f} MB  {len(found[engine])} findings  load {load}  (exit {code})",
                      flush=True)
                peaks = by_tenth(trace, done)
                tenths.append((engine, times, part, peaks))
                print(f"  memory by tenth (MB): {' '.join(_mb(kb) for kb in peaks)}", flush=True)
            for engine, part, rate, peak_kb, load in runs:
                # a run ended early has no diff count: it did not see every article
                diff = len(found["native"] ^ found[engine]) if complete.get("native") and complete[engine] else None
                rows.append((engine, times, part, rate, peak_kb, len(found[engine]), diff, load))
                print(f"{engine:7} x{times:<4} diff vs native: {diff if diff is not None else '-'}", flush=True)
    print("\n| engine | corpus | articles | articles/s | peak memory (MB) | findings | diff vs native | load |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |")
    for engine, times, part, rate, peak_kb, count, diff, load in rows:
        print(f"| {engine} | day x{times} | {part} | {rate:.1f} | {peak_kb / 1024:.0f} | {count:,} | "
              f"{diff if diff is not None else '-'} | {load} |")
    print("\n| engine | corpus | articles | peak memory (MB) in each tenth of the articles done |")
    print("| --- | --- | ---: | --- |")
    for engine, times, part, peaks in tenths:
        print(f"| {engine} | day x{times} | {part} | {' · '.join(_mb(kb) for kb in peaks)} |")


if __name__ == "__main__":
    main()
