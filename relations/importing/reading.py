"""Reading article files: find them, check them, decode them. No database, no extraction."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

SUFFIX = ".txt"
_HTML = re.compile(r"<\s*(!doctype\s+html|html|head|body|div|p|br|span|script|table|a\s+href)\b", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class ArticleError(Exception):
    """A file that cannot be imported; the message names the problem, the report adds the file."""


@dataclass(slots=True)
class ArticleFile:
    key: str  # the file name without extension
    name: str  # what the report calls it: a path or an uploaded file name
    text: str
    warnings: list[str] = field(default_factory=list)

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Source:
    """An article file still to read: a path on disk or uploaded bytes."""

    name: str
    path: Path | None = None
    data: bytes | None = None

    @property
    def key(self) -> str:
        return Path(self.name).stem

    def read_bytes(self) -> bytes:
        if self.data is not None:
            return self.data
        try:
            return self.path.read_bytes()
        except IsADirectoryError:
            raise ArticleError("is a folder, not a file") from None
        except PermissionError:
            raise ArticleError("cannot be read: permission denied") from None
        except OSError as exc:
            raise ArticleError(f"cannot be read: {exc.strerror or exc}") from None


def find_sources(paths: Iterable[Path]) -> tuple[list[Source], list[tuple[str, str]]]:
    """The article files under ``paths`` (folders are searched recursively for *.txt).

    Returns the sources, sorted and without repeats, and the problems found with the paths themselves.
    """
    sources: dict[Path, Source] = {}
    problems: list[tuple[str, str]] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            found = sorted(p for p in path.rglob(f"*{SUFFIX}") if p.is_file())
            if not found:
                problems.append((str(path), f"folder has no {SUFFIX} files"))
            for p in found:
                sources.setdefault(p.resolve(), Source(name=str(p), path=p))
        elif path.exists():
            sources.setdefault(path.resolve(), Source(name=str(path), path=path))
        else:
            problems.append((str(path), "no such file or folder"))
    return list(sources.values()), problems


def read_article(source: Source, *, max_bytes: int) -> ArticleFile:
    """Decode and check one file; raise ArticleError saying what is wrong with it."""
    if source.path is not None and source.data is None:
        try:
            size = source.path.stat().st_size
        except OSError as exc:
            raise ArticleError(f"cannot be read: {exc.strerror or exc}") from None
        if size > max_bytes:
            raise ArticleError(f"is {size:,} bytes, over the limit of {max_bytes:,} (ARTICLE_MAX_BYTES)")
    data = source.read_bytes()
    if len(data) > max_bytes:
        raise ArticleError(f"is {len(data):,} bytes, over the limit of {max_bytes:,} (ARTICLE_MAX_BYTES)")
    text, warnings = decode(data)
    if _HTML.search(text[:4000]) and text.count("<") >= 3:
        raise ArticleError("is HTML, not plain text: save the article's text as .txt")
    return ArticleFile(key=source.key, name=source.name, text=text, warnings=warnings)


def decode(data: bytes) -> tuple[str, list[str]]:
    """UTF-8 (with or without BOM) or, failing that, cp1252 with a warning."""
    if not data.strip():
        raise ArticleError("is empty")
    if b"\x00" in data[:8192]:
        raise ArticleError("is a binary file, not text")
    warnings = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise ArticleError("is neither UTF-8 nor cp1252 text") from None
        warnings.append("not UTF-8: read as cp1252 (Windows-1252); check its accented letters")
    if len(_CONTROL.findall(text[:8192])) > 8:
        raise ArticleError("is a binary file, not text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ArticleError("is empty")
    return text, warnings


def iter_articles(sources: Iterable[Source], *, max_bytes: int) -> Iterator[tuple[Source, ArticleFile | str]]:
    """Each source with its article, or with the reason it cannot be read."""
    for source in sources:
        try:
            yield source, read_article(source, max_bytes=max_bytes)
        except ArticleError as exc:
            yield source, str(exc)
