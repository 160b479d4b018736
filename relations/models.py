import re
from urllib.parse import urlsplit

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django_countries.fields import CountryField

from relations.editorial import fields
from relations.editorial.models import (
    EditorialModel,
    EditorialQuerySet,
    TimeStampedModel,
    order_constraint,
    precision_constraint,
    publish_permission,
    published_prefetch,
    with_published,
)
from relations.editorial.publication import Publication  # noqa: F401  (its table lives in this app)
from relations.editorial.rendering import country_code, country_name, detail_url
from relations.editorial.vocabulary import Precision, format_partial, human_partial, partial_date

# What a title that is no headline looks like: a photo caption, or a first sentence cut short.
_NOT_A_HEADLINE = re.compile(r"\((?:Photo|Source|Image)\b|(?:…|\.\.\.)$", re.I)
HEADLINE_MAX = 200
_HEADER_LINE = re.compile(r"[\s\ufeff]*date\s+\d{4}-\d{2}-\d{2}\b\s*")
_AGENCY = re.compile(r"\((VNA|TASS|RIA Novosti|Interfax|Sputnik|VOV|VNS|Xinhua|Reuters|AFP|AP)\)")


class Article(TimeStampedModel):
    """A source text, as imported. Records cite it sentence by sentence."""

    key = models.CharField(
        max_length=200,
        unique=True,
        help_text="The file's path from the folder imported, without its extension: 2022/001.",
    )
    title = models.CharField(max_length=500, blank=True)
    text = models.TextField()
    dateline_place = models.CharField(max_length=200, blank=True)
    published_on = models.DateField(null=True, blank=True, help_text="Date of the main event reported.")
    date_precision = models.CharField(max_length=5, choices=Precision, blank=True)
    source_url = models.URLField(max_length=500, blank=True)
    content_hash = models.CharField(max_length=64, unique=True, help_text="SHA-256 of the text as imported.")
    source_file = models.CharField(
        max_length=1000,
        blank=True,
        editable=False,
        help_text="The file it was last imported from (empty for an upload). "
        "Another file with the same key is refused.",
    )
    language = models.CharField(max_length=10, default="en")
    imported_at = models.DateTimeField(null=True, blank=True)
    needs_review = models.BooleanField(
        default=False, help_text="The importer was unsure of the date or header."
    )
    import_flags = models.JSONField(default=list, blank=True)
    imported_values = models.JSONField(
        default=dict, blank=True, editable=False, help_text="Header fields as the importer last read them."
    )

    class Meta:
        ordering = ["-published_on", "key"]
        permissions = [("publish_article", "Can accept new text for articles that published records cite")]
        indexes = [models.Index(fields=["-published_on"], name="article_published_on")]
        constraints = [precision_constraint("date_precision", "article_date_precision_valid")]

    def __str__(self):
        return self.headline

    def get_absolute_url(self):
        return reverse("relations:article-detail", args=[self.key])

    @property
    def headline(self) -> str:
        """The title when it is one; a photo caption or a cut first sentence is not: then what the
        article is ("VNA report, 7 August 2019")."""
        title = " ".join(self.title.split())
        if title and not _NOT_A_HEADLINE.search(title) and len(title) <= HEADLINE_MAX:
            return title
        when = self.date_display or "date unknown"
        return f"{self.outlet or 'News'} report, {when}"

    @property
    def outlet(self) -> str:
        """Who published it: the original's site ("vietnamplus.vn"), else the agency of its dateline."""
        host = urlsplit(self.source_url).hostname or ""
        if host:
            return host.removeprefix("www.")
        agency = _AGENCY.search(self.text[:400])
        return agency.group(1) if agency else ""

    @property
    def body_start(self) -> int:
        """Where the text begins after its header lines (a leading ``date 2023-06-15``)."""
        header = _HEADER_LINE.match(self.text)
        return header.end() if header else 0

    @property
    def body(self) -> str:
        return self.text[self.body_start :]

    date_display = partial_date("published_on", "date_precision", human=True)
    date_iso = partial_date("published_on", "date_precision")


class CitationQuerySet(models.QuerySet):
    def for_object(self, obj):
        return self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)


class Citation(models.Model):
    """A sentence of an article that supports a record (and which of its fields)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="citations")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    quote = models.TextField(help_text="The exact sentence, as it stands in the article text.")
    start = models.PositiveIntegerField(
        help_text="Offset of the quote's first character in the article text."
    )
    end = models.PositiveIntegerField()
    fields = models.JSONField(
        default=list, blank=True, help_text="Fields of the record this sentence supports."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CitationQuerySet.as_manager()

    class Meta:
        ordering = ["article_id", "start"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="citation_record")]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="citation_end_after_start"),
            models.UniqueConstraint(
                fields=["article", "content_type", "object_id", "start", "end"], name="citation_unique_span"
            ),
        ]

    def __str__(self):
        return f"{self.article.key} [{self.start}:{self.end}]"

    @property
    def context(self) -> tuple[str, str, str]:
        """The quote with some text before and after it, for display."""
        text = self.article.text
        before = text[max(0, self.start - 160) : self.start]
        after = text[self.end : self.end + 160]
        return before, text[self.start : self.end], after


class DelegationQuerySet(EditorialQuerySet):
    def for_public_list(self):
        return with_published(self.published(), "head", "sending_body", "host_body")

    def for_public_detail(self):
        return (
            self.for_public_list()
            .with_sources()
            .prefetch_related(
                published_prefetch("members", "people.Official"),
                published_prefetch("meetings", "relations.Meeting", "date", "pk"),
                published_prefetch("agreements", "agreements.Agreement", "signed_on", "pk"),
            )
        )


def default_title(from_country, to_country, start_date, start_precision) -> str:
    """A delegation's title when it has none: "Viet Nam → Laos delegation, 2019-05" (countries as codes or
    ``Country``; each name looked up once per code and language, as the CSV export calls it per row)."""
    when = format_partial(start_date, start_precision)
    direction = f"{country_name(from_country) or '?'} → {country_name(to_country) or '?'}"
    return f"{direction} delegation{', ' + when if when else ''}"


class Delegation(EditorialModel):
    """A visit: people sent by one country (or one of its bodies) to another."""

    title = models.CharField(
        max_length=300, blank=True, help_text="Leave blank to have it written from the fields."
    )
    from_country = CountryField(help_text="Where the delegation comes from.")
    to_country = CountryField(help_text="Where it goes.")
    head = fields.ForeignKey(
        "people.Official", on_delete=models.PROTECT, null=True, blank=True, related_name="led_delegations"
    )
    members = models.ManyToManyField("people.Official", blank=True, related_name="delegations")
    sending_body = fields.ForeignKey(
        "people.Organization",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sent_delegations",
    )
    host_body = fields.ForeignKey(
        "people.Organization",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="hosted_delegations",
    )
    start_date = models.DateField(null=True, blank=True)
    start_precision = models.CharField(max_length=5, choices=Precision, blank=True)
    end_date = models.DateField(null=True, blank=True)
    end_precision = models.CharField(max_length=5, choices=Precision, blank=True)
    place = models.CharField(max_length=200, blank=True)
    purpose = models.TextField(blank=True)
    primary = models.BooleanField(
        default=True, help_text="Off for a visit the article only mentions in passing."
    )

    objects = DelegationQuerySet.as_manager()
    search_related = ("head", "sending_body", "host_body", "members")
    publish_needs = ("head", "members", "sending_body", "host_body")

    class Meta(EditorialModel.Meta):
        ordering = ["-start_date", "pk"]
        permissions = [publish_permission("delegation", "delegations")]
        indexes = [
            # The list's order with id as its tie-breaker: a page is read from the index, not sorted.
            models.Index(fields=["status", "-start_date", "id"], name="delegation_status_start_id"),
            models.Index(fields=["-start_date", "id"], name="delegation_start_id"),
            models.Index(fields=["from_country", "to_country"], name="delegation_direction"),
            # A direction's list: counted and read in order from the index (the table rows are large).
            models.Index(
                fields=["status", "from_country", "to_country", "-start_date", "id"],
                name="delegation_status_direction",
            ),
            models.Index(fields=["to_country"], name="delegation_to_country"),
        ]
        constraints = [
            *EditorialModel.Meta.constraints,
            precision_constraint("start_precision", "delegation_start_precision_valid"),
            precision_constraint("end_precision", "delegation_end_precision_valid"),
            order_constraint("start_date", "end_date", "delegation_end_after_start"),
        ]

    def __str__(self):
        return self.title or self.default_title()

    def default_title(self) -> str:
        return default_title(
            country_code(self, "from_country"),
            country_code(self, "to_country"),
            self.start_date,
            self.start_precision,
        )

    def local_search_words(self):
        return [
            self.title,
            country_name(self.from_country),
            country_name(self.to_country),
            self.place,
            self.purpose,
        ]

    def related_search_words(self):
        # Published names only: a draft member's name never finds a published delegation.
        words = [body.name for body in (self.sending_body, self.host_body) if self.names(body)]
        words += [self.head.name] if self.names(self.head) else []
        return words + [m.name for m in self.members.all() if self.names(m)] if self.pk else words

    def get_absolute_url(self):
        return detail_url("relations:delegation-detail", self.slug)

    start_iso = partial_date("start_date", "start_precision")
    end_iso = partial_date("end_date", "end_precision")

    @property
    def dates_display(self) -> str:
        start = human_partial(self.start_date, self.start_precision)
        end = human_partial(self.end_date, self.end_precision)
        return f"{start} – {end}" if end and end != start else start


class MeetingQuerySet(EditorialQuerySet):
    def for_public_list(self):
        return self.with_delegation().listing("participants")

    def for_public_detail(self):
        return (
            self.with_delegation()
            .with_sources()
            .prefetch_related(
                published_prefetch("participants", "people.Official"),
                published_prefetch("agreements", "agreements.Agreement", "signed_on", "pk"),
            )
        )

    def with_delegation(self):
        return with_published(self.published(), "delegation")


class Meeting(EditorialModel):
    """Talks, a reception or a working session between officials."""

    title = models.CharField(max_length=300, blank=True)
    date = models.DateField(null=True, blank=True)
    date_precision = models.CharField(max_length=5, choices=Precision, blank=True)
    place = models.CharField(max_length=200, blank=True)
    participants = models.ManyToManyField("people.Official", blank=True, related_name="meetings")
    delegation = fields.ForeignKey(
        Delegation, on_delete=models.SET_NULL, null=True, blank=True, related_name="meetings"
    )
    topics = models.TextField(blank=True)

    objects = MeetingQuerySet.as_manager()
    search_related = ("participants",)
    publish_needs = ("participants", "delegation")

    class Meta(EditorialModel.Meta):
        ordering = ["-date", "pk"]
        permissions = [publish_permission("meeting", "meetings")]
        indexes = [
            models.Index(fields=["status", "-date", "id"], name="meeting_status_date_id"),
            models.Index(fields=["-date", "id"], name="meeting_date_id"),
        ]
        constraints = [
            *EditorialModel.Meta.constraints,
            precision_constraint("date_precision", "meeting_date_precision_valid"),
        ]

    def __str__(self):
        if self.title:
            return self.title
        when = format_partial(self.date, self.date_precision)
        return f"Meeting{' in ' + self.place if self.place else ''}{', ' + when if when else ''}"

    def local_search_words(self):
        return [self.title, self.place, self.topics]

    def related_search_words(self):
        return [p.name for p in self.participants.all() if self.names(p)] if self.pk else []

    def get_absolute_url(self):
        return detail_url("relations:meeting-detail", self.slug)

    date_iso = partial_date("date", "date_precision")
    date_display = partial_date("date", "date_precision", human=True)
