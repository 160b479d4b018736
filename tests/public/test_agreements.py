import datetime

import pytest
from django.urls import reverse

from tests.factories import AgreementFactory, OrganizationFactory
from tests.public.helpers import listed

pytestmark = pytest.mark.django_db

LIST = reverse("agreements:agreement-list")


def test_it_filters_agreements_by_party(fetch):
    party = OrganizationFactory(status="published")
    AgreementFactory(status="published", parties=[party], title="With the party")
    AgreementFactory(status="published", title="Without")
    assert listed(fetch(LIST, party=party.slug)) == ["With the party"]


def test_it_shows_every_field_of_an_agreement(fetch):
    agreement = AgreementFactory(
        status="published",
        title="Cooperation plan on archives",
        kind="plan",
        state="in_force",
        signed_on=datetime.date(2019, 8, 7),
        signed_precision="day",
        signed_place="Moscow",
        period_start=2019,
        period_end=2022,
        party_countries=["RU"],
    )
    html = fetch(agreement.get_absolute_url()).text
    for text in ["Plan", "In force", "7 August 2019", "Moscow", "2019-2022", "Russia"]:
        assert text in html


@pytest.mark.parametrize(
    ("title", "start", "end", "shown"),
    [
        ("Cooperation plan for 2019-2022", 2019, 2022, ""),
        ("Cooperation plan for 2019–2022", 2019, 2022, ""),
        ("Cooperation plan", 2019, 2022, "2019-2022"),
        ("Cooperation plan for 2019", 2019, 2022, "2019-2022"),
        ("Plan for 2021", 2021, None, ""),
        ("Plan of 12021 items", 2021, None, "2021"),
    ],
)
def test_it_names_the_period_only_where_the_title_does_not(title, start, end, shown):
    agreement = AgreementFactory.build(title=title, period_start=start, period_end=end)
    assert agreement.period_beyond_title == shown


def test_it_does_not_repeat_the_period_after_a_title_that_names_it(fetch):
    AgreementFactory(
        status="published", title="Cooperation plan for 2019-2022", period_start=2019, period_end=2022
    )
    AgreementFactory(status="published", title="Exchange programme", period_start=2020, period_end=2021)
    html = fetch(LIST).text
    assert "(2019-2022)" not in html
    assert "(2020-2021)" in html
    home = fetch(reverse("relations:home")).text
    assert "covers 2019-2022" not in home
    assert "covers 2020-2021" in home
