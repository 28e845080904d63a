"""What a hostile file, configuration or interrupt cannot do (docs/security.md lists each promise with
the test that holds it). Special files are real ones, not mocks."""
from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from tests.test_hardening import ARTICLE, run
from validator.outfile import OutputError, write_text


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


# -- output files -------------------------------------------------------------------------------------

def test_dev_null_stays_a_device(article):
    code, out, err = run(article, "-f", "json", "-o", "/dev/null")
    assert (code, out, err) == (1, "", "")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_fifo_is_written_into_not_replaced(article, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text(encoding="utf-8")))
    reader.start()
    code, _, err = run(article, "--baseline-write", fifo)
    reader.join(timeout=30)
    assert code == 0 and "recorded" in err
    assert got and got[0].startswith('{\n  "version": 1')
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_an_input_is_never_overwritten_by_any_output(article):
    before = article.read_bytes()
    for option in ("--baseline-write", "-o"):
        code, _, err = run(article, option, article)
        assert code == 2 and err.strip().endswith("refusing to overwrite an input article with the "
                                                  + ("baseline" if option == "--baseline-write" else "report"))
        assert err.count("\n") == 1
    assert article.read_bytes() == before


def test_a_hard_link_to_an_input_is_the_input(article):
    link = article.with_name("other-name.json")
    os.link(article, link)
    with pytest.raises(OutputError, match="refusing to overwrite an input"):
        write_text(link, "{}", inputs=[str(article)])


def test_an_output_name_as_long_as_the_system_allows(tmp_path):
    target = tmp_path / ("r" * 250)
    write_text(target, "ok\n")
    assert target.read_text() == "ok\n"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary file left behind


def test_a_name_too_long_is_one_line(tmp_path):
    with pytest.raises(OutputError, match=r"cannot write report \(file name too long\)$"):
        write_text(tmp_path / ("r" * 300), "x")


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(OutputError, match=r"cannot write report \(a directory\)$"):
        write_text(tmp_path, "x")


def test_the_mode_of_a_replaced_file_is_kept(tmp_path):
    target = tmp_path / "report.json"
    target.write_text("old")
    target.chmod(0o640)
    write_text(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640 and target.read_text() == "new"
