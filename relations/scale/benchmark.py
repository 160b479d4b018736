"""``manage.py benchmark``: the public pages, search, the admin, CSV export and import, timed over HTTP.

Percentiles, a loopback HTTP client, gunicorn started and stopped with ``relations.scale.settings``, and the
tables it prints. The data comes from ``relations.scale.generate``.
"""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection, transaction
from django.http import HttpResponse

from agreements.models import Agreement
from people.models import Official, Organization
from relations.editorial.search import fold
from relations.editorial.vocabulary import Status
from relations.models import Delegation, Meeting
from relations.scale.generate import article_texts, generate_data, holds_records, write_articles

# ---------------------------------------------------------------- measuring


def trivial(request):
    """The benchmark's baseline: the same gunicorn and middleware, no database, no template."""
    return HttpResponse("ok", content_type="text/plain")


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (0-100) with linear interpolation; the median for p=50."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    rank = (len(ordered) - 1) * p / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


@dataclass
class Timing:
    name: str
    url: str
    kind: str  # trivial, list, filtered, last, detail, search, admin, conditional
    seconds: list[float] = field(default_factory=list)
    etag: str = ""  # sent as If-None-Match (a conditional request)
    status: int = 0
    size: int = 0

    @property
    def p50_ms(self) -> float:
        return percentile(self.seconds, 50) * 1000

    @property
    def p95_ms(self) -> float:
        return percentile(self.seconds, 95) * 1000


def http_get(
    port: int, url: str, *, cookie: str = "", timeout: float = 120, etag: str = ""
) -> tuple[int, int, float]:
    """GET ``url`` from 127.0.0.1:port on a new connection; the status, body size and seconds taken."""
    headers = {"Host": "127.0.0.1", "Accept-Encoding": "identity"}
    if cookie:
        headers["Cookie"] = cookie
    if etag:
        headers["If-None-Match"] = etag
    started = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", url, headers=headers)
        response = conn.getresponse()
        size = len(response.read())
    finally:
        conn.close()
    return response.status, size, time.perf_counter() - started


def measure(port: int, timings: list[Timing], *, rounds: int, warmup: int = 2, cookie: str = "") -> None:
    """Round-robin over every URL ``rounds`` times, so that noise on the machine hits them all alike."""
    for _ in range(warmup):
        for t in timings:
            t.status, t.size, _ = http_get(
                port, t.url, cookie=cookie if t.kind == "admin" else "", etag=t.etag
            )
    for _ in range(rounds):
        for t in timings:
            status, size, seconds = http_get(
                port, t.url, cookie=cookie if t.kind == "admin" else "", etag=t.etag
            )
            t.status, t.size = status, size
            t.seconds.append(seconds)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Gunicorn:
    """gunicorn with the production config, one sync worker on loopback, the benchmark's settings."""

    def __init__(self, *, workers: int = 1, log: Path, env: dict[str, str] | None = None):
        self.port = free_port()
        self.log = log
        self.workers = workers
        self.env = env or {}
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> Gunicorn:
        root = Path(__file__).resolve().parents[2]
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "relations.scale.settings", **self.env}
        command = [
            sys.executable, "-m", "gunicorn", "config.wsgi:application",
            "--config", str(root / "config" / "gunicorn.conf.py"),
            "--env", "DJANGO_SETTINGS_MODULE=relations.scale.settings",
            "--bind", f"127.0.0.1:{self.port}", "--workers", str(self.workers),
            "--worker-class", "sync", "--max-requests", "0", "--timeout", "300",
            "--access-logfile", "/dev/null",
        ]  # fmt: skip
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(command, cwd=root, env=env, stdout=log, stderr=log)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited ({self.process.returncode}); see {self.log}")
            try:
                if http_get(self.port, "/__trivial__/", timeout=5)[0] == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.2)
        self.__exit__()
        raise RuntimeError(f"gunicorn did not answer within 60 s; see {self.log}")

    def __exit__(self, *exc) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def fetch_etag(port: int, url: str) -> str:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        conn.request("GET", url, headers={"Host": "127.0.0.1"})
        response = conn.getresponse()
        response.read()
        return response.getheader("ETag") or ""
    finally:
        conn.close()


def load(port: int, urls: list[str], *, clients: int, seconds: float) -> dict:
    """``clients`` threads requesting ``urls`` in turn for ``seconds``: requests per second and latency."""
    import threading

    latencies: list[float] = []
    failures = [0]
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def client(offset: int) -> None:
        mine, failed, n = [], 0, offset
        while time.perf_counter() < deadline:
            status, _, took = http_get(port, urls[n % len(urls)])
            n += 1
            mine.append(took)
            failed += status != 200
        with lock:
            latencies.extend(mine)
            failures[0] += failed

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    if not latencies:
        raise RuntimeError("the load test completed no request")
    return {
        "requests": len(latencies),
        "failed": failures[0],
        "rps": round(len(latencies) / elapsed, 1),
        "p50_ms": round(percentile(latencies, 50) * 1000, 2),
        "p95_ms": round(percentile(latencies, 95) * 1000, 2),
    }


class throwaway_redis:
    """A redis-server on a free loopback port for the benchmark's gunicorn, when the machine has one."""

    def __init__(self):
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> str:
        import shutil

        binary = shutil.which("redis-server")
        if not binary:
            return ""
        port = free_port()
        self.process = subprocess.Popen(
            [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                    s.sendall(b"PING\r\n")
                    if s.recv(16).startswith(b"+PONG"):
                        return f"redis://127.0.0.1:{port}/0"
            except OSError:
                time.sleep(0.05)
        self.__exit__()
        raise RuntimeError("redis-server did not start")

    def __exit__(self, *exc) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


def page_rows(timings: list[Timing], trivial_ms: float) -> list[dict]:
    return [
        {
            "name": t.name,
            "url": t.url,
            "kind": t.kind,
            "p50_ms": round(t.p50_ms, 2),
            "p95_ms": round(t.p95_ms, 2),
            "p50_ratio": round(t.p50_ms / trivial_ms, 2),
            "bytes": t.size,
        }
        for t in timings
    ]


def worst(timings: list[Timing], kinds, trivial_ms: float) -> float:
    return round(max(t.p50_ms for t in timings if t.kind in kinds) / trivial_ms, 2)


# ---------------------------------------------------------------- tables


def table(rows: list[list], headers: list[str]) -> list[str]:
    """Plain text columns: the first left-aligned, the others right-aligned."""
    cells = [[str(h) for h in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]

    def line(row):
        return "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))
        )

    return [line(cells[0]), "  ".join("-" * w for w in widths)] + [line(row) for row in cells[1:]]


# ---------------------------------------------------------------- the benchmark


LIST_ROUTES = {
    "delegations": "relations:delegation-list",
    "meetings": "relations:meeting-list",
    "officials": "people:official-list",
    "organizations": "people:organization-list",
    "agreements": "agreements:agreement-list",
}
LIST_MODELS = {
    "delegations": Delegation,
    "meetings": Meeting,
    "officials": Official,
    "organizations": Organization,
    "agreements": Agreement,
}
# The one row left published when counting queries for 1 row: one whose relations are all there, so
# that every prefetch of the page still runs.
FULL_ROW = {
    "delegations": {"head__isnull": False, "sending_body__isnull": False, "host_body__isnull": False},
    "meetings": {"delegation__isnull": False},
    "officials": {"positions__isnull": False},
    "organizations": {"parent__isnull": False},
    "agreements": {"parties__isnull": False},
}
TARGETS = {
    "list_p50_ratio_warm": ("<=", 1.5),
    "search_p50_ratio_warm": ("<=", 1.5),
    "conditional_p50_ratio": ("<=", 1.2),
    "list_p50_ratio_cold": ("<=", 6),
    "search_p50_ratio_cold": ("<=", 8),
    "throughput_ratio": (">=", 0.5),
    "queries_constant": ("==", True),
    "csv_export_speedup": (">=", 3),
    "csv_export_peak_mb": ("<=", 32),
    "import_articles_per_s": (">=", 50),
}
LOAD_WORKERS = 4  # gunicorn workers for the throughput test
LOAD_CLIENTS = 16  # concurrent clients
LIST_KINDS = ("list", "filtered", "last")
PAGE = 25  # rows on a public list page
ADMIN_USER = "benchmark-admin"


def serving_settings():
    """In-process requests as gunicorn serves them: DEBUG off (no query log), plain HTTP, no manifest."""
    from django.conf import settings
    from django.test import override_settings

    return override_settings(
        PUBLIC_PAGE_CACHE="",  # every request rendered: queries are counted, not cache hits
        DEBUG=False,
        ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver", "127.0.0.1"],
        SECURE_SSL_REDIRECT=False,
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
    )


def page_timings() -> list[Timing]:
    """The pages to time, picked from the data: lists (plain, filtered, last page), details, searches."""
    from urllib.parse import urlencode

    from django.urls import reverse

    def url(route, **params):
        path = reverse(route)
        return f"{path}?{urlencode(params)}" if params else path

    delegation = _middle(Delegation.objects.published().filter(**FULL_ROW["delegations"]))
    official = _middle(Official.objects.published().filter(positions__isnull=False))
    year = delegation.start_date.year if delegation and delegation.start_date else 2010
    timings = [Timing("trivial view", "/__trivial__/", "trivial")]
    filtered = {
        "delegations": {"from_country": "VN", "to_country": "RU", "year": year},
        "meetings": {"year": year},
        "officials": {"country": "RU"},
        "organizations": {"country": "VN", "kind": "ministry"},
        "agreements": {"state": "signed", "kind": "memorandum"},
    }
    for name, route in LIST_ROUTES.items():
        timings.append(Timing(f"{name} list", url(route), "list"))
        timings.append(Timing(f"{name} filtered", url(route, **filtered[name]), "filtered"))
        timings.append(Timing(f"{name} last page", url(route, page="last"), "last"))
    if official:
        by_official = url(LIST_ROUTES["delegations"], official=official.slug)
        timings.append(Timing("delegations by official", by_official, "filtered"))
    if delegation:
        timings.append(Timing("delegation detail", delegation.get_absolute_url(), "detail"))
    if official:
        timings.append(Timing("official detail", official.get_absolute_url(), "detail"))
    timings.append(Timing("search delegations 'Đặng'", url(LIST_ROUTES["delegations"], q="Đặng"), "search"))
    timings.append(
        Timing("search officials 'Nguyễn Văn'", url(LIST_ROUTES["officials"], q="Nguyễn Văn"), "search")
    )
    if official:
        rare = fold(official.name)  # no diacritics: the folded search must still find it
        timings.append(
            Timing(f"search delegations '{rare}'", url(LIST_ROUTES["delegations"], q=rare), "search")
        )
    timings.append(Timing("admin delegations", "/admin/relations/delegation/", "admin"))
    timings.append(Timing("admin officials", "/admin/people/official/", "admin"))
    timings.append(Timing("admin search 'dang'", "/admin/relations/delegation/?q=dang", "admin"))
    return timings


def _middle(queryset):
    n = queryset.count()
    return queryset.order_by("pk")[n // 2] if n else None


def admin_cookie() -> str:
    """A superuser's session, made directly (a login through the test Client does not cross processes)."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.sessions.backends.db import SessionStore

    user, _ = get_user_model().objects.get_or_create(
        username=ADMIN_USER, defaults={"is_staff": True, "is_superuser": True}
    )
    user.set_unusable_password()
    user.save()
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def remove_admin() -> None:
    from django.contrib.auth import get_user_model
    from django.contrib.sessions.models import Session

    Session.objects.all().delete()
    get_user_model().objects.filter(username=ADMIN_USER).delete()


class _Rollback(Exception):
    pass


def count_queries(client, url: str) -> int:
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm caches (content types, ...) so that both counts see the same state
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}")
    return len(captured)


def queries_per_page() -> tuple[dict[str, int], dict[str, int]]:
    """Queries of each list's first page with one published row and with a full page of them.

    The rows kept published (the others are unpublished inside a transaction that is rolled back) have
    all their relations, so every prefetch runs in both cases: a prefetch with nothing to fetch runs no
    query, and would make the counts differ for a reason that has nothing to do with N+1.
    """
    from django.test import Client
    from django.urls import reverse

    client = Client()
    one, many = {}, {}
    for name, route in LIST_ROUTES.items():
        url = reverse(route)
        published = LIST_MODELS[name].objects.published()
        full = list(published.filter(**FULL_ROW[name]).order_by("pk").values_list("pk", flat=True)[:PAGE])
        full = full or list(published.order_by("pk").values_list("pk", flat=True)[:PAGE])
        if not full:
            continue
        for counts, keep in ((many, full), (one, full[:1])):
            try:
                with transaction.atomic():
                    published.exclude(pk__in=keep).update(status=Status.REVIEW)
                    counts[name] = count_queries(client, url)
                    raise _Rollback
            except _Rollback:
                pass
    return one, many


def csv_export(progress: Callable[[str], None]) -> dict:
    """All published delegations as CSV: the public streamed export (through the view, in-process),
    then django-import-export used the usual way (``relations.scale.baseline``: a resource dehydrating
    prefetched instances, the same cells) into its ``Dataset`` and ``.csv``, over the same records."""
    import tracemalloc

    from django.test import Client
    from django.urls import reverse

    from relations.models import Delegation
    from relations.scale.baseline import InstanceDelegationResource

    rows = Delegation.objects.published().count()
    client = Client()
    url = reverse("relations:delegation-export")

    def ours() -> tuple[int, int]:
        response = client.get(url)
        size = lines = 0
        for chunk in response.streaming_content:
            size += len(chunk)
            lines += chunk.count(b"\n")
        response.close()
        return size, lines

    started = time.perf_counter()
    size, lines = ours()
    ours_s = time.perf_counter() - started
    progress(f"our CSV export: {rows} rows in {ours_s:.1f} s")
    tracemalloc.start()
    try:
        ours()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    queryset = Delegation.objects.for_public_list()
    started = time.perf_counter()
    text = InstanceDelegationResource().export(queryset).csv
    theirs_s = time.perf_counter() - started
    progress(f"django-import-export: {rows} rows in {theirs_s:.1f} s")
    return {
        "csv_export_rows": rows,
        "csv_export_lines": lines - 1,
        "csv_export_bytes": size,
        "csv_export_seconds": round(ours_s, 2),
        "csv_export_rows_per_s": round(rows / ours_s, 1),
        "csv_export_peak_mb": round(peak / 2**20, 2),
        "import_export_seconds": round(theirs_s, 2),
        "import_export_rows_per_s": round(rows / theirs_s, 1),
        "import_export_bytes": len(text.encode()),
        "csv_export_speedup": round(theirs_s / ours_s, 2),
    }


def import_rate(n: int, *, seed: int, folder: Path) -> dict:
    """``import_articles`` over ``n`` generated article files, in a dry run (the data stay as they are).

    The extractor first reads one other generated text, untimed: it loads its gazetteer once per process
    (``import_warmup_seconds``, the same on any database), which would otherwise weigh on a run of a
    hundred articles as it does not on a real import of thousands. Loading the resolver's names, which
    grows with the database, stays in the timed run.
    """
    from relations.importing.extraction import extract
    from relations.importing.run import import_articles

    started = time.perf_counter()
    extract(next(article_texts(1, seed=seed + 1))[1])
    warmup = round(time.perf_counter() - started, 2)
    write_articles(folder, n, seed=seed)
    try:
        report = import_articles(paths=[folder], dry_run=True, extract_ahead=True)  # as the command runs
    except Exception as error:  # the extractor is being built: report what it gives
        return {"import_articles": n, "import_articles_per_s": None, "import_error": repr(error)[:500]}
    return {
        "import_articles": n,
        "import_articles_per_s": round(report.readable / report.elapsed, 1) if report.elapsed else None,
        "import_warmup_seconds": warmup,
        "import_failed": len(report.failed),
        "import_first_failure": " ".join(report.failed[0])[:300] if report.failed else "",
        "import_records_proposed": dict(report.created),
    }


def check_targets(results: dict) -> dict[str, bool]:
    checks = {}
    for key, (op, goal) in TARGETS.items():
        value = results.get(key)
        if value is None:
            checks[key] = False
        elif op == "<=":
            checks[key] = value <= goal
        elif op == ">=":
            checks[key] = value >= goal
        else:
            checks[key] = value == goal
    return checks


def run_benchmark(
    *,
    scale: int,
    seed: int,
    reuse: bool,
    rounds: int,
    import_articles: int,
    work: Path,
    progress: Callable[[str], None],
    load_seconds: float = 10.0,
) -> dict:
    """Generate (unless reused), then measure: queries, CSV export, pages over HTTP, import."""
    import warnings

    # WhiteNoise warns that STATIC_ROOT is missing: the benchmark serves no static files.
    warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)
    results: dict = {"database": connection.vendor, "seed": seed}
    results.update(_records(scale=scale, seed=seed, reuse=reuse, progress=progress))
    with serving_settings():
        one, many = queries_per_page()
        results.update(queries_1_row=one, queries_n_rows=many, queries_constant=bool(one) and one == many)
        progress(f"queries per page: 1 row {one}, N rows {many}")
        results.update(csv_export(progress))
    timings = page_timings()
    results.update(_cold_pages(timings, rounds=rounds, work=work, progress=progress))
    warm = _warm_pages(timings, rounds=rounds, work=work, load_seconds=load_seconds, progress=progress)
    results.update(warm)
    with serving_settings():
        results.update(import_rate(import_articles, seed=seed + 1000, folder=work / "articles"))
    progress(f"import: {results.get('import_articles_per_s')} articles/s")
    results["targets"] = check_targets(results)
    return results


def _records(*, scale: int, seed: int, reuse: bool, progress: Callable[[str], None]) -> dict:
    """The records to measure: generated into an empty database, or those it holds (``reuse``)."""
    results: dict = {}
    if holds_records():
        if not reuse:
            raise ValueError(
                "the database already holds records: point DATABASE_URL at an empty one, or --reuse"
            )
        progress("reusing the records in the database")
        results["generate_seconds"] = None
    else:
        started = time.perf_counter()
        results["generated"] = generate_data(scale=scale, seed=seed, progress=progress)
        results["generate_seconds"] = round(time.perf_counter() - started, 1)
        progress(f"generated in {results['generate_seconds']} s")
    results["scale"] = Delegation.objects.count()
    results["records"] = {name: model.objects.count() for name, model in LIST_MODELS.items()}
    results["published"] = {name: model.objects.published().count() for name, model in LIST_MODELS.items()}
    return results


def _cold_pages(timings: list[Timing], *, rounds: int, work: Path, progress: Callable[[str], None]) -> dict:
    """Every page with the page cache off, so every page is rendered (as on a first visit after a
    publish), the admin's as a superuser."""
    cookie = admin_cookie()
    try:
        with Gunicorn(log=work / "gunicorn.log", env={"PUBLIC_PAGE_CACHE": ""}) as server:
            progress(f"gunicorn on 127.0.0.1:{server.port}, cache off: {len(timings)} URLs x {rounds} rounds")
            measure(server.port, timings, rounds=rounds, cookie=cookie)
    finally:
        remove_admin()
    bad = [f"{t.url} -> {t.status}" for t in timings if t.status != 200]
    if bad:
        raise RuntimeError("pages did not answer 200: " + ", ".join(bad))
    trivial_ms = next(t for t in timings if t.kind == "trivial").p50_ms
    return {
        "pages": page_rows(timings, trivial_ms),
        "rounds": rounds,
        "trivial_p50_ms": round(trivial_ms, 2),
        "list_p50_ratio_cold": worst(timings, LIST_KINDS, trivial_ms),
        "search_p50_ratio_cold": worst(timings, ("search",), trivial_ms),
        "detail_p50_ratio": worst(timings, ("detail",), trivial_ms),
        "admin_p50_ratio": worst(timings, ("admin",), trivial_ms),
    }


def _warm_pages(
    timings: list[Timing], *, rounds: int, work: Path, load_seconds: float, progress: Callable[[str], None]
) -> dict:
    """The public pages with the page cache on, as in production (Redis when the machine has
    redis-server), filled by the warm-up round; a conditional request answered 304; then the throughput
    of a mixed warm workload."""
    with throwaway_redis() as redis_url:
        cache_env = {"REDIS_URL": redis_url} if redis_url else {}
        results: dict = {"page_cache": "redis" if redis_url else "local memory"}
        warm = [Timing(t.name, t.url, t.kind) for t in timings if t.kind != "admin"]
        with Gunicorn(log=work / "gunicorn.log", env=cache_env) as server:
            list_url = next(t.url for t in warm if t.kind == "list")
            etag = fetch_etag(server.port, list_url)
            warm.append(Timing("delegations list, If-None-Match", list_url, "conditional", etag=etag))
            progress(f"cache on ({results['page_cache']}): {len(warm)} URLs x {rounds} rounds")
            measure(server.port, warm, rounds=rounds)
        bad = [
            f"{t.url} -> {t.status}" for t in warm if t.status != (304 if t.kind == "conditional" else 200)
        ]
        if bad:
            raise RuntimeError("warm pages did not answer as expected: " + ", ".join(bad))
        warm_trivial_ms = next(t for t in warm if t.kind == "trivial").p50_ms
        results["pages_warm"] = page_rows(warm, warm_trivial_ms)
        results["trivial_p50_ms_warm"] = round(warm_trivial_ms, 2)
        results["list_p50_ratio_warm"] = worst(warm, LIST_KINDS, warm_trivial_ms)
        results["search_p50_ratio_warm"] = worst(warm, ("search",), warm_trivial_ms)
        results["conditional_p50_ratio"] = worst(warm, ("conditional",), warm_trivial_ms)
        mixed = [t.url for t in warm if t.kind in ("list", "filtered", "detail", "search")]
        results.update(_throughput(mixed, cache_env, work=work, load_seconds=load_seconds, progress=progress))
    return results


def _throughput(
    mixed: list[str], cache_env: dict, *, work: Path, load_seconds: float, progress: Callable[[str], None]
) -> dict:
    """Requests per second of ``mixed`` (a warm cache) against the trivial view's: 4 workers, 16 clients."""
    with Gunicorn(log=work / "gunicorn.log", env=cache_env, workers=LOAD_WORKERS) as server:
        progress(f"throughput: {LOAD_WORKERS} workers, {LOAD_CLIENTS} clients, {load_seconds} s each")
        load(server.port, mixed, clients=LOAD_CLIENTS, seconds=min(2.0, load_seconds))  # warm every worker
        trivial_load = load(server.port, ["/__trivial__/"], clients=LOAD_CLIENTS, seconds=load_seconds)
        mixed_load = load(server.port, mixed, clients=LOAD_CLIENTS, seconds=load_seconds)
    return {
        "throughput": {
            "trivial": trivial_load,
            "mixed": mixed_load,
            "workers": LOAD_WORKERS,
            "clients": LOAD_CLIENTS,
            "seconds": load_seconds,
        },  # fmt: skip
        "throughput_ratio": round(mixed_load["rps"] / trivial_load["rps"], 2),
        "throughput_p95_ms": mixed_load["p95_ms"],
        "throughput_trivial_p95_ms": trivial_load["p95_ms"],
    }


def page_table(pages: list[dict]) -> list[str]:
    return table(
        [
            [
                p["name"],
                p["kind"],
                f"{p['p50_ms']:.1f}",
                f"{p['p95_ms']:.1f}",
                f"{p['p50_ratio']:.1f}",
                f"{p['bytes'] / 1024:.0f}",
            ]
            for p in pages
        ],  # fmt: skip
        ["page", "kind", "p50 ms", "p95 ms", "p50 / trivial", "KiB"],
    )


def report_lines(results: dict) -> list[str]:
    """The benchmark's tables: each page's latency, then the numbers with their targets."""
    lines = [
        f"database {results['database']}, N = {results['scale']} delegations "
        f"({', '.join(f'{v} {k}' for k, v in results['records'].items())}), {results['rounds']} rounds",
        "",
    ]
    for title, key in (("cache off (cold)", "pages"), ("cache on (warm)", "pages_warm")):
        lines += [title, *page_table(results.get(key, []))]
        lines.append("")
    run = results.get("throughput")
    if run:
        lines.append(
            f"throughput, {run['workers']} workers, {run['clients']} clients: "
            f"trivial {run['trivial']['rps']} req/s (p95 {run['trivial']['p95_ms']} ms), "
            f"mixed warm {run['mixed']['rps']} req/s (p95 {run['mixed']['p95_ms']} ms)"
        )
        lines.append("")
    lines.append("")
    rows = [
        [key, results.get(key), f"{TARGETS[key][0]} {TARGETS[key][1]}", "ok" if ok else "MISSED"]
        for key, ok in results["targets"].items()
    ]
    rows += [
        ["detail_p50_ratio", results["detail_p50_ratio"], "", ""],
        ["admin_p50_ratio", results["admin_p50_ratio"], "", ""],
        ["queries_1_row", " ".join(f"{k[:5]}={v}" for k, v in results["queries_1_row"].items()), "", ""],
        ["queries_n_rows", " ".join(f"{k[:5]}={v}" for k, v in results["queries_n_rows"].items()), "", ""],
        ["csv_export_rows_per_s", results["csv_export_rows_per_s"], "", ""],
        ["import_export_rows_per_s", results["import_export_rows_per_s"], "", ""],
        ["throughput_p95_ms", results.get("throughput_p95_ms"), "", ""],
        [
            "import_problem",
            (results.get("import_error") or results.get("import_first_failure") or "")[:60],
            "",
            "",
        ],
        ["import_warmup_seconds", results.get("import_warmup_seconds"), "", ""],
        ["generate_seconds", results.get("generate_seconds"), "", ""],
    ]
    lines += table(rows, ["measure", "value", "target", ""])
    return lines
