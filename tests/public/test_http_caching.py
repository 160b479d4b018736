"""Public pages carry validators from the publication version, answer 304 without rendering, and say who may
keep them: anyone for anonymous visitors, nobody for a logged-in user or on the admin."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from relations.editorial import publication, workflow
from relations.models import Delegation
from tests.admin.conftest import make_user
from tests.factories import DelegationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def delegation():
    return DelegationFactory(status="published")


def test_a_public_page_carries_the_version_and_may_be_kept(client, delegation, settings):
    settings.PUBLIC_CACHE_MAX_AGE, settings.PUBLIC_CACHE_STALE_WHILE_REVALIDATE = 30, 600
    publication.changed()
    response = client.get(reverse("relations:delegation-list"))
    assert response.status_code == 200
    assert response["ETag"] == '"p1"'
    assert response["Last-Modified"].endswith("GMT")
    assert response["Cache-Control"] == "public, max-age=30, stale-while-revalidate=600"
    assert "Cookie" in response["Vary"]


@pytest.mark.parametrize("header", ["HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE"])
def test_a_conditional_request_is_answered_304_with_one_query_and_no_rendering(
    client, delegation, django_assert_num_queries, header
):
    url = delegation.get_absolute_url()
    first = client.get(url)
    validator = first["ETag"] if header == "HTTP_IF_NONE_MATCH" else first["Last-Modified"]
    with django_assert_num_queries(1):  # the version; no view, no template
        response = client.get(url, **{header: validator})
    assert response.status_code == 304
    assert response.content == b""
    assert response.templates == []
    assert response["ETag"] == first["ETag"]


def test_a_publish_changes_the_validator(client, delegation):
    publisher = make_user("publisher")
    url = reverse("relations:delegation-list")
    etag = client.get(url)["ETag"]
    draft = DelegationFactory(status="review", head__status="published")
    workflow.publish(Delegation.objects.filter(pk=draft.pk), by=publisher)
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag
    assert draft.get_absolute_url() in response.content.decode()


def test_a_logged_in_user_gets_no_public_caching(client, delegation):
    client.force_login(User.objects.create_user("reader", password="x"))
    url = delegation.get_absolute_url()
    response = client.get(url)
    assert response.status_code == 200
    assert "public" not in response["Cache-Control"]
    assert "private" in response["Cache-Control"] and "no-cache" in response["Cache-Control"]
    assert "ETag" not in response
    assert client.get(url, HTTP_IF_NONE_MATCH='"p0"').status_code == 200


def test_the_admin_is_never_public(client):
    client.force_login(make_user("superuser"))
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    assert "public" not in response.get("Cache-Control", "")
    assert "ETag" not in response
    anonymous = client.__class__().get(reverse("admin:index"))
    assert "public" not in anonymous.get("Cache-Control", "")


def test_a_bad_request_is_not_marked_public(client):
    response = client.post(reverse("relations:delegation-list"))
    assert response.status_code in (403, 405)
    assert "public" not in response.get("Cache-Control", "")


def test_a_missing_page_is_a_404_that_follows_the_version(client):
    response = client.get("/delegations/nobody/")
    assert response.status_code == 404
    assert response["ETag"] == '"p0"'
