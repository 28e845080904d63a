"""Installed the way docs/ci.md says, the validator works away from the checkout (issue 16, points 1-2):
the wheel carries the built-in rules and lexicons, and neither the wheel nor the shipped pre-commit
hook (a plain pip install) brings torch or CUDA. Slow (they install packages), but CI runs them."""
from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.ci_support import ARTICLE, ROOT, write

FIXTURE = ROOT / "fixtures" / "gaza-health-ministry-unclosed-quote.txt"
HEAVY = re.compile(r"^(torch|nvidia[-_].*|transformers|camel[-_]tools|great[-_]expectations)$", re.IGNORECASE)


def _sh(args, cwd: Path, env: dict | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run(list(map(str, args)), cwd=cwd, env=env or os.environ, capture_output=True, text=True,
                          encoding="utf-8", timeout=timeout)


def _checkout_findings() -> list:
    p = _sh([sys.executable, "-m", "validator", FIXTURE, "--format", "json"], cwd=ROOT)
    return json.loads(p.stdout)["files"][0]["findings"]


def _installed(site_packages: list[Path]) -> set[str]:
    return {re.sub(r"-[^-]*\.dist-info$", "", p.name) for sp in site_packages for p in sp.glob("*.dist-info")}


# -- the slow steps start in the background as soon as the tests are collected (conftest.py): they
# wait on the network and on pip while the rest of the suite runs, and each test collects its own.

@dataclass
class Job:
    folder: Path
    process: subprocess.Popen | None = None
    skip: str | None = None

    def result(self) -> tuple[int, str, str]:
        if self.skip:
            pytest.skip(self.skip)
        code = self.process.wait(timeout=900)
        read = lambda name: (self.folder / name).read_text(encoding="utf-8", errors="replace")  # noqa: E731
        return code, read("stdout"), read("stderr")


JOBS: dict[str, Job] = {}


def _start(folder: Path, script: str, cwd: Path, env: dict) -> Job:
    with open(folder / "stdout", "wb") as out, open(folder / "stderr", "wb") as err:
        process = subprocess.Popen(["sh", "-c", script], cwd=cwd, env=env, stdout=out, stderr=err,
                                   stdin=subprocess.DEVNULL)
    return Job(folder, process)


def _wheel_job(folder: Path) -> Job:
    uv = os.environ.get("UV") or shutil.which("uv")  # `uv run` names itself in UV
    if uv is None:
        return Job(folder, skip="uv not on PATH")
    env = {**os.environ, "UV_TOOL_DIR": str(folder / "tools"), "UV_TOOL_BIN_DIR": str(folder / "bin")}
    env.pop("VIRTUAL_ENV", None)
    q = shlex.quote
    # `uv build` makes the sdist, then the wheel from the sdist: so the sdist must carry rules/ too.
    # Then docs/ci.md's `uv tool install dist/arabic_news_validator-*.whl`, into a throw-away tool folder.
    script = (f"{q(uv)} build -o {q(str(folder / 'dist'))} {q(str(ROOT))} && "
              f"{q(uv)} tool install {q(str(folder / 'dist'))}/*.whl")
    return _start(folder, script, folder, env)


def _pre_commit_job(folder: Path) -> Job:
    """`pre-commit try-repo` installs the hook exactly as published (`language: python`: pip install .)."""
    pre_commit = Path(sys.executable).with_name("pre-commit")
    if not pre_commit.exists() or shutil.which("git") is None:
        return Job(folder, skip="pre-commit (dev dependency group) or git not available")
    repo = folder / "articles"
    write(repo / "news" / "aleppo.md", "# " + ARTICLE)
    write(repo / "README.md", ARTICLE)  # the hook's exclude: a repository's own documents
    env = {**os.environ, "PRE_COMMIT_HOME": str(folder / "cache"), "GIT_CONFIG_GLOBAL": os.devnull,
           "GIT_CONFIG_NOSYSTEM": "1", "NO_COLOR": "1", "PRE_COMMIT_COLOR": "never"}
    env.pop("VIRTUAL_ENV", None)
    q = shlex.quote
    script = (f"git init -q && git add -A && "
              f"{q(str(pre_commit))} try-repo {q(str(ROOT))} validate-arabic-news --all-files")
    return _start(folder, script, repo, env)


STARTERS = {"test_the_wheel_installed_as_documented_validates_from_another_folder": _wheel_job,
            "test_the_pre_commit_hook_as_shipped": _pre_commit_job}


def start(names: set[str], base: Path) -> None:
    """Start the jobs of the named tests (called by conftest.py once the tests are collected)."""
    for name in names & set(STARTERS):
        folder = base / name
        folder.mkdir(parents=True)
        JOBS[name] = STARTERS[name](folder)


def _job(name: str, tmp_path: Path) -> Job:
    if name not in JOBS:  # not started at collection (a plugin ran the test another way): start it now
        JOBS[name] = STARTERS[name](tmp_path)
    return JOBS[name]


@pytest.mark.slow
def test_the_wheel_installed_as_documented_validates_from_another_folder(tmp_path):
    job = _job("test_the_wheel_installed_as_documented_validates_from_another_folder", tmp_path)
    code, out, err = job.result()
    assert code == 0, out + err
    elsewhere = job.folder / "elsewhere"
    elsewhere.mkdir()
    p = _sh([job.folder / "bin" / "validate", FIXTURE, "--format", "json"], cwd=elsewhere)
    assert p.returncode == 1, p.stderr
    assert json.loads(p.stdout)["files"][0]["findings"] == _checkout_findings()
    for lang in ("ar", "en"):  # the message catalogues travel too (rules/messages/)
        args = [FIXTURE, "--format", "text", "--explain", "--lang", lang]
        installed = _sh([job.folder / "bin" / "validate", *args], cwd=elsewhere)
        assert installed.stdout == _sh([sys.executable, "-m", "validator", *args], cwd=ROOT).stdout, installed.stderr
    packages = _installed(list((job.folder / "tools").glob("*/lib/python*/site-packages")))
    assert "arabic_news_validator" in packages
    assert not {name for name in packages if HEAVY.match(name)}


@pytest.mark.slow
def test_the_pre_commit_hook_as_shipped(tmp_path):
    code, out, err = _job("test_the_pre_commit_hook_as_shipped", tmp_path).result()
    assert code == 1, out + err
    assert "news/aleppo.md:3:" in out and "unsourced-casualty" in out, out
    assert "README.md" not in out and "no such rule" not in out
    # try-repo installs into a store it deletes afterwards: the wheel test above checks what a plain
    # install of the same package metadata brings.
