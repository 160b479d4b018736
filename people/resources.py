"""The contract resources of officials and organizations (``manage.py export``, the admin)."""

from import_export import fields

from people.exports import OfficialReport, OrganizationReport
from people.models import Official, Organization
from relations.editorial.exports import ReportResource


class OfficialResource(ReportResource):
    report = OfficialReport
    name = fields.Field(attribute="name", column_name="name")
    aliases = fields.Field(column_name="aliases", readonly=True)
    country = fields.Field(attribute="country", column_name="country")
    titles = fields.Field(column_name="titles", readonly=True)
    organization = fields.Field(column_name="organization", readonly=True)

    class Meta:
        model = Official
        fields = export_order = OfficialReport.header
        import_id_fields = ("id",)
        skip_unchanged = True


class OrganizationResource(ReportResource):
    report = OrganizationReport
    name = fields.Field(attribute="name", column_name="name")
    acronym = fields.Field(attribute="acronym", column_name="acronym")
    country = fields.Field(attribute="country", column_name="country")
    kind = fields.Field(attribute="kind", column_name="kind")
    parent = fields.Field(column_name="parent", readonly=True)
    aliases = fields.Field(column_name="aliases", readonly=True)

    class Meta:
        model = Organization
        fields = export_order = OrganizationReport.header
        import_id_fields = ("id",)
        skip_unchanged = True
