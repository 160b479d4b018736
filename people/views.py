"""Public pages of officials and organizations: only published records and published relations."""

from people.exports import OfficialReport, OrganizationReport
from people.filters import OfficialFilter, OrganizationFilter
from people.models import Official, Organization
from relations.editorial.public import PublicDetailView, PublicExportView, PublicListView


class OfficialListView(PublicListView):
    model = Official
    filterset_class = OfficialFilter
    template_name = "people/official_list.html"
    export_url_name = "people:official-export"
    heading = "Officials"
    singular = "official"
    intro = "People who led or joined delegations, met their counterparts or signed agreements."


class OfficialDetailView(PublicDetailView):
    model = Official
    template_name = "people/official_detail.html"
    context_object_name = "official"


class OfficialExportView(PublicExportView):
    filterset_class = OfficialFilter
    report = OfficialReport


class OrganizationListView(PublicListView):
    model = Organization
    filterset_class = OrganizationFilter
    template_name = "people/organization_list.html"
    export_url_name = "people:organization-export"
    heading = "Organizations"
    singular = "organization"
    intro = "Ministries, agencies, parties, parliaments and other bodies that sent, hosted or signed."


class OrganizationDetailView(PublicDetailView):
    model = Organization
    template_name = "people/organization_detail.html"
    context_object_name = "organization"


class OrganizationExportView(PublicExportView):
    filterset_class = OrganizationFilter
    report = OrganizationReport
