"""Accent- and case-insensitive forms of names, for matching and search."""

import re
import unicodedata

_NON_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """ASCII, lower-case form of ``text``: ``Phạm Minh Chính`` → ``pham minh chinh``.

    Vietnamese đ/Đ, which Unicode does not decompose, fold to d. Punctuation is kept;
    runs of whitespace become one space.
    """
    text = (text or "").replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.casefold().split())


def fold_tokens(text: str) -> list[str]:
    """The folded words of ``text``, punctuation dropped."""
    return [t for t in _NON_WORD.split(fold(text)) if t]


def fold_key(text: str) -> str:
    """A matching key: the folded words joined by single spaces."""
    return " ".join(fold_tokens(text))
