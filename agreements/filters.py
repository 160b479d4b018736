import django_filters

from agreements.models import Agreement
from relations.editorial.public import PublicFilterSet, SortFilter, country_filter, year_filter
from relations.filters import organization_filter


class AgreementFilter(PublicFilterSet):
    state = django_filters.ChoiceFilter(label="State", choices=Agreement.State.choices)
    kind = django_filters.ChoiceFilter(label="Kind", choices=Agreement.Kind.choices)
    year = year_filter("signed_on", label="Year signed")
    party = organization_filter("An organization that is a party.", label="Party", apply="with_party")
    party_country = country_filter("Party state", method="with_party_country")
    sort = SortFilter(date="signed_on", name="title")

    class Meta:
        model = Agreement

    def with_party(self, queryset, name, value):
        return queryset.filter(
            pk__in=Agreement.parties.through.objects.filter(organization__in=value).values("agreement_id")
        )

    def with_party_country(self, queryset, name, value):
        return queryset.filter(party_countries__contains=value)
