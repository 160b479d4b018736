"""Attacks on the public lists and exports: every refused filter is a 400 with its reason, before any query
for the list runs or any CSV header is sent, and nothing unpublished comes out of it."""

import pytest
from django.urls import reverse

from tests.factories import DelegationFactory

pytestmark = pytest.mark.django_db

LISTS = ["relations:delegation-list", "relations:meeting-list", "agreements:agreement-list"]
EXPORTS = ["relations:delegation-export", "relations:meeting-export", "agreements:agreement-export"]
BAD = [
    ({"year": "0"}, "Year"),
    ({"year": "-1"}, "Year"),
    ({"year": "10000"}, "Year"),
    ({"year": "1.5"}, "Year"),
    ({"q": " ".join("a" * 1000)}, "at most 10 words"),
    ({"q": "x" * 201}, "at most 200 characters"),
]


@pytest.mark.parametrize("url", LISTS)
@pytest.mark.parametrize(("params", "reason"), BAD)
def test_it_refuses_a_bad_filter_with_400_and_its_reason(client, url, params, reason):
    response = client.get(reverse(url), params)
    assert response.status_code == 400
    assert reason in response.content.decode()


@pytest.mark.parametrize("params", [{"date_from": "2024-13-45"}, {"date_to": "yesterday"}])
def test_it_refuses_a_malformed_date(client, params):
    response = client.get(reverse("relations:delegation-list"), params)
    assert response.status_code == 400
    assert "Enter a valid date" in response.content.decode()


def test_it_runs_no_query_for_the_list_of_a_refused_filter(client, django_assert_max_num_queries):
    DelegationFactory.create_batch(3, status="published", title="Visit of the trade minister")
    with django_assert_max_num_queries(2):  # the session and the like at most: no count, no rows
        response = client.get(reverse("relations:delegation-list"), {"year": "0"})
    assert response.status_code == 400
    assert "Visit of the trade minister" not in response.content.decode()


@pytest.mark.parametrize("page", ["abc", "0", "-1", "1e3"])
def test_it_refuses_a_page_that_is_not_a_number_with_400(client, page):
    DelegationFactory(status="published", title="Visit of the foreign minister")
    response = client.get(reverse("relations:delegation-list"), {"page": page})
    assert response.status_code == 400
    assert "is not a page number" in response.content.decode()


def test_it_answers_a_page_past_the_end_with_404(client):
    DelegationFactory(status="published")
    assert client.get(reverse("relations:delegation-list"), {"page": "99"}).status_code == 404


@pytest.mark.parametrize("url", EXPORTS)
@pytest.mark.parametrize(("params", "reason"), BAD)
def test_it_refuses_a_bad_export_before_any_header(client, url, params, reason):
    response = client.get(reverse(url), params)
    assert response.status_code == 400
    assert not response.streaming
    body = response.content.decode()
    assert body.startswith("The export was refused:")
    assert reason in body
    assert "editorial_status" not in body and "\ufeff" not in body


def test_it_still_filters_a_good_year(client):
    DelegationFactory(status="published", start_date="2019-08-07", title="Visit in twenty-nineteen")
    DelegationFactory(
        status="published", start_date="2021-03-01", end_date=None, title="Visit in twenty-twenty-one"
    )
    DelegationFactory(status="draft", start_date="2019-05-05", title="Draft visit in twenty-nineteen")
    page = client.get(reverse("relations:delegation-list"), {"year": "2019"}).content.decode()
    assert "Visit in twenty-nineteen" in page
    assert "twenty-twenty-one" not in page and "Draft visit" not in page
