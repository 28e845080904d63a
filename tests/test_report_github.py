"""`--format github`: workflow-command annotations, with GitHub's escaping rules."""
from __future__ import annotations

from tests.ci_support import ARTICLE, cli, write
from validator.findings import FileResult, Finding, Location
from validator.report import github


def test_levels_and_positions(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "news" / "a.txt", ARTICLE)
    code, out, err = cli(["news", "--format", "github"], capsys)
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("::error file=news/a.txt,line=3,col=")
    assert ",endLine=3,endColumn=" in lines[0]
    assert ",title=unsourced-casualty (unsourced-number)::" in lines[0]
    assert lines[1].startswith("::warning file=news/a.txt,line=5,")
    assert err == ""


def test_info_is_notice_and_errors_are_annotated():
    loc = Location(0, 1, 1, 1, 1, 2, "x")
    out = github.render([
        FileResult("a.txt", [Finding("r", "c", "info", "m", loc)]),
        FileResult("b.txt", error="b.txt: no such file"),
    ])
    first, second = out.splitlines()
    assert first.startswith("::notice file=a.txt,line=1,col=1,endLine=1,endColumn=2,title=r (c)::m")
    assert second.startswith("::error file=b.txt,") and second.endswith("::b.txt: no such file")


def test_escaping():
    assert github.escape_data("100% a\r\nb: c, d") == "100%25 a%0D%0Ab: c, d"
    assert github.escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    loc = Location(0, 1, 1, 1, 1, 2, "x")
    out = github.render([FileResult("dir,x/a:b.txt", [Finding("r", "c:1", "error", "line1\nline2 100%", loc)])])
    assert out == ("::error file=dir%2Cx/a%3Ab.txt,line=1,col=1,endLine=1,endColumn=2,title=r (c%3A1)"
                   "::line1%0Aline2 100%25\n")
