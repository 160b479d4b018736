"""The history an import writes a batch at a time is what django-reversion writes one article at a time:
the same revisions (comment, author, date) and versions (each record and the records it follows, as
serialized, in the same order)."""

import datetime

import pytest
import reversion
from django.db import transaction
from django.utils import timezone
from reversion.models import Revision

from relations.editorial.models import SlugPool
from relations.importing.batch import WriteBatch
from relations.importing.proposals import (
    DelegationProposal,
    Evidence,
    Extraction,
    OfficialProposal,
    PartialDate,
)
from relations.importing.reading import ArticleFile
from relations.importing.resolving import Resolver
from relations.importing.writing import ArticleWriter
from tests.factories import (
    DelegationFactory,
    MeetingFactory,
    OfficialAliasFactory,
    OfficialFactory,
    OrganizationFactory,
    PositionFactory,
)

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2024, 5, 6, 7, 8, 9, tzinfo=datetime.UTC)


def article(n: int) -> tuple[ArticleFile, Extraction]:
    """Known officials seen again (a new flag each time), on the known visit (a new member)."""
    text = f"Report {n}. Le Vinh Tan led a visit. Ivan Petrov joined it.\n"
    ev = [Evidence(0, len(text) - 1, ("name",))]
    day = PartialDate(2021, 3, 10 + n)
    extraction = Extraction(
        title=f"Report {n}",
        date=day,
        officials=[
            OfficialProposal(
                key="tan", name="Le Vinh Tan", country="VN", flags=[f"seen in {n}"], evidence=ev
            ),
            OfficialProposal(
                key="ivan", name="Ivan Petrov", country="RU", flags=[f"named in {n}"], evidence=ev
            ),
        ],
        delegations=[
            DelegationProposal(
                key="d",
                from_country="VN",
                to_country="RU",
                head="tan",
                members=["ivan"],
                start=day,
                evidence=ev,
            )
        ],
    )
    return ArticleFile(key=f"report-{n}", name=f"report-{n}.txt", text=text), extraction


def history() -> list:
    return [
        (
            revision.comment,
            revision.user_id,
            revision.date_created,
            [
                (v.content_type.model, v.object_id, v.db, v.format, v.serialized_data, v.object_repr)
                for v in revision.version_set.order_by("pk")
            ],
        )
        for revision in Revision.objects.order_by("pk")
    ]


def test_the_history_of_a_batch_is_what_reversion_writes_an_article_at_a_time(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: NOW)  # each record's updated_at, in both
    tan = OfficialFactory(name="Le Vinh Tan", country="VN")
    OfficialAliasFactory(official=tan, name="Le V. Tan")
    PositionFactory(official=tan, title="Envoy", organization=OrganizationFactory(name="Ministry of Works"))
    OfficialFactory(name="Ivan Petrov", country="RU")
    visit = DelegationFactory(
        head=tan, start_date=datetime.date(2021, 3, 12), end_date=datetime.date(2021, 3, 14)
    )
    MeetingFactory(delegation=visit, participants=[tan], date=datetime.date(2021, 3, 13))
    found = []
    for batched in (True, False):
        with transaction.atomic():
            resolver, slugs, batch = Resolver.load(), SlugPool(), WriteBatch()
            for n in (1, 2):
                comment = f"Re-imported from report-{n}.txt"
                if batched:
                    ArticleWriter(resolver, slugs=slugs, batch=batch, history=comment).write(
                        *article(n), None
                    )
                else:
                    with reversion.create_revision(manage_manually=True, atomic=False):
                        reversion.set_comment(comment)
                        ArticleWriter(resolver, slugs=slugs, batch=batch).write(*article(n), None)
            batch.flush()
            found.append(history())
            transaction.set_rollback(True)
    batched, alone = found
    assert batched == alone
    assert [comment for comment, *_ in alone] == [f"Re-imported from report-{n}.txt" for n in (1, 2)]
    kinds = {version[0] for *_, versions in alone for version in versions}
    assert kinds == {"official", "officialalias", "position", "delegation", "meeting"}


def test_an_officials_history_follows_his_rows_as_reversion_reads_them():
    """The writer reads an official's aliases and positions (each named with its body) in two statements of
    its own: the versions are those reversion makes reading them itself, in the same order."""
    from people.models import Official
    from relations.importing.batch import add_versions
    from relations.importing.writing import remember

    tan = OfficialFactory(name="Le Vinh Tan", country="VN")
    for name in ("Tan Le Vinh", "Le V. Tan", "Vinh Tan"):
        OfficialAliasFactory(official=tan, name=name)
    works = OrganizationFactory(name="Ministry of Works")
    for title, organization, seen in (
        ("Envoy", works, None),
        ("Adviser", None, datetime.date(2020, 1, 1)),
        ("Deputy", works, datetime.date(2022, 1, 1)),
        ("Consul", None, datetime.date(2022, 1, 1)),
    ):
        PositionFactory(official=tan, title=title, organization=organization, last_seen=seen)
    ours, reversions = {}, {}
    remember(Official.objects.get(pk=tan.pk), ours)
    add_versions(reversions, Official.objects.get(pk=tan.pk), using="default")  # its own reads
    assert len(ours) == 1 + 3 + 4
    assert [(key, v.serialized_data, v.object_repr) for key, v in ours.items()] == [
        (key, v.serialized_data, v.object_repr) for key, v in reversions.items()
    ]
    assert "Deputy, Ministry of Works" in [v.object_repr for v in ours.values()]
