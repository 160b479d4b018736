"""Public reads from a read replica, when there is one (``DATABASE_REPLICA_URL``).

Only anonymous GET and HEAD requests outside the admin read the curated records (relations, people,
agreements) from the ``replica`` alias. Everything else uses ``default``, the primary: every write, the
admin, logged-in editors (so they see what they just saved, whatever the replica's lag), sessions and
users, management commands and the importer. Without a ``replica`` alias the router says nothing and
Django uses ``default``, as if it were not there.

Settings (two lines)::

    if os.environ.get("DATABASE_REPLICA_URL"):
        DATABASES["replica"] = {**dj_database_url.parse(os.environ["DATABASE_REPLICA_URL"], ...), ...}
    DATABASE_ROUTERS = ["config.routers.ReplicaRouter"]
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.signals import request_finished, request_started

REPLICA = "replica"
PUBLIC_APPS = frozenset({"relations", "people", "agreements"})
READ_METHODS = frozenset({"GET", "HEAD"})
ADMIN_PREFIX = "/admin/"

# True while the current request is public traffic that may read from the replica.
_public = ContextVar("public_request", default=False)


def is_public(environ: dict) -> bool:
    """An anonymous read outside the admin: no write, no editor (no session cookie)."""
    if environ.get("REQUEST_METHOD", "GET") not in READ_METHODS:
        return False
    if environ.get("PATH_INFO", "").startswith(ADMIN_PREFIX):
        return False
    cookies = environ.get("HTTP_COOKIE", "")
    return f"{settings.SESSION_COOKIE_NAME}=" not in cookies


def _request_started(sender, environ=None, **kwargs):
    _public.set(is_public(environ or {}))


def _request_finished(sender, **kwargs):
    _public.set(False)


request_started.connect(_request_started, dispatch_uid="config.routers.request_started")
request_finished.connect(_request_finished, dispatch_uid="config.routers.request_finished")


@contextmanager
def public_reads():
    """Route reads as for a public request: for tests, and for jobs that only read what is published."""
    token = _public.set(True)
    try:
        yield
    finally:
        _public.reset(token)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if REPLICA in settings.DATABASES and _public.get() and model._meta.app_label in PUBLIC_APPS:
            return REPLICA
        return "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        # One set of data in two places: a record read from the replica may point at one from the primary.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        # The replica follows the primary's schema through replication, never through migrate.
        return db != REPLICA
