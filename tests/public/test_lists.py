"""What every public list and detail page does, whatever the record type: one table, every type."""

import datetime
from typing import NamedTuple

import pytest
from django.urls import reverse

from tests.factories import (
    AgreementFactory,
    DelegationFactory,
    MeetingFactory,
    OfficialFactory,
    OrganizationFactory,
)
from tests.public.helpers import listed

pytestmark = pytest.mark.django_db
D = datetime.date


class RecordType(NamedTuple):
    factory: type
    list_url: str
    name: str  # the field the list shows the record by


TYPES = {
    "delegations": RecordType(DelegationFactory, "relations:delegation-list", "title"),
    "meetings": RecordType(MeetingFactory, "relations:meeting-list", "title"),
    "officials": RecordType(OfficialFactory, "people:official-list", "name"),
    "organizations": RecordType(OrganizationFactory, "people:organization-list", "name"),
    "agreements": RecordType(AgreementFactory, "agreements:agreement-list", "title"),
}
UNPUBLISHED = ["draft", "review", "archived"]


def make(kind: str, status: str, name: str, /, **fields):
    record_type = TYPES[kind]
    return record_type.factory(status=status, **{record_type.name: name}, **fields)


@pytest.mark.parametrize("status", UNPUBLISHED)
@pytest.mark.parametrize("kind", TYPES)
def test_it_hides_unpublished_records_from_the_list(fetch, kind, status):
    make(kind, status, "Hidden Record Zeta")
    assert "Hidden Record Zeta" not in fetch(reverse(TYPES[kind].list_url)).text


@pytest.mark.parametrize("kind", TYPES)
def test_it_lists_published_records(fetch, kind):
    make(kind, "published", "Shown Record Zeta")
    assert "Shown Record Zeta" in fetch(reverse(TYPES[kind].list_url)).text


@pytest.mark.parametrize("status", UNPUBLISHED)
@pytest.mark.parametrize("kind", TYPES)
def test_it_answers_404_for_an_unpublished_record(client, kind, status):
    assert client.get(make(kind, status, "Hidden Record").get_absolute_url()).status_code == 404


@pytest.mark.parametrize("kind", TYPES)
def test_it_finds_a_record_without_diacritics(fetch, kind):
    wanted = make(kind, "published", "Hiệp định Đặng Thị Ngọc")
    make(kind, "published", "Plan on archives")
    assert listed(fetch(reverse(TYPES[kind].list_url), q="hiep dinh dang thi ngoc")) == [str(wanted)]


#: Sorted by name: the names as made, then as listed (by title where the record has one; accents aside).
BY_NAME = {
    "delegations": (["Charlie", "Alpha", "Bravo"], ["Alpha", "Bravo", "Charlie"]),
    "agreements": (["Protocol", "Agreement", "Memorandum"], ["Agreement", "Memorandum", "Protocol"]),
    "officials": (["Zhukov", "Đặng Văn An", "Anh Tuấn"], ["Anh Tuấn", "Đặng Văn An", "Zhukov"]),
}


@pytest.mark.parametrize("kind", BY_NAME)
def test_it_sorts_by_name(fetch, kind):
    made, shown = BY_NAME[kind]
    for name in made:
        make(kind, "published", name)
    assert listed(fetch(reverse(TYPES[kind].list_url), sort="name")) == shown


#: Sorted by date, oldest first: the later record is made first.
BY_DATE = {
    "delegations": (
        {"start_date": D(2020, 1, 1), "end_date": None},
        {"start_date": D(2001, 1, 1), "end_date": None},
    ),
    "meetings": ({"date": D(2022, 1, 1)}, {"date": D(2015, 1, 1)}),
}


@pytest.mark.parametrize("kind", BY_DATE)
def test_it_sorts_by_date_oldest_first(fetch, kind):
    later, earlier = BY_DATE[kind]
    make(kind, "published", "Later", **later)
    make(kind, "published", "Earlier", **earlier)
    assert listed(fetch(reverse(TYPES[kind].list_url), sort="date")) == ["Earlier", "Later"]


class Filter(NamedTuple):
    """A list's filter on a field of its own: the query, the record it keeps and the one it leaves out."""

    kind: str
    query: dict
    kept: dict
    left: dict


FILTERS = {
    "delegations from a country": Filter(
        "delegations", {"from_country": "RU"}, {"from_country": "RU", "to_country": "VN"}, {}
    ),
    "delegations to a country": Filter(
        "delegations", {"to_country": "RU"}, {}, {"from_country": "RU", "to_country": "VN"}
    ),
    "delegations of a year": Filter(
        "delegations",
        {"year": 2021},
        {"start_date": D(2021, 5, 1), "end_date": None},
        {"start_date": D(2018, 5, 1), "end_date": None},
    ),
    "meetings of a year": Filter(
        "meetings", {"year": 2022}, {"date": D(2022, 1, 1)}, {"date": D(2015, 1, 1)}
    ),
    "agreements in a state": Filter(
        "agreements", {"state": "proposed"}, {"state": "proposed"}, {"state": "signed"}
    ),
    "agreements of a kind": Filter(
        "agreements", {"kind": "treaty"}, {"kind": "treaty"}, {"kind": "memorandum"}
    ),
    "agreements signed in a year": Filter(
        "agreements", {"year": 2016}, {"signed_on": D(2016, 5, 1)}, {"signed_on": D(2021, 5, 1)}
    ),
    "agreements a state is party to": Filter(
        "agreements", {"party_country": "RU"}, {"party_countries": ["VN", "RU"]}, {}
    ),
    "officials of a country": Filter("officials", {"country": "RU"}, {"country": "RU"}, {"country": "VN"}),
    "organizations of a country": Filter(
        "organizations", {"country": "VN"}, {"country": "VN"}, {"country": "RU"}
    ),
    "organizations of a kind": Filter(
        "organizations", {"kind": "parliament"}, {"kind": "parliament"}, {"kind": "ministry"}
    ),
}


@pytest.mark.parametrize("which", FILTERS)
def test_a_filter_keeps_only_the_records_that_match(fetch, which):
    kind, query, kept, left = FILTERS[which]
    make(kind, "published", "Kept Record", **kept)
    make(kind, "published", "Left Record", **left)
    assert listed(fetch(reverse(TYPES[kind].list_url), **query)) == ["Kept Record"]


class Related(NamedTuple):
    """A detail page's related records: the page's type, the listed type, and how one points at the other."""

    owner: str
    listed: str
    #: "field": the listed record's factory takes the page's record as that field;
    #: "owner.field" / "listed.field": the page's record is added to that many-to-many, on that side.
    link: str


RELATED = {
    "a delegation's members": Related("delegations", "officials", "owner.members"),
    "a delegation's meetings": Related("delegations", "meetings", "delegation"),
    "a delegation's agreements": Related("delegations", "agreements", "delegation"),
    "a meeting's agreements": Related("meetings", "agreements", "meeting"),
    "the delegations an official led": Related("officials", "delegations", "head"),
    "the delegations an official joined": Related("officials", "delegations", "listed.members"),
    "an official's meetings": Related("officials", "meetings", "listed.participants"),
    "the agreements an official signed": Related("officials", "agreements", "listed.signatories"),
    "the delegations an organization sent": Related("organizations", "delegations", "sending_body"),
    "the agreements of a party": Related("organizations", "agreements", "listed.parties"),
    "an agreement's parties": Related("agreements", "organizations", "owner.parties"),
    "an agreement's signatories": Related("agreements", "officials", "owner.signatories"),
}


def make_related(related: Related, owner, status: str, name: str):
    side, _, field = related.link.rpartition(".")
    record = make(related.listed, status, name, **({} if side else {field: owner}))
    if side:
        first, second = (owner, record) if side == "owner" else (record, owner)
        getattr(first, field).add(second)
    return record


@pytest.mark.parametrize("which", RELATED)
def test_a_detail_page_lists_only_the_published_related_records(fetch, which):
    related = RELATED[which]
    owner = make(related.owner, "published", "The Page Record")
    for status in ["published", *UNPUBLISHED]:
        make_related(related, owner, status, f"Related Record {status}")
    html = fetch(owner.get_absolute_url()).text
    assert "Related Record published" in html
    for status in UNPUBLISHED:
        assert f"Related Record {status}" not in html


@pytest.mark.parametrize("kind", TYPES)
def test_it_sends_a_form_with_empty_boxes_to_the_address_without_them(client, kind):
    url = reverse(TYPES[kind].list_url)
    response = client.get(url, {"q": "zeta", "year": "", "sort": "", "country": " "})
    assert response.status_code == 302
    assert response["Location"] == f"{url}?q=zeta"
    assert client.get(url, {"year": "", "q": ""})["Location"] == url


@pytest.mark.parametrize("kind", TYPES)
def test_it_answers_a_clean_filter_address_without_sending_it_on(client, kind):
    make(kind, "published", "Shown Record Zeta")
    response = client.get(reverse(TYPES[kind].list_url), {"q": "zeta"})
    assert response.status_code == 200
    assert listed(response) == ["Shown Record Zeta"]
