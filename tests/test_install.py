"""Installed the way docs/ci.md says, the validator works away from the checkout (issue 16, points 1-2):
the wheel carries the built-in rules and lexicons, and neither the wheel nor the shipped pre-commit
hook (a plain pip install) brings torch or CUDA. Slow (they install packages), but CI runs them."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
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


@pytest.mark.slow
def test_the_wheel_installed_as_documented_validates_from_another_folder(tmp_path):
    uv = os.environ.get("UV") or shutil.which("uv")  # `uv run` names itself in UV
    if uv is None:
        pytest.skip("uv not on PATH")
    # `uv build` makes the sdist, then the wheel from the sdist: so the sdist must carry rules/ too
    built = _sh([uv, "build", "-o", tmp_path / "dist", ROOT], cwd=ROOT)
    assert built.returncode == 0, built.stderr
    (wheel,) = (tmp_path / "dist").glob("*.whl")
    # docs/ci.md: `uv tool install dist/arabic_news_validator-*.whl`, here into a throw-away tool folder
    env = {**os.environ, "UV_TOOL_DIR": str(tmp_path / "tools"), "UV_TOOL_BIN_DIR": str(tmp_path / "bin")}
    env.pop("VIRTUAL_ENV", None)
    installed = _sh([uv, "tool", "install", wheel], cwd=tmp_path, env=env)
    assert installed.returncode == 0, installed.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    p = _sh([tmp_path / "bin" / "validate", FIXTURE, "--format", "json"], cwd=elsewhere)
    assert p.returncode == 1, p.stderr
    assert json.loads(p.stdout)["files"][0]["findings"] == _checkout_findings()
    packages = _installed(list((tmp_path / "tools").glob("*/lib/python*/site-packages")))
    assert "arabic_news_validator" in packages
    assert not {name for name in packages if HEAVY.match(name)}


@pytest.mark.slow
def test_the_pre_commit_hook_as_shipped(tmp_path):
    """`pre-commit try-repo` installs the hook exactly as published (`language: python`: pip install .)."""
    pre_commit = Path(sys.executable).with_name("pre-commit")
    if not pre_commit.exists() or shutil.which("git") is None:
        pytest.skip("pre-commit (dev dependency group) or git not available")
    repo = tmp_path / "articles"
    write(repo / "news" / "aleppo.md", "# " + ARTICLE)
    write(repo / "README.md", ARTICLE)  # the hook's exclude: a repository's own documents
    home = tmp_path / "cache"
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
           "NO_COLOR": "1", "PRE_COMMIT_COLOR": "never", "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}
    env.pop("VIRTUAL_ENV", None)
    assert _sh(["git", "init", "-q"], repo, env).returncode == 0
    _sh(["git", "add", "-A"], repo, env)
    p = _sh([pre_commit, "try-repo", ROOT, "validate-arabic-news", "--all-files"], repo, env)
    assert p.returncode == 1, p.stdout + p.stderr
    assert "news/aleppo.md:3:" in p.stdout and "unsourced-casualty" in p.stdout, p.stdout
    assert "README.md" not in p.stdout and "no such rule" not in p.stdout
    # try-repo installs into a store it deletes afterwards: the wheel test above checks what a plain
    # install of the same package metadata brings.
