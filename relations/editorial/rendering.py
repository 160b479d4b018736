"""Lean HTML for the public lists: form fields and country names without a template per field or cell.

Django renders every form field through three templates (the field group, its label, its widget) and
every ``<option>`` through one more: a third of a list page's time. :func:`field_group` writes the same
HTML as ``{{ field.as_field_group }}`` for the plain widgets the filters use (inputs and single selects),
in Python, and falls back to Django's templates for anything else. ``tests/public/test_rendering.py``
holds it to Django's output.
"""

from __future__ import annotations

import html
import re
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache

from django import forms
from django.conf import settings
from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.signals import setting_changed
from django.forms.boundfield import BoundField
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django_countries import countries

# Widgets whose template is django/forms/widgets/input.html, as Django ships them.
INPUTS = (forms.TextInput, forms.NumberInput, forms.DateInput, forms.EmailInput, forms.URLInput)


def attrs_html(attrs: dict) -> str:
    """``django/forms/widgets/attrs.html``: ``False`` drops the attribute, ``True`` writes its bare name."""
    parts = []
    for name, value in attrs.items():
        if value is True:
            parts.append(f" {name}")
        elif value is not False:
            parts.append(f' {name}="{escape(value)}"')
    return "".join(parts)


def _input(context: dict) -> str:
    value = context["value"]
    shown = f' value="{escape(value)}"' if value is not None else ""
    start = f'<input type="{escape(context["type"])}" name="{escape(context["name"])}"'
    return f"{start}{shown}{attrs_html(context['attrs'])}>"


def _select(name: str, context: dict) -> str:
    parts = [f'<select name="{escape(name)}"{attrs_html(context["attrs"])}>']
    for group_name, options, _ in context["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{escape(group_name)}">')
        for option in options:
            parts.append(
                f'\n  <option value="{escape(option["value"])}"{attrs_html(option["attrs"])}>'
                f"{escape(option['label'])}</option>"
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


def _plain(widget) -> bool:
    """A widget rendered by Django's own template for its class (not a project's custom one)."""
    if isinstance(widget, INPUTS):
        return type(widget).template_name == next(
            cls.template_name for cls in type(widget).__mro__ if cls in INPUTS
        )
    return type(widget) is forms.Select or (
        isinstance(widget, forms.Select)
        and not widget.allow_multiple_selected
        and not _own_render(widget)
        and type(widget).template_name == forms.Select.template_name
        and type(widget).option_template_name == forms.Select.option_template_name
    )


def _own_render(widget) -> bool:
    """A widget that writes its HTML in Python already (``QuickSelect``)."""
    return type(widget).render is not forms.Widget.render


def widget_html(field: BoundField) -> str:
    """``{{ field }}``: the widget with the attributes Django adds (id, required, aria-describedby)."""
    widget = field.field.widget
    if not _plain(widget):
        return str(field)  # Django's templates, or the widget's own render()
    attrs = field.build_widget_attrs({}, widget)
    if field.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", field.auto_id)
    context = widget.get_context(field.html_name, field.value(), attrs)["widget"]
    if isinstance(widget, forms.Select):
        return _select(field.html_name, context)
    return _input(context)


def label_html(field: BoundField) -> str:
    """``{{ field.label_tag }}``, with the form's label suffix."""
    contents = escape(field.label)
    suffix = field.field.label_suffix if field.field.label_suffix is not None else field.form.label_suffix
    if suffix and contents and contents[-1] not in ":?.!":
        contents = f"{contents}{escape(suffix)}"
    widget = field.field.widget
    id_ = widget.attrs.get("id") or field.auto_id
    if not id_:
        return contents
    attrs = {}
    if for_id := widget.id_for_label(id_):
        attrs["for"] = for_id
    if field.field.required and hasattr(field.form, "required_css_class"):
        attrs["class"] = field.form.required_css_class
    return f"<label{attrs_html(attrs)}>{contents}</label>"


def field_group(field: BoundField) -> SafeString:
    """``{{ field.as_field_group }}`` (``django/forms/field.html``) for a field without a fieldset."""
    widget = field.field.widget
    if field.use_fieldset or not (_plain(widget) or _own_render(widget)):
        return field.as_field_group()
    parts = []
    if field.label:
        parts.append(label_html(field))
    if field.help_text:
        help_id = f' id="{field.auto_id}_helptext"' if field.auto_id else ""
        parts.append(f'<div class="helptext"{help_id}>{field.help_text}</div>')
    if field.errors:
        parts.append(str(field.errors))
    parts.append(widget_html(field))
    return mark_safe("\n".join(parts))


FORM_START = (
    '<form class="filters" method="get" action="" role="search" aria-labelledby="filters-heading">\n'
    '  <h2 id="filters-heading" class="filters__heading">Filter and sort</h2>\n  '
)
FORM_ACTIONS = (
    '\n  <div class="filters__actions">\n    <button type="submit" class="button">Apply</button>\n    '
)


def filter_form(form, request) -> SafeString:
    """A list's filter form, as ``includes/filter_form.html`` wrote it: a loop of the template engine's per
    field, a variable lookup per attribute, cost more than the fields it wrote."""
    parts = [FORM_START]
    if errors := form.non_field_errors():
        parts.append(f'<div class="form-errors" role="alert">{conditional_escape(errors)}</div>')
    parts.append("\n  ")
    for field in form:
        invalid = " field--error" if field.errors else ""
        parts.append(
            f'\n  <div class="field field--{escape(field.widget_type)}{invalid}">\n'
            f"    {conditional_escape(field_group(field))}\n  </div>\n  "
        )
    parts.append(FORM_ACTIONS)
    if request.GET:
        parts.append(f'<a class="button button--quiet" href="{escape(request.path)}">Clear all</a>')
    parts.append("\n  </div>\n</form>\n")
    return mark_safe("".join(parts))


@lru_cache(maxsize=4096)
def _country_name(code: str, language: str) -> str:
    return str(countries.name(code)) if code else ""


def country_code(record, name: str) -> str:
    """The code a country field holds, without the ``Country`` object its attribute builds on each read."""
    if name not in record.__dict__:  # deferred: the descriptor loads it
        return getattr(record, name).code or ""
    return record.__dict__[name] or ""


# The active language while a list's rows are written (:func:`one_language`): read once, not per cell.
_row_language: ContextVar[str | None] = ContextVar("row_language", default=None)


@contextmanager
def one_language():
    """Within it, :func:`country_name` reads the active language once: a page's rows ask for it a hundred
    times, and each ``get_language()`` goes through a context-local lookup."""
    token = _row_language.set(get_language() or "")
    try:
        yield
    finally:
        _row_language.reset(token)


def country_name(country) -> str:
    """A country's name (``country.name``), looked up once per code and language."""
    code = getattr(country, "code", country) or ""
    language = _row_language.get()
    if language is None:
        language = get_language() or ""
    return _country_name(code, language)


# ------------------------------------------------------------------ parts of the layout, written once


class Memo:
    """Parts of a page written once and reused (``{% memo %}``), keyed by what they depend on, with the
    active language, the URLconf and the script prefix added; forgotten when a setting changes. At most
    ``size`` parts: past it, all are dropped and written again as they are asked for."""

    def __init__(self, size: int = 1024):
        self.size = size
        self.parts: dict[tuple, SafeString] = {}

    def get(self, key: tuple, write) -> SafeString:
        key = (*key, get_language(), get_urlconf(), get_script_prefix())
        part = self.parts.get(key)
        if part is None:
            part = mark_safe(write())
            if len(self.parts) >= self.size:
                self.parts.clear()
            self.parts[key] = part
        return part

    def forget(self, **kwargs) -> None:
        self.parts.clear()


_memo = Memo()
memo = _memo.get
setting_changed.connect(_memo.forget)


# ------------------------------------------------------------------ a page's description for search engines


def absolute_url(request, record_or_path) -> str:
    """The full URL of a record (or a path) on this site, for canonical links and citations."""
    path = record_or_path if isinstance(record_or_path, str) else record_or_path.get_absolute_url()
    return request.build_absolute_uri(path)


def page_meta(request, collection, *, title, description, url, kind) -> SafeString:
    """``includes/meta.html``: the description, canonical address and Open Graph tags of a page. ``url`` is
    the page's address ("" for the request's path), ``kind`` its Open Graph type ("" for a website)."""
    if not description:
        description = (
            f"A curated, cited record of official contacts between {collection['pair']}: delegations, "
            "officials, organizations, meetings and agreements, each traced to the news articles that "
            "report it."
        )
    desc = esc(description)
    canonical = esc(absolute_url(request, url or request.path))
    return SafeString(
        f'\n  <meta name="description" content="{desc}">\n'
        f'  <link rel="canonical" href="{canonical}">\n'
        f'  <meta property="og:site_name" content="{esc(collection["site_name"])}">\n'
        f'  <meta property="og:type" content="{esc(kind or "website")}">\n'
        f'  <meta property="og:title" content="{esc(title)}">\n'
        f'  <meta property="og:description" content="{desc}">\n'
        f'  <meta property="og:url" content="{canonical}">\n'
        '  <meta property="og:locale" content="en_GB">\n'
        '  <meta name="twitter:card" content="summary">\n'
    )


# ------------------------------------------------------------------ rows of the public lists
# Written in Python: a template per row, and a variable lookup per cell, were half of a list page's time.

UNKNOWN = mark_safe('<span class="muted">Unknown</span>')
DASH = mark_safe('<span class="muted">—</span>')
NOT_RECORDED = mark_safe(
    '<span class="muted" aria-hidden="true">—</span><span class="visually-hidden">Not recorded</span>'
)


SLUG = re.compile(r"[-a-zA-Z0-9_]+")
PLACEHOLDER = "KEY0"


def detail_url(route: str, slug: str) -> str:
    """``reverse(route, args=[slug])`` for a record's address: the route is resolved once per URLconf and
    script prefix, and the slug put in its place (a list page asks for fifty of these)."""
    if not SLUG.fullmatch(slug or ""):
        return reverse(route, args=[slug])
    before, after = _route_parts(route, get_urlconf(), get_script_prefix())
    return f"{before}{slug}{after}"


@lru_cache(maxsize=256)
def _route_parts(route: str, urlconf, prefix: str) -> tuple[str, str]:
    before, _, after = reverse(route, args=[PLACEHOLDER], urlconf=urlconf).rpartition(PLACEHOLDER)
    return before, after


def route(name: str) -> str:
    """``reverse(name)`` of a route without arguments (``{% url name %}``), resolved once per URLconf and
    script prefix: the layout of every page links to seventeen of them."""
    return _route(name, get_urlconf() or settings.ROOT_URLCONF, get_script_prefix())


@lru_cache(maxsize=256)
def _route(name: str, urlconf: str, prefix: str) -> str:
    return reverse(name, urlconf=urlconf)


def esc(value) -> str:
    """``conditional_escape(value)`` without its checks for lazy text: what is safe already (``__html__``)
    as it is, anything else escaped."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


#: The prefix of the attribute a list's prefetched related records are kept in (:func:`listed`).
LISTED = "listed_"


def listed(name: str) -> str:
    """The attribute a list query keeps the prefetched related records ``name`` of each record in, as a
    list (``Prefetch(to_attr=...)``), which a row reads with :func:`related`.

    Kept the usual way, each record's prefetched records become a queryset of their own: its related
    manager made and filtered for that record, a fifth of a list of 25 meetings' or agreements' time."""
    return f"{LISTED}{name}"


def related(record, name: str):
    """The related records ``name`` of ``record``: the list a list page prefetched them into, else
    ``getattr(record, name).all()``."""
    listed = record.__dict__.get(f"{LISTED}{name}")
    return listed if listed is not None else getattr(record, name).all()


def html_format(template: str, *args) -> SafeString:
    """``format_html(template, *args)`` for the rows of a list, written 25 times a page: the same HTML,
    each argument through :func:`esc` rather than Django's lazy-aware escaping."""
    return SafeString(template.format(*map(esc, args)))


def link(record, text=None) -> SafeString:
    """``<a href="{{ record.get_absolute_url }}">{{ text|default:record }}</a>``."""
    return html_format('<a href="{}">{}</a>', record.get_absolute_url(), record if text is None else text)


def time_tag(iso: str, shown: str) -> SafeString:
    return html_format('<time datetime="{}">{}</time>', iso, shown)


def joined(parts, separator: str) -> SafeString:
    """Safe parts joined by a plain separator."""
    return mark_safe(escape(separator).join(parts))


def choice_label(record, name: str) -> str:
    """``record.get_<name>_display()`` without normalising the field's choices on every call."""
    value = getattr(record, name)
    return _labels(type(record), name).get(value, value)


@lru_cache(maxsize=64)
def _labels(model, name: str) -> dict:
    return {str(k): str(v) for k, v in model._meta.get_field(name).flatchoices}


# ------------------------------------------------------------------ a list's results bar and pages
# Written in Python, as includes/list_results_bar.html and includes/pagination.html wrote them: each
# ``{% querystring %}`` and ``{% if %}`` of the templates went through the template engine.


def querystring(request, **changes) -> str:
    """``{% querystring name=value %}`` as a template writes it (escaped): the request's query with
    ``changes`` (``None`` removes a parameter)."""
    query = request.GET
    params = query.copy()
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    if not params and not query:
        return ""
    return html.escape(f"?{params.urlencode()}")


def results_bar(
    request, *, count: int, capped: bool, filtered: bool, singular: str, plural: str, export_route: str
) -> SafeString:
    """``includes/list_results_bar.html``: how many records match, and the link to their CSV."""
    shown = f"More than {intcomma(count)}" if capped else str(count)
    noun = singular if count == 1 else plural
    matches = f" match{'es' if count == 1 else ''} your filters" if filtered else ""
    export = f"{esc(route(export_route))}{querystring(request, page=None)}"
    return SafeString(
        '<div class="results-bar">\n'
        '  <h2 id="results-heading" class="results-bar__count" aria-live="polite">\n'
        f"    {esc(shown)} {esc(noun)}{matches}\n"
        "  </h2>\n"
        f'  <a class="button button--secondary" href="{export}" download>\n'
        f'    Download CSV<span class="visually-hidden"> of {"these " if filtered else ""}'
        f"{esc(plural)}</span>\n"
        "  </a>\n"
        "</div>\n"
    )


def pagination(request, page, page_range) -> SafeString:
    """``includes/pagination.html``: the status ("Page 2 of 40") and the links to other pages."""
    if not page.has_other_pages():
        return SafeString("\n")
    paginator = page.paginator
    capped = getattr(paginator, "capped", False)
    parts = [
        '\n<nav class="pagination" aria-label="Pages">\n'
        f'  <p class="pagination__status">Page {page.number} of {"more than " if capped else ""}'
        f"{paginator.num_pages}</p>\n  <ul>\n    "
    ]
    if page.has_previous():
        parts.append(
            f'\n    <li><a href="{querystring(request, page=1)}" aria-label="First page">« First</a></li>\n'
            f'    <li><a href="{querystring(request, page=page.previous_page_number())}" rel="prev">'
            "‹ Previous</a></li>\n    "
        )
    parts.append("\n    ")
    for number in page_range:
        if number == paginator.ELLIPSIS:
            link_ = '\n      <li><span aria-hidden="true">…</span></li>\n      '
        else:
            current = ' aria-current="page"' if number == page.number else ""
            link_ = (
                f'\n      <li><a href="{querystring(request, page=number)}"{current} '
                f'aria-label="Page {esc(number)}">{esc(number)}</a></li>\n      '
            )
        parts.append(f"\n      {link_}\n    ")
    parts.append("\n    ")
    if page.has_next():
        parts.append(
            f'\n    <li><a href="{querystring(request, page=page.next_page_number())}" rel="next">'
            "Next ›</a></li>\n    "
        )
    parts.append("\n    ")
    if capped:
        parts.append(
            f'\n    <li><a href="{querystring(request, page="last")}" aria-label="Last page">'
            "Last »</a></li>\n    "
        )
    elif page.has_next():
        parts.append(
            f'\n    <li><a href="{querystring(request, page=paginator.num_pages)}" aria-label="Last page">'
            "Last »</a></li>\n    "
        )
    parts.append("\n  </ul>\n</nav>\n\n")
    return SafeString("".join(parts))
