"""The publication version: one number that changes whenever what the public sees changes.

Every write that changes the public site (a transition into or out of a public state, a publisher's save of
a live record, a merge, a change to an article, an import that touches a public page) calls :func:`changed`
inside its own transaction, so the new version and the change commit or roll back together. The public
pages take their ``ETag`` and ``Last-Modified`` from :func:`current`, and the page cache keys its entries by
it: a new version makes every older cached page unreachable, with no purge.

One helper, called explicitly, rather than a signal: bulk ``update()``s send no signal, and a test checks
that every path that changes the public site calls it.

On PostgreSQL each process keeps the version it read and listens for its changes (:class:`VersionWatch`):
a trigger on the version's row sends a notification when its transaction commits, so a warm page or a
``304`` costs no round trip to the database server. Inside a transaction, with a read replica, or with
``PUBLICATION_VERSION_LISTEN = False``, every call reads the row.
"""

from __future__ import annotations

import datetime
import os
import select
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.db import DatabaseError, IntegrityError, connections, models, router, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.dateparse import parse_datetime

ROW = 1  # the one row
CHANNEL = "relations_publication"  # what the row's trigger notifies on PostgreSQL (migration 0009)


class Publication(models.Model):
    """The single row holding the publication version."""

    version = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        app_label = "relations"
        constraints = [models.CheckConstraint(condition=models.Q(id=ROW), name="publication_single_row")]

    def __str__(self) -> str:
        return f"publication version {self.version}"


@dataclass(frozen=True)
class Version:
    number: int
    changed_at: datetime.datetime

    @property
    def etag(self) -> str:
        return f'"p{self.number}"'


def changed(*, using: str | None = None) -> None:
    """Raise the publication version, in the caller's transaction (call it inside ``transaction.atomic``).

    One ``UPDATE`` of one row; the row is created on first use. At the commit this process forgets the
    version it kept (:func:`forget`); the row's trigger tells the others on PostgreSQL.
    """
    using = using or router.db_for_write(Publication)
    now = timezone.now()
    rows = Publication.objects.using(using).filter(pk=ROW).update(version=F("version") + 1, changed_at=now)
    if not rows:
        try:
            with transaction.atomic(using=using):
                Publication.objects.using(using).create(pk=ROW, version=1, changed_at=now)
        except IntegrityError:  # created meanwhile by another writer
            Publication.objects.using(using).filter(pk=ROW).update(version=F("version") + 1, changed_at=now)
    transaction.on_commit(forget, using=using)


def current(*, using: str | None = None) -> Version:
    """The version the public site shows now (version 0 before anything changed).

    Read from the database the public pages read their records from (a replica, when there is one): the
    version and the records it keys then lag together, and a page is never stored under a version newer
    than what it shows. Every public request asks, so it is one plain statement: building it through the
    ORM cost more than running it, and most of a ``304``. On PostgreSQL, outside a transaction and
    without a replica, the process's :class:`VersionWatch` answers, reading the row only after a change.
    """
    using = using or router.db_for_read(Publication)
    connection = connections[using]
    watch = _watch(connection)
    if watch is not None:
        return watch.current(lambda: _version(connection))
    return _version(connection)


def _version(connection) -> Version:
    row = _read(connection, _select(connection.alias))
    if row is None:
        return Version(0, datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC))
    changed_at = row[1]
    if isinstance(changed_at, str):  # SQLite: UTC, as text
        changed_at = parse_datetime(changed_at)
    if timezone.is_naive(changed_at):
        changed_at = changed_at.replace(tzinfo=datetime.UTC)
    return Version(row[0], changed_at)


def _read(connection, sql: str):
    """The version's row. When it is the request's first query on a connection kept open between requests,
    it is also the connection's health check (``CONN_HEALTH_CHECKS``): Django would otherwise send one more
    statement first, a second round trip to the database server on every public request. A connection that
    fails it is closed and the read made once more, on a new one, as the health check would have done."""
    check = (
        connection.connection is not None
        and connection.health_check_enabled
        and not connection.health_check_done
        and not connection.in_atomic_block
    )
    if check:
        connection.health_check_done = True
        try:
            return _fetch(connection, sql)
        except DatabaseError:
            connection.close()
    return _fetch(connection, sql)


def _fetch(connection, sql: str):
    with connection.cursor() as cursor:
        cursor.execute(sql, [ROW])
        return cursor.fetchone()


@lru_cache(maxsize=8)
def _select(using: str) -> str:
    """The read of :func:`current` on database ``using``, written once."""
    qn = connections[using].ops.quote_name
    meta = Publication._meta
    columns = ", ".join(qn(meta.get_field(name).column) for name in ("version", "changed_at"))
    return f"SELECT {columns} FROM {qn(meta.db_table)} WHERE {qn(meta.pk.column)} = %s"


# ------------------------------------------------------------------ the version, kept while unchanged


class VersionWatch:
    """The version one process read last, kept until PostgreSQL says it changed.

    A connection of its own runs ``LISTEN`` on :data:`CHANNEL`; the trigger on the version's row
    (migration ``0009``) notifies when a transaction that raised it commits, whichever process or machine
    wrote it. A request then costs a look at that connection's socket (a ``select`` that does not wait)
    instead of a round trip to the server: the kept version is used until a notification arrives, and read
    again after it. The process that made the change forgets it at its commit (:func:`forget`); the others
    when the notification reaches them, normally within a millisecond of the commit.

    The version is read again anyway after ``PUBLICATION_VERSION_RECHECK`` seconds (a listening connection
    the network silently dropped cannot keep an old version for long), and on every call while the
    connection cannot listen (refused, lost, or after a fork): then each request reads the row, as without
    a watch, and the connection is tried again after :attr:`RETRY` seconds.
    """

    RETRY = 5.0

    def __init__(self, connection):
        self.connection = connection  # Django's, for its connection parameters
        self.lock = threading.Lock()
        self.pid = os.getpid()
        self.listener = None  # a psycopg connection in autocommit mode, listening
        self.version: Version | None = None
        self.read_at = 0.0
        self.retry_at = 0.0

    def current(self, read: Callable[[], Version]) -> Version:
        with self.lock:
            if not self._unchanged():
                self.version = None
            if self.version is not None:
                return self.version
            version = read()
            if self.listener is not None:  # kept only while a change would be heard
                self.version, self.read_at = version, time.monotonic()
            return version

    def forget(self) -> None:
        with self.lock:
            self.version = None

    def _unchanged(self) -> bool:
        """Whether the kept version still holds: listening, not too old, and nothing notified since."""
        if self.pid != os.getpid():  # a forked child: the parent's socket is not ours to read or close
            _inherited.append(self.listener)
            self.listener, self.pid = None, os.getpid()
        if self.listener is None:
            self._listen()
            return False
        recheck = getattr(settings, "PUBLICATION_VERSION_RECHECK", 2.0)
        if time.monotonic() - self.read_at > recheck:
            return False
        import psycopg

        pgconn = self.listener.pgconn
        try:
            if not select.select([pgconn.socket], [], [], 0)[0]:
                return True
            pgconn.consume_input()
            while pgconn.notifies() is not None:
                pass
        except Exception:  # the connection is gone: read the row until a new one listens
            self._drop()
            return False
        if pgconn.status != psycopg.pq.ConnStatus.OK or pgconn.error_message:
            self._drop()  # the server ended it ("terminating connection ...")
        return False  # something arrived: a notification, or news of the connection; read the row again

    def _listen(self) -> None:
        if time.monotonic() < self.retry_at:
            return
        import psycopg

        params = self.connection.get_connection_params()
        for name in ("context", "cursor_factory", "prepare_threshold"):
            params.pop(name, None)
        try:
            listener = psycopg.connect(autocommit=True, **params)
            listener.execute(f"LISTEN {CHANNEL}")
        except Exception:
            self.retry_at = time.monotonic() + self.RETRY
            return
        self.listener = listener

    def _drop(self) -> None:
        listener, self.listener = self.listener, None
        self.retry_at = time.monotonic() + self.RETRY
        try:
            listener.close()
        except Exception:
            pass


_watches: dict[str, VersionWatch] = {}
_watches_lock = threading.Lock()
_inherited: list = []  # listeners a fork left behind: kept, never closed from the child


def _watch(connection) -> VersionWatch | None:
    """The process's watch of the version on ``connection``'s database, where one can be kept."""
    if (
        connection.vendor != "postgresql"
        or connection.in_atomic_block  # a transaction sees its own changes, which nobody notified
        or not getattr(settings, "PUBLICATION_VERSION_LISTEN", True)
        or connection.alias != router.db_for_write(Publication)  # a replica lags its notifications
    ):
        return None
    watch = _watches.get(connection.alias)
    if watch is None:
        with _watches_lock:
            watch = _watches.setdefault(connection.alias, VersionWatch(connection))
    return watch


def forget() -> None:
    """Drop the version this process kept (at the commit of a change it made)."""
    for watch in list(_watches.values()):
        watch.forget()
