"""Optional camel-tools morphology: where a database is configured, its analyses refine matching.

Configure with `--morphology-db PATH` or the VALIDATOR_MORPHOLOGY_DB environment variable (a database
in camel-tools' text format, such as calima-msa-r13). Without one, everything works from the
lexicons. camel-tools looks for a data catalogue when `camel_tools.data` is imported and downloads one
if it is missing; we never let it: unless the user already has camel-tools data, CAMELTOOLS_DATA
points at the empty catalogue shipped beside this module, so nothing touches the network.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from validator.errors import InputError
from validator.text.normalize import normalize_string

ENV_VAR = "VALIDATOR_MORPHOLOGY_DB"
_SHIPPED_CATALOGUE = Path(__file__).resolve().parent / "camel_data"


def configured_path(explicit: str | None = None) -> str | None:
    return explicit or os.environ.get(ENV_VAR) or None


def _offline_catalogue() -> None:
    if os.environ.get("CAMELTOOLS_DATA"):
        return
    if (Path.home() / ".camel_tools" / "catalogue.json").exists():
        return
    os.environ["CAMELTOOLS_DATA"] = str(_SHIPPED_CATALOGUE)


class Morphology:
    """Analyses of single words from a camel-tools morphology database, cached."""

    def __init__(self, db_path: str):
        _offline_catalogue()
        from camel_tools.morphology.analyzer import Analyzer
        from camel_tools.morphology.database import MorphologyDB

        try:
            self._analyzer = Analyzer(MorphologyDB(str(db_path), "a"))
        except FileNotFoundError:
            raise InputError(f"{db_path}: morphology database not found") from None
        except Exception as e:  # camel-tools raises its own parse errors
            raise InputError(f"{db_path}: not a camel-tools morphology database ({e})") from None
        self.analyses = lru_cache(maxsize=65536)(self._analyze)

    def _analyze(self, word: str) -> tuple[tuple[str, str], ...]:
        return tuple((a.get("pos", ""), normalize_string(a.get("lex", "").split("_")[0]))
                     for a in self._analyzer.analyze(word))

    def is_proper_noun(self, word: str) -> bool:
        """Every analysis of the word is a proper noun (so a name the lexicons do not know)."""
        found = self.analyses(word)
        return bool(found) and all(pos == "noun_prop" for pos, _ in found)

    def lemmas(self, word: str, pos: str | None = None) -> set[str]:
        return {lex for p, lex in self.analyses(word) if pos is None or p == pos}
