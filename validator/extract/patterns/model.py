"""What a token pattern is, once parsed (rules/patterns/*.pattern): plain dataclasses, cached as JSON."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Test:
    kind: str                  # literal, lexicon, word, exact, shape, punct, any
    value: str = ""            # the literal, lexicon or shape name
    attr: tuple[str, str] | None = None
    negated: bool = False


@dataclass(frozen=True)
class Element:
    tests: tuple[Test, ...]    # all must accept the token (a conjunction)
    low: int = 1               # how many times, at least and at most (-1: no bound)
    high: int = 1

    @property
    def one_token(self) -> bool:
        """Exactly one token: no quantifier and no lexicon test (a lexicon match may be longer)."""
        return self.low == self.high == 1 and all(t.kind != "lexicon" or t.negated for t in self.tests)


@dataclass(frozen=True)
class Example:
    text: str
    expect_match: bool
    line: int
    column: int


@dataclass
class Pattern:
    id: str
    label: str
    elements: tuple[Element, ...]
    span: tuple[int, int]      # element range of the proposed span
    priority: int = 0
    description: str = ""
    source: str = ""           # file:line
    examples: list[Example] = field(default_factory=list)
