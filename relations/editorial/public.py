"""The public site's building blocks: list, detail and export views, their filters, only published records.

A list is a FilterSet over a published queryset, paginated by :class:`ReversiblePaginator`; its CSV is the
same FilterSet over the same queryset, every page; a detail shares its list's queryset, so a draft is a 404.
"""

from __future__ import annotations

import copy
import functools
from dataclasses import dataclass
from functools import lru_cache

import django_filters
from django import forms
from django.apps import apps
from django.db.models import F, Prefetch
from django.forms.utils import flatatt
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.urls import path
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst, slugify
from django.utils.translation import get_language
from django.views.generic import DetailView, View
from django_countries import countries
from django_countries.fields import CountryField
from django_filters.fields import ChoiceField as FilterChoiceField
from django_filters.views import FilterView
from django_filters.widgets import BaseCSVWidget

from relations.editorial import publication, rendering
from relations.editorial.models import SlugHistory, published
from relations.editorial.pagination import COUNT_LIMIT, SEARCH_COUNT_LIMIT, ReversiblePaginator
from relations.editorial.search import MAX_SEARCH_LENGTH, fold, fold_key, validate_search

# The years a date can hold: a year filter outside them is refused (400) before any query runs.
MIN_YEAR, MAX_YEAR = 1, 9999

# ------------------------------------------------------------------ filters


def country_choices():
    """Every country, named in the active language (django-countries sorts them by name on each call:
    once per language here)."""
    return _country_choices(get_language() or "")


@lru_cache(maxsize=16)
def _country_choices(language: str) -> tuple[tuple[str, str], ...]:
    return tuple((code, str(name)) for code, name in countries)


def collection_countries(version: publication.Version | None = None) -> frozenset[str]:
    """The codes of the countries published records name (in any country field), worked out once per
    publication version: every change to what the public sees changes the version."""
    return _collection_countries(version or publication.current())


@lru_cache(maxsize=4)
def _collection_countries(version: publication.Version) -> frozenset[str]:
    """One query: the distinct values of every country field of every published record type (a UNION)."""
    columns = []
    for model in apps.get_models():
        names = [f.name for f in model._meta.fields if isinstance(f, CountryField)]
        if names and hasattr(model._default_manager, "published"):
            records = model._default_manager.published().order_by()
            columns += [records.values_list(name, flat=True) for name in names]
    if not columns:
        return frozenset()
    codes: set[str] = set()
    for value in columns[0].union(*columns[1:]):
        values = value if isinstance(value, list | tuple) else [value]
        for country in values:  # a multiple field's codes come as stored: "KH,VN"
            codes.update(str(getattr(country, "code", country) or "").split(","))
    codes.discard("")
    return frozenset(codes)


class QuickSelect(forms.Select):
    """A ``<select>`` whose options are written in Python, each escaped once per set of choices.

    Django renders each option through a template: 12 ms for the 249 countries, most of a list
    page's time. Choices and groups of choices (one level), one value.
    """

    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(v) for v in self.format_value(value)}
        options, written = joined_options(self.options())
        for key in chosen & written.keys():  # '<option value="VN">' becomes '<option value="VN" selected>'
            for option in written[key]:
                options = options.replace(option, option.replace(">", " selected>", 1))
        return format_html(
            '<select name="{}"{}>{}</select>',
            name,
            flatatt(self.build_attrs(self.attrs, attrs)),
            mark_safe(options),
        )

    def options(self) -> tuple[tuple[str, str, str], ...]:
        choices = tuple((k, tuple(v) if isinstance(v, list | tuple) else v) for k, v in self.choices)
        return escaped_options(choices, get_language() or "")


class CountrySelect(QuickSelect):
    """The select of :func:`country_filter`: every country, escaped once per language and empty label,
    without walking the field's choices (which normalises the 249 countries twice on every render).

    With ``first`` (a function giving the codes of :func:`collection_countries`, called when the select is
    written), those countries come first, as the group "In this collection", and the others follow as
    "Other countries"."""

    def __init__(self, *args, first=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.first = first

    def options(self) -> tuple[tuple[str, str, str], ...]:
        first = next(iter(self.choices), None)
        empty = (tuple(map(str, first)),) if first is not None and first[0] in ("", None) else ()
        present = self.first() if self.first is not None else frozenset()
        return country_options(empty, get_language() or "", present)


class QuickCSVSelect(BaseCSVWidget, QuickSelect):
    """django-filter's ``CSVSelect`` (the sort's select) written by :class:`QuickSelect`."""


@lru_cache(maxsize=64)
def escaped_options(choices: tuple, language: str) -> tuple[tuple[str, str, str], ...]:
    """``(value, '<option value="…"', '>label</option>')`` for each choice, escaped; a group of choices is
    an ``<optgroup>`` (its opening and closing tags, with no value)."""
    out = []
    for key, label in choices:
        if isinstance(label, tuple):
            out.append((None, f'<optgroup label="{escape(key)}">', ""))
            out += escaped_options(label, language)
            out.append((None, "</optgroup>", ""))
        else:
            out.append((str(key), f'<option value="{escape(key)}"', f">{escape(label)}</option>"))
    return tuple(out)


@lru_cache(maxsize=64)
def joined_options(options: tuple[tuple[str, str, str], ...]) -> tuple[str, dict[str, tuple[str, ...]]]:
    """The options of :func:`escaped_options` written out, none selected, and the HTML of the options of each
    value (joined once per set of choices, not for every select written: 249 countries a menu)."""
    written: dict[str, tuple[str, ...]] = {}
    for key, start, end in options:
        if key is not None and f"{start}{end}" not in written.get(key, ()):
            written[key] = (*written.get(key, ()), f"{start}{end}")
    return "".join(f"{start}{end}" for _, start, end in options), written


@lru_cache(maxsize=16)
def country_options(
    empty: tuple, language: str, first: frozenset[str] = frozenset()
) -> tuple[tuple[str, str, str], ...]:
    every = _country_choices(language)
    if not first:
        return escaped_options(empty + every, language)
    grouped = (
        ("In this collection", tuple(c for c in every if c[0] in first)),
        ("Other countries", tuple(c for c in every if c[0] not in first)),
    )
    return escaped_options(empty + grouped, language)


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    return frozenset(code for code, _ in countries)


class CountryChoiceField(FilterChoiceField):
    """The form field of :func:`country_filter`: a value is checked against the set of country codes, not
    by walking the 249 choices (each normalised again on every walk): 1.2 ms a country filter."""

    def valid_value(self, value) -> bool:
        return str(value) in country_codes()


class CountryFilter(django_filters.ChoiceFilter):
    field_class = CountryChoiceField


def country_filter(label: str, **kwargs) -> django_filters.ChoiceFilter:
    return CountryFilter(label=label, choices=country_choices, widget=CountrySelect, **kwargs)


class NamedFilter(django_filters.CharFilter):
    """A published official or organization, named by its slug (the links on detail pages) or by
    words of its name, accents and case ignored: "dang" finds every Đặng.

    A text box, not a ``<select>``: a list of every published official is megabytes of HTML.
    The FilterSet's method named ``apply`` receives the matching records' keys: a list of one key where
    the slug names a published record (already checked published, it needs no subquery of its own, whose
    nesting in the list's union of heads and members cost more to compile than the page's rows to
    write), else a subquery.
    """

    def __init__(self, *args, model: str, apply: str, placeholder: str = "Name", **kwargs):
        self.model_label = model
        self.apply = apply
        kwargs["help_text"] = " ".join(filter(None, [kwargs.get("help_text"), "Words of the name will do."]))
        kwargs.setdefault("widget", forms.TextInput(attrs={"type": "search", "placeholder": placeholder}))
        kwargs.setdefault("validators", [validate_search])
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        value = (value or "").strip()
        if not value:
            return qs
        records = published(self.model_label)
        found = records.filter(slug=value).values_list("pk", "name").first()
        if found:
            self.show(found[1])
            return getattr(self.parent, self.apply)(qs, self.field_name, [found[0]])
        # A name as the box shows it (the form sends it back): that record and its namesakes only.
        exact = records.filter(name_folded=fold_key(value))
        named = exact if exact.exists() else records.search(value)
        return getattr(self.parent, self.apply)(qs, self.field_name, named.values("pk"))

    def show(self, name: str) -> None:
        """Have the box show ``name`` where the address names the record by its slug."""
        form = self.parent.form
        data = form.data.copy()
        data[self.field_name] = name
        form.data = data


def any_of(first, *others, field: str = "pk"):
    """The primary keys in any of the querysets, as one subquery: ``pk IN (a UNION b)``.

    ``Q(a) | Q(b)`` over two indexed columns made SQLite scan the whole table (90 ms at 100,000
    delegations); the union reads each index (3 ms). ``field`` names the other querysets'
    column holding the key.
    """
    columns = [first.order_by().values("pk"), *(other.order_by().values(field) for other in others)]
    return columns[0].union(*columns[1:])


class SortFilter(django_filters.OrderingFilter):
    """``?sort=date``, ``-date``, ``name`` or ``-name``; empty dates last, ties broken by id."""

    #: A list of events (the default): newest first.
    DATED = [
        ("-date", "Date, newest first"),
        ("date", "Date, oldest first"),
        ("name", "Name, A to Z"),
        ("-name", "Name, Z to A"),
    ]
    #: A list of names: alphabetical first; its date is when the record was added.
    NAMED = [("name", "Name, A to Z"), ("-name", "Name, Z to A"), ("-date", "Recently added")]

    def __init__(self, *args, date: str, name: str, **kwargs):
        self.sort_fields = {"date": date, "name": name}
        kwargs.setdefault("label", "Sort by")
        kwargs.setdefault("choices", self.DATED)
        kwargs.setdefault("empty_label", None)
        kwargs.setdefault("widget", QuickCSVSelect)
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        orderings = []
        for param in value or []:
            descending = param.startswith("-")
            field = self.sort_fields.get(param.lstrip("-"))
            if field:
                expr = F(field)
                orderings.append(expr.desc(nulls_last=True) if descending else expr.asc(nulls_last=True))
        return qs.order_by(*orderings, "pk") if orderings else qs


class FilterCopies(dict):
    """A FilterSet's ``base_filters``, which django-filter deep-copies for every request's FilterSet: each
    filter copied with its own ``extra`` instead (what a FilterSet changes), not its widgets, choices
    and validators again (a tenth of a list page's time)."""

    def __deepcopy__(self, memo):
        copies = {}
        for name, filter_ in self.items():
            filter_ = copy.copy(filter_)
            filter_.__dict__.pop("_field", None)  # the form field is made for each copy
            filter_.extra = dict(filter_.extra)
            if getattr(filter_, "_method", None) is not None:
                filter_.method = filter_._method  # a FilterMethod bound to the copy, not the original
            copies[name] = filter_
        return copies


class PublicFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label="Search",
        method="search",
        help_text="Accents and case do not matter: “Dang” finds “Đặng”.",
        widget=forms.TextInput(attrs={"type": "search", "maxlength": MAX_SEARCH_LENGTH}),
        validators=[validate_search],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for filter_ in self.filters.values():
            if isinstance(filter_, django_filters.ChoiceFilter) and not isinstance(filter_, SortFilter):
                filter_.extra["empty_label"] = "Any"
            if self.request is not None and filter_.extra.get("widget") is CountrySelect:
                # A page's country menus: the collection's countries first. The version the page cache
                # read for this request, if it did (no second query for it).
                state = getattr(self.request, "_public_page", None)
                version = state[0] if isinstance(state, tuple) else None
                present = functools.partial(collection_countries, version)
                filter_.extra["widget"] = CountrySelect(first=present)

    @classmethod
    def get_filters(cls):
        # Every filter of a public list is declared; none is made from the model's fields, so a
        # FilterSet's ``Meta`` names only its model.
        return FilterCopies(cls.declared_filters)

    @property
    def form(self):
        form = super().form
        form.label_suffix = ""
        return form

    def search(self, queryset, name, value):
        return queryset.search(value)


class YearFilter(django_filters.NumberFilter):
    """A whole year a date can hold (1 to 9999); anything else is a form error, not a query."""

    field_class = forms.IntegerField


def year_filter(field: str, label: str = "Year") -> YearFilter:
    return YearFilter(
        field_name=field,
        lookup_expr="year",
        label=label,
        min_value=MIN_YEAR,
        max_value=MAX_YEAR,
        widget=forms.NumberInput(attrs={"min": 1900, "max": 2100, "inputmode": "numeric"}),
    )


def date_filter(label: str, method: str) -> django_filters.DateFilter:
    return django_filters.DateFilter(
        label=label, method=method, widget=forms.DateInput(attrs={"type": "date"})
    )


# ------------------------------------------------------------------ views


def filter_errors(filterset) -> list[str]:
    """The refusals of a bound FilterSet's form, one line each ("Year: Ensure this value ..."), or []."""
    if not filterset.is_bound or filterset.is_valid():
        return []
    form = filterset.form
    return [
        f"{form.fields[name].label if name in form.fields else 'Filters'}: {message}"
        for name, messages in form.errors.items()
        for message in messages
    ]


class PageNumberMixin:
    """What a paginated public list does with ``?page=``: a value that is no page number (``abc``, ``0``,
    ``-1``) shows the first page with a message and answers 400; a number past the last page redirects
    (302) to the last page, with the same filters; ``last`` is the last page."""

    page_refused = False

    def get(self, request, *args, **kwargs):
        page = request.GET.get(self.page_kwarg, "")
        self.page_refused = bool(page) and page != "last" and not (page.isdigit() and int(page) >= 1)
        try:
            response = super().get(request, *args, **kwargs)
        except PastTheEnd as end:
            return HttpResponseRedirect(end.url)
        if self.page_refused:
            response.status_code = 400
        return response

    def paginate_queryset(self, queryset, page_size):
        if self.page_refused:
            self.kwargs[self.page_kwarg] = 1  # show the first page, with the error
        try:
            return super().paginate_queryset(queryset, page_size)
        except Http404:
            paginator = self.get_paginator(
                queryset, page_size, orphans=self.get_paginate_orphans(), allow_empty_first_page=True
            )
            last = "last" if getattr(paginator, "capped", False) else str(paginator.num_pages)
            query = self.request.GET.copy()
            query[self.page_kwarg] = last
            raise PastTheEnd(f"{self.request.path}?{query.urlencode()}") from None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_error"] = (
            f"“{self.request.GET.get(self.page_kwarg)}” is not a page number: showing the first page."
            if self.page_refused
            else ""
        )
        return context


class PastTheEnd(Exception):
    """A page number past a list's last page; ``url`` is its last page."""

    def __init__(self, url: str):
        super().__init__(url)
        self.url = url


def without_empty_parameters(request) -> str:
    """The request's address without its empty query parameters, or "" when it has none."""
    query = request.GET.copy()
    empty = [key for key, values in query.lists() if not any(v.strip() for v in values)]
    for key in empty:
        del query[key]
    for key, values in query.lists():
        if any(not v.strip() for v in values):
            query.setlist(key, [v for v in values if v.strip()])
            empty.append(key)
    if not empty:
        return ""
    return f"{request.path}?{query.urlencode()}" if query else request.path


# What an editor and the importer keep on a record and no list row shows: left unread by a list's query.
BOOKKEEPING = (
    "review_note",
    "flags",
    "confidence",
    "imported_values",
    "search_text",
    "created_at",
    "updated_at",
    "published_at",
)


def without_bookkeeping(queryset):
    """``queryset`` without the :data:`BOOKKEEPING` columns, of its records, of the records it joins and of
    those its prefetches read: a record's search text, JSON and timestamps were most of what a list page
    read and converted."""
    queryset = queryset.defer(*_bookkeeping(queryset.model, queryset.query.select_related))
    lookups = queryset._prefetch_related_lookups
    if any(isinstance(lookup, Prefetch) and lookup.queryset is not None for lookup in lookups):
        lean = [
            Prefetch(lookup.prefetch_through, without_bookkeeping(lookup.queryset), lookup.to_attr)
            if isinstance(lookup, Prefetch) and lookup.queryset is not None
            else lookup
            for lookup in lookups
        ]
        queryset = queryset.prefetch_related(None).prefetch_related(*lean)
    return queryset


def _bookkeeping(model, joined, prefix: str = "") -> list[str]:
    """The bookkeeping fields of ``model`` and of the records ``joined`` (``select_related``'s tree)."""
    names = {field.name for field in model._meta.concrete_fields}
    fields = [f"{prefix}{name}" for name in BOOKKEEPING if name in names]
    for name, below in joined.items() if isinstance(joined, dict) else ():
        related = model._meta.get_field(name).related_model
        fields += _bookkeeping(related, below, f"{prefix}{name}__")
    return fields


class PublicListView(PageNumberMixin, FilterView):
    """A published list behind a FilterSet, paginated, with its CSV export link.

    Its records are ``model.objects.for_public_list()``: published ones, published relations only, the
    records of a relation to many as a list on each (``rendering.listed``, read by ``rendering.related``).
    A filter the form refuses (a year out of range, a malformed date, a search too long) answers 400
    with the form and its errors, and runs no query for the list; a page number is checked by
    :class:`PageNumberMixin`. Its template is ``<app>/<model>_list.html``, its heading the model's plural
    name and its export the route ``<app>:<model>-export`` (:class:`RecordPages`).
    """

    paginate_by = 25
    paginator_class = ReversiblePaginator
    template_name_suffix = "_list"
    intro = ""
    # ``row(record) -> str``: a table row written in Python (see ``relations.editorial.rendering``).
    row = None
    count_limit = COUNT_LIMIT  # past this many matches the list says "more than"
    search_count_limit = SEARCH_COUNT_LIMIT  # and a search past this many

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        # The last page, and a page past those a capped count numbers, need the exact count; every other
        # page counts up to the limit.
        search = bool(self.request.GET.get("q", "").strip())
        limit = self.search_count_limit if search else self.count_limit
        page = self.request.GET.get(self.page_kwarg, "")
        exact = page == "last" or (page.isdigit() and int(page) > -(-limit // per_page))
        state = getattr(self.request, "_public_page", None)  # the version the page cache read, if it did
        return self.paginator_class(
            queryset,
            per_page,
            orphans=orphans,
            allow_empty_first_page=allow_empty_first_page,
            count_limit=None if exact else limit,
            search=search,
            version=state[0] if isinstance(state, tuple) else None,
            **kwargs,
        )

    def get_queryset(self):
        return without_bookkeeping(self.model._default_manager.for_public_list())

    def get(self, request, *args, **kwargs):
        # The filter form submits every box, empty or not (it works without JavaScript): answer a query
        # with empty parameters by sending the browser to the same filters without them.
        if clean := without_empty_parameters(request):
            return HttpResponseRedirect(clean)
        response = super().get(request, *args, **kwargs)
        if response.status_code == 200 and filter_errors(self.filterset):
            response.status_code = 400
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context["page_obj"]
        meta = self.model._meta
        context.update(
            heading=capfirst(meta.verbose_name_plural),
            intro=self.intro,
            singular=str(meta.verbose_name),
            plural=str(meta.verbose_name_plural),
            export_url_name=f"{meta.app_label}:{meta.model_name}-export",
            filtered=any(v for k, v in self.request.GET.items() if k not in ("page", "sort")),
            page_range=page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
            rows=self.rows(context["object_list"]),
        )
        return context

    def rows(self, records) -> list[str]:
        if not self.row:
            return []
        row = type(self).row
        with rendering.one_language():
            return [row(record) for record in records]


# What a section of related records shows them as (``includes/related_section.html``); others are links.
LISTED_AS = {"delegation": "delegations", "meeting": "meetings", "agreement": "agreements"}


@dataclass(frozen=True)
class Section:
    """A record page's section of published related records: its anchor, its heading, the record's
    accessor for them (prefetched by ``for_public_detail()``) and what it says when there are none."""

    id: str
    heading: str
    accessor: str
    empty: str = "None recorded."

    def context(self, record) -> dict:
        items = getattr(record, self.accessor).all()
        kind = LISTED_AS.get(items.model._meta.model_name, "")
        return {"id": self.id, "heading": self.heading, "kind": kind, "items": items, "empty": self.empty}


class PublicDetailView(DetailView):
    """``model.objects.for_public_detail()``: the list's published records, so a draft is a 404. Its
    template is ``<app>/<model>_detail.html``, the record in its context under the model's name.

    An address a record answered to before (a rename, or a merge into it) answers 301 with its
    address now, while that record is published.
    """

    slug_url_kwarg = "slug"
    sections: tuple[Section, ...] = ()  # after the record's own sections, before its sources

    def get_queryset(self):
        return self.model._default_manager.for_public_detail()

    def get_context_data(self, **kwargs):
        """What ``includes/record_page.html``, the frame of every record's page, names: the record's kind
        and its list."""
        context = super().get_context_data(**kwargs)
        meta = self.model._meta
        context.update(
            record_kind=meta.model_name,
            list_url_name=f"{meta.app_label}:{meta.model_name}-list",
            list_label=capfirst(meta.verbose_name_plural),
            sections=[section.context(self.object) for section in self.sections],
        )
        return context

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            queryset = self.get_queryset()
            holder = SlugHistory.current(queryset.model, kwargs.get(self.slug_url_kwarg, ""))
            if holder is not None and queryset.filter(pk=holder.pk).exists():
                return HttpResponsePermanentRedirect(holder.get_absolute_url())
            raise


FILE_NAME_MAX = 80


def filters_in_name(filterset) -> str:
    """The filters a list was given, as a file name's part: ``from-vn-year-2019`` ("" for none)."""
    if not filterset.is_bound:
        return ""
    words = []
    for name in filterset.filters:
        value = filterset.form.cleaned_data.get(name)
        if value in (None, "", [], ()):
            continue
        if name == "sort":
            continue
        label = name.removesuffix("_country")
        shown = (
            value
            if isinstance(value, str)
            else " ".join(map(str, value if isinstance(value, list) else [value]))
        )
        words.append(f"{label} {shown}")
    return slugify(fold(" ".join(words)))[:FILE_NAME_MAX].strip("-")


class PublicExportView(View):
    """The CSV of a list: its ``report`` of the same FilterSet over the same published queryset, all pages."""

    filterset_class = None
    report = None  # a relations.editorial.exports.Report

    def get_queryset(self):
        return apps.get_model(self.report.model)._default_manager.for_public_list()

    def get(self, request, *args, **kwargs):
        filterset = self.filterset_class(request.GET or None, queryset=self.get_queryset(), request=request)
        errors = filter_errors(filterset)
        if errors:  # before the header: a refused filter is a 400 with its reasons, not a broken file
            return HttpResponse(
                "\n".join(["The export was refused:", *errors]) + "\n",
                status=400,
                content_type="text/plain; charset=utf-8",
            )
        url_base = request.build_absolute_uri("/").rstrip("/")
        return self.report(url_base=url_base).response(filterset.qs, qualifier=filters_in_name(filterset))


class RecordPages:
    """A record type's public pages from one description: its list (``<model>-list``), its CSV
    (``<model>-export``) and a record's page by its slug (``<model>-detail``), routed by :meth:`urls`.

    The model is the FilterSet's; the list and the CSV filter with it. The list's rows are written by
    ``row`` under ``intro``; a record's page shows its ``sections``; the CSV is the ``report``. The three
    views are classes of their own (``list_view``, ``detail_view``, ``export_view``), named for the model.
    """

    def __init__(self, filterset_class, report, *, row, intro: str, sections=()):
        model = filterset_class._meta.model
        view = functools.partial(_view, model=model, module=row.__module__)  # the app's views module
        self.list_view = view(PublicListView, row=row, filterset_class=filterset_class, intro=intro)
        self.detail_view = view(PublicDetailView, sections=tuple(sections))
        self.export_view = view(PublicExportView, filterset_class=filterset_class, report=report)

    def urls(self, prefix: str) -> list:
        """The three routes under ``prefix``: ``<prefix>/``, ``<prefix>/export.csv``, ``<prefix>/<slug>/``."""
        name = self.list_view.model._meta.model_name
        return [
            path(f"{prefix}/", self.list_view.as_view(), name=f"{name}-list"),
            path(f"{prefix}/export.csv", self.export_view.as_view(), name=f"{name}-export"),
            path(f"{prefix}/<slug:slug>/", self.detail_view.as_view(), name=f"{name}-detail"),
        ]


def _view(base: type, *, model, module: str, **attributes) -> type:
    """``base`` for ``model``: ``OfficialListView``, ``OfficialDetailView``, ``OfficialExportView``."""
    name = f"{model.__name__}{base.__name__.removeprefix('Public')}"
    return type(name, (base,), {"__module__": module, "__qualname__": name, "model": model, **attributes})
