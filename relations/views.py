"""The public site: home, delegations, meetings, articles. Only published records, ever."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django import forms
from django.apps import apps
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.db.models import Count, F, Prefetch
from django.db.models.functions import ExtractYear
from django.http import HttpResponseServerError
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.views import defaults
from django.views.generic import DetailView, TemplateView

from relations.context_processors import collection
from relations.editorial.public import PublicDetailView, PublicExportView, PublicListView, published
from relations.exports import DelegationReport, MeetingReport
from relations.filters import DelegationFilter, MeetingFilter
from relations.models import Article, Citation, Delegation, Meeting

# Delegations


class DelegationListView(PublicListView):
    model = Delegation
    filterset_class = DelegationFilter
    template_name = "relations/delegation_list.html"
    export_url_name = "relations:delegation-export"
    heading = "Delegations"
    singular = "delegation"
    intro = "Official visits between the two countries: who went where, when, and whom they met."


class DelegationDetailView(PublicDetailView):
    model = Delegation
    template_name = "relations/delegation_detail.html"
    context_object_name = "delegation"


class DelegationExportView(PublicExportView):
    filterset_class = DelegationFilter
    report = DelegationReport


# Meetings


class MeetingListView(PublicListView):
    model = Meeting
    filterset_class = MeetingFilter
    template_name = "relations/meeting_list.html"
    export_url_name = "relations:meeting-export"
    heading = "Meetings"
    singular = "meeting"
    intro = "Talks, receptions and working sessions between officials of the two countries."


class MeetingDetailView(PublicDetailView):
    model = Meeting
    template_name = "relations/meeting_detail.html"
    context_object_name = "meeting"


class MeetingExportView(PublicExportView):
    filterset_class = MeetingFilter
    report = MeetingReport


# Articles


@dataclass
class Segment:
    text: str
    cited: bool = False
    anchors: list[int] = field(default_factory=list)


def highlight(text: str, citations) -> list[Segment]:
    """The text cut into plain and cited runs; overlapping or touching quotes merge into one run."""
    spans = sorted(
        (max(0, c.start), min(len(text), c.end), c.pk) for c in citations if min(len(text), c.end) > c.start
    )
    merged: list[list] = []
    for start, end, pk in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2].append(pk)
        else:
            merged.append([start, end, [pk]])
    segments, pos = [], 0
    for start, end, pks in merged:
        if start > pos:
            segments.append(Segment(text[pos:start]))
        segments.append(Segment(text[start:end], cited=True, anchors=pks))
        pos = end
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


class ArticleDetailView(DetailView):
    """An article's text, its cited sentences marked, and the published records that cite it."""

    template_name = "relations/article_detail.html"
    context_object_name = "article"

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
        groups = []
        for (_, heading), model in zip(RECORD_MODELS, models, strict=True):
            records = {}
            for citation in citations:
                if type(citation.record) is model:
                    records.setdefault(citation.record.pk, (citation.record, []))[1].append(citation)
            if records:
                groups.append({"heading": heading, "records": list(records.values())})
        context.update(
            segments=highlight(self.object.text, citations),
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
    "relations.Delegation": lambda: [Prefetch("head", queryset=published("people.Official"))],
    "relations.Meeting": lambda: [Prefetch("participants", queryset=published("people.Official"))],
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
