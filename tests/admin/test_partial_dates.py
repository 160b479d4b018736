"""The admin shows a partial date at its precision ("May 2023", "2023"), never as the day it is stored as."""

import datetime

import pytest
from django.contrib.auth.models import Permission, User
from django.test import Client
from django.urls import reverse

from tests.factories import AgreementFactory, ArticleFactory, DelegationFactory, MeetingFactory

MAY = datetime.date(2023, 5, 1)

CASES = {
    "relations_delegation": lambda p: DelegationFactory(start_date=MAY, start_precision=p, end_date=None),
    "relations_meeting": lambda p: MeetingFactory(date=MAY, date_precision=p),
    "agreements_agreement": lambda p: AgreementFactory(signed_on=MAY, signed_precision=p),
    "relations_article": lambda p: ArticleFactory(published_on=MAY, date_precision=p),
}
SHOWN = {"year": "2023", "month": "May 2023", "day": "1 May 2023"}


def cells(response, obj) -> str:
    """The text of the changelist row that links to ``obj``."""
    html = response.content.decode()
    row = html[html.index(f"/{obj.pk}/change/") :]
    return row[: row.index("</tr>")]


@pytest.mark.django_db
@pytest.mark.parametrize("name", CASES)
@pytest.mark.parametrize("precision", SHOWN)
def test_it_lists_a_date_at_its_precision(super_client, name, precision):
    obj = CASES[name](precision)
    row = cells(super_client.get(reverse(f"admin:{name}_changelist")), obj)
    assert f">{SHOWN[precision]}<" in row
    if precision != "day":
        assert "May 1, 2023" not in row and "2023-05-01" not in row


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["relations_delegation", "relations_meeting", "agreements_agreement"])
def test_it_shows_a_read_only_form_with_the_date_at_its_precision(name):
    obj = CASES[name]("month")
    model = type(obj)
    reader = User.objects.create_user(username="reader", password="x", is_staff=True)
    reader.user_permissions.add(
        Permission.objects.get(
            content_type__app_label=model._meta.app_label, codename=f"view_{model._meta.model_name}"
        )
    )
    client = Client()
    client.force_login(reader)
    html = client.get(reverse(f"admin:{name}_change", args=[obj.pk])).content.decode()
    assert "May 2023" in html
    assert "May 1, 2023" not in html
    assert 'name="_save"' not in html


@pytest.mark.django_db
def test_it_keeps_the_date_and_its_precision_editable_for_an_editor(editor_client):
    obj = DelegationFactory(start_date=MAY, start_precision="month", end_date=None)
    html = editor_client.get(reverse("admin:relations_delegation_change", args=[obj.pk])).content.decode()
    assert 'name="start_date"' in html and 'name="start_precision"' in html
