"""The rule AST: what a parsed rule file holds. Plain frozen data, no behaviour."""
from __future__ import annotations

from dataclasses import dataclass, field

STRUCTURE_TYPES = ("number", "quote", "entity", "mention", "attribution", "paragraph", "sentence",
                   "headline", "spelling")
SCOPES = ("sentence", "passage", "paragraph", "article")


@dataclass(frozen=True, slots=True)
class Where:
    """Where a construct was written, for `file:line:col` errors."""

    path: str
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Field:
    path: tuple[str, ...]
    where: Where

    @property
    def name(self) -> str:
        return ".".join(self.path)


@dataclass(frozen=True, slots=True)
class Compare:
    field: Field
    op: str                 # = != < <= > >=
    value: object


@dataclass(frozen=True, slots=True)
class InList:
    field: Field
    values: tuple
    negated: bool = False


@dataclass(frozen=True, slots=True)
class InLexicon:
    field: Field
    lexicon: str
    where: Where
    negated: bool = False


@dataclass(frozen=True, slots=True)
class Matches:
    field: Field
    pattern: str
    where: Where


@dataclass(frozen=True, slots=True)
class Truthy:
    field: Field


@dataclass(frozen=True, slots=True)
class Not:
    operand: object


@dataclass(frozen=True, slots=True)
class And:
    operands: tuple


@dataclass(frozen=True, slots=True)
class Or:
    operands: tuple


@dataclass(frozen=True, slots=True)
class RequireCondition:
    condition: object
    text: str = field(default="", compare=False)  # the clause as written, for evidence; not its meaning


@dataclass(frozen=True, slots=True)
class RequireSource:
    scope: str


@dataclass(frozen=True, slots=True)
class RequireConsistent:
    what: str                       # titles | value | spelling
    by: tuple[str, ...] = ()
    tolerance: float = 0.0          # relative difference still treated as the same value
    factor: float = 0.0             # values further apart than this factor are different quantities
    where: Where | None = None
    scope: str = "article"          # compare within one sentence, paragraph, the article, or across the feed
    with_headline: bool = False     # and always the headline's values with the body's
    scale: bool = False             # only values a multiplier word apart (x1000, x1e6) disagree


@dataclass(frozen=True, slots=True)
class Forbid:
    suggestion: str | None = None


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    expect_flag: bool
    where: Where


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    category: str
    severity: str
    description: str
    messages: dict[str, str]
    structure: str
    condition: object | None
    requirement: object
    examples: tuple[Example, ...] = ()
    where: Where = field(default_factory=lambda: Where("", 0, 0))
    tags: tuple[str, ...] = ()
    once: str | None = None         # "sentence" | "paragraph": one finding per sentence or paragraph for this rule's category
