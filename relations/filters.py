"""FilterSets of the public lists; every parameter lives in the URL."""

from __future__ import annotations

import django_filters
from django import forms
from django.apps import apps
from django.db.models import F, Q
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django_countries import countries

from relations.models import Delegation, Meeting


def country_choices():
    return [(code, name) for code, name in countries]


class QuickSelect(forms.Select):
    """A ``<select>`` whose options are written in Python.

    Django renders each option through a template: 12 ms for the 249 countries, most of a list
    page's time. Flat choices only (no groups), one value.
    """

    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(v) for v in self.format_value(value)}
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (key, mark_safe(" selected") if str(key) in chosen else "", label)
                for key, label in self.choices
            ),
        )
        return format_html(
            '<select name="{}"{}>{}</select>', name, flatatt(self.build_attrs(self.attrs, attrs)), options
        )


def country_filter(label: str, **kwargs) -> django_filters.ChoiceFilter:
    return django_filters.ChoiceFilter(label=label, choices=country_choices, widget=QuickSelect, **kwargs)


def published(model_label: str):
    """``Model.objects.published()`` for a model named by string.

    relations never imports people or agreements (DESIGN.md: apps depend in one direction).
    """
    return apps.get_model(model_label)._default_manager.published()


def published_officials(request=None):
    return published("people.Official")


def published_organizations(request=None):
    return published("people.Organization")


class NamedFilter(django_filters.CharFilter):
    """A published official or organization, named by its slug (the links on detail pages) or by
    words of its name, accents and case ignored: "dang" finds every Đặng.

    A text box, not a ``<select>``: a list of every published official is megabytes of HTML.
    The FilterSet's method named ``apply`` receives the matching records as a subquery.
    """

    def __init__(self, *args, model: str, apply: str, placeholder: str = "Name", **kwargs):
        self.model_label = model
        self.apply = apply
        kwargs["help_text"] = " ".join(filter(None, [kwargs.get("help_text"), "Words of the name will do."]))
        kwargs.setdefault("widget", forms.TextInput(attrs={"type": "search", "placeholder": placeholder}))
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        value = (value or "").strip()
        if not value:
            return qs
        records = published(self.model_label)
        named = records.filter(slug=value)
        if not named.exists():
            named = records.search(value)
        return getattr(self.parent, self.apply)(qs, self.field_name, named.values("pk"))


def official_filter(help_text: str, label: str = "Official") -> NamedFilter:
    return NamedFilter(label=label, model="people.Official", apply="with_official", help_text=help_text)


def organization_filter(help_text: str, label: str = "Organization", apply: str = "with_organization"):
    return NamedFilter(
        label=label,
        model="people.Organization",
        apply=apply,
        help_text=help_text,
        placeholder="Name or acronym",
    )


def any_of(first, *others, field: str = "pk"):
    """The primary keys in any of the querysets, as one subquery: ``pk IN (a UNION b)``.

    ``Q(a) | Q(b)`` over two indexed columns made SQLite scan the whole table (90 ms at 100,000
    delegations); the union reads each index (3 ms). ``field`` names the other querysets'
    column holding the key.
    """
    columns = [first.order_by().values("pk"), *(other.order_by().values(field) for other in others)]
    return columns[0].union(*columns[1:])


class SortFilter(django_filters.OrderingFilter):
    """``?sort=date``, ``-date``, ``name`` or ``-name``; empty dates last, ties broken by id."""

    def __init__(self, *args, date: str, name: str, **kwargs):
        self.sort_fields = {"date": date, "name": name}
        kwargs.setdefault("label", "Sort by")
        kwargs.setdefault(
            "choices",
            [
                ("-date", "Date, newest first"),
                ("date", "Date, oldest first"),
                ("name", "Name, A to Z"),
                ("-name", "Name, Z to A"),
            ],
        )
        kwargs.setdefault("empty_label", None)
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        orderings = []
        for param in value or []:
            descending = param.startswith("-")
            field = self.sort_fields.get(param.lstrip("-"))
            if field:
                expr = F(field)
                orderings.append(expr.desc(nulls_last=True) if descending else expr.asc(nulls_last=True))
        return qs.order_by(*orderings, "pk") if orderings else qs


class PublicFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label="Search",
        method="search",
        help_text="Accents and case do not matter: “Dang” finds “Đặng”.",
        widget=forms.TextInput(attrs={"type": "search"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for filter_ in self.filters.values():
            if isinstance(filter_, django_filters.ChoiceFilter) and not isinstance(filter_, SortFilter):
                filter_.extra["empty_label"] = "Any"

    @property
    def form(self):
        form = super().form
        form.label_suffix = ""
        return form

    def search(self, queryset, name, value):
        return queryset.search(value)


def year_filter(field: str, label: str = "Year") -> django_filters.NumberFilter:
    return django_filters.NumberFilter(
        field_name=field,
        lookup_expr="year",
        label=label,
        widget=forms.NumberInput(attrs={"min": 1900, "max": 2100, "inputmode": "numeric"}),
    )


def date_filter(label: str, method: str) -> django_filters.DateFilter:
    return django_filters.DateFilter(
        label=label, method=method, widget=forms.DateInput(attrs={"type": "date"})
    )


class DelegationFilter(PublicFilterSet):
    from_country = country_filter("From country")
    to_country = country_filter("To country")
    year = year_filter("start_date")
    date_from = date_filter("On or after", "visiting_after")
    date_to = date_filter("On or before", "visiting_before")
    organization = organization_filter("Sending or hosting body.")
    official = official_filter("Head or member.")
    sort = SortFilter(date="start_date", name="title")

    class Meta:
        model = Delegation
        fields = []

    def visiting_after(self, queryset, name, value):
        """Visits still going on at or after the date (a visit without an end ends when it starts)."""
        return queryset.filter(Q(end_date__gte=value) | Q(end_date__isnull=True, start_date__gte=value))

    def visiting_before(self, queryset, name, value):
        return queryset.filter(start_date__lte=value)

    def with_organization(self, queryset, name, value):
        return queryset.filter(
            pk__in=any_of(
                Delegation.objects.filter(sending_body__in=value),
                Delegation.objects.filter(host_body__in=value),
            )
        )

    def with_official(self, queryset, name, value):
        members = Delegation.members.through.objects.filter(official__in=value)
        return queryset.filter(
            pk__in=any_of(Delegation.objects.filter(head__in=value), members, field="delegation_id")
        )


class MeetingFilter(PublicFilterSet):
    year = year_filter("date")
    official = official_filter("A participant.")
    sort = SortFilter(date="date", name="title")

    class Meta:
        model = Meeting
        fields = []

    def with_official(self, queryset, name, value):
        meetings = Meeting.participants.through.objects.filter(official__in=value).values("meeting_id")
        return queryset.filter(pk__in=meetings)
