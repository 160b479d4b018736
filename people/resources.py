"""The contract resources of officials and organizations (``manage.py export``, the admin)."""

from people.exports import OfficialReport, OrganizationReport
from people.models import Official, Organization
from relations.editorial.exports import report_resource

OfficialResource = report_resource(
    OfficialReport, Official, name="OfficialResource", module=__name__,
    imports={"name": "name", "country": "country"},
)  # fmt: skip
OrganizationResource = report_resource(
    OrganizationReport, Organization, name="OrganizationResource", module=__name__,
    imports={"name": "name", "acronym": "acronym", "country": "country", "kind": "kind"},
)  # fmt: skip
