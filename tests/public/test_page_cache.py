"""The page cache: keyed by the publication version, path and query; shared by every worker through Redis.

A publish shows on the very next request, from any worker; no cached or conditional response shows a record
after it stops being public, or hides one after it is published.
"""

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from relations.editorial import workflow
from relations.models import Delegation
from tests.admin.conftest import make_user
from tests.factories import DelegationFactory

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
LIST = "/delegations/"


def test_a_second_visit_is_served_from_the_cache_without_rendering(
    client, page_cache, django_assert_num_queries
):
    DelegationFactory(status="published", place="Hanoi")
    first = client.get(LIST)
    assert (first.status_code, first["X-Page-Cache"]) == (200, "miss")
    with django_assert_num_queries(1):  # the version
        second = client.get(LIST)
    assert (second.status_code, second["X-Page-Cache"]) == (200, "hit")
    assert second.templates == []
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["ETag"] == first["ETag"]
    assert second["Cache-Control"].startswith("public")


def test_a_hit_carries_the_headers_of_the_page_it_stored(client, page_cache):
    """A hit is answered before the inner middleware runs: it keeps what they gave the stored page
    (X-Frame-Options, the content type) and still gets what the outer ones give every response."""
    DelegationFactory(status="published")
    first, second = client.get(LIST), client.get(LIST)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert {k: v for k, v in first.items() if k != "X-Page-Cache"} == {
        k: v for k, v in second.items() if k != "X-Page-Cache"
    }
    assert second["X-Frame-Options"] == "DENY" and "Content-Security-Policy" in second


def test_a_visitor_with_a_session_is_decided_once_the_user_is_known(client, page_cache):
    """A session cookie skips the early answer; an anonymous session still reads the cache, a logged-in
    user's never does, whatever a cookie-less visit stored."""
    DelegationFactory(status="published")
    assert client.get(LIST)["X-Page-Cache"] == "miss"
    session = client.session
    session["seen"] = True
    session.save()
    assert client.get(LIST)["X-Page-Cache"] == "hit"
    client.force_login(User.objects.create_user("reader", password="x"))
    response = client.get(LIST)
    assert "X-Page-Cache" not in response and "private" in response["Cache-Control"]


def test_the_query_string_is_part_of_the_key(client, page_cache):
    DelegationFactory(status="published", place="Hanoi")
    assert client.get(LIST, {"q": "hanoi"})["X-Page-Cache"] == "miss"
    assert client.get(LIST, {"q": "moscow"})["X-Page-Cache"] == "miss"
    assert client.get(LIST, {"q": "hanoi"})["X-Page-Cache"] == "hit"


def test_a_publish_shows_on_the_very_next_request(client, page_cache):
    publisher = make_user("publisher")
    DelegationFactory(status="published")
    draft = DelegationFactory(status="review")
    client.get(LIST)
    assert draft.get_absolute_url() not in client.get(LIST).content.decode()  # a hit
    workflow.publish(Delegation.objects.filter(pk=draft.pk), by=publisher, with_dependencies=True)
    response = client.get(LIST)
    assert response["X-Page-Cache"] == "miss"
    assert draft.get_absolute_url() in response.content.decode()


def test_a_logged_in_user_neither_reads_nor_fills_the_cache(client, page_cache):
    DelegationFactory(status="published")
    client.force_login(User.objects.create_user("reader", password="x"))
    response = client.get(LIST)
    assert response.status_code == 200 and "X-Page-Cache" not in response
    client.logout()
    assert client.get(LIST)["X-Page-Cache"] == "miss"


def test_missing_pages_and_csv_exports_are_not_stored(client, page_cache):
    DelegationFactory(status="published")
    assert client.get("/delegations/nobody/").status_code == 404
    assert client.get(reverse("relations:delegation-export")).streaming
    assert "X-Page-Cache" not in client.get("/delegations/nobody/")


def shown(body: str, records) -> set[int]:
    return {r.pk for r in records if r.get_absolute_url() in body}


def test_no_cached_or_conditional_response_shows_a_record_that_is_not_public(client, page_cache):
    """Random transitions of a few records; after each, every page as a new, a returning (If-None-Match)
    and a cached visit: a detail answers 200 exactly when its record is published, the list shows exactly
    the published ones."""
    publisher = make_user("publisher")
    records = [DelegationFactory(status=s) for s in ("published", "draft", "review", "published")]
    held: dict[str, tuple[str, object]] = {}  # url -> (etag, what the visitor holds)
    rng = random.Random(14)
    moves = ["publish", "unpublish", "archive", "return_to_draft", "submit"]

    for step in range(16):
        record = rng.choice(records)
        workflow.apply(
            rng.choice(moves), Delegation.objects.filter(pk=record.pk), by=publisher, with_dependencies=True
        )
        public = {r.pk for r in Delegation.objects.published()}
        for status, body in visits(client, LIST, held):
            assert (status, shown(body, records)) == (200, public), f"step {step}"
        for r in records:
            for status, _ in visits(client, r.get_absolute_url(), held):
                assert status == (200 if r.pk in public else 404), f"step {step}, record {r.pk}"


def visits(client, url: str, held: dict) -> list[tuple[int, str]]:
    """A new visit, a returning one (``If-None-Match`` with the ETag it held before this round, from before
    whatever changed since) and a cached one; what each shows (a 304 shows the copy the visitor held)."""
    seen = []
    etag, copy = held.get(url, ("", None))
    for conditional in (False, True, False):
        response = client.get(url, HTTP_IF_NONE_MATCH=etag) if conditional and etag else client.get(url)
        if response.status_code == 304:
            assert copy is not None
            result = copy
        else:
            result = (response.status_code, response.content.decode())
        held[url] = (response.get("ETag", ""), result)
        seen.append(result)
    return seen


def test_a_merged_record_leaves_every_cached_and_conditional_page(client, page_cache):
    """Merging two published officials: the list, a search and the merged one's address stop showing it."""
    from people import merging
    from people.models import Official
    from tests.factories import OfficialFactory

    publisher = make_user("publisher")
    kept = OfficialFactory(status="published", name="Nguyễn Văn Kiên")
    merged = OfficialFactory(status="published", name="Nguyen Van Kien")
    held: dict = {}
    pages = [reverse("people:official-list"), reverse("people:official-list") + "?q=kien"]
    merged_url = merged.get_absolute_url()
    for url in pages:
        for status, body in visits(client, url, held):
            assert status == 200 and merged_url in body and kept.get_absolute_url() in body
    assert {status for status, _ in visits(client, merged_url, held)} == {200}

    merging.merge_officials(kept, [merged], by=publisher)
    assert not Official.objects.filter(pk=merged.pk).exists()
    for url in pages:
        for status, body in visits(client, url, held):
            assert status == 200 and merged_url not in body and kept.get_absolute_url() in body
    for status, body in visits(client, merged_url, held):
        assert status in (301, 302, 404) and merged.name not in body  # sent on to the survivor, or gone


def test_an_accepted_pending_change_shows_on_every_cached_and_conditional_page(client, page_cache):
    """An editor's change to a published record waits (the cached pages keep the live version, rightly);
    once a publisher accepts it, no visit shows the old version, and a search finds the new one."""
    from django.test import Client

    from relations.editorial.models import PendingChange
    from tests.admin.helpers import post_change

    delegation = DelegationFactory(status="published", place="Moscow")
    editor = Client()
    editor.force_login(make_user("editor"))
    held: dict = {}
    detail, found = delegation.get_absolute_url(), f"{LIST}?q=sochi"
    for status, body in visits(client, detail, held):
        assert status == 200 and "Moscow" in body
    for status, body in visits(client, found, held):
        assert status == 200 and detail not in body

    assert post_change(editor, delegation, place="Sochi").status_code == 302
    for status, body in visits(client, detail, held):  # pending: the live version stays public
        assert status == 200 and "Moscow" in body and "Sochi" not in body
    for status, body in visits(client, found, held):
        assert status == 200 and detail not in body

    workflow.publish_change(PendingChange.objects.get(), by=make_user("publisher"))
    for status, body in visits(client, detail, held):
        assert status == 200 and "Sochi" in body and "Moscow" not in body
    for status, body in visits(client, found, held):
        assert status == 200 and detail in body


# ---------------------------------------------------------------- two workers, one Redis


class Worker:
    def __init__(self, env: dict):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.public.page_cache_worker"],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def __call__(self, op: str, **args) -> dict:
        self.process.stdin.write(json.dumps({"op": op, **args}) + "\n")
        self.process.stdin.flush()
        answer = json.loads(self.process.stdout.readline())
        assert answer.pop("ok"), answer.get("error")
        return answer

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=30)


@pytest.fixture
def workers(redis_url, tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'shared.sqlite3'}",
        "REDIS_URL": redis_url.rsplit("/", 1)[0] + "/1",
        "CACHE_KEY_PREFIX": f"workers-{os.getpid()}",
        "PUBLIC_PAGE_CACHE": "default",
        "DEBUG": "0",
        "SECRET_KEY": "test-only",
        "ALLOWED_HOSTS": "testserver",
        "SECURE_SSL_REDIRECT": "0",
        "STATIC_MANIFEST": "0",
    }
    first = Worker(env)
    first("migrate")
    second = Worker(env)
    yield first, second
    first.close()
    second.close()


def test_two_workers_share_the_cache_and_both_see_a_publish_on_the_next_request(workers):
    a, b = workers
    alpha = a("make", status="published", place="Alphaville")
    beta = a("make", status="review", place="Betatown")
    first = a("get", url=LIST)
    assert first["cache"] == "miss" and alpha["url"] in first["body"]
    again = b("get", url=LIST)
    assert again["cache"] == "hit" and again["body"] == first["body"]  # rendered by a, served by b

    a("transition", name="publish", pk=beta["pk"])
    seen = b("get", url=LIST)
    assert seen["cache"] == "miss" and beta["url"] in seen["body"]
    assert b("get", url=beta["url"])["status"] == 200
    assert a("get", url=LIST)["cache"] == "hit"

    b("transition", name="unpublish", pk=alpha["pk"])
    gone = a("get", url=LIST, etag=seen["etag"])
    assert gone["status"] == 200 and alpha["url"] not in gone["body"] and beta["url"] in gone["body"]
    assert a("get", url=alpha["url"])["status"] == 404
    assert b("get", url=LIST, etag=gone["etag"])["status"] == 304
