"""A whole `validate` run over many files: which files, which configuration governs each, and the
results in input order, validated in parallel.

Parallelism: a process pool whose workers each hold one Validator per configuration, built once in the
pool initializer (on Linux the pool forks, so the workers inherit the parent's already-built
Validators and build nothing), one file per task; `imap` hands results back in input order as soon
as each is ready, which is what lets the CLI stream `jsonl` and `github` output.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from validator import config as cfg
from validator.app import Options, Validator
from validator.paths import articles_in
from validator.errors import InputError, RuleError
from validator.findings import FileResult

MIN_FILES_FOR_POOL = 4


@dataclass
class Item:
    path: str
    key: str                      # which Options/Validator validates it
    text: str | None = None       # standard input, read by the parent
    encoding: str = "utf-8"
    error: str | None = None      # standard input or a folder that could not be read
    stdin: bool = False           # read from standard input (`path` is `-` or the --stdin-filename)


@dataclass
class Plan:
    items: list[Item] = field(default_factory=list)
    options: dict[str, Options] = field(default_factory=dict)
    configs: dict[str, cfg.Config] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)   # notes: files excluded, links not followed
    empty_folders: list[str] = field(default_factory=list)  # folder arguments holding no article

    @property
    def files(self) -> list[str]:
        return [i.path for i in self.items]

    def config_of(self, item: Item) -> cfg.Config:
        return self.configs[item.key]

    def rules(self) -> list:
        """Every configuration's rules, each id once, in load order (for SARIF and JUnit)."""
        seen, out = set(), []
        for key in self.options:
            for r in validator_for(self.options[key]).rules:
                if r.id not in seen:
                    seen.add(r.id)
                    out.append(r)
        return out


# -- validators, cached per process -----------------------------------------------------------------

_VALIDATORS: dict[str, Validator] = {}


def options_key(o: Options) -> str:
    return repr((sorted(map(str, o.rule_paths)), sorted(map(str, o.lexicon_paths)), o.lang, o.builtin_rules,
                 sorted(o.disabled), sorted(o.selected or ()), sorted(o.replaced), sorted(o.severity_overrides.items()), o.suppressions))


def validator_for(options: Options) -> Validator:
    key = options_key(options)
    v = _VALIDATORS.get(key)
    if v is None:
        v = _VALIDATORS[key] = Validator(options)
    return v


# -- planning ---------------------------------------------------------------------------------------

def plan(paths: list[str], *, config_file: Path | None = None, extra_rules: list[Path] | None = None,
         disable: list[str] | None = None, select: list[str] | None = None, lang: str = "ar",
         stdin_filename: str | None = None) -> Plan:
    """Expand folders, find each file's configuration, build (and so check) every Validator needed.
    Raises ConfigError / RuleError (exit 2) before any article is read."""
    from validator.suppress import UNUSED_RULE

    cfg.clear_cache()  # a run reads each configuration once; a new run (tests, in-process) re-reads
    p = Plan()
    seen: set[str] = set()

    def add(path: str, conf: cfg.Config, stdin: bool = False, error: str | None = None) -> None:
        if path in seen:
            return
        seen.add(path)
        key = _options_for(p, conf, extra_rules, disable, select, lang)
        p.items.append(Item(path, key, stdin=stdin, error=error))

    for raw in paths:
        if raw == "-":  # named by --stdin-filename: its configuration, sidecar, baseline entry and markup
            name = stdin_filename or "-"
            add(name, cfg.for_file(name, config_file), stdin=True)
            continue
        path = Path(raw)
        if path.is_dir():
            before = len(p.items)
            for entry in articles_in(path):
                if entry.error:
                    add(entry.path, cfg.for_file(raw, config_file), error=entry.error)
                    continue
                if entry.outside:
                    p.skipped.append(f"{entry.path}: a link leading out of {raw}, not followed")
                    continue
                f = Path(entry.path)
                conf = cfg.for_file(entry.path, config_file)
                if conf.included(f) and not conf.excluded(f):
                    add(entry.path, conf)
            if len(p.items) == before:
                p.empty_folders.append(raw)
        else:
            conf = cfg.for_file(raw, config_file)
            if path.exists() and conf.excluded(path):
                p.skipped.append(f"{raw}: excluded by configuration, not validated")
                continue
            add(raw, conf)
    if not p.options:  # nothing to validate: still load the rules (SARIF lists them; errors surface)
        _options_for(p, cfg.for_file("-", config_file), extra_rules, disable, select, lang)
    known: set[str] = {UNUSED_RULE}
    for key, options in p.options.items():
        v = validator_for(options)
        conf = p.configs[key]
        if conf.path is not None:
            cfg.check_rule_ids(conf, set(v.all_rule_ids) | {UNUSED_RULE})
            for rule in set(conf.replace) - v.replaced_ids:
                raise conf.error(f"'replace' names '{rule}', but no rule of 'rules' replaces a built-in rule "
                                 "of that id", "replace")
        known |= v.all_rule_ids
    for option, ids in (("--disable", disable), ("--select", select)):
        for rule in ids or []:
            if rule not in known:
                raise RuleError(f"{option}: unknown rule '{rule}' (`validate rules list` shows them)")
    return p


def _options_for(p: Plan, conf: cfg.Config, extra_rules, disable, select, lang) -> str:
    key = conf.key
    if key not in p.options:
        p.configs[key] = conf
        p.options[key] = Options(
            rule_paths=[*conf.rules, *(extra_rules or [])],
            lexicon_paths=list(conf.lexicons),
            lang=lang,
            disabled=frozenset([*conf.disable, *(disable or [])]),
            selected=frozenset(select) if select else None,
            replaced=frozenset(conf.replace),
            severity_overrides=dict(conf.severity),
        )
    return key


# -- running ------------------------------------------------------------------------------------------

def read_stdin(item: Item) -> None:
    from validator import document

    try:
        item.text, item.encoding = document.decode(document.read_bytes("-"), "<stdin>")
    except InputError as e:
        item.error = str(e)


def _validate(item: Item, validators: dict[str, Validator]) -> FileResult:
    from validator.rules.engine import RulePatternTimeout

    if item.error is not None:
        return FileResult(item.path, error=item.error)
    v = validators[item.key]
    try:
        if item.text is not None:
            return v.validate_source(item.text, item.path, item.encoding)
        return v.validate_file(item.path)
    except InputError as e:
        return FileResult(item.path, error=str(e))
    except RulePatternTimeout as e:
        return FileResult(item.path, error=e.one_line())
    except RuleError as e:
        return FileResult(item.path, error=f"{item.path}: {e.one_line()}")
    except Exception as e:  # a bug met on one article must not stop the others (VALIDATOR_DEBUG=1 re-raises)
        if os.environ.get("VALIDATOR_DEBUG"):
            raise
        return FileResult(item.path, error=f"{item.path}: internal error ({type(e).__name__}: {e}); "
                                           "please report it with this article")


_WORKER: dict[str, Validator] = {}
_WORK = [_validate]


def _init_worker(options: dict[str, Options], work=_validate) -> None:
    """Pool initializer: one Validator per configuration, built once per worker (inherited when forked).
    Ctrl-C reaches the whole process group: only the parent acts on it (it ends the pool); a worker
    that raised KeyboardInterrupt mid-task would print a traceback and could leave the pool waiting.
    SIGTERM (how the pool ends its workers) ends a worker at once, not through the parent's handler
    (validator.interrupts)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    for key, o in options.items():
        _WORKER[key] = validator_for(o)
    _WORK[0] = work


def _task(item: Item):
    return _WORK[0](item, _WORKER)


def cpus() -> int:
    """The CPUs this process may run on (a CI runner's container may allow fewer than the machine has)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def worker_count(jobs: int | None, files: int) -> int:
    """`--jobs`, at most the CPUs (more workers only cost memory: a Validator each) and the files."""
    return min(jobs or cpus(), cpus(), files)


def results(p: Plan, jobs: int | None = None) -> Iterator[FileResult]:
    """FileResults in input order, each yielded as soon as it and all before it are done, with the
    findings of the rules across the feed: each article compared with the articles before it."""
    indexes: dict = {}
    for item, result in zip(p.items, produce(p, jobs), strict=True):
        if result.feed:
            from validator.feed import FeedIndex

            v = validator_for(p.options[item.key])
            index = indexes.get(item.key) or indexes.setdefault(item.key, FeedIndex(v))
            result.findings = sorted(result.findings + index.findings(result.feed, v.options.lang),
                                     key=lambda f: f.sort_key)
            result.feed = []
        yield result


def produce(p: Plan, jobs: int | None = None, work=_validate, window: int | None = None) -> Iterator:
    """Each item's result in input order, each yielded as soon as it and all before it are done.
    `work` turns one item into its result (the corpus engines: into structure tables). `window`
    bounds the items handed to the pool and not yet taken by the caller: a pool's finished results
    queue up when the caller is slower than the workers (the corpus engines validate in batches)."""
    for item in p.items:
        if item.stdin and item.text is None and item.error is None:
            read_stdin(item)
    workers = worker_count(jobs, len(p.items))
    local = {key: validator_for(o) for key, o in p.options.items()}
    if workers < 2 or len(p.items) < MIN_FILES_FOR_POOL:
        for item in p.items:
            yield work(item, local)
        return
    for v in local.values():
        v.resources.matcher  # build the lexicon index once, before forking, so workers inherit it
    import multiprocessing as mp  # only a pool needs it (its import costs a cold start ~5 %)

    ctx = mp.get_context("fork") if sys.platform.startswith("linux") else mp.get_context()
    pool = ctx.Pool(workers, initializer=_init_worker, initargs=(p.options, work))
    chunk = max(1, min(16, len(p.items) // (workers * 8)))  # fewer round trips, results still in order
    slots = stop = None
    items: Iterator = iter(p.items)
    if window is not None:
        import threading

        chunk = max(1, min(chunk, window // (workers * 2)))
        slots, stop = threading.Semaphore(window), threading.Event()
        items = _throttled(p.items, slots, stop)
    try:
        for result in pool.imap(_task, items, chunksize=chunk):
            yield result
            if slots is not None:
                slots.release()
        pool.close()
    finally:
        if stop is not None:
            stop.set()
        pool.terminate()
        pool.join()


def _throttled(items: list, slots, stop) -> Iterator:
    """The items, each once a slot is free (the pool's feeder thread waits here, never for ever:
    when the run ends early, `stop` lets the pool end)."""
    for item in items:
        while not slots.acquire(timeout=0.2):
            if stop.is_set():
                return
        yield item
