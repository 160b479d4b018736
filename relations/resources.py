from import_export import fields, resources

from relations.editorial.exports import EditorialResource, country_code, join
from relations.models import Article, Delegation, Meeting


class DelegationResource(EditorialResource):
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
        fields = (
            "id", "title", "from_country", "to_country", "head", "members", "sending_body",
            "start_date", "end_date", "location", "editorial_status", "sources",
        )  # fmt: skip
        export_order = fields
        import_id_fields = ("id",)
        skip_unchanged = True

    def dehydrate_title(self, obj):
        return str(obj)

    def dehydrate_from_country(self, obj):
        return country_code(obj.from_country)

    def dehydrate_to_country(self, obj):
        return country_code(obj.to_country)

    def dehydrate_head(self, obj):
        return obj.head.name if obj.head else ""

    def dehydrate_members(self, obj):
        return join(m.name for m in obj.members.all())

    def dehydrate_sending_body(self, obj):
        return obj.sending_body.name if obj.sending_body else ""

    def dehydrate_start_date(self, obj):
        return self.partial(obj.start_date, obj.start_precision)

    def dehydrate_end_date(self, obj):
        return self.partial(obj.end_date, obj.end_precision)


class MeetingResource(EditorialResource):
    date = fields.Field(column_name="date", readonly=True)
    location = fields.Field(attribute="place", column_name="location")
    participants = fields.Field(column_name="participants", readonly=True)
    delegation = fields.Field(column_name="delegation", readonly=True)

    class Meta:
        model = Meeting
        fields = ("id", "date", "location", "participants", "delegation", "editorial_status", "sources")
        export_order = fields
        import_id_fields = ("id",)
        skip_unchanged = True

    def dehydrate_date(self, obj):
        return self.partial(obj.date, obj.date_precision)

    def dehydrate_participants(self, obj):
        return join(p.name for p in obj.participants.all())

    def dehydrate_delegation(self, obj):
        return str(obj.delegation) if obj.delegation else ""


class ArticleResource(resources.ModelResource):
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
