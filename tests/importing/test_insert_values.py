"""The values a batch's INSERT writes as they are: what each field's ``get_db_prep_save`` gives."""

import pytest
from django.db import connection, models
from reversion.models import Revision, Version

from people.models import Official, OfficialAlias, OrganizationAlias, Position
from relations.editorial.models import PendingChange
from relations.importing import batch
from relations.models import Citation

pytestmark = pytest.mark.django_db

WRITTEN = [
    *batch.RECORDS,
    OfficialAlias,
    OrganizationAlias,
    Position,
    Citation,
    Revision,
    Version,
    PendingChange,
    *(f.remote_field.through for m in batch.RECORDS for f in m._meta.many_to_many),
]
SAMPLES = {str: ["", "Đặng Thị Hoa", "x" * 300], int: [0, 1, 2**31 + 7]}


def test_a_value_written_as_it_is_is_what_the_field_prepares():
    checked = 0
    for model in WRITTEN:
        for field in model._meta.concrete_fields:
            kinds = batch.kept_as_is(field)
            for value in [None, *(v for kind in kinds for v in SAMPLES[kind])]:
                if kinds:
                    assert field.get_db_prep_save(value, connection) == value, (model, field.name, value)
                    checked += 1
    assert checked > 100


def test_fields_that_prepare_their_values_are_prepared():
    country = Official._meta.get_field("country")  # a CharField that makes a Country of a code
    assert isinstance(country, models.CharField) and batch.kept_as_is(country) == ()
    for name in ["flags", "imported_values", "created_at", "confidence"]:
        assert batch.kept_as_is(Official._meta.get_field(name)) == ()
    assert batch.kept_as_is(Position._meta.get_field("first_seen")) == ()  # a date: a string on SQLite
    assert batch.kept_as_is(Position._meta.get_field("official")) == (int,)  # the key of its target
    assert batch.kept_as_is(Official._meta.get_field("name")) == (str,)
