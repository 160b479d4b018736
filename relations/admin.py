"""The admin of delegations, meetings and source articles (their upload page is the importer's)."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django_countries.filters import CountryFilter
from import_export.admin import ExportMixin
from reversion.admin import VersionAdmin

from relations.editorial import pending, publication
from relations.editorial.admin import (
    EDITORIAL_COLUMNS,
    EDITORIAL_FILTERS,
    BadQueryMixin,
    EditorialAdmin,
    StaleSaveAdminMixin,
    admin_url,
    country_column,
    flag_badges,
    held_back_view,
    m2m_inline,
    partial_date_column,
    status_badge,
    year_filter,
)
from relations.editorial.exports import EXPORT_FORMATS
from relations.models import Article, Citation, Delegation, Meeting
from relations.resources import ArticleResource, DelegationResource, MeetingResource

# ------------------------------------------------------------------ delegations and meetings


class MeetingInlineForm(forms.ModelForm):
    """A meeting edited inside its delegation's form: a published one only by a publisher."""

    editorial_user = None  # set per request by MeetingInline.get_formset

    def clean(self):
        cleaned = super().clean()
        instance = self.instance
        if (
            instance.pk
            and self.has_changed()
            and pending.holds_back(self.editorial_user, Meeting, instance.status)
        ):
            raise ValidationError(
                f"“{instance}” is published: change it on its own page, where changes wait for a publisher."
            )
        return cleaned


class MeetingInline(admin.TabularInline):
    model = Meeting
    form = MeetingInlineForm
    fk_name = "delegation"
    fields = ["title", "date", "date_precision", "place", "status"]
    readonly_fields = ["status"]
    extra = 0
    show_change_link = True

    def _parent_held_back(self, request, obj) -> bool:
        # The meetings are records of their own, not part of the delegation's pending version.
        return obj is not None and pending.holds_back(request.user, Delegation, obj.status)

    def has_add_permission(self, request, obj=None):
        return not self._parent_held_back(request, obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not self._parent_held_back(request, obj) and super().has_change_permission(request, obj)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form = type(formset.form.__name__, (formset.form,), {"editorial_user": request.user})
        return formset


@admin.register(Delegation)
class DelegationAdmin(EditorialAdmin):
    resource_classes = [DelegationResource]
    list_display = [
        "__str__", "head", "from_country_column", "to_country_column", "start_date_shown", *EDITORIAL_COLUMNS,
    ]  # fmt: skip
    list_select_related = ["head"]
    from_country_column = country_column("from_country", "from")
    to_country_column = country_column("to_country", "to")
    partial_dates = {"start_date": "start_precision", "end_date": "end_precision"}
    list_filter = [
        *EDITORIAL_FILTERS, ("from_country", CountryFilter), ("to_country", CountryFilter),
        year_filter("start_date"), "primary",
    ]  # fmt: skip
    # No date_hierarchy: its year links are a scan of every row; the year filter reads two index ends.
    autocomplete_fields = ["head", "sending_body", "host_body"]
    inlines = [m2m_inline(Delegation.members, "member"), MeetingInline]
    main_fieldsets = [
        (None, {"fields": ["title", ("from_country", "to_country"), "head", ("sending_body", "host_body")]}),
        (
            "When and where",
            {"fields": [("start_date", "start_precision"), ("end_date", "end_precision"), "place"]},
        ),
        (None, {"fields": ["purpose", "primary"]}),
    ]


@admin.register(Meeting)
class MeetingAdmin(EditorialAdmin):
    resource_classes = [MeetingResource]
    list_display = ["__str__", "date_shown", "place", "delegation", *EDITORIAL_COLUMNS]
    list_select_related = ["delegation"]
    partial_dates = {"date": "date_precision"}
    list_filter = [
        *EDITORIAL_FILTERS, ("delegation__from_country", CountryFilter), year_filter("date"),
    ]  # fmt: skip
    autocomplete_fields = ["delegation"]
    inlines = [m2m_inline(Meeting.participants, "participant")]
    main_fieldsets = [
        (None, {"fields": ["title", ("date", "date_precision"), "place", "delegation", "topics"]}),
    ]


# ------------------------------------------------------------------ articles


@admin.register(Article)
class ArticleAdmin(BadQueryMixin, StaleSaveAdminMixin, ExportMixin, VersionAdmin):
    resource_classes = [ArticleResource]
    export_formats = EXPORT_FORMATS
    import_export_change_list_template = "admin/editorial/change_list_export.html"
    list_display = ["key", "title", "published_on_shown", "needs_review", "imported_at"]
    published_on_shown = partial_date_column("published_on", "date_precision", "date")
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
            '<div class="editorial-article-text">{}</div>',
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

    def get_deleted_objects(self, objs, request):
        """An article that published or archived records cite is their source: the delete page and the
        "delete selected" action refuse it (Django's "protected" list) while they cite it."""
        to_delete, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        for article in objs:
            for record in pending.public_citers(article):
                status = record.get_status_display().lower()
                protected.append(
                    f"{capfirst(record._meta.verbose_name)} “{record}” ({status}) cites article {article.key}"
                )
        return to_delete, counts, perms_needed, protected

    # An article that published records cite is public: a change to it waits for a publisher.
    def holds_back(self, request, pk) -> bool:
        article = Article.objects.defer("text").filter(pk=pk).first()
        return (
            article is not None
            and not request.user.has_perm("relations.publish_article")
            and pending.cited_by_public(article)
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        def view():
            return super(ArticleAdmin, self).change_view(request, object_id, form_url, extra_context)

        response = held_back_view(self, request, object_id, view, "change form")
        return response if response is not None else view()

    def revision_view(self, request, object_id, version_id, extra_context=None):
        def view():
            return super(ArticleAdmin, self).revision_view(request, object_id, version_id, extra_context)

        response = held_back_view(self, request, object_id, view, "history revert")
        return response if response is not None else view()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        held = self.edit_state(request).held
        if held is not None:
            held.saved = True

    def has_import_articles_permission(self, request) -> bool:
        return request.user.has_perm("relations.add_article")

    def changelist_view(self, request, extra_context=None):
        links = [(reverse("admin:review-queue"), "Review queue")]
        if self.has_import_articles_permission(request):
            links.insert(0, (reverse("admin:article-import"), "Import article files"))
        extra_context = {**(extra_context or {}), "editorial_links": links}
        return super().changelist_view(request, extra_context)
