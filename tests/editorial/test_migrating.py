"""The migrations' shared step: published_at added to each model and filled for the records already public."""

import pytest
from django.apps import apps
from django.db import migrations

from people.models import Official
from relations.editorial.migrating import add_published_at
from tests.factories import OfficialFactory

pytestmark = pytest.mark.django_db


def test_it_adds_the_field_to_each_model_then_fills_it():
    operations = add_published_at("people", "official", "organization")
    assert [(op.model_name, op.name) for op in operations[:-1]] == [
        ("official", "published_at"),
        ("organization", "published_at"),
    ]
    assert isinstance(operations[-1], migrations.RunPython)


def test_a_public_record_was_released_when_it_last_changed_and_a_draft_not_yet():
    public, archived, draft = (OfficialFactory(status=s) for s in ("published", "archived", "draft"))
    Official.objects.update(published_at=None)
    add_published_at("people", "official")[-1].code(apps, None)
    released = dict(Official.objects.values_list("pk", "published_at"))
    updated = dict(Official.objects.values_list("pk", "updated_at"))
    assert released[public.pk] == updated[public.pk] and released[archived.pk] == updated[archived.pk]
    assert released[draft.pk] is None
