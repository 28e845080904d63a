"""Validation never touches the network, and never lets camel-tools download its data catalogue."""
from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT

ARTICLE = (
    "مقتل 12 شخصا في انفجار بسوق شعبي\n\n"
    "بغداد - قتل 12 شخصا في انفجار سيارة مفخخة في سوق شعبي.\n"
    "وقالت مصادر مطلعة إن الحصيلة مرشحة للارتفاع.\n"
)

BLOCKER = """\
import socket

def _blocked(*args, **kwargs):
    raise OSError("network blocked in test")

socket.socket.connect = _blocked
socket.socket.connect_ex = _blocked
socket.create_connection = _blocked
socket.getaddrinfo = _blocked
"""


def _env(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(BLOCKER, encoding="utf-8")
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items()
           if k not in ("CAMELTOOLS_DATA", "VALIDATOR_MORPHOLOGY_DB", "PYTHONPATH")}
    env.update(HOME=str(home), PYTHONPATH=f"{site}{os.pathsep}{ROOT}", NO_COLOR="1")
    return env, home


def _run(args, env, tmp_path):
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, cwd=tmp_path,
                          timeout=180)


def test_the_blocker_really_blocks(tmp_path):
    env, _ = _env(tmp_path)
    run = _run(["-c", "import socket\ntry:\n    socket.create_connection(('192.0.2.1', 80), timeout=1)\n"
                      "except OSError as e:\n    print('blocked', e)\n"], env, tmp_path)
    assert "network blocked in test" in run.stdout


def test_validate_works_offline_with_an_empty_home(tmp_path):
    env, home = _env(tmp_path)
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    run = _run(["-m", "validator", "--format", "json", "--fail-on", "never", str(article)], env, tmp_path)
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    assert "network blocked" not in run.stderr
    assert '"findings"' in run.stdout or "article.txt" in run.stdout
    assert not (home / ".camel_tools").exists()


def test_extract_works_offline_with_an_empty_home(tmp_path):
    env, home = _env(tmp_path)
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    run = _run(["-m", "validator", "extract", "--format", "json", str(article)], env, tmp_path)
    assert run.returncode == 0, run.stderr
    assert '"numbers"' in run.stdout
    assert not (home / ".camel_tools").exists()


def test_camel_data_is_never_imported_without_a_morphology_database(tmp_path):
    env, home = _env(tmp_path)
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    code = (
        "import sys\n"
        "from validator.app import Validator\n"
        "v = Validator()\n"
        f"r = v.validate_file({str(article)!r})\n"
        "assert r.error is None, r.error\n"
        "print('findings', len(r.findings))\n"
        "print('loaded', sorted(m for m in sys.modules if m.startswith(('camel_tools.data', "
        "'camel_tools.morphology'))))\n"
    )
    run = _run(["-c", code], env, tmp_path)
    assert run.returncode == 0, run.stderr
    assert "loaded []" in run.stdout, run.stdout
    assert not (home / ".camel_tools").exists()


def test_importing_camel_morphology_directly_would_need_the_network(tmp_path):
    """The hazard the validator avoids: with no catalogue, camel-tools tries to download one."""
    env, _ = _env(tmp_path)
    run = _run(["-c", "import camel_tools.morphology.database"], env, tmp_path)
    assert run.returncode != 0


def test_offline_catalogue_makes_camel_morphology_importable(tmp_path):
    env, home = _env(tmp_path)
    code = ("from validator.text.morphology import _offline_catalogue\n"
            "_offline_catalogue()\n"
            "import os, camel_tools.morphology.database\n"
            "print('ok', os.environ['CAMELTOOLS_DATA'])\n")
    run = _run(["-c", code], env, tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("ok ")
    assert not (home / ".camel_tools" / "catalogue.json").exists()
