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


@dataclass(frozen=True)
class Folder:
    """A folder argument: its articles are listed when the run reads them, again, not kept as a list
    (a corpus of a million files is never held in memory; the plan's walk counted them)."""
    path: str


@dataclass
class Plan:
    sources: list = field(default_factory=list)   # Items (files, standard input) and Folders, in argument order
    count: int = 0                                 # the articles the run validates
    options: dict[str, Options] = field(default_factory=dict)
    configs: dict[str, cfg.Config] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)   # notes: files excluded, links not followed
    empty_folders: list[str] = field(default_factory=list)  # folder arguments holding no article
    config_file: Path | None = None
    overlapping: bool = False     # some arguments name the same files: a path is validated once

    @property
    def items(self) -> "Items":
        return Items(self)

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


class Items:
    """The plan's articles in input order, each folder listed as they are read: iterable (again, the
    same order), with a length; memory holds one folder's listing, not the corpus's paths."""

    def __init__(self, plan: Plan):
        self.plan = plan

    def __len__(self) -> int:
        return self.plan.count

    def __iter__(self) -> Iterator[Item]:
        p = self.plan
        seen: set[str] | None = set() if p.overlapping else None
        for source in p.sources:
            for item in _folder_items(p, source.path) if isinstance(source, Folder) else (source,):
                if seen is not None:
                    if item.path in seen:
                        continue
                    seen.add(item.path)
                yield item


def _folder_items(p: Plan, folder: str) -> Iterator[Item]:
    """A folder's articles as Items (links out of it, files its configuration excludes: not)."""
    for entry, conf in _walk(folder, p.config_file):
        if conf is None:
            continue
        key = conf.key
        if key not in p.options:   # a file whose configuration appeared after the plan was made
            yield Item(entry.path, next(iter(p.options)),
                       error=f"{entry.path}: its configuration {conf.key} appeared during the run; not validated")
        else:
            yield Item(entry.path, key, error=entry.error)


def _walk(folder: str, config_file: Path | None) -> Iterator[tuple]:
    """(entry, configuration) for each file under a folder; configuration None: not an article of
    the run (a link out of the folder, a file the configuration leaves out). The folder's articles
    share their folder's configuration: it is looked up once per folder, not per file."""
    by_folder: dict[str, cfg.Config] = {}
    for entry in articles_in(folder):
        if entry.error:
            yield entry, cfg.for_file(folder, config_file)
            continue
        if entry.outside:
            yield entry, None
            continue
        parent = os.path.dirname(entry.path)
        conf = by_folder.get(parent)
        if conf is None:
            conf = by_folder[parent] = cfg.for_file(entry.path, config_file)
        f = Path(entry.path)
        yield entry, (conf if conf.included(f) and not conf.excluded(f) else None)


def _overlapping(paths: list[str]) -> bool:
    """Whether one argument can name a file another names too (a folder and a file or folder in it,
    the same argument twice, standard input named like a file): then the run keeps the paths it
    has validated (a set), else it keeps none."""
    if len(paths) < 2:
        return False
    names = [p if p == "-" or not os.path.isdir(p) else str(Path(p)) for p in paths]
    if len(set(names)) < len(names) or "-" in names:
        return True
    folders = [n for n, p in zip(names, paths) if p != "-" and os.path.isdir(p)]
    return any(f in (".", os.sep) or any(n != f and n.startswith(f.rstrip(os.sep) + os.sep) for n in names)
               for f in folders)


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
    p = Plan(config_file=config_file, overlapping=_overlapping(paths))
    seen: set[str] | None = set() if p.overlapping else None

    def count(path: str) -> bool:
        if seen is not None:
            if path in seen:
                return False
            seen.add(path)
        p.count += 1
        return True

    def add(path: str, conf: cfg.Config, stdin: bool = False) -> None:
        item = Item(path, _options_for(p, conf, extra_rules, disable, select, lang), stdin=stdin)
        if count(path):
            p.sources.append(item)

    for raw in paths:
        if raw == "-":  # named by --stdin-filename: its configuration, sidecar, baseline entry and markup
            name = stdin_filename or "-"
            add(name, cfg.for_file(name, config_file), stdin=True)
            continue
        path = Path(raw)
        if path.is_dir():
            # walked now for the configurations (their errors come before any article is read), the
            # notes and the count; walked again as the run reads the articles
            before = p.count
            for entry, conf in _walk(raw, config_file):
                if entry.outside:
                    p.skipped.append(f"{entry.path}: a link leading out of {raw}, not followed")
                elif conf is not None:
                    _options_for(p, conf, extra_rules, disable, select, lang)
                    count(entry.path)
            if p.count == before:
                p.empty_folders.append(raw)
            else:
                p.sources.append(Folder(raw))
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


def _task(item: Item) -> tuple[Item, object]:
    return item, _WORK[0](item, _WORKER)


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
    """FileResults in input order (`pairs` without the items)."""
    for _, result in pairs(p, jobs):
        yield result


def pairs(p: Plan, jobs: int | None = None) -> Iterator[tuple[Item, FileResult]]:
    """(item, FileResult) in input order, each yielded as soon as it and all before it are done, with
    the findings of the rules across the feed: each article compared with the articles before it."""
    indexes: dict = {}
    for item, result in produce(p, jobs):
        if result.feed:
            from validator.feed import FeedIndex

            v = validator_for(p.options[item.key])
            index = indexes.get(item.key) or indexes.setdefault(item.key, FeedIndex(v))
            result.findings = sorted(result.findings + index.findings(result.feed, v.options.lang),
                                     key=lambda f: f.sort_key)
            result.feed = []
        yield item, result


def produce(p: Plan, jobs: int | None = None, work=_validate, window: int | None = None) -> Iterator:
    """(item, result) for each item in input order, each yielded as soon as it and all before it are
    done. `work` turns one item into its result (the corpus engines: into structure tables). `window`
    bounds the items handed to the pool and not yet taken by the caller: a pool's finished results
    queue up when the caller is slower than the workers (the corpus engines validate in batches).
    The items are listed as the pool takes them (Plan.items), never all at once."""
    for item in p.sources:
        if isinstance(item, Item) and item.stdin and item.text is None and item.error is None:
            read_stdin(item)
    workers = worker_count(jobs, len(p.items))
    local = {key: validator_for(o) for key, o in p.options.items()}
    if workers < 2 or len(p.items) < MIN_FILES_FOR_POOL:
        for item in p.items:
            yield item, work(item, local)
        return
    for v in local.values():
        v.resources.matcher  # build the lexicon index once, before forking, so workers inherit it
    import multiprocessing as mp  # only a pool needs it (its import costs a cold start ~5 %)

    import gc

    ctx = mp.get_context("fork") if sys.platform.startswith("linux") else mp.get_context()
    # the workers share the parent's pages until they write to them, and a worker's collector writes
    # to every object it inherited: frozen objects it leaves alone, so their pages stay shared
    gc.collect()
    gc.freeze()
    try:
        pool = ctx.Pool(workers, initializer=_init_worker, initargs=(p.options, work))
    finally:
        gc.unfreeze()   # the parent's own objects are collected as before
    chunk = max(1, min(16, len(p.items) // (workers * 8)))  # fewer round trips, results still in order
    slots = stop = None
    items: Iterator = iter(p.items)
    if window is not None:
        import threading

        chunk = max(1, min(chunk, window // (workers * 2)))
        slots, stop = threading.Semaphore(window), threading.Event()
        items = _throttled(p.items, slots, stop)
    try:
        for pair in pool.imap(_task, items, chunksize=chunk):
            yield pair
            if slots is not None:
                slots.release()
        pool.close()
    finally:
        if stop is not None:
            stop.set()
        pool.terminate()
        pool.join()


def _throttled(items, slots, stop) -> Iterator:
    """The items, each once a slot is free (the pool's feeder thread waits here, never for ever:
    when the run ends early, `stop` lets the pool end)."""
    for item in items:
        while not slots.acquire(timeout=0.2):
            if stop.is_set():
                return
        yield item
