"""The contract resources of delegations, meetings and articles (``manage.py export``, the admin)."""

from import_export import fields

from relations.editorial.exports import ReportResource, SafeResource
from relations.exports import DelegationReport, MeetingReport
from relations.models import Article, Delegation, Meeting


class DelegationResource(ReportResource):
    report = DelegationReport
    title = fields.Field(column_name="title")
    from_country = fields.Field(column_name="from_country")
    to_country = fields.Field(column_name="to_country")
    head = fields.Field(column_name="head", readonly=True)
    members = fields.Field(column_name="members", readonly=True)
    sending_body = fields.Field(column_name="sending_body", readonly=True)
    start_date = fields.Field(column_name="start_date", readonly=True)
    end_date = fields.Field(column_name="end_date", readonly=True)
    location = fields.Field(attribute="place", column_name="location")

    class Meta:
        model = Delegation
        fields = export_order = DelegationReport.header
        import_id_fields = ("id",)
        skip_unchanged = True


class MeetingResource(ReportResource):
    report = MeetingReport
    date = fields.Field(column_name="date", readonly=True)
    location = fields.Field(attribute="place", column_name="location")
    participants = fields.Field(column_name="participants", readonly=True)
    delegation = fields.Field(column_name="delegation", readonly=True)

    class Meta:
        model = Meeting
        fields = export_order = MeetingReport.header
        import_id_fields = ("id",)
        skip_unchanged = True


class ArticleResource(SafeResource):
    published_on = fields.Field(column_name="published_on", readonly=True)

    class Meta:
        model = Article
        fields = ("id", "key", "title", "published_on", "date_precision", "source_url", "needs_review")
        export_order = fields
        import_id_fields = ("id",)

    def dehydrate_published_on(self, obj):
        return obj.date_iso

    def get_queryset(self):
        return Article.objects.defer("text").order_by("pk")
