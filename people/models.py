from django.db import models
from django.db.models import F, Prefetch, Q
from django_countries.fields import CountryField

from relations.editorial import fields
from relations.editorial.models import (
    EditorialModel,
    EditorialQuerySet,
    TimeStampedModel,
    order_constraint,
    publish_permission,
    published,
    published_prefetch,
    with_published,
)
from relations.editorial.rendering import detail_url, listed
from relations.editorial.search import fold_key


class FoldedName:
    """A model with ``name`` and ``name_folded``: each save writes the folded name (what matching and
    sorting use), also when only some ``update_fields`` are saved."""

    def fold_name(self) -> None:
        self.name_folded = fold_key(self.name)

    def save(self, *args, **kwargs):
        self.fold_name()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "name_folded"}
        super().save(*args, **kwargs)


class OrganizationQuerySet(EditorialQuerySet):
    def for_public_list(self):
        return with_published(self.published(), "parent")

    def for_public_detail(self):
        delegations = published("relations.Delegation").order_by("start_date", "pk")
        people = (
            Position.objects.filter(official__in=Official.objects.published())
            .select_related("official")
            .order_by("official__name_folded", "-last_seen", "title")
        )
        return (
            self.for_public_list()
            .with_sources()
            .prefetch_related(
                "aliases",
                Prefetch("children", queryset=Organization.objects.published()),
                Prefetch("positions", queryset=people),
                Prefetch("sent_delegations", queryset=delegations),
                Prefetch("hosted_delegations", queryset=delegations),
                published_prefetch("agreements", "agreements.Agreement", "signed_on", "pk"),
            )
        )


class Organization(FoldedName, EditorialModel):
    """A ministry, agency, party, parliament or other body that sends, hosts, employs or signs."""

    class Kind(models.TextChoices):
        MINISTRY = "ministry"
        AGENCY = "agency"
        PARTY = "party"
        PARLIAMENT = "parliament"
        GOVERNMENT = "government"
        COMPANY = "company"
        ACADEMIC = "academic"
        OTHER = "other"

    name = models.CharField(max_length=300)
    name_folded = models.CharField(max_length=300, db_index=True, editable=False)
    acronym = models.CharField(max_length=30, blank=True, help_text="e.g. CPV, KPRF")
    country = CountryField(blank=True)
    kind = models.CharField(max_length=12, choices=Kind, default=Kind.OTHER)
    parent = fields.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="children"
    )
    website = models.URLField(blank=True)

    objects = OrganizationQuerySet.as_manager()
    search_related = ("aliases",)
    version_children = ("aliases", "citations")

    class Meta(EditorialModel.Meta):
        ordering = ["name", "pk"]
        permissions = [publish_permission("organization", "organizations")]
        indexes = [models.Index(fields=["status", "name", "id"], name="organization_status_name_id")]
        constraints = [
            *EditorialModel.Meta.constraints,
            models.CheckConstraint(condition=~Q(parent=F("pk")), name="organization_not_own_parent"),
        ]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def local_search_words(self):
        return [self.name, self.acronym]

    def related_search_words(self):
        return [a.name for a in self.aliases.all()] if self.pk else []

    def slug_base(self):
        return self.name

    def get_absolute_url(self):
        return detail_url("people:organization-detail", self.slug)


class Alias(FoldedName, models.Model):
    """Another name a record is known by; a record has each folded name once."""

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class OrganizationAlias(Alias):
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=300)
    name_folded = models.CharField(max_length=300, db_index=True, editable=False)

    class Meta(Alias.Meta):
        verbose_name_plural = "organization aliases"
        constraints = [
            models.UniqueConstraint(fields=["organization", "name_folded"], name="organization_alias_unique")
        ]


class OfficialQuerySet(EditorialQuerySet):
    def for_public_list(self):
        return self.published().prefetch_related(self.position_prefetch(to_attr=listed("positions")))

    def for_public_detail(self):
        delegations = published("relations.Delegation").order_by("start_date", "pk")
        return (
            self.published()
            .with_sources()
            .prefetch_related(
                self.position_prefetch(),
                "aliases",
                Prefetch("led_delegations", queryset=delegations),
                Prefetch("delegations", queryset=delegations),
                published_prefetch("meetings", "relations.Meeting", "date", "pk"),
                published_prefetch("agreements_signed", "agreements.Agreement", "signed_on", "pk"),
            )
        )

    @staticmethod
    def position_prefetch(to_attr: str | None = None) -> Prefetch:
        """An official's positions, each with its organization if published."""
        return Prefetch("positions", with_published(Position.objects.all(), "organization"), to_attr)


class Official(FoldedName, EditorialModel):
    """A person who acts in the relations: speaks, hosts, visits, signs, leads or joins a delegation."""

    name = models.CharField(max_length=200, help_text="Display name with its diacritics, given name first.")
    name_folded = models.CharField(
        max_length=200, db_index=True, editable=False, help_text="ASCII, lower case: for search and matching."
    )
    country = CountryField(blank=True)
    note = models.TextField(blank=True, help_text="Public biographical note.")

    objects = OfficialQuerySet.as_manager()
    search_related = ("aliases", "positions")
    version_children = ("aliases", "positions", "citations")

    class Meta(EditorialModel.Meta):
        ordering = ["name_folded", "pk"]
        permissions = [publish_permission("official", "officials")]
        indexes = [
            models.Index(fields=["status", "name_folded", "id"], name="official_status_name_id"),
            models.Index(fields=["country", "status"], name="official_country_status"),
        ]

    def __str__(self):
        return self.name

    def local_search_words(self):
        return [self.name]

    def related_search_words(self):
        if not self.pk:
            return []
        return [a.name for a in self.aliases.all()] + [p.title for p in self.positions.all()]

    def slug_base(self):
        return self.name

    def get_absolute_url(self):
        return detail_url("people:official-detail", self.slug)


class OfficialAlias(Alias):
    class Kind(models.TextChoices):
        SPELLING = "spelling"
        TRANSLITERATION = "transliteration"
        SHORT_FORM = "short_form", "Short form"
        MISSPELLING = "misspelling"

    official = models.ForeignKey(Official, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    name_folded = models.CharField(max_length=200, db_index=True, editable=False)
    kind = models.CharField(max_length=16, choices=Kind, default=Kind.SPELLING)

    class Meta(Alias.Meta):
        verbose_name_plural = "official aliases"
        constraints = [
            models.UniqueConstraint(fields=["official", "name_folded"], name="official_alias_unique")
        ]


class Position(TimeStampedModel):
    """An official holds a title at an organization over a period whose ends may be unknown."""

    official = models.ForeignKey(Official, on_delete=models.CASCADE, related_name="positions")
    title = models.CharField(max_length=400, help_text="As written in the source.")
    organization = fields.ForeignKey(
        Organization, on_delete=models.SET_NULL, null=True, blank=True, related_name="positions"
    )
    start_date = models.DateField(null=True, blank=True, help_text="When the post was taken, if known.")
    end_date = models.DateField(null=True, blank=True, help_text="When it was left, if known.")
    first_seen = models.DateField(null=True, blank=True, help_text="Earliest article date that shows it.")
    last_seen = models.DateField(null=True, blank=True, help_text="Latest article date that shows it.")

    class Meta:
        ordering = ["official", "-last_seen", "title"]
        constraints = [
            order_constraint("start_date", "end_date", "position_end_after_start"),
            order_constraint("first_seen", "last_seen", "position_last_seen_after_first"),
            models.UniqueConstraint(
                fields=["official", "title", "organization"], name="position_unique_title"
            ),
        ]

    def __str__(self):
        return f"{self.title}, {self.organization}" if self.organization_id else self.title
