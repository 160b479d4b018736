"""HTTP caching of the public pages, keyed by the publication version (``relations.editorial.publication``).

:class:`PublicPageMiddleware` handles anonymous ``GET``/``HEAD`` requests to the public site (the URL
namespaces in ``PUBLIC_CACHE_NAMESPACES``; never the admin):

- it reads the publication version (one query) and answers ``If-None-Match`` / ``If-Modified-Since`` with
  ``304 Not Modified`` before the view runs (Django's ``get_conditional_response``, the machinery of the
  ``condition`` decorator);
- it serves the page from the page cache when it holds it: the key is the version, the host, the path and
  the query, so a publish makes every older entry unreachable without a purge; otherwise it renders the page
  and stores it with the headers the view and the inner middleware gave it (``200`` HTML only, and none
  that sets a cookie; CSV exports stream and are not stored);
- it marks the response ``Cache-Control: public, max-age=…, stale-while-revalidate=…`` with ``ETag`` and
  ``Last-Modified`` from the version, and ``Vary: Cookie``.

A logged-in user's request is neither answered from nor stored in the cache, and says ``private, no-cache``.
A request with no session cookie cannot be a logged-in user's: it is answered (``304`` or hit) before the
session, CSRF, authentication and messages middleware run, so a repeat visit costs about what the most
trivial view does.

Settings: ``PUBLIC_CACHE_MAX_AGE`` (seconds, default 60), ``PUBLIC_CACHE_STALE_WHILE_REVALIDATE`` (300),
``PUBLIC_PAGE_CACHE`` (the cache alias; empty turns the page cache off), ``PUBLIC_PAGE_CACHE_TIMEOUT``,
``PUBLIC_PAGE_LOCAL_ENTRIES`` (how many pages each process keeps in front of a shared cache; 0 for none).
"""

from __future__ import annotations

import hashlib
import threading
import time
import weakref
from collections import OrderedDict
from functools import lru_cache

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils.cache import add_never_cache_headers, get_conditional_response, patch_vary_headers
from django.utils.http import http_date

from relations.editorial import publication

READ_METHODS = frozenset({"GET", "HEAD"})
DEFAULT_NAMESPACES = ("relations", "people", "agreements")
# What a stored page does not keep of the headers the view and the inner middleware gave it: the
# validators and caching headers, set again from the version on every answer.
NOT_KEPT = frozenset({"ETag", "Last-Modified", "Cache-Control", "Expires", "Vary", "X-Page-Cache", "Date"})
# Responses that may carry the public headers: pages, redirects, "not found", "not modified".
CACHEABLE_STATUSES = frozenset({200, 301, 302, 304, 404})
PRIVATE = object()  # the request of a logged-in user


def page_key(request, version: publication.Version) -> str:
    """The cache key of a page: the version, the host, the path and the query string."""
    where = f"{request.get_host()}{request.get_full_path()}".encode()
    return f"page:{version.number}:{hashlib.sha256(where).hexdigest()}"


@lru_cache(maxsize=4096)
def public_path(path: str, urlconf: str, namespaces: frozenset[str]) -> bool:
    """Whether ``path`` is a page of the public site (its URL namespace is one of ``namespaces``)."""
    try:
        match = resolve(path, urlconf)
    except Resolver404:
        return False
    return bool(match.namespaces) and match.namespaces[0] in namespaces


def page_cache():
    alias = getattr(settings, "PUBLIC_PAGE_CACHE", "default")
    return caches[alias] if alias else None


class LocalPages:
    """The pages this process served lately, in front of a shared page cache (Redis).

    A hit in the shared cache is a round trip to another process, which on a busy machine cost a repeat
    visit more than everything else it does. The same entries under the same keys, kept here too, answer
    without it. They are as correct as the shared ones: a key holds the publication version, read on every
    request, so a publish makes them unreachable here as there. At most ``size`` pages (the least recently
    used go first), each for the page cache's timeout.
    """

    def __init__(self, size: int):
        self.size = size
        self.entries: OrderedDict[str, tuple[float, object]] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: str):
        with self.lock:
            entry = self.entries.get(key)
            if entry is None:
                return None
            if entry[0] < time.monotonic():
                del self.entries[key]
                return None
            self.entries.move_to_end(key)
            return entry[1]

    def set(self, key: str, value, timeout: float) -> None:
        with self.lock:
            self.entries[key] = (time.monotonic() + timeout, value)
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)


# One set of local pages per shared cache object (a new one when the cache settings change).
_local_pages: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def local_pages(cache) -> LocalPages | None:
    """The local pages in front of ``cache``; none in front of a cache that is local already."""
    size = getattr(settings, "PUBLIC_PAGE_LOCAL_ENTRIES", 256)
    if size <= 0 or isinstance(cache, LocMemCache):
        return None
    pages = _local_pages.get(cache)
    if pages is None:
        pages = _local_pages.setdefault(cache, LocalPages(size))
    return pages


def cached_page(cache, key: str):
    """The stored page under ``key``: from this process's local pages, else from ``cache``."""
    local = local_pages(cache)
    stored = local.get(key) if local is not None else None
    if stored is None:
        stored = cache.get(key)
        if stored is not None and local is not None:
            local.set(key, stored, getattr(settings, "PUBLIC_PAGE_CACHE_TIMEOUT", 3600))
    return stored


def store_page(cache, key: str, stored) -> None:
    timeout = getattr(settings, "PUBLIC_PAGE_CACHE_TIMEOUT", 3600)
    cache.set(key, stored, timeout)
    local = local_pages(cache)
    if local is not None:
        local.set(key, stored, timeout)


def public_headers(response, version: publication.Version) -> None:
    response.headers.setdefault("ETag", version.etag)
    response.headers.setdefault("Last-Modified", http_date(version.changed_at.timestamp()))
    max_age = getattr(settings, "PUBLIC_CACHE_MAX_AGE", 60)
    stale = getattr(settings, "PUBLIC_CACHE_STALE_WHILE_REVALIDATE", 300)
    response.headers["Cache-Control"] = f"public, max-age={max_age}, stale-while-revalidate={stale}"
    patch_vary_headers(response, ["Cookie"])


class PublicPageMiddleware:
    """See the module's docstring. Goes after ``SecurityMiddleware`` and the CSP middleware (their headers
    go on every response, a cached one too) and before ``SessionMiddleware``.

    A request without a session or messages cookie is anonymous: if it asks for a public page, it is
    answered here (a ``304`` or a cache hit) before the session, CSRF, authentication and messages
    middleware run, which is most of what a repeat visit would cost. Any other request goes through the
    whole stack and is decided in :meth:`process_view`, once ``request.user`` is known.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.namespaces = frozenset(getattr(settings, "PUBLIC_CACHE_NAMESPACES", DEFAULT_NAMESPACES))
        self.cookies = (settings.SESSION_COOKIE_NAME, getattr(settings, "MESSAGES_COOKIE_NAME", "messages"))

    def _is_public(self, request) -> bool:
        match = request.resolver_match
        return (
            request.method in READ_METHODS
            and match is not None
            and bool(match.namespaces)
            and match.namespaces[0] in self.namespaces
        )

    def _cookieless_public(self, request) -> bool:
        """A read of a public page by a visitor with no session (so anonymous), decided from the path."""
        if request.method not in READ_METHODS or any(name in request.COOKIES for name in self.cookies):
            return False
        urlconf = getattr(request, "urlconf", None) or settings.ROOT_URLCONF
        return public_path(request.path_info, urlconf, self.namespaces)

    def _answer(self, request):
        """A ``304`` or the cached page for an anonymous visitor, else ``None`` (and what to store)."""
        version = publication.current()
        response = get_conditional_response(
            request, etag=version.etag, last_modified=int(version.changed_at.timestamp())
        )
        if response is not None:  # 304 (or 412): nothing rendered
            request._public_page = (version, "")
            return response
        cache = page_cache()
        key = page_key(request, version) if cache is not None else ""
        stored = cached_page(cache, key) if cache is not None else None
        request._public_page = (version, "" if stored is not None else key)
        if stored is None:
            return None  # the view renders it; __call__ stores it
        content, headers = stored
        response = HttpResponse(content)
        for name, value in headers:
            response.headers[name] = value
        response.headers["X-Page-Cache"] = "hit"
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if hasattr(request, "_public_page") or not self._is_public(request):
            return None
        if request.user.is_authenticated:
            request._public_page = PRIVATE
            return None
        return self._answer(request)

    def __call__(self, request):
        response = None
        if self._cookieless_public(request):
            response = self._answer(request)
        if response is None:
            response = self.get_response(request)
        state = getattr(request, "_public_page", None)
        if state is None:
            return response
        user = getattr(request, "user", None)
        if state is PRIVATE or (user is not None and user.is_authenticated):
            add_never_cache_headers(response)
            patch_vary_headers(response, ["Cookie"])
            return response
        version, key = state
        if response.status_code not in CACHEABLE_STATUSES:
            add_never_cache_headers(response)
            return response
        if key and response.status_code == 200 and not response.streaming and not response.cookies:
            headers = [(name, value) for name, value in response.headers.items() if name not in NOT_KEPT]
            store_page(page_cache(), key, (response.content, headers))
            response.headers["X-Page-Cache"] = "miss"
        public_headers(response, version)
        return response
