import django_filters

from people.models import Official, Organization, Position
from relations.filters import PublicFilterSet, SortFilter, country_choices, organization_choices


class OfficialFilter(PublicFilterSet):
    country = django_filters.ChoiceFilter(label="Country", choices=country_choices)
    organization = django_filters.ModelChoiceFilter(
        label="Organization",
        queryset=organization_choices,
        to_field_name="slug",
        method="with_organization",
        help_text="Where they held a position.",
    )
    sort = SortFilter(
        date="created_at",
        name="name_folded",
        choices=[
            ("name", "Name, A to Z"),
            ("-name", "Name, Z to A"),
            ("-date", "Recently added"),
        ],
    )

    class Meta:
        model = Official
        fields = []

    def with_organization(self, queryset, name, value):
        return queryset.filter(pk__in=Position.objects.filter(organization=value).values("official_id"))


class OrganizationFilter(PublicFilterSet):
    country = django_filters.ChoiceFilter(label="Country", choices=country_choices)
    kind = django_filters.ChoiceFilter(label="Kind", choices=Organization.Kind.choices)
    sort = SortFilter(
        date="created_at",
        name="name",
        choices=[
            ("name", "Name, A to Z"),
            ("-name", "Name, Z to A"),
            ("-date", "Recently added"),
        ],
    )

    class Meta:
        model = Organization
        fields = []
