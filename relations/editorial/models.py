"""The abstract curated record and its queryset: workflow status, importer flags, citations, search text."""

from __future__ import annotations

import functools
import inspect

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import connections, models, router
from django.db.models import F, Q, signals
from django.db.models.base import ModelState
from django.db.models.fields.related_descriptors import ForeignKeyDeferredAttribute
from django.db.models.query import ModelIterable
from django.utils import timezone
from django.utils.text import slugify
from django_countries.fields import CountryDescriptor

from relations.editorial.search import fold, matching
from relations.editorial.vocabulary import Precision, Status


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


def publish_permission(model_name: str, plural: str) -> tuple[str, str]:
    """A curated model's ``Meta.permissions`` entry for its publishers: ``publish_<model_name>``, the
    codename ``workflow.permission_name(model, "publish")`` asks for."""
    return (f"publish_{model_name}", f"Can publish, unpublish and archive {plural}")


def published(model_label: str):
    """``Model.objects.published()`` for a model named by string (the core imports no app)."""
    return apps.get_model(model_label)._default_manager.published()


def published_prefetch(
    name: str, model_label: str, *order_by: str, to_attr: str | None = None
) -> models.Prefetch:
    """``Prefetch(name)`` of only the published records of ``model_label`` (in ``order_by`` if given): how a
    public page reads a related list, so that a draft member or agreement never shows. A list's query keeps
    them in ``to_attr`` (``rendering.listed(name)``), a list on each record."""
    queryset = published(model_label)
    queryset = queryset.order_by(*order_by) if order_by else queryset
    return models.Prefetch(name, queryset=queryset, to_attr=to_attr)


class PublishedRelatedIterable(ModelIterable):
    """Records whose ``select_related`` records read as ``None`` unless they are published."""

    def __iter__(self):
        selected = self.queryset.query.select_related
        names = list(selected) if isinstance(selected, dict) else []
        for record in super().__iter__():
            cache = record._state.fields_cache
            for name in names:
                related = cache.get(name)
                if related is not None and related.status != Status.PUBLISHED:
                    cache[name] = None
            yield record


def with_published(queryset, *names: str):
    """``queryset`` with the records its foreign keys ``names`` point to, joined in its own query, each only
    if published: what ``Prefetch(name, queryset=published(...))`` gives, without a query per relation
    (a round trip each to the database server)."""
    queryset = queryset.select_related(*names)
    queryset._iterable_class = PublishedRelatedIterable
    return queryset


class EditorialQuerySet(models.QuerySet):
    """The curated records' queryset. The public pages read through two shapes, defined per model:

    - ``for_public_list()``: published records with what a list row shows, every related record
      through a published-only ``Prefetch`` (a draft head is ``None``, a draft member missing), the
      records of a relation to many kept as a list on each record (``rendering.listed``);
    - ``for_public_detail()``: the same, with what the detail page adds (sources, related lists).
    """

    def for_public_list(self):
        return self.published()

    def for_public_detail(self):
        return self.for_public_list().with_sources()

    def with_sources(self):
        """Citations with their article's key and title (not its text), for source lists and exports."""
        citations = (
            apps.get_model("relations", "Citation").objects.select_related("article").defer("article__text")
        )
        return self.prefetch_related(models.Prefetch("citations", queryset=citations))

    def listing(self, *names: str):
        """The records, each with the published records of its relations to many ``names`` as a list
        (``rendering.related(record, name)``), read for each page of records in one statement
        (``editorial.listing``): what a list row shows of them."""
        from relations.editorial.listing import listing_iterable

        queryset = self._chain()
        queryset._iterable_class = listing_iterable(self._iterable_class, self.model, names)
        return queryset

    def published(self):
        """The one gate for public code: only what a publisher released."""
        return self.filter(status=Status.PUBLISHED)

    def search(self, q: str):
        """Accent- and case-insensitive search over the folded search text, through its trigram index."""
        terms = fold(q).split()
        return self.filter(matching(self.model, terms, using=self.db)) if terms else self


@functools.cache
def _loading_plan(model, field_names: tuple[str, ...]) -> tuple[tuple[str, bool], ...] | None:
    """How :meth:`EditorialModel.from_db` sets a loaded row's values on a new record: ``(attname, direct)``
    per column read, ``direct`` where ``Model.__init__`` would only store the value (a plain column, a
    foreign key's id on a new record, a single country's code as read), else through its descriptor.

    ``Model.__init__`` walks every field and sends ``pre_init``/``post_init`` for each record: a fifth of a
    list page's time went to making its 25 rows and their joined records. ``None`` (the usual way) for a
    model with its own ``__init__`` or receivers of those signals, or a read of columns out of order."""
    if model.__init__ is not models.Model.__init__:
        return None
    fields = [f for f in model._meta.concrete_fields if f.attname in field_names]
    if [f.attname for f in fields] != list(field_names):
        return None
    plan = []
    for field in fields:
        descriptor = inspect.getattr_static(model, field.attname, None)
        direct = (
            not hasattr(descriptor, "__set__")
            or isinstance(descriptor, ForeignKeyDeferredAttribute)
            or (isinstance(descriptor, CountryDescriptor) and not field.multiple)
        )
        plan.append((field.attname, direct))
    return tuple(plan)


def choice_constraint(field: str, choices: type[models.Choices], name: str) -> models.CheckConstraint:
    """``field`` holds one of ``choices``' values."""
    return models.CheckConstraint(condition=Q(**{f"{field}__in": choices.values}), name=name)


def precision_constraint(field: str, name: str) -> models.CheckConstraint:
    """``field`` holds a date's precision, or nothing."""
    return models.CheckConstraint(
        condition=Q(**{f"{field}__in": Precision.values}) | Q(**{field: ""}), name=name
    )


def order_constraint(first: str, then: str, name: str) -> models.CheckConstraint:
    """``then`` is not before ``first`` where both are known: an end and its start."""
    return models.CheckConstraint(
        condition=Q(**{f"{then}__isnull": True})
        | Q(**{f"{first}__isnull": True})
        | Q(**{f"{then}__gte": F(first)}),
        name=name,
    )


class EditorialModel(TimeStampedModel):
    """A record the importer proposes and editors curate.

    Official, Organization, Delegation, Meeting and Agreement all are.
    """

    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT, db_index=True)
    review_note = models.TextField(
        blank=True, help_text="For the editors: what was checked, what is doubtful."
    )
    flags = models.JSONField(
        default=list,
        blank=True,
        help_text='What the importer was unsure of, e.g. "year inferred", "country guessed".',
    )
    confidence = models.FloatField(
        default=1.0, help_text="The importer's confidence, 0 to 1 (1 for hand-made)."
    )
    imported_values = models.JSONField(
        default=dict,
        blank=True,
        editable=False,
        help_text="What the importer last wrote; a field that differs was changed by an editor and is kept.",
    )
    search_text = models.TextField(blank=True, editable=False, help_text="Folded text searched by q.")
    published_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        db_index=True,
        help_text="When a publisher first released it; a later change to it is a correction.",
    )
    slug = models.SlugField(max_length=160, unique=True, blank=True)
    citations = GenericRelation("relations.Citation")

    objects = EditorialQuerySet.as_manager()

    # The relations search_words() follows, loaded together by reindex_all().
    search_related: tuple[str, ...] = ()
    # The rows a record's version holds besides its fields (what its inlines edit): see editorial.pending.
    version_children: tuple[str, ...] = ("citations",)
    # What must be published for the record's page to show what it says (see workflow.draft_dependencies).
    publish_needs: tuple[str, ...] = ()

    class Meta:
        abstract = True
        # Every curated table checks these. A model's Meta extends them: ``class Meta(EditorialModel.Meta)``
        # and ``constraints = [*EditorialModel.Meta.constraints, ...]``; "%(class)s_..." is "official_...".
        constraints = [
            choice_constraint("status", Status, "%(class)s_status_valid"),
            models.CheckConstraint(
                condition=Q(confidence__gte=0) & Q(confidence__lte=1), name="%(class)s_confidence_range"
            ),
        ]

    def save(self, *args, refresh_search: bool = True, **kwargs):
        """Save; ``refresh_search=False`` leaves the search text to a later ``reindex_all()``."""
        if not self.slug:
            self.slug = unique_slug(type(self), self.slug_base())
        old_slug = getattr(self, "_loaded_slug", None)
        if self.pk and old_slug and old_slug != self.slug:
            SlugHistory.remember(self, [old_slug])
        self._loaded_slug = self.slug
        if refresh_search:
            self.refresh_search_text()
        released = self.status == Status.PUBLISHED and self.published_at is None
        if released:  # saved as published outside the workflow (fixtures, scripts, tests)
            self.published_at = timezone.now()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = (
                {*kwargs["update_fields"], "slug"}
                | ({"search_text"} if refresh_search else set())
                | ({"published_at"} if released else set())
            )
        super().save(*args, **kwargs)

    @classmethod
    def from_db(cls, db, field_names, values):
        plan = _loading_plan(cls, tuple(field_names))
        if plan is None or signals.pre_init.has_listeners(cls) or signals.post_init.has_listeners(cls):
            record = super().from_db(db, field_names, values)
        else:  # what Model.__init__ would do with these values, without its per-field work
            record = cls.__new__(cls)
            state = record._state = ModelState()
            state.adding, state.db = False, db
            stored = record.__dict__
            for (attname, direct), value in zip(plan, values, strict=True):
                if direct:
                    stored[attname] = value
                else:
                    setattr(record, attname, value)
        record._loaded_slug = record.__dict__.get("slug")  # a changed slug is kept in SlugHistory
        return record

    # What search finds a record by: its own fields, and the names of related records.
    def local_search_words(self) -> list[str]:
        """Words from the record's own fields (no query)."""
        return [str(self)]

    def related_search_words(self) -> list[str]:
        """Words from related records (may query; see ``search_related``); many-to-many ones once saved."""
        return []

    def names(self, related) -> bool:
        """Whether the name of ``related`` belongs in the search text: a published record is found by the
        names of published records only (its page shows no others); a draft, in the admin, by all."""
        return related is not None and (not self.is_published or related.is_published)

    def search_words(self) -> list[str]:
        return self.local_search_words() + self.related_search_words()

    def slug_base(self) -> str:
        return str(self)

    def refresh_search_text(self) -> None:
        self.search_text = fold(" ".join(w for w in self.search_words() if w))

    def merge_search_words(self, words) -> bool:
        """Add words to the search text without loading any relation; True if it grew."""
        have = self.search_text.split()
        seen = set(have)
        new = [t for t in fold(" ".join(w for w in words if w)).split() if t not in seen and not seen.add(t)]
        if new:
            self.search_text = " ".join(have + new)
        return bool(new)

    @classmethod
    def reindex_all(cls, pks) -> None:
        """Refresh the search text of many records, loading what it is made of in a few queries."""
        records = list(cls._default_manager.filter(pk__in=pks).prefetch_related(*cls.search_related))
        for record in records:
            record.refresh_search_text()
        cls._default_manager.bulk_update(records, ["search_text"])

    def reindex(self) -> None:
        """Refresh the search text after related records (members, aliases, ...) changed."""
        self.refresh_search_text()
        type(self)._default_manager.filter(pk=self.pk).update(search_text=self.search_text)

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED


def slug_stem(model: type[models.Model], base: str, max_length: int = 150) -> str:
    return (slugify(fold(base)) or model._meta.model_name)[:max_length].strip("-")


def _first_free(stem: str, taken) -> str:
    if stem not in taken:
        return stem
    n = 2
    while f"{stem}-{n}" in taken:
        n += 1
    return f"{stem}-{n}"


def unique_slug(model: type[models.Model], base: str, max_length: int = 150) -> str:
    stem = slug_stem(model, base, max_length)
    return _first_free(stem, _taken_under(model, stem))


def _taken_under(model: type[models.Model], stem: str) -> set[str]:
    """The slugs starting with ``stem`` that records of ``model`` hold or held.

    One statement, written once per model: an import asks it for every record it creates, and building it
    through the ORM cost ten times what running it does."""
    # A range, not startswith: SQLite's case-insensitive LIKE cannot use the slug's index.
    end = stem + "\U0010ffff"
    alias = router.db_for_write(model)
    with connections[alias].cursor() as cursor:
        cursor.execute(
            _taken_sql(model, alias), [stem, end, ContentType.objects.get_for_model(model).pk, stem, end]
        )
        return {slug for (slug,) in cursor.fetchall()}


def _taken_under_many(model: type[models.Model], stems) -> set[str]:
    """:func:`_taken_under` for several stems, in one statement for up to ``STEMS_ASKED`` of them."""
    stems, found = sorted(set(stems)), set()
    alias = router.db_for_write(model)
    kind = ContentType.objects.get_for_model(model).pk
    for at in range(0, len(stems), STEMS_ASKED):
        chunk = stems[at : at + STEMS_ASKED]
        sql = " UNION ALL ".join([_taken_sql(model, alias)] * len(chunk))
        params = [p for stem in chunk for p in (stem, stem + "\U0010ffff", kind, stem, stem + "\U0010ffff")]
        with connections[alias].cursor() as cursor:
            cursor.execute(sql, params)
            found |= {slug for (slug,) in cursor.fetchall()}
    return found


#: Stems asked in one statement (SQLite takes up to 500 SELECTs in one; each stem asks two).
STEMS_ASKED = 200


@functools.cache
def _taken_sql(model: type[models.Model], alias: str) -> str:
    # An old address keeps answering for the record that had it: never hand it to another.
    quote = connections[alias].ops.quote_name
    slug = quote(model._meta.get_field("slug").column)
    history = SlugHistory._meta
    old, kind = quote(history.get_field("slug").column), quote(history.get_field("content_type").column)
    return (
        f"SELECT {slug} FROM {quote(model._meta.db_table)} WHERE {slug} >= %s AND {slug} < %s "
        f"UNION ALL SELECT {old} FROM {quote(history.db_table)} "
        f"WHERE {kind} = %s AND {old} >= %s AND {old} < %s"
    )


class SlugPool:
    """:func:`unique_slug` for many new records in a row (an import). Up to ``read_all_after`` new slugs
    of a model it asks as ``unique_slug`` does, in one query instead of two; past that (a long run) it
    reads every slug the model's records hold and held at once, keeps them in memory with those it hands
    out, and asks the database only where a name's slug is taken in memory (a collision: the check also
    sees slugs other writers took since). Then a slug another writer takes meanwhile for a name no record
    had fails that record's INSERT (and its article, in an import)."""

    read_all_after = 200

    def __init__(self) -> None:
        self._taken: dict[type[models.Model], set[str]] = {}
        self._given: dict[type[models.Model], int] = {}

    def take(self, model: type[models.Model], base: str) -> str:
        """A slug for a new record of ``model`` named ``base``, kept from then on as taken."""
        taken = self._taken.setdefault(model, set())
        given = self._given[model] = self._given.get(model, 0) + 1
        if given == self.read_all_after + 1:
            history = SlugHistory.objects.filter(content_type=ContentType.objects.get_for_model(model))
            own = model._default_manager.order_by().values_list("slug", flat=True)
            taken |= set(own.union(history.values_list("slug", flat=True), all=True).iterator(10_000))
        stem = slug_stem(model, base)
        if given <= self.read_all_after or stem in taken:
            taken |= _taken_under(model, stem)
        slug = _first_free(stem, taken)
        taken.add(slug)
        return slug

    def take_many(self, model: type[models.Model], bases: list[str]) -> list[str]:
        """:meth:`take` for several new records of ``model`` in a row (an import's batch): the slugs under
        all their names read in one statement, whatever the run's length."""
        taken = self._taken.setdefault(model, set())
        self._given[model] = self._given.get(model, 0) + len(bases)
        stems = [slug_stem(model, base) for base in bases]
        taken |= _taken_under_many(model, stems)
        slugs = []
        for stem in stems:
            slugs.append(_first_free(stem, taken))
            taken.add(slugs[-1])
        return slugs


class SlugHistory(models.Model):
    """A slug a record once answered to: after a rename or a merge, its old address redirects (301) here."""

    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    slug = models.SlugField(max_length=160)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "relations"
        verbose_name_plural = "slug history"
        constraints = [
            models.UniqueConstraint(fields=["content_type", "slug"], name="slughistory_unique_slug"),
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="slughistory_record")]

    def __str__(self):
        return self.slug

    @classmethod
    def remember(cls, record: models.Model, slugs, *, also_from=()) -> None:
        """``record`` now answers for ``slugs`` (its own old ones, or a merged record's), and for every
        slug the records ``also_from`` (pks of the same model, merged into it) answered for before."""
        content_type = ContentType.objects.get_for_model(record)
        if also_from:
            cls.objects.filter(content_type=content_type, object_id__in=list(also_from)).update(
                object_id=record.pk
            )
        for slug in slugs:
            if slug and slug != record.slug:
                cls.objects.update_or_create(
                    content_type=content_type, slug=slug, defaults={"object_id": record.pk}
                )
        # A record that takes back one of its old slugs answers for it directly.
        cls.objects.filter(content_type=content_type, slug=record.slug).delete()

    @classmethod
    def current(cls, model: type[models.Model], slug: str):
        """The record of ``model`` that answers for the old ``slug`` now, or None."""
        row = cls.objects.filter(content_type=ContentType.objects.get_for_model(model), slug=slug).first()
        return model._default_manager.filter(pk=row.object_id).first() if row else None


class PendingChange(models.Model):
    """A change to a live record (or to the text of a cited article) that waits for a publisher.

    The live row stays as published; ``base`` is the record as it was when the change was made and
    ``proposed`` what the change would make of it (fields, many-to-many and inline rows, serialized; for
    an article, its text). ``relations.editorial.pending`` builds and compares them; publishing or
    rejecting goes through ``relations.editorial.workflow``.
    """

    class Kind(models.TextChoices):
        EDIT = "edit", "Changed fields"
        TEXT = "text", "New article text"

    class State(models.TextChoices):
        PENDING = "pending", "Waiting for a publisher"
        PUBLISHED = "published"
        REJECTED = "rejected"

    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    kind = models.CharField(max_length=10, choices=Kind, default=Kind.EDIT)
    state = models.CharField(max_length=10, choices=State, default=State.PENDING, db_index=True)
    route = models.CharField(max_length=100, help_text="Where the change was made: change form, CSV import…")
    summary = models.CharField(max_length=500, blank=True)
    base = models.JSONField(default=dict, help_text="The live version the change was made from.")
    proposed = models.JSONField(default=dict, help_text="The version the change proposes.")
    base_updated_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True)

    class Meta:
        app_label = "relations"
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["content_type", "object_id", "state"], name="pendingchange_record"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=["pending", "published", "rejected"]), name="pendingchange_state_valid"
            ),
            models.CheckConstraint(condition=Q(kind__in=["edit", "text"]), name="pendingchange_kind_valid"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk}"
