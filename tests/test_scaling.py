"""Cost that grows with the input, guarded without timing: every input shape of benchmarks/shapes.py
is validated at two sizes, four times apart, and the Python calls made (cProfile's count, the same on
a busy machine) and the peak memory allocated must grow about fourfold, not sixteenfold. The timings
are in benchmarks/bench_scaling.py."""
from __future__ import annotations

import cProfile
import gc
import os
import pstats
import time
import tracemalloc
from collections import Counter

import pytest

from benchmarks.shapes import SHAPES, article
from validator import markup
from validator.extract.word_keys import WordKeys
from validator.text.wordcache import WordCache

SMALL, LARGE = 3_000, 12_000  # bytes: four times apart
GROWTH = 6.5                    # linear is 4 (less, with the per-article constant); quadratic 16
SLACK = 20                      # calls a module may add beyond that: a few calls more is not growth

pytestmark = pytest.mark.slow


def _cost(validator, shape: str, size: int) -> tuple[int, int, Counter]:
    """Python calls made, peak memory, and the calls made in each module of the validator."""
    suffix, text = article(shape, size)
    profile = cProfile.Profile()
    tracemalloc.start()
    profile.enable()
    validator.validate_source(text, "article" + suffix)
    profile.disable()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    stats = pstats.Stats(profile)
    by_module = Counter()
    for (path, _, _), (_, calls, *_) in stats.stats.items():
        if f"{os.sep}validator{os.sep}" in path:
            by_module[path.rsplit(f"{os.sep}validator{os.sep}", 1)[1]] += calls
    return stats.total_calls, peak, by_module


def _empty_word_caches() -> None:
    """Every per-word cache emptied, as in a fresh run: a cache the earlier tests filled near its bound
    would otherwise empty itself between the two sizes, and the second count all its words again."""
    for obj in gc.get_objects():
        if isinstance(obj, (WordCache, WordKeys)):
            obj.clear()


@pytest.mark.parametrize("shape", SHAPES)
def test_cost_grows_linearly(validator, shape):
    validator.validate_text("خبر\n\nقال الوزير إن العمل مستمر.")  # lexicons and rules loaded before counting
    _empty_word_caches()
    small_calls, small_peak, small_modules = _cost(validator, shape, SMALL)
    large_calls, large_peak, large_modules = _cost(validator, shape, LARGE)
    assert large_calls <= GROWTH * small_calls, (shape, small_calls, large_calls)
    assert large_peak <= GROWTH * small_peak, (shape, small_peak, large_peak)
    # module by module too: a quadratic pass in one module (every pair of figures compared) can hide
    # in the total while it is small, and overtake it at 1 MB
    quadratic = {m: (small_modules[m], n) for m, n in large_modules.items()
                 if n > GROWTH * small_modules[m] + SLACK}
    assert not quadratic, (shape, quadratic)


@pytest.mark.parametrize("shape", ["html-unterminated-a", "html-unterminated-script"])
def test_malformed_markup_read_in_linear_time(shape):
    """The tag scanner is one regex and a few C calls: no call count sees it rescan the text, so this
    one compares the best of five CPU times (not wall clock: the machine may be busy) of two sizes
    eight times apart, loosely: linear is 8x, quadratic 64x."""
    def best(size: int) -> float:
        source = article(shape, size)[1]
        times = []
        for _ in range(5):
            start = time.process_time()
            markup.to_plain(source, "html")
            times.append(time.process_time() - start)
        return min(times)

    small, large = best(10_000), best(80_000)
    assert large <= 24 * small, (small, large)
