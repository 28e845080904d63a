"""Lexicons: plain data files an editor extends, normalized once and indexed by their first word.

File format (UTF-8): one entry a line, `#` starts a comment, optional attributes after ` | ` as
`key=value` pairs separated by `;`:

    وزيرة | gender=f; group=وزير

Matching is clitic-aware (و ف ب ل ك and their combinations, and ل+ال contracted to لل) and works on
tokens, never on `\\b`, which does not see Arabic word edges reliably.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Iterator, Mapping

from validator.errors import RuleError
from validator.text.normalize import normalize_string

# Proclitics, longest first. The matcher prefers the whole token as an entry (وليد, فارس) to a clitic reading.
PROCLITICS = ("وبال", "فبال", "وكال", "وال", "فال", "بال", "كال", "وب", "ول", "وك", "فب", "فل", "فك",
              "و", "ف", "ب", "ل", "ك", "س")

BUILTIN_DIR = Path(__file__).resolve().parent.parent.parent / "rules" / "lexicons"


@dataclass(frozen=True, slots=True)
class LexEntry:
    text: str            # as written in the file
    norm: str            # normalized form used for matching
    attrs: Mapping[str, str]
    source: str          # file:line, so `extract` can say which entry matched

    def get(self, key: str, default: str | None = None) -> str | None:
        return self.attrs.get(key, default)


@dataclass(frozen=True, slots=True)
class LexMatch:
    start: int           # offsets in the normalized text, the clitic excluded
    end: int
    prefix: str          # the clitic that was split off ("" if none)
    entry: LexEntry
    i: int = -1          # token index of the first word, and after the last word
    j: int = -1


@dataclass
class Lexicon:
    name: str
    entries: list[LexEntry] = field(default_factory=list)
    by_norm: dict[str, LexEntry] = field(default_factory=dict)
    _matcher: "TokenMatcher | None" = None

    def __contains__(self, word: str) -> bool:
        return normalize_string(word) in self.by_norm

    def lookup(self, norm_word: str) -> LexEntry | None:
        """The entry for an already-normalized word or phrase, trying clitic splits."""
        for form, _clitic in token_variants(norm_word):
            entry = self.by_norm.get(form)
            if entry is not None:
                return entry
        return None

    def add(self, entry: LexEntry) -> None:
        if entry.norm and entry.norm not in self.by_norm:
            self.entries.append(entry)
            self.by_norm[entry.norm] = entry
            self._matcher = None

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


_CLITIC_FIRST = frozenset("وفبلكس")


def token_variants(word: str):
    """(form, clitic) readings of one normalized token: as it is, then with each proclitic split off
    (وبالوزارة → وزاره with وبال, الوزاره with وب; للامم → الامم with ل)."""
    yield word, ""
    if word[:1] not in _CLITIC_FIRST:
        return
    for clitic in PROCLITICS:
        if word.startswith(clitic) and len(word) - len(clitic) >= 3:
            rest = word[len(clitic):]
            yield rest, clitic
            if clitic.endswith("ل") and rest.startswith("ل") and len(rest) > 2:
                yield "ا" + rest, clitic  # ل + الأمم is written للأمم


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
                words = tuple(t.text for t in tokenize(entry.norm))
                if len(words) == 1:
                    self._single.setdefault(words[0], []).append((name, entry))
                elif words:
                    self._multi.setdefault(words[0], {}).setdefault(words[1], []).append((name, entry, words[2:]))
        self._cache: dict[str, tuple] = {}

    def _candidates(self, word: str) -> tuple:
        """(clitic, one-word entries, longer entries by second word) for each clitic reading of a
        token that starts something; cached by word, since news vocabulary repeats."""
        found = self._cache.get(word)
        if found is None:
            found = tuple((clitic, self._single.get(form, ()), self._multi.get(form))
                          for form, clitic in token_variants(word)
                          if form in self._single or form in self._multi)
            if len(self._cache) < 300_000:
                self._cache[word] = found
        return found

    def scan(self, tokens, text: str) -> dict[str, list[LexMatch]]:
        best: dict[tuple[str, int], tuple[int, int, LexMatch]] = {}
        n = len(tokens)
        candidates = self._candidates
        for i, tok in enumerate(tokens):
            if tok.kind == "punct":
                continue
            for clitic, singles, multi in candidates(tok.text):
                rank_c = -len(clitic)
                for name, entry in singles:
                    key = (name, i)
                    old = best.get(key)
                    if old is None or (1, rank_c) > (old[0], old[1]):
                        best[key] = (1, rank_c, LexMatch(tok.start + len(clitic), tok.end, clitic, entry, i, i + 1))
                if multi is None or i + 1 >= n:
                    continue
                second = tokens[i + 1]
                longer = multi.get(second.text)
                if not longer or "\n" in text[tok.end:second.start]:
                    continue
                for name, entry, rest in longer:
                    j = i + 2 + len(rest)
                    if j > n:
                        continue
                    ok = True
                    for k, word in enumerate(rest, 2):
                        t = tokens[i + k]
                        if t.text != word or "\n" in text[tokens[i + k - 1].end:t.start]:
                            ok = False
                            break
                    if not ok:
                        continue
                    key = (name, i)
                    old = best.get(key)
                    if old is None or (j - i, rank_c) > (old[0], old[1]):
                        best[key] = (j - i, rank_c, LexMatch(tok.start + len(clitic), tokens[j - 1].end, clitic,
                                                             entry, i, j))
        out: dict[str, list[LexMatch]] = {name: [] for name in self.names}
        for (name, _i), (_len, _c, match) in sorted(best.items(), key=lambda kv: (kv[0][0], kv[0][1])):
            found = out[name]
            if found and match.i < found[-1].j:
                continue  # inside a longer match of the same lexicon
            found.append(match)
        return out


def parse_file(path: Path, name: str | None = None, into: Lexicon | None = None) -> Lexicon:
    lex = into or Lexicon(name or path.stem)
    try:
        content = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise RuleError(f"cannot read lexicon ({e})", path=str(path), line=1, column=1) from None
    for lineno, raw in enumerate(content.splitlines(), 1):
        line = raw.split("#", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if not line:
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
            attrs[key.strip()] = value.strip()
        text = text.strip()
        lex.add(LexEntry(text, normalize_string(text), MappingProxyType(attrs), f"{path.name}:{lineno}"))
    return lex


class Lexicons:
    """All lexicons of a run: the built-in folder, then each extra folder adding lines to them."""

    def __init__(self, folders: list[Path] | None = None):
        self._folders = [BUILTIN_DIR, *(folders or [])]
        self._loaded: dict[str, Lexicon] = {}

    @property
    def names(self) -> list[str]:
        names = set()
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
