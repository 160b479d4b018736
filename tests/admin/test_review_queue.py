"""The review queue: what waits, across all types, oldest first, with the importer's reasons."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from people.models import Official
from relations.models import Delegation
from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    DelegationFactory,
    MeetingFactory,
    OfficialFactory,
    OrganizationFactory,
)

pytestmark = pytest.mark.django_db
QUEUE = reverse("admin:review-queue")


def names(response) -> list[str]:
    return [str(row.obj) for row in response.context["rows"]]


def aged(obj, days: int):
    type(obj).objects.filter(pk=obj.pk).update(created_at=timezone.now() - datetime.timedelta(days=days))
    return obj


def test_it_lists_every_type_oldest_first(editor_client):
    aged(OfficialFactory(name="Nguyễn Văn A"), 3)
    aged(AgreementFactory(title="Archives agreement"), 5)
    aged(OrganizationFactory(name="Federal Archive Agency"), 1)
    aged(MeetingFactory(title="Talks in Moscow", status="review"), 4)
    aged(DelegationFactory(title="Archives delegation", head=None), 2)
    response = editor_client.get(QUEUE)
    assert names(response) == [
        "Archives agreement",
        "Talks in Moscow",
        "Nguyễn Văn A",
        "Archives delegation",
        "Federal Archive Agency",
    ]


def test_it_leaves_out_published_and_archived_records(editor_client):
    OfficialFactory(name="Published Person", status="published")
    OfficialFactory(name="Archived Person", status="archived")
    assert names(editor_client.get(QUEUE)) == []


def test_it_filters_by_type(editor_client):
    OfficialFactory(name="Nguyễn Văn A")
    OrganizationFactory(name="Federal Archive Agency")
    assert names(editor_client.get(QUEUE, {"type": "organization"})) == ["Federal Archive Agency"]


def test_it_filters_by_flag(editor_client):
    OfficialFactory(name="Flagged", flags=["year inferred"])
    OfficialFactory(name="Clean", flags=[])
    assert names(editor_client.get(QUEUE, {"flag": "year inferred"})) == ["Flagged"]


def test_it_finds_a_possible_duplicate_whatever_follows_the_flag(editor_client):
    OfficialFactory(name="Suspect", flags=["possible duplicate: Nguyen Van Phong (likely)"])
    OfficialFactory(name="Clean")
    assert names(editor_client.get(QUEUE, {"flag": "possible duplicate"})) == ["Suspect"]


def test_it_counts_a_low_confidence_as_a_flag(editor_client):
    OfficialFactory(name="Unsure", confidence=0.3)
    OfficialFactory(name="Sure", confidence=0.9)
    assert names(editor_client.get(QUEUE, {"flag": "low confidence"})) == ["Unsure"]


def test_it_filters_by_article(editor_client):
    article = ArticleFactory(key="tass-2019-08-07")
    OfficialFactory(name="From TASS", cited_in=article)
    OfficialFactory(name="From elsewhere", cited_in=ArticleFactory())
    assert names(editor_client.get(QUEUE, {"article": "tass-2019-08-07"})) == ["From TASS"]


def test_it_filters_by_stage(editor_client):
    OfficialFactory(name="Drafted", status="draft")
    OfficialFactory(name="Submitted", status="review")
    assert names(editor_client.get(QUEUE, {"stage": "review"})) == ["Submitted"]


def test_it_shows_why_a_record_waits(editor_client):
    OfficialFactory(flags=["country guessed"])
    assert '<span class="editorial-flag">country guessed</span>' in editor_client.get(QUEUE).content.decode()


def test_it_links_each_row_to_its_change_page_and_back(editor_client):
    official = OfficialFactory()
    url = reverse("admin:people_official_change", args=[official.pk]) + "?_from_queue=1"
    assert url in editor_client.get(QUEUE).content.decode()


def test_it_returns_to_the_queue_after_a_workflow_button(editor_client):
    from tests.admin.helpers import form_data

    official = OfficialFactory()
    url = reverse("admin:people_official_change", args=[official.pk]) + "?_from_queue=1"
    data = form_data(editor_client.get(url)) | {"_from_queue": "1", "_transition_submit": "Submit"}
    response = editor_client.post(url, data)
    assert response["Location"] == QUEUE


def test_it_submits_from_a_row(editor_client):
    official = OfficialFactory(status="draft")
    ct = editor_client.get(QUEUE).context["rows"][0].content_type.pk
    editor_client.post(QUEUE, {"action": "submit", "ct": ct, "pk": official.pk})
    assert Official.objects.get().status == "review"


def test_it_publishes_from_a_row(publisher_client):
    delegation = DelegationFactory(status="review", head=None)
    ct = publisher_client.get(QUEUE).context["rows"][0].content_type.pk
    publisher_client.post(QUEUE, {"action": "publish", "ct": ct, "pk": delegation.pk})
    assert Delegation.objects.get(pk=delegation.pk).status == "published"


def test_it_refuses_a_publish_posted_by_an_editor(editor_client):
    delegation = DelegationFactory(status="review", head=None)
    ct = editor_client.get(QUEUE).context["rows"][0].content_type.pk
    response = editor_client.post(QUEUE, {"action": "publish", "ct": ct, "pk": delegation.pk})
    assert response.status_code == 403
    assert Delegation.objects.get().status == "review"


def test_it_offers_an_editor_no_publish_button(editor_client):
    DelegationFactory(status="review", head=None)
    assert editor_client.get(QUEUE).context["rows"][0].actions == []


def test_it_refuses_anonymous_visitors(client):
    assert client.get(QUEUE).status_code == 302


def test_it_runs_as_many_queries_for_ten_rows_as_for_one(editor_client):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            editor_client.get(QUEUE)
        return len(queries)

    DelegationFactory(cited_in=ArticleFactory(), head=None)
    OfficialFactory(cited_in=ArticleFactory())
    count()  # content types and the session, cached from then on
    one_each = count()
    DelegationFactory.create_batch(9, cited_in=ArticleFactory(), head=None)
    OfficialFactory.create_batch(9, cited_in=ArticleFactory())
    assert count() == one_each
