"""What every public list and detail page does, whatever the record type: one table, every type."""

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

pytestmark = pytest.mark.django_db


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


def make(kind: str, status: str, name: str):
    record_type = TYPES[kind]
    return record_type.factory(status=status, **{record_type.name: name})


def listed(response) -> list[str]:
    return [str(record) for record in response.context["object_list"]]


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
