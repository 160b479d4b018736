"""Officials and organizations in the admin: aliases and positions inline, likely duplicates, merging."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import urlencode
from django_countries.filters import CountryFilter

from people import merging
from people.models import Official, OfficialAlias, Organization, OrganizationAlias, Position
from people.resources import OfficialResource, OrganizationResource
from relations.editorial import workflow
from relations.editorial.admin import (
    EDITORIAL_COLUMNS,
    EDITORIAL_FILTERS,
    EditorialAdmin,
    admin_url,
    country_column,
)
from relations.models import Citation


class MergeAdminMixin:
    """ "Merge selected …" action → a page to choose the survivor → ``people.merging``; and a page of
    likely duplicates, each pair one click from that page."""

    merge_plan = None  # people.merging.OFFICIALS or ORGANIZATIONS
    actions = [*EditorialAdmin.actions, "merge_selected"]

    def has_merge_permission(self, request) -> bool:
        return workflow.can_merge(request.user, self.model)

    def _url(self, name: str) -> str:
        opts = self.model._meta
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_{name}")

    @admin.action(description="Merge selected %(verbose_name_plural)s…", permissions=["merge"])
    def merge_selected(self, request, queryset):
        pks = list(queryset.values_list("pk", flat=True)[:50])
        if len(pks) < 2:
            self.message_user(request, "Select two or more records to merge.", messages.WARNING)
            return None
        return HttpResponseRedirect(f"{self._url('merge')}?{urlencode({'ids': ','.join(map(str, pks))})}")

    def get_urls(self):
        opts = self.model._meta
        prefix = f"{opts.app_label}_{opts.model_name}"
        view = self.admin_site.admin_view
        return [
            path("merge/", view(self.merge_view), name=f"{prefix}_merge"),
            path("duplicates/", view(self.duplicates_view), name=f"{prefix}_duplicates"),
            *super().get_urls(),
        ]

    def extra_links(self, request):
        return [*super().extra_links(request), (self._url("duplicates"), "Likely duplicates")]

    def duplicates_url(self, obj) -> str:
        return f"{self._url('duplicates')}?{urlencode({'record': obj.pk})}"

    def moved_counts(self, obj) -> list[str]:
        """What merging ``obj`` away would move, counted in words: "1 alias", "3 meetings"."""
        return [merging.counted(n, label) for label, n in self.merge_plan.preview(obj) if n]

    def merge_view(self, request):
        if not self.has_merge_permission(request):
            raise PermissionDenied
        source = request.POST if request.method == "POST" else request.GET
        pks = [int(p) for p in source.get("ids", "").split(",") if p.strip().isdigit()]
        records = list(self.model._default_manager.filter(pk__in=pks).order_by("pk"))
        if len(records) < 2:
            self.message_user(request, "Choose two or more records to merge.", messages.WARNING)
            return HttpResponseRedirect(self._url("changelist"))
        error = None
        if request.method == "POST":
            survivor = next((r for r in records if str(r.pk) == request.POST.get("survivor")), None)
            if survivor is None:
                error = "Choose the record to keep."
            else:
                others = [r for r in records if r.pk != survivor.pk]
                try:
                    result = merging.merge(self.merge_plan, survivor, others, by=request.user)
                except ValidationError as exc:
                    error = " ".join(exc.messages)
                else:
                    self.message_user(request, result.summary(), messages.SUCCESS)
                    return HttpResponseRedirect(admin_url(result.survivor))
        suggested = max(
            records, key=lambda r: (r.status == "published", Citation.objects.for_object(r).count(), -r.pk)
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": f"Merge {self.model._meta.verbose_name_plural}",
            "rows": [(r, admin_url(r), self.moved_counts(r)) for r in records],
            "ids": ",".join(str(r.pk) for r in records),
            "suggested": suggested.pk,
            "error": error,
        }
        return TemplateResponse(request, "admin/people/merge.html", context)

    def duplicates_view(self, request):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        only = request.GET.get("record", "")
        only = int(only) if only.isdigit() else None
        queryset = self.model._default_manager.all()
        if self.model is Organization:
            pairs = merging.suggest_organization_duplicates(queryset, only=only)
        elif only is not None:
            record = self.model._default_manager.filter(pk=only).first()
            if record is not None:  # compare with the records sharing a word of its name, in its country
                words = record.name_folded.split()
                queryset = queryset.filter(country=record.country)
                if words:
                    queryset = queryset.filter(name_folded__contains=words[0]) | queryset.filter(
                        name_folded__contains=words[-1], country=record.country
                    )
        if self.model is not Organization:
            pairs = merging.suggest_duplicates(queryset, only=only, window=50 if only else 8)
        change = f"{self.model._meta.app_label}_{self.model._meta.model_name}_change"
        rows = [
            (
                s,
                reverse(f"admin:{change}", args=[s.a]),
                reverse(f"admin:{change}", args=[s.b]),
                f"{self._url('merge')}?{urlencode({'ids': f'{s.a},{s.b}'})}",
            )
            for s in pairs
        ]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": f"Likely duplicate {self.model._meta.verbose_name_plural}",
            "rows": rows,
            "only": only,
            "can_merge": self.has_merge_permission(request),
            "explanation": (
                "Pairs in one country, not under two different parents, whose names are the same once "
                "“of <country>”, word order, an acronym or a misspelling are set aside; most alike first."
                if self.model is Organization
                else "Officials in one country with close folded names sharing a surname; most alike first."
            ),
        }
        return TemplateResponse(request, "admin/people/duplicates.html", context)


class AliasInline(admin.TabularInline):
    """A record's other names, one row each, no blank rows."""

    fields = ["name"]
    extra = 0


class OfficialAliasInline(AliasInline):
    model = OfficialAlias
    fields = ["name", "kind"]


class PositionInline(admin.TabularInline):
    model = Position
    fields = ["title", "organization", "start_date", "end_date", "first_seen", "last_seen"]
    autocomplete_fields = ["organization"]
    extra = 0


@admin.register(Official)
class OfficialAdmin(MergeAdminMixin, EditorialAdmin):
    merge_plan = merging.OFFICIALS
    resource_classes = [OfficialResource]
    list_display = ["name", "country_column", *EDITORIAL_COLUMNS]
    country_column = country_column("country")
    list_filter = [*EDITORIAL_FILTERS, ("country", CountryFilter)]
    inlines = [OfficialAliasInline, PositionInline]
    main_fieldsets = [(None, {"fields": ["name", "country", "note"]})]


class OrganizationAliasInline(AliasInline):
    model = OrganizationAlias


@admin.register(Organization)
class OrganizationAdmin(MergeAdminMixin, EditorialAdmin):
    merge_plan = merging.ORGANIZATIONS
    resource_classes = [OrganizationResource]
    list_display = ["name", "acronym", "country_column", "kind", "parent", *EDITORIAL_COLUMNS]
    list_select_related = ["parent"]
    country_column = country_column("country")
    list_filter = [
        *EDITORIAL_FILTERS, ("country", CountryFilter), "kind",
    ]  # fmt: skip
    autocomplete_fields = ["parent"]
    inlines = [OrganizationAliasInline]
    main_fieldsets = [(None, {"fields": ["name", "acronym", "country", "kind", "parent", "website"]})]
