import csv
import io

import pytest
from django.core.management import call_command

from agreements.resources import AgreementResource
from people.resources import OfficialResource
from relations.resources import ArticleResource, DelegationResource, MeetingResource
from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    DelegationFactory,
    OfficialAliasFactory,
    OfficialFactory,
    OrganizationFactory,
    PositionFactory,
)

pytestmark = pytest.mark.django_db

CONTRACT = {  # the columns reports and the scorer rely on
    "people.resources.OfficialResource": "id,name,aliases,country,titles,organization,"
    "editorial_status,sources",
    "relations.resources.DelegationResource": "id,title,from_country,to_country,head,members,sending_body,"
    "start_date,end_date,location,editorial_status,sources",
    "relations.resources.MeetingResource": "id,date,location,participants,delegation,"
    "editorial_status,sources",
    "agreements.resources.AgreementResource": "id,title,kind,state,signed_on,period,parties,signatories,"
    "editorial_status,sources",
    "relations.resources.ArticleResource": "id,key,title,published_on,date_precision,source_url,needs_review",
}


def export_text(dotted: str) -> str:
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    call_command("export", "CSV", dotted, stdout=out)
    return out.buffer.getvalue().decode("utf-8").lstrip("\ufeff")


def export(dotted: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(export_text(dotted))))


@pytest.mark.parametrize("dotted", CONTRACT)
def test_it_exports_the_contract_header(dotted):
    assert export_text(dotted).splitlines()[0] == CONTRACT[dotted]


def test_it_exports_every_record_whatever_its_status():
    for status in ("draft", "review", "published", "archived"):
        OfficialFactory(status=status)
    assert sorted(r["editorial_status"] for r in export("people.resources.OfficialResource")) == [
        "archived", "draft", "published", "review"
    ]  # fmt: skip


def test_it_joins_multi_valued_cells_and_lists_sources():
    official = OfficialFactory(
        name="Anatoly Seryshev", country="RU", cited_in=[ArticleFactory(key="b"), ArticleFactory(key="a")]
    )
    OfficialAliasFactory(official=official, name="Seryshev")
    OfficialAliasFactory(official=official, name="A. Seryshev")
    PositionFactory(official=official, title="Assistant to the Russian President", organization=None)
    (row,) = export("people.resources.OfficialResource")
    assert row["name"] == "Anatoly Seryshev"
    assert row["aliases"] == "A. Seryshev; Seryshev"
    assert row["country"] == "RU"
    assert row["titles"] == "Assistant to the Russian President"
    assert row["sources"] == "a; b"


def test_it_writes_dates_at_their_precision_and_countries_as_codes():
    import datetime

    members = OfficialFactory.create_batch(2)
    DelegationFactory(
        start_date=datetime.date(2019, 8, 1), start_precision="month", end_date=None, end_precision="",
        from_country="VN", to_country="RU", members=members,
    )  # fmt: skip
    (row,) = export("relations.resources.DelegationResource")
    assert (row["from_country"], row["to_country"], row["start_date"], row["end_date"]) == (
        "VN",
        "RU",
        "2019-08",
        "",
    )
    assert row["members"] == "; ".join(m.name for m in members)


def test_it_writes_agreement_periods_and_parties():
    parties = [
        OrganizationFactory(name="National Archives of Vietnam"),
        OrganizationFactory(name="Federal Archive Agency"),
    ]
    AgreementFactory(period_start=2019, period_end=2022, parties=parties, party_countries=["VN"])
    (row,) = export("agreements.resources.AgreementResource")
    assert row["period"] == "2019-2022"
    assert row["parties"] == "Federal Archive Agency; National Archives of Vietnam; Vietnam"  # by name


def test_it_names_party_states_as_the_source_does():
    AgreementFactory(party_countries=["RU", "VN"], party_country_names={"VN": "Viet Nam"})
    (row,) = export("agreements.resources.AgreementResource")
    assert row["parties"] == "Russia; Viet Nam"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_it_neutralises_formulas_on_export(start):
    OfficialFactory(name=f'{start}HYPERLINK("http://evil")')
    ArticleFactory(title=f"{start}cmd")
    (row,) = export("people.resources.OfficialResource")
    assert row["name"] == f'\'{start}HYPERLINK("http://evil")'
    (article,) = export("relations.resources.ArticleResource")
    assert article["title"] == f"'{start}cmd"


@pytest.mark.parametrize(
    "resource", [OfficialResource, DelegationResource, MeetingResource, AgreementResource, ArticleResource]
)
def test_it_exports_in_a_constant_number_of_queries(resource, django_assert_max_num_queries):
    DelegationFactory.create_batch(3, members=2, cited_in=ArticleFactory())
    AgreementFactory.create_batch(3, parties=2)
    with django_assert_max_num_queries(8):
        resource().export()
