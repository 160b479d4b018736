"""Pages a process served lately answer again without asking the shared page cache, under the same keys."""

import pytest

from relations.editorial import caching, publication, workflow
from relations.models import Delegation
from tests.admin.conftest import make_user
from tests.factories import DelegationFactory

pytestmark = pytest.mark.django_db
LIST = "/delegations/"


@pytest.fixture
def shared(redis_url, settings):
    """The page cache in the session's redis-server, as several workers share it."""
    from django.core.cache import caches

    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url},
    }
    settings.PUBLIC_PAGE_CACHE = "pages"
    cache = caches["pages"]
    cache.clear()
    yield cache
    cache.clear()


def counting_gets(cache, monkeypatch) -> list:
    asked = []
    get = cache.get

    def counted(key, *args, **kwargs):
        asked.append(key)
        return get(key, *args, **kwargs)

    monkeypatch.setattr(cache, "get", counted)
    return asked


def test_a_page_served_once_is_served_again_without_a_round_trip(client, shared, monkeypatch):
    DelegationFactory(status="published", place="Hanoi")
    asked = counting_gets(shared, monkeypatch)
    first = client.get(LIST)
    assert first["X-Page-Cache"] == "miss" and len(asked) == 1
    second = client.get(LIST)
    assert second["X-Page-Cache"] == "hit" and second.content == first.content
    assert len(asked) == 1  # answered from this process's pages


def test_a_page_another_worker_stored_is_fetched_once(client, shared, monkeypatch):
    DelegationFactory(status="published")
    rendered = client.get(LIST).content
    caching._local_pages.clear()  # another process: its own local pages, empty
    asked = counting_gets(shared, monkeypatch)
    assert client.get(LIST).content == rendered and len(asked) == 1
    assert client.get(LIST).content == rendered and len(asked) == 1


def test_a_publish_makes_the_local_pages_unreachable_too(client, shared):
    draft = DelegationFactory(status="review")
    DelegationFactory(status="published")
    client.get(LIST)
    assert draft.get_absolute_url() not in client.get(LIST).content.decode()
    publisher = make_user("publisher")
    workflow.publish(Delegation.objects.filter(pk=draft.pk), by=publisher, with_dependencies=True)
    response = client.get(LIST)
    assert response["X-Page-Cache"] == "miss" and draft.get_absolute_url() in response.content.decode()


def test_the_local_pages_keep_the_latest_and_expire():
    pages = caching.LocalPages(size=2)
    pages.set("a", 1, timeout=60)
    pages.set("b", 2, timeout=60)
    assert pages.get("a") == 1  # now the latest used
    pages.set("c", 3, timeout=60)
    assert (pages.get("a"), pages.get("b"), pages.get("c")) == (1, None, 3)
    pages.set("d", 4, timeout=-1)
    assert pages.get("d") is None


def test_no_local_pages_in_front_of_a_local_cache_or_when_turned_off(settings):
    from django.core.cache.backends.locmem import LocMemCache

    assert caching.local_pages(LocMemCache("x", {})) is None
    settings.PUBLIC_PAGE_LOCAL_ENTRIES = 0
    assert caching.local_pages(object()) is None


def test_the_version_read_is_the_health_check_of_a_kept_connection(monkeypatch, settings):
    """No separate statement checks a connection kept from an earlier request; one that fails the version
    read is replaced and the read made again."""
    from django.db import connections

    settings.PUBLICATION_VERSION_LISTEN = False  # the version read on every request (PostgreSQL keeps it)

    connection = connections["default"]
    connection.ensure_connection()
    monkeypatch.setattr(connection, "health_check_enabled", True)
    monkeypatch.setattr(connection, "in_atomic_block", False)
    checked = []
    monkeypatch.setattr(connection, "is_usable", lambda: checked.append(1) or True)
    connection.health_check_done = False
    assert publication.current().number == 0
    assert checked == [] and connection.health_check_done


def test_a_kept_connection_that_fails_the_version_read_is_replaced(monkeypatch, settings):
    from django.db import OperationalError, connections

    settings.PUBLICATION_VERSION_LISTEN = False

    connection = connections["default"]
    connection.ensure_connection()
    monkeypatch.setattr(connection, "health_check_enabled", True)
    monkeypatch.setattr(connection, "in_atomic_block", False)
    connection.health_check_done = False
    closed, reads = [], []
    real = publication._fetch

    def flaky(conn, sql):
        reads.append(sql)
        if len(reads) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        return real(conn, sql)

    monkeypatch.setattr(publication, "_fetch", flaky)
    monkeypatch.setattr(connection, "close", lambda: closed.append(True))
    assert publication.current().number == 0
    assert (len(reads), closed) == (2, [True])
