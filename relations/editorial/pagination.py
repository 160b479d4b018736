"""A paginator whose last pages cost what its first pages do, and that stops counting past a limit."""

from __future__ import annotations

import copy
import threading
from functools import cached_property

from django.core.exceptions import EmptyResultSet, FullResultSet
from django.core.paginator import Page, Paginator
from django.db import connections
from django.db.models.sql import Query

from relations.editorial.search import (
    DENSE_MATCHES,
    besides_the_match,
    match_key,
    reads_matches,
    scanning,
    stream_matches,
    the_match,
    walking_the_order,
    with_matches_read,
)

#: A list stops counting its matches past this many: "more than 10,000 delegations".
COUNT_LIMIT = 10_000
#: A search stops sooner: "more than 1,000 delegations". Counting every match of a common name cost more
#: than the rest of its page (6,628 for "Đặng" at N = 100,000: a third of the page on SQLite, a heap
#: check of 4,162 blocks on PostgreSQL); past 1,000 the count reads a seventh of them.
SEARCH_COUNT_LIMIT = 1_000
#: A capped search's page on SQLite tests the rows of its order's index one by one (:func:`scanning`)
#: when it should find the page's rows within about this many; else it looks every match up.
SCAN_ROWS = 1_500


class ReversiblePaginator(Paginator):
    """Reads the pages past the middle of an ordered queryset backwards; counts up to ``count_limit``.

    ``OFFSET n`` walks the n rows it skips, so the last page of 70,000 rows reads all of them. The
    same page is the first rows of the reversed order (``QuerySet.reverse()`` also swaps where empty
    values sort), at a small offset, turned round in Python.

    Counting every match of a common name costs more than showing a page of them: with ``count_limit``
    the count reads at most ``count_limit + 1`` rows, and a list with more says "more than" (``capped``);
    its pages run to ``count_limit`` rows, and ``?page=last`` counts exactly (see ``PublicListView``).
    """

    def __init__(
        self, object_list, *args, count_limit: int | None = None, version=None, search: bool = False, **kwargs
    ):
        super().__init__(object_list, *args, **kwargs)
        self.count_limit = count_limit
        self.search = search  # a search's list (see ``capped_count``)
        self.version = version  # the publication version the page shows, when known
        # A search capped before all its matches were read: the last key read.
        self.stopped_at: int | None = None

    @cached_property
    def count(self) -> int:
        limit = self.count_limit
        if reads_matches(self.object_list):  # SQLite's full-text match: run once for the count and the page
            streamed = self._stream_count(limit)
            if streamed is not None:
                return streamed
            self.object_list = with_matches_read(self.object_list)
        counted = published_matches(self.object_list, self.version)
        if counted is None:
            counted = published_total(self.object_list, self.version)
        if counted is not None:
            return counted if limit is None else min(counted, limit + 1)
        if limit is None or not hasattr(self.object_list, "query"):
            return super().count
        # The rows past the limit are never read: COUNT(*) over (SELECT ... LIMIT limit + 1).
        return capped_count(self.object_list.order_by().values("pk"), limit + 1, search=self.search)

    def _stream_count(self, limit: int | None) -> int | None:
        """A capped count of a search on SQLite that stops reading its matches at the ``limit + 1``-th
        published one (:func:`search.stream_matches`); ``None`` where it cannot (no limit, no version,
        conditions besides the match and publication)."""
        query = getattr(self.object_list, "query", None)
        if limit is None or self.version is None or query is None or query.order_by:
            return None  # (a page in another order than the list's own looks every match up anyway)
        match, rest = the_match(self.object_list)
        if match is None:
            return None
        published = self.object_list.model._default_manager.published()
        if _statement(rest) != _statement(published):
            return None
        flags = PUBLISHED_KEYS.get(published.using(self.object_list.db), self.version)
        counted = 0

        def enough(read: list[int]) -> bool:
            nonlocal counted
            counted += sum(flags[key] for key in read if key < len(flags))
            return counted > limit

        keys, complete = stream_matches(match, self.object_list.db, enough)
        if not complete:
            self.stopped_at = keys[-1]
            return limit + 1
        self.object_list = with_matches_read(self.object_list, {match_key(match): keys})
        return counted

    def _page_rows(self, bottom: int, top: int):
        """The rows to take the page ``[bottom:top]`` from."""
        rows = self.object_list
        if self.stopped_at is not None:  # a capped search whose matches were not all read
            # ``limit + 1`` published matches among the keys up to the last read: at most ``last / limit``
            # rows of the order's index a match, if the order is the list's own (its index walked).
            walked = top * self.stopped_at / max(self.count_limit, 1)
            if rows.query.default_ordering and walked <= SCAN_ROWS:
                return scanning(rows)
            rows = self.object_list = with_matches_read(rows)
        # Counted many full-text matches: the page walks its order's index (search.FullTextMatch).
        return walking_the_order(rows) if self.count >= DENSE_MATCHES else rows

    def _get_page(self, *args, **kwargs):
        return CappedPage(*args, **kwargs)

    @property
    def capped(self) -> bool:
        """Whether there are more matches than counted."""
        return self.count_limit is not None and self.count > self.count_limit

    @property
    def shown_count(self) -> int:
        return min(self.count, self.count_limit) if self.capped else self.count

    @cached_property
    def num_pages(self) -> int:
        if self.capped:
            return -(-self.count_limit // self.per_page)
        return super().num_pages

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        rows = self._page_rows(bottom, top)
        if not self.capped and bottom > self.count // 2 and getattr(rows, "ordered", False):
            reversed_rows = list(window(rows.reverse(), self.count - top, self.count - bottom))
            return self._get_page(reversed_rows[::-1], number, self)
        if top + self.orphans >= self.count:
            top = self.count
        return self._get_page(window(rows, bottom, top), number, self)

    def get_elided_page_range(self, number=1, *, on_each_side=3, on_ends=2):
        if not self.capped:
            yield from super().get_elided_page_range(number, on_each_side=on_each_side, on_ends=on_ends)
            return
        # The last pages are unknown: the first ones, the neighbours, and an ellipsis.
        number = self.validate_number(number)
        start = max(1, number - on_each_side)
        head = range(1, min(on_ends, start - 1) + 1)
        yield from head
        if head and start > on_ends + 1:
            yield self.ELLIPSIS
        yield from range(start, min(self.num_pages, number + on_each_side) + 1)
        yield self.ELLIPSIS


def capped_count(keys, stop: int, *, search: bool = False) -> int:
    """How many of the rows ``keys`` there are, up to ``stop``.

    A search on PostgreSQL counts through a ``MATERIALIZED`` CTE, still stopped at ``stop`` rows: its
    ``LIMIT`` otherwise made the planner scan the whole table, testing each row's search text until
    ``stop`` matches (15-30 ms for the 1,001st of "Đặng" at N = 100,000, a third of it past a quarter of
    the table), where the trigram index finds the candidates first (10-14 ms, with its heap check)."""
    connection = connections[keys.db]
    if not search or connection.vendor != "postgresql":
        return keys[:stop].count()
    try:
        sql, params = keys.query.get_compiler(using=keys.db).as_sql()
    except EmptyResultSet:
        return 0
    with connection.cursor() as cursor:
        counted = "SELECT COUNT(*) FROM (SELECT 1 FROM matches LIMIT %s) counted"
        cursor.execute(f"WITH matches AS MATERIALIZED ({sql}) {counted}", (*params, stop))
        return cursor.fetchone()[0]


class CappedPage(Page):
    """A page of a list that stopped counting: its last numbered page still has a next one (the pages past
    the count's limit are counted exactly, see ``PublicListView``)."""

    def has_next(self) -> bool:
        return super().has_next() or getattr(self.paginator, "capped", False)

    def next_page_number(self) -> int:
        return self.number + 1 if getattr(self.paginator, "capped", False) else super().next_page_number()


def window(rows, start: int, stop: int):
    """``rows[start:stop]``. A queryset that joins the records its foreign keys point to picks the page's
    keys first, then joins for those rows only: SQLite otherwise joins every match before sorting them (a
    search for a common name: 850 rows at N = 20,000, for 25 shown).

    The page's rows are read by the keys' subquery alone: the model's manager with the list's joins,
    prefetches, columns, order and iterable (which reads unpublished related records as ``None``), without
    its filters, which the subquery applied already (a search's full-text match ran twice otherwise)."""
    query = getattr(rows, "query", None)
    if query is None or not query.select_related or query.annotations or query.combinator:
        return rows[start:stop]
    keys = rows.values("pk")[start:stop]
    page = rows.model._default_manager.all()
    page._iterable_class = rows._iterable_class
    page._prefetch_related_lookups = rows._prefetch_related_lookups
    shape = page.query
    shape.select_related = copy.deepcopy(query.select_related)
    shape.max_depth = query.max_depth
    shape.deferred_loading = (frozenset(query.deferred_loading[0]), query.deferred_loading[1])
    shape.default_ordering = query.default_ordering
    if query.order_by:
        shape.add_ordering(*query.order_by)
    shape.extra_order_by = query.extra_order_by
    shape.standard_ordering = query.standard_ordering
    return reusing_the_statement(page, page.filter(pk__in=keys))


# ------------------------------------------------------------------ a page's statement, built once


class Statement:
    """The SQL of a page's read with the keys' subquery left out, built once per shape (record type, joins,
    columns, order) and database: building it through the ORM (the joins' columns, the deferred fields, the
    order) cost more than running it, 2.4 ms of a 4 ms delegations page at N = 100,000. Each page puts its
    keys' subquery, built as the ORM builds it, in its place. The first page of each shape is also built
    the ORM's way, and the statement is kept only if both are the same text."""

    MARK = "__page_keys__"

    def __init__(self, shape, db: str):
        from django.db.models.expressions import RawSQL

        marked = shape.filter(pk__in=RawSQL(self.MARK, ()))
        self.compiler = marked.query.get_compiler(using=db)
        sql, params = self.compiler.as_sql()
        self.before, found, self.after = sql.partition(f"({self.MARK})")
        self.usable = bool(found) and not params and self.MARK not in self.after

    def sql(self, page) -> tuple[str, tuple] | None:
        """The page's SQL and parameters: the statement with its keys' subquery."""
        keys = page.query.where.children[-1] if page.query.where.children else None
        if getattr(keys, "lookup_name", None) != "in" or not hasattr(keys.rhs, "get_compiler"):
            return None
        inner, params = keys.rhs.as_sql(self.compiler, self.compiler.connection)
        return f"{self.before}{inner}{self.after}", tuple(params)


_statements: dict[tuple, Statement | None] = {}


def _shape_key(page) -> tuple | None:
    query = page.query
    key = (
        page.db,
        page.model,
        page._iterable_class,
        repr(query.select_related),
        query.max_depth,
        query.deferred_loading[0],
        query.deferred_loading[1],
        query.order_by,
        tuple(query.extra_order_by),
        query.standard_ordering,
        query.default_ordering,
    )
    try:
        hash(key)
    except TypeError:
        return None
    return key


def reusing_the_statement(shape, page):
    """``page`` (``shape`` read by a subquery of keys) read with its shape's :class:`Statement`."""
    if page._known_related_objects or page.query.extra or page.query.annotations:
        return page
    key = _shape_key(shape)
    if key is None or page.query.is_empty():
        return page
    try:
        return _read_by_statement(key, shape, page)
    except (EmptyResultSet, FullResultSet):  # what the ORM answers without a query, it still does
        return page


def _read_by_statement(key, shape, page):
    if key not in _statements:
        statement = Statement(shape, page.db)
        built = statement.sql(page) if statement.usable else None
        sql, params = page.query.get_compiler(using=page.db).as_sql()
        if len(_statements) >= 256:
            _statements.clear()
        _statements[key] = statement if built == (sql, tuple(params)) else None
    statement = _statements[key]
    if statement is None:
        return page
    built = statement.sql(page)
    if built is None:
        return page
    page.query.__class__ = ReadByStatement
    page.query.statement = (statement, built)
    return page


class ReadByStatement(Query):
    """A page's query that its iteration runs as its :class:`Statement` (with the page's keys); anything
    made from it (a count, another filter) is an ordinary query again."""

    def get_compiler(self, using=None, connection=None, elide_empty=True):
        statement, (sql, params) = self.statement
        compiler = copy.copy(statement.compiler)
        compiler.query = self
        compiler.connection = connections[using] if connection is None else connection
        compiler.as_sql = lambda *args, **kwargs: (sql, params)
        return compiler

    def clone(self):
        clone = super().clone()
        clone.__class__ = Query
        clone.__dict__.pop("statement", None)
        return clone


def published_matches(rows, version) -> int | None:
    """How many of a search's matches are published, without looking each up, or ``None`` where it cannot
    tell (no publication version, no full-text match read, or conditions besides it and publication).

    SQLite's count of a common name looked each of its matches up (15 ms for the 6,628 of "Đặng" at
    N = 100,000). Which keys of a record type are published is kept instead, per publication version
    (:class:`PublishedKeys`): the count is the sum of the matches' flags."""
    if version is None:
        return None
    keys, rest = besides_the_match(rows)
    if keys is None:
        return None
    model = rows.model
    published = model._default_manager.published()
    if _statement(rest) != _statement(published):
        return None
    flags = PUBLISHED_KEYS.get(published.using(rows.db), version)
    if keys and max(keys) >= len(flags):  # records made since it was read (none of them published)
        keys = [key for key in keys if key < len(flags)]
    return sum(map(flags.__getitem__, keys))


def published_total(rows, version) -> int | None:
    """How many records a list of every published record holds (no condition but publication), from the
    published keys of ``version`` (:class:`PublishedKeys`) rather than a count; ``None`` for any other list
    or an unknown version. A list's count read up to 10,001 keys of the status index (2-4 ms), and its last
    page's exact count all of them (9-13 ms for 70,000 meetings)."""
    query = getattr(rows, "query", None)
    if version is None or query is None or query.combinator or query.distinct or query.is_sliced:
        return None
    if query.group_by is not None or query.extra:
        return None
    published = rows.model._default_manager.published()
    if query.where != published.query.where:
        return None
    return PUBLISHED_KEYS.total(published.using(rows.db), version)


def _statement(rows) -> tuple:
    return rows.order_by().values("pk").query.sql_with_params()


class PublishedKeys:
    """Which keys of each record type are published: a byte per key, 1 for a published record (100 kB for
    100,000), read once per publication version and database. Any change to what the public sees raises
    the version, so an older one is never read again; a few are kept (a request may still show the one
    before). Reading one costs a scan of the status index (about 0.1 s for 70,000 published records).
    """

    def __init__(self, size: int = 16):
        self.size = size
        self.flags: dict[tuple, bytearray] = {}
        self.totals: dict[tuple, int] = {}
        self.lock = threading.Lock()

    def get(self, published, version) -> bytearray:
        key = (published.db, published.model._meta.label, version)
        flags = self.flags.get(key)
        if flags is None:
            keys = list(published.order_by().values_list("pk", flat=True))
            flags = bytearray(max(keys, default=0) + 1)
            for pk in keys:
                flags[pk] = 1
            with self.lock:
                if len(self.flags) >= self.size:
                    self.flags.clear()
                self.flags[key] = flags
        return flags

    def total(self, published, version) -> int:
        """How many keys :meth:`get` flags (the published records), counted once per version."""
        key = (published.db, published.model._meta.label, version)
        total = self.totals.get(key)
        if total is None:
            total = self.totals[key] = self.get(published, version).count(1)
            if len(self.totals) >= 4 * self.size:
                self.totals.clear()
        return total

    def forget(self) -> None:
        with self.lock:
            self.flags.clear()
            self.totals.clear()


PUBLISHED_KEYS = PublishedKeys()
