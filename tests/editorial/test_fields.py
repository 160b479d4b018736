"""The foreign keys public pages prefetch: a plain ``IN``, the same records as Django's own prefetch."""

import pytest
from django.db import connection, models
from django.db.models import Prefetch
from django.test.utils import CaptureQueriesContext

from people.models import Official, Organization
from relations.editorial.fields import ForeignKey
from relations.models import Delegation
from tests.factories import DelegationFactory, OfficialFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def test_a_prefetched_head_is_asked_for_with_in_and_a_draft_head_stays_hidden():
    heads = [OfficialFactory(status="published") for _ in range(3)]
    draft = OfficialFactory(status="draft")
    body = OrganizationFactory(status="published")
    made = [DelegationFactory(status="published", head=h, sending_body=body) for h in heads]
    made += [DelegationFactory(status="published", head=h) for h in (draft, None)]
    queryset = Delegation.objects.filter(pk__in=[d.pk for d in made]).order_by("pk")
    with CaptureQueriesContext(connection) as queries:
        loaded = list(
            queryset.prefetch_related(
                Prefetch("head", queryset=Official.objects.published()),
                Prefetch("sending_body", queryset=Organization.objects.published()),
            )
        )
    heads_sql = next(q["sql"] for q in queries.captured_queries if "people_official" in q["sql"])
    assert " IN (" in heads_sql and " OR " not in heads_sql
    assert len(queries.captured_queries) == 3  # delegations, heads, bodies
    assert [d.head for d in loaded] == [*heads, None, None]
    assert [d.sending_body for d in loaded[:3]] == [body] * 3
    assert loaded[3].head_id == draft.pk  # hidden, not changed


def test_it_is_a_plain_foreign_key_in_migrations():
    field = Delegation._meta.get_field("head")
    assert isinstance(field, ForeignKey)
    _, path, _, _ = field.deconstruct()
    assert path == "django.db.models.ForeignKey"
    assert isinstance(field, models.ForeignKey)
