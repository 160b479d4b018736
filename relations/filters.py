"""FilterSets of the public lists of delegations and meetings; every parameter lives in the URL."""

from __future__ import annotations

from django.db.models import Q

from relations.editorial.public import (
    NamedFilter,
    PublicFilterSet,
    SortFilter,
    any_of,
    country_filter,
    date_filter,
    published,
    year_filter,
)
from relations.models import Delegation, Meeting


def published_officials(request=None):
    return published("people.Official")


def published_organizations(request=None):
    return published("people.Organization")


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

    def with_official(self, queryset, name, value):
        meetings = Meeting.participants.through.objects.filter(official__in=value).values("meeting_id")
        return queryset.filter(pk__in=meetings)
