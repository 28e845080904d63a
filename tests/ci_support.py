"""Helpers shared by the CI-gate tests (test_ci_*, test_report_*, test_config, ...): small articles
written for these tests, and two ways to run the command: in-process (fast; the rules load once per
test session) and as a real subprocess (for exit codes and stderr exactly as CI sees them)."""
from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# No error (an attributed figure).
CLEAN = "الرياض - أعلنت وزارة الصحة السعودية اليوم أن 120 حالة شفيت من المرض، بحسب بيان رسمي.\n"

# One error (an unsourced casualty count, line 3) and one warning (an unnamed source, line 5).
ARTICLE = """غارات على ريف المدينة

حلب - أسفرت غارات جوية عن مقتل 15 مدنيا في بلدة شمالية فجر اليوم.

وقال مصدر مطلع إن الطائرات حلقت فوق المنطقة لساعات.

وأعلنت وزارة الصحة أن 30 مصابا نقلوا إلى المستشفيات، بحسب بيان رسمي.
"""

# Warnings only: an unsourced statistic (line 3) and an unnamed source (line 5).
WARNINGS = """أسعار النفط ترتفع

لندن - اعتقلت الشرطة 45 متظاهرا في وسط المدينة اليوم.

وقال محللون إن الطلب سيزداد خلال الشهر المقبل.
"""

NEW_CASUALTY = "وقتل 40 شخصا في قصف استهدف سوقا شعبية في المدينة."


def validate_exe() -> list[str]:
    exe = ROOT / ".venv" / ("Scripts" if os.name == "nt" else "bin") / "validate"
    if exe.exists():
        return [str(exe)]
    found = shutil.which("validate")
    if found:
        return [found]
    return ["uv", "run", "--project", str(ROOT), "validate"]


def env() -> dict:
    e = dict(os.environ)
    e.pop("NO_COLOR", None)
    e["PYTHONIOENCODING"] = "utf-8"
    return e


def run_validate(args: list[str], cwd: Path, stdin: str | None = None, timeout: float = 120):
    """The installed command in a subprocess: (returncode, stdout, stderr)."""
    p = subprocess.run([*validate_exe(), *map(str, args)], cwd=cwd, input=stdin, capture_output=True,
                       text=True, encoding="utf-8", env=env(), timeout=timeout)
    return p.returncode, p.stdout, p.stderr


def start_validate(args: list[str], cwd: Path, stdin: bool = False) -> subprocess.Popen:
    """Start without waiting, so a test module can run several commands at once (then communicate())."""
    return subprocess.Popen([*validate_exe(), *map(str, args)], cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
                            text=True, encoding="utf-8", env=env())


def cli(args: list[str], capsys) -> tuple[int, str, str]:
    """`validate ARGS` in this process: (exit code, stdout, stderr). Use with monkeypatch.chdir."""
    from validator import cli as cli_module

    capsys.readouterr()
    old = sys.argv
    sys.argv = ["validate", *map(str, args)]
    code = 0
    try:
        cli_module.main()
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    finally:
        sys.argv = old
    out = capsys.readouterr()
    return code, out.out, out.err


def run_here(*args, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """`validate ARGS` through the same `main()`, in this process, as a CompletedProcess (a module's
    fixture can collect many cases without an interpreter start-up each)."""
    from validator import cli

    out, err = io.StringIO(), io.StringIO()
    old_argv, old_cwd = sys.argv, os.getcwd()
    sys.argv = ["validate", *map(str, args)]
    code = 0
    try:
        os.chdir(cwd)
        with redirect_stdout(out), redirect_stderr(err):
            cli.main()
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    finally:
        sys.argv = old_argv
        os.chdir(old_cwd)
    return subprocess.CompletedProcess(list(args), code, out.getvalue(), err.getvalue())


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
needs_schema = pytest.mark.skipif(not SCHEMA.exists(),
                                  reason=f"SARIF schema not found at {SCHEMA} (../shared beside the checkout)")
