"""The message catalogues (rules/messages/*.json): every key in every language, the same placeholders
in each translation of a message, and Arabic counted nouns agreeing with their number."""
from __future__ import annotations

import string

from validator.messages import LANGS, PLURAL_CATEGORIES, catalogue, counted


def _is_plural(value) -> bool:
    return isinstance(value, dict) and "other" in value and set(value) <= set(PLURAL_CATEGORIES)


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def _leaves(table: dict, prefix: str = "") -> dict[str, set[str]]:
    """Every message of a catalogue by its dotted key, as the placeholders it uses (a counted message's
    forms together: a language may say `ملاحظتان` where another writes the number)."""
    out = {}
    for key, value in table.items():
        path = f"{prefix}{key}"
        if _is_plural(value):
            out[path] = set().union(*map(_placeholders, value.values()))
        elif isinstance(value, dict):
            out.update(_leaves(value, path + "."))
        else:
            assert isinstance(value, str), f"{path}: a message is a string, a table or a plural table"
            out[path] = _placeholders(value)
    return out


def test_every_language_has_every_message_with_the_same_placeholders():
    tables = {lang: _leaves(catalogue(lang)) for lang in LANGS}
    first, *others = LANGS
    for lang in others:
        assert tables[lang].keys() == tables[first].keys(), (
            f"keys only in {first}: {sorted(tables[first].keys() - tables[lang].keys())}; "
            f"only in {lang}: {sorted(tables[lang].keys() - tables[first].keys())}")
        differ = {k: (tables[first][k], tables[lang][k]) for k in tables[first] if tables[first][k] != tables[lang][k]}
        assert not differ, f"placeholders differ between {first} and {lang}: {differ}"


def test_the_check_sees_a_missing_key_and_a_renamed_placeholder():
    ar = _leaves({"fix": {"left": "بقيت {n} ملاحظة: {rules}"}, "summary": {"files": {"one": "ملف واحد", "other": "{n} ملفا"}}})
    en = _leaves({"fix": {"left": "{count} left: {rules}"}})
    assert ar.keys() - en.keys() == {"summary.files"}
    assert ar["fix.left"] != en["fix.left"] and ar["summary.files"] == {"n"}


def test_arabic_counted_nouns_agree_with_their_number():
    forms = catalogue("ar")["summary"]["counted"]["warning"]
    assert [counted(forms, n, "ar") for n in (0, 1, 2, 3, 10, 11, 99, 100, 103, 111)] == [
        "0 تحذيرات", "تحذير واحد", "تحذيران", "3 تحذيرات", "10 تحذيرات", "11 تحذير", "99 تحذير", "100 تحذير",
        "103 تحذيرات", "111 تحذير"]
    assert counted(catalogue("en")["summary"]["counted"]["warning"], 1, "en") == "1 warning(s)"
