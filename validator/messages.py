"""Messages to editors, one catalogue per language: rules/messages/ar.json and en.json.

A catalogue is data an editor or translator corrects without touching code, as gettext's .po files
or Fluent's .ftl files are. Each is grouped in sections, one a consumer (`html`, `summary`, `fix`,
`suppress`, `explain`, `evidence`, ...); a message is a `str.format` template. A counted message is a
table of CLDR plural categories (`zero`, `one`, `two`, `few`, `many`, `other`; only `other` is
required), chosen by `counted`: Arabic agrees a noun with its number in six forms, English in two.
Both catalogues carry the same keys and each message the same placeholders
(tests/test_messages.py). A catalogue is read on first use, once a process.
"""
from __future__ import annotations

import json
from functools import lru_cache

from validator.paths import builtin_rules_dir

LANGS = ("ar", "en")
FALLBACK = "en"
PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")


@lru_cache(maxsize=None)
def catalogue(lang: str) -> dict:
    """The catalogue of a language (English for a language without one)."""
    name = lang if lang in LANGS else FALLBACK
    path = builtin_rules_dir() / "messages" / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8"))


def messages(section: str, lang: str) -> dict:
    """One section of a language's catalogue: message key -> template (or a nested table)."""
    return catalogue(lang)[section]


def plural_category(n: int, lang: str) -> str:
    """The CLDR plural category of a whole number (unicode.org/cldr, "Language Plural Rules")."""
    if lang == "ar":
        if n in (0, 1, 2):
            return ("zero", "one", "two")[n]
        if 3 <= n % 100 <= 10:
            return "few"
        return "many" if 11 <= n % 100 <= 99 else "other"
    return "one" if n == 1 else "other"


def counted(forms: dict[str, str], n: int, lang: str) -> str:
    """A number with its noun in the form the language gives that number (`other` when the table has
    no form of its own for the category)."""
    return forms.get(plural_category(n, lang), forms["other"]).format(n=n)
