"""The CSV export's baseline in the benchmark: django-import-export used the usual way.

A ``ModelResource`` whose fields dehydrate model instances one by one, their relations prefetched (the
resource the delegations had before their reports read columns with ``values_list()``). It writes the
same cells as ``DelegationResource`` (the report's rows, every related record named), which
``tests/scale/test_baseline.py`` checks, so ``csv_export_speedup`` compares two ways of writing one file.
"""

from __future__ import annotations

from django.db.models import Prefetch
from django.db.models.query import ModelIterable
from import_export import fields

from relations.editorial.exports import SafeResource, join
from relations.editorial.vocabulary import format_partial
from relations.models import Citation, Delegation


class InstanceDelegationResource(SafeResource):
    title = fields.Field(column_name="title")
    from_country = fields.Field(column_name="from_country")
    to_country = fields.Field(column_name="to_country")
    head = fields.Field(column_name="head")
    members = fields.Field(column_name="members")
    sending_body = fields.Field(column_name="sending_body")
    start_date = fields.Field(column_name="start_date")
    end_date = fields.Field(column_name="end_date")
    location = fields.Field(attribute="place", column_name="location")
    editorial_status = fields.Field(attribute="status", column_name="editorial_status")
    sources = fields.Field(column_name="sources")

    class Meta:
        model = Delegation
        fields = (
            "id", "title", "from_country", "to_country", "head", "members", "sending_body",
            "start_date", "end_date", "location", "editorial_status", "sources",
        )  # fmt: skip
        export_order = fields

    @staticmethod
    def prefetched(queryset):
        """``queryset`` with what the cells read (the head, the sending body, members and citations), its
        order explicit: import-export pages a prefetching queryset and would otherwise sort it by key."""
        if not queryset.query.order_by:
            queryset = queryset.order_by(*queryset.query.get_meta().ordering, "pk")
        citations = Citation.objects.select_related("article").defer("article__text")
        queryset = queryset.prefetch_related(None).select_related(None)
        queryset._iterable_class = ModelIterable  # relations as stored (a public list's hide drafts)
        return queryset.select_related("head", "sending_body").prefetch_related(
            "members", Prefetch("citations", queryset=citations)
        )

    def export(self, queryset=None, **kwargs):
        if queryset is None:
            queryset = Delegation.objects.order_by("pk")
        return super().export(self.prefetched(queryset), **kwargs)

    def dehydrate_title(self, obj):
        return str(obj)

    def dehydrate_from_country(self, obj):
        return obj.from_country.code or ""

    def dehydrate_to_country(self, obj):
        return obj.to_country.code or ""

    def dehydrate_head(self, obj):
        return obj.head.name if obj.head else ""

    def dehydrate_members(self, obj):
        return join(m.name for m in obj.members.all())

    def dehydrate_sending_body(self, obj):
        return obj.sending_body.name if obj.sending_body else ""

    def dehydrate_start_date(self, obj):
        return format_partial(obj.start_date, obj.start_precision)

    def dehydrate_end_date(self, obj):
        return format_partial(obj.end_date, obj.end_precision)

    def dehydrate_sources(self, obj):
        return join(sorted({c.article.key for c in obj.citations.all()}))
