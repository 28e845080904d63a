"""The others of a group the story told just before (شكر مغردون أمير المنطقة ... وقال آخرون: «...»، طالب عدد من
المصلين بـ... فيما أشار آخرون إلى): «آخرون» points back to that group and is as much a source as it is. A group of
the public or of social-media users that did something other than report (thanked, demanded, interpreted) is
no source of the news, and neither are the others of it: their reactions are the story (round 167 2015-07-21/1119
L8, rejected). Others of a group that was itself a source (قال مسؤولون إن ... وقال آخرون) stay a vague source.
The group is the nearest word before «آخرون» in its sentence or the one before it in the paragraph that names
social-media users (entity-words crowd), a group of the public (attribution-words vox-pop-group) or a plural
vague source (vague-sources number=pl); not one after a preposition's clitic (للفتيات: an object)."""
from __future__ import annotations

from validator.extract.letters import ARTICLE, BI, LI_ARTICLE, PREPOSITION_CLITICS
from validator.extract.model import Article, Entity
from validator.extract.outlets import _without_article
from validator.extract.wordclasses import word_class
from validator.text.normalize import normalize_string

_CROWD = word_class("entity-words", "crowd")  # مغردون، متابعون
_PUBLIC = word_class("attribution-words", "vox-pop-group")  # مصلين، سكان، مواطنين
_OTHER = word_class("entity-words", "other")  # آخرون
_PUNCT = ".,،:؛«»\"“”()!؟"
_PREPOSITION_ARTICLES = (BI + ARTICLE, LI_ARTICLE)  # بال، لل


def others_of_group(e: Entity, a: Article) -> bool:
    """«آخرون» whose group, told just before it, is no source where it is told (module doc)."""
    if not e.vague or not e.mentions or _without_article(e.key or "") not in _OTHER or a.resources is None:
        return False
    start = e.mentions[0].loc.start
    sentences = [s for s in a.doc.sentences if s.start <= start]
    if not sentences:
        return False
    here = sentences[-1]
    lo = sentences[-2].start if len(sentences) > 1 and sentences[-2].paragraph == here.paragraph else here.start
    vague = a.resources["vague-sources"]
    text = a.doc.text
    end = start
    for word in reversed(text[lo:start].split()):
        at = text.rfind(word, lo, end)
        end = at
        w = normalize_string(word.strip(_PUNCT))
        if not w or w.startswith(_PREPOSITION_ARTICLES) or (w[0] in PREPOSITION_CLITICS and _group(w[1:], vague)):
            continue  # للفتيات، بالمصلين، لمغردين: a preposition's object
        if _group(w, vague):
            return not any(m.is_source and m.loc.start <= at < m.loc.end
                           for other in a.entities if other.vague for m in other.mentions)
    return False


def _group(w: str, vague) -> bool:
    """A word naming a group that may speak: social-media users, the public, a plural vague source."""
    bare = _without_article(w)
    entry = vague.by_norm.get(bare)
    return bare in _CROWD or bare in _PUBLIC or (entry is not None and entry.get("kind") == "head"
                                                   and entry.get("number") == "pl" and bare not in _OTHER)
