"""The shared editorial admin: what every curated model's admin is built from.

Every curated model's admin derives from :class:`EditorialAdmin`: the workflow buttons and bulk actions
(all through ``relations.editorial.workflow``), history and restore (django-reversion), a conflict check on
save, the importer's flags and the cited sentences in view, folded search, import and export. Also here:
the list filters and columns they share, and the citation inline. CSV imports go through the workflow
guard every contract resource has (``relations.editorial.table_imports``).
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

import reversion
from django import forms
from django.apps import apps
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.main import SEARCH_VAR
from django.contrib.contenttypes.admin import GenericTabularInline
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Max, Min, Q, TextField
from django.db.models.functions import Cast
from django.http import HttpResponseRedirect
from django.template.defaultfilters import filesizeformat
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.html import format_html, format_html_join
from import_export.admin import ImportExportMixin
from import_export.forms import ImportForm
from reversion.admin import VersionAdmin
from reversion.models import Version

from relations.editorial import pending, publication, workflow
from relations.editorial.exports import EXPORT_FORMATS, IMPORT_FORMATS
from relations.editorial.pagination import ReversiblePaginator
from relations.editorial.search import fold, fold_key, matching, search_problem
from relations.editorial.table_imports import guarded
from relations.editorial.vocabulary import LOW_CONFIDENCE_BELOW, Flag, Status, human_partial

# The importer's flags, as the filters offer them.
KNOWN_FLAGS = Flag.choices

#: The largest CSV file the admin accepts for import (bytes).
IMPORT_MAX_BYTES = getattr(settings, "ADMIN_IMPORT_MAX_BYTES", 2 * 1024 * 1024)

# The core names the models of apps by string only; admin modules load once the registry is ready.
Citation = apps.get_model("relations", "Citation")

BUTTONS = {
    "submit": "Save and submit for review",
    "publish": "Save and publish",
    "unpublish": "Save and unpublish",
    "archive": "Save and archive",
    "return_to_draft": "Save and return to draft",
}

# ------------------------------------------------------------------ display helpers


def status_badge(status: str) -> str:
    label = Status(status).label if status in Status.values else status
    # Its colour is the stylesheet's (static/css/admin-editorial.css): no style attribute under the CSP.
    return format_html('<span class="editorial-status editorial-status-{}">{}</span>', status, label)


def flag_badges(flags, confidence: float | None = None) -> str:
    shown = list(flags or [])
    if confidence is not None and confidence < LOW_CONFIDENCE_BELOW and Flag.LOW_CONFIDENCE not in shown:
        shown.append(f"{Flag.LOW_CONFIDENCE} ({confidence:.2f})")
    if not shown:
        return "—"
    return format_html_join(" ", '<span class="editorial-flag">{}</span>', ((f,) for f in shown))


def admin_url(obj, action: str = "change") -> str:
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{action}", args=[obj.pk])


def flags_query(flag: str) -> Q:
    """Records whose flags include ``flag`` (or one that starts with it, e.g. "possible duplicate: ...").

    JSON containment is not available on SQLite, so this searches the JSON text for the quoted flag.
    """
    q = Q(flags_text__contains=f'"{flag}')
    if flag == Flag.LOW_CONFIDENCE:
        q |= Q(confidence__lt=LOW_CONFIDENCE_BELOW)
    return q


def with_flags_text(queryset: models.QuerySet) -> models.QuerySet:
    return queryset.annotate(flags_text=Cast("flags", TextField()))


def cited_context(citation) -> dict:
    before, quote, after = citation.context
    return {
        "citation": citation,
        "article": citation.article,
        "before": ("…" if citation.start > len(before) else "") + before,
        "quote": quote,
        "after": after + ("…" if citation.end + len(after) < len(citation.article.text) else ""),
    }


# ------------------------------------------------------------------ list filters


class FlagFilter(admin.SimpleListFilter):
    title = "importer's flag"
    parameter_name = "flag"

    def lookups(self, request, model_admin):
        return [*KNOWN_FLAGS, ("any", "Any flag"), ("none", "No flag")]

    def queryset(self, request, queryset):
        value = self.value()
        if not value:
            return queryset
        queryset = with_flags_text(queryset)
        if value == "any":
            return queryset.exclude(flags_text="[]")
        if value == "none":
            return queryset.filter(flags_text="[]", confidence__gte=LOW_CONFIDENCE_BELOW)
        return queryset.filter(flags_query(value))


#: The filters every curated list starts with: where a record stands in review, and what the importer flagged.
EDITORIAL_FILTERS = ("status", FlagFilter)


def country_column(field: str, description: str = ""):
    """A list column with a country's name: ``display_for_field`` would rebuild the choices per cell."""

    @admin.display(description=description or field.replace("_", " "), ordering=field)
    def column(self, obj):
        return getattr(obj, field).name

    return column


def partial_date_column(field: str, precision: str, description: str = ""):
    """A list column with a date at its precision ("May 2023", "2023"), not the day the database stores."""

    @admin.display(description=description or field.replace("_", " "), ordering=field, empty_value="—")
    def column(self, obj):
        return human_partial(getattr(obj, field), getattr(obj, precision)) or None

    return column


def m2m_inline(relation, name: str, plural: str = "") -> type[admin.TabularInline]:
    """An inline of a many-to-many's rows (``Agreement.parties``): the record of each row picked by
    autocomplete, no blank rows; ``name`` and ``plural`` say what a row is ("party")."""
    field = relation.field
    return type(
        f"{name.title()}Inline",
        (admin.TabularInline,),
        {
            "__module__": field.model.__module__,
            "model": relation.through,
            "autocomplete_fields": [field.m2m_reverse_field_name()],
            "extra": 0,
            "verbose_name": name,
            "verbose_name_plural": plural or f"{name}s",
        },
    )


def shown_at_precision(fieldsets, partial_dates: dict[str, str]):
    """``fieldsets`` with each (date, precision) pair of ``partial_dates`` as one read-only line at its
    precision (``<date>_shown``): what a reader who may not change the record sees."""

    def line(entry):
        names = entry if isinstance(entry, (list, tuple)) else (entry,)
        shown = [f"{n}_shown" if n in partial_dates else n for n in names if n not in partial_dates.values()]
        return tuple(shown) if isinstance(entry, (list, tuple)) else shown[0]

    return [
        (title, {**options, "fields": [line(e) for e in options["fields"]]}) for title, options in fieldsets
    ]


# The years a date can hold; ``?year=`` outside them is refused (400) before the list is queried.
MIN_YEAR, MAX_YEAR = 1, 9999


def year_problem(value: str) -> str:
    """Why ``value`` is refused as the year filter's value ("" when it is a year)."""
    if value.isdigit() and MIN_YEAR <= int(value) <= MAX_YEAR:
        return ""
    return f"“{value[:50]}” is not a year from {MIN_YEAR} to {MAX_YEAR}."


def query_problems(request, model_admin) -> list[str]:
    """Why the changelist's query string is refused: a search or a year the database cannot run."""
    problems = [search_problem(q) for q in request.GET.getlist(SEARCH_VAR)]
    if any(isinstance(f, type) and issubclass(f, YearFilterBase) for f in model_admin.list_filter):
        problems += [year_problem(v) for v in request.GET.getlist(YearFilterBase.parameter_name)]
    return [p for p in problems if p]


class BadQueryMixin:
    """A changelist (or its export) asked for a search or a filter value that cannot be run answers
    400 with the reason and a link back to the list, rather than an error page or a redirect."""

    def refuse_query(self, request):
        problems = query_problems(request, self)
        if not problems:
            return None
        opts = self.model._meta
        context = {
            **self.admin_site.each_context(request),
            "opts": opts,
            "title": "This list cannot be shown",
            "problems": problems,
            "back": reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"),
        }
        return TemplateResponse(request, "admin/editorial/bad_request.html", context, status=400)

    def changelist_view(self, request, extra_context=None):
        return self.refuse_query(request) or super().changelist_view(request, extra_context)

    def export_action(self, request, *args, **kwargs):
        return self.refuse_query(request) or super().export_action(request, *args, **kwargs)


class YearFilterBase(admin.SimpleListFilter):
    parameter_name = "year"


def year_filter(field: str, title: str = "year"):
    """A list filter by the year of a date field (the years present, newest first)."""

    class YearFilter(YearFilterBase):
        def lookups(self, request, model_admin):
            # Two index lookups, not a DISTINCT over the table: every year between the first and the last.
            # Two queries: SQLite reads MIN() from an index end only when it is the query's one aggregate.
            records = model_admin.model._default_manager
            first, last = records.aggregate(v=Min(field))["v"], records.aggregate(v=Max(field))["v"]
            if first is None:
                return []
            return [(str(y), str(y)) for y in range(last.year, first.year - 1, -1)]

        def queryset(self, request, queryset):
            if self.value() and not year_problem(self.value()):  # BadQueryMixin refused the others
                return queryset.filter(**{f"{field}__year": int(self.value())})
            return queryset

    YearFilter.title = title
    return YearFilter


# ------------------------------------------------------------------ the change form


@dataclass
class EditState:
    """What one request to a change form carries from one admin hook to the next.

    Django's admin calls ``revision_view``, ``get_form``, ``save_model``, ``save_related``, ``log_change``
    and ``response_change`` in turn with only the request in common. Rather than set attributes on the
    request, :class:`StaleSaveAdminMixin` keeps one ``EditState`` per request (``edit_state(request)``),
    held as long as the request lives.
    """

    #: While a revision is being restored: the record's ``updated_at`` (and ``status``) before the restore.
    before_revert: dict | None = None
    #: The request recovers a deleted record.
    recovering: bool = False
    #: The workflow transition applied after the save, and how many records it changed (0 or 1).
    transition: tuple[str, int] | None = None
    #: A save that waits for a publisher (``relations.editorial.pending.Held``): read back, then rolled back.
    held: object | None = None


def current_token(model: type[models.Model], pk, before_revert: dict | None = None) -> str:
    """The ``updated_at`` the editor's copy must match: the database's, or (while a revision is being
    restored, inside reversion's transaction) the one from before the restore."""
    before = before_revert
    if before is not None:
        value = before["updated_at"]
    else:
        value = model._default_manager.filter(pk=pk).values_list("updated_at", flat=True).first()
    return value.isoformat() if value else ""


def _comparable(value):
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, models.QuerySet | list | tuple | set):
        return sorted(_comparable(v) for v in value)
    if hasattr(value, "code"):
        return value.code or ""
    if value is None:
        return ""
    return value


class TokenField(forms.CharField):
    """The hidden ``updated_at`` an editor's copy was loaded with; never a change in itself."""

    widget = forms.HiddenInput

    def has_changed(self, initial, data):
        return False


class StaleSaveForm(forms.ModelForm):
    """A change form that refuses to overwrite a change saved since the editor's copy was loaded.

    The copy carries the record's ``updated_at`` as it was (``_updated_at``, hidden); a save whose token
    is missing or malformed is refused like a stale one, never let through unchecked. Every editable
    model's admin uses it (through :class:`StaleSaveAdminMixin`): curated records and articles.
    """

    _updated_at = TokenField(required=False)
    before_revert = None  # set by StaleSaveAdminMixin.get_form: see EditState

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.fields["_updated_at"].initial = current_token(
                type(self.instance), self.instance.pk, self.before_revert
            )

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            self._check_conflict(cleaned)
        return cleaned

    def _refuse_token(self, current: str, problem: str):
        self.data = self.data.copy()
        self.data[self.add_prefix("_updated_at")] = current
        raise ValidationError(
            "%(problem)s, so nothing was saved: it cannot tell whether someone else changed the record "
            "meanwhile. Check the record's history, then save again to keep your version.",
            code="no_token",
            params={"problem": problem},
        )

    def _check_conflict(self, cleaned) -> None:
        token = self.data.get(self.add_prefix("_updated_at"), "")
        model = type(self.instance)
        # Lock the row until the save commits (the admin's change view runs in one transaction).
        model._default_manager.select_for_update().filter(pk=self.instance.pk).exists()
        current = current_token(model, self.instance.pk, self.before_revert)
        if not current:
            return  # not in the database (a deleted record being recovered): nothing to overwrite
        theirs = parse_datetime(current)
        if not token:
            self._refuse_token(current, "The form came without its version token")
        try:
            mine = parse_datetime(token)
        except ValueError:
            mine = None
        if mine is None:
            self._refuse_token(current, "The form's version token is not a date and time")
        if mine == theirs:
            return
        fresh = model._default_manager.get(pk=self.instance.pk)
        differ = []
        for name, field in self.fields.items():
            if name.startswith("_") or name not in cleaned:
                continue
            try:
                model_field = model._meta.get_field(name)
            except Exception:
                continue
            ours = _comparable(cleaned[name])
            saved = _comparable(model_field.value_from_object(fresh))
            if ours != saved:
                differ.append(str(field.label or name))
        version = Version.objects.get_for_object(fresh).select_related("revision__user").first()
        who = version.revision.user if version and version.revision.user else "someone else"
        when = timezone.localtime(theirs).strftime("%Y-%m-%d %H:%M:%S")
        # Render the form again with the new token: saving again, on purpose, keeps this version.
        self.data = self.data.copy()
        self.data[self.add_prefix("_updated_at")] = current
        raise ValidationError(
            "This record was changed by %(who)s at %(when)s while you were editing it, so nothing was "
            "saved. Your version is still in the form below. %(fields)s"
            "Check the record's history, then save again to keep your version.",
            code="conflict",
            params={
                "who": who,
                "when": when,
                "fields": f"Fields where the saved record now differs from yours: {', '.join(differ)}. "
                if differ
                else "",
            },
        )


class EditorialForm(StaleSaveForm):
    """The change form of a curated record: the conflict check, and the importer's flags to untick."""

    flags = forms.MultipleChoiceField(
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="The importer's doubts. Untick a flag once you have checked it.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "flags" in self.fields:
            flags = list(self.instance.flags or [])
            self.fields["flags"].choices = [(f, f) for f in flags]


class StaleSaveAdminMixin:
    """The admin side of :class:`StaleSaveForm`: the token from before a history restore (reversion
    restores ``updated_at`` with the fields); and :meth:`edit_state`, what one request's hooks share."""

    form = StaleSaveForm

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One EditState per request in progress; an entry goes when its request does.
        self._edit_states: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    def edit_state(self, request) -> EditState:
        """This request's :class:`EditState`, made on first use."""
        state = self._edit_states.get(request)
        if state is None:
            state = self._edit_states[request] = EditState()
        return state

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.before_revert = self.edit_state(request).before_revert  # a new class per call: safe to set
        return form

    def revision_view(self, request, object_id, version_id, extra_context=None):
        self.edit_state(request).before_revert = (
            self.model._default_manager.filter(pk=unquote(object_id)).values("status", "updated_at").first()
            if any(f.name == "status" for f in self.model._meta.fields)
            else self.model._default_manager.filter(pk=unquote(object_id)).values("updated_at").first()
        )
        return super().revision_view(request, object_id, version_id, extra_context)


class CitationForm(forms.ModelForm):
    """A citation is a span of its article's text: a blank quote is filled with the text between start and
    end; a quote given must be exactly that text."""

    class Meta:
        model = Citation
        fields = ["article", "start", "end", "quote", "fields"]
        help_texts = {"quote": "Leave blank to take the article's text between start and end."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quote"].required = False

    def clean(self):
        cleaned = super().clean()
        if "fields" in cleaned and cleaned["fields"] is None:  # left blank: supports no field in particular
            cleaned["fields"] = []
        article, start, end = cleaned.get("article"), cleaned.get("start"), cleaned.get("end")
        if article and start is not None and end is not None:
            if not 0 <= start < end <= len(article.text):
                raise ValidationError("The span must lie inside the article's text.")
            span = article.text[start:end]
            if not cleaned.get("quote"):
                cleaned["quote"] = span
            elif cleaned["quote"] != span:
                raise ValidationError("The quote must be exactly the article's text between start and end.")
        return cleaned


class CitationInline(GenericTabularInline):
    model = Citation
    form = CitationForm
    extra = 0
    autocomplete_fields = ["article"]
    fields = ["article", "start", "end", "quote", "fields"]
    classes = ["collapse"]
    verbose_name = "citation (edit)"
    verbose_name_plural = "Citations (edit the spans; leave the quote blank to take it from the text)"


# ------------------------------------------------------------------ CSV import


class LimitedImportForm(ImportForm):
    """The import form, refusing files larger than ``IMPORT_MAX_BYTES``."""

    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        if upload.size > IMPORT_MAX_BYTES:
            raise ValidationError(
                f"This file is {filesizeformat(upload.size)}; the limit is "
                f"{filesizeformat(IMPORT_MAX_BYTES)}. Split it into smaller files."
            )
        return upload


def held_back_view(model_admin, request, object_id, view, route: str):
    """Run the admin ``view`` (a change, or a revert) of record ``object_id`` so that its save, where
    ``model_admin.holds_back(request, pk)``, becomes a pending change; None where it need not."""
    if request.method != "POST" or object_id is None or model_admin.edit_state(request).held is not None:
        return None
    model = model_admin.model
    pk = model._meta.pk.to_python(unquote(object_id)) if str(object_id).isdigit() else None
    if pk is None or not model_admin.holds_back(request, pk):
        return None
    with pending.capture(model, pk, user=request.user, route=route) as held:
        model_admin.edit_state(request).held = held
        response = view()
    if held.saved:
        for _ in messages.get_messages(request):  # "changed successfully" was rolled back
            pass
        obj = model._default_manager.get(pk=pk)
        if held.change is not None:
            model_admin.message_user(
                request,
                f"Your change to “{obj}” waits for a publisher (pending change #{held.change.pk}); "
                "the public site shows the published version until then.",
                messages.SUCCESS,
            )
        else:
            model_admin.message_user(request, f"Nothing changed in “{obj}”.", messages.INFO)
    return response


# ------------------------------------------------------------------ the shared admin


#: How an action names the records it applies to (the admin fills in the model's name).
SELECTED = "selected %(verbose_name_plural)s"


def transition_action(transition: str, description: str, permission: str, **options):
    """A changelist action that applies a workflow transition to the selected records
    (``EditorialAdmin._bulk``), offered to those with ``permission``."""

    @admin.action(description=description, permissions=[permission])
    def action(self, request, queryset):
        self._bulk(request, queryset, transition, **options)

    return action


#: The columns every curated list ends with: where a record stands in review, and when it last changed.
EDITORIAL_COLUMNS = ("status_column", "flags_column", "confidence_column", "updated_column")


class EditorialAdmin(BadQueryMixin, StaleSaveAdminMixin, ImportExportMixin, VersionAdmin):
    """What every curated model's admin shares."""

    form = EditorialForm
    change_form_template = "admin/editorial/change_form.html"
    # import-export's changelist extends reversion's (its "Recover deleted" link), which extends the admin's.
    import_export_change_list_template = "admin/editorial/change_list.html"
    show_full_result_count = False
    list_per_page = 50
    paginator = ReversiblePaginator
    search_fields = ["search_text"]  # searched folded: see get_search_results
    search_help_text = "Accents and case do not matter: “Pham Minh Chinh” finds “Phạm Minh Chính”."
    readonly_fields = ["status", "why_flagged", "sources", "created_at", "updated_at"]
    history_latest_first = True
    export_formats = EXPORT_FORMATS
    import_formats = IMPORT_FORMATS
    import_form_class = LimitedImportForm
    actions = [
        "submit_selected",
        "publish_selected",
        "publish_with_dependencies_selected",
        "unpublish_selected",
        "archive_selected",
        "return_to_draft_selected",
    ]
    main_fieldsets: list = []  # each admin's own fields
    #: Each partial date field and its precision field: shown together at the date's precision in the
    #: column ``<date>_shown`` (for ``list_display``) and where the form is read-only.
    partial_dates: dict[str, str] = {}

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        for date, precision in cls.partial_dates.items():
            # "start_date" -> "start", "signed_on" -> "signed": the column's heading.
            heading = date.removesuffix("_date").removesuffix("_on")
            setattr(cls, f"{date}_shown", partial_date_column(date, precision, heading))

    # -- permissions

    def has_publish_permission(self, request) -> bool:
        return request.user.has_perm(workflow.permission_name(self.model, "publish"))

    # -- lists

    @admin.display(description="status", ordering="status")
    def status_column(self, obj):
        return status_badge(obj.status)

    @admin.display(description="flags")
    def flags_column(self, obj):
        return flag_badges(obj.flags, obj.confidence)

    @admin.display(description="conf.", ordering="confidence")
    def confidence_column(self, obj):
        return f"{obj.confidence:.2f}"

    @admin.display(description="updated at", ordering="updated_at")
    def updated_column(self, obj):
        # "2026-11-30 15:55" on one line: "Nov. 30, 2026, 3:55 p.m." ran past the list's edge at 1280 px.
        when = timezone.localtime(obj.updated_at).strftime("%Y-%m-%d %H:%M")
        return format_html('<span class="editorial-when">{}</span>', when)

    def get_search_results(self, request, queryset, search_term):
        """Folded search: the folded words of the query, each in the folded ``search_text``."""
        term = search_term.strip()
        if not term:
            return queryset, False
        words = fold(term).split()
        query = matching(self.model, words, using=queryset.db)
        # Punctuation the search text keeps ("V.", "Al-"): also try the name without it.
        key = fold_key(term)
        if key and key != " ".join(words) and any(f.name == "name_folded" for f in self.model._meta.fields):
            query |= Q(name_folded__contains=key)
        if term.isdigit():
            query |= Q(pk=int(term))
        return queryset.filter(query), False

    # -- the change form

    def get_fieldsets(self, request, obj=None):
        review = ["status", "why_flagged", "flags", "confidence", "review_note", "_updated_at"]
        if obj is None:
            review = ["confidence", "review_note"]
        if obj is None:
            return [("Review", {"fields": review}), *self.main_fieldsets]
        main = self.main_fieldsets
        if self.partial_dates and not self.has_change_permission(request, obj):
            main = shown_at_precision(main, self.partial_dates)
        # Why it waits and where it comes from first: what an editor checks the fields against.
        return [
            ("Review", {"fields": review}),
            ("Sources", {"fields": ["sources"]}),
            *main,
            ("Record", {"fields": ["slug", "created_at", "updated_at"], "classes": ["collapse"]}),
        ]

    def get_inlines(self, request, obj):
        return [*self.inlines, CitationInline] if obj is not None else list(self.inlines)

    @admin.display(description="Why it is here")
    def why_flagged(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        changes = []
        for name, imported in sorted((obj.imported_values or {}).items()):
            try:
                field = obj._meta.get_field(name.removesuffix("_id"))
            except Exception:
                continue
            if field.many_to_many:
                continue
            current = _comparable(getattr(obj, field.attname))
            if str(current) != str(_comparable(imported)):
                changes.append((field.verbose_name, imported, current))
        return render_to_string(
            "admin/editorial/includes/why_flagged.html",
            {
                "flags": obj.flags,
                "confidence": obj.confidence,
                "low": obj.confidence < LOW_CONFIDENCE_BELOW,
                "low_flag": Flag.LOW_CONFIDENCE.value,
                "changes": changes,
                "duplicates_url": self.duplicates_url(obj),
            },
        )

    def duplicates_url(self, obj) -> str:
        return ""

    @admin.display(description="Cited in")
    def sources(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        citations = Citation.objects.for_object(obj).select_related("article")
        return render_to_string(
            "admin/editorial/includes/sources.html",
            {"citations": [cited_context(c) for c in citations]},
        )

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        probe = obj if obj is not None else self.model(status=Status.DRAFT)
        reverting = self.edit_state(request).before_revert is not None
        transitions = (
            []
            if reverting
            else [(t.name, BUTTONS[t.name]) for t in workflow.allowed_transitions(request.user, probe)]
        )
        dependencies = []
        if obj is not None and obj.pk and any(name == "publish" for name, _ in transitions):
            dependencies = workflow.draft_dependencies([obj])
            if dependencies:
                n = len(dependencies)
                label = f"Save and publish with the {n} unpublished record{'s' * (n != 1)} it points to"
                transitions.append(("publish_with_dependencies", label))
        context.update(
            transitions=transitions,
            draft_dependencies=[workflow.describe(r) for r in dependencies],
            pending_changes=pending.pending_for(obj) if obj is not None and obj.pk else [],
            holds_back=obj is not None and pending.holds_back(request.user, type(obj), obj.status),
            from_queue=request.GET.get("_from_queue") or request.POST.get("_from_queue"),
            review_queue_url=reverse("admin:review-queue"),
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _requested_transition(self, request) -> str | None:
        for name in [*workflow.TRANSITIONS, "publish_with_dependencies"]:
            if f"_transition_{name}" in request.POST:
                return name
        return None

    def save_model(self, request, obj, form, change):
        state = self.edit_state(request)
        before = state.before_revert
        if before is not None:
            # Restoring content never changes the workflow status: the buttons do that.
            obj.status = before["status"]
        elif state.recovering and not self.has_publish_permission(request):
            obj.status = Status.DRAFT
        name = self._requested_transition(request)
        verb = "publish" if name == "publish_with_dependencies" else name
        if verb and not workflow.can(request.user, verb, self.model, current=obj.status):
            raise PermissionDenied  # refuse before anything is saved
        live = change and self.model._default_manager.filter(pk=obj.pk, status=Status.PUBLISHED).exists()
        super().save_model(request, obj, form, change)
        if live or obj.status == Status.PUBLISHED:
            # A publisher's save of a live record (its inlines are saved in the same transaction).
            publication.changed()

    def delete_model(self, request, obj):
        live = obj.status == Status.PUBLISHED
        super().delete_model(request, obj)
        if live:
            publication.changed()

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            live = queryset.filter(status=Status.PUBLISHED).exists()
            super().delete_queryset(request, queryset)
            if live:
                publication.changed()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        obj = form.instance
        obj.reindex()  # members, aliases and positions are part of the search text
        held = self.edit_state(request).held
        if held is not None:
            held.saved = True  # read back as the pending version, then rolled back
            return
        # A renamed official is found by the new name in the delegations and meetings that name him too.
        workflow.reindex_dependents(type(obj), [obj.pk])
        name = self._requested_transition(request)
        if name:
            together = name == "publish_with_dependencies"
            name = "publish" if together else name
            try:
                n = workflow.apply(
                    name, self.model._default_manager.filter(pk=obj.pk), by=request.user,
                    with_dependencies=together,
                )  # fmt: skip
            except workflow.DraftDependencies as refused:
                self.message_user(request, str(refused), messages.ERROR)
                n = 0
            self.edit_state(request).transition = (name, n)

    def _transition_comment(self, request, message: str) -> None:
        done = self.edit_state(request).transition
        if done and done[1] and reversion.is_active():
            reversion.set_comment(f"{message} {workflow.TRANSITIONS[done[0]].label}.".strip())

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        self._transition_comment(request, entry.get_change_message())
        return entry

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        self._transition_comment(request, entry.get_change_message())
        return entry

    def _after_transition(self, request, obj, response):
        done = self.edit_state(request).transition
        if not done:
            return response
        name, n = done
        t = workflow.TRANSITIONS[name]
        if n:
            self.message_user(request, f"{t.label}: {obj}.", messages.SUCCESS)
        else:
            self.message_user(
                request, f"Saved, but not {t.label.lower()}: its status did not allow it.", messages.WARNING
            )
        if request.POST.get("_from_queue"):
            return HttpResponseRedirect(reverse("admin:review-queue"))
        return HttpResponseRedirect(admin_url(obj))

    def response_change(self, request, obj):
        response = super().response_change(request, obj)
        return self._after_transition(request, obj, response)

    def response_add(self, request, obj, post_url_continue=None):
        response = super().response_add(request, obj, post_url_continue)
        return self._after_transition(request, obj, response)

    # -- live and pending versions

    def holds_back(self, request, pk) -> bool:
        """Whether the user's save of record ``pk`` must wait for a publisher (see editorial.pending)."""
        status = self.model._default_manager.filter(pk=pk).values_list("status", flat=True).first()
        return status is not None and pending.holds_back(request.user, self.model, status)

    def _held_back(self, request, object_id, view, route: str):
        return held_back_view(self, request, object_id, view, route)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # Around reversion's revision too: a held-back save leaves no history entry.
        def view():
            return super(EditorialAdmin, self).change_view(request, object_id, form_url, extra_context)

        response = self._held_back(request, object_id, view, "change form")
        return response if response is not None else view()

    # -- history and restore

    def revision_view(self, request, object_id, version_id, extra_context=None):
        def view():
            return super(EditorialAdmin, self).revision_view(request, object_id, version_id, extra_context)

        response = self._held_back(request, object_id, view, "history revert")
        return response if response is not None else view()

    def recover_view(self, request, version_id, extra_context=None):
        self.edit_state(request).recovering = True
        return super().recover_view(request, version_id, extra_context)

    # -- bulk actions: all through the workflow module

    def _bulk(self, request, queryset, name: str, *, with_dependencies: bool = False) -> None:
        selected = queryset.count()
        try:
            n = workflow.apply(name, queryset, by=request.user, with_dependencies=with_dependencies)
        except workflow.DraftDependencies as refused:
            self.message_user(
                request,
                f"{refused} To publish them in the same step, use “Publish selected "
                f"{self.model._meta.verbose_name_plural} with the records they point to”.",
                messages.ERROR,
            )
            return
        t = workflow.TRANSITIONS[name]
        opts = self.model._meta
        self.message_user(
            request, f"{t.label}: {n} {opts.verbose_name_plural if n != 1 else opts.verbose_name}."
        )
        if n < selected:
            self.message_user(
                request, f"{selected - n} left alone: their status does not allow it.", messages.WARNING
            )

    submit_selected = transition_action("submit", f"Submit {SELECTED} for review", "change")
    publish_selected = transition_action("publish", f"Publish {SELECTED}", "publish")
    publish_with_dependencies_selected = transition_action(
        "publish",
        f"Publish {SELECTED} with the records they point to",
        "publish",
        with_dependencies=True,
    )
    unpublish_selected = transition_action("unpublish", f"Unpublish {SELECTED}", "publish")
    archive_selected = transition_action("archive", f"Archive {SELECTED}", "publish")
    return_to_draft_selected = transition_action("return_to_draft", f"Return {SELECTED} to draft", "change")

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not self.model.publish_needs:
            actions.pop("publish_with_dependencies_selected", None)
        return actions

    # -- the changelist's extra links

    def extra_links(self, request) -> list[tuple[str, str]]:
        return [(reverse("admin:review-queue"), "Review queue")]

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "editorial_links": self.extra_links(request)}
        return super().changelist_view(request, extra_context)

    # -- import and export

    def get_resource_classes(self, request):
        return [guarded(cls) for cls in self.resource_classes]

    def process_import(self, request, **kwargs):
        # Publishers may import changes to published records: the version rises with the import.
        with transaction.atomic(), reversion.create_revision():
            reversion.set_user(request.user)
            reversion.set_comment("Imported from a CSV file.")
            response = super().process_import(request, **kwargs)
            publication.changed()
            return response
