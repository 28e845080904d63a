"""Shared fixtures: one Validator for the whole session (rules and lexicons load once)."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def validator():
    from validator.app import Validator

    return Validator()


@pytest.fixture(scope="session")
def extract(validator):
    """Extract an article given as text: `extract("...")` → Article."""
    return validator.extract_text


# The install tests' slow steps (building and installing the package, pre-commit's pip install) start
# in the background as soon as the tests are collected, and overlap the rest of the suite.
_INSTALL_BASE: list[Path] = []


def pytest_collection_finish(session):
    names = {item.name for item in session.items
             if getattr(getattr(item, "module", None), "__name__", "").endswith("test_install")}
    if names:
        from tests import test_install

        base = Path(tempfile.mkdtemp(prefix="validate-install-"))
        _INSTALL_BASE.append(base)
        test_install.start(names, base)


def pytest_sessionfinish(session):
    from tests import test_install

    for job in test_install.JOBS.values():
        if job.process is not None and job.process.poll() is None:
            job.process.kill()
            job.process.wait()
    for base in _INSTALL_BASE:
        shutil.rmtree(base, ignore_errors=True)
