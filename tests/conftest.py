"""Shared fixtures: one Validator for the whole session (rules and lexicons load once)."""
from __future__ import annotations

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
