"""`--format html`: the article as published (headline, dateline, paragraphs), every finding marked
where it is, a side panel of findings by category, severity filters and a summary.

One self-contained page per article: inline CSS and JS, no remote asset, readable offline and on
paper. Every piece of article text goes through `escape`; the findings travel to the script as JSON
inside a `type="application/json"` block with `<`, `>` and `&` escaped, and the script writes them
with `textContent` only, so nothing an article contains can become markup or code.

Overlapping spans: the text is cut at every span boundary and each piece is wrapped in one `<mark>`
per finding covering it, outermost first. The first piece of a finding carries `data-finding`
(exactly one element per finding); later pieces carry `data-of`.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape

from validator import document
from validator.findings import SEVERITIES, FileResult, Finding
from validator.messages import messages

_AR_FONTS = ('"Noto Naskh Arabic", "Amiri", "Scheherazade New", "Traditional Arabic", "Geeza Pro", '
             '"Noto Sans Arabic", "Segoe UI", Tahoma, "DejaVu Sans", serif')
_UI_FONTS = ('"Noto Sans Arabic", "Segoe UI", Tahoma, "Geeza Pro", "DejaVu Sans", "Noto Sans", '
             'Arial, sans-serif')

CSS = """
:root { --error: #c62828; --warning: #b26a00; --info: #1565c0;
  --error-bg: rgba(229, 57, 53, .22); --warning-bg: rgba(255, 179, 0, .30); --info-bg: rgba(30, 136, 229, .16); }
* { box-sizing: border-box; }
body { margin: 0; font-family: %(ui)s; color: #1b1b1b; background: #fafafa; line-height: 1.6; }
header.summary { padding: .8rem 1.2rem; background: #fff; border-bottom: 1px solid #ddd; }
header.summary h1 { font-size: 1.15rem; margin: 0 0 .3rem; }
.meta { color: #555; font-size: .9rem; margin: 0; }
.counts { display: flex; flex-wrap: wrap; gap: .4rem; margin: .5rem 0 0; padding: 0; list-style: none; }
.counts li { padding: .1rem .6rem; border-radius: 1rem; background: #eee; font-size: .9rem; }
.counts li.sev-error { background: var(--error-bg); } .counts li.sev-warning { background: var(--warning-bg); }
.counts li.sev-info { background: var(--info-bg); }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 24rem; gap: 1rem; padding: 1rem 1.2rem; }
article.text { background: #fff; padding: 1.2rem 1.6rem; border: 1px solid #e0e0e0; border-radius: 6px;
  font-family: %(ar)s; font-size: 1.22rem; line-height: 2.1; }
article.text h2.headline { font-size: 1.6rem; line-height: 1.6; margin: 0 0 1rem; }
article.text p { margin: 0 0 1rem; }
.dateline { font-weight: bold; }
mark.hl { background: transparent; color: inherit; border-bottom: 2px solid; cursor: pointer; }
mark.sev-error { background: var(--error-bg); border-color: var(--error); }
mark.sev-warning { background: var(--warning-bg); border-color: var(--warning); }
mark.sev-info { background: var(--info-bg); border-color: var(--info); border-bottom-style: dotted; }
mark.hl.empty::before { content: "\\2038"; color: var(--error); font-weight: bold; }
mark.hl.active { outline: 2px solid #222; outline-offset: 1px; }
span.rel.active { outline: 2px dashed #555; outline-offset: 1px; background: rgba(0, 0, 0, .06); }
body.hide-error mark.sev-error, body.hide-warning mark.sev-warning, body.hide-info mark.sev-info {
  background: transparent; border-bottom-color: transparent; cursor: auto; }
body.hide-error li.sev-error, body.hide-warning li.sev-warning, body.hide-info li.sev-info { display: none; }
aside.panel { position: sticky; top: 0; align-self: start; max-height: 100vh; overflow: auto; }
.filters { display: flex; gap: .8rem; flex-wrap: wrap; margin-bottom: .6rem; }
#detail { background: #fff; border: 1px solid #ccc; border-radius: 6px; padding: .6rem .8rem; margin-bottom: .8rem; }
#detail .message { font-weight: bold; margin: 0 0 .3rem; }
#detail dl { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: .1rem .6rem; font-size: .9rem; }
#detail dt { color: #555; } #detail dd { margin: 0; }
#detail button.related { font: inherit; border: 0; background: none; color: #0d47a1; cursor: pointer;
  padding: 0; text-align: start; text-decoration: underline; }
.group h3 { font-size: 1rem; margin: .8rem 0 .3rem; }
.group .n { color: #555; font-weight: normal; }
ol.findings { list-style: none; margin: 0; padding: 0; }
ol.findings button { display: block; width: 100%%; text-align: start; font: inherit; font-size: .92rem;
  background: #fff; border: 1px solid #e0e0e0; border-inline-start: 4px solid; border-radius: 4px;
  padding: .3rem .5rem; margin-bottom: .3rem; cursor: pointer; }
li.sev-error button { border-inline-start-color: var(--error); }
li.sev-warning button { border-inline-start-color: var(--warning); }
li.sev-info button { border-inline-start-color: var(--info); }
ol.findings button.current { background: #fff8e1; }
.badge { font-size: .8rem; font-weight: bold; }
.sev-error .badge { color: var(--error); } .sev-warning .badge { color: var(--warning); }
.sev-info .badge { color: var(--info); }
.loc { color: #666; font-size: .8rem; direction: ltr; unicode-bidi: isolate; }
section.structures { padding: 0 1.2rem 1.2rem; }
table { border-collapse: collapse; background: #fff; margin: .4rem 0 1rem; font-size: .95rem; }
th, td { border: 1px solid #ddd; padding: .25rem .5rem; text-align: start; vertical-align: top; }
th { background: #f0f0f0; }
td.num { direction: ltr; unicode-bidi: isolate; text-align: end; }
.error-page { padding: 1.2rem; color: var(--error); }
@media (max-width: 900px) { .layout { grid-template-columns: 1fr; } aside.panel { position: static; max-height: none; } }
@media print {
  body { background: #fff; }
  .filters, #detail, nav { display: none; }
  .layout { display: block; padding: 0; }
  article.text { border: 0; padding: 0; }
  aside.panel { position: static; max-height: none; overflow: visible; }
  mark.hl, .counts li { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  ol.findings button { border: 0; border-inline-start: 3px solid; }
  body.hide-error mark.sev-error, body.hide-warning mark.sev-warning, body.hide-info mark.sev-info {
    background: inherit; }
}
""" % {"ui": _UI_FONTS, "ar": _AR_FONTS}

SCRIPT = """
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var detail = document.getElementById("detail");
  if (!detail) return;
  function pieces(i) { return document.querySelectorAll('[data-finding="' + i + '"], [data-of="' + i + '"]'); }
  function relatedPieces(key) { return document.querySelectorAll('[data-related="' + key + '"]'); }
  function el(tag, text, cls) { var e = document.createElement(tag); if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls; return e; }
  function row(dl, label, value) { if (value === null || value === undefined || value === "") return;
    dl.appendChild(el("dt", label)); var dd = el("dd"); dd.dir = "auto"; if (typeof value === "string") dd.textContent = value;
    else dd.appendChild(value); dl.appendChild(dd); }
  function show(i, scroll) {
    var f = data.findings[i], ui = data.ui;
    document.querySelectorAll(".active").forEach(function (e) { e.classList.remove("active"); });
    document.querySelectorAll("ol.findings button.current").forEach(function (e) { e.classList.remove("current"); });
    pieces(i).forEach(function (e) { e.classList.add("active"); });
    var entry = document.querySelector('ol.findings button[data-target="' + i + '"]');
    if (entry) entry.classList.add("current");
    detail.textContent = "";
    detail.appendChild(el("p", f.message, "message"));
    var dl = el("dl");
    row(dl, ui.severity, ui[f.severity]);
    row(dl, ui.category, f.category_label);
    row(dl, ui.rule, f.rule);
    row(dl, ui.line, f.line + ":" + f.column);
    row(dl, ui.suggestion, f.suggestion);
    if (f.related.length) {
      var list = el("ul");
      f.related.forEach(function (r, k) {
        var key = i + "." + k;
        relatedPieces(key).forEach(function (e) { e.classList.add("active"); });
        var b = el("button", r.message + ": «" + r.text + "» (" + r.line + ":" + r.column + ")", "related");
        b.type = "button";
        b.addEventListener("click", function () { var t = relatedPieces(key)[0];
          if (t) t.scrollIntoView({block: "center"}); });
        var li = el("li"); li.appendChild(b); list.appendChild(li);
      });
      row(dl, ui.related, list);
    }
    row(dl, ui.why, f.evidence);
    detail.appendChild(dl);
    detail.hidden = false;
    var first = pieces(i)[0];
    if (scroll && first) first.scrollIntoView({block: "center"});
  }
  document.querySelectorAll("ol.findings button[data-target]").forEach(function (b) {
    b.addEventListener("click", function () { show(+b.getAttribute("data-target"), true); });
  });
  var text = document.querySelector("article.text");
  function fromMark(ev) {
    var m = ev.target.closest("mark.hl"); if (!m) return;
    var i = m.getAttribute("data-finding"); if (i === null) i = m.getAttribute("data-of");
    if (document.body.classList.contains("hide-" + data.findings[+i].severity)) return;
    show(+i, false);
    if (entryVisible(+i)) document.querySelector('ol.findings button[data-target="' + i + '"]').scrollIntoView({block: "nearest"});
  }
  function entryVisible(i) { return !!document.querySelector('ol.findings button[data-target="' + i + '"]'); }
  text.addEventListener("click", fromMark);
  text.addEventListener("keydown", function (ev) { if (ev.key === "Enter") fromMark(ev); });
  document.querySelectorAll(".filters input[data-severity]").forEach(function (box) {
    box.addEventListener("change", function () {
      document.body.classList.toggle("hide-" + box.getAttribute("data-severity"), !box.checked); });
  });
})();
"""


@dataclass(frozen=True, slots=True)
class _Range:
    """A stretch of the article to wrap: a finding, a span related to one, or the dateline."""

    start: int
    end: int
    kind: str          # finding | related | dateline
    key: str           # finding index, "finding.related" or ""
    order: int
    finding: Finding | None = None


def render_page(result: FileResult, lang: str = "ar", rules: dict | None = None, structures: dict | None = None,
                index_href: str | None = None) -> str:
    """One article's page. `rules` (id → Rule) gives each finding its rule's description as evidence;
    `structures` is the article's extraction JSON (`validate extract`), shown when given."""
    ui = _ui(lang)
    nav = f'<nav><a href="{escape(index_href)}">{escape(ui["back"])}</a></nav>' if index_href else ""
    if result.error or result.text is None:
        body = f'{nav}<p class="error-page">{escape(result.error or result.path)}</p>'
        return _document(lang, f'{ui["title"]}: {result.path}', body, with_script=False)
    findings = list(result.findings)
    counts = {s: sum(1 for f in findings if f.severity == s) for s in SEVERITIES}
    chips = "".join(f'<li class="sev-{s}">{escape(ui[s])}: {counts[s]}</li>' for s in SEVERITIES)
    header = (f'<header class="summary">{nav}<h1>{escape(ui["title"])}: <bdi>{escape(result.path)}</bdi></h1>'
              f'<p class="meta">{escape(ui["encoding"])}: {escape(result.encoding or "")} · {escape(ui["words"])}: '
              f'{len(result.text.split())} · {escape(ui["findings"])}: {len(findings)}</p>'
              f'<ul class="counts">{chips}{_category_chips(findings, ui)}</ul></header>')
    data = {"ui": {k: v for k, v in ui.items() if isinstance(v, str)},
            "findings": [_finding_json(i, f, ui, rules) for i, f in enumerate(findings)]}
    panel = (f'<aside class="panel"><div class="filters">{_filters(ui, counts)}</div>'
             f'<div id="detail" role="status">{escape(ui["pick"])}</div>'
             f'<h2>{escape(ui["findings"])}</h2>{_finding_list(findings, ui)}</aside>')
    article = f'<article class="text" lang="ar" dir="rtl">{article_html(result.text, findings)}</article>'
    extra = _structures_html(structures, ui) if structures else ""
    payload = (json.dumps(data, ensure_ascii=False)
               .replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e"))
    body = (f'{header}<main class="layout">{article}{panel}</main>{extra}'
            f'<script type="application/json" id="report-data">{payload}</script>')
    return _document(lang, f'{ui["title"]}: {result.path}', body)


def _ui(lang: str) -> dict:
    """The page's words (the `html` section of the message catalogues) and the list separator."""
    return {**messages("html", lang), "list_sep": messages("common", lang)["list_sep"]}


def _document(lang: str, title: str, body: str, with_script: bool = True) -> str:
    direction = "rtl" if lang == "ar" else "ltr"
    script = f"<script>{SCRIPT}</script>" if with_script else ""
    return (f'<!DOCTYPE html>\n<html lang="{escape(lang)}" dir="{direction}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
            f'style-src \'unsafe-inline\'; script-src \'unsafe-inline\'; img-src data:">\n'
            f'<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n{body}\n{script}\n</body>\n</html>\n')


def _finding_json(i: int, f: Finding, ui: dict, rules: dict | None) -> dict:
    loc = f.location
    rule = (rules or {}).get(f.rule)
    related_names = ui["related_messages"]
    return {"index": i, "rule": f.rule, "category": f.category, "category_label": _category(f.category, ui),
            "severity": f.severity, "message": f.message, "line": loc.line, "column": loc.column,
            "text": loc.excerpt, "suggestion": f.suggestion,
            "related": [{"text": r.location.excerpt, "line": r.location.line, "column": r.location.column,
                         "message": related_names.get(r.message, r.message)} for r in f.related],
            "evidence": getattr(rule, "description", "") or ""}


def _category(category: str, ui: dict) -> str:
    return ui["categories"].get(category, category)


def _category_chips(findings: list[Finding], ui: dict) -> str:
    by_category: dict[str, int] = {}
    for f in findings:
        by_category[f.category] = by_category.get(f.category, 0) + 1
    return "".join(f'<li>{escape(_category(c, ui))}: {n}</li>' for c, n in sorted(by_category.items()))


def _filters(ui: dict, counts: dict) -> str:
    return "".join(f'<label><input type="checkbox" checked data-severity="{s}"> {escape(ui[s])} ({counts[s]})</label>'
                   for s in SEVERITIES)


def _finding_list(findings: list[Finding], ui: dict) -> str:
    if not findings:
        return f'<p>{escape(ui["none"])}</p>'
    groups: dict[str, list[int]] = {}
    for i, f in enumerate(findings):
        groups.setdefault(f.category, []).append(i)
    out = []
    for category in sorted(groups, key=lambda c: (-len(groups[c]), c)):
        items = []
        for i in groups[category]:
            f = findings[i]
            items.append(f'<li class="sev-{f.severity}"><button type="button" data-target="{i}">'
                         f'<span class="badge">{escape(ui[f.severity])}</span> '
                         f'<span class="loc">{f.location.line}:{f.location.column}</span> {escape(f.message)}'
                         f'</button></li>')
        out.append(f'<section class="group"><h3>{escape(_category(category, ui))} '
                   f'<span class="n">({len(groups[category])})</span></h3><ol class="findings">{"".join(items)}</ol></section>')
    return "".join(out)


# -- the article with its marks ----------------------------------------------------------------------

def article_html(text: str, findings: list[Finding]) -> str:
    """The headline, dateline and paragraphs with every finding's span wrapped in marks."""
    doc = document.build(text)
    blocks = [(p.start, p.end, "h2" if p.is_headline else "p") for p in doc.paragraphs]
    if not blocks:
        return ""
    ranges = _ranges(findings, blocks, doc)
    placed: set[str] = set()
    out = []
    for start, end, tag in blocks:
        inside = [r for r in ranges if r.start < end and r.end > start or (r.start == r.end and start <= r.start <= end)]
        cls = ' class="headline"' if tag == "h2" else ""
        out.append(f"<{tag}{cls}>{_marked(text, start, end, inside, placed)}</{tag}>")
    return "\n".join(out)


def _ranges(findings: list[Finding], blocks: list[tuple[int, int, str]], doc) -> list[_Range]:
    ranges: list[_Range] = []
    order = 0
    for i, f in enumerate(findings):
        start, end = _shown_span(f.location.start, f.location.end, blocks)
        ranges.append(_Range(start, end, "finding", str(i), order, f))
        order += 1
        for k, r in enumerate(f.related):
            rs, re_ = _shown_span(r.location.start, r.location.end, blocks)
            if rs < re_:
                ranges.append(_Range(rs, re_, "related", f"{i}.{k}", order))
                order += 1
    if doc.dateline:
        ranges.append(_Range(doc.dateline.start, doc.dateline.end, "dateline", "", -1))
    return ranges


def _shown_span(start: int, end: int, blocks: list[tuple[int, int, str]]) -> tuple[int, int]:
    """A span that lies wholly between paragraphs (a blank line, trailing spaces) is shown as an empty
    mark at the start of the next paragraph, or at the end of the last one."""
    if any(start < b_end and end > b_start or (start == end and b_start <= start <= b_end)
           for b_start, b_end, _ in blocks):
        return start, end
    nxt = next((b_start for b_start, _, _ in blocks if b_start >= start), blocks[-1][1])
    return nxt, nxt


def _marked(text: str, start: int, end: int, ranges: list[_Range], placed: set[str]) -> str:
    cuts = {start, end}
    for r in ranges:
        cuts.add(min(max(r.start, start), end))
        cuts.add(min(max(r.end, start), end))
    points = sorted(cuts)
    empties: dict[int, list[_Range]] = {}
    for r in ranges:
        if r.start == r.end:
            empties.setdefault(r.start, []).append(r)
    out = []
    for a, b in zip(points, points[1:] + [None]):
        for r in empties.get(a, ()):
            out.append(_open(r, placed, empty=True) + "</mark>")
        if b is None:
            break
        active = sorted((r for r in ranges if r.start <= a and r.end >= b and r.start < r.end),
                        key=lambda r: (r.start, -r.end, r.order))
        out.append("".join(_open(r, placed) for r in active))
        out.append(escape(text[a:b]))
        out.append("".join("</span>" if r.kind != "finding" else "</mark>" for r in reversed(active)))
    return "".join(out)


def _open(r: _Range, placed: set[str], empty: bool = False) -> str:
    if r.kind == "dateline":
        return '<span class="dateline">'
    if r.kind == "related":
        return f'<span class="rel" data-related="{r.key}">'
    f = r.finding
    assert f is not None
    first = r.key not in placed
    placed.add(r.key)
    which = f'data-finding="{r.key}" tabindex="0"' if first else f'data-of="{r.key}"'
    cls = f"hl sev-{escape(f.severity)}" + (" empty" if empty else "")
    return (f'<mark class="{cls}" {which} data-rule="{escape(f.rule)}" data-severity="{escape(f.severity)}" '
            f'title="{escape(f.message)}">')


# -- extracted structures --------------------------------------------------------------------------

def _structures_html(s: dict, ui: dict) -> str:
    entities = {e["id"]: e for e in s.get("entities", [])}

    sep = ui["list_sep"]

    def lines(e: dict) -> str:
        return sep.join(sorted({str(m["line"]) for m in e.get("mentions", [])}, key=int))

    def table(title: str, head: list[str], rows: list[list[str]]) -> str:
        if not rows:
            return ""
        th = "".join(f"<th>{escape(h)}</th>" for h in head)
        body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows)
        return (f'<details open><summary>{escape(title)} ({len(rows)})</summary>'
                f'<table><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table></details>')

    people = [[e["name"], sep.join(e["titles"]) or "—", lines(e)]
              for e in entities.values() if e["kind"] == "person"]
    orgs = [[e["name"], lines(e)] for e in entities.values() if e["kind"] == "organization"]
    unnamed = [[e["text"], lines(e)] for e in entities.values() if e["kind"] == "unnamed"]
    numbers = [[n["text"], ui["number_kinds"].get(n["category"], n["category"]), n.get("noun") or "—",
                (n["source"] or {}).get("name") or ui["no_source"], str(n["line"])] for n in s.get("numbers", [])]
    quotes = [[_shorten(q["text"]), (entities.get(q["speaker"]) or {}).get("name") or ui["no_speaker"],
               ui["balanced"] if q["balanced"] else ui["unbalanced"], str(q["line"])]
              for q in s.get("quotes", []) if q["kind"] == "speech"]
    return (f'<section class="structures" lang="ar"><h2>{escape(ui["structures"])}</h2>'
            + table(ui["people"], [ui["name"], ui["titles"], ui["lines"]], people)
            + table(ui["organizations"], [ui["name"], ui["lines"]], orgs)
            + table(ui["unnamed"], [ui["name"], ui["lines"]], unnamed)
            + table(ui["numbers"], [ui["number"], ui["kind"], ui["noun"], ui["source"], ui["line"]], numbers)
            + table(ui["quotes"], [ui["quote"], ui["speaker"], ui["kind"], ui["line"]], quotes)
            + "</section>")


def _shorten(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


# -- many articles: the index ----------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class IndexEntry:
    path: str
    href: str | None          # the article's page, None when it could not be read
    error: str | None
    by_severity: dict
    by_category: dict


def index_entry(result: FileResult, href: str | None) -> IndexEntry:
    by_severity = {s: 0 for s in SEVERITIES}
    by_category: dict[str, int] = {}
    for f in result.findings:
        by_severity[f.severity] = by_severity.get(f.severity, 0) + 1
        by_category[f.category] = by_category.get(f.category, 0) + 1
    return IndexEntry(result.path, href, result.error, by_severity, by_category)


def render_index(entries: list[IndexEntry], lang: str = "ar") -> str:
    """A table of the articles with their counts per severity and per category, each linking to its page."""
    ui = _ui(lang)
    categories = sorted({c for e in entries for c in e.by_category})
    head = ([ui["article"]] + [ui[s] for s in SEVERITIES] + [ui["total"]]
            + [_category(c, ui) for c in categories])
    rows = []
    totals = {s: 0 for s in SEVERITIES} | {c: 0 for c in categories}
    for e in entries:
        name = (f'<a href="{escape(e.href)}"><bdi>{escape(e.path)}</bdi></a>' if e.href
                else f'<bdi>{escape(e.path)}</bdi> ({escape(ui["failed"])}: {escape(e.error or "")})')
        cells = [e.by_severity.get(s, 0) for s in SEVERITIES]
        cells.append(sum(cells))
        cells += [e.by_category.get(c, 0) for c in categories]
        for key in [*SEVERITIES, *categories]:
            totals[key] += e.by_severity.get(key, 0) if key in SEVERITIES else e.by_category.get(key, 0)
        rows.append(f"<tr><td>{name}</td>" + "".join(f'<td class="num">{n}</td>' for n in cells) + "</tr>")
    total_cells = [totals[s] for s in SEVERITIES]
    total_cells.append(sum(total_cells))
    total_cells += [totals[c] for c in categories]
    foot = (f'<tr><th>{escape(ui["total"])} ({len(entries)})</th>'
            + "".join(f'<th class="num">{n}</th>' for n in total_cells) + "</tr>")
    th = "".join(f"<th>{escape(h)}</th>" for h in head)
    chips = "".join(f'<li class="sev-{s}">{escape(ui[s])}: {totals[s]}</li>' for s in SEVERITIES)
    body = (f'<header class="summary"><h1>{escape(ui["index_title"])}</h1>'
            f'<p class="meta">{escape(ui["articles"])}: {len(entries)} · {escape(ui["findings"])}: '
            f'{sum(totals[s] for s in SEVERITIES)}</p><ul class="counts">{chips}</ul></header>'
            f'<main class="structures"><table class="index"><thead><tr>{th}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody><tfoot>{foot}</tfoot></table></main>')
    return _document(lang, ui["index_title"], body, with_script=False)
