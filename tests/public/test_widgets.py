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
