"""Optional compiled build: the hot modules compiled with mypyc, in place.

    uv run python -m benchmarks.build_compiled            # compile MODULES (needs a C compiler)
    uv run python -m benchmarks.build_compiled --clean    # remove the compiled files again
    uv run python -m benchmarks.build_compiled --status   # which modules are compiled, and stale ones

mypyc writes one extension module (`.so`, `.pyd` on Windows) beside each `.py` it compiles, plus one
shared library (`*__mypyc.*`) at the top of the checkout; Python imports an extension module before
the `.py` of the same name, so the compiled build is used by everything run from this checkout
(`uv run validate`, `uv run pytest`, the benchmarks) until `--clean`. The `.py` files stay the
source: an edited `.py` is not seen while its compiled module is there (`--status` lists those), so
build again, or clean, after changing one. The pure-Python path is the default of a fresh clone; no
test or CI step needs this build. The intermediate C sources go to build/mypyc/.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build" / "mypyc"

# The modules compiled, as paths from the checkout's top (benchmarks/README.md: why resources.py and
# rules/engine.py stay Python).
MODULES = [
    "validator/text/wordcache.py",
    "validator/text/tokens.py",
    "validator/text/normalize.py",
    "validator/text/lexicon.py",
    "validator/document.py",
    "validator/extract/model.py",
    "validator/extract/context.py",
    "validator/extract/entities/words.py",
    "validator/extract/entities/reader.py",
    "validator/extract/entities/persons.py",
    "validator/extract/entities/speakers.py",
    "validator/extract/entities/unnamed.py",
    "validator/extract/entities/mentions.py",
    "validator/extract/entities/__init__.py",
    "validator/extract/numbers.py",
    "validator/extract/numerals.py",
    "validator/extract/quotes.py",
    "validator/extract/quote_classify.py",
    "validator/extract/attributions.py",
    "validator/extract/attribution_sources.py",
    "validator/extract/vague_source_names.py",
    "validator/extract/outlets.py",
    "validator/extract/verbless_attributions.py",
    "validator/extract/quote_kinds.py",
    "validator/extract/person_roles.py",
    "validator/extract/narration.py",
    "validator/extract/passages.py",
    "validator/extract/linking.py",
    "validator/extract/figure_sources.py",
    "validator/extract/pipeline.py",
]


def _suffixes() -> tuple[str, ...]:
    import importlib.machinery

    return tuple(importlib.machinery.EXTENSION_SUFFIXES)


def compiled_files() -> list[Path]:
    """Every extension module under validator/ and the shared mypyc library at the top."""
    suffixes = _suffixes()
    found = [p for p in (ROOT / "validator").rglob("*") if p.name.endswith(suffixes)]
    found += [p for p in ROOT.glob("*__mypyc*") if p.name.endswith(suffixes)]
    return sorted(found)


def clean() -> None:
    for path in compiled_files():
        path.unlink()
        print(f"removed {path.relative_to(ROOT)}")
    if BUILD.exists():
        shutil.rmtree(BUILD)
        print(f"removed {BUILD.relative_to(ROOT)}/")


def status() -> int:
    suffixes = _suffixes()
    stale = 0
    for path in compiled_files():
        name = path.name
        for suffix in suffixes:
            if name.endswith(suffix):
                source = path.with_name(name[: -len(suffix)] + ".py")
                break
        note = ""
        if source.exists() and source.stat().st_mtime > path.stat().st_mtime:
            note = "  STALE: the .py is newer; build again or --clean"
            stale += 1
        print(f"{path.relative_to(ROOT)}{note}")
    if not compiled_files():
        print("pure Python: no compiled modules")
    return 1 if stale else 0


def build(modules: list[str], opt_level: str) -> None:
    from mypyc.build import mypycify
    from setuptools import setup

    os.chdir(ROOT)
    BUILD.mkdir(parents=True, exist_ok=True)
    extensions = mypycify(
        [*modules, "--cache-dir", str(BUILD / "mypy_cache")],
        opt_level=opt_level,
        target_dir=str(BUILD),
        verbose=False,
    )
    setup(
        name="validator-compiled",
        packages=[],
        py_modules=[],
        ext_modules=extensions,
        script_args=["-q", "build_ext", "--inplace", "--build-temp", str(BUILD / "temp"),
                     "--build-lib", str(BUILD / "lib")],
    )
    # setuptools leaves its own scratch folder beside the build; keep only build/mypyc.
    for leftover in ROOT.glob("validator_compiled.egg-info"):
        shutil.rmtree(leftover)
    print(f"compiled {len(modules)} modules: " + ", ".join(m.removesuffix(".py").replace("/", ".") for m in modules))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--clean", action="store_true", help="remove the compiled modules and build/mypyc")
    ap.add_argument("--status", action="store_true", help="list the compiled modules; exit 1 if one is stale")
    ap.add_argument("--opt-level", default="3", choices=["0", "1", "2", "3"], help="C compiler optimization")
    ap.add_argument("modules", nargs="*", help=f"modules to compile instead of the default {len(MODULES)}")
    args = ap.parse_args()
    if args.clean:
        clean()
        return 0
    if args.status:
        return status()
    clean()  # a module dropped from the list must not stay compiled
    build(args.modules or MODULES, args.opt_level)
    return 0


if __name__ == "__main__":
    sys.exit(main())
