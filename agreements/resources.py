"""The contract resource of agreements (``manage.py export``, the admin)."""

from import_export import fields

from agreements.exports import AgreementReport
from agreements.models import Agreement
from relations.editorial.exports import ReportResource


class AgreementResource(ReportResource):
    report = AgreementReport
    title = fields.Field(attribute="title", column_name="title")
    kind = fields.Field(attribute="kind", column_name="kind")
    state = fields.Field(attribute="state", column_name="state")
    signed_on = fields.Field(column_name="signed_on", readonly=True)
    period = fields.Field(column_name="period", readonly=True)
    parties = fields.Field(column_name="parties", readonly=True)
    signatories = fields.Field(column_name="signatories", readonly=True)

    class Meta:
        model = Agreement
        fields = export_order = AgreementReport.header
        import_id_fields = ("id",)
        skip_unchanged = True
