"""The admin of delegations, meetings and source articles (their upload page is the importer's)."""

from __future__ import annotations

from django.contrib import admin
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django_countries.filters import CountryFilter
from import_export.admin import ExportMixin
from reversion.admin import VersionAdmin

from relations.editorial import publication
from relations.editorial.admin import (
    BadQueryMixin,
    EditorialAdmin,
    FlagFilter,
    StaleSaveAdminMixin,
    admin_url,
    country_column,
    flag_badges,
    status_badge,
    year_filter,
)
from relations.editorial.exports import EXPORT_FORMATS
from relations.models import Article, Citation, Delegation, Meeting
from relations.resources import ArticleResource, DelegationResource, MeetingResource

# ------------------------------------------------------------------ delegations and meetings


class MemberInline(admin.TabularInline):
    model = Delegation.members.through
    autocomplete_fields = ["official"]
    extra = 0
    verbose_name = "member"
    verbose_name_plural = "members"


class MeetingInline(admin.TabularInline):
    model = Meeting
    fk_name = "delegation"
    fields = ["title", "date", "date_precision", "place", "status"]
    readonly_fields = ["status"]
    extra = 0
    show_change_link = True


@admin.register(Delegation)
class DelegationAdmin(EditorialAdmin):
    resource_classes = [DelegationResource]
    list_display = [
        "__str__", "head", "from_country_column", "to_country_column", "start_date", "status_column",
        "flags_column", "confidence_column", "updated_at",
    ]  # fmt: skip
    list_select_related = ["head"]
    from_country_column = country_column("from_country", "from")
    to_country_column = country_column("to_country", "to")
    list_filter = [
        "status", FlagFilter, ("from_country", CountryFilter), ("to_country", CountryFilter),
        year_filter("start_date"), "primary",
    ]  # fmt: skip
    # No date_hierarchy: its year links are a scan of every row; the year filter reads two index ends.
    autocomplete_fields = ["head", "sending_body", "host_body"]
    inlines = [MemberInline, MeetingInline]
    main_fieldsets = [
        (None, {"fields": ["title", ("from_country", "to_country"), "head", ("sending_body", "host_body")]}),
        (
            "When and where",
            {"fields": [("start_date", "start_precision"), ("end_date", "end_precision"), "place"]},
        ),
        (None, {"fields": ["purpose", "primary"]}),
    ]


class ParticipantInline(admin.TabularInline):
    model = Meeting.participants.through
    autocomplete_fields = ["official"]
    extra = 0
    verbose_name = "participant"
    verbose_name_plural = "participants"


@admin.register(Meeting)
class MeetingAdmin(EditorialAdmin):
    resource_classes = [MeetingResource]
    list_display = [
        "__str__", "date", "place", "delegation", "status_column", "flags_column", "confidence_column",
        "updated_at",
    ]  # fmt: skip
    list_select_related = ["delegation"]
    list_filter = [
        "status", FlagFilter, ("delegation__from_country", CountryFilter), year_filter("date"),
    ]  # fmt: skip
    autocomplete_fields = ["delegation"]
    inlines = [ParticipantInline]
    main_fieldsets = [
        (None, {"fields": ["title", ("date", "date_precision"), "place", "delegation", "topics"]}),
    ]


# ------------------------------------------------------------------ articles


@admin.register(Article)
class ArticleAdmin(BadQueryMixin, StaleSaveAdminMixin, ExportMixin, VersionAdmin):
    resource_classes = [ArticleResource]
    export_formats = EXPORT_FORMATS
    import_export_change_list_template = "admin/editorial/change_list_export.html"
    list_display = ["key", "title", "published_on", "date_precision", "needs_review", "imported_at"]
    list_filter = ["needs_review", "date_precision", "language", year_filter("published_on")]
    search_fields = ["key", "title"]
    show_full_result_count = False
    list_per_page = 50
    readonly_fields = [
        "key", "content_hash", "imported_at", "import_flags", "extracted", "highlighted_text", "created_at",
        "updated_at",
    ]  # fmt: skip
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "key",
                    "title",
                    ("published_on", "date_precision"),
                    "dateline_place",
                    "source_url",
                    "_updated_at",
                ]
            },
        ),
        ("Import", {"fields": ["needs_review", "import_flags", "imported_at", "language", "content_hash"]}),
        ("Extracted from this article", {"fields": ["extracted"]}),
        ("Text, cited sentences highlighted", {"fields": ["highlighted_text"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.resolver_match and request.resolver_match.url_name == "relations_article_changelist":
            queryset = queryset.defer("text")
        return queryset

    def _citations(self, obj):
        if not hasattr(obj, "_admin_citations"):
            citations = list(
                Citation.objects.filter(article=obj).select_related("content_type").prefetch_related("record")
            )
            obj._admin_citations = citations
        return obj._admin_citations

    @admin.display(description="Records")
    def extracted(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        rows = {}
        for c in self._citations(obj):
            record = c.record
            if record is None:
                continue
            key = (c.content_type_id, c.object_id)
            row = rows.setdefault(
                key,
                {
                    "type": record._meta.verbose_name,
                    "record": record,
                    "url": admin_url(record),
                    "status": status_badge(record.status) if hasattr(record, "status") else "",
                    "flags": flag_badges(getattr(record, "flags", []), getattr(record, "confidence", None)),
                    "quotes": [],
                },
            )
            row["quotes"].append(c.quote)
        rows = sorted(rows.values(), key=lambda r: (r["type"], str(r["record"])))
        return render_to_string("admin/editorial/includes/extracted.html", {"rows": rows})

    @admin.display(description="Text")
    def highlighted_text(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        spans = sorted({(c.start, c.end) for c in self._citations(obj)})
        parts, at = [], 0
        for start, end in spans:
            if start < at:
                continue
            parts.append(format_html("{}<mark>{}</mark>", obj.text[at:start], obj.text[start:end]))
            at = end
        parts.append(format_html("{}", obj.text[at:]))
        return format_html(
            '<div class="editorial-article-text" style="white-space:pre-wrap;max-width:60em">{}</div>',
            format_html_join("", "{}", ((p,) for p in parts)),
        )

    # Every article has a public page: any change to one changes what the public sees.
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        publication.changed()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        publication.changed()

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            super().delete_queryset(request, queryset)
            publication.changed()

    def has_add_permission(self, request):
        return False  # articles come from files: see "Import article files"

    def has_import_articles_permission(self, request) -> bool:
        return request.user.has_perm("relations.add_article")

    def changelist_view(self, request, extra_context=None):
        links = [(reverse("admin:review-queue"), "Review queue")]
        if self.has_import_articles_permission(request):
            links.insert(0, (reverse("admin:article-import"), "Import article files"))
        extra_context = {**(extra_context or {}), "editorial_links": links}
        return super().changelist_view(request, extra_context)
