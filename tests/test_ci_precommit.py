"""The pre-commit hook as docs/ci.md's local variant (`repo: local`, `language: system` on this venv's
`validate`: offline, fast), run for real by pre-commit on a throw-away git repository; and the CI
documentation's examples are well-formed. The hook exactly as shipped (`language: python`, installed
by pre-commit) is tests/test_install.py's `pre-commit try-repo` test."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.ci_support import ARTICLE, CLEAN, ROOT, validate_exe, write

yaml = pytest.importorskip("yaml", reason="PyYAML comes with pre-commit (dev dependency group)")
HOOKS = ROOT / ".pre-commit-hooks.yaml"
DOCS = ROOT / "docs" / "ci.md"


def _hook() -> dict:
    (hook,) = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    return hook


def test_hook_definition():
    hook = _hook()
    assert hook["id"] == "validate-arabic-news" and hook["entry"] == "validate"
    assert hook["language"] == "python" and hook["types"] == ["text"]
    files = re.compile(hook["files"])
    assert all(files.search(p) for p in ["a.txt", "news/b.md", "site/c.html", "d.htm"])
    assert not any(files.search(p) for p in ["a.py", "b.json", "c.txt.validate-ignore"])


def test_docs_examples_parse():
    text = DOCS.read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, re.S)
    assert len(blocks) >= 4
    parsed = [yaml.safe_load(b) for b in blocks]
    gha = next(p for p in parsed if isinstance(p, dict) and "jobs" in p)
    uses = [s.get("uses", "") for s in gha["jobs"]["validate"]["steps"]]
    assert any(u.startswith("github/codeql-action/upload-sarif") for u in uses)
    gitlab = next(p for p in parsed if isinstance(p, dict) and "validate-articles" in p)
    assert gitlab["validate-articles"]["artifacts"]["reports"]["junit"]


@pytest.mark.slow
def test_pre_commit_runs_the_hook(tmp_path):
    pre_commit = Path(validate_exe()[0]).with_name("pre-commit")
    if not pre_commit.exists() or shutil.which("git") is None:
        pytest.skip("pre-commit (dev dependency group) or git not available")
    repo = tmp_path / "articles"
    hook = {**_hook(), "language": "system", "entry": validate_exe()[0]}
    write(repo / ".pre-commit-config.yaml", yaml.safe_dump({"repos": [{"repo": "local", "hooks": [hook]}]},
                                                           allow_unicode=True))
    write(repo / "news" / "clean.txt", CLEAN)
    write(repo / "news" / "aleppo.md", "# " + ARTICLE)
    write(repo / "notes.py", "print('not an article')\n")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "GIT_CONFIG_GLOBAL": os.devnull,
           "GIT_CONFIG_NOSYSTEM": "1", "NO_COLOR": "1", "PRE_COMMIT_COLOR": "never"}

    def sh(*args):
        return subprocess.run(args, cwd=repo, env=env, capture_output=True, text=True, encoding="utf-8",
                              timeout=180)

    assert sh("git", "init", "-q").returncode == 0
    sh("git", "add", "-A")
    failed = sh(str(pre_commit), "run", "--all-files")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "Failed" in failed.stdout and "news/aleppo.md:3:" in failed.stdout
    assert "unsourced-casualty" in failed.stdout and "notes.py" not in failed.stdout

    (repo / "news" / "aleppo.md").unlink()
    sh("git", "add", "-A")
    passed = sh(str(pre_commit), "run", "--all-files")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout
