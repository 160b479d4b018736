"""CSV export of agreements, with the contract resource's columns."""

from django.db.models import Prefetch
from django.http import StreamingHttpResponse

from agreements.resources import AgreementResource
from relations.exports import export_csv
from relations.filters import published_officials


def agreements_csv(queryset) -> StreamingHttpResponse:
    """``queryset`` is the filtered public list (published parties only)."""
    queryset = queryset.with_sources().prefetch_related(
        Prefetch("signatories", queryset=published_officials())
    )
    return export_csv(queryset=queryset, resource=AgreementResource(), name="agreements")
