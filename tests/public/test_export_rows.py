"""Each report writes, byte for byte, the cells read the slow way: from model instances and their Prefetches.

The public CSV reads published relations only, the resources' export (admin, ``manage.py export``) every
related record; both are one report's rows (``relations.editorial.exports.Report``).
"""

import csv
import datetime
import io
import math
from collections.abc import Callable
from typing import NamedTuple

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, Prefetch

from agreements.exports import AgreementReport
from agreements.models import Agreement
from agreements.resources import AgreementResource
from people.exports import OfficialReport, OrganizationReport
from people.models import Official, Organization, OrganizationAlias, Position
from people.resources import OfficialResource, OrganizationResource
from relations.editorial.exports import BOM, join, neutralise
from relations.editorial.vocabulary import format_partial
from relations.exports import DelegationReport, MeetingReport
from relations.models import Citation, Delegation, Meeting
from relations.resources import DelegationResource, MeetingResource
from relations.scale.baseline import InstanceDelegationResource
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


def name(record) -> str:
    return record.name if record else ""


def sources(obj) -> str:
    return join(sorted({c.article.key for c in obj.citations.all()}))


# The cells of each report, read from an instance whose relations were prefetched (published-only or not).
def delegation_cells(d):
    return [
        d.pk, str(d), d.from_country.code, d.to_country.code, name(d.head),
        join(m.name for m in d.members.all()), name(d.sending_body),
        format_partial(d.start_date, d.start_precision), format_partial(d.end_date, d.end_precision), d.place,
    ]  # fmt: skip


def meeting_cells(m):
    participants = join(p.name for p in m.participants.all())
    return [m.pk, format_partial(m.date, m.date_precision), m.place, participants, str(m.delegation or "")]


def official_cells(o):
    positions = o.positions.all()
    organizations = join(p.organization.name for p in positions if p.organization)
    return [
        o.pk, o.name, join(a.name for a in o.aliases.all()), o.country.code or "",
        join(p.title for p in positions), organizations,
    ]  # fmt: skip


def organization_cells(o):
    aliases = join(a.name for a in o.aliases.all())
    return [o.pk, o.name, o.acronym, o.country.code or "", o.kind, name(o.parent), aliases]


def agreement_cells(a):
    parties = join([*(p.name for p in a.parties.all()), *(c.name for c in a.party_countries)])
    return [
        a.pk, a.title, a.kind, a.state, format_partial(a.signed_on, a.signed_precision), a.period, parties,
        join(s.name for s in a.signatories.all()),
    ]  # fmt: skip


class Export(NamedTuple):
    model: type
    report: type
    resource: type
    cells: Callable
    relations: Callable[[bool], list]  # the prefetches the cells need, published-only or not
    queries_per_chunk: int


def related(published_only: bool, model) -> object:
    return model.objects.published() if published_only else model.objects.all()


def prefetching(**models) -> Callable[[bool], list]:
    """The prefetch of each relation named (``field=Model``), of published records only or of all."""
    return lambda p: [Prefetch(field, queryset=related(p, model)) for field, model in models.items()]


EXPORTS = {
    "delegations": Export(
        Delegation, DelegationReport, DelegationResource, delegation_cells,
        prefetching(head=Official, sending_body=Organization, members=Official),
        4,  # rows, member links, their names, sources
    ),
    "meetings": Export(
        Meeting, MeetingReport, MeetingResource, meeting_cells,
        prefetching(participants=Official, delegation=Delegation),
        4,  # rows, participant links, their names, sources
    ),
    "officials": Export(
        Official, OfficialReport, OfficialResource, official_cells,
        lambda p: [
            "aliases",
            Prefetch(
                "positions",
                queryset=Position.objects.prefetch_related(
                    Prefetch("organization", queryset=related(p, Organization))
                ),
            ),
        ],
        4,  # rows, aliases, positions with their organizations, sources
    ),
    "organizations": Export(
        Organization, OrganizationReport, OrganizationResource, organization_cells,
        lambda p: ["aliases", Prefetch("parent", queryset=related(p, Organization))],
        3,  # rows, aliases, sources
    ),
    "agreements": Export(
        Agreement, AgreementReport, AgreementResource, agreement_cells,
        prefetching(parties=Organization, signatories=Official),
        6,  # rows, sources, and links and names of parties and signatories
    ),
}  # fmt: skip


def reference_csv(name: str, queryset, *, published_only: bool) -> bytes:
    """The cells read from instances, neutralised, under the report's header and a BOM."""
    export = EXPORTS[name]
    queryset = queryset.with_sources().prefetch_related(*export.relations(published_only))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([neutralise(h) for h in export.report.header])
    for obj in queryset:
        writer.writerow([neutralise(c) for c in [*export.cells(obj), obj.status, sources(obj)]])
    return (BOM + out.getvalue()).encode()


def fast_csv(name: str, queryset, *, chunk_size: int) -> bytes:
    response = EXPORTS[name].report().response(queryset, chunk_size=chunk_size)
    return b"".join(response.streaming_content)


def both(name: str, queryset, *, chunk_size: int = 2) -> tuple[bytes, bytes]:
    return fast_csv(name, queryset, chunk_size=chunk_size), reference_csv(name, queryset, published_only=True)


def resource_csv(name: str, queryset) -> bytes:
    """What the admin and ``manage.py export`` write: the resource's dataset as CSV."""
    return (BOM + EXPORTS[name].resource().export(queryset).csv).encode()


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
def test_the_resource_writes_every_record_and_every_related_record(world, name):
    queryset = EXPORTS[name].model.objects.order_by("pk")
    exported = resource_csv(name, queryset)
    assert exported == reference_csv(name, queryset, published_only=False)
    assert exported.count(b"\r\n") == queryset.count() + 1


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


@pytest.mark.parametrize("name", EXPORTS)
def test_its_rows_build_no_model_instance(world, name, monkeypatch):
    """A cell building an instance per row (``str(Delegation(...))``) made the exports 3-4 times slower."""
    queryset = EXPORTS[name].model.objects.published()
    ContentType.objects.get_for_model(EXPORTS[name].model)
    built = []
    original = Model.__init__

    def counting(self, *args, **kwargs):
        built.append(type(self).__name__)
        original(self, *args, **kwargs)

    monkeypatch.setattr(Model, "__init__", counting)
    for report in (EXPORTS[name].report(), EXPORTS[name].report(published_only=False)):
        assert sum(1 for _ in report.rows(queryset)) == queryset.count()
    assert built == []


def test_the_benchmark_baseline_writes_what_the_resource_writes(world):
    """``csv_export_speedup`` compares the report with django-import-export reading instances: one file."""
    for queryset in (Delegation.objects.order_by("pk"), Delegation.objects.for_public_list()):
        ours = DelegationResource().export(queryset)
        assert InstanceDelegationResource().export(queryset).csv == ours.csv
        assert len(ours) == queryset.count()
