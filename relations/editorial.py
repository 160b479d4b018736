"""What every curated record shares: workflow status, importer flags, citations, search text."""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.utils.text import slugify

from relations.folding import fold


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    REVIEW = "review", "In review"
    PUBLISHED = "published", "Published"
    ARCHIVED = "archived", "Archived"


class Precision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class EditorialQuerySet(models.QuerySet):
    export_prefetch: tuple = ()

    def for_list(self):
        return self

    def with_sources(self):
        """Citations with their article's key and title (not its text), for source lists and exports."""
        from relations.models import Citation

        citations = Citation.objects.select_related("article").defer("article__text")
        return self.prefetch_related(models.Prefetch("citations", queryset=citations))

    def for_export(self):
        return self.for_list().with_sources().prefetch_related(*self.export_prefetch).order_by("pk")

    def published(self):
        """The one gate for public code: only what a publisher released."""
        return self.filter(status=Status.PUBLISHED)

    def search(self, q: str):
        """Accent- and case-insensitive search over the folded search text."""
        terms = fold(q).split()
        query = Q()
        for term in terms:
            query &= Q(search_text__contains=term)
        return self.filter(query) if terms else self


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
    slug = models.SlugField(max_length=160, unique=True, blank=True)
    citations = GenericRelation("relations.Citation")

    objects = EditorialQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(type(self), self.slug_base())
        self.refresh_search_text()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text", "slug"}
        super().save(*args, **kwargs)

    # Subclasses list the words that describe them for search (local fields only: save() must not query).
    def search_words(self) -> list[str]:
        return [str(self)]

    def slug_base(self) -> str:
        return str(self)

    def refresh_search_text(self) -> None:
        self.search_text = fold(" ".join(w for w in self.search_words() if w))

    def reindex(self) -> None:
        """Refresh the search text after related records (members, aliases, ...) changed."""
        self.refresh_search_text()
        type(self)._default_manager.filter(pk=self.pk).update(search_text=self.search_text)

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED


def status_constraint(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(condition=Q(status__in=Status.values), name=name)


def confidence_constraint(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(condition=Q(confidence__gte=0) & Q(confidence__lte=1), name=name)


def precision_constraint(field: str, name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{field}__in": Precision.values}) | Q(**{field: ""}), name=name
    )


def unique_slug(model: type[models.Model], base: str, max_length: int = 150) -> str:
    stem = (slugify(fold(base)) or model._meta.model_name)[:max_length].strip("-")
    taken = set(model._default_manager.filter(slug__startswith=stem).values_list("slug", flat=True))
    if stem not in taken:
        return stem
    n = 2
    while f"{stem}-{n}" in taken:
        n += 1
    return f"{stem}-{n}"


def format_partial(value, precision: str) -> str:
    """ISO 8601 at its precision: 2019, 2019-08 or 2019-08-07."""
    if value is None:
        return ""
    if precision == Precision.YEAR:
        return f"{value:%Y}"
    if precision == Precision.MONTH:
        return f"{value:%Y-%m}"
    return value.isoformat()


def human_partial(value, precision: str) -> str:
    if value is None:
        return ""
    if precision == Precision.YEAR:
        return f"{value:%Y}"
    if precision == Precision.MONTH:
        return f"{value:%B %Y}"
    return f"{value.day} {value:%B %Y}"
