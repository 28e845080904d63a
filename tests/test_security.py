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


# -- folder walks -------------------------------------------------------------------------------------

def _run_without_read_override(*args, cwd):
    """The command as a user whose permissions count: root reads everything, so the child drops the
    capabilities that let it (util-linux `setpriv`); where that cannot be done the test is skipped."""
    import shutil
    import subprocess
    import sys

    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("setpriv (util-linux) not found")
    drop = "-dac_override,-dac_read_search"
    cmd = [setpriv, f"--inh-caps={drop}", f"--bounding-set={drop}", sys.executable, "-m", "validator",
           *map(str, args)]
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    p = subprocess.run(cmd, capture_output=True, cwd=Path(__file__).resolve().parent.parent, env=env,
                       timeout=120)
    if p.returncode != 0 and b"setpriv:" in p.stderr:
        pytest.skip(f"cannot drop capabilities here: {p.stderr.decode().strip()}")
    return p.returncode, p.stdout.decode(), p.stderr.decode()


@pytest.fixture
def open_tree(tmp_path):
    root = tmp_path / "news"
    (root / "ok").mkdir(parents=True)
    (root / "ok" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    yield root
    for p in root.rglob("*"):
        if p.is_dir():
            p.chmod(0o755)


def test_an_unreadable_folder_argument_fails_the_gate(open_tree):
    locked = open_tree / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(ARTICLE, encoding="utf-8")
    locked.chmod(0)
    code, out, err = _run_without_read_override(locked, "--fail-on", "never", cwd=open_tree.parent)
    assert code == 2, (out, err)
    assert "cannot read folder (Permission denied)" in err and "Traceback" not in err


def test_an_unreadable_subfolder_is_not_skipped_in_silence(open_tree):
    (open_tree / "locked").mkdir()
    (open_tree / "locked").chmod(0)
    code, out, err = _run_without_read_override(open_tree, "--fail-on", "never", cwd=open_tree.parent)
    assert code == 2, (out, err)
    assert "locked: cannot read folder" in err


def test_a_folder_nested_1200_deep(tmp_path):
    from validator import run as runner

    deep = tmp_path
    for _ in range(1200):  # os.makedirs itself recurses
        deep = deep / "d"
        deep.mkdir()
    (deep / "a.txt").write_text("x", encoding="utf-8")
    try:
        assert runner.plan([str(tmp_path)]).files == [str(deep / "a.txt")]
    finally:  # pytest's own clean-up of old temporary folders recurses: leave nothing this deep
        (deep / "a.txt").unlink()
        while deep != tmp_path:
            deep.rmdir()
            deep = deep.parent


def test_links_out_of_the_walked_tree_are_not_followed(tmp_path):
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "creds").write_text("password: hunter2 " + ARTICLE, encoding="utf-8")
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "real.txt").write_text(ARTICLE, encoding="utf-8")
    (articles / "evil.txt").symlink_to(secret / "creds")
    (articles / "inside.txt").symlink_to(articles / "real.txt")
    code, out, err = run(articles, "--fail-on", "never", "-f", "json")
    assert code == 0
    assert "hunter2" not in out + err
    assert "evil.txt: a link leading out of" in err
    import json
    assert sorted(Path(f["path"]).name for f in json.loads(out)["files"]) == ["inside.txt", "real.txt"]
