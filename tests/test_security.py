"""What a hostile file, configuration or interrupt cannot do (docs/security.md lists each promise with
the test that holds it). Special files are real ones, not mocks."""
from __future__ import annotations

import os
import re
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


def test_a_failed_write_keeps_the_earlier_file(tmp_path, monkeypatch):
    import errno

    target = tmp_path / "report.json"
    target.write_text("old")

    def disk_full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OutputError, match=r"report.json: cannot write report \(No space left on device\)$"):
        write_text(target, "new" * 1000)
    assert target.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["report.json"]


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


# -- files that steer a run: configuration, baseline, ignore files ---------------------------------------

def _loaders():
    from validator import baseline, config, suppress

    return {"config": (config.load, config.ConfigError), "baseline": (baseline.load, baseline.BaselineError),
            "ignore": (suppress.load_central, suppress.SuppressionError)}


@pytest.mark.parametrize("kind, text", [
    ("config", "exclude = " + "[" * 5000),
    ("baseline", "[" * 5000),
    ("ignore", "[[ignore]]\nrule = " + "[" * 5000),
    ("baseline", '{"version": ' + "1" * 5000 + ', "files": {}}'),
    ("config", "disable = [" + "9" * 5000 + "]"),
])
def test_what_the_parsers_cannot_hold_is_one_line(tmp_path, kind, text):
    load, error = _loaders()[kind]
    path = tmp_path / "settings"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(error, match="nested too deeply|a number longer than") as e:
        load(path)
    assert "\n" not in e.value.one_line()


@pytest.mark.parametrize("kind, text, message", [
    ("config", 'rules = ["a\\nb"]\n', r"'rules' path 'a\\nb' does not exist$"),
    ("config", 'rules = ["\\u0000"]\n', r"'rules' path '\\x00' cannot be used \(embedded null byte\)$"),
    ("ignore", '[[ignore]]\npath = "a\\u0000"\nrule = "x"\nline = 3\n', "an article path with a NUL character$"),
])
def test_values_quoted_from_a_settings_file_stay_on_one_line(tmp_path, kind, text, message):
    """Found by the settings fuzzer (benchmarks/fuzz_long.py --only settings): a newline broke the
    line, a NUL raised ValueError from deep in pathlib."""
    load, error = _loaders()[kind]
    path = tmp_path / "settings"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(error) as e:
        load(path)
    assert "\n" not in e.value.one_line() and re.search(message, e.value.one_line()), e.value.one_line()


@pytest.mark.parametrize("kind", ["config", "baseline", "ignore"])
def test_special_files_are_never_read_as_settings(tmp_path, kind):
    load, error = _loaders()[kind]
    with pytest.raises(error, match="not a regular file"):
        load(Path("/dev/zero"))      # read whole, it ended in MemoryError
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    outcome = []

    def attempt():                   # opened, a FIFO without a writer blocks forever
        try:
            load(fifo)
        except error as e:
            outcome.append(str(e))
    reader = threading.Thread(target=attempt, daemon=True)
    reader.start()
    reader.join(timeout=10)
    if reader.is_alive():            # free the thread before failing
        with open(fifo, "w"):
            pass
    assert outcome and "not a regular file" in outcome[0]


def test_a_settings_file_has_a_size_limit(tmp_path, monkeypatch):
    from validator import settings_file

    monkeypatch.setattr(settings_file, "MAX_SETTINGS_BYTES", 100)
    path = tmp_path / "big.json"
    path.write_text("[" + "1," * 100 + "1]")
    with pytest.raises(settings_file.SettingsFileError, match=r"^203 bytes; the limit is 100 bytes$"):
        settings_file.read_settings(path, limit=settings_file.MAX_SETTINGS_BYTES)


def test_a_bad_glob_is_a_config_error_with_its_position(tmp_path):
    from validator import config

    path = tmp_path / "validate.toml"
    path.write_text('fail-on = "never"\nexclude = ["*.md", "[z-a]"]\n', encoding="utf-8")
    with pytest.raises(config.ConfigError) as e:
        config.load(path)
    assert e.value.one_line().endswith("validate.toml:2:20: exclude glob '[z-a]': bad character range z-a")


def test_glob_matching_takes_linear_time():
    """A backtracking regex took > 60 s on this; the alarm is 2 s, the matcher needs microseconds."""
    import signal

    from validator.config import glob_match

    def too_slow(signum, frame):
        raise TimeoutError("glob matching backtracks")
    old = signal.signal(signal.SIGALRM, too_slow)
    signal.setitimer(signal.ITIMER_REAL, 2)
    try:
        assert not glob_match("*a*a*a*a*a*a*a*a*a*a*b", "a" * 60)
        assert glob_match("*a*a*a*a*a*a*a*a*a*a*b", "x/" + "a" * 60 + "b")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def test_settings_and_config_errors_end_the_run_with_one_line(article):
    code, out, err = run(article, "--config", "/dev/zero")
    assert (code, out) == (2, "")
    assert err == "/dev/zero:1:1: cannot use configuration: not a regular file\n"


# -- stopped runs -----------------------------------------------------------------------------------

def test_a_reader_that_goes_away_ends_the_run_quietly(article):
    import subprocess
    import sys

    read_end, write_end = os.pipe()
    os.close(read_end)               # `validate -f jsonl | head -0`: every write meets a closed pipe
    p = subprocess.run([sys.executable, "-m", "validator", str(article), "-f", "jsonl"], stdout=write_end,
                       stderr=subprocess.PIPE, timeout=120, cwd=article.parent)
    os.close(write_end)
    assert (p.returncode, p.stderr) == (141, b"")


@pytest.mark.parametrize("signal_name, code, message", [("SIGINT", 130, "interrupted"),
                                                         ("SIGTERM", 143, "terminated")])
def test_an_interrupted_parallel_run_ends_cleanly(tmp_path, signal_name, code, message):
    """Ctrl-C reaches the whole process group (workers too); SIGTERM only the parent. Either way:
    the exit code of the signal, one line, no worker traceback, no half jsonl line."""
    import json
    import signal
    import subprocess
    import sys

    for i in range(300):
        (tmp_path / f"a{i:03d}.txt").write_text(ARTICLE, encoding="utf-8")
    p = subprocess.Popen([sys.executable, "-m", "validator", ".", "-f", "jsonl", "--jobs", "2"], cwd=tmp_path,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True, bufsize=0,
                         env=dict(os.environ, PYTHONIOENCODING="utf-8"))
    first = p.stdout.readline()      # the pool is running (unbuffered: communicate() reads the pipe itself)
    sig = getattr(signal, signal_name)
    if sig == signal.SIGINT:
        os.killpg(p.pid, sig)
    else:
        p.send_signal(sig)
    out, err = p.communicate(timeout=60)
    assert p.returncode == code, err
    assert err.decode() == f"validate: {message}\n"
    lines = (first + out).decode().splitlines(keepends=True)
    assert 0 < len(lines) < 1200 and all(line.endswith("\n") and json.loads(line) for line in lines)


def test_jobs_are_capped_at_the_cpus():
    from validator import run as runner

    assert runner.worker_count(400, 10_000) == runner.cpus() <= (os.cpu_count() or 1)
    assert runner.worker_count(400, 1) == 1
    assert runner.worker_count(None, 10_000) == runner.cpus()


# -- what reaches a terminal or a CI log -------------------------------------------------------------

HOSTILE_NAME = "x\n::error file=README.md,line=1::forged.txt"
HOSTILE_TEXT = "\x1b]0;pwned\x07\x1b[2J\u202eabc\u2066"


def _hostile_result(extra: str = ""):
    from validator.findings import FileResult, Finding, Location

    text = f"وقال مصدر مطلع {HOSTILE_TEXT} إن الطائرات حلقت."
    start = text.index("مصدر")
    loc = Location(start, start + 9, 1, start + 1, 1, start + 10, text[start:start + 9])
    finding = Finding("unnamed-source", "unnamed-source", "warning", f"المصدر «{HOSTILE_TEXT}{extra}» مجهول", loc,
                      fingerprint="fp:0", suggestion=f"مصدر{HOSTILE_TEXT}")
    return FileResult(HOSTILE_NAME, [finding], text=text)


def _assert_nothing_raw(output: str) -> None:
    for raw in ("\x1b", "\x07", "\u202e", "\u2066", "\n::error file=README.md"):
        assert raw not in output, (raw, output)


def test_text_and_github_reports_show_control_characters_as_escapes():
    from validator.report import github, text

    result = _hostile_result()
    report = text.render([result], color=False)
    _assert_nothing_raw(report.replace("\u2067", "").replace("\u2069", "").replace("\n", "", report.count("\n")))
    assert "\\x1b]0;pwned\\x07" in report and "\\u202e" in report and "x\\n::error" in report
    assert len(report.splitlines()) == 4  # the finding, its excerpt, the suggestion, the summary
    annotations = github.render([result])
    _assert_nothing_raw(annotations[:-1])
    assert annotations.count("\n") == 1 and "file=x%0A%3A%3Aerror" in annotations


def test_an_unreadable_file_with_a_hostile_name_is_one_line_on_stderr(tmp_path):
    bad = tmp_path / HOSTILE_NAME
    bad.write_bytes(b"\x00\x01\x02binary")
    code, out, err = run(bad.name, "-f", "github", cwd=tmp_path)
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("error: x\\n::error file=README.md")
    assert out.count("\n") == 1 and out.startswith("::error file=x%0A%3A%3Aerror")


def test_fix_reports_show_control_characters_as_escapes():
    from validator.fix import Change, FixResult, report_lines

    result = FixResult(HOSTILE_NAME, [Change(1, 5, "house-style", f"تليفون{HOSTILE_TEXT}", "هاتف")])
    lines = report_lines(result, "en")
    assert len(lines) == 2
    _assert_nothing_raw("\n".join(lines).replace("\n", "", 1))
    assert "\\x1b]0;pwned\\x07" in lines[1]


def test_junit_drops_characters_xml_cannot_carry():
    import xml.dom.minidom

    from validator.report import junit

    result = _hostile_result("\ufffe\uffff\udc80")
    result.path = "news/\uffffa.txt"
    xml.dom.minidom.parseString(junit.render([result]).encode("utf-8"))


# -- sidecars ---------------------------------------------------------------------------------------

def test_a_sidecar_link_out_of_the_articles_folder_is_not_read(tmp_path):
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "pw").write_text("hunter2 hunter2\n", encoding="utf-8")
    news = tmp_path / "news"
    news.mkdir()
    (news / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (news / "b.txt.validate-ignore").symlink_to(secret / "pw")
    code, out, err = run(news / "b.txt", "-f", "json")
    assert code == 2 and "hunter2" not in out + err
    assert "b.txt.validate-ignore:1:1: a link leading out of the article's folder; not read" in err


# -- rule patterns: bounded to compile, bounded to run -----------------------------------------------------

PATTERN_RULE = ("rule {id}\n  category test\n  severity warning\n  message en \"x {{text}}\"\n"
                "  for each sentence where text matches \"{pattern}\"\n  forbid\n")


def test_a_pattern_too_large_to_compile_is_refused_at_load_under_a_memory_cap(tmp_path, article):
    """Compiled, this pattern took 24 GB; under a 1.5 GB address-space cap it exited 2 with no reason."""
    import resource
    import subprocess
    import sys

    bomb = tmp_path / "bomb.rule"
    bomb.write_text(PATTERN_RULE.format(id="bomb", pattern="(?:(?:(?:a{1000}){1000}){1000})"), encoding="utf-8")

    def cap_memory():
        resource.setrlimit(resource.RLIMIT_AS, (1536 * 1024 * 1024,) * 2)
    p = subprocess.run([sys.executable, "-m", "validator", "--rules", str(bomb), str(article)], capture_output=True,
                       timeout=120, preexec_fn=cap_memory, env=dict(os.environ, PYTHONIOENCODING="utf-8"))
    err = p.stderr.decode()
    assert p.returncode == 2 and p.stdout == b""
    assert err.startswith(f"{bomb}:5:27: pattern too large: its repeats make more than 100,000 copies"), err


def test_a_pattern_has_one_time_budget_for_the_run_not_one_per_text(validator):
    """Each sentence costs this pattern ~30 ms, under the old 0.25 s a text: 40 of them ran 1 s+ and
    passed. The budget is the rule's for the run (0.25 s + 1 µs a character): it fails closed."""
    from validator.rules.engine import Engine, RulePatternTimeout
    from validator.rules.loader import load_text

    rules = load_text(PATTERN_RULE.format(id="slow", pattern="(?:ا|اا)+$"), "slow.rule")
    article = validator.extract_text(" ".join(["ا" * 24 + "!"] * 40) + "\n", "many.txt")
    with pytest.raises(RulePatternTimeout) as e:
        Engine(rules, validator.lexicons).run(article)
    assert e.value.one_line().startswith("slow.rule:5:") and "time budget" in e.value.one_line()


# -- smaller promises ---------------------------------------------------------------------------------

def test_the_size_limit_is_said_exactly(validator, tmp_path):
    from validator import document

    path = tmp_path / "big.txt"
    with open(path, "wb") as fh:
        fh.truncate(document.MAX_BYTES + 1)  # sparse: "file is 20 MB; larger than 20 MB are refused" before
    result = validator.validate_file(str(path))
    assert result.error == (f"{path}: too large to be an article: {document.MAX_BYTES + 1:,} bytes; "
                            f"the limit is {document.MAX_BYTES:,} bytes")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_read_not_called_binary(validator, tmp_path, encoding):
    path = tmp_path / "a.txt"
    path.write_bytes(ARTICLE.encode(encoding))
    result = validator.validate_file(str(path))
    assert result.error is None and result.encoding == encoding and result.text == ARTICLE
    assert [f.rule for f in result.findings] == [f.rule for f in validator.validate_text(ARTICLE, "a.txt").findings]


def test_a_bool_is_not_a_number_in_a_baseline_or_an_ignore_file(tmp_path):
    from validator import baseline, suppress

    path = tmp_path / "baseline.json"
    path.write_text('{"version": true, "files": {}}', encoding="utf-8")
    with pytest.raises(baseline.BaselineError, match="not a version 1 baseline"):
        baseline.load(path)
    path = tmp_path / "ignore.toml"
    path.write_text('[[ignore]]\npath = "a.txt"\nrule = "unnamed-source"\nline = true\n', encoding="utf-8")
    with pytest.raises(suppress.SuppressionError, match="line must be a positive integer, not True"):
        suppress.load_central(path)


def test_extract_reads_html_without_its_markup(tmp_path, monkeypatch, capsys):
    import json

    from tests.ci_support import cli

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.html").write_text("<html><head><script>var total = 987654;</script></head><body><p>"
                                     + ARTICLE.replace("\n\n", "</p><p>") + "</p></body></html>", encoding="utf-8")
    code, out, err = cli(["extract", "a.html"], capsys)
    assert code == 0, err
    numbers = [n["text"] for n in json.loads(out)["files"][0]["numbers"]]
    assert "987654" not in numbers and "15" in numbers


def test_every_test_docs_security_names_exists():
    """docs/security.md holds each promise with its test: a renamed or removed test must not leave a
    promise that nothing holds."""
    root = Path(__file__).resolve().parent
    names = re.findall(r"`((?:\w+\.py::)?test_\w+)`", (root.parent / "docs" / "security.md").read_text(encoding="utf-8"))
    assert len(names) > 30
    for name in names:
        file, _, test = name.rpartition("::")
        assert f"def {test}(" in (root / (file or "test_security.py")).read_text(encoding="utf-8"), name
