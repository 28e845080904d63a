"""A long fuzz run outside CI: the properties of tests/test_fuzz.py over many more inputs.

    uv run python -m benchmarks.fuzz_long [--examples 20000] [--minutes 10] [--batch 1000] [--only settings]

Runs hypothesis in batches (a fresh random seed each) until either limit is reached, then prints
how many inputs were tried. `--only settings` fuzzes only the parsers of configuration, baseline,
ignore and sidecar files (any bytes: a result or a one-line error), `--only articles` only the rest. On the first failure hypothesis shrinks the input; the minimal input and
the error are printed and the exit code is 1. Uses only hypothesis (a dev dependency already).
"""
from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--examples", type=int, default=20_000)
    ap.add_argument("--minutes", type=float, default=10.0)
    ap.add_argument("--batch", type=int, default=1_000)
    ap.add_argument("--max-size", type=int, default=600, help="atoms per generated text")
    ap.add_argument("--only", choices=("articles", "settings"), help="one half of the properties")
    args = ap.parse_args()

    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    import test_fuzz as tf
    from validator.app import Validator
    from validator.errors import InputError
    from validator.extract.serialize import article_to_json
    from validator.findings import FileResult
    from validator.report import json_report
    from validator import document
    import json

    validator = Validator()
    import tempfile

    counts = {"text": 0, "unicode": 0, "bytes": 0, "config": 0, "baseline": 0, "ignore-file": 0, "sidecar": 0}
    folder = Path(tempfile.mkdtemp(prefix="fuzz-settings-"))
    text_strategy = st.lists(tf.ATOMS, max_size=args.max_size).map("".join)

    def check_text(text: str) -> None:
        article = validator.extract_text(text, "fuzz.txt")
        tf.check_article(text, article)
        findings = validator.engine.run(article)
        tf.check_findings(text, findings)
        json.loads(json.dumps(article_to_json(article), ensure_ascii=False))
        json.loads(json_report.render([FileResult("fuzz.txt", findings, text=text)]))
        assert validator.engine.run(validator.extract_text(text, "fuzz.txt")) == findings, "not deterministic"

    def batch_settings(n: int):
        return settings(max_examples=n, deadline=None, database=None, derandomize=False,
                        suppress_health_check=list(HealthCheck))

    def run_batch(n: int) -> None:
        @batch_settings(n)
        @given(text=text_strategy)
        def arabic(text):
            counts["text"] += 1
            check_text(text)

        @batch_settings(max(1, n // 5))
        @given(text=st.text(max_size=400))
        def any_unicode(text):
            counts["unicode"] += 1
            check_text(text)

        @batch_settings(max(1, n // 5))
        @given(data=st.one_of(st.binary(max_size=400), text_strategy.map(lambda t: t.encode("cp1256", "ignore")),
                              text_strategy.map(lambda t: t.encode("utf-16"))))
        def any_bytes(data):
            counts["bytes"] += 1
            try:
                text, _ = document.decode(data, "bytes.txt")
            except InputError as e:
                assert "\n" not in str(e)
                return
            check_text(text)

        @batch_settings(n)
        @given(kind=st.sampled_from(sorted(tf.settings_loaders())), data=tf.SETTINGS_BYTES)
        def settings_files(kind, data):
            counts[kind] += 1
            tf.check_settings(kind, data, folder)

        if args.only != "settings":
            arabic()
            any_unicode()
            any_bytes()
        if args.only != "articles":
            settings_files()

    start = time.monotonic()
    deadline = start + args.minutes * 60
    try:
        while sum(counts.values()) < args.examples and time.monotonic() < deadline:
            run_batch(args.batch)
            done = sum(counts.values())
            print(f"{done:7d} inputs in {time.monotonic() - start:6.0f} s  {counts}", flush=True)
    except Exception:
        traceback.print_exc()
        print(f"FAILED after {sum(counts.values())} inputs ({counts}); the falsifying example is above",
              flush=True)
        return 1
    print(f"ok: {sum(counts.values())} inputs in {time.monotonic() - start:.0f} s, no failure {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
