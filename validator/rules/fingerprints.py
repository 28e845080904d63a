"""Finding fingerprints: a finding keeps its identity across edits elsewhere in the article (the
rule, the flagged text and its sentence, never a line number)."""
from __future__ import annotations

import hashlib

from validator.extract.model import Article
from validator.findings import Finding
from validator.text.normalize import normalize_string

# A sentence longer than this (no news sentence is; a run-on article of one "sentence" is) gives a
# fingerprint the FINGERPRINT_WINDOW characters of it around the finding, so a thousand findings do not
# hash it a thousand times.
FINGERPRINT_CONTEXT = 4096
FINGERPRINT_WINDOW = 256


def fingerprint_context(article: Article, offset: int, cache: dict[int, str] | None = None) -> str:
    """The normalized sentence at an offset: what a fingerprint keeps of a finding's surroundings."""
    sentence = article.doc.sentence_at(offset)
    text = article.doc.text
    if sentence and sentence.end - sentence.start > FINGERPRINT_CONTEXT:
        start = max(sentence.start, offset - FINGERPRINT_WINDOW // 2)
        return normalize_string(text[start:min(sentence.end, start + FINGERPRINT_WINDOW)])
    key = sentence.index if sentence else -1
    context = cache.get(key) if cache is not None else None
    if context is None:
        context = normalize_string(text[sentence.start:sentence.end]) if sentence else ""
        if cache is not None:
            cache[key] = context
    return context


def article_fingerprints(findings: list[Finding], article: Article) -> list[Finding]:
    contexts: dict[int, str] = {}  # normalized once per sentence: many findings can share one long line
    return with_fingerprints(findings, [fingerprint_context(article, f.location.start, contexts) for f in findings])


def with_fingerprints(findings: list[Finding], contexts: list[str]) -> list[Finding]:
    """A fingerprint survives edits elsewhere: rule, the flagged text and its sentence, never a line."""
    from dataclasses import replace

    seen: dict[str, int] = {}
    out = []
    for f, context in zip(findings, contexts, strict=True):
        base = "|".join((f.rule, normalize_string(f.location.text), context))
        digest = hashlib.sha256(base.encode("utf-8")).hexdigest()[:16]
        n = seen.get(digest, 0)
        seen[digest] = n + 1
        out.append(replace(f, fingerprint=f"{digest}:{n}"))
    return out
