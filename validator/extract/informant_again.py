"""Vague informants referred back to (وأضافت المصادر، كما قالت المصادر إن، وأشار المصدر ذاته إلى): a further
claim on the same anonymous sources, which editors flag in each later paragraph it is made in (issue 13,
session 27: rounds 166-179 missed 2015-07-25/319 L5, 2015-08-02/821 L5 and L7, 2015-07-21/2315 L8).

Only the informant head (lexicon vague-sources informant=yes: مصدر، مصادر): other vague groups referred back
to (الخبراء، المعلومات، المراقبون) are half of them no further claim (an object, the field's view) and stay
silent. Not informants: a head a word right after it makes a kind of record or resource (entity-words
class=not-informant: المصادر التاريخية، مصادر الطاقة); a head after a quantifier (وتقر جميع المصادر: all the
sources of a history, no one group); one source (المصدر نفسه) whose nearest source before it, past the vague
source's last mention, is a named body or person (قال بيان المنسقية ... كما أعلن المصدر نفسه: that statement). Nor a line another vague source
introduces (وأكد شهود محليون ... وأضافت المصادر ذاتها): that line has its finding already, a second is a duplicate."""
from __future__ import annotations

from validator.extract.group_identity import issuer_named, research_identified, tier
from validator.extract.model import Article
from validator.extract.outlets import _without_article
from validator.extract.patterns.shapes import definite
from validator.extract.wordclasses import word_class
from validator.text.normalize import normalize_cached

_PUNCT = "،,.:؛\"«»()"
_NOT_INFORMANT = word_class("entity-words", "not-informant")  # التاريخية، الطاقة: documents, resources


def informant_again(mention, a: Article) -> bool:
    """The mention's head word (past ذات) is an informant head of lexicon vague-sources (informant=yes), no
    word of class not-informant right after it, no quantifier right before it, and, for one source (number=sg),
    no named source between it and its entity's last earlier mention as a source."""
    if a.resources is None:
        return False
    lexicon = a.resources["vague-sources"]
    words = [normalize_cached(w.strip(_PUNCT)) for w in a.doc.text[mention.loc.start:mention.loc.end + 30].split()]
    for k, w in enumerate(words[:3]):
        entry = lexicon.by_norm.get(_without_article(w))
        if entry is not None and entry.get("kind") == "head":
            after = words[k + 1] if k + 1 < len(words) else ""
            return (entry.get("informant") == "yes" and after not in _NOT_INFORMANT and not _after_quantifier(mention, a)
                    and not (entry.get("number") == "sg" and _named_between(mention, a)) and not _other_on_line(mention, a))
    return False


def _other_on_line(mention, a: Article) -> bool:
    """Another vague source its line introduces (its entity's first source mention, or an indefinite one: وقال
    شهود عيان، كما علمت مصادر): the line already has its finding, and a second one there is a duplicate. Not
    estimates (tier=hedge) nor a report or a study the story identifies: those are notes."""
    for e in a.entities:
        if e.vague and e.id != mention.entity and tier(e, a) != "hedge":
            sources = [x for x in e.mentions if x.is_source]
            if any(x.loc.line == mention.loc.line and (x is sources[0] or not definite(normalize_cached(x.loc.text.split()[0])))
                   and not issuer_named(x, a) and not research_identified(x, a) for x in sources):
                return True
    return False


def _after_quantifier(mention, a: Article) -> bool:
    """The word right before the mention is a quantifier (stopwords kind=quantifier: جميع، كل، كافة)."""
    before = a.doc.text[max(0, mention.loc.start - 16):mention.loc.start].split()
    entry = a.resources["stopwords"].lookup(before[-1]) if before else None
    return entry is not None and entry.get("kind") == "quantifier"


def _named_between(mention, a: Article) -> bool:
    """The last attribution between the entity's last earlier source mention and this one is to a named source
    (an entity not vague) or to a named issuer's release: المصدر نفسه points back to it; after an anonymous
    one (وكشف ضابط ... وكشف المصدر العسكري) it stays anonymous."""
    entity = a.entity(mention.entity)
    earlier = [x for x in entity.mentions if x.is_source and x.loc.start < mention.loc.start] if entity else []
    if not earlier:
        return False
    between = [t for t in a.attributions if earlier[-1].loc.end <= t.loc.start < mention.loc.start
               and t.source != mention.entity and (t.source or t.issuer)]
    if not between:
        return False
    last = max(between, key=lambda t: t.loc.start)
    source = a.entity(last.source) if last.source else None
    return bool(last.issuer) or (source is not None and not source.vague)
