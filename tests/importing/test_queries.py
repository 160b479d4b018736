"""An imported article costs a constant number of queries: not one more for a database that holds many
records, nor for the records it matches there."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from agreements.models import Agreement
from people.models import Official, OfficialAlias, Position
from relations.editorial.models import SlugPool
from relations.importing.batch import WriteBatch
from relations.importing.proposals import (
    AgreementProposal,
    DelegationProposal,
    Evidence,
    Extraction,
    MeetingProposal,
    OfficialProposal,
    OrganizationProposal,
    PartialDate,
)
from relations.importing.reading import ArticleFile
from relations.importing.resolving import Resolver
from relations.importing.writing import ArticleWriter
from relations.models import Article, Citation, Delegation, Meeting
from tests.factories import AgreementFactory, DelegationFactory, MeetingFactory, OfficialFactory

pytestmark = pytest.mark.django_db

#: The queries of one more new article (see ``article``) in a batch the importer writes together
#: (``write``): the known official read (1) and saved with a new flag (1) and his history (2: what it
#: follows, his aliases and positions, read; the batch writes the revision and its versions), his positions
#: read (1) and the one he holds again seen later (1), and his earlier visits near that date (1).
#: Everything the article adds (the article, the new organization, official, visit, meeting and agreement
#: with their slugs, aliases, links, positions, citations and history) is written with the batch's. (A
#: record whose history holds rows an earlier article of the batch added, an official's aliases or
#: positions, writes the batch first.)
QUERIES_PER_ARTICLE = 7
#: What a batch costs besides, however many articles it holds: its savepoint and release (2), the slugs
#: taken under the names of its new records (5: one statement per model), the first free key of each
#: table it adds records to (7: the articles, organizations, officials, visits, meetings, agreements and
#: revisions), one INSERT per table (15: the articles, organizations, officials, visits, meetings,
#: agreements, aliases, positions, members, participants, parties, signatories, citations, revisions and
#: versions) and the publication version (1). Read once a run instead: the resolver's names, a period's
#: agreement titles.
QUERIES_PER_BATCH = 30


def article(n: int) -> tuple[ArticleFile, Extraction]:
    text = f"Report {n}. Le Vinh Tan led a visit. He met Ivan Petrov {n}. They signed plan {n}.\n"
    ev = [Evidence(0, len(text) - 1, ("name",))]
    day = PartialDate(2021, 2 * n, 10)  # two months apart: another visit
    extraction = Extraction(
        title=f"Report {n}",
        date=day,
        organizations=[
            OrganizationProposal(key="org", name=f"Ministry of Works {n}", country="VN", evidence=ev)
        ],
        officials=[
            OfficialProposal(
                key="tan",
                name="Le Vinh Tan",
                country="VN",
                titles=["Envoy"],
                flags=[f"seen in {n}"],
                evidence=ev,
            ),
            OfficialProposal(
                key="ivan",
                name=f"Ivan Petrov {n}",
                aliases=[f"Petrov {n}"],
                country="RU",
                titles=["Minister"],
                organization="org",
                evidence=ev,
            ),
        ],  # fmt: skip
        delegations=[
            DelegationProposal(
                key="d",
                from_country="VN",
                to_country=["RU", "LA", "CN", "TH", "KH", "JP"][n],  # a title, and so a slug, of its own
                head="tan",
                members=["ivan"],
                sending_body="org",
                start=day,
                evidence=ev,
            )
        ],  # fmt: skip
        meetings=[
            MeetingProposal(key="m", date=day, participants=["tan", "ivan"], delegation="d", evidence=ev)
        ],
        agreements=[
            AgreementProposal(
                key="a",
                title=f"Plan {n}",
                period_start=2021,
                period_end=2025,
                parties=["org"],
                signatories=["tan", "ivan"],
                meeting="m",
                evidence=ev,
            )
        ],  # fmt: skip
    )
    return ArticleFile(key=f"report-{n}", name=f"report-{n}.txt", text=text), extraction


def fill(n: int) -> None:
    """What a busy database holds besides: officials, the known official's other visits and meetings,
    agreements of the same period."""
    tan = Official.objects.get(name="Le Vinh Tan")
    others = OfficialFactory.create_batch(n)
    for i, official in enumerate(others):
        DelegationFactory(head=tan if i % 2 else official, start_date=datetime.date(2000 + i % 20, 1, 1))
        MeetingFactory(participants=[tan, official], date=datetime.date(2021, 3, 1 + i % 28))
        AgreementFactory(title=f"Other plan {i}", period_start=2021, period_end=2025)


def write(resolver, slugs, numbers: list[int]):
    """Articles as the importer writes a batch of them: their rows and history at the end."""
    batch = WriteBatch()
    with transaction.atomic():
        for n in numbers:
            history = f"Re-imported from report-{n}.txt"
            outcome = ArticleWriter(resolver, slugs=slugs, batch=batch, history=history).write(
                *article(n), None
            )
        batch.flush()
    return outcome


@pytest.mark.parametrize("others", [0, 40])
@pytest.mark.parametrize("articles", [1, 3])
def test_an_article_costs_the_same_queries_on_a_full_database(others, articles, django_assert_num_queries):
    OfficialFactory(name="Le Vinh Tan", country="VN")
    if others:
        fill(others)
    resolver, slugs = Resolver.load(), SlugPool()
    ContentType.objects.get_for_models(Official, OfficialAlias, Position)  # cached after a run's first
    write(resolver, slugs, [1])  # the run's first article loads what a run reads once
    with django_assert_num_queries(QUERIES_PER_BATCH + articles * QUERIES_PER_ARTICLE):
        outcome = write(resolver, slugs, list(range(2, 2 + articles)))
    if articles > 1:
        return  # what the last article wrote is checked below for a batch of one
    assert outcome.created == {
        "organizations": 1,
        "officials": 1,
        "delegations": 1,
        "meetings": 1,
        "agreements": 1,
    }
    assert outcome.matched == {"officials": 1}
    # Everything arrived, linked as the article says.
    delegation = Delegation.objects.get(citations__article__key="report-2")
    ivan = Official.objects.get(name="Ivan Petrov 2")
    assert (delegation.head.name, list(delegation.members.all())) == ("Le Vinh Tan", [ivan])
    assert delegation.imported_values["members"] == [ivan.pk]
    meeting = Meeting.objects.get(citations__article__key="report-2")
    assert set(meeting.participants.values_list("name", flat=True)) == {"Le Vinh Tan", "Ivan Petrov 2"}
    agreement = Agreement.objects.get(title="Plan 2")
    assert agreement.meeting == meeting and agreement.parties.get().name == "Ministry of Works 2"
    assert set(ivan.aliases.values_list("name", flat=True)) == {"Petrov 2"}
    position = Position.objects.get(official__name="Le Vinh Tan")
    assert (position.title, position.first_seen, position.last_seen) == (
        "Envoy",
        datetime.date(2021, 2, 10),
        datetime.date(2021, 4, 10),
    )
    assert Official.objects.get(name="Le Vinh Tan").flags == ["seen in 1", "seen in 2"]
    assert Citation.objects.filter(article=Article.objects.get(key="report-2")).count() == 6
    slugs_taken = [r.slug for r in (delegation, meeting, agreement, ivan)]
    assert all(slugs_taken) and len(set(slugs_taken)) == 4
