import re

from django.db import models
from django_countries.fields import CountryField

from relations.editorial import fields
from relations.editorial.models import (
    EditorialModel,
    EditorialQuerySet,
    choice_constraint,
    order_constraint,
    precision_constraint,
    publish_permission,
    published_prefetch,
)
from relations.editorial.rendering import country_name, detail_url
from relations.editorial.vocabulary import Precision, partial_date


class AgreementQuerySet(EditorialQuerySet):
    def for_public_list(self):
        return self.published().listing("parties")

    def for_public_detail(self):
        return (
            self.published()
            .with_sources()
            .prefetch_related(
                published_prefetch("parties", "people.Organization"),
                published_prefetch("signatories", "people.Official"),
                published_prefetch("delegation", "relations.Delegation"),
                published_prefetch("meeting", "relations.Meeting"),
            )
        )


class AgreementKind(models.TextChoices):
    TREATY = "treaty"
    AGREEMENT = "agreement"
    MEMORANDUM = "memorandum"
    PROGRAMME = "programme"
    PLAN = "plan"
    MINUTES = "minutes"
    CONTRACT = "contract"
    OTHER = "other"


class AgreementState(models.TextChoices):
    PROPOSED = "proposed"
    DRAFT = "draft", "Draft or under consideration"
    SIGNED = "signed"
    IN_FORCE = "in_force", "In force"
    EXPIRED = "expired"
    REFERENCED = "referenced"


def period_text(start: int | None, end: int | None) -> str:
    """An agreement's period: "2019-2022", "2020", or "" (the years as stored)."""
    if start and end and end != start:
        return f"{start}-{end}"
    return str(start or end or "")


class Agreement(EditorialModel):
    """A treaty, agreement, memorandum, programme or plan: signed, drafted, proposed or referred to."""

    Kind = AgreementKind
    State = AgreementState

    title = models.CharField(max_length=500, help_text="As written in the source.")
    kind = models.CharField(max_length=12, choices=Kind, default=Kind.OTHER)
    state = models.CharField(max_length=12, choices=State, default=State.SIGNED)
    signed_on = models.DateField(null=True, blank=True)
    signed_precision = models.CharField(max_length=5, choices=Precision, blank=True)
    signed_place = models.CharField(max_length=200, blank=True)
    period_start = models.PositiveSmallIntegerField(null=True, blank=True, help_text="First year it covers.")
    period_end = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Last year it covers.")
    parties = models.ManyToManyField("people.Organization", blank=True, related_name="agreements")
    party_countries = CountryField(multiple=True, blank=True, help_text="States that are parties themselves.")
    party_country_names = models.JSONField(
        default=dict,
        blank=True,
        help_text='How the source names the states that are parties, by code ({"VN": "Viet Nam"}).',
    )
    signatories = models.ManyToManyField("people.Official", blank=True, related_name="agreements_signed")
    delegation = fields.ForeignKey(
        "relations.Delegation", on_delete=models.SET_NULL, null=True, blank=True, related_name="agreements"
    )
    meeting = fields.ForeignKey(
        "relations.Meeting", on_delete=models.SET_NULL, null=True, blank=True, related_name="agreements"
    )
    primary = models.BooleanField(default=True, help_text="Off for an agreement the article only mentions.")

    objects = AgreementQuerySet.as_manager()
    search_related = ("parties", "signatories")
    publish_needs = ("parties", "signatories")

    class Meta(EditorialModel.Meta):
        ordering = ["-signed_on", "title", "pk"]
        permissions = [publish_permission("agreement", "agreements")]
        indexes = [
            models.Index(fields=["status", "-signed_on", "title", "id"], name="agreement_status_signed_id"),
            models.Index(fields=["-signed_on", "title", "id"], name="agreement_signed_id"),
            models.Index(fields=["state", "kind"], name="agreement_state_kind"),
            # A list of one state and kind: its page read in order from the index, not by walking every
            # published agreement's (PostgreSQL at N = 100,000: 12 ms, 8,778 rows passed over).
            models.Index(
                fields=["status", "state", "kind", "-signed_on", "title", "id"],
                name="agreement_status_state_kind",
            ),
            models.Index(fields=["period_start", "period_end"], name="agreement_period"),
        ]
        constraints = [
            *EditorialModel.Meta.constraints,
            precision_constraint("signed_precision", "agreement_signed_precision_valid"),
            choice_constraint("kind", AgreementKind, "agreement_kind_valid"),
            choice_constraint("state", AgreementState, "agreement_state_valid"),
            order_constraint("period_start", "period_end", "agreement_period_end_after_start"),
        ]

    def __str__(self):
        return self.title

    def local_search_words(self):
        return [self.title, self.signed_place, *(country_name(c) for c in self.party_countries)]

    def related_search_words(self):
        if not self.pk:
            return []
        words = [w for p in self.parties.all() if self.names(p) for w in (p.name, p.acronym)]
        return words + [s.name for s in self.signatories.all() if self.names(s)]

    def slug_base(self):
        return f"{self.title} {self.period or ''}"

    def get_absolute_url(self):
        return detail_url("agreements:agreement-detail", self.slug)

    @property
    def period(self) -> str:
        return period_text(self.period_start, self.period_end)

    @property
    def period_beyond_title(self) -> str:
        """The period, unless the title already names its years ("Programme for 2019-2022")."""
        years = {y for y in (self.period_start, self.period_end) if y}
        if all(re.search(rf"(?<!\d){y}(?!\d)", self.title) for y in years):
            return ""
        return self.period

    signed_iso = partial_date("signed_on", "signed_precision")
    signed_display = partial_date("signed_on", "signed_precision", human=True)
