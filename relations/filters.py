"""FilterSets of the public lists; every parameter lives in the URL."""

from __future__ import annotations

import django_filters
from django import forms
from django.apps import apps
from django.db.models import F, Q
from django_countries import countries

from relations.models import Delegation, Meeting


def country_choices():
    return [(code, name) for code, name in countries]


def published(model_label: str):
    """``Model.objects.published()`` for a model named by string.

    relations never imports people or agreements (DESIGN.md: apps depend in one direction).
    """
    return apps.get_model(model_label)._default_manager.published()


def published_officials(request=None):
    return published("people.Official")


def published_organizations(request=None):
    return published("people.Organization")


def official_choices(request=None):
    return published_officials().only("pk", "name", "slug").order_by("name_folded", "pk")


def organization_choices(request=None):
    return published_organizations().only("pk", "name", "acronym", "slug").order_by("name", "pk")


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
            choices = isinstance(filter_, django_filters.ChoiceFilter | django_filters.ModelChoiceFilter)
            if choices and not isinstance(filter_, SortFilter):
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
    from_country = django_filters.ChoiceFilter(label="From country", choices=country_choices)
    to_country = django_filters.ChoiceFilter(label="To country", choices=country_choices)
    year = year_filter("start_date")
    date_from = date_filter("On or after", "visiting_after")
    date_to = date_filter("On or before", "visiting_before")
    organization = django_filters.ModelChoiceFilter(
        label="Organization",
        queryset=organization_choices,
        to_field_name="slug",
        method="with_organization",
        help_text="Sending or hosting body.",
    )
    official = django_filters.ModelChoiceFilter(
        label="Official",
        queryset=official_choices,
        to_field_name="slug",
        method="with_official",
        help_text="Head or member.",
    )
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
        return queryset.filter(Q(sending_body=value) | Q(host_body=value))

    def with_official(self, queryset, name, value):
        members = Delegation.members.through.objects.filter(official=value).values("delegation_id")
        return queryset.filter(Q(head=value) | Q(pk__in=members))


class MeetingFilter(PublicFilterSet):
    year = year_filter("date")
    official = django_filters.ModelChoiceFilter(
        label="Official",
        queryset=official_choices,
        to_field_name="slug",
        method="with_official",
        help_text="A participant.",
    )
    sort = SortFilter(date="date", name="title")

    class Meta:
        model = Meeting
        fields = []

    def with_official(self, queryset, name, value):
        meetings = Meeting.participants.through.objects.filter(official=value).values("meeting_id")
        return queryset.filter(pk__in=meetings)
