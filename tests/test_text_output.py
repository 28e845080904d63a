"""Text output (issue 16, point 7): the category printed once when it is the rule id, no bidi controls
in files and pipes, Arabic messages under --lang ar, placeholders filled."""
from __future__ import annotations

from tests.ci_support import ARTICLE, cli, write

ENTITY_RULE = """rule titled-person
  category house-style
  severity info
  message ar "{name}: {title}"
  message en "{name}: {title}"
  for each entity where kind = person and title
  forbid
"""


def test_category_once_and_no_bidi_controls_in_a_pipe(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.txt", ARTICLE + "وقال أحدهم: «لن نتراجع.\n")
    code, out, _ = cli(["a.txt", "-o", "report.txt"], capsys)
    report = (tmp_path / "report.txt").read_text(encoding="utf-8")
    assert code == 1 and " unbalanced-quote unbalanced-quote " not in report and " unbalanced-quote " in report
    assert " unsourced-number unsourced-casualty " in report  # a category other than the id is kept
    assert not set(report) & {"\u2066", "\u2067", "\u2068", "\u2069"}


def test_unused_suppression_message_in_arabic(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "a.txt.validate-ignore", "unbalanced-quote 2   # nothing there\n")
    code, out, _ = cli(["a.txt", "--fail-on", "never"], capsys)
    (line,) = [x for x in out.splitlines() if "unused-suppression" in x]
    assert "استثناء غير مستخدم" in line and "unused suppression" not in line
    code, out, _ = cli(["a.txt", "--fail-on", "never", "--lang", "en"], capsys)
    assert "unused suppression" in out


def test_title_placeholder_of_an_entity(tmp_path):
    from validator.app import Options, Validator

    rule = write(tmp_path / "titled.rule", ENTITY_RULE)
    v = Validator(Options(rule_paths=[rule], builtin_rules=False))
    (finding,) = v.validate_text("عنوان\n\nوقال وزير المالية محمد الجدعان إن العجز تراجع.\n").findings
    assert finding.message == "محمد الجدعان: وزير المالية"
