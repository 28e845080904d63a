"""Whose statement a statement noun (كلمة، تصريحات، خطاب) cites as his: a person who delivered it, or a public
figure it names as its author (fields `_explicit`, rule missing-title)."""
from __future__ import annotations

from validator.text.normalize import normalize_cached

_AUTHOR_GAP = 40  # characters from the noun to the name after it: تصريحات خامنئي، التصريحات الصادرة أمس عن خامنئي


def owns_statement(at, e, a) -> bool:
    """ألقى فلان كلمة: the statement noun right after his name is his own (not a guess from nearby);
    تصريحات نتنياهو الأخيرة: a public figure (lexicon public-figures) named after the noun as its author
    is cited by it: his words are the news, and the reader is owed his office."""
    text = a.doc.text
    if any(m.form != "verb" and m.loc.end <= at.loc.start and not text[m.loc.end:at.loc.start].strip()
           for m in e.mentions):
        return True
    public = a.resources["public-figures"] if a.resources is not None else None
    if public is None or public.lookup(normalize_cached(e.name)) is None:
        return False
    return any(m.form != "verb" and 0 <= m.loc.start - at.loc.end <= _AUTHOR_GAP for m in e.mentions)
