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

from django.apps import apps
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import models
from django.db.models import IntegerField, Value
from django.http import HttpResponseRedirect
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
    n = workflow.apply(name, queryset, by=request.user)  # refuses without the permission
    label = workflow.TRANSITIONS[name].label
    if n:
        messages.success(request, f"{label}: {obj}.")
    else:
        messages.warning(request, f"Not {label.lower()}: {obj} has moved on since the page was shown.")
    back = request.POST.get("next", "")
    return HttpResponseRedirect(reverse("admin:review-queue") + (f"?{back}" if back else ""))


@require_http_methods(["GET", "POST"])
def review_queue(request):
    visible = queue_models(request.user)
    if not visible:
        raise PermissionDenied
    content_types = ContentType.objects.get_for_models(*visible)
    models_by_ct = {content_types[m].pk: m for m in visible}
    if request.method == "POST":
        return _act(request, models_by_ct)

    kind = request.GET.get("type", "")
    flag = request.GET.get("flag", "")
    stage = request.GET.get("stage", "")
    stage = stage if stage in STAGES else ""
    article = None
    if request.GET.get("article"):
        value = request.GET["article"].strip()
        lookup = {"pk": int(value)} if value.isdigit() else {"key": value}
        article = apps.get_model("relations", "Article").objects.defer("text").filter(**lookup).first()
    chosen = [m for m in visible if not kind or m._meta.model_name == kind]

    parts = []
    counts = {}
    for model in visible:
        queryset = filtered(model, stage=stage, flag=flag, article=article)
        counts[model._meta.model_name] = queryset.count()
        if model in chosen:
            ct = content_types[model].pk
            parts.append(
                queryset.order_by()
                .annotate(queue_type=Value(ct, output_field=IntegerField()))
                .values_list("pk", "created_at", "queue_type")
            )
    union = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0] if parts else None
    total = sum(counts[m._meta.model_name] for m in chosen)
    paginator = Paginator(range(total), PER_PAGE)
    page = paginator.get_page(request.GET.get("p"))
    window = slice(page.start_index() - 1, page.end_index())
    keys = [(k, pk) for pk, _, k in union.order_by("created_at", "queue_type", "pk")[window]] if total else []

    objects = {}
    for ct_id in {k for k, _ in keys}:
        model = models_by_ct[ct_id]
        queryset = model._default_manager.all()
        if model._meta.model_name == "delegation":
            queryset = queryset.select_related("head")
        objects[ct_id] = queryset.in_bulk([pk for k, pk in keys if k == ct_id])
    ct_by_id = {ct.pk: ct for ct in content_types.values()}
    rows = []
    for ct_id, pk in keys:
        obj = objects[ct_id].get(pk)
        if obj is None:
            continue
        opts = obj._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[pk]) + "?_from_queue=1"
        actions = [
            (name, workflow.TRANSITIONS[name].label)
            for name in QUICK
            if obj.status in workflow.TRANSITIONS[name].sources
            and workflow.can(request.user, name, type(obj))
        ]
        rows.append(Row(opts.verbose_name, obj, ct_by_id[ct_id], url, actions=actions))
    _articles_for(rows)

    def link(**changes):
        params = {k: v for k, v in request.GET.items() if k != "p"}
        params.update(changes)
        return "?" + urlencode({k: v for k, v in params.items() if v})

    filters = [
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
    context = {
        **admin.site.each_context(request),
        "title": "Review queue",
        "subtitle": None,
        "rows": rows,
        "page": page,
        "paginator": paginator,
        "total": total,
        "filters": filters,
        "article": article,
        "article_value": request.GET.get("article", ""),
        "clear_article": link(article=""),
        "hidden": [(k, v) for k, v in request.GET.items() if k not in ("article", "p")],
        "query": urlencode([(k, v) for k, v in request.GET.items()]),
        "page_links": [(n, link(p=n)) for n in _page_numbers(page)],
    }
    return TemplateResponse(request, "admin/review_queue.html", context)


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
            *extra,
            *super().get_urls(),
        ]
