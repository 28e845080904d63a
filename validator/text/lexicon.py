"""Lexicons: plain data files an editor extends, normalized once and compiled to one pattern each.

File format (UTF-8): one entry a line, `#` starts a comment, optional attributes after ` | ` as
`key=value` pairs separated by `;`:

    وزيرة | gender=f; group=وزير

Matching is clitic-aware (و ف ب ل ك and their combinations, and ل+ال contracted to لل) and uses
explicit letter look-arounds instead of `\\b`, which does not see Arabic word edges reliably.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Iterator, Mapping

from validator.errors import RuleError
from validator.text.normalize import normalize_string

LETTER = r"[^\W\d_]"
NOT_AFTER_LETTER = rf"(?<!{LETTER})"
NOT_BEFORE_LETTER = rf"(?!{LETTER})"
# Proclitics, longest first; `??` makes the matcher prefer the whole token as an entry (وليد, فارس).
PROCLITICS = ("وبال", "فبال", "وكال", "وال", "فال", "بال", "كال", "وب", "ول", "وك", "فب", "فل", "فك",
              "و", "ف", "ب", "ل", "ك", "س")
_PROCLITIC_RE = "(?:" + "|".join(PROCLITICS) + ")"
_BLANK = "[^\\S\\r\\n]+"

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
    _pattern: re.Pattern | None = None
    _variants: dict[str, LexEntry] = field(default_factory=dict)

    def __contains__(self, word: str) -> bool:
        return normalize_string(word) in self.by_norm

    def lookup(self, norm_word: str) -> LexEntry | None:
        """The entry for an already-normalized word or phrase, trying clitic splits."""
        entry = self.by_norm.get(norm_word)
        if entry is not None:
            return entry
        for clitic in PROCLITICS:
            if norm_word.startswith(clitic) and len(norm_word) > len(clitic) + 2:
                rest = norm_word[len(clitic):]
                entry = self.by_norm.get(rest) or self._variants.get(norm_word)
                if entry is not None:
                    return entry
        return None

    def add(self, entry: LexEntry) -> None:
        if entry.norm and entry.norm not in self.by_norm:
            self.entries.append(entry)
            self.by_norm[entry.norm] = entry
            self._pattern = None

    @property
    def pattern(self) -> re.Pattern:
        if self._pattern is None:
            self._pattern = self._compile()
        return self._pattern

    def _compile(self) -> re.Pattern:
        forms: dict[str, LexEntry] = {}
        for e in self.entries:
            forms.setdefault(e.norm, e)
            if e.norm.startswith("ال") and len(e.norm) > 3:
                # ل + الوزارة is written للوزارة
                forms.setdefault("لل" + e.norm[2:], e)
        self._variants = {k: v for k, v in forms.items() if k not in self.by_norm}
        if not forms:
            return re.compile(r"(?!x)x")
        body = trie_regex(forms)
        return re.compile(f"{NOT_AFTER_LETTER}(?P<pre>{_PROCLITIC_RE}??)(?P<w>{body}){NOT_BEFORE_LETTER}")

    def finditer(self, norm_text: str, pos: int = 0, endpos: int | None = None) -> Iterator[LexMatch]:
        pattern = self.pattern
        endpos = len(norm_text) if endpos is None else endpos
        for m in pattern.finditer(norm_text, pos, endpos):
            word = " ".join(m.group("w").split())
            entry = self.by_norm.get(word) or self._variants.get(word)
            if entry is None:
                continue
            yield LexMatch(m.start("w"), m.end("w"), m.group("pre"), entry)

    def match_at(self, norm_text: str, pos: int, endpos: int | None = None) -> LexMatch | None:
        """An entry starting exactly at `pos` (clitics allowed), or None."""
        endpos = len(norm_text) if endpos is None else endpos
        m = self.pattern.match(norm_text, pos, endpos)
        if m is None:
            return None
        word = " ".join(m.group("w").split())
        entry = self.by_norm.get(word) or self._variants.get(word)
        return LexMatch(m.start("w"), m.end("w"), m.group("pre"), entry) if entry else None


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


def trie_regex(words) -> str:
    """One regex alternation shaped as a trie: shared prefixes are matched once, longest first."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True
    return _node_regex(trie)


def _node_regex(node: dict) -> str:
    ends = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        piece = _BLANK if ch == " " else re.escape(ch)
        branches.append(piece + _node_regex(node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body


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
