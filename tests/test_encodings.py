"""Decoding articles: UTF-8 (with or without BOM), UTF-16 with BOM, Windows-1256, and clear refusals."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from validator import document
from validator.errors import InputError

ARTICLE = (
    "مقتل 12 شخصا في انفجار بسوق شعبي\n"
    "\n"
    "بغداد - قتل 12 شخصا وأصيب 30 آخرون في انفجار سيارة مفخخة في سوق شعبي.\n"
    "وقالت مصادر مطلعة إن الحصيلة مرشحة للارتفاع.\n"
    "وقال وزير الداخلية العراقي عبد الأمير الشمري: «قتل 15 شخصا في الانفجار».\n"
    "وانتقد الأهالي ما وصفوه بـ«التقصير الأمني.\n"
)


def _encode(text: str, how: str) -> bytes:
    if how == "utf-8":
        return text.encode("utf-8")
    if how == "utf-8-sig":
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    if how == "utf-16-le":
        return b"\xff\xfe" + text.encode("utf-16-le")
    if how == "utf-16-be":
        return b"\xfe\xff" + text.encode("utf-16-be")
    if how == "cp1256":
        return text.encode("cp1256")
    raise ValueError(how)


def _key(findings):
    return [(f.rule, f.location.line, f.location.column, f.location.end_line, f.location.end_column,
             f.location.text) for f in findings]


@pytest.mark.parametrize("how, name", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16-le", "utf-16"), ("utf-16-be", "utf-16"),
    ("cp1256", "windows-1256"),
])
def test_decode(how, name):
    text, encoding = document.decode(_encode(ARTICLE, how), "a.txt")
    assert text == ARTICLE
    assert encoding == name


@pytest.mark.parametrize("how", ["utf-8-sig", "utf-16-le", "utf-16-be", "cp1256"])
def test_same_findings_as_utf8(validator, tmp_path, how):
    base = tmp_path / "base.txt"
    base.write_bytes(_encode(ARTICLE, "utf-8"))
    other = tmp_path / f"other-{how}.txt"
    other.write_bytes(_encode(ARTICLE, how))
    expected = validator.validate_file(str(base))
    got = validator.validate_file(str(other))
    assert expected.error is None and got.error is None, got.error
    assert expected.findings, "the article should produce findings"
    assert _key(got.findings) == _key(expected.findings)


def test_cp1256_written_with_python_codec(validator, tmp_path):
    p = tmp_path / "win.txt"
    p.write_text(ARTICLE, encoding="cp1256")
    base = tmp_path / "base.txt"
    base.write_text(ARTICLE, encoding="utf-8")
    assert _key(validator.validate_file(str(p)).findings) == _key(validator.validate_file(str(base)).findings)


@pytest.mark.parametrize("eol", ["\r\n", "\r"])
def test_line_ends_give_the_same_findings(validator, tmp_path, eol):
    base = tmp_path / "base.txt"
    base.write_bytes(ARTICLE.encode("utf-8"))
    other = tmp_path / "other.txt"
    other.write_bytes(ARTICLE.replace("\n", eol).encode("utf-8"))
    assert _key(validator.validate_file(str(other)).findings) == _key(validator.validate_file(str(base)).findings)


def test_bom_is_not_part_of_the_text():
    text, _ = document.decode(_encode("بغداد", "utf-8-sig"), "a.txt")
    assert text == "بغداد"


def test_invalid_utf8_that_is_not_arabic():
    data = "Caf\u00e9 au lait, na\u00efve r\u00e9sum\u00e9".encode("latin-1")
    with pytest.raises(InputError) as info:
        document.decode(data, "menu.txt")
    msg = str(info.value)
    assert msg.startswith("menu.txt: ") and "\n" not in msg


def test_binary_with_nul_bytes():
    with pytest.raises(InputError) as info:
        document.decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image.txt")
    assert str(info.value).startswith("image.txt: ") and "binary" in str(info.value)


def test_truncated_utf16():
    with pytest.raises(InputError) as info:
        document.decode(b"\xff\xfe" + "بغداد".encode("utf-16-le")[:-1] + b"\x00\xd8", "cut.txt")
    assert str(info.value).startswith("cut.txt: ")


def test_directory_is_refused(tmp_path):
    with pytest.raises(InputError) as info:
        document.read_bytes(str(tmp_path))
    assert str(info.value).startswith(f"{tmp_path}: ")


def test_missing_file_is_refused(tmp_path):
    path = tmp_path / "none.txt"
    with pytest.raises(InputError) as info:
        document.read_bytes(str(path))
    assert str(info.value) == f"{path}: no such file"


def test_validate_file_reports_the_error(validator, tmp_path):
    result = validator.validate_file(str(tmp_path / "none.txt"))
    assert result.error and "none.txt" in result.error and not result.findings
    result = validator.validate_file(str(tmp_path))
    assert result.error and str(tmp_path) in result.error


# -- the command line --------------------------------------------------------------------------

def _cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "validator", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, timeout=120, env={**os.environ, "NO_COLOR": "1"})


def _assert_one_line_error(run, path: Path | str):
    assert run.returncode == 2, (run.returncode, run.stdout, run.stderr)
    assert "Traceback" not in run.stderr
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, run.stderr
    assert str(path) in lines[0]


@pytest.mark.parametrize("how", ["utf-8", "utf-8-sig", "utf-16-le", "utf-16-be", "cp1256"])
def test_cli_accepts_every_supported_encoding(tmp_path, how):
    p = tmp_path / "a.txt"
    p.write_bytes(_encode(ARTICLE, how))
    run = _cli("--format", "json", "--fail-on", "never", str(p))
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr


def test_cli_invalid_utf8(tmp_path):
    p = tmp_path / "latin.txt"
    p.write_bytes("Caf\u00e9 na\u00efve r\u00e9sum\u00e9 d\u00e9j\u00e0".encode("latin-1"))
    _assert_one_line_error(_cli(str(p)), p)


def test_cli_binary(tmp_path):
    p = tmp_path / "blob.txt"
    p.write_bytes(bytes(range(256)) * 4)
    _assert_one_line_error(_cli(str(p)), p)


def test_cli_missing_file(tmp_path):
    p = tmp_path / "missing.txt"
    _assert_one_line_error(_cli(str(p)), p)


def test_cli_empty_file(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    _assert_one_line_error(_cli(str(p)), p)


def test_cli_extract_missing_file(tmp_path):
    p = tmp_path / "missing.txt"
    _assert_one_line_error(_cli("extract", str(p)), p)


def test_cli_error_does_not_stop_other_files(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02")
    run = _cli("--format", "json", "--fail-on", "never", str(good), str(bad))
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert "good.txt" in run.stdout
    assert str(bad) in run.stderr
