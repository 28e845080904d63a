"""Person names (and titles) measured on ANERcorp and Wojood (../shared/corpus/ner/).

    uv run python -m benchmarks.ner_eval [--limit N]

Each corpus's tokens are joined with spaces into articles of 10 sentences, one sentence a line, and
extracted. A predicted person mention (full name or surname) is compared with the gold PERS spans at
token level: exact = the same tokens; overlap = sharing a token. Titles (the role written with a
person) are compared with Wojood's OCC spans the same way. Prints precision, recall and F1.
"""
from __future__ import annotations

import argparse
import gzip
from dataclasses import dataclass
from pathlib import Path

from benchmarks.corpus import ROOT

NER = ROOT.parent / "shared" / "corpus" / "ner"
SENTENCES_PER_ARTICLE = 10


@dataclass
class Sentence:
    tokens: list[str]
    tags: list[list[str]]


def read_anercorp(path: Path) -> list[Sentence]:
    sentences, tokens, tags = [], [], []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 2:
                continue
            tokens.append(parts[0])
            tags.append(parts[1:])
            if parts[0] in (".", "؟", "!") or len(tokens) >= 60:
                sentences.append(Sentence(tokens, tags))
                tokens, tags = [], []
    if tokens:
        sentences.append(Sentence(tokens, tags))
    return sentences


def read_wojood(paths: list[Path]) -> list[Sentence]:
    sentences = []
    for path in paths:
        tokens, tags = [], []
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if not parts:
                if tokens:
                    sentences.append(Sentence(tokens, tags))
                tokens, tags = [], []
                continue
            tokens.append(parts[0])
            tags.append(parts[1:])
        if tokens:
            sentences.append(Sentence(tokens, tags))
    return sentences


def gold_spans(tags: list[list[str]], label: str) -> set[tuple[int, int]]:
    """Token spans (start, end) of one label, read from (possibly nested) BIO tags."""
    spans, start = set(), None
    for i, token_tags in enumerate(tags + [[]]):
        mine = [t for t in token_tags if t.endswith("-" + label)]
        tag = mine[0] if mine else "O"
        if start is not None and not tag.startswith("I-"):
            spans.add((start, i))
            start = None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start = i
    return spans


def evaluate(validator, sentences: list[Sentence], labels: dict[str, str]) -> dict[str, dict]:
    """labels: name -> gold label ("person" -> PERS, "title" -> OCC)."""
    counts = {name: {"pred": 0, "gold": 0, "exact": 0, "overlap_pred": 0, "overlap_gold": 0} for name in labels}
    for k in range(0, len(sentences), SENTENCES_PER_ARTICLE):
        chunk = sentences[k:k + SENTENCES_PER_ARTICLE]
        lines, offsets = [], []  # per token: (start, end) offsets in the article text
        pos = 0
        for s in chunk:
            line_offsets = []
            for t in s.tokens:
                line_offsets.append((pos, pos + len(t)))
                pos += len(t) + 1
            lines.append(" ".join(s.tokens))
            offsets.append(line_offsets)
        text = "\n".join(lines)
        article = validator.extract_text(text)
        flat = [o for line in offsets for o in line]
        flat_tags = [t for s in chunk for t in s.tags]

        def token_span(start: int, end: int) -> tuple[int, int] | None:
            ids = [i for i, (a, b) in enumerate(flat) if a < end and start < b]
            return (ids[0], ids[-1] + 1) if ids else None

        predicted = {"person": set(), "title": set()}
        for e in article.entities:
            if e.kind != "person" or e.role_only:
                continue
            for m in e.mentions:
                if m.form in ("name", "surname"):
                    span = token_span(m.loc.start, m.loc.end)
                    if span:
                        predicted["person"].add(span)
                if m.title_loc is not None:
                    span = token_span(m.title_loc.start, m.title_loc.end)
                    if span:
                        predicted["title"].add(span)
        for name, label in labels.items():
            gold = gold_spans(flat_tags, label)
            pred = predicted[name]
            c = counts[name]
            c["pred"] += len(pred)
            c["gold"] += len(gold)
            c["exact"] += len(pred & gold)
            c["overlap_pred"] += sum(1 for p in pred if any(p[0] < g[1] and g[0] < p[1] for g in gold))
            c["overlap_gold"] += sum(1 for g in gold if any(p[0] < g[1] and g[0] < p[1] for p in pred))
    results = {}
    for name, c in counts.items():
        p = c["exact"] / c["pred"] if c["pred"] else 0.0
        r = c["exact"] / c["gold"] if c["gold"] else 0.0
        po = c["overlap_pred"] / c["pred"] if c["pred"] else 0.0
        ro = c["overlap_gold"] / c["gold"] if c["gold"] else 0.0
        results[name] = {**c, "precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
                         "precision_overlap": po, "recall_overlap": ro}
    return results


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0, help="sentences per corpus (0: all)")
    args = ap.parse_args()
    from validator.app import Validator

    validator = Validator()
    corpora = [
        ("ANERcorp (train portion)", read_anercorp(NER / "anercorp-train.txt.gz"), {"person": "PERS"}),
        ("Wojood sample (train+val)", read_wojood([NER / "wojood-sample-train.txt", NER / "wojood-sample-val.txt"]),
         {"person": "PERS", "title": "OCC"}),
    ]
    print("| corpus | what | predicted | gold | precision | recall | F1 | precision (overlap) | recall (overlap) |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, sentences, labels in corpora:
        if args.limit:
            sentences = sentences[:args.limit]
        for what, r in evaluate(validator, sentences, labels).items():
            print(f"| {name} | {what} ({labels[what]}) | {r['pred']} | {r['gold']} | {r['precision']:.3f} | "
                  f"{r['recall']:.2f} | {r['f1']:.2f} | {r['precision_overlap']:.2f} | {r['recall_overlap']:.2f} |")


if __name__ == "__main__":
    main()
