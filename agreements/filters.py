import django_filters

from agreements.models import Agreement
from relations.filters import PublicFilterSet, SortFilter, country_choices, organization_choices, year_filter


class AgreementFilter(PublicFilterSet):
    state = django_filters.ChoiceFilter(label="State", choices=Agreement.State.choices)
    kind = django_filters.ChoiceFilter(label="Kind", choices=Agreement.Kind.choices)
    year = year_filter("signed_on", label="Year signed")
    party = django_filters.ModelChoiceFilter(
        label="Party",
        queryset=organization_choices,
        to_field_name="slug",
        method="with_party",
        help_text="An organization that is a party.",
    )
    party_country = django_filters.ChoiceFilter(
        label="Party state", choices=country_choices, method="with_party_country"
    )
    sort = SortFilter(date="signed_on", name="title")

    class Meta:
        model = Agreement
        fields = []

    def with_party(self, queryset, name, value):
        return queryset.filter(
            pk__in=Agreement.parties.through.objects.filter(organization=value).values("agreement_id")
        )

    def with_party_country(self, queryset, name, value):
        return queryset.filter(party_countries__contains=value)
