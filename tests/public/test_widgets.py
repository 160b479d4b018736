import pytest
from django import forms
from django.test.html import parse_html

from relations.editorial.public import QuickSelect

CHOICES = [("", "Any"), ("VN", "Viet Nam"), ("RU", "Russia"), ("XX", "<Ampersand & Sons>")]


@pytest.mark.parametrize("value", [None, "", "RU", "XX", "ZZ"])
def test_quick_select_writes_what_djangos_select_writes(value):
    attrs = {"id": "id_country", "aria-describedby": "help"}
    ours = QuickSelect(choices=CHOICES).render("country", value, attrs=attrs)
    djangos = forms.Select(choices=CHOICES).render("country", value, attrs=attrs)
    assert parse_html(ours) == parse_html(djangos)  # attribute order and white space aside
    assert "&lt;Ampersand &amp; Sons&gt;" in ours


def test_the_country_select_writes_what_djangos_select_writes_with_every_country():
    from django_countries import countries
    from django_filters.widgets import BaseCSVWidget

    from relations.editorial.public import CountrySelect, QuickCSVSelect
    from relations.filters import DelegationFilter

    form = DelegationFilter({"from_country": "RU", "sort": "name"}, queryset=None).form
    every = [("", "Any"), *((code, name) for code, name in countries)]
    for value in (None, "", "RU"):
        ours = CountrySelect(choices=form.fields["from_country"].choices).render("c", value)
        assert parse_html(ours) == parse_html(forms.Select(choices=every).render("c", value))
    assert form["from_country"].as_widget().count(" selected") == 1
    sort = form.fields["sort"]
    csv_select = type("CSVSelect", (BaseCSVWidget, forms.Select), {})  # what django-filter makes
    for value in (None, ["name"], ["-date"]):
        ours = QuickCSVSelect(choices=sort.choices).render("sort", value)
        assert parse_html(ours) == parse_html(csv_select(choices=sort.choices).render("sort", value))


@pytest.mark.parametrize("slug", ["ha-noi-2019", "a_b-9", "", "đà-nẵng", "a b"])
def test_a_detail_address_is_what_reverse_gives(slug):
    from django.urls import NoReverseMatch, reverse

    from relations.editorial.rendering import detail_url

    try:
        expected = reverse("relations:delegation-detail", args=[slug])
    except NoReverseMatch:
        with pytest.raises(NoReverseMatch):
            detail_url("relations:delegation-detail", slug)
        return
    assert detail_url("relations:delegation-detail", slug) == expected


def test_a_detail_address_follows_the_script_prefix():
    from django.urls import get_script_prefix, set_script_prefix

    from relations.editorial.rendering import detail_url

    before = get_script_prefix()
    try:
        set_script_prefix("/site/")
        assert detail_url("people:official-detail", "le-van-a") == "/site/officials/le-van-a/"
    finally:
        set_script_prefix(before)
    assert detail_url("people:official-detail", "le-van-a") == f"{before}officials/le-van-a/"
