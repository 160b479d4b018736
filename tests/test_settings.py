"""Settings come from the environment; a production configuration passes Django's deploy checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROBE = "from django.conf import settings as s; print(repr({name}))"


def run(code: str, **env) -> subprocess.CompletedProcess:
    environ = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS"}
    }
    environ.update(env, DJANGO_SETTINGS_MODULE="config.settings")
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT, env=environ, capture_output=True, text=True,
    )  # fmt: skip


def setting(expression: str, **env) -> str:
    proc = run(PROBE.format(name=expression), **env)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


def test_it_refuses_to_start_without_a_secret_key_when_debug_is_off():
    proc = run("pass", DEBUG="0")
    assert proc.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in proc.stderr


def test_it_starts_without_a_secret_key_in_debug():
    assert setting("s.DEBUG", DEBUG="1") == "True"


def test_it_rejects_an_unclear_boolean():
    proc = run("pass", DEBUG="yes")
    assert "DEBUG must be 1/0 or true/false" in proc.stderr


def test_it_defaults_to_sqlite_in_wal_mode():
    assert setting("s.DATABASES['default']['ENGINE']", DEBUG="1") == "'django.db.backends.sqlite3'"
    assert "journal_mode=WAL" in setting("s.DATABASES['default']['OPTIONS']['init_command']", DEBUG="1")


def test_it_uses_postgresql_when_database_url_says_so():
    url = "postgres://editor:pw@db.example.org:5433/relations"
    assert setting("s.DATABASES['default']['ENGINE']", DEBUG="1", DATABASE_URL=url) == (
        "'django.db.backends.postgresql'"
    )
    assert setting("s.DATABASES['default']['PORT']", DEBUG="1", DATABASE_URL=url) == "5433"


def test_it_reads_hosts_and_trusted_origins_as_lists():
    env = {"SECRET_KEY": "x", "ALLOWED_HOSTS": "a.org, b.org", "CSRF_TRUSTED_ORIGINS": "https://a.org"}
    assert setting("s.ALLOWED_HOSTS", **env) == "['a.org', 'b.org']"
    assert setting("s.CSRF_TRUSTED_ORIGINS", **env) == "['https://a.org']"


def test_it_passes_the_deploy_checks_in_production():
    proc = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={**{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
             "DEBUG": "0", "SECRET_KEY": "a-long-random-production-key-" + "x" * 40,
             "ALLOWED_HOSTS": "relations.example.org", "SECURE_SSL_REDIRECT": "1"},
        capture_output=True, text=True,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.parametrize("variable", ["SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE"])
def test_it_lets_each_security_setting_be_turned_off(variable):
    assert setting(f"s.{variable}", SECRET_KEY="x", **{variable: "0"}) == "False"


def test_it_treats_an_empty_database_url_as_unset():
    assert (
        setting("s.DATABASES['default']['ENGINE']", DEBUG="1", DATABASE_URL="")
        == "'django.db.backends.sqlite3'"
    )
