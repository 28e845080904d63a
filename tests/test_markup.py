"""Markdown and HTML articles: markup stripped, every finding located in the markup file itself."""
from __future__ import annotations

import pytest

from tests.ci_support import cli, write
from validator.markup import to_plain

MD = """# غارات **جديدة** على ريف المدينة

حلب - أسفرت غارات جوية عن مقتل 15 مدنيا في بلدة
شمالية فجر اليوم في [الريف](https://example.com/a) *الغربي*.

* وقال مصدر مطلع إن الطائرات حلقت فوق المنطقة &amp; البلدات.

```
وقتل 99 شخصا في هذا المثال البرمجي.
```
"""

HTML = """<!doctype html>
<html lang="ar">
<head><title>عنوان في الرأس</title><style>p { color: red }</style></head>
<body>
  <h1>غارات جديدة على ريف المدينة</h1>
  <p class="lead">حلب - أسفرت غارات جوية عن مقتل <b>15</b> مدنيا
     في بلدة شمالية فجر اليوم.</p>
  <script>var s = "<p>وقتل 99 شخصا</p>";</script>
  <p>وقال مصدر&nbsp;مطلع إن الطائرات حلقت فوق المنطقة.</p>
</body>
</html>
"""


def _check_map(source: str, kind: str):
    m = to_plain(source, kind)
    assert len(m.offsets) == len(m.plain) + 1
    for i, ch in enumerate(m.plain):
        if ch not in "\n ":
            src = source[m.offsets[i]]
            assert src == ch or source[m.offsets[i]] == "&", (i, ch, src)
    return m


def test_markdown_plain_text_and_blocks():
    m = _check_map(MD, "markdown")
    lines = m.plain.split("\n\n")
    assert lines[0] == "غارات جديدة على ريف المدينة"  # headline: the first block
    assert lines[1].startswith("حلب - أسفرت") and "\n" not in lines[1]  # a paragraph is one line
    assert "الريف الغربي." in lines[1] and "https" not in lines[1]
    assert lines[2].endswith("المنطقة & البلدات.")
    assert "99" not in m.plain  # code blocks are not article text
    assert len(m.blocks) == 3


def test_html_plain_text_and_blocks():
    m = _check_map(HTML, "html")
    assert m.plain.split("\n\n") == [
        "غارات جديدة على ريف المدينة",
        "حلب - أسفرت غارات جوية عن مقتل 15 مدنيا في بلدة شمالية فجر اليوم.",
        "وقال مصدر\xa0مطلع إن الطائرات حلقت فوق المنطقة.",
    ]


def test_the_map_keeps_one_entry_per_run_not_per_character():
    """Memory linear in the runs: a paragraph copied verbatim is one entry (with the blank line before
    the next block), a decoded reference or a collapsed line break starts another."""
    m = _check_map("<h1>عنوان</h1>" + "<p>وقال الوزير إن العمل مستمر.</p>\n" * 50, "html")
    assert len(m.offsets.starts) == 51
    m = _check_map("<p>أول &amp; ثان\n  ثالث</p>", "html")
    assert len(m.offsets.starts) == 4 and m.plain == "أول & ثان ثالث"


def _line_col(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def test_markdown_findings_point_into_the_markdown_file(tmp_path, validator):
    path = write(tmp_path / "a.md", MD)
    result = validator.validate_file(str(path))
    assert result.text == MD
    by_rule = {f.rule: f for f in result.findings}
    casualty = by_rule["unsourced-casualty"]
    loc = casualty.location
    assert MD[loc.start:loc.end] == loc.text == "15"
    assert (loc.line, loc.column) == _line_col(MD, loc.start) == (3, MD.splitlines()[2].index("15") + 1)
    assert (loc.end_line, loc.end_column) == _line_col(MD, loc.end)
    source = by_rule["unnamed-source"].location
    assert source.text == "مصدر مطلع" and source.line == 6
    assert not any("99" in f.location.text for f in result.findings)


def test_html_findings_point_into_the_html_file(tmp_path, validator):
    path = write(tmp_path / "a.html", HTML)
    result = validator.validate_file(str(path))
    by_rule = {f.rule: f for f in result.findings}
    loc = by_rule["unsourced-casualty"].location
    assert loc.text == "15" and HTML[loc.start:loc.end] == "15"
    assert (loc.line, loc.column) == _line_col(HTML, loc.start) == (6, HTML.splitlines()[5].index("15") + 1)
    src = by_rule["unnamed-source"].location
    assert src.line == 9 and src.text == "مصدر&nbsp;مطلع"  # the span as written in the file


def test_span_across_a_soft_line_break_ends_on_the_right_line():
    m = to_plain("# ع\n\nأول ثان\nثالث رابع\n", "markdown")
    body = m.plain.split("\n\n")[1]
    start = m.plain.index(body) + body.index("ثان")
    end = m.plain.index(body) + body.index("ثالث") + len("ثالث")
    s, e = m.source_span(start, end)
    assert "أول ثان\nثالث رابع"[0:0] == "" and m.source[s:e] == "ثان\nثالث"


def test_folder_of_markup_articles_on_the_command_line(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "site" / "a.md", MD)
    write(tmp_path / "site" / "b.html", HTML)
    write(tmp_path / "site" / "notes.rst", MD)  # not an article suffix
    code, out, _ = cli(["site", "--format", "github"], capsys)
    assert code == 1
    files = sorted({line.split("file=")[1].split(",")[0] for line in out.splitlines()})
    assert files == ["site/a.md", "site/b.html"]
    assert "::error file=site/a.md,line=3," in out and "::error file=site/b.html,line=6," in out


def test_inline_directives_are_collected():
    m = to_plain("# ع\n\n<!-- validate-disable unsourced-casualty, unnamed-source -- seen -->\nنص\n\n"
                 "<!-- validate-disable-file -->\n", "markdown")
    block, whole = m.directives
    assert block.scope == "block" and block.rules == ("unsourced-casualty", "unnamed-source")
    assert block.reason == "seen" and m.source[block.target.source_start:block.target.source_end] == "نص"
    assert whole.scope == "file" and whole.rules == ()


def test_markdown_front_matter_is_not_the_article(validator):
    source = ('---\ntitle: "بيان 2024"\ndate: 2024-01-05\n---\n\n# غارات على ريف المدينة\n\n'
              'حلب - أسفرت غارات جوية عن مقتل 15 مدنيا في بلدة شمالية فجر اليوم.\n')
    plain = to_plain(source, "markdown")
    assert plain.plain.startswith("غارات على ريف المدينة\n\n") and "title" not in plain.plain
    (finding,) = [f for f in validator.validate_source(source, "a.md").findings if f.rule == "unsourced-casualty"]
    assert (finding.location.line, finding.location.text) == (8, "15")
    toml = to_plain('+++\ntitle = "x"\n+++\nالعنوان\n', "markdown")
    assert toml.plain == "العنوان"


@pytest.mark.parametrize("name, source", [
    ("a.html", "<h1>التضخم</h1>\n<p>وارتفع التضخم إلى 40&#37; الشهر الماضي.</p>\n"),
    ("a.md", "# التضخم\n\nوارتفع التضخم إلى 40&#37; الشهر الماضي.\n"),
])
def test_end_column_keeps_a_whole_character_reference(validator, name, source):
    (finding,) = validator.validate_source(source, name).findings
    assert finding.location.text == "40&#37;"
    assert finding.location.end_column - finding.location.column == len("40&#37;")
