"""The editorial vocabulary: workflow statuses, the importer's flags and thresholds, partial dates."""

from __future__ import annotations

from django.db import models


class Status(models.TextChoices):
    DRAFT = "draft"
    REVIEW = "review", "In review"
    PUBLISHED = "published"
    ARCHIVED = "archived"


class Precision(models.TextChoices):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class Flag(models.TextChoices):
    """What the importer was unsure of: a record's ``flags`` (some with a detail after a colon)."""

    YEAR_INFERRED = "year inferred", "Year inferred"
    COUNTRY_GUESSED = "country guessed", "Country guessed"
    POSSIBLE_DUPLICATE = "possible duplicate", "Possible duplicate"
    DATE_MISSING = "date missing", "Date missing"
    DATE_CONFLICT = "header date contradicts text", "Header date contradicts text"
    IN_PASSING = "mentioned in passing", "Mentioned in passing"
    LOW_CONFIDENCE = "low confidence", "Low confidence"


#: Below this confidence a record counts as flagged ``Flag.LOW_CONFIDENCE`` (the admin's filters and badges).
LOW_CONFIDENCE_BELOW = 0.5

PUBLIC_STATES = frozenset({Status.PUBLISHED, Status.ARCHIVED})


#: How a partial date is written at each precision: (ISO 8601, for exports and attributes; for pages).
#: Anything else (no precision) is written to the day.
PARTIAL_FORMATS = {
    Precision.YEAR: ("%Y", "%Y"),
    Precision.MONTH: ("%Y-%m", "%B %Y"),
    Precision.DAY: ("%Y-%m-%d", "{day} %B %Y"),
}


def _partial(value, precision: str, style: int) -> str:
    if value is None:
        return ""
    pattern = PARTIAL_FORMATS.get(precision, PARTIAL_FORMATS[Precision.DAY])[style]
    return value.strftime(pattern.replace("{day}", str(value.day)))


def format_partial(value, precision: str) -> str:
    """ISO 8601 at its precision: 2019, 2019-08 or 2019-08-07."""
    return _partial(value, precision, 0)


def human_partial(value, precision: str) -> str:
    """For pages: 2019, August 2019 or 7 August 2019."""
    return _partial(value, precision, 1)


def partial_date(date_field: str, precision_field: str, *, human: bool = False) -> property:
    """A model's date field written at the precision its other field holds: ISO 8601
    (:func:`format_partial`) or, with ``human``, for pages (:func:`human_partial`)."""
    write = human_partial if human else format_partial
    return property(
        lambda record: write(getattr(record, date_field), getattr(record, precision_field)),
        doc=f"``{date_field}`` at ``{precision_field}``, {'for pages' if human else 'ISO 8601'}.",
    )
