"""The public CSV exports write, byte for byte, what their resources' ``export_resource()`` writes."""

import csv
import datetime
import io
import math
from collections.abc import Callable
from typing import NamedTuple

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch

from agreements import exports as agreement_exports
from agreements.models import Agreement
from agreements.resources import AgreementResource
from people import exports as people_exports
from people.models import Official, Organization, OrganizationAlias, Position
from people.resources import OfficialResource, OrganizationResource
from relations import exports
from relations.editorial import exports as editorial_exports
from relations.models import Citation, Delegation, Meeting
from relations.resources import DelegationResource, MeetingResource
from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    DelegationFactory,
    MeetingFactory,
    OfficialAliasFactory,
    OfficialFactory,
    OrganizationFactory,
    PositionFactory,
)

pytestmark = pytest.mark.django_db
P, D = "published", "draft"


def published_officials():
    return Official.objects.published()


def published_organizations():
    return Organization.objects.published()


class Export(NamedTuple):
    model: type
    resource: type
    relations: list  # the published-only prefetches the resource's cells need
    csv: Callable  # the export under test
    queries_per_chunk: int


EXPORTS = {
    "delegations": Export(
        Delegation,
        DelegationResource,
        [
            Prefetch("head", queryset=published_officials()),
            Prefetch("sending_body", queryset=published_organizations()),
            Prefetch("members", queryset=published_officials()),
        ],
        exports.delegations_csv,
        4,  # rows, member links, their names, sources
    ),
    "meetings": Export(
        Meeting,
        MeetingResource,
        [
            Prefetch("participants", queryset=published_officials()),
            Prefetch("delegation", queryset=Delegation.objects.published()),
        ],
        exports.meetings_csv,
        4,  # rows, participant links, their names, sources
    ),
    "officials": Export(
        Official,
        OfficialResource,
        [
            "aliases",
            Prefetch(
                "positions",
                queryset=Position.objects.prefetch_related(
                    Prefetch("organization", queryset=published_organizations())
                ),
            ),
        ],
        people_exports.officials_csv,
        4,  # rows, aliases, positions with their organizations, sources
    ),
    "organizations": Export(
        Organization,
        OrganizationResource,
        ["aliases", Prefetch("parent", queryset=published_organizations())],
        people_exports.organizations_csv,
        3,  # rows, aliases, sources
    ),
    "agreements": Export(
        Agreement,
        AgreementResource,
        [
            Prefetch("parties", queryset=published_organizations()),
            Prefetch("signatories", queryset=published_officials()),
        ],
        agreement_exports.agreements_csv,
        6,  # rows, sources, and links and names of parties and signatories
    ),
}


def resource_csv(queryset, resource) -> bytes:
    """The resource's own cells for model instances, neutralised, under its header and a BOM."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([editorial_exports.neutralise(h) for h in resource.get_export_headers()])
    for obj in queryset:
        writer.writerow([editorial_exports.neutralise(cell) for cell in resource.export_resource(obj)])
    return (editorial_exports.BOM + out.getvalue()).encode()


def fast_csv(name: str, queryset, *, chunk_size: int) -> bytes:
    response = EXPORTS[name].csv(queryset, chunk_size=chunk_size)
    return b"".join(response.streaming_content)


def both(name: str, queryset, *, chunk_size: int = 2) -> tuple[bytes, bytes]:
    export = EXPORTS[name]
    reference = resource_csv(queryset.with_sources().prefetch_related(*export.relations), export.resource())
    return fast_csv(name, queryset, chunk_size=chunk_size), reference


def cite(record, *articles) -> None:
    """Cite each article twice in different sentences: the sources column names it once."""
    content_type = ContentType.objects.get_for_model(record)
    for article in articles:
        for start, end in ((0, 5), (6, 12)):
            Citation.objects.create(
                article=article,
                content_type=content_type,
                object_id=record.pk,
                quote="x",
                start=start,
                end=end,
            )


@pytest.fixture
def world():
    """Published and draft records linked every way, with partial dates and cells that look like formulas."""
    articles = [ArticleFactory(key=key) for key in ("b-article", "=a-article", "c-article")]
    officials = [
        OfficialFactory(status=P, name="Phạm Minh Chính", country="VN"),
        OfficialFactory(status=P, name='=HYPERLINK("x")', country="RU"),
        OfficialFactory(status=P, name="Đặng Thị Ngọc Thịnh", country=""),
        OfficialFactory(status=P, name="@Sergey Lavrov", country="RU"),
        OfficialFactory(status=P, name="Bùi Thanh Sơn", country="VN"),
    ]
    drafts = [OfficialFactory(status=D, name="Draft Person"), OfficialFactory(status="review", name="Review")]
    parent = OrganizationFactory(status=P, name="Government of Việt Nam", acronym="GOV")
    organizations = [
        OrganizationFactory(status=P, name="Ministry of Foreign Affairs", acronym="MOFA", parent=parent),
        OrganizationFactory(status=P, name="-Minus Committee", country="RU", kind="parliament"),
        OrganizationFactory(
            status=P, name="State Duma", acronym="", country="", parent=OrganizationFactory(status=D)
        ),
    ]
    draft_org = OrganizationFactory(status=D, name="Draft Ministry")
    for org, names in ((organizations[0], ["MFA", "=Bộ Ngoại giao"]), (draft_org, ["Hidden"])):
        for alias in names:
            OrganizationAlias.objects.create(organization=org, name=alias)
    for official, names in ((officials[0], ["Pham Minh Chinh", "+Chinh"]), (drafts[0], ["Draftie"])):
        for alias in names:
            OfficialAliasFactory(official=official, name=alias)
    PositionFactory(official=officials[0], title="Prime Minister", organization=parent,
                    last_seen=datetime.date(2024, 1, 1))  # fmt: skip
    PositionFactory(official=officials[0], title="=Secretary", organization=draft_org,
                    last_seen=datetime.date(2023, 1, 1))  # fmt: skip
    PositionFactory(official=officials[0], title="Deputy", organization=None, last_seen=None)
    PositionFactory(official=officials[3], title="Minister", organization=organizations[1],
                    last_seen=datetime.date(2022, 5, 1))  # fmt: skip
    dates = [
        (datetime.date(2019, 8, 4), "day", datetime.date(2019, 8, 10), "day"),
        (datetime.date(2019, 8, 1), "month", None, ""),
        (datetime.date(2018, 1, 1), "year", datetime.date(2018, 3, 1), "month"),
        (None, "", None, ""),
        (datetime.date(2019, 8, 4), "day", None, ""),
    ]
    heads = [officials[0], drafts[0], None, officials[3], drafts[1], officials[1], officials[2]]
    bodies = [organizations[0], draft_org, None, organizations[1]]
    titles = ["", "=Visit", "", "Visit of 2019 - working", "", "+plus", ""]
    delegations = []
    for i, head in enumerate(heads):
        start, start_precision, end, end_precision = dates[i % len(dates)]
        delegation = DelegationFactory(
            status=P, title=titles[i], head=head, sending_body=bodies[i % len(bodies)],
            from_country=("VN", "RU")[i % 2], to_country=("RU", "VN")[i % 2],
            start_date=start, start_precision=start_precision, end_date=end, end_precision=end_precision,
            place=["Moscow", "@Hà Nội", ""][i % 3],
        )  # fmt: skip
        delegation.members.add(*[officials[(i + k) % 5] for k in range(i % 4)], drafts[i % 2])
        cite(delegation, *articles[: i % 4])
        delegations.append(delegation)
    DelegationFactory(status=D, title="Draft visit", head=officials[0])
    for i in range(6):
        start, precision, _, _ = dates[i % len(dates)]
        meeting = MeetingFactory(
            status=P, date=start, date_precision=precision, place=["Sochi", "=cmd", ""][i % 3],
            delegation=[delegations[i], DelegationFactory(status=D), None][i % 3],
            participants=[*officials[i % 3 : i % 3 + 3], drafts[0]],
        )  # fmt: skip
        cite(meeting, *articles[: i % 4])
    MeetingFactory(status=D, place="Hidden")
    periods = [(2019, 2022), (2020, 2020), (2021, None), (None, None), (None, 2030)]
    for i in range(6):
        start, precision, _, _ = dates[i % len(dates)]
        agreement = AgreementFactory(
            status=P, title=["Treaty", "=Plan", "Memorandum"][i % 3], kind=["treaty", "plan"][i % 2],
            state=["signed", "proposed"][i % 2], signed_on=start, signed_precision=precision,
            period_start=periods[i % 5][0], period_end=periods[i % 5][1],
            party_countries=[["VN", "RU"], [], ["RU"]][i % 3],
            parties=[organizations[i % 3], draft_org, parent],
        )  # fmt: skip
        agreement.signatories.add(officials[i % 5], officials[(i + 2) % 5], drafts[0])
        cite(agreement, *articles[: i % 4])
    AgreementFactory(status=D, title="Draft plan")
    for record in [*officials, parent, *organizations]:
        cite(record, *articles[: record.pk % 4])


@pytest.mark.parametrize("name", EXPORTS)
def test_it_writes_what_the_resource_writes(world, name):
    queryset = EXPORTS[name].model.objects.published()
    fast, reference = both(name, queryset)
    assert fast == reference
    assert fast.count(b"\r\n") == queryset.count() + 1


@pytest.mark.parametrize("name", EXPORTS)
def test_it_keeps_the_filters_and_the_order_of_the_list(world, name):
    model = EXPORTS[name].model
    first = model.objects.published().first()
    queryset = model.objects.published().exclude(pk=first.pk).order_by("-created_at", "-pk")
    fast, reference = both(name, queryset, chunk_size=3)
    assert fast == reference
    assert fast.count(b"\r\n") == queryset.count() + 1


@pytest.mark.parametrize("name", EXPORTS)
def test_it_writes_the_header_alone_for_nothing(name):
    fast, reference = both(name, EXPORTS[name].model.objects.none())
    assert fast == reference


@pytest.mark.parametrize("name", EXPORTS)
def test_it_runs_a_fixed_number_of_queries_per_chunk(world, django_assert_num_queries, name):
    model, per_chunk = EXPORTS[name].model, EXPORTS[name].queries_per_chunk
    queryset = model.objects.published()
    ContentType.objects.get_for_model(model)
    chunks = math.ceil(queryset.count() / 2)
    with django_assert_num_queries(1 + per_chunk * chunks):  # the primary keys, then per chunk
        fast_csv(name, queryset, chunk_size=2)


def test_it_reads_many_rows_in_as_many_queries_as_one(django_assert_num_queries):
    queryset = Delegation.objects.published()
    DelegationFactory(status=P, members=2, cited_in=ArticleFactory())
    with django_assert_num_queries(1 + 4):
        fast_csv("delegations", queryset, chunk_size=100)
    for _ in range(20):
        DelegationFactory(status=P, members=3, cited_in=ArticleFactory.create_batch(2))
    with django_assert_num_queries(1 + 4):
        assert fast_csv("delegations", queryset, chunk_size=100).count(b"\r\n") == 22
