"""The rule language's vocabulary as data: rules/language/keywords.json.

Each section lists the language's English names (keywords, severities, structure types, scopes,
message languages) with the aliases an editor may write instead, the Arabic ones (`rule` / قاعدة).
As Gherkin keeps its keywords in gherkin-languages.json, a translator adds an alias by editing the
file; validator.rules.grammar is built from these tables, so a parse error still points at the
file:line:col of the rule. Read with json only (no pyparsing): the rule cache hashes the file
(loader._sources_version) on every run, and a run with cached rules never builds the grammar.
"""
from __future__ import annotations

import json

from validator.paths import builtin_rules_dir

KEYWORDS_FILE = builtin_rules_dir() / "language" / "keywords.json"

_DATA: dict[str, dict[str, list[str]]] = json.loads(KEYWORDS_FILE.read_text(encoding="utf-8"))


def _spellings(section: str) -> dict[str, str]:
    """Every way to write a name of a section -> the name: the English names, then their aliases."""
    table = _DATA[section]
    return {**{name: name for name in table}, **{a: name for name, aliases in table.items() for a in aliases}}


# English keyword -> its aliases. Editors may write either.
KEYWORDS: dict[str, tuple[str, ...]] = {name: tuple(aliases) for name, aliases in _DATA["keywords"].items()}
SEVERITY_ALIASES = _spellings("severities")
STRUCTURE_ALIASES = _spellings("structures")
SCOPE_ALIASES = _spellings("scopes")
LANG_ALIASES = _spellings("languages")
