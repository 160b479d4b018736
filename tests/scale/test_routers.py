"""The read-replica router: anonymous public reads to "replica", everything else to the primary."""

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session

from agreements.models import Agreement
from config.routers import ReplicaRouter, _request_finished, _request_started, public_reads
from people.models import Official
from relations.models import Delegation

router = ReplicaRouter()
PUBLIC = {"REQUEST_METHOD": "GET", "PATH_INFO": "/delegations/"}


@pytest.fixture
def replica(monkeypatch):
    monkeypatch.setitem(django_settings.DATABASES, "replica", {"ENGINE": "django.db.backends.sqlite3"})


@pytest.fixture
def request_with(replica):
    """Run the router's request_started receiver as for a request with this WSGI environ."""

    def start(**environ):
        _request_started(sender=None, environ={**PUBLIC, **environ})

    yield start
    _request_finished(sender=None)


@pytest.mark.parametrize("model", [Delegation, Official, Agreement])
def test_it_reads_public_records_from_the_replica(request_with, model):
    request_with()
    assert router.db_for_read(model) == "replica"


def test_it_reads_sessions_and_users_from_the_primary(request_with):
    request_with()
    assert router.db_for_read(Session) == "default"
    assert router.db_for_read(get_user_model()) == "default"


def test_it_writes_to_the_primary(request_with):
    request_with()
    assert router.db_for_write(Delegation) == "default"


def test_it_reads_the_admin_from_the_primary(request_with):
    request_with(PATH_INFO="/admin/relations/delegation/")
    assert router.db_for_read(Delegation) == "default"


def test_it_reads_from_the_primary_for_a_post(request_with):
    request_with(REQUEST_METHOD="POST")
    assert router.db_for_read(Delegation) == "default"


def test_it_reads_from_the_primary_for_a_logged_in_editor(request_with):
    request_with(HTTP_COOKIE=f"csrftoken=x; {django_settings.SESSION_COOKIE_NAME}=abc")
    assert router.db_for_read(Delegation) == "default"


def test_it_reads_from_the_primary_outside_requests(replica):
    assert router.db_for_read(Delegation) == "default"  # commands, the importer


def test_it_reads_from_the_primary_after_the_request(request_with):
    request_with()
    _request_finished(sender=None)
    assert router.db_for_read(Delegation) == "default"


def test_it_says_default_without_a_replica():
    with public_reads():
        assert router.db_for_read(Delegation) == "default"


def test_it_never_migrates_the_replica():
    assert router.allow_migrate("replica", "relations") is False
    assert router.allow_migrate("default", "relations") is True


def test_it_allows_relations_across_the_two():
    assert router.allow_relation(Delegation(), Official())
