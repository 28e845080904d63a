"""Stages propose, one filter decides: the conflict resolution every extractor's candidate spans go through.

A stage proposes labelled candidate spans of tokens, each with the evidence (pattern ids, lexicon
entries) that produced it; `resolve` keeps, among candidates that overlap, the one of highest
priority, then the longest, then the leftmost (spaCy's `filter_spans` with a priority in front), and
a candidate that overlaps tokens an earlier decision kept loses. Token patterns (`ArticlePatterns.find`)
and the entity passes (`TokenClaims.decide`) both go through it; no stage edits another's output.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


class Span(Protocol):
    start: int                  # first token
    end: int                    # token after the last (a zero-length span holds its start token)

    @property
    def priority(self) -> int: ...


@dataclass(frozen=True)
class Candidate:
    label: str                  # what the span would be (reserved, surname, organization, ...)
    start: int                  # token range it claims
    end: int
    priority: int
    evidence: tuple[str, ...] = ()  # lexicon entries (file:line) and pattern ids that proposed it
    data: object = None         # what the proposing stage records if the span is kept
    nests: tuple[int, int] = (0, 0)  # a description inside the span (a title's or a body's complement)
    # that may contain spans decided before it: وزيرة القضاء في حكومة نتنياهو، مركز الملك سلمان للإغاثة


def resolve(candidates: list, taken: bytearray | None = None) -> list:
    """The one conflict filter: priority, then length, then leftmost; a candidate overlapping one kept
    before it in this decision loses, and so does one overlapping a token in `taken` (earlier
    decisions) outside the description it `nests`. The kept, in the order proposed; their tokens
    are added to `taken`."""
    if not candidates:
        return []
    if taken is None:
        taken = bytearray(max(max(c.end, c.start + 1) for c in candidates))
    order = sorted(range(len(candidates)), key=lambda k: (-candidates[k].priority,
                                                          candidates[k].start - candidates[k].end,
                                                          candidates[k].start))
    kept = bytearray(len(candidates))
    now = bytearray(len(taken))  # the tokens this decision's kept candidates hold
    for k in order:
        c = candidates[k]
        end = max(c.end, c.start + 1)
        if any(now[c.start:end]) or _held_outside(c, end, taken):
            continue
        kept[k] = 1
        now[c.start:end] = taken[c.start:end] = b"\x01" * (end - c.start)
    return [c for c, keep in zip(candidates, kept) if keep]


def _held_outside(c, end: int, taken: bytearray) -> bool:
    """A token of c.start..end held by an earlier decision, outside the description c nests."""
    lo, hi = getattr(c, "nests", (0, 0))
    if hi <= lo:
        return any(taken[c.start:end])
    return any(taken[c.start:max(c.start, min(lo, end))]) or any(taken[max(hi, c.start):end])


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
