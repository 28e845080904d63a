"""Many files: parallel workers, input order kept, unreadable files reported, progress only on a TTY."""
from __future__ import annotations

import json
import sys

from tests.ci_support import ARTICLE, CLEAN, WARNINGS, cli, write
from validator import run


def _tree(tmp_path):
    texts = [ARTICLE, CLEAN, WARNINGS]
    for i in range(7):
        write(tmp_path / "news" / f"{i:02d}.txt", texts[i % 3])
    write(tmp_path / "news" / "sub" / "z.md", "# عنوان\n\n" + ARTICLE.split("\n", 2)[2])
    (tmp_path / "news" / "03.txt").write_bytes(b"\x00\x01binary")  # unreadable
    write(tmp_path / "news" / ".hidden" / "h.txt", ARTICLE)         # hidden folders are not walked


def test_parallel_output_equals_serial_output_in_input_order(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    _tree(tmp_path)
    monkeypatch.setattr(run, "MIN_FILES_FOR_POOL", 2)
    code1, serial, err1 = cli(["news", "-f", "json", "--jobs", "1"], capsys)
    code2, parallel, err2 = cli(["news", "-f", "json", "--jobs", "3"], capsys)
    assert serial == parallel and err1 == err2 and code1 == code2 == 2
    files = json.loads(serial)["files"]
    assert [f["path"] for f in files] == [f"news/{i:02d}.txt" for i in range(7)] + ["news/sub/z.md"]
    bad = files[3]
    assert "binary file" in bad["error"] and err1.count("error:") == 1
    assert all(f["findings"] for i, f in enumerate(files) if i % 3 == 0 and i != 3)
    assert files[-1]["findings"]  # the others were all validated


def test_a_pool_is_used_for_many_files_and_streams_in_order(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    _tree(tmp_path)
    contexts = []
    import multiprocessing  # imported by the runner only when it starts a pool

    real = multiprocessing.get_context
    monkeypatch.setattr(multiprocessing, "get_context", lambda *a: contexts.append(a) or real(*a))
    code, out, _ = cli(["news", "-f", "jsonl", "-j", "2"], capsys)
    assert contexts, "no process pool was started"
    paths = [json.loads(line)["path"] for line in out.splitlines()]
    assert paths == sorted(paths, key=lambda p: (p.count("/"), p)) and code == 2
    assert "news/03.txt" in paths and "news/sub/z.md" in paths
    contexts.clear()
    cli(["news/00.txt", "news/01.txt", "-j", "2"], capsys)
    assert not contexts  # two files: not worth a pool


def test_progress_bar_only_on_a_tty_stderr(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    for i in range(12):
        write(tmp_path / "many" / f"{i:02d}.txt", CLEAN)
    code, out, err = cli(["many", "-f", "jsonl", "-j", "1"], capsys)
    assert code == 0 and out.count('"findings": 0') == 12 and err == ""  # not a TTY: no progress
    capsys.readouterr()
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    code, out, err = cli(["many", "-f", "sarif", "-j", "1"], capsys)
    assert code == 0 and "12/12" in err and "\r" not in out and "\x1b" not in out
    json.loads(out)


def test_a_window_bounds_the_items_handed_to_the_pool(tmp_path, monkeypatch):
    # the corpus engines take results slower than workers make them: at most `window` may wait
    _tree(tmp_path)
    p = run.plan([str(tmp_path / "news")])
    handed = []
    real = run._throttled
    monkeypatch.setattr(run, "_throttled", lambda items, slots, stop: (handed.append(i) or i for i in
                                                                       real(items, slots, stop)))
    produced = run.produce(p, jobs=2, window=2)
    first = next(produced)
    import time

    time.sleep(0.5)   # the workers would take every item if nothing held them back
    items = list(p.items)
    assert first[1].path == items[0].path and 2 <= len(handed) <= 3
    assert [r.path for _, r in produced] == [i.path for i in items[1:]]
    ended = run.produce(p, jobs=2, window=1)
    next(ended)
    ended.close()   # a run that stops early ends its pool, never waits for a slot


def test_a_folder_is_listed_as_it_is_read_and_overlapping_arguments_once(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _tree(tmp_path)
    p = run.plan(["news"])
    assert [type(s).__name__ for s in p.sources] == ["Folder"] and len(p.items) == 8   # no list of paths kept
    assert list(p.items) == list(p.items) and not p.overlapping
    both = run.plan(["news/01.txt", "news", "news/sub", "news/"])
    assert both.overlapping and len(both.items) == 8
    assert [i.path for i in both.items][:2] == ["news/01.txt", "news/00.txt"]
