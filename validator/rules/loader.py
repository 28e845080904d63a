"""Rule files to checked Rule objects: parse, convert, lint. Every error names file:line:col.

Parsing with pyparsing costs a few milliseconds a rule, so a file that parsed once is cached as JSON
(never pickle: the cache is data, decoded only into the rule model's own classes) in the user's cache
folder, keyed by the file's bytes and path, the lexicon names and the rule-language sources; a cache
that cannot be read or written is skipped. VALIDATOR_CACHE_DIR moves it; VALIDATOR_NO_CACHE=1 turns
it off. pyparsing itself is imported only when a file has to be parsed.
"""
from __future__ import annotations


import hashlib
import json
import os
import re
import stat
import string
from functools import lru_cache
from pathlib import Path

from validator.errors import RuleError
from validator.rules import model as m
from validator.rules.fields import FIELDS, PLACEHOLDERS
from validator.rules.keywords import KEYWORDS, KEYWORDS_FILE
from validator.paths import builtin_rules_dir

BUILTIN_RULES = builtin_rules_dir()
RULE_SUFFIX = ".rule"
MAX_RULE_FILE_BYTES = 1_000_000
MAX_NESTING = 40
MAX_OPERATORS = 1000  # 'and' / 'or' in one file: pyparsing takes ~2 ms an operand (20,000 took a minute)
CONSISTENT_WHAT = {"entity": ("titles",), "number": ("value",), "spelling": ("spelling",)}


def rule_files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files.extend(_folder_rule_files(p))
        elif p.is_file():
            files.append(p)
        else:
            raise RuleError("no such rule file or folder", path=str(p), line=0, column=0)
    return files


def _folder_rule_files(root: Path) -> list[Path]:
    """`*.rule` files under a folder, never following a symlinked folder (no loops, no escape) and
    refusing a symlinked file that leads outside the folder (`--rules` cannot read /etc)."""
    found: list[Path] = []
    real_root = root.resolve()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames.sort()
        for name in sorted(filenames):
            if not name.endswith(RULE_SUFFIX):
                continue
            f = Path(dirpath) / name
            if f.is_symlink():
                try:
                    target = f.resolve(strict=True)
                except (OSError, RuntimeError):
                    raise RuleError("broken or looping symlink", path=str(f), line=0, column=0) from None
                if not target.is_relative_to(real_root):
                    raise RuleError(f"symlink leads outside the rules folder {root} (to {target})",
                                    path=str(f), line=0, column=0)
            if f.is_file():
                found.append(f)
    return found


def load_rules(paths: list[Path], lexicon_names: set[str] | None = None,
               replace: frozenset[str] = frozenset()) -> list[m.Rule]:
    """Every rule of the files, in order; an id defined twice is an error, unless it is in `replace`:
    then its second definition takes the first one's place (a house rule replacing a built-in)."""
    rules: list[m.Rule] = []
    seen: dict[str, m.Where] = {}
    replaced: set[str] = set()
    for path in rule_files(paths):
        for rule in load_file(path, lexicon_names):
            if rule.id in replace and rule.id in seen and rule.id not in replaced:
                replaced.add(rule.id)
                rules = [rule if r.id == rule.id else r for r in rules]
                continue
            if rule.id in seen:
                w = seen[rule.id]
                raise RuleError(f"duplicate rule id '{rule.id}' (first defined at {w.path}:{w.line}:{w.column})",
                                path=rule.where.path, line=rule.where.line, column=rule.where.column,
                                source_line=_line(path, rule.where.line))
            seen[rule.id] = rule.where
            rules.append(rule)
    return rules


def _line(path: Path, lineno: int) -> str | None:
    try:
        return path.read_text(encoding="utf-8").splitlines()[lineno - 1]
    except (OSError, IndexError, UnicodeDecodeError):
        return None


def load_file(path: Path, lexicon_names: set[str] | None = None) -> list[m.Rule]:
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            raise RuleError("not a regular file", path=str(path), line=1, column=1)
        if st.st_size > MAX_RULE_FILE_BYTES:
            raise RuleError(f"rule file is {st.st_size} bytes; the limit is {MAX_RULE_FILE_BYTES}",
                            path=str(path), line=1, column=1)
        with path.open("rb") as fh:
            data = fh.read(MAX_RULE_FILE_BYTES + 1)
        if len(data) > MAX_RULE_FILE_BYTES:
            raise RuleError(f"rule file is over {MAX_RULE_FILE_BYTES} bytes", path=str(path), line=1, column=1)
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise RuleError(f"not UTF-8 (byte offset {e.start})", path=str(path), line=1, column=1) from None
    except OSError as e:
        raise RuleError(f"cannot read rule file ({e.strerror or e})", path=str(path), line=1, column=1) from None
    key = _cache_key(data, str(path), lexicon_names)
    cached = _cache_get(key)
    if cached is not None:
        return cached
    rules = load_text(text, str(path), lexicon_names)
    _cache_put(key, rules)
    return rules


def load_text(text: str, path: str, lexicon_names: set[str] | None = None) -> list[m.Rule]:
    import pyparsing as pp

    from validator.rules.grammar import parse_text

    if (many := _too_many_operators(text)) is not None:
        raise RuleError(f"more than {MAX_OPERATORS} 'and'/'or' operators in one file; split the rule "
                        "(each operator costs the parser milliseconds)", path=path,
                        line=pp.lineno(many, text), column=pp.col(many, text), source_line=pp.line(many, text))
    if text.count("(") > MAX_NESTING * 4 and (deep := _too_deep(text)) is not None:
        raise RuleError(f"conditions nested deeper than {MAX_NESTING} levels", path=path,
                        line=pp.lineno(deep, text), column=pp.col(deep, text), source_line=pp.line(deep, text))
    try:
        raw = parse_text(text, path)
    except pp.ParseBaseException as e:
        raise RuleError(_explain(e), path=path, line=e.lineno, column=e.col, source_line=e.line) from None
    except RecursionError:
        raise RuleError("rule file is nested too deeply to parse", path=path, line=1, column=1) from None
    try:
        return [_Converter(text, path, lexicon_names).rule(r) for r in raw]
    except RecursionError:  # e.g. hundreds of chained `not`s: parsed, but too deep to convert
        raise RuleError("a condition is nested too deeply", path=path, line=1, column=1) from None


_STRING_OR_COMMENT = re.compile(r'"""[\s\S]*?"""|"(?:[^"\\\n]|\\.)*"|#[^\n]*')


@lru_cache(maxsize=1)
def _operator() -> re.Pattern:
    """'and' and 'or' and their aliases as words of their own (و، أو)."""
    words = ("and", "or", *KEYWORDS["and"], *KEYWORDS["or"])
    return re.compile(r"(?<!\S)(?:" + "|".join(map(re.escape, words)) + r")(?!\S)")


def _too_many_operators(text: str) -> int | None:
    """The offset of the first 'and'/'or' beyond MAX_OPERATORS (outside strings and comments), or None."""
    if len(text) < MAX_OPERATORS * 3:
        return None
    code = _STRING_OR_COMMENT.sub(lambda mo: " " * len(mo.group()), text)
    for n, mo in enumerate(_operator().finditer(code), 1):
        if n > MAX_OPERATORS:
            return mo.start()
    return None


def _too_deep(text: str) -> int | None:
    """The offset of the first '(' nested deeper than MAX_NESTING, or None."""
    depth = 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
            if depth > MAX_NESTING:
                return i
        elif ch == ")":
            depth -= 1
    return None


def _explain(e) -> str:
    msg = str(e.msg)
    found = e.line[e.col - 1:e.col + 19].split()[0] if e.line[e.col - 1:].strip() else "end of file"
    if msg == "Expected end of text":  # nothing that can follow the previous clause starts here
        return (f"cannot read '{found}' here: expected a clause (category, severity, description, message, "
                "for each, require, forbid, flag, pass, tags, once), a new 'rule', or the rest of a condition")
    return f"{msg}, found '{found}'" if "Expected" in msg else msg


def _plain(x):
    import pyparsing as pp

    if isinstance(x, pp.ParseResults):
        x = x.as_list()
        return _plain(x[0]) if len(x) == 1 and isinstance(x[0], (tuple, pp.ParseResults)) else [_plain(i) for i in x]
    if isinstance(x, list):
        return [_plain(i) for i in x]
    if isinstance(x, tuple):
        return tuple(_plain(i) for i in x)
    return x


class _Converter:
    def __init__(self, text: str, path: str, lexicon_names: set[str] | None):
        self.text = text
        self.path = path
        self.lexicons = lexicon_names

    def _token(self, loc: int) -> int:
        """pyparsing may hand a parse action the offset before the blanks (and comments) that precede
        the token; point at the token itself."""
        text, n = self.text, len(self.text)
        while loc < n and (text[loc].isspace() or text[loc] == "#"):
            loc = (text.find("\n", loc) % (n + 1)) if text[loc] == "#" else loc + 1
        return loc

    def where(self, loc: int) -> m.Where:
        import pyparsing as pp

        loc = self._token(loc)
        return m.Where(self.path, pp.lineno(loc, self.text), pp.col(loc, self.text))

    def error(self, message: str, loc: int) -> RuleError:
        import pyparsing as pp

        loc = self._token(loc)
        w = self.where(loc)
        return RuleError(message, path=self.path, line=w.line, column=w.column, source_line=pp.line(loc, self.text))

    def rule(self, raw) -> m.Rule:
        from validator.rules.keywords import LANG_ALIASES, SCOPE_ALIASES, SEVERITY_ALIASES, STRUCTURE_ALIASES

        _, loc, (_, rule_id, clauses) = raw
        clauses = _plain(clauses) if not isinstance(clauses, list) else clauses
        data: dict = {"messages": {}, "examples": [], "tags": ()}
        structure = None
        condition = None
        requirement = None
        for clause in clauses:
            kind, cloc, toks = clause
            if kind == "category":
                data["category"] = toks[1]
            elif kind == "severity":
                data["severity"] = SEVERITY_ALIASES[toks[1]]
            elif kind == "description":
                data["description"] = toks[1]
            elif kind == "tags":
                data["tags"] = tuple(toks[1:])
            elif kind == "once":
                scope = SCOPE_ALIASES[toks[2]]
                if scope not in ("sentence", "paragraph"):
                    raise self.error("'once within' takes 'sentence' or 'paragraph'", cloc)
                data["once"] = scope
            elif kind == "message":
                lang = LANG_ALIASES[toks[1]]
                self._check_placeholders(toks[2], cloc)
                data["messages"][lang] = toks[2]
            elif kind == "select":
                if structure is not None:
                    raise self.error("a rule selects one structure type ('for each' given twice)", cloc)
                rest = [t for t in toks if t not in ("for", "each")]
                structure = STRUCTURE_ALIASES[rest[0]]
                if len(rest) > 1:
                    condition = self.condition(_plain(rest[1]), structure)
            elif kind in ("require", "forbid"):
                if requirement is not None:
                    raise self.error("a rule has one requirement ('require' or 'forbid' given twice)", cloc)
                if structure is None:
                    raise self.error("'for each' must come before 'require' or 'forbid'", cloc)
                requirement = self.requirement(kind, toks, cloc, structure)
            elif kind == "example":
                data["examples"].append(m.Example(toks[1], toks[0] == "flag", self.where(cloc)))
        for needed in ("category", "severity"):
            if needed not in data:
                raise self.error(f"rule '{rule_id}' has no {needed}", loc)
        if structure is None:
            raise self.error(f"rule '{rule_id}' has no 'for each' selection", loc)
        if requirement is None:
            raise self.error(f"rule '{rule_id}' has no 'require' or 'forbid'", loc)
        if not data["messages"]:
            raise self.error(f"rule '{rule_id}' has no message", loc)
        if "en" not in data["messages"] or "ar" not in data["messages"]:
            data["messages"].setdefault("en", data["messages"].get("ar", ""))
            data["messages"].setdefault("ar", data["messages"]["en"])
        return m.Rule(rule_id, data["category"], data["severity"], data.get("description", ""),
                      data["messages"], structure, condition, requirement, tuple(data["examples"]),
                      self.where(loc), data["tags"], data.get("once"))

    def _check_placeholders(self, message: str, loc: int) -> None:
        try:
            names = [f for _, f, _, _ in string.Formatter().parse(message) if f is not None]
        except ValueError as e:
            raise self.error(f"bad placeholder in message: {e}", loc) from None
        for _, name, spec, conversion in string.Formatter().parse(message):
            if name is not None and (spec or conversion):
                # the engine fills placeholders with text: a format spec such as {value:,} fails at run time
                raise self.error(f"placeholder '{{{name}}}' takes no format or conversion; write {{{name}}}", loc)
        for name in names:
            if name not in PLACEHOLDERS:
                raise self.error(f"unknown placeholder '{{{name}}}' in message; known: "
                                 + ", ".join(sorted(PLACEHOLDERS)), loc)

    def field(self, raw, structure: str) -> m.Field:
        _, loc, path = raw
        fields = FIELDS[structure]
        kind = structure
        for i, part in enumerate(path):
            spec = fields.get(part)
            if spec is None:
                raise self.error(f"unknown field '{'.'.join(path[:i + 1])}' for {kind}; known: "
                                 + ", ".join(sorted(fields)), loc)
            target = spec.target
            if i < len(path) - 1:
                if target is None:
                    raise self.error(f"field '{part}' of {kind} has no fields of its own", loc)
                kind = target
                fields = FIELDS[target]
        return m.Field(tuple(path), self.where(loc))

    def condition(self, raw, structure: str):
        kind = raw[0]
        if kind == "not":
            return m.Not(self.condition(raw[1], structure))
        if kind in ("and", "or"):
            parts = tuple(self.condition(_plain(p), structure) for p in raw[1])
            return m.And(parts) if kind == "and" else m.Or(parts)
        _, loc, toks = raw
        if kind == "truthy":
            return m.Truthy(self.field(toks[0], structure))
        fld = self.field(toks[0], structure)
        if kind == "compare":
            return m.Compare(fld, toks[1], toks[2])
        if kind == "in_list":
            negated = toks[1] == "not"
            return m.InList(fld, tuple(toks[-1]), negated)
        if kind == "in_lexicon":
            negated = toks[1] == "not"
            name = toks[-1]
            if self.lexicons is not None and name not in self.lexicons:
                raise self.error(f"unknown lexicon '{name}'; known: " + ", ".join(sorted(self.lexicons)), loc)
            return m.InLexicon(fld, name, self.where(loc), negated)
        if kind == "matches":
            pattern = toks[-1]
            from validator.rules.pattern_size import MAX_COPIES, copies

            if copies(pattern) > MAX_COPIES:  # compiled, it could take all the machine's memory
                raise self.error(f"pattern too large: its repeats make more than {MAX_COPIES:,} copies "
                                 "when compiled (nested {m,n} counts multiply)", loc)
            try:
                import regex
                regex.compile(pattern)
            except Exception as e:  # regex.error
                raise self.error(f"bad pattern: {e}", loc) from None
            return m.Matches(fld, pattern, self.where(loc))
        raise self.error(f"unknown condition {kind}", loc)

    def requirement(self, kind: str, toks, loc: int, structure: str):
        from validator.rules.keywords import SCOPE_ALIASES

        if kind == "forbid":
            suggestion = toks[2] if len(toks) > 2 else None
            return m.Forbid(suggestion)
        inner = _plain(toks[1])
        if isinstance(inner, tuple) and inner[0] == "source":
            scope = SCOPE_ALIASES[inner[2][2]]
            if structure not in ("number", "quote"):
                raise self.error("'require source within' applies to numbers and quotes", loc)
            if scope in ("passage", "restatement"):
                raise self.error(f"'within {scope}' applies to 'consistent value'; use sentence, paragraph or article", loc)
            return m.RequireSource(scope)
        if isinstance(inner, tuple) and inner[0] == "consistent":
            _, cloc, ctoks = inner
            what = ctoks[1]
            allowed = CONSISTENT_WHAT.get(structure, ())
            if what not in allowed:
                raise self.error(f"'consistent {what}' does not apply to {structure}"
                                 + (f"; use one of: {', '.join(allowed)}" if allowed else ""), cloc)
            by: tuple[str, ...] = ()
            tolerance = factor = 0.0
            scale = False
            scope, with_headline = "article", False
            i = 2
            while i < len(ctoks):
                if ctoks[i] == "by":
                    by = tuple(ctoks[i + 1])
                    for name in by:
                        if name not in FIELDS[structure]:
                            raise self.error(f"unknown field '{name}' for {structure} in 'by'", cloc)
                    i += 2
                elif ctoks[i] == "tolerance":
                    tolerance = float(ctoks[i + 1]) / (100.0 if i + 2 < len(ctoks) and ctoks[i + 2] == "%" else 1)
                    i += 3 if i + 2 < len(ctoks) and ctoks[i + 2] == "%" else 2
                elif ctoks[i] == "factor":
                    factor = float(ctoks[i + 1])
                    i += 2
                elif ctoks[i] == "scale":
                    scale = True
                    i += 1
                elif ctoks[i] == "within":
                    scope = SCOPE_ALIASES[ctoks[i + 1]]
                    if scope == "feed":
                        raise self.error("a feed is compared across articles: write 'across feed'", cloc)
                    i += 2
                elif ctoks[i] == "across":
                    scope = SCOPE_ALIASES[ctoks[i + 1]]
                    if scope != "feed":
                        raise self.error(f"'across' takes 'feed' (the articles of one run), not {ctoks[i + 1]}", cloc)
                    i += 2
                elif ctoks[i] == "with":
                    with_headline = True
                    i += 2
                else:
                    i += 1
            if scope == "feed" and (what not in ("titles", "value") or with_headline):
                raise self.error("'across feed' applies to 'consistent titles' and 'consistent value'", cloc)
            if (scope not in ("article", "feed") or with_headline) and what != "value":
                raise self.error("'within' and 'with headline' apply to 'consistent value'", cloc)
            return m.RequireConsistent(what, by, tolerance, factor, self.where(cloc), scope, with_headline, scale)
        import pyparsing as pp

        return m.RequireCondition(self.condition(inner, structure), pp.line(self._token(loc), self.text).strip())




# -- the parsed-rule cache (JSON) -----------------------------------------------------------------------

_CACHE_FORMAT = "rules-json-1"
_MODEL_CLASSES = {cls.__name__: cls for cls in (
    m.Where, m.Field, m.Compare, m.InList, m.InLexicon, m.Matches, m.Truthy, m.Not, m.And, m.Or,
    m.RequireCondition, m.RequireSource, m.RequireConsistent, m.Forbid, m.Example, m.Rule)}
_code_version: str | None = None


def cache_dir() -> Path | None:
    """Where parsed rules are cached, or None when caching is off."""
    if os.environ.get("VALIDATOR_NO_CACHE", "") not in ("", "0"):
        return None
    explicit = os.environ.get("VALIDATOR_CACHE_DIR")
    if explicit is not None:
        return Path(explicit) if explicit else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "arabic-news-validator"


def _sources_version() -> str:
    """A hash of the rule language's own sources: a changed grammar or model invalidates the cache."""
    global _code_version
    if _code_version is None:
        h = hashlib.sha256(_CACHE_FORMAT.encode())
        here = Path(__file__).resolve().parent
        for path in [here / name for name in ("loader.py", "grammar.py", "keywords.py", "model.py", "fields.py")] + [
                KEYWORDS_FILE]:
            try:
                h.update(path.read_bytes())
            except OSError:
                h.update(b"?")
        _code_version = h.hexdigest()
    return _code_version


def _cache_key(data: bytes, path: str, lexicon_names: set[str] | None, version: str | None = None) -> str:
    h = hashlib.sha256((version or _sources_version()).encode())
    for part in (path.encode("utf-8", "surrogatepass"),
                 "\n".join(sorted(lexicon_names)).encode() if lexicon_names is not None else b"\0none",
                 data):
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.hexdigest()


def _cache_get(key: str, classes: dict | None = None, fmt: str = _CACHE_FORMAT, kind: type = m.Rule) -> list | None:
    """The cached objects of a key (rules by default; patterns pass their own classes), or None."""
    folder = cache_dir()
    if folder is None:
        return None
    classes = classes or _MODEL_CLASSES
    try:
        with open(folder / f"{key}.json", encoding="utf-8") as fh:
            data = json.load(fh)
        if data.get("format") != fmt or data.get("key") != key:
            return None
        items = [_decode(r, classes) for r in data["rules"]]
        return items if all(isinstance(r, kind) for r in items) else None
    except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None  # absent, unreadable or damaged: parse the file again


def _cache_put(key: str, items: list, classes: dict | None = None, fmt: str = _CACHE_FORMAT) -> None:
    folder = cache_dir()
    if folder is None:
        return
    classes = classes or _MODEL_CLASSES
    try:
        encoded = [_encode(r, classes) for r in items]
        if [_decode(r, classes) for r in encoded] != items:
            return  # something the JSON form does not round-trip: do not cache it
        text = json.dumps({"format": fmt, "key": key, "rules": encoded}, ensure_ascii=False)
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{key}.{os.getpid()}.tmp"
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, folder / f"{key}.json")
    except (OSError, ValueError, TypeError, RecursionError):
        pass  # a read-only home or a full disk only costs the next run a parse


def _encode(x, classes: dict):
    if type(x).__name__ in classes and type(x) is classes[type(x).__name__]:
        return {"@": type(x).__name__, **{f: _encode(getattr(x, f), classes) for f in x.__dataclass_fields__}}
    if isinstance(x, tuple):
        return {"@t": [_encode(i, classes) for i in x]}
    if isinstance(x, list):
        return [_encode(i, classes) for i in x]
    if isinstance(x, dict):
        if not all(isinstance(k, str) for k in x):
            raise TypeError("dict keys must be strings")
        return {"@d": {k: _encode(v, classes) for k, v in x.items()}}
    if x is None or isinstance(x, (str, bool, int, float)):
        return x
    raise TypeError(f"cannot cache {type(x).__name__}")


def _decode(x, classes: dict):
    if isinstance(x, dict):
        if "@t" in x:
            return tuple(_decode(i, classes) for i in x["@t"])
        if "@d" in x:
            return {str(k): _decode(v, classes) for k, v in x["@d"].items()}
        cls = classes[x["@"]]  # KeyError for anything that is not a model class
        return cls(**{k: _decode(v, classes) for k, v in x.items() if k != "@"})
    if isinstance(x, list):
        return [_decode(i, classes) for i in x]
    return x
