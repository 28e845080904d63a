"""`validate ARTICLE --fix` and `--fix --diff` on the house-style fixture (fixtures/house-style/)."""
from __future__ import annotations

import shutil

from tests.ci_support import cli, write
from tests.conftest import FIXTURES

HOUSE = FIXTURES / "house-style"
ARTICLE = HOUSE / "amman-water-grant-house-style.txt"
RULES = HOUSE / "house-style.rule"


def test_diff_then_fix_leaves_no_house_style_finding(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    article = shutil.copy(ARTICLE, tmp_path / "article.txt")
    before = article.read_bytes()

    code, diff, report = cli(["article.txt", "--rules", RULES, "--fix", "--diff", "--lang", "en"], capsys)
    assert code == 0, report
    assert article.read_bytes() == before  # --diff writes nothing
    assert diff.startswith("--- a/article.txt\n+++ b/article.txt\n")
    assert "-منحة أمريكية بقيمة" in diff and "+منحة أميركية بقيمة" in diff
    assert "10 change(s) (diff only" in report

    code, out, err = cli(["article.txt", "--rules", RULES, "--fix"], capsys)
    assert code == 0, err
    assert "10 تعديل" in out and "«تليفون» ← «هاتف»" in out
    assert article.read_text(encoding="utf-8") == (HOUSE / "amman-water-grant-house-style.fixed.txt").read_text(
        encoding="utf-8")

    code, out, err = cli(["article.txt", "--rules", RULES, "-f", "json", "--fail-on", "info"], capsys)
    assert "house-style" not in out and code == 0, out


def test_windows_1256_crlf_keeps_encoding_and_line_ends(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    article = shutil.copy(HOUSE / "amman-water-grant-house-style.cp1256-crlf.txt", tmp_path / "article.txt")
    code, out, err = cli(["article.txt", "--rules", RULES, "--fix", "--lang", "en"], capsys)
    assert code == 0, err
    data = article.read_bytes()
    expected = (HOUSE / "amman-water-grant-house-style.fixed.txt").read_text(encoding="utf-8")
    assert data == expected.replace("\n", "\r\n").encode("cp1256")
    assert data.count(b"\r\n") == expected.count("\n") and b"\n" not in data.replace(b"\r\n", b"")


def test_overlapping_suggestions_leave_the_file_untouched(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    rule = RULES.read_text(encoding="utf-8").split("\nrule house-style-hundred")[0]
    rule += """
rule house-style-american-article
  category house-style
  severity warning
  message en "House style: write '{suggestion}'"
  for each sentence where text matches "الأمريكي"
  forbid suggest "الأميركي"
"""
    write(tmp_path / "rules" / "overlap.rule", rule)
    article = write(tmp_path / "article.txt", "وصل الوفد الأمريكي إلى العاصمة صباح الاثنين.\n")
    code, out, err = cli(["article.txt", "--rules", "rules", "--fix", "--lang", "en"], capsys)
    assert code == 1
    assert "left untouched: suggestions overlap at 1:" in out
    assert article.read_text(encoding="utf-8") == "وصل الوفد الأمريكي إلى العاصمة صباح الاثنين.\n"
    assert not list(tmp_path.glob(".article.txt.tmp*"))
