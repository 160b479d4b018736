"""Public pages of agreements: only published records and published relations."""

from agreements.exports import AgreementReport
from agreements.filters import AgreementFilter
from agreements.models import Agreement
from relations.editorial.public import PublicDetailView, PublicExportView, PublicListView


class AgreementListView(PublicListView):
    model = Agreement
    filterset_class = AgreementFilter
    template_name = "agreements/agreement_list.html"
    export_url_name = "agreements:agreement-export"
    heading = "Agreements"
    singular = "agreement"
    intro = "Treaties, agreements, memoranda, programmes and plans: signed, in force, drafted or referred to."


class AgreementDetailView(PublicDetailView):
    model = Agreement
    template_name = "agreements/agreement_detail.html"
    context_object_name = "agreement"


class AgreementExportView(PublicExportView):
    filterset_class = AgreementFilter
    report = AgreementReport
