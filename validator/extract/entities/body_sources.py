"""An organisation nobody names (vague-sources body=yes: منظمة، هيئة، جمعية) is a vague source only where
what follows it describes it: a vague modifier or a nationality (منظمة غربية، هيئة أوروبية), a clause
(منظمة تراقب الانتخابات), a particle or the end of its sentence (أفادت منظمة دولية بأن). Any other word after
the head and its modifiers is its own name's construct (منظمة أطباء بلا حدود، هيئة كبار العلماء), as is a
name in quotation marks (جمعية «الأمل»): a body named, no vague source (round 144 2015-07-27/151, missed).
A comma or an indefinite accusative right after it (قاعدة بيانات منظمة تنظيما جيدا) shows the adjective
(organised), no body; nor is a body the article names and then describes (مركز ... وهو هيئة من الصحفيين).
A definite bare document noun repeating one the article read as a public record (وفقا للإحصاءات الرسمية ...
وتظهر الإحصاءات أن) is that record again (`repeated_record`)."""
from __future__ import annotations

from validator.extract.letters import ACCUSATIVE, ARTICLE
from validator.extract.patterns.shapes import verb as _verb_like
from validator.extract.wordclasses import word_class
from validator.text.punctuation import SENTENCE_MARKS

_APPOSITION = word_class("entity-words", "apposition-pronoun")  # وهو، وهي


def named_body(reader, i: int, j: int, entry) -> bool:
    """The body head (vague-sources body=yes) at token i and its modifiers end at token j, and token j names
    it rather than describes it or ends its sentence, or an apposition pronoun before it describes a body named."""
    if entry.get("body") != "yes" or j >= len(reader.tokens):
        return False
    if reader._word(i - 1) in _APPOSITION:
        return True
    w = reader._word(j)
    if not w:
        return reader.tokens[j].text not in SENTENCE_MARKS
    return reader.res.nationality_forms.lookup(w) is None and reader.lex["stopwords"].lookup(w) is None \
        and (not _verb_like(w) or w.endswith(ACCUSATIVE))


def repeated_record(reader, i: int, j: int, m) -> bool:
    """The document noun at token i, definite with nothing after it (j == m.j: وتشير الإحصاءات), is the same
    noun an earlier mention made a public record with its modifier (الإحصاءات الرسمية، إحصاءات رسمية)."""
    if j != m.j or not (m.prefix.endswith(ARTICLE) or m.entry.norm.startswith(ARTICLE)):
        return False
    if (nxt := reader._word(j)) is not None and nxt.startswith(ARTICLE) and reader.lex["stopwords"].lookup(nxt) is None:
        return False  # الإحصائيات العالمية: an adjective of its own, other figures (not a particle: الإحصاءات إلى)
    head, lex = m.entry.norm.removeprefix(ARTICLE), reader.lex["vague-sources"]
    return any(h.i < i and h.entry.norm.removeprefix(ARTICLE) == head and (e := lex.lookup(
        (reader._word(h.j) or "").removeprefix(ARTICLE))) is not None and e.get("record") == "yes"
        for h in reader.ctx.hits("vague-sources-all"))  # the record's adjective right after it
