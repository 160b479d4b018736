import csv
import io
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from agreements.resources import AgreementResource
from people.resources import OfficialResource, OrganizationResource
from relations.editorial import exports
from relations.models import Delegation
from relations.resources import DelegationResource, MeetingResource
from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    DelegationFactory,
    MeetingFactory,
    OfficialFactory,
    OrganizationFactory,
)

pytestmark = pytest.mark.django_db

DELEGATIONS = reverse("relations:delegation-export")


def rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.text.removeprefix("\ufeff"))))


def column(response, name: str) -> list[str]:
    header, *body = rows(response)
    return [row[header.index(name)] for row in body]


def test_it_streams_the_export(client):
    assert isinstance(client.get(DELEGATIONS), StreamingHttpResponse)


def test_it_starts_with_a_byte_order_mark(client):
    DelegationFactory(status="published")
    body = b"".join(client.get(DELEGATIONS).streaming_content)
    assert body.startswith(b"\xef\xbb\xbfid,title,")


def test_it_sends_csv_as_an_attachment(client):
    response = client.get(DELEGATIONS)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="delegations-')


@pytest.mark.parametrize(
    ("name", "resource"),
    [
        ("relations:delegation-export", DelegationResource),
        ("relations:meeting-export", MeetingResource),
        ("agreements:agreement-export", AgreementResource),
        ("people:official-export", OfficialResource),
        ("people:organization-export", OrganizationResource),
    ],
)
def test_it_exports_the_columns_of_the_contract_resource_then_the_url(fetch, name, resource):
    assert rows(fetch(reverse(name)))[0] == [*resource().get_export_headers(), "url"]


def test_it_gives_each_row_its_permanent_address(fetch):
    delegation = DelegationFactory(status="published")
    assert column(fetch(DELEGATIONS), "url") == [f"http://testserver{delegation.get_absolute_url()}"]


def test_it_names_the_file_after_its_filters(client):
    response = client.get(DELEGATIONS, {"from_country": "VN", "year": "2019", "q": "", "official": "Lê Tân"})
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="delegations-from-vn-year-2019-official-le-tan-')


def test_it_names_an_unfiltered_file_after_its_records_only(client):
    response = client.get(DELEGATIONS, {"q": "", "sort": "-date"})
    assert re.match(
        r'attachment; filename="delegations-\d{4}-\d{2}-\d{2}\.csv"', response["Content-Disposition"]
    )


def test_it_keeps_vietnamese_diacritics(fetch):
    DelegationFactory(status="published", head=OfficialFactory(status="published", name="Phạm Minh Chính"))
    assert column(fetch(DELEGATIONS), "head") == ["Phạm Minh Chính"]


@pytest.mark.parametrize("prefix", ["=", "+", "-", "@", "\t", "\r"])
def test_it_neutralises_formula_cells(fetch, prefix):
    DelegationFactory(status="published", title=f'{prefix}HYPERLINK("http://evil.example")')
    assert column(fetch(DELEGATIONS), "title") == [f'\'{prefix}HYPERLINK("http://evil.example")']


def test_it_leaves_ordinary_cells_alone(fetch):
    DelegationFactory(status="published", title="Visit of 2019 - working")
    assert column(fetch(DELEGATIONS), "title") == ["Visit of 2019 - working"]


@pytest.mark.parametrize("status", ["draft", "review", "archived"])
def test_it_leaves_unpublished_records_out(fetch, status):
    DelegationFactory(status="published", title="Published visit")
    DelegationFactory(status=status, title="Unpublished visit")
    assert column(fetch(DELEGATIONS), "title") == ["Published visit"]


def test_it_applies_the_list_filters(fetch):
    DelegationFactory(status="published", from_country="RU", to_country="VN", title="Russian visit")
    DelegationFactory(status="published", from_country="VN", to_country="RU", title="Vietnamese visit")
    assert column(fetch(DELEGATIONS, from_country="RU"), "title") == ["Russian visit"]


def test_it_applies_the_search(fetch):
    DelegationFactory(status="published", place="Đà Nẵng", title="Visit to the coast")
    DelegationFactory(status="published", place="Moscow", title="Visit to the capital")
    assert column(fetch(DELEGATIONS, q="da nang"), "title") == ["Visit to the coast"]


def test_it_exports_every_page_not_just_the_first(fetch):
    DelegationFactory.create_batch(30, status="published")
    assert len(rows(fetch(DELEGATIONS, page=2))) == 31


def test_it_refuses_invalid_filters_before_the_header(client):
    DelegationFactory(status="published")
    response = client.get(DELEGATIONS, {"year": "not-a-year"})
    assert response.status_code == 400 and not response.streaming
    assert "Year: Enter a whole number." in response.content.decode()


def test_it_leaves_draft_members_out_of_the_members_column(fetch):
    delegation = DelegationFactory(status="published")
    delegation.members.add(
        OfficialFactory(status="published", name="Public Member"),
        OfficialFactory(status="draft", name="Draft Member"),
    )
    assert column(fetch(DELEGATIONS), "members") == ["Public Member"]


def test_it_leaves_a_draft_head_out(fetch):
    DelegationFactory(status="published", head=OfficialFactory(status="draft", name="Draft Head"))
    assert column(fetch(DELEGATIONS), "head") == [""]


def test_it_lists_the_source_articles(fetch):
    DelegationFactory(
        status="published", cited_in=[ArticleFactory(key="b-article"), ArticleFactory(key="a-article")]
    )
    assert column(fetch(DELEGATIONS), "sources") == ["a-article; b-article"]


def test_it_exports_filtered_meetings(fetch):
    official = OfficialFactory(status="published", name="Sergey Lavrov")
    MeetingFactory(status="published", participants=[official], place="Sochi")
    MeetingFactory(status="published", place="Hanoi")
    assert column(fetch(reverse("relations:meeting-export"), official=official.slug), "location") == ["Sochi"]


def test_it_exports_filtered_agreements(fetch):
    AgreementFactory(status="published", state="proposed", title="Proposed plan")
    AgreementFactory(status="published", state="signed", title="Signed plan")
    AgreementFactory(status="draft", state="proposed", title="Draft plan")
    assert column(fetch(reverse("agreements:agreement-export"), state="proposed"), "title") == [
        "Proposed plan"
    ]


def test_it_exports_filtered_officials(fetch):
    OfficialFactory(status="published", name="Sergey Lavrov", country="RU")
    OfficialFactory(status="published", name="Bùi Thanh Sơn", country="VN")
    assert column(fetch(reverse("people:official-export"), country="VN"), "name") == ["Bùi Thanh Sơn"]


def test_it_exports_filtered_organizations(fetch):
    OrganizationFactory(status="published", name="State Duma", kind="parliament")
    OrganizationFactory(status="published", name="Ministry of Finance", kind="ministry")
    assert column(fetch(reverse("people:organization-export"), kind="parliament"), "name") == ["State Duma"]


def test_it_reads_the_rows_a_chunk_at_a_time(client, monkeypatch):
    """Queries grow with the number of chunks, not of rows: memory holds one chunk, not the whole table."""
    monkeypatch.setattr(exports, "CHUNK_SIZE", 10)
    DelegationFactory.create_batch(30, status="published", members=1)
    ContentType.objects.get_for_model(Delegation)  # cached, as on any request after the first
    response = client.get(DELEGATIONS)
    with CaptureQueriesContext(connection) as ctx:
        lines = list(response.streaming_content)
    per_chunk = 4  # the rows' columns, their members' links and names, their sources
    assert (len(lines), len(ctx.captured_queries)) == (31, 1 + 3 * per_chunk)  # 1: the primary keys
