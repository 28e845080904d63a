"""Stages propose, one filter decides: the conflict resolution every extractor's candidate spans go through.

A stage proposes labelled candidate spans of tokens, each with the evidence (pattern ids, lexicon
entries) that produced it; `resolve` keeps, among candidates that overlap, the one of highest
priority, then the longest, then the leftmost (spaCy's `filter_spans` with a priority in front), and
a candidate that overlaps tokens an earlier decision kept loses. Token patterns (`ArticlePatterns.find`)
and the entity passes (`TokenClaims.decide`) both go through it; no stage edits another's output.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Protocol


class Span(Protocol):
    start: int                  # first token
    end: int                    # token after the last (a zero-length span holds its start token)
    nests: tuple[int, int]      # see Candidate

    @property
    def priority(self) -> int: ...


@dataclass(slots=True)
class Candidate:  # (not frozen: a frozen dataclass is made attribute by attribute, slowly)
    label: str                  # what the span would be (reserved, surname, organization, ...)
    start: int                  # token range it claims
    end: int
    priority: int
    evidence: tuple[str, ...] = ()  # lexicon entries (file:line) and pattern ids that proposed it
    data: object = None         # what the proposing stage records if the span is kept
    nests: tuple[int, int] = (0, 0)  # a description inside the span (a title's or a body's complement)
    # that may contain spans decided before it: وزيرة القضاء في حكومة نتنياهو، مركز الملك سلمان للإغاثة


def resolve(candidates: list[Span], taken: bytearray | None = None) -> list[Span]:
    """The one conflict filter: priority, then length, then leftmost; a candidate overlapping one kept
    before it in this decision loses, and so does one overlapping a token in `taken` (earlier
    decisions) outside the description it `nests`. The kept, in the order proposed; their tokens
    are added to `taken`."""
    if not candidates:  # most labels and passes find nothing in most articles: no tables to make
        return []
    if taken is None:
        taken = bytearray(max((max(c.end, c.start + 1) for c in candidates), default=0))
    if len(candidates) == 1:  # most decisions of the entity passes: one name as it is read
        return candidates if _keep(candidates[0], taken, None) else []
    # sorted once, without a key function: (priority, length, start, place proposed)
    order = sorted([(-c.priority, c.start - c.end, c.start, k) for k, c in enumerate(candidates)])
    now = bytearray(len(taken))  # this decision's own kept tokens (a nesting candidate may not overlap them)
    kept = bytearray(len(candidates))
    for *_, k in order:
        kept[k] = _keep(candidates[k], taken, now)
    return [c for c, keep in zip(candidates, kept) if keep]


def _keep(c, taken: bytearray, now: bytearray | None) -> bool:
    """Whether c is free (see `resolve`); if so its tokens are held (the decision's own in `now`, when
    a candidate of it nests earlier decisions)."""
    start = c.start
    end = c.end if c.end > start else start + 1  # a zero-length span holds its start token
    lo, hi = c.nests
    if hi > lo:  # earlier decisions may stand inside lo..hi, this decision's may not
        if taken.find(1, start, lo if lo > start else start) >= 0 or taken.find(1, hi, end) >= 0 \
                or (now is not None and now.find(1, start, end) >= 0):
            return False
    elif taken.find(1, start, end) >= 0:
        return False
    taken[start:end] = b"\x01" * (end - start)
    if now is not None:
        now[start:end] = taken[start:end]
    return True


class TokenClaims:
    """An article's tokens and whether a kept candidate holds them: the filter's state between the
    rounds of decisions (a later round's candidates lose to an earlier round's, which had higher priority)."""

    def __init__(self, n_tokens: int):
        self.taken = bytearray(n_tokens)

    def decide(self, candidates: list[Candidate]) -> list[Candidate]:
        """The candidates the filter keeps, in the order proposed; their tokens are held from now on."""
        return resolve(candidates, self.taken)

    def hold(self, i: int, j: int) -> None:
        """Tokens i..j held by a stage not yet moved onto candidates (it decided alone, in its turn)."""
        if j > i:
            self.taken[i:j] = b"\x01" * (j - i)
