import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
ARTIFACTS = ROOT / "artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def fresh_collection_countries():
    """The country menus' "in this collection" group is kept per publication version, which a test's records
    made by factories do not change: forget what an earlier test's records gave."""
    from relations.editorial.public import _collection_countries

    _collection_countries.cache_clear()


@pytest.fixture(autouse=True)
def fresh_published_keys():
    """Which records are published is kept per publication version, which a test's factories do not
    change either: forget what an earlier test's records gave."""
    from relations.editorial.pagination import PUBLISHED_KEYS

    PUBLISHED_KEYS.forget()


@pytest.fixture(autouse=True)
def fresh_version_watches():
    """On PostgreSQL a process keeps the publication version it read: forget what an earlier test's
    rolled-back rows gave, and close its listening connection."""
    from relations.editorial import publication

    yield
    for watch in list(publication._watches.values()):
        if watch.listener is not None:
            watch.listener.close()
    publication._watches.clear()


@pytest.fixture(autouse=True)
def fresh_content_types():
    """A transactional test flushes the tables, content types included: forget the ids cached before it."""
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()


@pytest.fixture
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright (no browser download)."""
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.skip("chromium is not installed (make test installs it)")
    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make are safe.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(autouse=True)
def page_cache_off(settings):
    """Tests read the context of the responses they get: the page cache is off unless a test turns it on.

    The publication version starts again from 0 in each test (its row is rolled back): an entry cached by
    an earlier test must not answer a later one.
    """
    from django.core.cache import caches

    settings.PUBLIC_PAGE_CACHE = ""
    for cache in caches.all(initialized_only=True):
        cache.clear()


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def redis_url():
    """A throw-away redis-server on a free loopback port, for the whole session; its URL.

    Skipped where the machine has no redis-server (``make test`` installs Debian's).
    """
    import subprocess
    import time

    binary = shutil.which("redis-server")
    if not binary:
        pytest.skip("redis-server is not installed (make test installs it)")
    port = free_port()
    server = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    import redis

    client = redis.Redis(host="127.0.0.1", port=port)
    deadline = time.monotonic() + 10
    while True:
        try:
            client.ping()
            break
        except redis.ConnectionError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail(f"redis-server did not start on port {port}")
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    client.close()
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture(params=["locmem", "redis"])
def page_cache(request, settings):
    """The page cache on, in a local memory cache or in the session's redis-server; the cache."""
    from django.core.cache import caches

    if request.param == "redis":
        location = request.getfixturevalue("redis_url")
        backend = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": location}
    else:
        backend = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "test-pages"}
    settings.CACHES = {**settings.CACHES, "pages": backend}
    settings.PUBLIC_PAGE_CACHE = "pages"
    cache = caches["pages"]
    cache.clear()
    yield cache
    cache.clear()
