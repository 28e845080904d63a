"""Vague nouns right after a reporting verb that the verb's own form shows are not its subject: the
crowd its participle names (غرد المغردون) and news at large in the feminine plural after a masculine
singular form inside its sentence (في تواصلهم وتناقل الأخبار فيما بينهم), which is the object of the verb or
of the verbal noun; a verb opening its sentence may still go before its subject (وكشف معلومات الصحيفة أن)."""
from __future__ import annotations

from validator.extract.group_identity import head_entry
from validator.extract.model import Entity
from validator.extract.passages import first_word
from validator.extract.wordclasses import affix, word_class
from validator.text.normalize import normalize_string


def not_verb_subject(ctx, entry, source: Entity, i: int) -> bool:
    """The vague source after the verb is the crowd doing what the news reports or the thing passed on."""
    return _crowd_of_verb(entry, source) or _public_reaction(entry, source) \
        or (_object_by_agreement(ctx, entry, source) and not _opens(ctx, i))


_PUBLIC = word_class("attribution-words", "vox-pop-group")  # أهالي، سكان، مواطنون: the public


def _public_reaction(entry, source: Entity) -> bool:
    """A verb of the public's reaction (reporting-verbs reaction=public: تخوف) whose subject is a group of the
    public (وتخوف الأهالي من آثار الأعطال): their feeling about the news, not a source that gives it."""
    words = source.key.split(" ") if source.vague and source.key else []
    return entry.get("reaction") == "public" and any(w.removeprefix(affix("article")) in _PUBLIC for w in words)


def _crowd_of_verb(entry, source: Entity) -> bool:
    """A vague group named by the verb's own participle (غرد المغردون، تابع المتابعون): the people the news
    is about doing it, not a source that gives the news."""
    stem = normalize_string(entry.get("participle") or "").removesuffix(affix("accusative"))
    key = source.key.removeprefix(affix("article"))
    return source.vague and len(stem) >= 3 and key.startswith(stem)


def _object_by_agreement(ctx, entry, source: Entity) -> bool:
    """A masculine singular form (the bare form is also the verbal noun: في تواصلهم وتبادل الأخبار) before a
    feminine plural of news at large (vague-sources generic=yes|definite: أخبار، معلومات، تقارير): a plural
    of things takes the feminine verb (وتداولت الأخبار أن), so the noun is the object, not who reports."""
    head = head_entry(source, ctx.res["vague-sources"])
    return entry.get("gender") == "m" and head is not None and head.get("number") == "pl" \
        and head.get("gender") == "f" and head.get("generic") in ("yes", "definite")


def _opens(ctx, i: int) -> bool:
    """Token i is the first word of its sentence."""
    return first_word(ctx, ctx.doc.sentences[ctx.sentence_of(ctx.tokens[i].start)[0]]) == i
