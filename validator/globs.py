"""gitignore-like globs matched in time linear in the path, whatever the pattern.

`**` spans folders, `*` and `?` stay within one, `[abc]`, `[a-z]` and `[!a-z]` match one character
(never `/`... unless listed); a pattern without `/` matches a file or folder name at any depth; a
trailing `/` or a folder name matches everything under it.

A backtracking regex would take exponential time on `*a*a*a*a*a*a*a*a*a*a*b` against a long name (a
configuration is written by anyone who can commit): the pattern is compiled to a small NFA program
(Thompson's construction) and run as a set of states, one step per character; the sets met are
cached as DFA states, so matching many paths costs a dictionary lookup per character.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

_MAX_CACHED_STEPS = 100_000   # DFA transitions kept per glob; past that the cache restarts


class GlobError(ValueError):
    """A glob that cannot be compiled (a reversed range): the message says what, the pattern aside."""


# The program: each instruction is (op, arg): ("char", predicate) consumes one character,
# ("split", (a, b)) and ("jmp", a) move without consuming, ("match", None) accepts.
Test = Callable[[str], bool]


def _any(c: str) -> bool:
    return True


def _not_slash(c: str) -> bool:
    return c != "/"


@dataclass
class Glob:
    pattern: str
    program: list[tuple[str, object]]
    _start: frozenset[int] = frozenset()
    _steps: dict[tuple[frozenset[int], str], frozenset[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._start = self._closure([0])

    def match(self, path: str) -> bool:
        states = self._start
        steps = self._steps
        for c in path:
            nxt = steps.get((states, c))
            if nxt is None:
                if len(steps) > _MAX_CACHED_STEPS:
                    steps.clear()
                nxt = steps[(states, c)] = self._step(states, c)
            if not nxt:
                return False
            states = nxt
        return any(self.program[pc][0] == "match" for pc in states)

    def _step(self, states: frozenset[int], c: str) -> frozenset[int]:
        return self._closure([pc + 1 for pc in states
                              if self.program[pc][0] == "char" and self.program[pc][1](c)])

    def _closure(self, pcs: list[int]) -> frozenset[int]:
        seen: set[int] = set()
        stack = list(pcs)
        while stack:
            pc = stack.pop()
            if pc in seen:
                continue
            seen.add(pc)
            op, arg = self.program[pc]
            if op == "split":
                stack.extend(arg)
            elif op == "jmp":
                stack.append(arg)
        return frozenset(pc for pc in seen if self.program[pc][0] in ("char", "match"))


def compile_glob(pattern: str) -> Glob:
    p = pattern.strip()
    anchored = "/" in p.rstrip("/")
    p = p.lstrip("./") if p.startswith("./") else p
    p = p.rstrip("/")
    prog: list[tuple[str, object]] = []

    def repeat(test: Test) -> None:           # test*
        loop = len(prog)
        prog.append(("split", (loop + 1, loop + 3)))
        prog.append(("char", test))
        prog.append(("jmp", loop))

    def optional_folders() -> None:          # (?:.*/)?
        start = len(prog)
        prog.append(("split", (start + 1, start + 5)))
        prog.append(("split", (start + 2, start + 4)))
        prog.append(("char", _any))
        prog.append(("jmp", start + 1))
        prog.append(("char", lambda c: c == "/"))

    if not anchored:
        optional_folders()
    i = 0
    while i < len(p):
        c = p[i]
        if p.startswith("**/", i):
            optional_folders()
            i += 3
        elif p.startswith("**", i):
            repeat(_any)
            i += 2
        elif c == "*":
            repeat(_not_slash)
            i += 1
        elif c == "?":
            prog.append(("char", _not_slash))
            i += 1
        elif c == "[" and p.find("]", i + 1) != -1:
            j = p.find("]", i + 1)
            prog.append(("char", _char_class(p[i + 1:j])))
            i = j + 1
        else:
            prog.append(("char", lambda x, c=c: x == c))
            i += 1
    # (?:/.*)? : a folder matches everything under it
    start = len(prog)
    prog.append(("split", (start + 1, start + 5)))
    prog.append(("char", lambda x: x == "/"))
    repeat(_any)
    prog.append(("match", None))
    return Glob(pattern, prog)


def _char_class(body: str) -> Test:
    negated = body[:1] in ("!", "^")
    if negated:
        body = body[1:]
    singles: set[str] = set()
    ranges: list[tuple[str, str]] = []
    i = 0
    while i < len(body):
        if i + 2 < len(body) and body[i + 1] == "-":
            low, high = body[i], body[i + 2]
            if low > high:
                raise GlobError(f"bad character range {low}-{high}")
            ranges.append((low, high))
            i += 3
        else:
            singles.add(body[i])
            i += 1

    def test(c: str) -> bool:
        hit = c in singles or any(low <= c <= high for low, high in ranges)
        return hit != negated
    return test
