"""Reading article files: find them, check them, decode them. No database, no extraction."""

from __future__ import annotations

import codecs
import hashlib
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

SUFFIX = ".txt"  # any case: ARTICLE.TXT too
_HTML = re.compile(r"<\s*(!doctype\s+html|html|head|body|div|p|br|span|script|table|a\s+href)\b", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class ArticleError(Exception):
    """A file that cannot be imported; the message names the problem, the report adds the file."""


@dataclass(slots=True)
class ArticleFile:
    key: str  # the path from the import root, without extension (see Source.key)
    name: str  # what the report calls it: a path or an uploaded file name
    text: str
    warnings: list[str] = field(default_factory=list)

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Source:
    """An article file still to read: a path on disk or uploaded bytes.

    Its ``key``, the article's identity, is its path from the import root without the suffix, with ``/``
    between folders: ``2022/001.txt`` under the folder imported is ``2022/001``, a file named on its own
    or uploaded is its name without the suffix (``001``). ``origin`` is the file's resolved path ("" for
    an upload): the importer refuses a file whose key an article imported from another file holds.
    """

    name: str
    path: Path | None = None
    data: bytes | None = None
    key: str = ""
    origin: str = ""

    def __post_init__(self):
        if not self.key:
            self.key = Path(self.name).stem

    def read_bytes(self, limit: int | None = None) -> bytes:
        """The bytes, at most ``limit`` + 1 of them from a file (enough to tell it is over the limit)."""
        if self.data is not None:
            return self.data
        try:
            mode = self.path.stat().st_mode
            if stat.S_ISDIR(mode):
                raise ArticleError("is a folder, not a file")
            if not stat.S_ISREG(mode):
                raise ArticleError("is not a regular file (a device, a pipe or a socket): nothing to import")
            with self.path.open("rb") as file:
                return file.read() if limit is None else file.read(limit + 1)
        except IsADirectoryError:
            raise ArticleError("is a folder, not a file") from None
        except PermissionError:
            raise ArticleError("cannot be read: permission denied") from None
        except OSError as exc:
            raise ArticleError(f"cannot be read: {exc.strerror or exc}") from None


def has_suffix(name: str) -> bool:
    return name.lower().endswith(SUFFIX)


def find_sources(paths: Iterable[Path]) -> tuple[list[Source], list[tuple[str, str]]]:
    """The article files under ``paths`` (folders are searched recursively for *.txt, any case).

    Returns the sources, sorted and without repeats, and the problems found with the paths themselves.
    A folder is the import root of the files under it (their keys keep the folders between them).
    """
    sources: dict[Path, Source] = {}
    problems: list[tuple[str, str]] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if has_suffix(p.name) and p.is_file())
            if not found:
                problems.append((str(path), f"folder has no {SUFFIX} files"))
            for p in found:
                key = p.relative_to(path).with_suffix("").as_posix()
                sources.setdefault(p.resolve(), Source(name=str(p), path=p, key=key, origin=str(p.resolve())))
        elif path.is_file():
            sources.setdefault(path.resolve(), Source(name=str(path), path=path, origin=str(path.resolve())))
        elif path.exists():
            problems.append(
                (str(path), "is not a regular file (a device, a pipe or a socket): nothing to import")
            )
        else:
            problems.append((str(path), "no such file or folder"))
    return list(sources.values()), problems


def looks_like_html(text: str) -> bool:
    """A saved web page rather than an article's text."""
    return bool(_HTML.search(text[:4000])) and text.count("<") >= 3


# Elements that end a line of the page's text, and elements whose content is no text of it.
_BLOCKS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
    "article", "header", "footer", "blockquote", "figcaption", "figure", "title", "dd", "dt", "hr", "pre",
}  # fmt: skip
_HIDDEN = {"script", "style", "noscript", "template", "svg", "iframe"}


class _PageText(HTMLParser):
    """A page's text: one line per block, entities decoded, scripts and styles left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)

    def text(self) -> str:
        lines = (" ".join(line.split()) for line in "".join(self.parts).split("\n"))
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def html_text(page: str) -> str:
    """The text of a saved web page (or of a text with markup left in it), a line per paragraph."""
    parser = _PageText()
    parser.feed(page)
    parser.close()
    return parser.text()


def read_article(source: Source, *, max_bytes: int) -> ArticleFile:
    """Decode and check one file; raise ArticleError saying what is wrong with it."""
    if source.path is not None and source.data is None:
        try:
            size = source.path.stat().st_size
        except OSError as exc:
            raise ArticleError(f"cannot be read: {exc.strerror or exc}") from None
        if size > max_bytes:
            raise ArticleError(f"is {size:,} bytes, over the limit of {max_bytes:,} (ARTICLE_MAX_BYTES)")
    data = source.read_bytes(limit=max_bytes)
    if len(data) > max_bytes:
        over = f"{len(data):,} bytes" if source.data is not None else "more than that"
        raise ArticleError(f"is {over}, over the limit of {max_bytes:,} bytes (ARTICLE_MAX_BYTES)")
    text, warnings = decode(data)
    if looks_like_html(text):
        text = html_text(text)
        if not text.strip():
            raise ArticleError("is HTML with no text once its markup is left out")
        warnings.append("HTML: read as the page's text, its markup left out; check its paragraphs")
    return ArticleFile(key=source.key, name=source.name, text=text, warnings=warnings)


# Byte order marks that name an encoding (UTF-32 first: its little-endian mark starts like UTF-16's).
BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]


def decode(data: bytes) -> tuple[str, list[str]]:
    """UTF-16 or UTF-32 with their byte order mark, UTF-8 (with or without BOM) or, failing that,
    cp1252 with a warning. A NUL character anywhere is refused: it is no article's text, and
    PostgreSQL cannot store it."""
    if not data.strip():
        raise ArticleError("is empty")
    warnings = []
    bom = next((encoding for mark, encoding in BOMS if data.startswith(mark)), None)
    if bom is not None:
        try:
            text = data.decode(bom)
        except UnicodeDecodeError:
            raise ArticleError(
                f"starts with a {bom.upper()} byte order mark but is not {bom.upper()}"
            ) from None
        return _checked(text, warnings)
    if b"\x00" in data[:8192]:
        raise ArticleError("is a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise ArticleError("is neither UTF-8 nor cp1252 text") from None
        warnings.append("not UTF-8: read as cp1252 (Windows-1252); check its accented letters")
    return _checked(text, warnings)


def _checked(text: str, warnings: list[str]) -> tuple[str, list[str]]:
    nul = text.find("\x00")
    if nul >= 0:
        raise ArticleError(f"contains a NUL character (at character {nul:,}): a binary file, not text")
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
