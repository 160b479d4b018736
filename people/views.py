"""Public pages of officials and organizations: only published records and published relations."""

from django.db.models import Prefetch

from people import exports
from people.filters import OfficialFilter, OrganizationFilter
from people.models import Official, Organization, Position
from relations.editorial.public import PublicDetailView, PublicExportView, PublicListView, published


def positions_at_published_organizations():
    return Position.objects.prefetch_related(
        Prefetch("organization", queryset=Organization.objects.published())
    )


def official_queryset():
    return Official.objects.published().prefetch_related(
        Prefetch("positions", queryset=positions_at_published_organizations())
    )


def official_detail_queryset():
    delegations = published("relations.Delegation").order_by("start_date", "pk")
    return (
        official_queryset()
        .with_sources()
        .prefetch_related(
            "aliases",
            Prefetch("led_delegations", queryset=delegations),
            Prefetch("delegations", queryset=delegations),
            Prefetch("meetings", queryset=published("relations.Meeting").order_by("date", "pk")),
            Prefetch(
                "agreements_signed", queryset=published("agreements.Agreement").order_by("signed_on", "pk")
            ),
        )
    )


def organization_queryset():
    return Organization.objects.published().prefetch_related(
        Prefetch("parent", queryset=Organization.objects.published())
    )


def organization_detail_queryset():
    delegations = published("relations.Delegation").order_by("start_date", "pk")
    people = (
        Position.objects.filter(official__in=Official.objects.published())
        .select_related("official")
        .order_by("official__name_folded", "-last_seen", "title")
    )
    return (
        organization_queryset()
        .with_sources()
        .prefetch_related(
            "aliases",
            Prefetch("children", queryset=Organization.objects.published()),
            Prefetch("positions", queryset=people),
            Prefetch("sent_delegations", queryset=delegations),
            Prefetch("hosted_delegations", queryset=delegations),
            Prefetch("agreements", queryset=published("agreements.Agreement").order_by("signed_on", "pk")),
        )
    )


class OfficialListView(PublicListView):
    filterset_class = OfficialFilter
    template_name = "people/official_list.html"
    export_url_name = "people:official-export"
    heading = "Officials"
    singular = "official"
    intro = "People who led or joined delegations, met their counterparts or signed agreements."

    def get_queryset(self):
        return official_queryset()


class OfficialDetailView(PublicDetailView):
    template_name = "people/official_detail.html"
    context_object_name = "official"

    def get_queryset(self):
        return official_detail_queryset()


class OfficialExportView(PublicExportView):
    filterset_class = OfficialFilter

    def get_queryset(self):
        return official_queryset()

    def stream(self, queryset):
        return exports.officials_csv(queryset)


class OrganizationListView(PublicListView):
    filterset_class = OrganizationFilter
    template_name = "people/organization_list.html"
    export_url_name = "people:organization-export"
    heading = "Organizations"
    singular = "organization"
    intro = "Ministries, agencies, parties, parliaments and other bodies that sent, hosted or signed."

    def get_queryset(self):
        return organization_queryset()


class OrganizationDetailView(PublicDetailView):
    template_name = "people/organization_detail.html"
    context_object_name = "organization"

    def get_queryset(self):
        return organization_detail_queryset()


class OrganizationExportView(PublicExportView):
    filterset_class = OrganizationFilter

    def get_queryset(self):
        return organization_queryset()

    def stream(self, queryset):
        return exports.organizations_csv(queryset)
