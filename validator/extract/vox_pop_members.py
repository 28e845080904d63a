"""A group of the public that speaks in a sentence whose next sentences quote private people by name: a vox
pop (وقال مواطنون للصحيفة إن ... . فلان قال إن ... وقال فلان: ...). The group sums up what the named people
it introduces then say; it is no anonymous source (round 133 2015-07-21/2603 L3, rejected)."""
from __future__ import annotations

FIRST_WITHIN = 2   # sentences after the group's where the first named member speaks
MEMBERS = 2        # private people quoted by name after the group: one named person is no vox pop


def quoted_members(mention, e, a) -> tuple[str, int, int] | None:
    """The first of MEMBERS or more untitled named persons who speak after the group's mention, the first
    of them within FIRST_WITHIN sentences of it: his name, line and column; None otherwise."""
    sentences = a.doc.sentences
    at = next((i for i, s in enumerate(sentences) if s.start <= mention.loc.start < s.end), None)
    if at is None:
        return None
    end, reach = sentences[at].end, sentences[min(at + FIRST_WITHIN, len(sentences) - 1)].end
    firsts = sorted((min(m.loc.start for m in p.mentions if m.is_source and m.loc.start >= end), p.id)
                    for p in a.entities if p.kind == "person" and not p.vague and not p.role_only and not p.titles
                    and any(m.is_source and m.loc.start >= end for m in p.mentions))
    if len(firsts) < MEMBERS or firsts[0][0] >= reach:
        return None
    first = next(m for m in a.entity(firsts[0][1]).mentions if m.loc.start == firsts[0][0])
    return first.loc.text, first.loc.line, first.loc.column
