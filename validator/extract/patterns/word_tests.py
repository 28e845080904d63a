"""The `word` tests of a run's patterns answered once a run for each word, and an article's words that
pass each of them (validator/extract/patterns/matcher.py, `ArticlePatterns._word_tests_passed`)."""
from __future__ import annotations

from typing import Callable

from validator.extract.patterns.model import Pattern
from validator.extract.word_facts import tagged, words_with
from validator.extract.word_keys import WordKeys
from validator.text.lexicon import variant_forms
from validator.text.wordcache import WordCache

_ENTRY = (True,)  # the key of a word some `word` test's lexicon has an entry for, in an index of its own


def word_tests(patterns: list[Pattern]) -> frozenset[tuple]:
    """The (lexicon, attribute) of every `word` test of the patterns."""
    return frozenset((t.value, t.attr) for p in patterns for el in p.elements for t in el.tests if t.kind == "word")


def has_attr(entry, attr: tuple[str, str] | None) -> bool:
    """An entry has the attribute's value (`class=becoming`: one of its comma-separated values), or no
    attribute is asked."""
    return attr is None or attr[1] in (entry.get(attr[0]) or "").split(",")


def _has_entry(matchable: dict, tests: frozenset[tuple]) -> Callable[[str], bool]:
    """word -> whether some lexicon of the `word` tests has an entry for it: one set of the lexicons'
    forms, each word's forms read from variant_forms' cache (the stopwords' look-up among the word's
    other facts reads them there too: a new word's readings made once, not twice)."""
    forms = frozenset().union(*(matchable[name].by_norm for name in {lexicon for lexicon, _attr in tests}))
    return lambda w: not forms.isdisjoint(variant_forms(w))


# the article's words some lexicon of the run's `word` tests has an entry for, in the run's index of word facts
_RUN_ENTRY = tagged(lambda res: _has_entry(res.matchable, word_tests(res.patterns)))


def word_test_index(res, tests: frozenset[tuple]) -> tuple[dict[tuple, int], WordCache, Callable]:
    """For a run: each `word` test's number; a word -> the numbers of the tests it passes, (lexicon,
    None) for each lexicon with its entry; and ctx -> the article's words some lexicon of a test has an
    entry for (each word tested once a run: the run's patterns in the index of word facts, others in
    an index of their own)."""
    matchable = res.matchable
    attrs: dict[str, list] = {}
    for lexicon, attr in sorted(tests, key=str):
        attrs.setdefault(lexicon, [])
        if attr is not None:
            attrs[lexicon].append(attr)
    ids = {test: k for k, test in enumerate(sorted(tests | {(name, None) for name in attrs}, key=str))}
    table = [(matchable[name], ids[(name, None)], tuple((attr, ids[(name, attr)]) for attr in found))
             for name, found in attrs.items()]

    # every one-word form of the tests' lexicons -> (the lexicon's place in `table`, its entry), in table
    # order: a word's entries read off its few clitic readings at once (a look-up in each lexicon for each
    # reading of a new word cost ~20 us; a token has no space, so a phrase's form is never one of them)
    by_form: dict[str, tuple] = {}
    for place, (lex, _id, _attrs) in enumerate(table):
        for form, entry in lex.by_norm.items():
            if " " not in form:
                by_form[form] = by_form.get(form, ()) + ((place, entry),)

    def passed(word: str) -> tuple[int, ...]:
        found: dict[int, object] = {}  # a lexicon's place -> its entry for the word's first reading it has
        for form in variant_forms(word):  # (the order `Lexicon.lookup` tries them in)
            for place, entry in by_form.get(form, ()):
                found.setdefault(place, entry)
        out: list[int] = []
        for place in sorted(found):  # (this record is the run's answer: no copy in each lexicon)
            entry, (_lex, entry_id, lex_attrs) = found[place], table[place]
            out.append(entry_id)
            out += [k for attr, k in lex_attrs if has_attr(entry, attr)]
        return tuple(out)
    if tests == word_tests(res.patterns):
        return ids, WordCache(passed), lambda ctx: words_with(ctx, (_RUN_ENTRY,))
    has_entry = _has_entry(matchable, tests)
    anywhere = WordKeys(lambda w: _ENTRY if has_entry(w) else ())
    return ids, WordCache(passed), lambda ctx: anywhere.words_with(ctx.distinct_texts, _ENTRY)
