import django_filters

from people.models import Official, Organization, Position
from relations.editorial.public import PublicFilterSet, SortFilter, country_filter
from relations.filters import organization_filter


class OfficialFilter(PublicFilterSet):
    country = country_filter("Country")
    organization = organization_filter("Where they held a position.")
    sort = SortFilter(date="created_at", name="name_folded", choices=SortFilter.NAMED)

    class Meta:
        model = Official

    def with_organization(self, queryset, name, value):
        return queryset.filter(pk__in=Position.objects.filter(organization__in=value).values("official_id"))


class OrganizationFilter(PublicFilterSet):
    country = country_filter("Country")
    kind = django_filters.ChoiceFilter(label="Kind", choices=Organization.Kind.choices)
    sort = SortFilter(date="created_at", name="name", choices=SortFilter.NAMED)

    class Meta:
        model = Organization
