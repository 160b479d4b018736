import datetime

import pytest
from django.urls import reverse

from tests.factories import (
    OfficialAliasFactory,
    OfficialFactory,
    OrganizationFactory,
    PositionFactory,
)
from tests.public.helpers import listed

pytestmark = pytest.mark.django_db

OFFICIALS = reverse("people:official-list")
ORGANIZATIONS = reverse("people:organization-list")


# Officials


def test_it_finds_an_official_by_an_alias(fetch):
    official = OfficialFactory(status="published", name="Lê Vĩnh Tân")
    OfficialAliasFactory(official=official, name="Le Vinh Tan Minister")
    official.reindex()
    assert listed(fetch(OFFICIALS, q="tan minister")) == ["Lê Vĩnh Tân"]


def test_it_filters_officials_by_organization(fetch):
    ministry = OrganizationFactory(status="published")
    PositionFactory(official=OfficialFactory(status="published", name="Inside"), organization=ministry)
    PositionFactory(official=OfficialFactory(status="published", name="Outside"))
    assert listed(fetch(OFFICIALS, organization=ministry.slug)) == ["Inside"]


def test_it_shows_an_officials_positions_over_time(fetch):
    official = OfficialFactory(status="published")
    kw = {"official": official, "organization": None}
    PositionFactory(**kw, title="Deputy Minister", last_seen=datetime.date(2015, 1, 1))
    PositionFactory(**kw, title="Minister", last_seen=datetime.date(2019, 1, 1))
    html = fetch(official.get_absolute_url()).text
    assert html.index(">Minister</p>") < html.index(">Deputy Minister</p>")


def test_it_hides_a_draft_organization_in_a_position(fetch):
    official = OfficialFactory(status="published")
    PositionFactory(official=official, organization=OrganizationFactory(status="draft", name="Draft Bureau"))
    assert "Draft Bureau" not in fetch(official.get_absolute_url()).text


# Organizations


def test_it_lists_the_published_people_of_an_organization(fetch):
    ministry = OrganizationFactory(status="published")
    PositionFactory(
        organization=ministry, official=OfficialFactory(status="published", name="Known Minister")
    )
    PositionFactory(organization=ministry, official=OfficialFactory(status="draft", name="Draft Deputy"))
    html = fetch(ministry.get_absolute_url()).text
    assert "Known Minister" in html
    assert "Draft Deputy" not in html


def test_it_hides_a_draft_parent_organization(fetch):
    parent = OrganizationFactory(status="draft", name="Draft Parent Body")
    child = OrganizationFactory(status="published", parent=parent)
    assert "Draft Parent Body" not in fetch(child.get_absolute_url()).text
    assert "Draft Parent Body" not in fetch(ORGANIZATIONS).text
