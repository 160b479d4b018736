"""How alike two names are: the project's one name-similarity function, on rapidfuzz.

Names are compared folded (case, accents and đ set aside), so "Phạm Minh Chính" and "Pham Minh Chinh"
are the same. ``similarity`` is the normalised Indel similarity of rapidfuzz (0 to 1, what
``difflib.SequenceMatcher.ratio`` gives, computed in C); ``words_close`` says whether two words differ
by no more than a small slip ("Nguen" ~ "Nguyen"); ``name_similarity`` compares whole names word by
word, in any order ("Kolokoltsev Vladimir" ~ "Vladimir Kolokoltsev").

The resolver, the extractor, the duplicate finder and the merge page all ask this module.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz

from relations.editorial.search import fold, fold_key

# Two words this alike (or more) differ by a slip: one letter in five.
CLOSE = 0.8


def similarity(a: str, b: str) -> float:
    """0 to 1: how alike two strings are once folded (1.0 for the same letters in the same order)."""
    return fuzz.ratio(fold(a), fold(b)) / 100


@lru_cache(maxsize=65536)
def words_close(a: str, b: str, threshold: float = CLOSE) -> bool:
    """Two words that are the same but for a small slip; words under four letters must be equal."""
    a, b = fold(a), fold(b)
    if a == b:
        return True
    if min(len(a), len(b)) < 4:
        return False
    return fuzz.ratio(a, b, score_cutoff=threshold * 100) >= threshold * 100


def name_similarity(a: str, b: str) -> float:
    """0 to 1: how alike two names are word by word, in any order ("Kolokoltsev Vladimir" ~ "Vladimir
    Kolokoltsev" is 1.0)."""
    return fuzz.token_sort_ratio(fold_key(a), fold_key(b)) / 100
