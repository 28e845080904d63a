"""What every part of the `validate` command shares: its option values, how it writes and how it ends."""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

from validator.errors import RuleError

SUBCOMMANDS = {"extract", "rules", "check"}   # `check` is the default command's old name, still accepted
RULES_COMMANDS = {"list", "check", "test", "explain"}
HELP = ("-h", "--help")
EPILOG = ("Other commands: `validate extract ARTICLE...` (what the validator reads in an article) and "
          "`validate rules list|check|test|explain` (see `validate rules --help`). "
          "A folder named like a command is validated when written as a path: `validate ./rules`.")


class Format(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    junit = "junit"
    github = "github"
    jsonl = "jsonl"
    html = "html"


class ExtractFormat(str, Enum):
    json = "json"
    text = "text"


class Engine(str, Enum):
    native = "native"
    gx = "gx"
    spark = "spark"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


class Lang(str, Enum):
    ar = "ar"
    en = "en"


class CommandExit(Exception):
    """End the command with this exit code (turned into SystemExit by `main`)."""

    def __init__(self, code: int = 0):
        super().__init__(code)
        self.code = code


def echo(message: str, err: bool = False) -> None:
    from validator.interrupts import write

    write(sys.stderr if err else sys.stdout, f"{message}\n")


def die(message: str) -> None:
    echo(message, err=True)
    raise CommandExit(2)


def rules_validator(rules: list[Path] | None, config: Path | None, lang: str):
    """The rules a run in this folder would load: built-in, the configuration's (its rules, lexicons,
    disable, replace and severity) and `rules`."""
    from validator import run

    try:
        plan = run.plan([], config_file=config, extra_rules=rules, lang=lang)
    except RuleError as e:
        die(str(e))
    return run.validator_for(next(iter(plan.options.values())))


def builtin_rules() -> Path:
    from validator.paths import builtin_rules_dir

    return builtin_rules_dir()


def write_output(output: Optional[Path], text: str, inputs: list[str]) -> None:
    if output is None:
        from validator.interrupts import write

        write(sys.stdout, text)
        return
    from validator.outfile import OutputError, write_text

    try:
        write_text(output, text, inputs=inputs)
    except OutputError as e:
        die(str(e))


def package_version() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as dist_version

    try:
        return dist_version("arabic-news-validator")
    except PackageNotFoundError:  # run from a checkout without installing
        return "unknown"
