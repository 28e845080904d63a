"""The optional camel-tools morphology path, with a tiny database in camel's format (fixtures/)."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import FIXTURES, ROOT
from validator.app import Options, Validator
from validator.errors import InputError

TINY_DB = FIXTURES / "morphology" / "tiny-msa.db"
TEXT = "وقال بيورن غرونبرغ إن الأطراف وافقت على تمديد الهدنة."


def _persons(validator, text):
    return [e.name for e in validator.extract_text(text).entities if e.kind == "person"]


def test_without_a_database_the_lexicons_decide():
    assert _persons(Validator(Options()), TEXT) == []


def test_a_database_recognises_proper_nouns_the_lexicons_lack():
    v = Validator(Options(morphology_db=str(TINY_DB)))
    assert _persons(v, TEXT) == ["بيورن غرونبرغ"]
    findings = v.validate_text(TEXT).findings
    assert [f.category for f in findings] == ["missing-title"]


def test_common_nouns_stay_common():
    v = Validator(Options(morphology_db=str(TINY_DB)))
    assert v.resources.morphology.is_proper_noun("غرونبرغ")
    assert not v.resources.morphology.is_proper_noun("سلم")
    assert not v.resources.morphology.is_proper_noun("كلمة")


def test_missing_database_is_a_clear_error(tmp_path):
    with pytest.raises(InputError, match="not found"):
        Validator(Options(morphology_db=str(tmp_path / "none.db")))


def test_environment_variable_and_no_download(tmp_path):
    """With an empty HOME, no CAMELTOOLS_DATA and the network blocked, the database still loads."""
    blocker = tmp_path / "sitecustomize.py"
    blocker.write_text("import socket\n"
                       "def _blocked(*a, **k):\n    raise OSError('network blocked in test')\n"
                       "socket.socket.connect = _blocked\nsocket.create_connection = _blocked\n"
                       "socket.getaddrinfo = _blocked\n")
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "CAMELTOOLS_DATA"}
    env.update(HOME=str(tmp_path), PYTHONPATH=f"{tmp_path}{os.pathsep}{ROOT}",
               VALIDATOR_MORPHOLOGY_DB=str(TINY_DB))
    run = subprocess.run([sys.executable, "-m", "validator", "--format", "json", "--lang", "en",
                          str(article)], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert run.returncode == 0, run.stderr  # missing-title is a warning; --fail-on is error
    assert "missing-title" in run.stdout
    assert not (tmp_path / ".camel_tools" / "catalogue.json").exists()
