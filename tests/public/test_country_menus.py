"""The public country menus offer the countries the collection's published records involve first, then the
rest: each country once, drafts' countries not among the first."""

import pytest
from django.contrib.auth.models import User
from django.test.html import parse_html
from django.urls import reverse
from django_countries import countries

from relations.editorial import workflow
from relations.models import Delegation
from tests.factories import AgreementFactory, DelegationFactory, OfficialFactory

pytestmark = pytest.mark.django_db


def menu(client, url: str, name: str) -> dict[str, list[str]]:
    """The options of the ``<select name=name>`` at ``url``: {group label: [codes]}, "" for ungrouped."""
    response = client.get(url)
    assert response.status_code == 200
    select = next(
        e for e in _elements(parse_html(response.content.decode()))
        if e.name == "select" and dict(e.attributes).get("name") == name
    )  # fmt: skip
    groups: dict[str, list[str]] = {}
    for child in select.children:
        if child.name == "optgroup":
            groups[dict(child.attributes)["label"]] = [dict(o.attributes)["value"] for o in child.children]
        elif child.name == "option":
            groups.setdefault("", []).append(dict(child.attributes)["value"])
    return groups


def _elements(node):
    for child in getattr(node, "children", []):
        if not isinstance(child, str):
            yield child
            yield from _elements(child)


def by_name(codes) -> list[str]:
    return sorted(codes, key=lambda code: str(countries.name(code)))


def test_it_lists_the_collections_countries_first_then_the_rest(client):
    DelegationFactory(status="published", from_country="VN", to_country="RU")
    OfficialFactory(status="published", country="LA")
    AgreementFactory(status="published", party_countries=["KH", "VN"])
    OfficialFactory(status="draft", country="TH")  # a draft's country is no part of the collection
    for url, name in [
        (reverse("relations:delegation-list"), "from_country"),
        (reverse("relations:delegation-list"), "to_country"),
        (reverse("people:official-list"), "country"),
        (reverse("agreements:agreement-list"), "party_country"),
    ]:
        groups = menu(client, url, name)
        assert groups[""] == [""]  # "Any"
        first, rest = groups["In this collection"], groups["Other countries"]
        assert first == by_name(["VN", "RU", "LA", "KH"])
        assert "TH" in rest
        assert sorted(first + rest) == sorted(code for code, _ in countries)  # each country once
        assert rest == [code for code, _ in countries if code not in first]


def test_a_published_records_country_joins_the_first_group_when_it_is_published(client):
    publisher = User.objects.create_superuser(username="root", password="x", email="root@example.org")
    DelegationFactory(status="published", from_country="VN", to_country="RU")
    url = reverse("relations:delegation-list")
    assert "CN" not in menu(client, url, "to_country")["In this collection"]
    waiting = DelegationFactory(status="review", from_country="VN", to_country="CN")
    assert "CN" not in menu(client, url, "to_country")["In this collection"]
    workflow.publish(Delegation.objects.filter(pk=waiting.pk), by=publisher, with_dependencies=True)
    assert "CN" in menu(client, url, "to_country")["In this collection"]


def test_a_country_of_the_rest_still_filters(client):
    DelegationFactory(status="published", from_country="VN", to_country="RU")
    response = client.get(reverse("relations:delegation-list"), {"to_country": "FR"})
    assert response.status_code == 200
    assert list(response.context["object_list"]) == []
    response = client.get(reverse("relations:delegation-list"), {"to_country": "RU"})
    assert len(response.context["object_list"]) == 1


def test_an_empty_collection_lists_every_country_ungrouped(client):
    groups = menu(client, reverse("relations:delegation-list"), "from_country")
    assert list(groups) == [""]
    assert groups[""] == ["", *(code for code, _ in countries)]


@pytest.mark.parametrize("value", [None, "", "RU", "XX"])
def test_the_grouped_menu_is_written_as_djangos_select_writes_it(value):
    from django import forms

    from relations.editorial.public import QuickSelect

    choices = [("", "Any"), ("In this collection", [("RU", "Russia")]), ("Other <b>", [("XX", "A & B")])]
    ours = QuickSelect(choices=choices).render("country", value, attrs={"id": "id_country"})
    djangos = forms.Select(choices=choices).render("country", value, attrs={"id": "id_country"})
    assert parse_html(ours) == parse_html(djangos)
    assert 'label="Other &lt;b&gt;"' in ours
