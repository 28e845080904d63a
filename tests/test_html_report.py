"""`--format html` in a real browser: headless Chromium (Debian's `chromium` and `chromium-driver`) driven
by Selenium, one browser for the module. Outside CI the browser tests skip, saying why, when no
browser is installed; in CI (CI=true, which .ci/run sets) they fail instead: the gate never silently
skips. The run saves build/browser/seed-report.png (the seed article's report) and
build/browser/timing.json (how long the 10,000-word report takes to load and paint)."""
from __future__ import annotations

import base64
import json
import os
import shutil
import tempfile
from pathlib import Path

import html5lib
import pytest

from tests.ci_support import ARTICLE, cli, write
from tests.conftest import FIXTURES, ROOT, SHARED

SEED = SHARED / "corpus" / "seed-article.txt"
OUT = ROOT / "build" / "browser"
CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,800"]

HOSTILE = """تقرير <script>window.__pwned = 1</script> عن الغارات

حلب - أسفرت غارات جوية عن مقتل 15 مدنيا <img src=x onerror="window.__pwned = 2"> في بلدة شمالية.

وقال مصدر مطلع إن "الطائرات </script><script>window.__pwned = 3</script> حلقت فوق المنطقة" لساعات.
"""


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _browser_paths() -> tuple[str | None, str | None]:
    binary = next((p for p in (shutil.which(n) for n in ("chromium", "chromium-browser")) if p), None)
    driver = shutil.which("chromedriver") or ("/usr/bin/chromedriver" if Path("/usr/bin/chromedriver").exists() else None)
    return binary, driver


@pytest.fixture(scope="module")
def browser():
    binary, driver_path = _browser_paths()
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        binary = None
    if not binary or not driver_path:
        reason = ("no headless browser: install Debian's chromium and chromium-driver "
                  "(apt-get install -y chromium chromium-driver) and run `uv sync`")
        if _in_ci():
            pytest.fail(f"{reason}; CI runs the browser tests and must not skip them")
        pytest.skip(reason)
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    profile = tempfile.mkdtemp(prefix="validate-chromium-")
    for flag in [*CHROME_FLAGS, f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(driver_path), options=options)  # a driver path: no Selenium Manager
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _report(tmp_path: Path, monkeypatch, capsys, article: Path, *extra) -> tuple[Path, list[dict]]:
    """The article's HTML report and its findings (from the JSON report of the same run's options)."""
    monkeypatch.chdir(tmp_path)
    page = tmp_path / "report.html"
    code, _, err = cli([article, "-f", "html", "-o", page, *extra], capsys)
    assert code in (0, 1), err
    _, out, _ = cli([article, "-f", "json", *extra], capsys)
    return page, json.loads(out)["files"][0]["findings"]


def _marks(driver) -> list[dict]:
    return driver.execute_script(
        "return [...document.querySelectorAll('mark[data-finding]')].map(m => ({i: +m.dataset.finding, "
        "rule: m.dataset.rule, severity: m.dataset.severity, text: m.textContent}))")


def _parse_errors(page: str) -> list:
    parser = html5lib.HTMLParser(strict=False)
    parser.parse(page)
    return parser.errors


@pytest.mark.skipif(not SEED.exists(), reason="shared corpus not present beside the checkout")
def test_seed_report_marks_every_finding_and_list_entries_scroll_to_them(browser, tmp_path, monkeypatch, capsys):
    page, findings = _report(tmp_path, monkeypatch, capsys, SEED, "--structures")
    assert _parse_errors(page.read_text(encoding="utf-8")) == []
    browser.set_window_size(1280, 800)
    browser.get(page.as_uri())
    marks = _marks(browser)
    assert [m["i"] for m in marks] == list(range(len(findings))) and findings
    assert [(m["rule"], m["severity"]) for m in marks] == [(f["rule"], f["severity"]) for f in findings]
    assert [m["text"] for m in marks] == [f["text"] for f in findings]  # no span here crosses another

    in_view = ("const r = arguments[0].getBoundingClientRect();"
               "return r.bottom > 0 && r.top < window.innerHeight && r.height > 0;")
    below = [m["i"] for m in marks
             if not browser.execute_script(in_view, browser.find_element("css selector", f'mark[data-finding="{m["i"]}"]'))]
    assert below, "the test needs a finding below the fold"
    i = below[-1]
    browser.find_element("css selector", f'ol.findings button[data-target="{i}"]').click()
    mark = browser.find_element("css selector", f'mark[data-finding="{i}"]')
    assert browser.execute_script(in_view, mark)
    assert "active" in mark.get_attribute("class")
    detail = browser.find_element("id", "detail")
    assert detail.is_displayed() and findings[i]["message"] in detail.text

    OUT.mkdir(parents=True, exist_ok=True)
    browser.execute_script("window.scrollTo(0, 0)")
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(1280, min(height + 140, 4000))
    assert browser.save_screenshot(str(OUT / "seed-report.png"))
    browser.set_window_size(1280, 800)

    # on paper: no filters or detail box, the marks keep their colours, and Chromium prints it
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    assert not browser.find_element("css selector", ".filters").is_displayed()
    assert browser.execute_script("return getComputedStyle(document.querySelector('mark.hl')).printColorAdjust") == "exact"
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    pdf = base64.b64decode(browser.print_page())
    assert pdf.startswith(b"%PDF")
    (OUT / "seed-report.pdf").write_bytes(pdf)

    # the severity filter hides the list entries and the marks of that severity
    sev = findings[0]["severity"]
    browser.find_element("css selector", f'.filters input[data-severity="{sev}"]').click()
    entry = browser.find_element("css selector", 'ol.findings button[data-target="0"]')
    assert not entry.is_displayed()
    assert browser.execute_script("return getComputedStyle(document.querySelector('mark[data-finding=\"0\"]'))"
                                  ".backgroundColor") == "rgba(0, 0, 0, 0)"


def test_no_script_from_the_article_runs(browser, tmp_path, monkeypatch, capsys):
    article = write(tmp_path / "hostile.txt", HOSTILE)
    page, findings = _report(tmp_path, monkeypatch, capsys, article, "--structures", "--lang", "en")
    source = page.read_text(encoding="utf-8")
    assert _parse_errors(source) == []
    assert '<html lang="en" dir="ltr">' in source and '<article class="text" lang="ar" dir="rtl">' in source
    browser.get(page.as_uri())
    assert browser.execute_script("return window.__pwned === undefined")
    assert browser.execute_script("return document.querySelectorAll('img').length") == 0
    assert browser.execute_script("return document.scripts.length") == 2  # the report's data and its own code
    text = browser.find_element("css selector", "article.text").text
    assert "<script>window.__pwned = 1</script>" in text and 'onerror="window.__pwned = 2"' in text
    assert len(_marks(browser)) == len(findings) >= 2
    browser.find_element("css selector", 'ol.findings button[data-target="0"]').click()
    assert findings[0]["message"] in browser.find_element("id", "detail").text


def test_a_folder_of_articles_is_pages_and_an_index(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "in" / "aleppo.txt", ARTICLE)
    write(tmp_path / "in" / "hostile.txt", HOSTILE)
    code, _, err = cli(["in", "-f", "html", "-o", "site"], capsys)
    assert code == 1 and "2 article page(s)" in err
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in index and _parse_errors(index) == []
    pages = sorted((tmp_path / "site" / "pages").glob("*.html"))
    assert [p.name for p in pages] == ["0001-aleppo.html", "0002-hostile.html"]
    assert 'href="pages/0001-aleppo.html"' in index and "رقم بلا مصدر" in index
    assert all(_parse_errors(p.read_text(encoding="utf-8")) == [] for p in pages)
    code, _, err = cli(["in", "-f", "html"], capsys)
    assert code == 2 and "--output" in err


def test_ten_thousand_word_report_loads_and_marks_every_finding(browser, tmp_path, monkeypatch, capsys):
    """A benchmark figure, recorded in build/browser/timing.json and printed; not a timed assertion."""
    bodies = []
    for f in sorted(FIXTURES.glob("*.txt")):
        if ".cp1256." in f.name or ".crlf." in f.name:
            continue
        bodies += [line for line in f.read_text(encoding="utf-8").splitlines()[2:] if line.strip()]
    words, paragraphs = 0, []
    while words < 10_000:
        para = bodies[len(paragraphs) % len(bodies)]
        paragraphs.append(para)
        words += len(para.split())
    article = write(tmp_path / "long.txt", "تقرير مطول من عدة مدن\n\n" + "\n".join(paragraphs) + "\n")
    page, findings = _report(tmp_path, monkeypatch, capsys, article)
    browser.get(page.as_uri())
    # load: parsed, styled, the report's script run; a frame after it: laid out and painted (an upper
    # bound, since the driver asks only once the page has loaded)
    timing = browser.execute_async_script(
        "const done = arguments[arguments.length - 1], n = performance.getEntriesByType('navigation')[0];"
        "const paint = performance.getEntriesByType('paint').map(p => [p.name, p.startTime]);"
        "requestAnimationFrame(() => requestAnimationFrame(() => done({"
        " dom_content_loaded_ms: n.domContentLoadedEventEnd, load_ms: n.loadEventEnd,"
        " paint: Object.fromEntries(paint), frame_after_load_ms: performance.now()})));")
    assert len(_marks(browser)) == len(findings) > 60
    timing |= {"words": words, "findings": len(findings), "bytes": page.stat().st_size}
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "timing.json").write_text(json.dumps(timing, indent=2) + "\n", encoding="utf-8")
    print(f"\n10,000-word report: {timing}")


def test_overlapping_spans_each_have_one_highlight_and_keep_their_text():
    from validator import document
    from validator.findings import Finding
    from validator.report.html import article_html

    text = "عنوان الخبر\n\nبغداد - قال مصدر مطلع إن 15 مدنيا قتلوا <b> في القصف.\nوأضاف المصدر أن الحصيلة مرشحة للارتفاع.\n"
    doc = document.build(text)

    def finding(rule, a, b):
        return Finding(rule, "c", "warning", f"m {rule}", doc.location(a, b))

    start = text.index("مصدر مطلع")
    spans = [finding("outer", start, text.index("في القصف")), finding("inner", start + 4, start + 9),
             finding("crossing", text.index("15"), text.index("وأضاف") + 5),  # crosses into the next paragraph
             finding("empty", len(text) - 1, len(text) - 1)]                   # after the last paragraph
    out = article_html(text, spans)
    assert _parse_errors(f"<!DOCTYPE html><html><head><title>t</title></head><body>{out}</body></html>") == []
    tree = html5lib.parse(f"<body>{out}</body>", namespaceHTMLElements=False)
    for i, f in enumerate(spans):
        first = tree.findall(f'.//mark[@data-finding="{i}"]')
        assert len(first) == 1 and first[0].get("data-rule") == f.rule
        pieces = first + tree.findall(f'.//mark[@data-of="{i}"]')
        assert "".join("".join(p.itertext()) for p in pieces) == f.location.text.replace("\n", "")
    assert "&lt;b&gt;" in out and "<b>" not in out
