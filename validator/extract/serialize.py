"""The `validate extract` JSON: every item with text, start, end, line, column."""
from __future__ import annotations

from validator.extract.evidence import labels, figure_context, source_chain, structure_evidence
from validator.extract.model import Article, NumberItem, Quote
from validator.findings import Location


def _span(loc: Location) -> dict:
    return {"text": loc.text, "start": loc.start, "end": loc.end, "line": loc.line, "column": loc.column}


def article_to_json(article: Article) -> dict:
    doc = article.doc
    names = {e.id: e for e in article.entities}

    def source(entity_id):
        e = names.get(entity_id)
        return None if e is None else {"id": e.id, "name": e.name, "kind": e.kind}

    return {
        "path": doc.path,
        "encoding": doc.encoding,
        "headline": _span(doc.location(doc.headline.start, doc.headline.end)) if doc.headline else None,
        "dateline": ({**_span(doc.location(doc.dateline.start, doc.dateline.end)), "place": doc.dateline.place,
                      "agency": doc.dateline.agency} if doc.dateline else None),
        "paragraphs": [{**_span(doc.location(p.start, p.end)), "index": p.index, "headline": p.is_headline}
                       for p in doc.paragraphs],
        "sentences": [{**_span(doc.location(s.start, s.end)), "index": s.index, "paragraph": s.paragraph}
                      for s in doc.sentences],
        "numbers": [{"id": n.id, **_span(n.loc), "value": n.value, "category": n.category,
                     "qualifier": n.qualifier, "noun": n.noun, "noun_type": n.noun_type,
                     "attributed": n.attributed, "source": source(n.source), "in_quote": n.in_quote,
                     "is_update": n.is_update, "partial": n.partial, "approximate": n.approximate, "ranged": n.ranged, "market": n.market, "market_terms": n.market_terms, "market_density": n.market_density, "market_wrap": n.market_wrap, "idiom": n.idiom, "argued": n.argued, "own_results": n.own_results, "repeats": n.repeats, "cargo": n.cargo, "past_event": n.past_event, "chronicle": n.chronicle, "record": n.record, "unit_price": n.unit_price, "decided": n.decided, "recalled": n.recalled, "forecast": n.forecast, "breakdown": n.breakdown, "combined": n.combined, "sentence": n.sentence, "lexicon": n.lexicon,
                     "evidence": _evidence(n, article)}
                    for n in article.numbers],
        "quotes": [{"id": q.id, **_span(q.loc), "kind": q.kind, "balanced": q.balanced,
                    "unmatched": _span(q.unmatched) if q.unmatched else None, "speaker": q.speaker,
                    "sentence": q.sentence, "evidence": _evidence(q, article)} for q in article.quotes],
        "entities": [{**e.to_json(), "evidence": _evidence(e, article)} for e in article.entities],
        "attributions": [{"id": a.id, **_span(a.loc), "phrase": a.phrase, "kind": a.kind, "source": a.source,
                          "implicit": a.implicit, "covers": a.covers, "sentence": a.sentence,
                          "lexicon": a.lexicon, "evidence": _evidence(a, article)} for a in article.attributions],
    }


def _evidence(item, article: Article) -> list[str]:
    """The pattern ids and lexicon entries behind a structure; for a number or a quote, the
    attribution that gives it its source."""
    out = structure_evidence(item, article)
    if isinstance(item, (NumberItem, Quote)):
        out += source_chain(item, article)
    if isinstance(item, NumberItem):
        out += figure_context(item)
    return out


def article_to_text(article: Article, explain: bool = False, lang: str = "en") -> str:
    """A readable summary for an editor: who is quoted with what title, which numbers, which sources;
    with `explain`, the evidence of each structure under it."""
    doc = article.doc
    label = labels(lang)["evidence"]

    def why(item) -> None:
        if explain:
            out.extend(f"      {label}: {e}" for e in _evidence(item, article))

    names = {e.id: e for e in article.entities}
    out = [f"== {doc.path} ({doc.encoding}, {len(doc.paragraphs)} paragraphs, {len(doc.sentences)} sentences)"]
    if doc.dateline:
        out.append(f"dateline: {doc.dateline.place}" + (f" / {doc.dateline.agency}" if doc.dateline.agency else ""))
    out.append("entities:")
    for e in article.entities:
        titles = f" — {'، '.join(e.titles)}" if e.titles else ""
        lines = ",".join(str(m.loc.line) for m in e.mentions)
        out.append(f"  [{e.kind}] {e.name}{titles} (lines {lines})")
        why(e)
    out.append("numbers:")
    for n in article.numbers:
        src = names.get(n.source)
        extra = [n.category]
        if n.qualifier:
            extra.append(n.qualifier)
        if n.noun:
            extra.append(n.noun)
        extra.append(f"source: {src.name}" if src else ("attributed" if n.attributed else "no source"))
        out.append(f"  {n.loc.line}:{n.loc.column} {n.loc.text} = {n.value} ({'; '.join(extra)})")
        why(n)
    out.append("quotes:")
    for q in article.quotes:
        speaker = names.get(q.speaker)
        state = "balanced" if q.balanced else f"UNBALANCED at {q.unmatched.line}:{q.unmatched.column}"
        who = f", speaker: {speaker.name}" if speaker else ""
        out.append(f"  {q.loc.line}:{q.loc.column} [{q.kind}] {state}{who}: {q.loc.text[:60]}")
        why(q)
    out.append("attributions:")
    for a in article.attributions:
        src = names.get(a.source)
        out.append(f"  {a.loc.line}:{a.loc.column} {a.loc.text} ({a.kind}) → {src.name if src else '?'}")
        why(a)
    return "\n".join(out) + "\n\n"
