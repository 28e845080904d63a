"""One validation run: configuration in, FileResults out. The CLI and the tests both call this."""
from __future__ import annotations

import gc
from dataclasses import dataclass, field
from functools import wraps
from pathlib import Path

from validator import document
from validator.errors import InputError, RuleError
from validator.extract.pipeline import extract
from validator.extract.resources import Resources
from validator.findings import FileResult
from validator.rules.engine import Engine
from validator.rules.loader import BUILTIN_RULES, load_rules
from validator.rules.model import Rule
from validator.text.lexicon import Lexicons, builtin_lexicons



def _one_article(method):
    """Validating or extracting one article leaves no reference cycle (the extraction context holds
    its stages by weak reference), so the cyclic collector, which the article's thousands of tokens
    and matches set off several times, would only walk live objects: it is paused for the article
    and resumes after it, collecting as before. A caller that turned it off keeps it off; a call
    inside another leaves it to the outer one."""
    @wraps(method)
    def paused(*args, **kwargs):
        if not gc.isenabled():
            return method(*args, **kwargs)
        gc.disable()
        try:
            return method(*args, **kwargs)
        finally:
            gc.enable()
    return paused


@dataclass
class Options:
    rule_paths: list[Path] = field(default_factory=list)
    lexicon_paths: list[Path] = field(default_factory=list)
    lang: str = "ar"
    builtin_rules: bool = True
    disabled: frozenset[str] = frozenset()
    selected: frozenset[str] | None = None  # run only these rule ids (--select); None: every rule
    replaced: frozenset[str] = frozenset()  # built-in ids that a rule of `rule_paths` replaces
    severity_overrides: dict[str, str] = field(default_factory=dict)
    morphology_db: str | None = None   # a camel-tools morphology database; also VALIDATOR_MORPHOLOGY_DB
    suppressions: bool = True  # sidecar `ARTICLE.validate-ignore` files and inline markup comments


class Validator:
    """Rules and lexicons loaded once, then any number of articles."""

    def __init__(self, options: Options | None = None):
        self.options = options or Options()
        # no extra folder: the process's built-in lexicons, already loaded for the word classes
        self.lexicons = Lexicons(self.options.lexicon_paths) if self.options.lexicon_paths else builtin_lexicons()
        from validator.text.morphology import Morphology, configured_path

        db = configured_path(self.options.morphology_db)
        self.resources = Resources(self.lexicons, Morphology(db) if db else None)
        paths = ([BUILTIN_RULES] if self.options.builtin_rules else []) + list(self.options.rule_paths)
        rules = load_rules(paths, set(self.lexicons.names), self.options.replaced)
        self.all_rule_ids: frozenset[str] = frozenset(r.id for r in rules)
        self.replaced_ids = frozenset(r.id for r in rules if r.id in self.options.replaced
                                      and not Path(r.where.path).resolve().is_relative_to(BUILTIN_RULES.resolve()))
        self.rules: list[Rule] = [self._override(r) for r in rules if self._enabled(r.id)]
        self.engine = Engine(self.rules, self.lexicons, self.options.lang)

    def _enabled(self, rule_id: str) -> bool:
        selected = self.options.selected
        return rule_id not in self.options.disabled and (selected is None or rule_id in selected)

    def _override(self, rule: Rule) -> Rule:
        from dataclasses import replace

        severity = self.options.severity_overrides.get(rule.id)
        return replace(rule, severity=severity) if severity else rule

    @_one_article
    def extract_text(self, text: str, path: str = "-", encoding: str = "utf-8"):
        return extract(document.build(text, path, encoding), self.resources)

    def extract_source(self, text: str, path: str, encoding: str = "utf-8"):
        """What the rules read in an article's decoded text: Markdown and HTML (by suffix) without their
        markup (offsets are then in that plain text), as `validate_source` reads them."""
        from validator import markup

        kind = markup.kind_of(path)
        return self.extract_text(text if kind is None else markup.to_plain(text, kind).plain, path, encoding)

    def extract_file(self, path: str):
        text, encoding = document.decode(document.read_bytes(path), path)
        return self.extract_source(text, path, encoding)

    @_one_article
    def validate_text(self, text: str, path: str = "-", encoding: str = "utf-8") -> FileResult:
        article = self.extract_text(text, path, encoding)
        return FileResult(path, self.engine.run(article), encoding=encoding, text=text)

    def validate_file(self, path: str) -> FileResult:
        try:
            text, encoding = document.decode(document.read_bytes(path), path)
        except InputError as e:
            return FileResult(path, error=str(e))
        return self.validate_source(text, path, encoding)

    @_one_article
    def validate_source(self, text: str, path: str, encoding: str = "utf-8") -> FileResult:
        """An article's decoded text; Markdown and HTML (by suffix) are reduced to their text first and
        every finding is mapped back to the markup file's own offsets, lines and columns."""
        from validator import markup, suppress

        kind = markup.kind_of(path)
        inline = []
        if kind is None:
            article = extract(document.build(text, path, encoding), self.resources)
            findings = self.engine.run(article)
            place = None
        else:
            plain = markup.to_plain(text, kind)
            article = extract(document.build(plain.plain, path, encoding), self.resources)
            lines = markup.SourceLines(text)
            findings = [markup.remap(f, plain, lines) for f in self.engine.run(article)]
            findings.sort(key=lambda f: f.sort_key)
            inline = suppress.from_directives(plain.directives, path)

            def place(loc):
                return markup.remap_location(loc, plain, lines)
        feed = self.feed_items(article, place)
        if self.options.suppressions and path != "-":
            try:
                entries = inline + suppress.load_sidecar(path)
            except suppress.SuppressionError as e:
                return FileResult(path, error=e.one_line(), encoding=encoding, text=text)
            findings = suppress.apply(findings, entries, text, **self.unused_options())
        return FileResult(path, findings, encoding=encoding, text=text, feed=feed)

    def feed_items(self, article, place=None) -> list:
        """The article's items for the rules across a feed (compared by `run.results`)."""
        from validator.feed import feed_items, feed_rules

        rules = feed_rules(self.rules)
        return feed_items(self.engine, rules, article, place or (lambda loc: loc)) if rules else []

    def unused_options(self) -> dict:
        from validator.suppress import UNUSED_RULE

        return {"severity": self.options.severity_overrides.get(UNUSED_RULE, "info"),
                "report_unused": self._enabled(UNUSED_RULE), "lang": self.options.lang}


__all__ = ["Options", "Validator", "InputError", "RuleError"]
