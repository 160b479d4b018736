"""The 404 and 500 pages are the site's own, in its layout, with DEBUG off (as the suite runs)."""

import pytest
from django.conf import settings
from django.test import RequestFactory

from relations.views import server_error

pytestmark = pytest.mark.django_db


def test_the_suite_runs_with_debug_off():
    assert settings.DEBUG is False


def test_it_answers_an_unknown_address_with_the_sites_404(client):
    response = client.get("/no-such-page/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "This page does not exist" in html
    assert '<header class="site-header">' in html
    assert 'action="/search/"' in html


def test_it_answers_an_unpublished_record_with_the_sites_404(client):
    from tests.factories import DelegationFactory

    draft = DelegationFactory(status="draft")
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 404
    assert "This page does not exist" in response.content.decode()


def test_it_shows_a_server_error_in_the_sites_layout():
    response = server_error(RequestFactory().get("/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert "Something went wrong on our side" in html
    assert "Vietnam–Russia Contacts" in html
    assert '<header class="site-header">' in html


@pytest.mark.urls("tests.public.error_urls")
def test_it_answers_a_failing_page_with_the_sites_500(client):
    client.raise_request_exception = False
    response = client.get("/fail/")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
