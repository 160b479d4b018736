"""A version's fields are what Django's "python" serializer writes of a record, made without it."""

import datetime

import pytest
from django.core import serializers
from django.db import models

from people.models import Official, OfficialAlias, Position
from relations.editorial import pending
from relations.models import Citation, Delegation
from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    DelegationFactory,
    MeetingFactory,
    OfficialAliasFactory,
    OfficialFactory,
    OrganizationFactory,
    PositionFactory,
    cite,
)

pytestmark = pytest.mark.django_db


def serialized(obj, skip=()) -> dict:
    """What a version held of ``obj`` when it was made through the serializer."""
    row = serializers.serialize("python", [obj])[0]["fields"]
    return pending._plain({k: v for k, v in row.items() if k not in pending.SKIPPED and k not in skip})


def records():
    body = OrganizationFactory(name="Bộ Ngoại giao", acronym="MOFA", country="VN", status="published")
    head = OfficialFactory(name="Đặng Thị Hoa", country="VN", flags=["seen twice"], status="published")
    OfficialAliasFactory(official=head, name="Dang T. Hoa")
    PositionFactory(official=head, organization=body, first_seen=datetime.date(2020, 1, 2))
    delegation = DelegationFactory(head=head, sending_body=body, members=2, status="published")
    meeting = MeetingFactory(delegation=delegation, participants=[head], status="archived")
    agreement = AgreementFactory(meeting=meeting, parties=[body], status="published")
    agreement.signatories.add(head)
    article = ArticleFactory(text="Đặng Thị Hoa led a visit to Moscow on 4 August 2019.")
    citation = cite(delegation, article, "led a visit", fields=["head"])
    return [body, head, delegation, meeting, agreement, citation, *head.aliases.all(), *head.positions.all()]


def test_the_fields_are_those_the_serializer_writes_read_or_prefetched():
    made = records()
    for record in made:
        model = type(record)
        fresh = model.objects.get(pk=record.pk)
        assert pending._fields(fresh) == serialized(fresh)
        m2m = [f.name for f in model._meta.many_to_many]
        prefetched = model.objects.prefetch_related(*m2m).get(pk=record.pk)
        assert pending._fields(prefetched) == serialized(prefetched)
    delegation = next(r for r in made if isinstance(r, Delegation))
    fields = pending._fields(Delegation.objects.get(pk=delegation.pk))
    assert sorted(fields["members"]) == sorted(delegation.members.values_list("pk", flat=True))
    assert fields["start_date"] == "2019-08-04" and "search_text" not in fields
    for child, skip in [(Citation, {"content_type", "object_id"}), (OfficialAlias, {"official"})]:
        row = child.objects.first()
        assert pending._fields(row, skip) == serialized(row, skip)
        assert not skip & set(pending._fields(row, skip))
    position = Position.objects.get()
    assert pending._fields(position)["first_seen"] == "2020-01-02"


def test_a_version_lists_every_field_the_serializer_does():
    for model in [Official, Delegation, Citation, Position]:
        written = {f.name for f, _ in pending._serialized_fields(model)}
        expected = {f.name for f in model._meta.local_fields if f.serialize}
        expected |= {
            f.name
            for f in model._meta.local_many_to_many
            if isinstance(f, models.ManyToManyField) and f.remote_field.through._meta.auto_created
        }
        assert written == expected
