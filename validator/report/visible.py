"""Text from articles and file names made safe to print: control characters and bidi overrides shown
as escapes (`\\x1b`, `\\n`, `\\u202e`), never sent raw.

A file name with a newline and `::error file=...::` would forge a GitHub annotation in a CI log; an
article's `ESC]0;...BEL` or `ESC[2J` would retitle or clear the editor's terminal; U+202E reverses
what follows it on screen, so a report could show one thing and mean another (the `trojan source`
trick). The Arabic marks articles rightly carry (U+200E/F LRM and RLM, U+061C ALM) are kept.
"""
from __future__ import annotations

_UNSAFE = [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0),    # C0, DEL, C1 (incl. ESC, BEL, CSI)
           *range(0x202A, 0x202F), *range(0x2066, 0x206A),  # bidi embeddings, overrides, isolates
           0x2028, 0x2029]                                  # line and paragraph separators
_TABLE = {c: (f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}") for c in _UNSAFE}
_TABLE.update({ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"})


def visible(s: str) -> str:
    return s.translate(_TABLE)
