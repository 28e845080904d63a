"""camel-tools' normalization of each Arabic code point, shipped as data (`camel_normalization.json`).

An installed validator reads the table and imports no camel-tools (whose declared dependencies bring
torch, transformers and CUDA). `python -m validator.text.camel_table` regenerates it from the installed
camel-tools (a development dependency); tests/test_normalize.py checks the two are equal.
"""
from __future__ import annotations

import json
import unicodedata
from pathlib import Path

TABLE_FILE = Path(__file__).with_name("camel_normalization.json")
ARABIC_RANGES = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))


def from_camel_tools() -> dict[int, str]:
    """What camel-tools makes of each assigned Arabic code point (NFKC, no diacritics, alef, alef maksura,
    teh marbuta), where that differs from the code point."""
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (normalize_alef_ar, normalize_alef_maksura_ar,
                                             normalize_teh_marbuta_ar, normalize_unicode)

    table = {}
    for lo, hi in ARABIC_RANGES:
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            if unicodedata.category(ch) == "Cn":
                continue
            out = dediac_ar(normalize_unicode(ch))
            out = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(out)))
            if out != ch:
                table[cp] = out
    return table


def load() -> dict[int, str]:
    return {int(cp): out for cp, out in json.loads(TABLE_FILE.read_text(encoding="ascii")).items()}


if __name__ == "__main__":
    table = from_camel_tools()
    TABLE_FILE.write_text(json.dumps({str(cp): out for cp, out in sorted(table.items())}, indent=0) + "\n",
                          encoding="ascii")
    print(f"{TABLE_FILE}: {len(table)} code points")
