"""The public site: home, delegations, meetings, articles. Only published records, ever."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django import forms
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.db.models import Count, F
from django.db.models.functions import ExtractYear
from django.http import Http404, HttpResponseServerError
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.views import defaults
from django.views.generic import DetailView, ListView, TemplateView

from relations.context_processors import collection
from relations.editorial.models import published_prefetch
from relations.editorial.pagination import ReversiblePaginator
from relations.editorial.public import (
    PageNumberMixin,
    RecordPages,
    Section,
    published,
)
from relations.editorial.rendering import (
    DASH,
    NOT_RECORDED,
    UNKNOWN,
    country_code,
    country_name,
    html_format,
    joined,
    link,
    related,
    time_tag,
)
from relations.exports import DelegationReport, MeetingReport
from relations.filters import DelegationFilter, MeetingFilter
from relations.models import Article, Citation, Delegation, Meeting

# Delegations


def delegation_row(delegation) -> str:
    head, body = delegation.head, delegation.sending_body
    return html_format(
        '<tr>\n  <th scope="row" data-label="Delegation">{}{}</th>\n'
        '  <td data-label="Dates">{}</td>\n'
        '  <td data-label="Direction" class="nowrap">{} → {}</td>\n'
        '  <td data-label="Led by">{}{}</td>\n</tr>\n',
        link(delegation),
        html_format('<span class="row-meta">{}</span>', delegation.place) if delegation.place else "",
        time_tag(delegation.start_iso, delegation.dates_display) if delegation.start_date else UNKNOWN,
        country_name(country_code(delegation, "from_country")) or "?",
        country_name(country_code(delegation, "to_country")) or "?",
        link(head, head.name) if head else NOT_RECORDED,
        html_format('<span class="row-meta">{}</span>', body.name) if body else "",
    )


def meeting_row(meeting) -> str:
    participants = related(meeting, "participants")
    return html_format(
        '<tr>\n  <th scope="row" data-label="Meeting">{}</th>\n'
        '  <td data-label="Date">{}</td>\n'
        '  <td data-label="Participants">{}</td>\n'
        '  <td data-label="During">{}</td>\n</tr>\n',
        link(meeting),
        time_tag(meeting.date_iso, meeting.date_display) if meeting.date else UNKNOWN,
        joined((link(o, o.name) for o in participants), ", ") if participants else DASH,
        link(meeting.delegation) if meeting.delegation else DASH,
    )


DELEGATIONS = RecordPages(
    DelegationFilter,
    DelegationReport,
    row=delegation_row,
    intro="Official visits between the two countries: who went where, when, and whom they met.",
    sections=(
        Section("members", "Members", "members", "No other members are recorded."),
        Section(
            "meetings", "Meetings during the visit", "meetings", "No meetings are recorded for this visit."
        ),
        Section("agreements", "Agreements", "agreements", "No agreements are recorded for this visit."),
    ),
)

MEETINGS = RecordPages(
    MeetingFilter,
    MeetingReport,
    row=meeting_row,
    intro="Talks, receptions and working sessions between officials of the two countries.",
    sections=(
        Section("participants", "Participants", "participants", "No participants are recorded."),
        Section("agreements", "Agreements", "agreements", "No agreements are recorded at this meeting."),
    ),
)


# Articles


@dataclass
class Segment:
    text: str
    cited: bool = False
    anchors: list[int] = field(default_factory=list)


def highlight(text: str, citations, start: int = 0) -> list[Segment]:
    """The text from ``start`` cut into plain and cited runs; overlapping or touching quotes merge."""
    spans = sorted(
        (max(start, c.start), min(len(text), c.end), c.pk)
        for c in citations
        if min(len(text), c.end) > max(start, c.start)
    )
    merged: list[list] = []
    for left, right, pk in spans:
        if merged and left <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], right)
            merged[-1][2].append(pk)
        else:
            merged.append([left, right, [pk]])
    segments, pos = [], start
    for left, right, pks in merged:
        if left > pos:
            segments.append(Segment(text[pos:left]))
        segments.append(Segment(text[left:right], cited=True, anchors=pks))
        pos = right
    if pos < len(text):
        segments.append(Segment(text[pos:]))
    return segments


RECORD_MODELS = (
    ("relations.Delegation", "Delegations"),
    ("relations.Meeting", "Meetings"),
    ("agreements.Agreement", "Agreements"),
    ("people.Official", "Officials"),
    ("people.Organization", "Organizations"),
)


def published_records_by_citation(citations) -> list:
    """``citations`` with their records loaded, keeping those whose record is published."""
    models = [apps.get_model(label) for label, _ in RECORD_MODELS]
    loaded = citations.prefetch_related(
        GenericPrefetch("record", [m._default_manager.published() for m in models])
    )
    return [c for c in loaded if type(c.record) in models and c.record.is_published]


def cited_articles():
    """Articles that a published record cites."""
    citing = [
        Citation.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=model._default_manager.published().values("pk"),
        )
        .order_by()
        .values("article_id")
        for model in (apps.get_model(label) for label, _ in RECORD_MODELS)
    ]
    return Article.objects.filter(pk__in=citing[0].union(*citing[1:])).defer("text")


class ArticleListView(PageNumberMixin, ListView):
    """The sources: every article a published record cites, newest first, with the records citing it."""

    paginate_by = 25
    paginator_class = ReversiblePaginator

    def get_queryset(self):
        return cited_articles().order_by(F("published_on").desc(nulls_last=True), "key", "pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context["page_obj"]
        articles = list(page.object_list)
        citations = published_records_by_citation(
            Citation.objects.filter(article__in=[a.pk for a in articles]).only(
                "pk", "article_id", "content_type_id", "object_id"
            )
        )
        by_article: dict[int, dict] = {}
        for citation in citations:
            by_article.setdefault(citation.article_id, {})[(type(citation.record), citation.record.pk)] = (
                citation.record
            )
        for article in articles:
            article.citing_records = list(by_article.get(article.pk, {}).values())
        context.update(
            articles=articles,
            page_range=page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
        )
        return context


class ArticleDetailView(DetailView):
    """An article's text, its cited sentences marked, and the published records that cite it."""

    def get_object(self, queryset=None):
        return get_object_or_404(Article, key=self.kwargs["key"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        models = [apps.get_model(label) for label, _ in RECORD_MODELS]
        citations = [
            c
            for c in Citation.objects.filter(article=self.object).prefetch_related(
                GenericPrefetch("record", [m._default_manager.published() for m in models])
            )
            if type(c.record) in models and c.record.is_published
        ]
        if not citations:  # an article is public only while a published record cites it
            raise Http404("No published record cites this article.")
        groups = []
        for (_, heading), model in zip(RECORD_MODELS, models, strict=True):
            records = {}
            for citation in citations:
                if type(citation.record) is model:
                    records.setdefault(citation.record.pk, (citation.record, []))[1].append(citation)
            if records:
                groups.append({"heading": heading, "records": list(records.values())})
        context.update(
            segments=highlight(self.object.text, citations, start=self.object.body_start),
            groups=groups,
            cited_count=len(citations),
        )
        return context


# Home


LATEST = 5


def latest(queryset):
    """The most recently released records, newest first."""
    return queryset.order_by(F("published_at").desc(nulls_last=True), "-pk")[:LATEST]


class HomeView(TemplateView):
    template_name = "relations/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        agreements = published("agreements.Agreement")
        delegations = Delegation.objects.published()
        # The same querysets as the lists the counts link to, so that each count is what its list shows.
        context["counts"] = [
            ("Delegations", delegations.count(), "relations:delegation-list"),
            ("Meetings", Meeting.objects.published().count(), "relations:meeting-list"),
            ("Agreements", agreements.count(), "agreements:agreement-list"),
            ("Officials", published("people.Official").count(), "people:official-list"),
            ("Organizations", published("people.Organization").count(), "people:organization-list"),
        ]
        context["count_of"] = {label: n for label, n, _ in context["counts"]}
        # Latest by publication, dated or not: every published record can reach these lists.
        context["latest_delegations"] = latest(delegations)
        context["latest_agreements"] = latest(agreements)
        context["latest_meetings"] = latest(Meeting.objects.published())
        context["delegations_by_year"] = list(
            delegations.annotate(year=ExtractYear("start_date"))
            .values("year", "from_country", "to_country")
            .annotate(n=Count("pk"))
            .order_by("year", "from_country", "to_country")
        )
        years = [r["year"] for r in context["delegations_by_year"] if r["year"]]
        context["first_year"], context["last_year"] = (min(years), max(years)) if years else (None, None)
        context["agreements_by_year"] = list(
            agreements.annotate(year=ExtractYear("signed_on"))
            .values("year")
            .annotate(n=Count("pk"))
            .order_by("year")
        )
        return context


# Search across every record type


@dataclass
class SearchGroup:
    heading: str
    singular: str
    count: int
    records: list
    list_url: str


class SearchForm(forms.Form):
    q = forms.CharField(label="Search", max_length=200, required=False, strip=True)


SEARCH_GROUPS = (
    # model, heading, singular, list URL name
    ("relations.Delegation", "Delegations", "delegation", "relations:delegation-list"),
    ("relations.Meeting", "Meetings", "meeting", "relations:meeting-list"),
    ("agreements.Agreement", "Agreements", "agreement", "agreements:agreement-list"),
    ("people.Official", "Officials", "official", "people:official-list"),
    ("people.Organization", "Organizations", "organization", "people:organization-list"),
)
SEARCH_GROUP_SIZE = 5
# The people a result names besides its title (a delegation found by its head's name shows it).
SEARCH_PREFETCH = {
    "relations.Delegation": lambda: [published_prefetch("head", "people.Official")],
    "relations.Meeting": lambda: [published_prefetch("participants", "people.Official")],
}


class SearchView(TemplateView):
    """``/search/?q=``: every published record type, accent- and case-insensitive, grouped by type.

    Each group shows its count and first records, and links to its list filtered by the same words.
    Two queries per type (the count, the first records), whatever the collection's size.
    """

    template_name = "relations/search.html"

    def get(self, request, *args, **kwargs):
        form = SearchForm(request.GET)
        if not form.is_valid():
            context = self.get_context_data(form=form, q="", groups=[], total=0)
            return self.render_to_response(context, status=400)
        q = form.cleaned_data["q"]
        groups = []
        if q:
            for label, heading, singular, url_name in SEARCH_GROUPS:
                found = apps.get_model(label)._default_manager.published().search(q)
                count = found.count()
                shown = SEARCH_PREFETCH.get(label)
                records = list((found.prefetch_related(*shown()) if shown else found)[:SEARCH_GROUP_SIZE])
                groups.append(
                    SearchGroup(
                        heading, singular, count, records, f"{reverse(url_name)}?{urlencode({'q': q})}"
                    )
                )
        total = sum(g.count for g in groups)
        return self.render_to_response(self.get_context_data(form=form, q=q, groups=groups, total=total))


# Errors


def server_error(request):
    """The 500 page in the site's layout. Rendered without the request's context processors, which
    may be what failed: only the collection's names, from settings."""
    try:
        html = render_to_string("500.html", {**collection(request), "request": None})
    except Exception:  # the layout itself failed: Django's plain page
        return defaults.server_error(request)
    return HttpResponseServerError(html)
