"""Structure tables: an article's numbers, quotes, entities, mentions (...) as rows, one row per
structure, with the article, the span a finding would point at and the fields the compiled rules
test (named as in the rule language, `speaker.kind` as `speaker__kind`). Rows are plain dicts so the
same code feeds pandas (the gx engine) and Spark tasks (the spark engine).

String fields are stored normalized, as the native engine compares them, and an empty string as
null; booleans are never null; numbers are floats (null when missing).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from validator import document, markup
from validator.corpus.compiler import CONSISTENCY_TABLE, Column, CompiledRules
from validator.extract.evidence import finding_evidence, missing_source
from validator.extract.pipeline import extract
from validator.findings import Location, RelatedLocation
from validator.rules.compose import brief, describe, paragraph_index, sentence_index
from validator.rules.fields import norm_value
from validator.rules.fingerprints import fingerprint_context
from validator.text.normalize import normalize_cached


@dataclass
class ArticleTables:
    """What one article contributes: rows per table, or the one-line error that stopped it."""

    path: str
    rows: dict[str, list[dict]] = field(default_factory=dict)
    error: str | None = None
    encoding: str = "utf-8"
    text: str | None = None            # kept for suppressions and text reports (the gx engine)
    directives: list = field(default_factory=list)   # inline suppression comments of Markdown/HTML
    feed: list = field(default_factory=list)          # items for the rules across the feed


def article_tables(validator, compiled: CompiledRules, text: str, path: str, encoding: str = "utf-8",
                   keep_text: bool = True) -> ArticleTables:
    """Extract one decoded article and lay out its structures as table rows."""
    kind = markup.kind_of(path)
    plain = lines = None
    directives: list = []
    if kind is None:
        article = extract(document.build(text, path, encoding), validator.resources)
    else:
        plain = markup.to_plain(text, kind)
        article = extract(document.build(plain.plain, path, encoding), validator.resources)
        lines = markup.SourceLines(text)
        directives = plain.directives

    def place(loc: Location) -> Location:
        return loc if plain is None else markup.remap_location(loc, plain, lines)

    engine = validator.engine
    contexts: dict[int, str] = {}

    def finding_columns(loc: Location, related, values: dict | None, message: str | None = None,
                        evidence=()) -> dict:
        shown = place(loc)
        return {
            "loc_start": shown.start, "loc_end": shown.end, "loc_line": shown.line, "loc_column": shown.column,
            "loc_end_line": shown.end_line, "loc_end_column": shown.end_column, "loc_text": shown.text,
            "plain_start": loc.start, "plain_end": loc.end, "sentence_index": sentence_index(loc, article),
            "paragraph_index": paragraph_index(loc, article),
            "context": fingerprint_context(article, loc.start, contexts),
            "values": json.dumps(values, ensure_ascii=False) if values is not None else None,
            "related": json.dumps([[*_loc_tuple(place(r.location)), r.message] for r in related], ensure_ascii=False),
            "message": message, "evidence": json.dumps(list(evidence), ensure_ascii=False),
        }

    out = ArticleTables(path, encoding=encoding, text=text if keep_text else None, directives=directives,
                        feed=validator.feed_items(article, place))
    for table, columns in compiled.columns.items():
        if table not in compiled.structure_tables:
            continue
        rows = out.rows[table] = []
        getters = [(c.name, _getter(c, table, engine)) for c in columns.values()]
        scopes = [c.source_scope for c in columns.values() if c.source_scope]
        for i, item in enumerate(engine.items(table, article)):
            loc, related, values = describe(item, article)
            values["text"] = brief(loc.text)   # as the native engine words it, from the plain text
            evidence = {"structure": finding_evidence(item, article, engine.lang), "missing_source": {
                scope: missing_source(item, scope, article, engine.lang) for scope in scopes
                if not engine.has_source(item, scope, article)}}
            row = {"article": path, "row": i, **finding_columns(loc, related, values, evidence=[evidence])}
            for name, get in getters:
                row[name] = get(item, article)
            rows.append(row)
    if compiled.consistency:
        rows = out.rows[CONSISTENCY_TABLE] = []
        for rule in compiled.consistency:
            selected = [item for item, _ in engine.select(rule, article)]
            conflicts = engine.consistency(rule, selected, article)
            flagged = {id(item) for item, _ in conflicts}
            for item, f in conflicts:
                other = f.related[0].location.text if f.related else f.location.text
                rows.append({"article": path, "row": len(rows), "rule": rule.id, "conflict": other,
                             **finding_columns(f.location, f.related, None, f.message, f.evidence)})
            for item in selected:
                if id(item) not in flagged:
                    loc, related, _ = describe(item, article)
                    rows.append({"article": path, "row": len(rows), "rule": rule.id, "conflict": None,
                                 **finding_columns(loc, related, None)})
    return out


def feed_rows(index, articles: list[tuple[str, list]], lang: str) -> list[dict]:
    """The feed table of a batch: each feed item of its articles ((path, items) in input order)
    compared with the articles before it; `conflict` names the earlier story it contradicts."""
    rows: list[dict] = []
    for path, items in articles:
        for item, earlier in index.compare(items):
            f = index.finding(item, earlier, lang) if earlier is not None else None
            loc = item.loc
            rows.append({
                "article": path, "row": len(rows), "rule": item.rule,
                "conflict": f"{earlier.shown} ({earlier.article})" if earlier is not None else None,
                "message": f.message if f else None, "loc_start": loc.start, "loc_end": loc.end,
                "loc_line": loc.line, "loc_column": loc.column, "loc_end_line": loc.end_line,
                "loc_end_column": loc.end_column, "loc_text": loc.text, "plain_start": loc.start,
                "plain_end": loc.end, "sentence_index": -1, "paragraph_index": -1, "context": item.context, "values": None,
                "evidence": json.dumps(list(f.evidence) if f else [], ensure_ascii=False),
                "related": json.dumps([[*_loc_tuple(r.location), r.message] for r in (f.related if f else ())],
                                      ensure_ascii=False)})
    return rows


def _loc_tuple(loc: Location) -> list:
    return [loc.start, loc.end, loc.line, loc.column, loc.end_line, loc.end_column, loc.text]


def location_of(values: list) -> Location:
    return Location(*values)


def related_of(text: str) -> tuple[RelatedLocation, ...]:
    return tuple(RelatedLocation(Location(*r[:7]), r[7]) for r in json.loads(text or "[]"))


def _getter(col: Column, structure: str, engine):
    """A column's value for one structure, typed and normalized as the compiler expects."""
    if col.source_scope is not None:
        scope = col.source_scope
        return lambda item, a: bool(engine.has_source(item, scope, a))
    from validator.rules import model as m

    read = engine._getter(m.Field(col.path, m.Where("", 0, 0)), structure)
    if col.lexicon is not None:
        lex = engine.lexicons[col.lexicon]

        def in_lexicon(item, a):
            value = read(item, a)
            values = value if isinstance(value, (list, tuple)) else [value]
            return any(v is not None and lex.lookup(normalize_cached(str(v))) is not None for v in values)
        return in_lexicon
    if col.type == "bool":
        return lambda item, a: bool(read(item, a))
    if col.type in ("int", "float"):
        def number(item, a):
            value = read(item, a)
            return None if value is None or isinstance(value, bool) else float(value)
        return number
    def text(item, a):   # a string field, or an entity's id
        value = read(item, a)
        value = getattr(value, "id", value)
        return (norm_value(str(value)) or None) if value not in (None, "") else None
    return text
