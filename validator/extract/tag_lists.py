"""A site's list of tags closing an article (... في الموعد المحدد. سمات النفط أوبك أسعار الخام): a
label (entity-words tag-list) after a sentence's end in the last paragraph, then words and no mark to
the paragraph's end. Tags are keywords, not text: a brand written there another way than in the story
(انستغرام against the body's انستقرام) is no misspelling an editor fixes (round 84 rejected one), so a
spelling first written in the tags is dropped (rule inconsistent-name). The pipeline calls it after
`find_spellings` (spellings.py)."""
from __future__ import annotations

from validator.extract.context import Context
from validator.extract.model import SpellingGroup
from validator.extract.wordclasses import word_class

_LABELS = word_class("entity-words", "tag-list")
_SENTENCE_ENDS = ".؟?!"
_MARKS = frozenset(".،,:؛;؟?!«»“”\"()")  # a mark in the tags: a sentence, not a list of keywords


def tag_list_start(ctx: Context) -> int:
    """Where the closing list of tags starts in the article's text (after its label), or -1."""
    body = [p for p in ctx.doc.paragraphs if not p.is_headline]
    if not body:
        return -1
    text, last = ctx.doc.text, body[-1]
    seg = text[last.start:last.end]
    for label in _LABELS:
        at = seg.rfind(label)
        before, tags = seg[:at].rstrip(), seg[at + len(label):]
        if at != -1 and (not before or before[-1] in _SENTENCE_ENDS) and (at + len(label) == len(seg) or tags[0].isspace()) \
                and tags.strip() and _MARKS.isdisjoint(tags):
            return last.start + at + len(label)
    return -1


def outside_tags(ctx: Context, groups: list[SpellingGroup]) -> list[SpellingGroup]:
    """The groups without the spellings written only in the closing tags; a group left with one spelling goes."""
    start = tag_list_start(ctx)
    if start == -1:
        return groups
    story, out = ctx.doc.text[:start], []
    for g in groups:
        forms = tuple(f for f in g.forms if f[1].start < start or f[0] in story)
        if len(forms) == len(g.forms):
            out.append(g)
        elif len(forms) > 1:
            out.append(type(g)(g.key, forms, g.kind, g.variant, g.slot))
    return out
