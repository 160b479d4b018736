"""Attacks on the admin's lists: a year or a search the database cannot run is a 400 with the reason,
for the list and its export alike, and the records are still there afterwards."""

import pytest

from agreements.models import Agreement
from people.models import Official
from relations.models import Article, Delegation, Meeting
from tests.admin.helpers import changelist_url
from tests.factories import DelegationFactory

pytestmark = pytest.mark.django_db

MODELS = [Delegation, Meeting, Agreement, Article]


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("year", ["0", "-1", "10000", "abc"])
def test_it_refuses_a_year_out_of_range(super_client, model, year):
    response = super_client.get(changelist_url(model), {"year": year})
    assert response.status_code == 400
    assert "is not a year from 1 to 9999" in response.content.decode()


@pytest.mark.parametrize("model", [Delegation, Official, Article])
def test_it_refuses_a_thousand_word_search(super_client, model):
    response = super_client.get(changelist_url(model), {"q": " ".join("a" * 1000)})
    assert response.status_code == 400
    assert "at most 10 words" in response.content.decode()


def test_it_refuses_a_bad_year_on_the_export_page_too(super_client):
    url = changelist_url(Delegation).replace("/delegation/", "/delegation/export/")
    response = super_client.get(url, {"year": "0"})
    assert response.status_code == 400


def test_it_still_lists_by_a_good_year_and_loses_nothing(super_client):
    DelegationFactory(title="Visit in the year of the test", start_date="2019-08-04")
    super_client.get(changelist_url(Delegation), {"year": "0"})
    response = super_client.get(changelist_url(Delegation), {"year": "2019"})
    assert response.status_code == 200
    assert "Visit in the year of the test" in response.content.decode()
    assert Delegation.objects.count() == 1
