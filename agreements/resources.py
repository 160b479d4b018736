from import_export import fields

from agreements.models import Agreement
from relations.editorial.exports import EditorialResource, join


class AgreementResource(EditorialResource):
    title = fields.Field(attribute="title", column_name="title")
    kind = fields.Field(attribute="kind", column_name="kind")
    state = fields.Field(attribute="state", column_name="state")
    signed_on = fields.Field(column_name="signed_on", readonly=True)
    period = fields.Field(column_name="period", readonly=True)
    parties = fields.Field(column_name="parties", readonly=True)
    signatories = fields.Field(column_name="signatories", readonly=True)

    class Meta:
        model = Agreement
        fields = (
            "id", "title", "kind", "state", "signed_on", "period", "parties", "signatories",
            "editorial_status", "sources",
        )  # fmt: skip
        export_order = fields
        import_id_fields = ("id",)
        skip_unchanged = True

    def dehydrate_signed_on(self, obj):
        return self.partial(obj.signed_on, obj.signed_precision)

    def dehydrate_period(self, obj):
        return obj.period

    def dehydrate_parties(self, obj):
        return join([*(p.name for p in obj.parties.all()), *(c.name for c in obj.party_countries)])

    def dehydrate_signatories(self, obj):
        return join(s.name for s in obj.signatories.all())
