"""Where files are: the articles a folder holds, and the built-in rules and lexicons the package carries."""
from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
# A repository's own documents are not articles: a folder walk skips them (named on the command line,
# they are still validated). The pre-commit hook excludes the same names.
NOT_ARTICLES = re.compile(r"(README|CHANGELOG|CHANGES|LICENSE|LICENCE|CONTRIBUTING|CODE_OF_CONDUCT)(\.[A-Za-z]+)?",
                          re.IGNORECASE)


def articles_in(root: Path):
    """Article files under a folder, in a stable order, without following symlinked folders or entering
    hidden ones (.git, .venv) or node_modules: a folder argument means articles, not tooling."""
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d != "node_modules")
        for name in sorted(filenames):
            if Path(name).suffix.lower() in ARTICLE_SUFFIXES and not NOT_ARTICLES.fullmatch(name):
                yield Path(dirpath) / name


@lru_cache(maxsize=1)
def builtin_rules_dir() -> Path:
    """The built-in rules (`*.rule`, and `lexicons/`), found through the package: an installed wheel
    carries them as `validator/builtin_rules` (pyproject's force-include of the repository's `rules/`);
    a checkout (editable install) has them at the repository root, beside the package."""
    from importlib.resources import files

    packaged = Path(str(files("validator") / "builtin_rules"))
    if packaged.is_dir():
        return packaged
    return Path(str(files("validator"))).parent / "rules"
