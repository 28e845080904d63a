"""Two neighbouring letters swapped, the typing slip the name passes look for (name_variants' keys, the
body typos, a family name with the article): a leaf module, so that name_typos' passes may use it without
importing name_variants (which imports name_typos)."""
from __future__ import annotations

TRANSPOSED_MIN = 5  # letters a word alone needs before a swap is a slip, not another word (name_variants)


def neighbour_swaps(word: str, first: int = 0) -> set[str]:
    """The word with each two neighbouring letters from `first` on swapped (the word itself left out)."""
    return {word[:k] + word[k + 1] + word[k] + word[k + 2:] for k in range(first, len(word) - 1)} - {word}
