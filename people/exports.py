"""CSV exports of officials and organizations, with the contract resources' columns."""

from django.http import StreamingHttpResponse

from people.resources import OfficialResource, OrganizationResource
from relations.exports import export_csv


def officials_csv(queryset) -> StreamingHttpResponse:
    """``queryset`` is the filtered public list (positions at published organizations only)."""
    queryset = queryset.with_sources().prefetch_related("aliases")
    return export_csv(queryset=queryset, resource=OfficialResource(), name="officials")


def organizations_csv(queryset) -> StreamingHttpResponse:
    queryset = queryset.with_sources().prefetch_related("aliases")
    return export_csv(queryset=queryset, resource=OrganizationResource(), name="organizations")
