"""On PostgreSQL a process keeps the publication version it read and listens for its changes: a warm page or
a ``304`` costs no round trip, and a change committed by any connection reaches it by notification."""

import select

import psycopg
import pytest
from django.db import connection, transaction

from relations.editorial import publication

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="LISTEN/NOTIFY is PostgreSQL's"),
]


def other_connection():
    """A connection of another process or machine: its own session, committing on its own."""
    params = connection.get_connection_params()
    for name in ("context", "cursor_factory", "prepare_threshold"):
        params.pop(name, None)
    return psycopg.connect(autocommit=True, **params)


def notified(watch) -> bool:
    """Wait (up to 10 s) until the listener's socket has something to read: the notification."""
    return bool(select.select([watch.listener.pgconn.socket], [], [], 10)[0])


def test_a_kept_version_costs_no_query_until_another_connection_changes_it(django_assert_num_queries):
    publication.changed()
    before = publication.current()
    watch = publication._watches[connection.alias]
    assert watch.listener is not None
    with django_assert_num_queries(0):
        assert publication.current() == before
    with other_connection() as other:
        other.execute("UPDATE relations_publication SET version = version + 1 WHERE id = 1")
    assert notified(watch)
    with django_assert_num_queries(1):
        assert publication.current().number == before.number + 1
    with django_assert_num_queries(0):
        assert publication.current().number == before.number + 1


def test_the_process_that_publishes_sees_it_at_once():
    publication.changed()
    before = publication.current().number
    with transaction.atomic():
        publication.changed()
    assert publication.current().number == before + 1  # no wait for the notification


def test_a_rolled_back_change_leaves_the_kept_version():
    publication.changed()
    before = publication.current()
    with pytest.raises(RuntimeError), transaction.atomic():
        publication.changed()
        raise RuntimeError
    assert publication.current() == before


def test_inside_a_transaction_the_row_is_read(django_assert_num_queries):
    publication.changed()
    publication.current()
    with transaction.atomic():
        publication.changed()
        with django_assert_num_queries(1):
            number = publication.current().number
    assert publication.current().number == number


def test_a_lost_listener_falls_back_to_reading_the_row(monkeypatch):
    monkeypatch.setattr(publication.VersionWatch, "RETRY", 0.0)
    publication.changed()
    publication.current()
    watch = publication._watches[connection.alias]
    lost = watch.listener
    with other_connection() as other:
        other.execute("SELECT pg_terminate_backend(%s)", [lost.info.backend_pid])
        assert notified(watch)  # the server ends the connection: no notification can come any more
        other.execute("UPDATE relations_publication SET version = version + 1 WHERE id = 1")
    number = publication.current().number  # what arrived is read as a change: the row is read
    assert number == publication._version(connection).number
    for _ in range(3):  # the loss is seen (at once, or at the end of the socket) and a new listener set up
        assert publication.current().number == number
    assert watch.listener is not None and watch.listener is not lost and not watch.listener.closed


def test_an_old_kept_version_is_read_again(settings, django_assert_num_queries):
    settings.PUBLICATION_VERSION_RECHECK = 0
    publication.changed()
    publication.current()
    with django_assert_num_queries(1):
        publication.current()


def test_without_listening_every_call_reads_the_row(settings, django_assert_num_queries):
    settings.PUBLICATION_VERSION_LISTEN = False
    publication.changed()
    publication.current()
    with django_assert_num_queries(1):
        publication.current()
    assert not publication._watches
