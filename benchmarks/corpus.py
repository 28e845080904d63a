"""The shared SaudiNewsNet day file (../shared/corpus/), as the texts the validator sees."""
from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DAY_FILE = ROOT.parent / "shared" / "corpus" / "saudinewsnet" / "2015-07-23.zip"


def articles(path: Path = DAY_FILE) -> list[str]:
    """title + blank line + content, as the gold files count lines."""
    if not path.exists():
        sys.exit(f"benchmark: {path} not found (the shared corpus lives beside the checkout)")
    with zipfile.ZipFile(path) as z:
        name = next(n for n in z.namelist() if n.endswith(".json"))
        data = json.load(z.open(name))
    return [a["title"] + "\n\n" + a["content"] for a in data]
