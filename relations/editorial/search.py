"""Search: folded names, the trigram indexes behind ``q``, and SQLite's planner statistics.

Folding
-------
Accent- and case-insensitive forms of names, for matching and search (``fold``, ``fold_key``).

Trigram indexes
---------------
Trigram indexes behind the folded search, so that ``q`` costs the same at any size.

``search_text`` holds every record's folded words; a search asks for each folded term as a substring.
Without an index that is a scan of every row. PostgreSQL answers the same ``LIKE '%term%'`` from a
``pg_trgm`` GIN index; SQLite from an FTS5 table with the ``trigram`` tokenizer, kept in step with its
table by triggers, and queried with ``MATCH`` (terms of three letters or more; shorter ones, which a
trigram cannot index, stay a ``LIKE``).

The indexes are made after every ``migrate`` (``post_migrate``), idempotently, rather than by a
migration: SQLite rebuilds a table whenever a migration alters it, which drops its triggers, so they
are checked each time and the FTS table is rebuilt if they were missing.

Planner statistics
------------------
SQLite, unlike PostgreSQL's autovacuum, never gathers them itself: ``update_planner_statistics()``.
"""

from __future__ import annotations

import copy
import functools
import json
import logging
import re
import sqlite3
import unicodedata

from django.core.exceptions import ValidationError
from django.db import DatabaseError, connections, transaction
from django.db.models import F, Q
from django.db.models.expressions import RawSQL
from django.db.models.lookups import In
from django.db.models.sql import Query

logger = logging.getLogger(__name__)


# -- folding

_NON_WORD = re.compile(r"[^0-9a-z]+")


#: Names, titles and words are folded again and again (by the extractor, the resolver, the writer): those
#: up to this length are kept once folded (an LRU of 65,536); longer texts are folded each time.
_REMEMBERED = 200


def fold(text: str) -> str:
    """ASCII, lower-case form of ``text``: ``Phạm Minh Chính`` → ``pham minh chinh``.

    Vietnamese đ/Đ, which Unicode does not decompose, fold to d. Punctuation is kept;
    runs of whitespace become one space.
    """
    text = text or ""
    return _fold_remembered(text) if len(text) <= _REMEMBERED else _fold(text)


def _fold(text: str) -> str:
    if not text.isascii():  # plain ASCII has nothing to decompose
        text = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
        text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.casefold().split())


_fold_remembered = functools.lru_cache(maxsize=1 << 16)(_fold)


def fold_tokens(text: str) -> list[str]:
    """The folded words of ``text``, punctuation dropped."""
    return [t for t in _NON_WORD.split(fold(text)) if t]


def fold_key(text: str) -> str:
    """A matching key: the folded words joined by single spaces."""
    text = text or ""
    return _fold_key_remembered(text) if len(text) <= _REMEMBERED else _fold_key(text)


def _fold_key(text: str) -> str:
    return " ".join(fold_tokens(text))


_fold_key_remembered = functools.lru_cache(maxsize=1 << 16)(_fold_key)


# -- what a search may ask

MAX_SEARCH_LENGTH = 200  # characters
MAX_SEARCH_TERMS = 10  # words: each is one more condition (SQLite refuses an expression past 1,000 deep)


def search_problem(q: str) -> str:
    """Why ``q`` is refused as a search ("" when it is fine): too long, or too many words."""
    words = len(fold(q).split())
    if words > MAX_SEARCH_TERMS:
        return f"Search for at most {MAX_SEARCH_TERMS} words (this has {words:,})."
    if len(q) > MAX_SEARCH_LENGTH:
        return f"Search for at most {MAX_SEARCH_LENGTH} characters (this is {len(q):,})."
    return ""


def validate_search(q: str) -> None:
    """A form field validator: :func:`search_problem` as a ValidationError."""
    problem = search_problem(q or "")
    if problem:
        raise ValidationError(problem, code="search")


# -- the trigram search

TRIGRAM = 3


def searchable_models():
    from django.apps import apps

    from relations.editorial.models import EditorialModel

    return [m for m in apps.get_models() if issubclass(m, EditorialModel) and not m._meta.proxy]


@functools.cache
def sqlite_has_trigram_fts() -> bool:
    """Whether this SQLite has FTS5 with the trigram tokenizer (3.34 and later, when compiled in)."""
    probe = sqlite3.connect(":memory:")
    try:
        probe.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='trigram')")
    except sqlite3.Error:
        return False
    finally:
        probe.close()
    return True


def fts_table(model) -> str:
    return f"{model._meta.db_table}_fts"


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


#: From this many matches on, a page of a search on SQLite walks the index of its order (see
#: :class:`FullTextMatch`).
DENSE_MATCHES = 500


class FullTextMatch(In):
    """``pk IN (SELECT rowid FROM <table>_fts WHERE ... MATCH ...)``: the records SQLite's FTS5 table
    matches.

    SQLite has no statistics of a virtual table, so it always looks the matches up by their keys, then
    reads and sorts them all for a page: 50 ms for "Đặng" (6,600 matches) at N = 100,000. Once the
    paginator has counted many matches (:data:`DENSE_MATCHES`), it marks the page's condition
    ``walk_order`` (:func:`walking_the_order`): ``+pk IN (...)`` keeps SQLite from using the key, so it
    walks the index of the list's order and stops after the page's rows (2 ms). A rare name, and the
    count, keep the look-up by key.
    """

    walk_order = False
    terms: tuple[str, ...] = ()  # the folded terms it matches (each as a substring of the search text)

    def as_sql(self, compiler, connection):
        sql, params = super().as_sql(compiler, connection)
        query = compiler.query
        ordered = bool(query.order_by) or (query.default_ordering and bool(query.get_meta().ordering))
        if self.walk_order and ordered and query.high_mark is not None:
            sql = f"+{sql}"  # unary plus: the key's value, not its index
        return sql, params


def _replacing_matches(rows, replace):
    """``rows`` with each :class:`FullTextMatch` of its conditions replaced by ``replace(match)``."""
    query = getattr(rows, "query", None)
    if query is None:
        return rows
    rows = rows.all()  # a copy of the conditions' tree; the lookups in it are shared, so replaced

    def walk(node) -> None:
        for index, child in enumerate(node.children):
            if isinstance(child, FullTextMatch):
                node.children[index] = replace(child)
            elif hasattr(child, "children"):
                walk(child)

    walk(rows.query.where)
    return rows


def walking_the_order(rows):
    """``rows`` with each :class:`FullTextMatch` of its conditions marked ``walk_order``."""

    def walking(match):
        match = copy.copy(match)
        match.walk_order = True
        return match

    return _replacing_matches(rows, walking)


def scanning(rows):
    """``rows`` with each :class:`FullTextMatch` of its conditions written as the ``LIKE`` it stands for
    (``search_text`` containing each term): SQLite then tests the rows it walks, in the index of the list's
    order, and stops after the page's, instead of looking every match up (see :func:`stream_matches`)."""

    def scan(match):
        condition = Q()
        for term in match.terms:
            condition &= Q(search_text__contains=term)
        return Query(rows.model).build_where(condition)

    return _replacing_matches(rows, scan)


def the_match(rows):
    """``(match, rest)``: the one full-text match still to run that every row of ``rows`` must meet, and
    ``rows`` without it; ``(None, None)`` otherwise."""
    return _besides(rows, lambda match: _unread(match) and bool(match.terms), lambda match: match)


def stream_matches(match, db: str, enough):
    """Run ``match`` and read its keys (in key order: FTS5 finds them one by one, lazily), 256 at a time,
    until ``enough(read)`` is true of the last ones read: ``(keys, complete)``, ``complete`` when every
    match was read. A count that stops at 1,001 reads a fifth of the 6,628 matches of "Đặng" at
    N = 100,000 (SQLite's match: 7 ms for all of them on a quiet machine)."""
    keys: list[int] = []
    with connections[db].cursor() as cursor:
        cursor.execute(match.rhs.sql, match.rhs.params)
        while chunk := cursor.fetchmany(256):
            read = [key for (key,) in chunk]
            keys += read
            if enough(read):
                return keys, False
    return keys, True


def with_matches_read(rows, known: dict | None = None):
    """``rows`` with each full-text match of its conditions run once, now (one query each), its keys
    then given to the conditions as one JSON parameter (``json_each``): a list's count and its page
    otherwise each run the match (9 ms for "Đặng" at N = 100,000). ``known``: the keys of matches read
    already, by the match's SQL and parameters (:func:`match_key`)."""

    def read(match):
        if not _unread(match):
            return match
        keys = (known or {}).get(match_key(match))
        if keys is None:
            with connections[rows.db].cursor() as cursor:
                cursor.execute(match.rhs.sql, match.rhs.params)
                keys = [key for (key,) in cursor.fetchall()]
        read = copy.copy(match)
        read.rhs = RawSQL("SELECT value FROM json_each(%s)", [json.dumps(keys)])
        read.keys = keys  # for the paginator's count (``besides_the_match``)
        return read

    return _replacing_matches(rows, read)


def match_key(match) -> tuple:
    return (match.rhs.sql, tuple(match.rhs.params))


def besides_the_match(rows):
    """``(keys, rest)``: the keys of the one full-text match ``with_matches_read`` ran for ``rows``,
    and ``rows`` without that condition; ``(None, None)`` unless there is exactly one such match and every
    row must meet it (not under an ``OR`` or a ``NOT``)."""
    return _besides(rows, lambda match: hasattr(match, "keys"), lambda match: match.keys)


def _besides(rows, wanted, found_as):
    """``(found_as(match), rows without it)`` for the one :class:`FullTextMatch` of ``rows`` every row must
    meet, if ``wanted(match)``; ``(None, None)`` otherwise."""
    query = getattr(rows, "query", None)
    if query is None:
        return None, None
    rest = rows.all()
    found = []

    def walk(node, required: bool) -> bool:
        """Drop the read matches below ``node``; False for one a row need not meet (under OR or NOT)."""
        required = required and node.connector == "AND" and not node.negated
        kept = []
        for child in node.children:
            if isinstance(child, FullTextMatch):
                if not required or not wanted(child):
                    return False
                found.append(found_as(child))
                continue
            if hasattr(child, "children"):
                child = copy.copy(child)
                child.children = list(child.children)
                if not walk(child, required):
                    return False
            kept.append(child)
        node.children = kept
        return True

    where = copy.copy(rest.query.where)
    where.children = list(where.children)
    if not walk(where, True) or len(found) != 1:
        return None, None
    rest.query.where = where
    return found[0], rest


def reads_matches(rows) -> bool:
    """Whether a full-text match among the conditions of ``rows`` is still to run (``with_matches_read``)."""
    query = getattr(rows, "query", None)

    def found(node) -> bool:
        return any(_unread(child) or (hasattr(child, "children") and found(child)) for child in node.children)

    return query is not None and found(query.where)


def _unread(match) -> bool:
    return isinstance(match, FullTextMatch) and isinstance(match.rhs, RawSQL) and " MATCH " in match.rhs.sql


def matching(model, terms: list[str], *, using: str) -> Q:
    """A condition true for the records whose search text contains every (folded) term."""
    query, scanned = Q(), terms
    if connections[using].vendor == "sqlite" and sqlite_has_trigram_fts():
        indexed = [term for term in terms if len(term) >= TRIGRAM]
        scanned = [term for term in terms if len(term) < TRIGRAM]
        if indexed:
            table = fts_table(model)
            sql = f'SELECT rowid FROM "{table}" WHERE "{table}" MATCH %s'
            keys = RawSQL(sql, [" AND ".join(_quoted(term) for term in indexed)])
            match = FullTextMatch(F("pk"), keys)
            match.terms = tuple(indexed)
            query &= Q(match)
    for term in scanned:
        query &= Q(search_text__contains=term)
    return query


# -- making the indexes


def ensure_search_indexes(using: str = "default", **kwargs) -> None:
    connection = connections[using]
    if connection.vendor == "postgresql":
        _ensure_trigram_indexes(connection)
    elif connection.vendor == "sqlite" and sqlite_has_trigram_fts():
        for model in searchable_models():
            _ensure_fts_table(connection, model)


def _ensure_trigram_indexes(connection) -> None:
    try:
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except DatabaseError as error:  # no right to create it: search still works, by scanning
        logger.warning("Search runs without trigram indexes: cannot create pg_trgm (%s)", error)
        return
    with connection.cursor() as cursor:
        for model in searchable_models():
            table = model._meta.db_table
            cursor.execute(
                f'CREATE INDEX IF NOT EXISTS "{table}_search_trgm" ON "{table}" '
                "USING gin (search_text gin_trgm_ops)"
            )


def _ensure_fts_table(connection, model) -> None:
    table, fts = model._meta.db_table, fts_table(model)
    triggers = {
        f"{fts}_insert": f'AFTER INSERT ON "{table}" BEGIN {_add(fts, "new")} END',
        f"{fts}_delete": f'AFTER DELETE ON "{table}" BEGIN {_remove(fts, "old")} END',
        f"{fts}_update": (
            f'AFTER UPDATE OF search_text ON "{table}" BEGIN {_remove(fts, "old")} {_add(fts, "new")} END'
        ),
    }
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE name = %s OR tbl_name = %s", [fts, table])
        present = {name for (name,) in cursor.fetchall()}
        missing = [name for name in triggers if name not in present]
        if fts in present and not missing:
            return
        cursor.execute(
            f'CREATE VIRTUAL TABLE IF NOT EXISTS "{fts}" USING fts5('
            f"search_text, content='{table}', content_rowid='id', tokenize='trigram')"
        )
        for name in missing:
            cursor.execute(f'CREATE TRIGGER "{name}" {triggers[name]}')
        cursor.execute(f'INSERT INTO "{fts}"("{fts}") VALUES (\'rebuild\')')


def _add(fts: str, row: str) -> str:
    return f'INSERT INTO "{fts}"(rowid, search_text) VALUES ({row}.id, {row}.search_text);'


def _remove(fts: str, row: str) -> str:
    values = f"VALUES ('delete', {row}.id, {row}.search_text);"
    return f'INSERT INTO "{fts}"("{fts}", rowid, search_text) {values}'


# -- planner statistics

# Rows sampled per index: approximate statistics in milliseconds at any size (0.2 s for a full ANALYZE
# of 100,000 delegations and the rest, 4 ms with the limit).
ANALYSIS_LIMIT = 1000


def update_planner_statistics(using: str = "default", **kwargs) -> None:
    """Without statistics SQLite may pick the status index over a foreign key's: a detail page's
    prefetch of a delegation's meetings then scans every published meeting (150 ms instead of 0.1 ms
    at 100,000). Run after bulk changes (imports, generated data) and, as a ``post_migrate`` receiver,
    after migrations, whose new indexes have no statistics yet."""
    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA analysis_limit = {ANALYSIS_LIMIT}")
        cursor.execute("ANALYZE")
