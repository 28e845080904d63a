"""What extraction needs from the lexicons, derived once per run (inflected verb forms, word sets)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING

from validator.extract.letters import ALEF_MAKSURA, NISBA_ENDING
from validator.extract.word_keys import WordKeys
from validator.extract.wordclasses import affix, affixes, word_class
from validator.text.lexicon import Lexicon, LexEntry, Lexicons, TokenMatcher
from validator.text.normalize import normalize_string
from validator.text.tokens import kind_of
from validator.text.wordcache import WordCache

if TYPE_CHECKING:
    from validator.text.morphology import Morphology

# Lexicons whose words never start or continue a person's name.
_NON_NAME_LEXICONS = ("stopwords", "title-modifiers", "titles", "portfolios", "nationalities", "months", "number-words",
                      "ordinals", "casualty-nouns", "casualty-verbs", "people-nouns", "currencies",
                      "units", "qualifiers", "source-phrases", "vague-sources", "places", "bodies")
# Words a per-word cache keeps for a run (see validator.text.wordcache).
WORD_CACHE_SIZE = 50_000

_LOOSE = str.maketrans("", "", "".join(affixes("loose")))
_ARTICLE = affix("article")
_ACCUSATIVE = affix("accusative")
_NAME_CLITICS = frozenset(affixes("name-clitic"))
_OBJECT_PRONOUNS = affixes("object-pronoun")  # أكده، ذكرتها
# (clitic, whether it ends in the article's lam: ل + الأمم is written للأمم, و + ال is وال)
_NON_NAME_CLITICS = tuple((c, c.endswith(affix("lam")) and c != affix("lam")) for c in affixes("non-name-clitic"))
# the same by their first letter: a new word is tried only against the clitics it can start with (any one
# read off makes it a common word, so their order does not matter)
_NON_NAME_BY_FIRST = {c[0]: tuple(x for x in _NON_NAME_CLITICS if x[0][0] == c[0]) for c, _ in _NON_NAME_CLITICS}


@lru_cache(maxsize=200_000)
def loose_key(norm: str) -> str:
    """A spelling-blind key: without the article and long vowels, so الأميركي ~ الأمريكي, ستيفان ~ ستافان."""
    words = []
    for w in norm.split():
        if w.startswith(_ARTICLE) and len(w) > 3:
            w = w[len(_ARTICLE):]
        words.append(w.translate(_LOOSE) or w)
    return " ".join(words)


_LOOSE_KEY_UNCACHED = loose_key.__wrapped__  # (for a caller that keeps the keys itself)
_NISBA = tuple(word_class("entity-words", "nisba"))
_NISBA_PLURAL = tuple(sorted(word_class("entity-words", "nisba-plural")))


class _Inflections:
    """The affixes of a reporting verb's forms (rules/lexicons/affixes.txt), read once."""

    def __init__(self):
        a = affix
        self.weak = a("weak-final")
        self.perfect_f = a("perfect-f")  # قالت: the one perfect ending of a singular subject
        self.perfect = ((a("perfect-f"), "f", True), (a("perfect-pl"), "m", True), (a("perfect-du"), "m", False),
                        (a("perfect-f-du"), "f", True), (a("perfect-f-pl"), "f", False))  # (ending, gender, on the stem)
        self.m, self.f = a("imperfect-m"), a("imperfect-f")
        self.pl, self.du, self.f_pl = a("imperfect-pl"), a("imperfect-du"), a("imperfect-f-pl")
        self.pl_short = a("imperfect-pl-short")  # لم يستبعدوا، لن يؤكدوا
        self.first = (a("imperfect-1pl"), a("imperfect-1sg"))
        self.masdar = ((a("masdar-m"), "m"), (a("masdar-f"), "f"), (a("masdar-pl"), "m"))
        self.accusative = a("accusative")
        self.participle = ((a("participle-f"), "f"), (a("participle-pl"), "m"), (a("participle-f-pl"), "f"))


@lru_cache(maxsize=1)
def _inflections() -> _Inflections:
    return _Inflections()


def _without_weak_final(word: str, weak: str) -> str:
    return word[:-len(weak)] if word.endswith(weak) else word


def verb_forms(entry: LexEntry) -> list[tuple[str, str, bool]]:
    """Inflected forms of a reporting verb with the subject's gender they imply (m, f or '') and
    whether the form carries its subject: a plural, dual or first-person ending or prefix (قالوا،
    يتابعون، يقولان، أشير، نقول), after which a noun is the verb's object, never its subject."""
    inf = _inflections()
    forms: list[tuple[str, str, bool]] = []
    perfect = entry.norm
    stem = _without_weak_final(perfect, inf.weak)  # نفى -> نفت، نفوا
    forms += [((stem if on_stem else perfect) + ending, gender, ending != inf.perfect_f)
              for ending, gender, on_stem in inf.perfect]
    if entry.get("bare") != "no":
        forms.append((perfect, "m", False))  # not بين (between) or عبر (via)
    imperfect = normalize_string(entry.get("imperfect") or "")
    if imperfect.startswith(inf.m) and len(imperfect) > 2:
        base = imperfect[len(inf.m):]
        weak = _without_weak_final(base, inf.weak)
        forms += [(imperfect, "m", False), (inf.f + base, "f", False), (inf.m + weak + inf.pl, "m", True),
                  (inf.m + weak + inf.pl_short, "m", True),
                  (inf.m + base + inf.du, "m", True), (inf.f + base + inf.du, "f", True),
                  (inf.m + base + inf.f_pl, "f", True), *((person + base, "", True) for person in inf.first)]
    masdar = normalize_string(entry.get("masdar") or "")
    if masdar:
        # only with a pronoun (قوله، تأكيدها): a bare verbal noun (ردا على، إعلان) reports nothing
        forms += [(masdar + pronoun, gender, False) for pronoun, gender in inf.masdar]
    forms += [(form, gender, False) for form, gender in participle_forms(entry)]
    return forms


def participle_forms(entry: LexEntry) -> list[tuple[str, str]]:
    """The participle's forms (مؤكدا، مؤكد، مؤكدة ...; قائلا) with the gender they imply."""
    participle = normalize_string(entry.get("participle") or "")
    if not participle:
        return []
    inf = _inflections()
    p = participle[:-len(inf.accusative)] if participle.endswith(inf.accusative) else participle
    return [(participle, "m"), (p, "m"), *((p + ending, gender) for ending, gender in inf.participle)]


@dataclass
class Resources:
    lexicons: Lexicons
    morphology: Morphology | None = None   # when a database is set

    def __getitem__(self, name: str) -> Lexicon:
        return self.lexicon[name]  # (one Python frame, not two: `lexicon` below)

    @cached_property
    def lexicon(self) -> WordCache:
        """`lexicon[name]`: `self[name]` as one C lookup once the run has loaded it (the entity
        passes ask for a lexicon by name hundreds of times an article)."""
        return WordCache(self.lexicons.__getitem__, WORD_CACHE_SIZE)

    @cached_property
    def reporting_forms(self) -> Lexicon:
        """Every inflection of every reporting verb as one lexicon: form -> lemma, gender, kind."""
        lex = Lexicon("reporting-verbs")
        for entry in self.lexicons["reporting-verbs"].entries:
            participles = {form for form, _ in participle_forms(entry)}
            for form, gender, carried in verb_forms(entry):
                attrs = dict(entry.attrs)
                # مؤكدا، مضيفا، and the participles of the first form: قائلا، نافيا
                attrs.update(lemma=entry.text, gender=gender, part="participle" if form in participles else "verb")
                if carried:
                    attrs.update(subject="pronoun")  # يتابعون أخبار: the noun after is no subject
                lex.add(LexEntry(form, form, MappingProxyType(attrs), entry.source))
        return lex

    @cached_property
    def reporting_masdars(self) -> dict[str, LexEntry]:
        """The bare verbal noun of each reporting verb (إعلان، تأكيد، قول) -> its entry: a report only
        with its subject and a reported clause after it (إعلان مسؤولين في واشنطن أنها ...)."""
        return {normalize_string(e.get("masdar")): e for e in self.lexicons["reporting-verbs"].entries if e.get("masdar")}

    @cached_property
    def subject_masdars(self) -> frozenset[str]:
        """The verbal nouns whose subject after them reports: the bare ones and their sound plurals, after a
        clitic preposition too (بتحذيرات خبراء من أن، وسط تأكيدات مصادر أن: rounds 86-87). Not for a refusal:
        رفض الاتهامات rejects what was said, رفض التعليق refuses to say it."""
        bare, plural = self.reporting_masdars, affix("feminine-plural")
        return frozenset(bare) | {c + w + plural for w in bare for c in ("", *affixes("preposition-clitic"))}

    def reporting_with_object(self, word: str) -> LexEntry | None:
        """A reporting verb carrying its object's pronoun (أكده، ذكرتها، أعلنتها: وفقا لما أكده، حصيلة
        أعلنتها مصادر), as its entry, or None."""
        for suffix in _OBJECT_PRONOUNS:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                entry = self.reporting_forms.lookup(word[:-len(suffix)])
                if entry is not None:
                    return entry
        return None

    def reports_it(self, verb: str | None, before: list[str], clause: bool = False) -> bool:
        """حصيلة أعلنتها مصادر: a verb of a noun (object=noun, no relay with=عن) carrying its pronoun right
        before a source; a relay=yes verb after a statement its issuer gave (بيان مقتضب تناقلته الصحف, the
        words `before` it) only passed it on (issue 13, session 15)."""
        entry = self.reporting_with_object(verb) if verb is not None else None
        if entry is None or entry.get("object") != "noun" and not clause \
                or entry.get("with") and not (clause and entry.get("with-source")):
            return False  # (ما وصفته دوائر سياسية بأنه: any such verb with a reported clause after its source;
            # a with-source verb's with= words widen it, they take no clause away: اتهمه آخرون بأنه)
        phrases = self.lexicons["source-phrases"]
        return not entry.get("relay") or not any((e := phrases.lookup(w)) and e.get("kind") == "statement" for w in before)

    @cached_property
    def bare_verbs(self) -> dict[str, LexEntry]:
        """The bare perfect of each verb marked bare=no (بين، عبر، قدر), which the reporting forms
        leave out because the word is mostly a preposition or a noun; read only where its shadda or
        a reported clause right after it says it is the verb (بيّن، وبين أن)."""
        out: dict[str, LexEntry] = {}
        for entry in self.lexicons["reporting-verbs"].entries:
            if entry.get("bare") == "no":
                attrs = dict(entry.attrs, lemma=entry.text, gender="m", part="verb")
                out[entry.norm] = LexEntry(entry.norm, entry.norm, MappingProxyType(attrs), entry.source)
        return out

    def vague_singular(self, word: str) -> str:
        """A vague head's singular (vague-sources singular=: مصادر → مصدر), else the word itself."""
        entry = self.vague_sources.lookup(word)
        return normalize_string(entry.get("singular") or entry.norm) if entry is not None else word

    @cached_property
    def vague_sources(self) -> Lexicon:
        """The vague-source lexicon plus the definite form of each head (المصدر، المسؤول، المصادر),
        which refers back to an anonymous source already introduced (definite=quantified: a plural that is
        a vague source only after a quantifier)."""
        lex = Lexicon("vague-sources")
        for entry in self.lexicons["vague-sources"].entries:
            lex.add(entry)
        for entry in self.lexicons["vague-sources"].entries:
            if entry.get("kind") == "head" and not entry.norm.startswith(_ARTICLE) and (
                    entry.get("definite") != "no" or entry.get("number") == "pl"):
                # definite=no plurals only after a quantifier (بعض الدراسات، العديد من الوثائق): some of a kind, no
                # document the article introduced
                mark = "quantified" if entry.get("definite") == "no" else "true"
                attrs = dict(entry.attrs, lemma=entry.norm, definite=mark)
                lex.add(LexEntry(_ARTICLE + entry.text, _ARTICLE + entry.norm, MappingProxyType(attrs), entry.source))
        return lex

    @cached_property
    def nationality_forms(self) -> Lexicon:
        """Every written form of a nationality adjective (العراقي، العراقية، عراقيون ...)."""
        lex = Lexicon("nationality-forms")
        for entry in self.lexicons["nationalities"].entries:
            lex.add(entry)
            forms = [entry.text] + [entry.get(key) for key in ("f", "pl", "definite", "fpl") if entry.get(key)]
            for form in forms[1:]:
                lex.add(LexEntry(form, normalize_string(form), entry.attrs, entry.source))
            for form in forms:
                norm = normalize_string(form)
                if norm.endswith(_NISBA) and " " not in norm:
                    # the sound plurals of a nisba (ماليزيون، الأوروبيين، أمريكيات): a group's nationality
                    for ending in _NISBA_PLURAL:
                        lex.add(LexEntry(form + ending, norm + ending, entry.attrs, entry.source))
        return lex

    @cached_property
    def nationality_nouns(self) -> Lexicon:
        """The indefinite forms of the nationality adjectives (هولندي، إيرانيين), as written, with no clitic:
        after a count, the people it counts; a definite one (للروسية، القرن السابع عشر الإنجليزي) or one
        joined to the next word (مونديال 2010 والبرازيلي 2014) is no counted noun."""
        lex = Lexicon("nationality-nouns")
        lex.add_all(e for e in self.nationality_forms.entries if not e.norm.startswith(_ARTICLE))
        lex.lookup = lex.by_norm.get  # the word itself, no clitic reading
        return lex

    @cached_property
    def vague_modifiers(self) -> frozenset[str]:
        return frozenset(e.norm for e in self.lexicons["vague-sources"].entries if e.get("kind") == "modifier")

    @cached_property
    def vague_adjectives(self) -> frozenset[str]:
        """Vague heads that are adjectives too (adjective=yes): after another head they continue its span."""
        return frozenset(e.norm for e in self.lexicons["vague-sources"].entries if e.get("adjective") == "yes")

    @cached_property
    def spelled_terms(self) -> Lexicon:
        """Words with two accepted spellings (`variant=` in nationalities and places: الأميركي /
        الأمريكي), each tagged with its pair, so an article that uses both can be flagged."""
        lex = Lexicon("spelled-terms")
        for name in ("nationalities", "places"):
            source = self.lexicons[name]
            for entry in source.entries:
                variant = entry.get("variant")
                if not variant:
                    continue
                other = source.by_norm.get(normalize_string(variant))
                group = "|".join(sorted((entry.norm, normalize_string(variant))))
                sides = [(variant, "a"), (entry.text, "b")]  # `variant=` names the first spelling
                if entry.get("f") and other is not None and other.get("f"):
                    sides += [(other.get("f"), "a"), (entry.get("f"), "b")]  # الأميركية / الأمريكية
                for form, side in sides:
                    attrs = MappingProxyType({"group": group, "side": side})
                    lex.add(LexEntry(form, normalize_string(form), attrs, entry.source))
        return lex

    # Lexicons an article can be matched against; the base reporting-verbs and vague-sources lists are
    # matched through their derived forms (every inflection; definite heads); affixes holds letters, not words.
    _NOT_SCANNED = frozenset({"reporting-verbs", "vague-sources", "given-names-only", "affixes"})
    # The ones the extractors ask `Context.hits` for in (nearly) every article, matched in one pass;
    # any other (stopwords, months, sport-context ...) is matched only in an article that asks for it.
    EXTRACTOR_LEXICONS = frozenset({
        "bodies", "cargo-words", "casualty-nouns", "casualty-verbs", "first-person", "given-names",
        "impersonal-phrases", "market-terms",
        "nationalities", "number-words", "ordinals", "people-nouns", "places", "portfolios", "public-figures",
        "qualifiers", "reporting-forms", "source-phrases", "spelled-terms", "title-modifiers", "titles",
        "topic-shifts", "units", "update-phrases", "vague-sources-all"})

    @cached_property
    def matchable(self) -> dict[str, Lexicon]:
        """Every lexicon `Context.hits` can match, by the name it is asked for."""
        lexicons = {name: self.lexicons[name] for name in self.lexicons.names if name not in self._NOT_SCANNED}
        lexicons["reporting-forms"] = self.reporting_forms
        lexicons["vague-sources-all"] = self.vague_sources
        lexicons["spelled-terms"] = self.spelled_terms
        lexicons["nationalities"] = self.nationality_forms
        return lexicons

    @cached_property
    def patterns(self) -> list:
        """The built-in token patterns (rules/patterns/), checked against the lexicons a test can name."""
        from validator.extract.patterns import load_patterns

        return load_patterns(set(self.matchable))

    @cached_property
    def pattern_memo(self) -> dict:
        """The pattern matcher's memo for the run: each pattern compiled (by the pattern's id, kept with
        it: where its starts are found, each element's verdict on each token text) and each `word`
        test's attribute verdict on each word (validator/extract/patterns/matcher.py, `_Plan`); the words
        that announce a quoted text (validator/extract/quote_classify.py, `_text_introducers`); each word with a
        foreign g, and each word as another spelling of a name, as the spelling passes read them
        (validator/extract/spellings.py, `_g_reading`, `_other_reading`)."""
        return {}

    @cached_property
    def matcher(self) -> TokenMatcher:
        """The extractors' lexicons in one token index."""
        return TokenMatcher({name: lex for name, lex in self.matchable.items() if name in self.EXTRACTOR_LEXICONS})

    def matcher_for(self, name: str) -> TokenMatcher | None:
        """The token index of one lexicon outside `matcher` (None if no such lexicon can be matched)."""
        matchers = self.__dict__.setdefault("_single_matchers", {})
        if name not in matchers:
            lex = self.matchable.get(name)
            matchers[name] = TokenMatcher({name: lex}) if lex is not None else None
        return matchers[name]

    @cached_property
    def loose_readings(self) -> WordCache:
        """token text -> ((loose key, word), ...): the readings `_loose_spellings` looks a token up by
        (the whole word unless it is a common word, and the word without a one-letter clitic)."""
        return WordCache(self._loose_readings, WORD_CACHE_SIZE)

    @cached_property
    def loose_keys(self) -> WordKeys:
        """The loose keys of each word's `loose_readings`, indexed both ways: an article's words with
        one of the keys asked, found by set operations (validator/extract/word_keys.py). (Each word's
        readings read here without `loose_readings`' cache, which keeps those of the words found alone,
        nor `loose_key`'s: the index holds the keys, and that cache kept a copy of every word's, 3.9 MB
        over 3,000 articles.)"""
        return WordKeys(lambda w: [key for key, _ in self._loose_readings(w, _LOOSE_KEY_UNCACHED)])

    def _loose_readings(self, w: str, key_of=loose_key) -> tuple[tuple[str, str], ...]:
        if len(w) <= 4 or kind_of(w) != "word":
            return ()
        out = [] if w in self.non_name_words else [(key_of(w), w)]
        if w[0] in _NAME_CLITICS and len(w) > 5:
            out.append((key_of(w[1:]), w[1:]))
        return tuple(out)

    @cached_property
    def non_name_words(self) -> frozenset[str]:
        words: set[str] = set()
        for name in _NON_NAME_LEXICONS:
            if name in self.lexicons:
                for e in self.lexicons[name].entries:
                    if " " not in e.norm and not (name == "bodies" and e.get("kind") != "head"):
                        words.add(e.norm)
        words.update(self.reporting_forms.by_norm)
        return frozenset(words)

    @cached_property
    def common_words(self) -> frozenset[str]:
        """Function words and verbs: they end a title's complement even when written with ال."""
        words = {e.norm for e in self.lexicons["stopwords"].entries if " " not in e.norm}
        for name in ("months", "units", "number-words", "ordinals", "qualifiers"):
            words.update(e.norm for e in self.lexicons[name].entries if " " not in e.norm)
        words.update(self.reporting_forms.by_norm)
        return frozenset(words)

    @cached_property
    def prepositions(self) -> frozenset[str]:
        """Stopwords of kind preposition (في، على، من ...)."""
        return frozenset(e.norm for e in self.lexicons["stopwords"].entries if e.get("kind") == "preposition")

    @cached_property
    def document_phrases(self) -> frozenset[str]:
        """Source phrases that name a document (بيان، تقرير): `document=yes`."""
        return frozenset(e.norm for e in self.lexicons["source-phrases"].entries if e.get("document") == "yes")

    @cached_property
    def stopwords_as_written(self) -> frozenset[str]:
        """Stopwords spelled exactly (no alef-maksura folding): على is a preposition, علي a name."""
        return frozenset(e.text for e in self.lexicons["stopwords"].entries)

    @cached_property
    def stopwords_ya_as_maksura(self) -> frozenset[str]:
        """Stopwords ending in ي written with ى instead (فى، التى، الذى): a writer's habit, not a slip."""
        written = self.stopwords_as_written
        return frozenset(w[:-1] + ALEF_MAKSURA for w in written
                         if w.endswith(NISBA_ENDING) and w[:-1] + ALEF_MAKSURA not in written)

    @cached_property
    def is_non_name_strict(self):
        """`is_non_name_strict(word)`: a common word (`common_words`). A set's own `__contains__`, kept
        on the instance after the first use, so each of the thousands of calls an article is one C call."""
        return self.common_words.__contains__

    @cached_property
    def given_names(self) -> Lexicon:
        return self.lexicons["given-names"]

    @cached_property
    def given_name_set(self) -> frozenset[str]:
        """The given names' normalized forms as a set: `ctx.positions` intersects a set with the
        article's words over the smaller of the two, a dict over every given name."""
        return frozenset(self.given_names.by_norm)

    @cached_property
    def is_non_name(self):
        """`is_non_name(word)`: True when a normalized word (possibly with a clitic) cannot be part of a
        name. The per-run cache's own `__getitem__` (a C call), as `is_non_name_strict`."""
        return WordCache(self._is_non_name, WORD_CACHE_SIZE).__getitem__

    def _is_non_name(self, word: str) -> bool:
        if word in self.non_name_words:
            return True
        if word in self.given_names.by_norm:
            return False
        if word.endswith(_ACCUSATIVE) and word[:-len(_ACCUSATIVE)] in self.non_name_words:
            return True  # رئيسا، وزيرا: the accusative of a title or common word
        for clitic, takes_article in _NON_NAME_BY_FIRST.get(word[:1], ()):
            if word.startswith(clitic) and len(word) - len(clitic) >= 2:
                rest = word[len(clitic):]
                if takes_article and not rest.startswith(_ARTICLE):
                    rest = _ARTICLE + rest
                if rest in self.non_name_words:
                    return True
        return False
