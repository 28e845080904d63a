"""Small modules with one job: no module of the package over MAX_LINES lines (issue 12). A module
that grows past it is split by what it decides (docs/architecture.md says where each decision lives)."""
from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "validator"
MAX_LINES = 600


def oversized(package: Path, limit: int = MAX_LINES) -> list[str]:
    """Every module under `package` over `limit` lines, with its count."""
    out = []
    for path in sorted(package.rglob("*.py")):
        with path.open("rb") as f:
            lines = sum(1 for _ in f)
        if lines > limit:
            out.append(f"{path.relative_to(package.parent).as_posix()}: {lines} lines")
    return out


def test_no_module_over_the_limit():
    over = oversized(PACKAGE)
    assert not over, f"modules over {MAX_LINES} lines, split them by what they decide:\n" + "\n".join(over)


def test_the_check_names_an_oversized_module(tmp_path):
    package = tmp_path / "validator"
    (package / "extract").mkdir(parents=True)
    (package / "extract" / "big.py").write_text("x = 1\n" * (MAX_LINES + 1), encoding="utf-8")
    (package / "small.py").write_text("x = 1\n" * MAX_LINES, encoding="utf-8")
    assert oversized(package) == [f"validator/extract/big.py: {MAX_LINES + 1} lines"]
