"""The contract resources of delegations, meetings and articles (``manage.py export``, the admin)."""

from django.core.exceptions import ValidationError
from import_export import fields

from relations.editorial.exports import SafeResource, report_resource
from relations.exports import DelegationReport, MeetingReport
from relations.models import Article, Delegation, Meeting

DelegationResource = report_resource(
    DelegationReport, Delegation, name="DelegationResource", module=__name__, imports={"location": "place"}
)
MeetingResource = report_resource(
    MeetingReport, Meeting, name="MeetingResource", module=__name__, imports={"location": "place"}
)


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

    def before_import(self, dataset, **kwargs):
        # Export only: an article's fields change in the admin, where a change to one that published
        # records cite waits for a publisher; its text comes from its file (import_articles).
        raise ValidationError(
            "Articles are not imported from a table: import their files (import_articles, or the admin's "
            "upload page), and change their fields in the admin."
        )
