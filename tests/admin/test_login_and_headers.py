"""Attacks on the log-in and the headers: password guessing is locked out by user name and by address,
every page carries a Content-Security-Policy, and the demo set-up refuses its default password in
production."""

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse

from tests.admin.conftest import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = reverse("admin:login")


@pytest.fixture(autouse=True)
def limit(settings):
    settings.AXES_FAILURE_LIMIT = 5


def attempt(client: Client, username: str, password: str):
    return client.post(LOGIN, {"username": username, "password": password, "next": "/admin/"})


def logged_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def test_it_locks_a_user_out_after_five_wrong_passwords_even_with_the_right_one(editor):
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    for n in range(4):
        assert attempt(attacker, "editor", f"guess-{n}").status_code == 200  # the form, "wrong password"
    assert attempt(attacker, "editor", "guess-4").status_code == 429  # the fifth failure locks
    response = attempt(attacker, "editor", PASSWORD)
    assert response.status_code == 429
    assert "too many" in response.content.decode().lower()
    assert not logged_in(attacker)


def test_it_locks_the_user_name_from_another_address_too(editor):
    for n in range(5):
        attempt(Client(REMOTE_ADDR=f"203.0.113.{n}"), "editor", f"guess-{n}")
    other = Client(REMOTE_ADDR="198.51.100.7")
    assert attempt(other, "editor", PASSWORD).status_code == 429
    assert not logged_in(other)


def test_it_locks_the_address_for_every_user_name(editor, publisher):
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    for n in range(5):
        attempt(attacker, f"user-{n}", "guess")
    assert attempt(attacker, "publisher", PASSWORD).status_code == 429
    assert not logged_in(attacker)


def test_it_lets_the_others_in_and_forgets_a_few_mistakes(editor, publisher):
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    for n in range(5):
        attempt(attacker, "editor", f"guess-{n}")
    colleague = Client(REMOTE_ADDR="198.51.100.7")
    assert attempt(colleague, "publisher", PASSWORD).status_code == 302
    assert logged_in(colleague)
    careless = Client(REMOTE_ADDR="198.51.100.8")
    for _ in range(3):
        attempt(careless, "publisher", "typo")
    assert attempt(careless, "publisher", PASSWORD).status_code == 302  # under the limit


@pytest.mark.parametrize(
    "url", ["/", "/delegations/", "/delegations/export.csv", "/officials/", "/admin/login/", "/no-such-page/"]
)
def test_it_sends_a_content_security_policy_on_every_page(client, url):
    policy = client.get(url)["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert (
        "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    )
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    assert "unsafe-inline" not in policy  # no inline style either: every style is a stylesheet of the site


def test_it_sends_the_policy_on_admin_pages(super_client):
    assert "script-src 'self'" in super_client.get(reverse("admin:index"))["Content-Security-Policy"]


def test_setup_demo_refuses_the_default_password_with_debug_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="default password"):
        call_command("setup_demo", stdout=None)
    assert not User.objects.exists()


def test_setup_demo_takes_a_password_of_its_own_with_debug_off(settings):
    settings.DEBUG = False
    call_command("setup_demo", "--password", "a long password of its own")
    assert User.objects.get(username="admin").check_password("a long password of its own")


def test_setup_demo_keeps_the_default_password_for_local_demos(settings):
    settings.DEBUG = True
    call_command("setup_demo")
    assert User.objects.get(username="admin").check_password("admin-demo-password")
