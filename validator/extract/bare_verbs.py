"""Reporting verbs whose bare perfect is mostly another word (بين = between, عبر = via, قدر = amount:
reporting-verbs bare=no): read as the verb only where its writing or its sentence says so."""
from __future__ import annotations

from validator.extract.attribution_sources import _CONJUNCTIONS, _THAT_CLAUSE, _sentence_initial
from validator.extract.clause_reach import clause_in_reach
from validator.extract.context import Context
from validator.extract.letters import ARTICLE
from validator.extract.vague_source_names import _vague_head
from validator.extract.wordclasses import word_class
from validator.text.lexicon import LexMatch

SHADDA = "\u0651"
BARE_SUBJECT_WORDS = 5  # وبين محمد عبدالله الحربي أن، وبين عدد منهم أن: the subject's longest run
# a subject that opens with a title (titles lexicon) runs longer: its office, then its holder's name
# (وبين مدير عام الشؤون الصحية بالمنطقة الدكتور فلان الفلاني بأن: round 65)
BARE_TITLED_SUBJECT_WORDS = 10
# a subject that opens with a person's given name, a body or a document (وبين أحمد عادل وهو موظف بإحدى الشركات
# لـ"الوطن" أن، وبين تقرير سابق نشرته "الاقتصادية" في أبريل، أن، وبين مركز البحرين للدراسات والطاقة في دوريته
# أن) runs longer too, through its description, the outlet it spoke to and a comma: the preposition بين
# pairs its first noun with a second party (وبين أحمد وخالد، وبين الوزارة والشركة), which stops the run
BARE_NAMED_SUBJECT_WORDS = 16
_DOCUMENT_HEADS = word_class("attribution-words", "document-heads")
_QUOTE_MARKS = frozenset('"«»“”,،')
# خلال، في، أثناء: a preposition the preposition بين never takes, opening the verb's adverbial
_ADVERBIALS = word_class("attribution-words", "verb-adverbials")


def bare_verbs(ctx: Context) -> list[LexMatch]:
    """بيّن، وبين أن، عبّر: the bare perfect of a bare=no verb, read as the verb only where the original
    writes its shadda or a reported clause (أن، إن، :) follows it at once; otherwise بين is "between"."""
    bare = ctx.res.bare_verbs
    found = []
    text = ctx.norm.text
    candidates = set()
    for verb in bare:  # a few verbs: find their letters in the text, not every token in Python
        at = text.find(verb)
        while at != -1:
            if (k := ctx.index.containing(at)) < len(ctx.tokens):
                candidates.add(k)
            at = text.find(verb, at + 1)
    for k in sorted(candidates):
        t = ctx.tokens[k]
        prefix = t.text[:1] if t.text[:1] in _CONJUNCTIONS and t.text[1:] in bare else ""
        entry = bare.get(t.text[len(prefix):])
        if entry is None:
            continue
        nxt = ctx.tokens[k + 1].text if k + 1 < len(ctx.tokens) else ""
        if SHADDA in ctx.original_text(t.start, t.end) or nxt in _THAT_CLAUSE \
                or (entry.get("bare-subject") == "vague" and _vague_head(ctx, nxt)) \
                or (entry.get("bare-subject") == "clause" and prefix and _subject_then_clause(ctx, k)) \
                or (entry.get("bare-subject") == "clause" and _adverbial_then_clause(ctx, k, nxt)):
            found.append(LexMatch((t.start + len(prefix), t.end, prefix, entry, k, k + 1)))
    return found


def _subject_then_clause(ctx: Context, k: int) -> bool:
    """وبين فلان أن ...: a bare=no verb with و/ف opening its sentence, a subject of a few words with no و
    pairing two nouns (وبين الحين والآخر، وبين هذا وذاك: the preposition between two things), then a
    reported clause (أن، إن، :); the preposition opening a sentence is followed by its pair. A subject
    opening with a title may run to BARE_TITLED_SUBJECT_WORDS (its office and its holder's name)."""
    sentence = ctx.sentence_of(ctx.tokens[k].start)[0]
    if not _sentence_initial(ctx, k, sentence):
        return False
    nxt = ctx.tokens[k + 1].text if k + 1 < len(ctx.tokens) else ""
    titled = ctx.res["titles"].lookup(nxt) is not None
    if not titled and _party(ctx, nxt):
        return _named_subject_then_clause(ctx, k, sentence)
    for j in range(k + 1, min(k + 2 + (BARE_TITLED_SUBJECT_WORDS if titled else BARE_SUBJECT_WORDS), len(ctx.tokens))):
        t = ctx.tokens[j]
        if t.text in _THAT_CLAUSE:
            return j > k + 1
        if t.kind != "word" or t.text[:1] in _CONJUNCTIONS and j > k + 1:
            return False
    return False


def _party(ctx: Context, word: str) -> bool:
    """A word that opens a subject of its own: a given name, a body (bodies lexicon) or a document
    (attribution-words document-heads: تقرير، تقارير)."""
    bare = word.removeprefix(ARTICLE)
    return word in ctx.res.given_names.by_norm or ctx.res["bodies"].lookup(word) is not None \
        or word in _DOCUMENT_HEADS or bare in _DOCUMENT_HEADS


def _named_subject_then_clause(ctx: Context, k: int, sentence: int) -> bool:
    """وبين فلان وهو موظف ... لـ"الوطن" أن: a subject opening with a party (a given name, a body, a document)
    runs to BARE_NAMED_SUBJECT_WORDS through its description, a date, quotation marks and a comma, to a reported
    clause in its sentence; a second party after و (وبين أحمد وخالد، وبين الوزارة والشركة) makes بين the
    preposition between the two."""
    for j in range(k + 2, min(k + 2 + BARE_NAMED_SUBJECT_WORDS, len(ctx.tokens))):
        t = ctx.tokens[j]
        if ctx.sentence_of(t.start)[0] != sentence:
            return False
        if t.text in _THAT_CLAUSE:
            return True
        if t.kind not in ("word", "number") and t.text not in _QUOTE_MARKS:
            return False
        if t.text[:1] in _CONJUNCTIONS and (_party(ctx, t.text[1:]) or ctx.res["titles"].lookup(t.text[1:]) is not None):
            return False
    return False


def _adverbial_then_clause(ctx: Context, k: int, nxt: str) -> bool:
    """وبين خلال اللقاء الذي عقده أمس، أن ...: right after the bare verb a preposition that the preposition
    بين never takes (verb-adverbials: خلال، في، أثناء), then a reported clause within reach of its sentence:
    the verb with its subject left out (the last speaker's), its adverbial before the clause."""
    return nxt in _ADVERBIALS and clause_in_reach(ctx, k + 1, ctx.sentence_of(ctx.tokens[k].start)[0])
