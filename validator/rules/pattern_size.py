"""How big a rule's `matches` pattern becomes once compiled, judged from its text before compiling.

The `regex` compiler writes out a repeated group once per count, so nested counted repeats multiply:
`(?:(?:(?:a{1000}){1000}){1000})` is a billion copies, which took 24 GB and two minutes to compile.
The pattern is scanned (escapes, sets, groups, `{m,n}`), never compiled, and refused past a size.
"""
from __future__ import annotations

import re

MAX_COPIES = 100_000   # (?:a{1000}){100} compiles in ~20 MB; ten times that in ~260 MB

_COUNT = re.compile(r"\{(\d*)(?:,(\d*))?\}")
_GROUP_PREFIX = re.compile(r"\?(?:P?<\w+>|<?[=!]|[\w-]*:|>|\|)")   # (?: (?P<name> (?<= (?i: (?> ...


def copies(pattern: str) -> int:
    """The atoms the compiled pattern holds, counting each repeat {m,n} as max(m, n) copies of what it
    repeats (nested repeats multiply); capped just above MAX_COPIES."""
    groups = [[0, 0]]                       # per open group: [its size so far, size of its last atom]
    cap = MAX_COPIES + 1

    def atom(size: int) -> None:
        groups[-1][0] = min(groups[-1][0] + size, cap)
        groups[-1][1] = size

    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            if pattern[i - 1:i] in ("p", "P", "N", "x", "u", "U") and pattern[i:i + 1] == "{":
                end = pattern.find("}", i)
                i = n if end == -1 else end + 1
            atom(1)
        elif c == "[":
            i += 1
            if pattern[i:i + 1] == "^":
                i += 1
            if pattern[i:i + 1] == "]":
                i += 1
            while i < n and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
            i += 1
            atom(1)
        elif c == "(":
            groups.append([0, 0])
            prefix = _GROUP_PREFIX.match(pattern, i + 1)
            i = prefix.end() if prefix else i + 1
        elif c == ")" and len(groups) > 1:
            size = groups.pop()[0]
            atom(size)
            i += 1
        elif c == "{" and (m := _COUNT.match(pattern, i)) and (m.group(1) or m.group(2)):
            count = min(max(_number(m.group(1)), _number(m.group(2))), cap)
            top = groups[-1]
            top[0] = min(top[0] + top[1] * (count - 1), cap) if count else top[0]
            top[1] = min(top[1] * count, cap)
            i = m.end()
        else:
            atom(0 if c in "|?*+" else 1)
            i += 1
    return min(sum(g[0] for g in groups), cap)


def _number(digits: str | None) -> int:
    digits = (digits or "").lstrip("0")
    return MAX_COPIES + 1 if len(digits) > 9 else int(digits or 0)  # int() of 5,000 digits raises
