"""Suppressions that never touch the published text: sidecar, central ignore file, inline comments."""
from __future__ import annotations

import json

import pytest

from tests.ci_support import ARTICLE, cli, write
from validator import suppress


@pytest.fixture
def article(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return write(tmp_path / "news" / "aleppo.txt", ARTICLE)


def _findings(out: str) -> list[dict]:
    return [f for file in json.loads(out)["files"] for f in file["findings"]]


def _fingerprint(capsys, path, rule) -> str:
    _, out, _ = cli([path, "-f", "json"], capsys)
    return next(f["fingerprint"] for f in _findings(out) if f["rule"] == rule)


def test_sidecar_line_format_by_fingerprint_and_line(article, tmp_path, capsys):
    fp = _fingerprint(capsys, "news/aleppo.txt", "unsourced-casualty")
    write(tmp_path / "news" / "aleppo.txt.validate-ignore",
          f"# accepted by the desk\nunsourced-casualty {fp}  # toll confirmed by our correspondent\n"
          "unnamed-source 5  # protected source\n")
    code, out, _ = cli(["news/aleppo.txt", "-f", "json"], capsys)
    assert code == 0 and _findings(out) == []
    assert article.read_text(encoding="utf-8") == ARTICLE  # the article itself is untouched


def test_sidecar_toml_and_bare_hash(article, tmp_path, capsys):
    fp = _fingerprint(capsys, "news/aleppo.txt", "unsourced-casualty").split(":")[0]
    write(tmp_path / "news" / "aleppo.txt.validate-ignore",
          f'[[ignore]]\nrule = "unsourced-casualty"\nfingerprint = "{fp}"\nreason = "confirmed"\n')
    code, out, _ = cli(["news/aleppo.txt", "-f", "json"], capsys)
    assert code == 0 and [f["rule"] for f in _findings(out)] == ["unnamed-source"]


def test_unused_sidecar_entry_is_an_info_finding(article, tmp_path, capsys):
    write(tmp_path / "news" / "aleppo.txt.validate-ignore", "unbalanced-quote 9  # stale\n")
    code, out, _ = cli(["news/aleppo.txt", "-f", "json"], capsys)
    stale = [f for f in _findings(out) if f["rule"] == "unused-suppression"]
    assert len(stale) == 1 and stale[0]["severity"] == "info" and stale[0]["category"] == "suppression"
    assert stale[0]["line"] == 1 and "aleppo.txt.validate-ignore:1" in stale[0]["message"]
    assert code == 1  # the article's own error
    assert cli(["news/aleppo.txt", "--disable", "unsourced-casualty", "--disable", "unnamed-source"],
               capsys)[0] == 0  # info does not fail the default gate...
    assert cli(["news/aleppo.txt", "--disable", "unsourced-casualty", "--disable", "unnamed-source",
                "--fail-on", "info"], capsys)[0] == 1  # ...but a strict gate keeps suppressions clean


def test_bad_sidecar_is_exit_2(article, tmp_path, capsys):
    write(tmp_path / "news" / "aleppo.txt.validate-ignore", "unsourced-casualty\n")
    code, _, err = cli(["news/aleppo.txt"], capsys)
    assert code == 2 and "aleppo.txt.validate-ignore:1:1: expected `rule-id fingerprint-or-line" in err
    write(tmp_path / "news" / "aleppo.txt.validate-ignore", "unsourced-casualty zz-top\n")
    code, _, err = cli(["news/aleppo.txt"], capsys)
    assert code == 2 and ":1:20: 'zz-top' is neither a fingerprint nor a line number" in err


def test_central_ignore_file(article, tmp_path, capsys):
    fp = _fingerprint(capsys, "news/aleppo.txt", "unsourced-casualty")
    write(tmp_path / "ci" / "ignore.txt",
          f"../news/aleppo.txt unsourced-casualty {fp}  # confirmed\n"
          "../news/aleppo.txt unnamed-source 5  # protected\n"
          "../news/other.txt unnamed-source 2  # for an article not in this run: not reported\n")
    code, out, _ = cli(["news/aleppo.txt", "--ignore-file", "ci/ignore.txt", "-f", "json"], capsys)
    assert code == 0 and _findings(out) == []

    write(tmp_path / "ci" / "ignore.toml",
          '[[ignore]]\npath = "../news/aleppo.txt"\nrule = "unnamed-source"\nline = 4\nreason = "wrong line"\n')
    code, out, _ = cli(["news/aleppo.txt", "--ignore-file", "ci/ignore.toml", "-f", "json"], capsys)
    rules = sorted(f["rule"] for f in _findings(out))
    assert rules == ["unnamed-source", "unsourced-casualty", "unused-suppression"] and code == 1
    code, _, err = cli(["news/aleppo.txt", "--ignore-file", "ci/none.txt"], capsys)
    assert code == 2 and "no such ignore file" in err


MD = """# غارات على ريف المدينة

<!-- validate-disable unsourced-casualty -- the toll is confirmed in the linked report -->
حلب - أسفرت غارات جوية عن مقتل 15 مدنيا في بلدة شمالية فجر اليوم.

وقال مصدر مطلع إن الطائرات حلقت فوق المنطقة لساعات.

<!-- validate-disable unbalanced-quote -->
وأعلنت وزارة الصحة أن 30 مصابا نقلوا إلى المستشفيات، بحسب بيان رسمي.
"""


def test_inline_comments_in_markdown(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.md", MD)
    code, out, _ = cli(["a.md", "-f", "json"], capsys)
    found = {f["rule"]: f for f in _findings(out)}
    assert set(found) == {"unnamed-source", "unused-suppression"} and code == 0
    stale = found["unused-suppression"]
    assert (stale["line"], stale["column"]) == (8, 1) and stale["text"] == "<!-- validate-disable unbalanced-quote -->"

    write(tmp_path / "b.md", "<!-- validate-disable-file unnamed-source unsourced-casualty -->\n" + MD)
    code, out, _ = cli(["b.md", "-f", "json"], capsys)
    assert [f["rule"] for f in _findings(out)] == ["unused-suppression"]


def test_inline_comments_in_html(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    html = ("<h1>غارات على ريف المدينة</h1>\n<!-- validate-disable -->\n"
            "<p>حلب - أسفرت غارات جوية عن مقتل 15 مدنيا في بلدة شمالية فجر اليوم.</p>\n"
            "<p>وقال مصدر مطلع إن الطائرات حلقت فوق المنطقة لساعات.</p>\n")
    write(tmp_path / "a.html", html)
    code, out, _ = cli(["a.html", "-f", "json"], capsys)
    assert [(f["rule"], f["line"]) for f in _findings(out)] == [("unnamed-source", 4)]


def test_matching_unit():
    from validator.findings import Finding, Location

    f = Finding("r", "c", "error", "m", Location(10, 12, 3, 1, 4, 2, "xx"), fingerprint="abcdef01:1")
    assert suppress.Suppression("r", fingerprint="abcdef01:1").matches(f)
    assert suppress.Suppression("r", fingerprint="abcdef01").matches(f)
    assert not suppress.Suppression("r", fingerprint="abcdef01:0").matches(f)
    assert suppress.Suppression("r", line=4).matches(f) and not suppress.Suppression("r", line=5).matches(f)
    assert not suppress.Suppression("other", line=3).matches(f)
    assert suppress.Suppression("", span=(10, 11)).matches(f) and not suppress.Suppression("", span=(0, 10)).matches(f)


@pytest.mark.parametrize("target", ["9" * 5000, "٣"])
def test_a_line_number_of_thousands_of_digits_or_not_ascii_is_an_ignore_file_error(article, tmp_path, capsys, target):
    write(tmp_path / "news" / "aleppo.txt.validate-ignore", f"unnamed-source {target}\n")
    code, _, err = cli(["news/aleppo.txt"], capsys)
    assert code == 2 and "aleppo.txt.validate-ignore:1:" in err and "internal error" not in err
