"""The publication version: one number that changes whenever what the public sees changes.

Every write that changes the public site (a transition into or out of a public state, a publisher's save of
a live record, a merge, a change to an article, an import that touches a public page) calls :func:`changed`
inside its own transaction, so the new version and the change commit or roll back together. The public
pages take their ``ETag`` and ``Last-Modified`` from :func:`current`, and the page cache keys its entries by
it: a new version makes every older cached page unreachable, with no purge.

One helper, called explicitly, rather than a signal: bulk ``update()``s send no signal, and a test checks
that every path that changes the public site calls it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import lru_cache

from django.db import DatabaseError, IntegrityError, connections, models, router, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.dateparse import parse_datetime

ROW = 1  # the one row


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

    One ``UPDATE`` of one row; the row is created on first use.
    """
    using = using or router.db_for_write(Publication)
    now = timezone.now()
    rows = Publication.objects.using(using).filter(pk=ROW).update(version=F("version") + 1, changed_at=now)
    if rows:
        return
    try:
        with transaction.atomic(using=using):
            Publication.objects.using(using).create(pk=ROW, version=1, changed_at=now)
    except IntegrityError:  # created meanwhile by another writer
        Publication.objects.using(using).filter(pk=ROW).update(version=F("version") + 1, changed_at=now)


def current(*, using: str | None = None) -> Version:
    """The version the public site shows now (one indexed read; version 0 before anything changed).

    Read from the database the public pages read their records from (a replica, when there is one): the
    version and the records it keys then lag together, and a page is never stored under a version newer
    than what it shows. Every public request asks, so it is one plain statement: building it through the
    ORM cost more than running it, and most of a ``304``.
    """
    using = using or router.db_for_read(Publication)
    row = _read(connections[using], _select(using))
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
