"""The editors' admin site, with the review queue and the pages other layers add to it.

:class:`EditorialAdminSite` replaces Django's default site (see ``relations.editorial.apps``), so
``admin.site`` and ``@admin.register`` work as usual. It adds:

- the review queue (``admin:review-queue``), below;
- pages that a higher layer plugs in with :meth:`EditorialAdminSite.add_view` (the importer's upload page),
  so that this module never imports the apps or the importer.

The review queue: every record that waits for an editor or a publisher, across all types, oldest first.

Drafts the importer proposed wait for an editor (check, fix, submit); records in review wait for a
publisher. Each row shows the importer's flags and the articles the record was taken from, links to the
record's change page (which shows why it was flagged, and comes back here after a workflow button), and
offers the transitions the user may make in one click.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

from django.apps import apps
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import IntegerField, Value
from django.http import Http404, HttpResponseBadRequest, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_http_methods
from django_countries import countries

from relations.editorial import workflow
from relations.editorial.vocabulary import Flag, Status

# (app label, model name), in the order the filters list them; by string: relations never imports people.
QUEUE_MODELS = [
    ("relations", "delegation"),
    ("relations", "meeting"),
    ("people", "official"),
    ("people", "organization"),
    ("agreements", "agreement"),
]
STAGES = {
    "": ("Waiting (draft or in review)", [Status.DRAFT, Status.REVIEW]),
    "draft": ("To check (draft)", [Status.DRAFT]),
    "review": ("To publish (in review)", [Status.REVIEW]),
}
QUICK = ["submit", "publish"]  # the one-click transitions a row offers
PER_PAGE = 50


@dataclass
class Row:
    kind: str
    obj: models.Model
    content_type: ContentType
    url: str
    articles: list = field(default_factory=list)
    actions: list[tuple[str, str]] = field(default_factory=list)


def queue_models(user) -> list[type[models.Model]]:
    """The record types ``user`` may see in the queue."""
    found = []
    for app_label, model_name in QUEUE_MODELS:
        model = apps.get_model(app_label, model_name)
        if user.has_perm(f"{app_label}.view_{model_name}") or user.has_perm(
            f"{app_label}.change_{model_name}"
        ):
            found.append(model)
    return found


def filtered(model, *, stage: str, flag: str, article) -> models.QuerySet:
    from relations.editorial.admin import (  # the admin base needs a ready registry
        flags_query,
        with_flags_text,
    )

    Citation = apps.get_model("relations", "Citation")
    queryset = model._default_manager.filter(status__in=STAGES[stage][1])
    if flag:
        queryset = with_flags_text(queryset).filter(flags_query(flag))
    if article is not None:
        cited = Citation.objects.filter(
            article=article, content_type=ContentType.objects.get_for_model(model)
        ).values("object_id")
        queryset = queryset.filter(pk__in=cited)
    return queryset


def _articles_for(rows: list[Row]) -> None:
    by_record = {(r.content_type.pk, r.obj.pk): r for r in rows}
    if not by_record:
        return
    query = models.Q()
    for ct_id in {r.content_type.pk for r in rows}:
        pks = [r.obj.pk for r in rows if r.content_type.pk == ct_id]
        query |= models.Q(content_type_id=ct_id, object_id__in=pks)
    citations = (
        apps.get_model("relations", "Citation")
        .objects.filter(query)
        .select_related("article")
        .defer("article__text")
    )
    for citation in citations.order_by("article__published_on", "article_id"):
        row = by_record.get((citation.content_type_id, citation.object_id))
        if row is not None and citation.article not in row.articles:
            row.articles.append(citation.article)


def _act(request, models_by_ct: dict[int, type[models.Model]]):
    name = request.POST.get("action", "")
    if name not in workflow.TRANSITIONS:
        raise PermissionDenied("Unknown action.")
    try:
        model = models_by_ct[int(request.POST.get("ct", ""))]
        pk = int(request.POST.get("pk", ""))
    except (KeyError, ValueError):
        raise PermissionDenied("Unknown record.") from None
    queryset = model._default_manager.filter(pk=pk)
    obj = queryset.first()
    back = request.POST.get("next", "")
    try:
        n = workflow.apply(name, queryset, by=request.user)  # refuses without the permission
    except workflow.DraftDependencies as refused:
        messages.error(request, f"{obj}: {refused} Open the record to publish it together with them.")
        return HttpResponseRedirect(reverse("admin:review-queue") + (f"?{back}" if back else ""))
    label = workflow.TRANSITIONS[name].label
    if n:
        messages.success(request, f"{label}: {obj}.")
    else:
        messages.warning(request, f"Not {label.lower()}: {obj} has moved on since the page was shown.")
    return HttpResponseRedirect(reverse("admin:review-queue") + (f"?{back}" if back else ""))


@dataclass
class _Criteria:
    """What the queue is narrowed to: a record type, a flag, a stage and the article records come from."""

    kind: str
    flag: str
    stage: str
    article: models.Model | None


@require_http_methods(["GET", "POST"])
def review_queue(request):
    """What waits that the user may see, filtered, a page at a time; a POST makes a one-click transition."""
    visible = queue_models(request.user)
    if not visible:
        raise PermissionDenied
    content_types = ContentType.objects.get_for_models(*visible)
    models_by_ct = {content_types[m].pk: m for m in visible}
    if request.method == "POST":
        return _act(request, models_by_ct)

    criteria = _criteria(request)
    chosen = [m for m in visible if not criteria.kind or m._meta.model_name == criteria.kind]
    counts, union = _counts_and_union(visible, chosen, content_types, criteria)
    total = sum(counts[m._meta.model_name] for m in chosen)
    paginator = Paginator(range(total), PER_PAGE)
    page = paginator.get_page(request.GET.get("p"))
    keys = _page_keys(union, page) if total else []
    rows = _rows(keys, _records(keys, models_by_ct), content_types, request.user)
    _articles_for(rows)
    context = {
        **admin.site.each_context(request),
        "title": "Review queue",
        "subtitle": None,
        "rows": rows,
        "page": page,
        "paginator": paginator,
        "total": total,
        "filters": _filters(request, visible, counts, criteria),
        "article": criteria.article,
        "article_value": request.GET.get("article", ""),
        "clear_article": _link(request, article=""),
        "hidden": [(k, v) for k, v in request.GET.items() if k not in ("article", "p")],
        "query": urlencode([(k, v) for k, v in request.GET.items()]),
        "page_links": [(n, _link(request, p=n)) for n in _page_numbers(page)],
        "pending_count": pending_queryset(request.user).count(),
    }
    return TemplateResponse(request, "admin/review_queue.html", context)


def _criteria(request) -> _Criteria:
    """The queue's filters from the query string; an unknown stage is no stage, an unknown article none."""
    stage = request.GET.get("stage", "")
    article = None
    if request.GET.get("article"):
        value = request.GET["article"].strip()
        lookup = {"pk": int(value)} if value.isdigit() else {"key": value}
        article = apps.get_model("relations", "Article").objects.defer("text").filter(**lookup).first()
    return _Criteria(
        kind=request.GET.get("type", ""),
        flag=request.GET.get("flag", ""),
        stage=stage if stage in STAGES else "",
        article=article,
    )


def _counts_and_union(
    visible, chosen, content_types, criteria: _Criteria
) -> tuple[dict[str, int], models.QuerySet | None]:
    """How many wait of each visible type, and one union of the chosen types' (pk, created_at, type) rows."""
    parts = []
    counts = {}
    for model in visible:
        queryset = filtered(model, stage=criteria.stage, flag=criteria.flag, article=criteria.article)
        counts[model._meta.model_name] = queryset.count()
        if model in chosen:
            ct = content_types[model].pk
            parts.append(
                queryset.order_by()
                .annotate(queue_type=Value(ct, output_field=IntegerField()))
                .values_list("pk", "created_at", "queue_type")
            )
    union = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0] if parts else None
    return counts, union


def _page_keys(union, page) -> list[tuple[int, int]]:
    """The page's records as (content type, pk): oldest first, then by type and pk."""
    window = slice(page.start_index() - 1, page.end_index())
    return [(k, pk) for pk, _, k in union.order_by("created_at", "queue_type", "pk")[window]]


def _records(keys, models_by_ct) -> dict[int, dict[int, models.Model]]:
    """The page's records by content type and pk, one query per type (a delegation's with its head)."""
    objects = {}
    for ct_id in {k for k, _ in keys}:
        model = models_by_ct[ct_id]
        queryset = model._default_manager.all()
        if model._meta.model_name == "delegation":
            queryset = queryset.select_related("head")
        objects[ct_id] = queryset.in_bulk([pk for k, pk in keys if k == ct_id])
    return objects


def _rows(keys, objects, content_types, user) -> list[Row]:
    """A row per record, in the page's order, with its change link; one gone since it was counted left out."""
    ct_by_id = {ct.pk: ct for ct in content_types.values()}
    rows = []
    for ct_id, pk in keys:
        obj = objects[ct_id].get(pk)
        if obj is None:
            continue
        opts = obj._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[pk]) + "?_from_queue=1"
        rows.append(Row(opts.verbose_name, obj, ct_by_id[ct_id], url, actions=_quick_actions(obj, user)))
    return rows


def _quick_actions(obj, user) -> list[tuple[str, str]]:
    """The one-click transitions (name, label) the record's status allows and ``user`` may make."""
    return [
        (name, workflow.TRANSITIONS[name].label)
        for name in QUICK
        if obj.status in workflow.TRANSITIONS[name].sources and workflow.can(user, name, type(obj))
    ]


def _link(request, **changes) -> str:
    """The queue's query string with ``changes`` made, back on the first page, empty values left out."""
    params = {k: v for k, v in request.GET.items() if k != "p"}
    params.update(changes)
    return "?" + urlencode({k: v for k, v in params.items() if v})


def _filters(request, visible, counts, criteria: _Criteria) -> list[tuple[str, list[tuple[str, str, bool]]]]:
    """The sidebar's choices, (label, link, chosen), by type with its count, by stage and by flag."""
    kind, stage, flag = criteria.kind, criteria.stage, criteria.flag
    link = partial(_link, request)
    return [
        (
            "By type",
            [("All types", link(type=""), not kind)]
            + [
                (f"{m._meta.verbose_name_plural.capitalize()} ({counts[m._meta.model_name]})",
                 link(type=m._meta.model_name), kind == m._meta.model_name)
                for m in visible
            ],
        ),
        ("By stage", [(label, link(stage=key), stage == key) for key, (label, _) in STAGES.items()]),
        (
            "By flag",
            [("Any", link(flag=""), not flag)]
            + [(label, link(flag=key), flag == key) for key, label in Flag.choices],
        ),
    ]  # fmt: skip


# ------------------------------------------------------------------ pending changes


def _pending_models(user) -> list[type[models.Model]]:
    return [*queue_models(user), apps.get_model("relations", "Article")]


def pending_queryset(user) -> models.QuerySet:
    """The pending changes ``user`` may see: those to records of the types the queue shows them."""
    PendingChange = apps.get_model("relations", "PendingChange")
    types = ContentType.objects.get_for_models(*_pending_models(user)).values()
    return PendingChange.objects.filter(
        state=PendingChange.State.PENDING, content_type__in=list(types)
    ).select_related("content_type", "created_by")


@require_http_methods(["GET"])
def pending_changes(request):
    """Every change to a live record (or cited article's text) that waits for a publisher, oldest first."""
    if not queue_models(request.user):
        raise PermissionDenied
    paginator = Paginator(pending_queryset(request.user), PER_PAGE)
    page = paginator.get_page(request.GET.get("p"))
    changes = list(page.object_list)
    records = {}
    for ct_id in {c.content_type_id for c in changes}:
        model = ContentType.objects.get_for_id(ct_id).model_class()
        records[ct_id] = model._default_manager.defer(
            *(["text"] if model._meta.model_name == "article" else [])
        ).in_bulk([c.object_id for c in changes if c.content_type_id == ct_id])
    rows = [(c, records[c.content_type_id].get(c.object_id)) for c in changes]
    context = {
        **admin.site.each_context(request),
        "title": "Pending changes to published records",
        "subtitle": None,
        "rows": rows,
        "page": page,
        "paginator": paginator,
        "review_queue_url": reverse("admin:review-queue"),
    }
    return TemplateResponse(request, "admin/pending_changes.html", context)


@require_http_methods(["GET", "POST"])
def pending_change(request, pk: int):
    """One pending change: the field-by-field difference, and (for a publisher) publish or reject."""
    from relations.editorial import pending

    PendingChange = apps.get_model("relations", "PendingChange")
    change = PendingChange.objects.select_related("content_type", "created_by", "decided_by").filter(pk=pk)
    change = change.first()
    if change is None or not queue_models(request.user):
        raise Http404("No such pending change.")
    model = change.content_type.model_class()
    if model not in _pending_models(request.user):
        raise PermissionDenied
    record = model._default_manager.filter(pk=change.object_id).first()
    if request.method == "POST":
        decision = request.POST.get("decision", "")
        note = request.POST.get("note", "")[:2000]
        if decision not in ("publish", "reject"):
            return HttpResponseBadRequest("Choose publish or reject.")
        if not workflow.may_decide(request.user, change):
            raise PermissionDenied("Only a publisher may publish or reject a pending change.")
        try:
            if decision == "publish":
                changed = workflow.publish_change(change, by=request.user, note=note)
                messages.success(request, f"Published: {', '.join(changed)} of “{record}”.")
            else:
                workflow.reject_change(change, by=request.user, note=note)
                messages.success(request, f"Rejected: the change to “{record}”; the live version stays.")
        except ValidationError as refused:
            messages.error(request, " ".join(refused.messages))
            return HttpResponseRedirect(reverse("admin:pending-change", args=[change.pk]))
        return HttpResponseRedirect(reverse("admin:pending-changes"))
    context = {
        **admin.site.each_context(request),
        "title": f"Pending change #{change.pk}",
        "subtitle": None,
        "change": change,
        "record": record,
        "record_url": reverse(
            f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[change.object_id]
        )
        if record is not None
        else "",
        "can_decide": change.state == PendingChange.State.PENDING
        and workflow.may_decide(request.user, change),
    }
    if record is not None and change.kind == PendingChange.Kind.TEXT:
        # While it waits: what accepting it would change in the records, worked out and rolled back.
        waiting = change.state == PendingChange.State.PENDING
        apply = workflow.text_applier() if waiting else None
        context.update(pending.text_review(record, change.proposed["text"], apply=apply))
    elif record is not None:
        live = pending.version_of(record)
        found = pending.differences(model, change.base, change.proposed, live)
        context["fields"] = [d for d in found if isinstance(d, pending.FieldDiff)]
        context["children"] = [d for d in found if isinstance(d, pending.ChildDiff)]
    return TemplateResponse(request, "admin/pending_change.html", context)


def _page_numbers(page) -> list[int]:
    last = page.paginator.num_pages
    around = set(range(max(1, page.number - 2), min(last, page.number + 2) + 1))
    return sorted(around | {1, last})


class EditorialAdminSite(admin.AdminSite):
    """Django's admin site plus the review queue and the pages registered with :meth:`add_view`."""

    site_header = "Bilateral relations register"
    site_title = "Relations register admin"
    index_title = "Editorial administration"

    def __init__(self, name="admin"):
        super().__init__(name)
        self._extra_views: list = []

    def each_context(self, request):
        """The public site's name (from ``COLLECTION_COUNTRIES``) heads every admin page."""
        context = super().each_context(request)
        names = [countries.name(code) or code for code in settings.COLLECTION_COUNTRIES]
        site_name = f"{'–'.join(names)} Contacts"
        context.update(site_header=f"{site_name} · Editorial", site_title=f"{site_name} editorial")
        return context

    def add_view(self, route: str, view, name: str) -> None:
        """Serve ``view`` (through ``admin_view``: staff only) at ``/admin/<route>`` as ``admin:<name>``."""
        self._extra_views = [v for v in self._extra_views if v[2] != name] + [(route, view, name)]

    def get_urls(self):
        extra = [path(route, self.admin_view(view), name=name) for route, view, name in self._extra_views]
        return [
            path("review/", self.admin_view(review_queue), name="review-queue"),
            path("review/pending/", self.admin_view(pending_changes), name="pending-changes"),
            path("review/pending/<int:pk>/", self.admin_view(pending_change), name="pending-change"),
            *extra,
            *super().get_urls(),
        ]
