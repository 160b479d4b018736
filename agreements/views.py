"""Public pages of agreements: only published records and published relations."""

from django.db.models import Prefetch

from agreements import exports
from agreements.filters import AgreementFilter
from agreements.models import Agreement
from relations.editorial.public import PublicDetailView, PublicExportView, PublicListView, published
from relations.filters import published_officials, published_organizations


def agreement_queryset():
    return Agreement.objects.published().prefetch_related(
        Prefetch("parties", queryset=published_organizations())
    )


def agreement_detail_queryset():
    return (
        agreement_queryset()
        .with_sources()
        .prefetch_related(
            Prefetch("signatories", queryset=published_officials()),
            Prefetch("delegation", queryset=published("relations.Delegation")),
            Prefetch("meeting", queryset=published("relations.Meeting")),
        )
    )


class AgreementListView(PublicListView):
    filterset_class = AgreementFilter
    template_name = "agreements/agreement_list.html"
    export_url_name = "agreements:agreement-export"
    heading = "Agreements"
    singular = "agreement"
    intro = "Treaties, agreements, memoranda, programmes and plans: signed, in force, drafted or referred to."

    def get_queryset(self):
        return agreement_queryset()


class AgreementDetailView(PublicDetailView):
    template_name = "agreements/agreement_detail.html"
    context_object_name = "agreement"

    def get_queryset(self):
        return agreement_detail_queryset()


class AgreementExportView(PublicExportView):
    filterset_class = AgreementFilter

    def get_queryset(self):
        return agreement_queryset()

    def stream(self, queryset):
        return exports.agreements_csv(queryset)
