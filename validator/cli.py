"""The `validate` command. Thin: parse options, call `app`, pick a report, set the exit code.

Start-up time matters (an editor runs this on one article): the common `validate ARTICLE... [options]`
is parsed here without importing typer (whose option coercion builds pydantic adapters, ~0.3 s);
anything else (--help, a subcommand, a bad or unusual option) goes to the typer application, which
is built on first use and gives the usual help and error messages.
"""
from __future__ import annotations

import sys
from pathlib import Path

from validator.cli_app import typer_app
from validator.cli_base import (
    HELP,
    RULES_COMMANDS,
    SUBCOMMANDS,
    CommandExit,
    FailOn,
    Format,
    Lang,
    echo,
    package_version,
)
from validator.cli_check import check


def __getattr__(name: str):
    if name == "app":  # `validator.cli.app`, the typer application, for anyone who imports it
        return typer_app()[0]
    raise AttributeError(name)


# -- the fast path: `validate ARTICLE... [options]` without typer ------------------------------------------

_CHOICES = {"--format": Format, "-f": Format, "--fail-on": FailOn, "--lang": Lang}
_PATHS = {"--output": "output", "-o": "output", "--config": "config", "--baseline": "baseline",
          "--baseline-write": "baseline_write", "--ignore-file": "ignore_file"}
_STRINGS = {"--stdin-filename": "stdin_filename"}
_LISTS = {"--disable": "disable", "--select": "select"}
_CHOICE_NAMES = {"--format": "format", "-f": "format", "--fail-on": "fail_on", "--lang": "lang"}
_FLAGS = {"--structures": "structures", "--fix": "fix", "--diff": "diff"}


def _fast_check_args(argv: list[str]) -> dict | None:
    """`check` arguments parsed exactly as typer would, or None for anything this parser does not
    handle itself (help, bad values, unknown options): typer then parses and reports it."""
    kwargs: dict = {"paths": []}
    i, n = 0, len(argv)
    while i < n:
        arg = argv[i]
        i += 1
        if arg == "--":
            kwargs["paths"].extend(argv[i:])
            break
        if arg == "-" or not arg.startswith("-"):
            kwargs["paths"].append(arg)
            continue
        if arg in _FLAGS:
            kwargs[_FLAGS[arg]] = True
            continue
        name, eq, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if name not in _CHOICES and name not in _PATHS and name not in _STRINGS and name not in _LISTS \
                and name not in ("--rules", "--jobs", "-j"):
            return None
        if not eq:
            if i >= n:
                return None
            value = argv[i]
            i += 1
        if name in _CHOICES:
            try:
                kwargs[_CHOICE_NAMES[name]] = _CHOICES[name](value)
            except ValueError:
                return None
        elif name in _PATHS:
            kwargs[_PATHS[name]] = Path(value)
        elif name == "--rules":
            kwargs.setdefault("rules", []).append(Path(value))
        elif name in _STRINGS:
            kwargs[_STRINGS[name]] = value
        elif name in _LISTS:
            kwargs.setdefault(_LISTS[name], []).append(value)
        else:
            if not (value.isascii() and value.isdigit()):
                return None
            kwargs["jobs"] = int(value)
    return kwargs if kwargs["paths"] else None


def _is_subcommand(argv: list[str]) -> bool:
    """`validate rules list` is a command; `validate rules` with a folder named `rules` there, or
    `validate rules/x.txt`, is an article path (ruff and semgrep users expect both)."""
    head = argv[0]
    if head not in SUBCOMMANDS:
        return False
    if head == "rules":
        return argv[1:2] and argv[1] in (*RULES_COMMANDS, *HELP) or (len(argv) == 1 and not Path(head).exists())
    return len(argv) > 1 or not Path(head).exists()


def main() -> None:
    from validator import interrupts

    argv = sys.argv[1:]
    previous = interrupts.install()
    try:
        if argv[:1] in (["--version"], ["-V"]):
            echo(f"validate {package_version()}")
            sys.exit(0)
        if argv and _is_subcommand(argv):
            typer_app()[0](args=argv, prog_name="validate")
        fast = _fast_check_args(argv)
        if fast is not None:
            check(**fast)
            sys.exit(0)
        typer_app()[1](args=argv or ["--help"], prog_name="validate")
    except CommandExit as e:
        sys.exit(e.code)
    except (KeyboardInterrupt, interrupts.Terminated, BrokenPipeError) as e:
        sys.exit(interrupts.stopped(e))
    finally:
        interrupts.restore(previous)
