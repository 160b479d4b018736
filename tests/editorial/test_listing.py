"""A list's related records read for a page in one statement (``relations.editorial.listing``)."""

import pytest

from agreements.models import Agreement
from relations.editorial import listing
from relations.editorial.rendering import related
from relations.models import Meeting
from tests.factories import AgreementFactory, MeetingFactory, OfficialFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def names(records, relation):
    return {record.title: [r.name for r in related(record, relation)] for record in records}


def test_each_record_keeps_its_own_published_related_records_in_their_models_order():
    zeta, alpha = (
        OrganizationFactory(status="published", name="Zeta"),
        OrganizationFactory(status="published", name="Alpha"),
    )
    draft = OrganizationFactory(status="draft", name="Draft body")
    AgreementFactory(status="published", title="First", parties=[zeta, draft, alpha])
    AgreementFactory(status="published", title="Second", parties=[draft])
    AgreementFactory(status="published", title="Third", parties=[zeta])
    assert names(Agreement.objects.for_public_list(), "parties") == {
        "First": ["Alpha", "Zeta"],
        "Second": [],
        "Third": ["Zeta"],
    }


def test_the_related_records_are_whole_records(django_assert_num_queries):
    person = OfficialFactory(status="published", name="Anna Example", country="NO")
    MeetingFactory(status="published", title="Talks", participants=[person])
    with django_assert_num_queries(2):
        (meeting,) = Meeting.objects.for_public_list()
        (read,) = related(meeting, "participants")
        assert (read.pk, read.name, read.slug, read.country.code) == (
            person.pk,
            person.name,
            person.slug,
            "NO",
        )
        assert read.get_absolute_url() == person.get_absolute_url()


def test_a_long_read_reads_its_related_records_a_batch_at_a_time(monkeypatch, django_assert_num_queries):
    monkeypatch.setattr(listing, "BATCH", 2)
    body = OrganizationFactory(status="published", name="Shared body")
    for n in range(5):
        AgreementFactory(status="published", title=f"Agreement {n}", parties=[body])
    with django_assert_num_queries(1 + 3):
        read = names(Agreement.objects.for_public_list(), "parties")
    assert read == {f"Agreement {n}": ["Shared body"] for n in range(5)}


def test_only_a_relation_to_many_declared_on_the_model_can_be_listed():
    with pytest.raises(ValueError, match="not a relation to many"):
        listing.ListedRelation(Meeting, "delegation")
