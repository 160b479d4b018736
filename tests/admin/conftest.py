import importlib

import pytest
from django.apps import apps as global_apps
from django.contrib.auth.models import Group, Permission, User
from django.test import Client

ROLES = ["anonymous", "editor", "publisher", "superuser"]
PASSWORD = "correct horse battery staple"


def ensure_groups() -> None:
    """The groups the data migration made (a transactional test's flush removes them: make them again)."""
    if Group.objects.filter(name__in=["Editor", "Publisher"]).count() == 2:
        return
    migration = importlib.import_module("relations.migrations.0002_editorial_groups")
    # create_groups marks each app config as having no models module when done (right for a migration's
    # historical apps); here they are the real ones, which a later flush needs intact to recreate content
    # types and clear their cache.
    modules = {config.label: config.models_module for config in global_apps.get_app_configs()}
    try:
        migration.create_groups(global_apps, None)
    finally:
        for config in global_apps.get_app_configs():
            config.models_module = modules[config.label]
    # What a later migration gives publishers (the permission exists: create_groups made every one).
    accept_text = Permission.objects.get(content_type__app_label="relations", codename="publish_article")
    Group.objects.get(name="Publisher").permissions.add(accept_text)


def make_user(role: str) -> User | None:
    if role == "anonymous":
        return None
    if role == "superuser":
        return User.objects.create_superuser(username="root", password=PASSWORD, email="root@example.org")
    ensure_groups()
    user = User.objects.create_user(username=role, password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=role.capitalize()))
    return user


def user(role: str) -> User | None:
    """The user of ``role``, made the first time a test asks for it."""
    return User.objects.filter(username=role).first() or make_user(role)


@pytest.fixture
def editor(db):
    return make_user("editor")


@pytest.fixture
def publisher(db):
    return make_user("publisher")


@pytest.fixture
def superuser(db):
    return make_user("superuser")


@pytest.fixture
def base(live_server, editor, publisher) -> str:
    """The live server's address, with an editor and a publisher to log in as (for the browser tests)."""
    return live_server.url


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def editor_client(editor):
    return logged_in(editor)


@pytest.fixture
def publisher_client(publisher):
    return logged_in(publisher)


@pytest.fixture
def super_client(superuser):
    return logged_in(superuser)


@pytest.fixture
def role_client(request, db):
    """A client logged in as the role named by the test's parameter ``role``."""
    role = request.getfixturevalue("role")
    user = make_user(role)
    client = logged_in(user) if user is not None else Client()
    client.user = user
    return client
