"""Lexicons: plain data files an editor extends, normalized once and indexed by their first word.

File format (UTF-8): one entry a line, `#` starts a comment, optional attributes after ` | ` as
`key=value` pairs separated by `;`:

    وزيرة | gender=f; group=وزير

A lexicon declares the attributes its entries may carry, once, before its entries:

    @attributes gender=m|f; group=*; kind=role|rank|honorific

`*` accepts any value; a value may list several, separated by commas (`class=kin,regnal`). An attribute or value the declaration does not list fails the load with
file:line:col (exit 2), as a broken rule does: `kind=rol` is a typo, not a new kind. A lexicon that
declares nothing takes no attributes. Extra folders adding lines to a lexicon may declare more
values or attributes; the declarations of all its files add up.

Matching is clitic-aware (و ف ب ل ك and their combinations, and ل+ال contracted to لل: the class
`proclitic` of rules/lexicons/affixes.txt) and works on tokens, never on `\\b`, which does not see
Arabic word edges reliably.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from operator import attrgetter
from pathlib import Path
from types import MappingProxyType
from typing import Callable, Iterator, Mapping, NamedTuple

from validator.errors import RuleError
from validator.paths import builtin_rules_dir
from validator.text.normalize import normalize_string
from validator.text.wordcache import WordCache

# Bounds of the per-word caches (see validator.text.wordcache).
LOOKUP_CACHE_SIZE = 20_000      # words looked up in one lexicon
CANDIDATE_CACHE_SIZE = 200_000  # tokens seen by the matcher of a run
PREFILTER_KEYS = 100  # first words of a lexicon `TokenMatcher.absent_from` reads an article for at most

BUILTIN_DIR = builtin_rules_dir() / "lexicons"


@dataclass(slots=True)
class LexEntry:
    text: str            # as written in the file
    norm: str            # normalized form used for matching
    attrs: Mapping[str, str]
    source: str          # file:line, so `extract` can say which entry matched
    # `entry.get(key, default=None)`: an attribute, the mapping's own `get` (a C call; the extractors
    # ask it hundreds of times an article). Not frozen: a frozen dataclass sets each field through
    # `object.__setattr__`, and ten thousand entries are made on every cold start.
    get: Callable[..., str | None] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.get = self.attrs.get


class _LexMatchFields(NamedTuple):
    start: int           # offsets in the normalized text, the clitic excluded
    end: int
    prefix: str          # the clitic that was split off ("" if none)
    entry: LexEntry
    i: int               # token index of the first word, and after the last word
    j: int


class LexMatch(tuple):
    """(start, end, prefix, entry, i, j), as `_LexMatchFields` names them: a tuple read by the named
    tuple's own field readers (C descriptors, as fast), made by `LexMatch(fields)`, tuple's constructor
    in C. An article has hundreds of matches: a named tuple's constructor is a Python function, and
    `tuple.__new__(LexMatch, fields)` wraps tuple's in two more calls (as `validator.text.tokens.Token`)."""

    __slots__ = ()
    start = _LexMatchFields.start
    end = _LexMatchFields.end
    prefix = _LexMatchFields.prefix
    entry = _LexMatchFields.entry
    i = _LexMatchFields.i
    j = _LexMatchFields.j

    def __repr__(self) -> str:
        return f"LexMatch{tuple(self)!r}"


SCHEMA_DIRECTIVE = "@attributes"
ANY_VALUE = "*"


@dataclass
class Lexicon:
    name: str
    entries: list[LexEntry] = field(default_factory=list)
    by_norm: dict[str, LexEntry] = field(default_factory=dict)
    # attribute -> allowed values (None: any value); None when no file of the lexicon declared any
    schema: dict[str, frozenset[str] | None] | None = None
    _by_source: dict[str, LexEntry] | None = field(default=None, repr=False, compare=False)
    _matcher: "TokenMatcher | None" = None
    _found: WordCache = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._found = WordCache(self._lookup, LOOKUP_CACHE_SIZE)
        self.lookup = self._found.__getitem__  # `lookup` below, called in C (no Python frame a word)

    def __contains__(self, word: str) -> bool:
        return normalize_string(word) in self.by_norm

    def attr(self, norm_word: str, key: str) -> str | None:
        """An attribute of the entry for exactly this normalized word (no clitic split), or None."""
        entry = self.by_norm.get(norm_word)
        return None if entry is None else entry.get(key)

    def lookup(self, norm_word: str) -> LexEntry | None:
        """The entry for an already-normalized word or phrase, trying clitic splits (cached by word:
        extractors look up the same tokens again and again)."""
        return self._found[norm_word]

    def words_with_entry(self, norm_words) -> set[str]:
        """Those of the (distinct, normalized) words `lookup` finds an entry for, looked up in C."""
        words = list(norm_words)
        return set(compress(words, map(self._found.__getitem__, words)))

    def uncached_lookup(self, norm_word: str) -> LexEntry | None:
        """`lookup` without its cache, for a caller that keeps its own answer for the run (the
        pattern matcher's record of a word's tests): the lexicon's cache keeps no copy."""
        return self._lookup(norm_word)

    def _lookup(self, norm_word: str) -> LexEntry | None:
        # the first form with an entry, read in C (an entry is never false: no __len__ nor __bool__)
        return next(filter(None, map(self.by_norm.get, variant_forms(norm_word))), None)

    def add(self, entry: LexEntry) -> None:
        self.add_all((entry,))

    def add_all(self, entries) -> None:
        """Entries in order; the first of two with one normalized form wins."""
        by_norm, kept = self.by_norm, self.entries
        for entry in entries:
            if entry.norm and entry.norm not in by_norm:
                kept.append(entry)
                by_norm[entry.norm] = entry
        self._matcher = None
        self._found.clear()

    @property
    def matcher(self) -> "TokenMatcher":
        """This lexicon alone in the same token index a run uses for all lexicons."""
        if self._matcher is None:
            self._matcher = TokenMatcher({self.name: self})
        return self._matcher

    def finditer(self, norm_text: str, pos: int = 0, endpos: int | None = None) -> Iterator[LexMatch]:
        """Matches in an already-normalized text (for one-off use; a run scans all lexicons at once)."""
        from validator.text.tokens import tokenize

        endpos = len(norm_text) if endpos is None else endpos
        for m in self.matcher.scan(tokenize(norm_text), norm_text)[self.name]:
            if m.start - len(m.prefix) >= pos and m.end <= endpos:
                yield m

    def match_at(self, norm_text: str, pos: int, endpos: int | None = None) -> LexMatch | None:
        """An entry starting exactly at `pos` (clitics allowed), or None."""
        return next((m for m in self.finditer(norm_text, pos, endpos) if m.start - len(m.prefix) == pos), None)


class _Clitics(NamedTuple):
    proclitics: tuple[str, ...]   # longest first
    by_first: dict[str, tuple[tuple[str, int, bool], ...]]  # first letter -> (clitic, its length, ends in lam)
    lam: str                      # the preposition li
    article: str                  # al


@lru_cache(maxsize=1)
def _clitics() -> _Clitics:
    """The proclitics the matcher reads off a token (class `proclitic` of rules/lexicons/affixes.txt),
    longest first: the matcher prefers the whole token as an entry (وليد, فارس) to a clitic reading."""
    from validator.extract.wordclasses import affix, affixes

    proclitics = affixes("proclitic")
    lam = affix("lam")
    # a word is tried only against the proclitics that start with its first letter (a table built once:
    # a new word with a clitic letter first tested all twenty), in the same order, longest first
    by_first: dict[str, list[tuple[str, int, bool]]] = {}
    for c in proclitics:
        by_first.setdefault(c[0], []).append((c, len(c), c.endswith(lam)))
    return _Clitics(proclitics, {k: tuple(v) for k, v in by_first.items()}, lam, affix("article"))


def token_variants(word: str):
    """(form, clitic) readings of one normalized token: as it is, then with each proclitic split off
    (وبالوزارة → وزاره with وبال, الوزاره with وب; للامم → الامم with ل)."""
    yield word, ""
    clitics = _clitics()
    candidates = clitics.by_first.get(word[:1])
    if candidates is None:
        return
    room = len(word) - 3
    for clitic, size, lam_end in candidates:
        if size <= room and word.startswith(clitic):
            rest = word[size:]
            yield rest, clitic
            if lam_end and rest.startswith(clitics.article[1:]) and len(rest) > 2:
                yield clitics.article[:1] + rest, clitic  # ل + الأمم is written للأمم: the article's alef dropped


def variant_forms(word: str) -> tuple[str, ...]:
    """The forms of `token_variants`, without their clitics: once per word for all lexicons (each
    lexicon's lookup of a word, and a test against the forms of several lexicons at once)."""
    return _VARIANT_FORMS[word]


# Bounded as one lexicon's look-ups: a word's forms are asked when its first article looks it up in each
# lexicon (each keeps its own answer after that), so the forms of words met long ago are seldom asked
# again, and they are a tuple and new strings a word: kept for the run's every word (49,000 over 3,000
# articles) they were 4.7 MB of the run's peak memory; the smaller bound costs no measurable time.
_VARIANT_FORMS = WordCache(lambda word: tuple(form for form, _clitic in token_variants(word)), LOOKUP_CACHE_SIZE)


class TokenMatcher:
    """Every lexicon of a run in one hash index keyed by an entry's first word.

    An article is matched in one pass over its tokens: each token's clitic readings are looked up,
    candidates are checked against the following tokens, and the longest match wins (the whole token
    preferred to a clitic reading), non-overlapping within each lexicon, as a regex scan would give."""

    def __init__(self, lexicons: dict[str, "Lexicon"]):
        from validator.text.tokens import tokenize

        self.names = tuple(lexicons)
        # first word -> entries of one word, and second word -> longer entries (a word-level trie,
        # so a common first word such as في does not try every phrase that starts with it)
        self._single: dict[str, list[tuple[str, LexEntry]]] = {}
        self._multi: dict[str, dict[str, list[tuple[str, LexEntry, tuple[str, ...]]]]] = {}
        for name, lex in lexicons.items():
            for entry in lex.entries:
                words = _words(entry.norm, tokenize)
                if len(words) == 1:
                    self._single.setdefault(words[0], []).append((name, entry))
                elif words:
                    self._multi.setdefault(words[0], {}).setdefault(words[1], []).append((name, entry, words[2:]))
        self._candidates = WordCache(self._starts, CANDIDATE_CACHE_SIZE)
        self._first_word_ends: tuple[str, ...] | None = None  # `absent_from`, made at its first ask

    def _starts(self, word: str) -> tuple | None:
        """What a token can start, or None: the best one-word entry of each lexicon as
        (lexicon, clitic, len(clitic), entry), (clitic, longer entries by second word) per clitic
        reading or None, and the second words of those longer entries (a set) or None. Among one-word
        entries the whole token beats a clitic reading and a shorter clitic a longer one; the first
        found wins a tie. Cached by word: news vocabulary repeats."""
        from validator.text.tokens import kind_of

        if kind_of(word) == "punct":
            return None
        best_single: dict[str, tuple[int, str, LexEntry]] = {}
        longer: list[tuple[str, dict]] = []
        readings = tuple(token_variants(word))
        if word not in _VARIANT_FORMS:  # a new word's readings made once: its look-ups read their forms
            _VARIANT_FORMS.keep(word, tuple(form for form, _clitic in readings))
        for form, clitic in readings:
            rank = -len(clitic)
            for name, entry in self._single.get(form, ()):
                old = best_single.get(name)
                if old is None or rank > old[0]:
                    best_single[name] = (rank, clitic, entry)
            by_second = self._multi.get(form)
            if by_second is not None:
                longer.append((clitic, by_second))
        if not best_single and not longer:
            return None
        singles = tuple((name, clitic, len(clitic), entry) for name, (_rank, clitic, entry) in best_single.items())
        seconds = frozenset().union(*(by_second for _clitic, by_second in longer)) if longer else None
        return singles, tuple(longer) or None, seconds

    def uncached_starts(self, word: str) -> tuple | None:
        """What a token can start (`_starts`), for a caller that keeps it in its own record of the word
        for the run, and passes each token's to `scan` (`candidates`): this matcher's cache keeps no copy."""
        return self._starts(word)

    def absent_from(self, words) -> bool:
        """True when none of `words` (an article's distinct token texts) can start an entry, read in C
        before a scan: a token starts one only if one of its readings (`token_variants`: the token, or
        what follows a proclitic, or that with the article's alef put back) is an entry's first word,
        so only if it ends with a first word (or with one less its leading alef). A lexicon matched
        only in the articles that ask for it (`Resources.matcher_for`; commodities is asked in a fifth
        of them and found in one in six of those) is then not scanned, and its matcher's cache of
        every word's starts is not filled with the words of the articles without it. Lexicons of more
        than PREFILTER_KEYS first words are always scanned (stopwords: nearly every article has one)."""
        ends = self._first_word_ends
        if ends is None:
            ends = self._first_word_ends = _word_ends(list(self._single) + list(self._multi), _clitics().article[:1])
        if not ends or len(ends) > PREFILTER_KEYS:
            return False
        joined = "\n".join(words) + "\n"  # (no token holds a line break)
        return not any(map(joined.__contains__, ends))

    def scan(self, tokens, text: str, texts: list[str] | None = None,
             candidates: list | None = None) -> dict[str, list[LexMatch]]:
        """Each lexicon's matches in a text's tokens (`texts`: their texts, if the caller has them;
        `candidates`: what each can start, `uncached_starts`, if the caller has that)."""
        out: dict[str, list[LexMatch]] = {name: [] for name in self.names}
        if texts is None:
            texts = list(map(_token_text, tokens))
        last = len(texts) - 1
        if candidates is None:
            candidates = list(map(self._candidates.__getitem__, texts))
        covered = 0  # the token a match of two words or more found so far reaches: before it, a one-word
        # match of that lexicon may be inside it; after it, none is (most tokens: no check at all)
        for i in compress(range(len(texts)), candidates):  # two tokens in three start nothing: skip them in C
            singles, multis, seconds = candidates[i]
            if seconds is not None and i < last and texts[i + 1] in seconds:  # usually not: one set lookup
                longest = self._longest(tokens, i, multis, text)
                if longest:
                    tok = tokens[i]
                    for name, clitic, skip, entry in singles:
                        if name in longest:
                            continue  # a longer entry of the same lexicon starts here
                        kept = out[name]
                        if not kept or i >= kept[-1].j:  # not inside a longer match of the same lexicon
                            kept.append(LexMatch((tok.start + skip, tok.end, clitic, entry, i, i + 1)))
                    for name, (_length, _rank, clitic, entry, j) in longest.items():
                        kept = out[name]
                        if not kept or i >= kept[-1].j:
                            kept.append(LexMatch((tok.start + len(clitic), tokens[j - 1].end, clitic, entry, i, j)))
                        covered = max(covered, j)
                    continue
            if not singles:
                continue  # it starts only longer entries, and none here (a third of the tokens scanned)
            _i, start, end, _text, _kind = tokens[i]
            if i < covered:
                for name, clitic, skip, entry in singles:
                    kept = out[name]
                    if not kept or i >= kept[-1].j:
                        kept.append(LexMatch((start + skip, end, clitic, entry, i, i + 1)))
            else:
                after = i + 1
                for name, clitic, skip, entry in singles:
                    out[name].append(LexMatch((start + skip, end, clitic, entry, i, after)))
        return out

    @staticmethod
    def _longest(tokens, i: int, multis, text: str) -> dict | None:
        """lexicon -> (length, rank, clitic, entry, end token) of the best entry of two words or more
        starting at token i: the longest, then the shorter clitic, then the first found."""
        n = len(tokens)
        if i + 1 >= n or "\n" in text[tokens[i].end:tokens[i + 1].start]:
            return None
        second = tokens[i + 1].text
        longest: dict[str, tuple[int, int, str, LexEntry, int]] = {}
        for clitic, by_second in multis:
            rank = -len(clitic)
            for name, entry, rest in by_second.get(second, ()):
                j = i + 2 + len(rest)
                if j > n or not _words_follow(tokens, i + 2, rest, text):
                    continue
                old = longest.get(name)
                if old is None or (j - i, rank) > (old[0], old[1]):
                    longest[name] = (j - i, rank, clitic, entry, j)
        return longest


def _word_ends(first_words: list[str], alef: str) -> tuple[str, ...]:
    """What a token that can start an entry ends with (`TokenMatcher.absent_from`), each followed by
    a line break: a first word, and a first word after its leading alef (ل + الأمم is written للأمم)."""
    ends = set(first_words) | {w[len(alef):] for w in first_words if w.startswith(alef) and len(w) > len(alef)}
    return tuple(sorted(w + "\n" for w in ends))


def _words(norm: str, tokenize) -> tuple[str, ...]:
    """The token texts of an entry: a phrase of letters only splits on its spaces, as the tokenizer
    would split it (most entries; a cold start indexes ten thousand of them)."""
    words = norm.split()
    if "".join(words).isalpha():
        return tuple(words)
    return tuple(t.text for t in tokenize(norm))


_token_text = attrgetter("text")


def _words_follow(tokens, k: int, words: tuple[str, ...], text: str) -> bool:
    """Tokens k, k+1, ... are `words`, on the same line as the token before each."""
    for word in words:
        t = tokens[k]
        if t.text != word or "\n" in text[tokens[k - 1].end:t.start]:
            return False
        k += 1
    return True


def parse_file(path: Path, name: str | None = None, into: Lexicon | None = None) -> Lexicon:
    lex = into or Lexicon(name or path.stem)
    lex.add_all(read_entries(path, lex))
    return lex


def read_entries(path: Path, lex: Lexicon) -> list[LexEntry]:
    """Every entry of one file in order, its attributes checked against what `lex` declares (the
    file's own `@attributes` lines add to that), none dropped: `parse_file` keeps the first of two
    entries with one normalized form, a letters lexicon tells them apart (أ/إ, ة/ه)."""
    try:
        content = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise RuleError(f"cannot read lexicon ({e})", path=str(path), line=1, column=1) from None
    file_name = path.name
    entries = []
    for lineno, raw in enumerate(content.splitlines(), 1):
        line = raw.split("#", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if not line:
            continue
        if line.startswith(SCHEMA_DIRECTIVE):
            _declare(lex, line[len(SCHEMA_DIRECTIVE):], raw, path, lineno)
            continue
        text, _, attr_text = line.partition("|")
        attrs: dict[str, str] = {}
        for part in attr_text.split(";"):
            part = part.strip()
            if not part:
                continue
            key, eq, value = part.partition("=")
            if not eq or not key.strip():
                col = raw.find(part) + 1
                raise RuleError(f"attribute '{part}' is not key=value", path=str(path), line=lineno,
                                column=max(col, 1), source_line=raw)
            key, value = key.strip(), value.strip()
            _check_attribute(lex, key, value, raw, part, path, lineno)
            attrs[key] = value
        text = text.strip()
        entries.append(LexEntry(text, normalize_string(text), MappingProxyType(attrs), f"{file_name}:{lineno}"))
    return entries


def _declare(lex: Lexicon, declaration: str, raw: str, path: Path, lineno: int) -> None:
    """`@attributes key=v1|v2; key2=*`: added to what the lexicon's other files declared."""
    schema = lex.schema if lex.schema is not None else {}
    for part in declaration.split(";"):
        part = part.strip()
        if not part:
            continue
        key, eq, values = part.partition("=")
        key = key.strip()
        if not eq or not key or not values.strip():
            raise RuleError(f"attribute declaration '{part}' is not key=value|value or key=*", path=str(path),
                            line=lineno, column=raw.find(part) + 1, source_line=raw)
        allowed = {v.strip() for v in values.split("|")}
        if ANY_VALUE in allowed or schema.get(key, frozenset()) is None:
            schema[key] = None
        else:
            schema[key] = frozenset(allowed | (schema.get(key) or set()))
    lex.schema = schema


def _check_attribute(lex: Lexicon, key: str, value: str, raw: str, part: str, path: Path, lineno: int) -> None:
    """An entry's attribute must be one its lexicon declares, with a declared value (every item of a
    comma list). The usual case, a declared single value, costs two dictionary look-ups: ten thousand
    entries are checked on every cold start."""
    schema = lex.schema
    allowed = schema.get(key, False) if schema is not None else False
    if allowed is None or (allowed and value in allowed):
        return
    at = raw.find(part)
    if allowed is False:
        known = ", ".join(sorted(schema)) if schema else "none"
        raise RuleError(f"unknown attribute '{key}' (lexicon '{lex.name}' declares: {known}; "
                        f"add it to an `{SCHEMA_DIRECTIVE}` line)", path=str(path), line=lineno,
                        column=at + 1, source_line=raw)
    if not all(item.strip() in allowed for item in value.split(",")):
        column = raw.index("=", at) + 1
        column += len(raw[column:]) - len(raw[column:].lstrip()) + 1
        raise RuleError(f"'{value}' is not a value of attribute '{key}' (declared: {'|'.join(sorted(allowed))})",
                        path=str(path), line=lineno, column=column, source_line=raw)


class Lexicons:
    """All lexicons of a run: the built-in folder, then each extra folder adding lines to them."""

    def __init__(self, folders: list[Path] | None = None):
        self._folders = [BUILTIN_DIR, *(folders or [])]
        self._loaded: dict[str, Lexicon] = {}

    @property
    def names(self) -> list[str]:
        names: set[str] = set()
        for folder in self._folders:
            names.update(p.stem for p in folder.glob("*.txt"))
        return sorted(names)

    def __getitem__(self, name: str) -> Lexicon:
        lex = self._loaded.get(name)
        if lex is None:
            if not is_lexicon_name(name):
                raise RuleError(f"'{name}' is not a lexicon name (a file stem such as casualty-nouns)")
            lex = Lexicon(name)
            for folder in self._folders:
                path = folder / f"{name}.txt"
                if path.is_file():
                    _check_inside(path, folder)
                    parse_file(path, into=lex)
            self._loaded[name] = lex
        return lex

    def entry_at(self, source: str) -> LexEntry | None:
        """The entry a `file:line` reference names, in a lexicon of this run."""
        name = source.rsplit(":", 1)[0].removesuffix(".txt")
        lex = self._loaded.get(name)  # a lexicon the run matched is loaded: no look at the disk
        if lex is None:
            if not self.__contains__(name):
                return None
            lex = self[name]
        if lex._by_source is None:
            lex._by_source = {e.source: e for e in lex.entries}
        return lex._by_source.get(source)

    def __contains__(self, name: str) -> bool:
        return is_lexicon_name(name) and any((folder / f"{name}.txt").is_file() for folder in self._folders)


_LEXICON_NAME = re.compile(r"\w[\w.-]*")


def is_lexicon_name(name: object) -> bool:
    """A plain file stem: no folder, no `..`, no hidden file; `../../etc/passwd` is not a lexicon."""
    return isinstance(name, str) and bool(_LEXICON_NAME.fullmatch(name)) and ".." not in name


def _check_inside(path: Path, folder: Path) -> None:
    """A lexicon file that is a symlink must stay inside its folder."""
    if path.is_symlink() and not path.resolve().is_relative_to(folder.resolve()):
        raise RuleError(f"lexicon file is a symlink leading outside its folder (to {path.resolve()})",
                        path=str(path), line=0, column=0)


@lru_cache(maxsize=1)
def builtin_lexicons() -> Lexicons:
    """The built-in lexicons, loaded once a process: the word classes read at import and every run
    with no extra lexicon folder share them (each file is parsed and checked once)."""
    return Lexicons()
