"""The public CSVs of delegations and meetings: their resources' cells read with ``values_list()``.

``tests/public/test_export_rows.py`` checks each export against the resource's own ``export_resource()``,
byte for byte.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import F
from django.http import StreamingHttpResponse

from relations.editorial.exports import (
    country_cell,
    export_csv,
    join,
    published_name,
    published_names,
    record_rows,
    sources_cell,
)
from relations.editorial.vocabulary import Status, format_partial
from relations.models import Delegation, Meeting
from relations.resources import DelegationResource, MeetingResource

# Delegations and meetings

DELEGATION_TITLE_FIELDS = ("title", "from_country", "to_country", "start_date", "start_precision")


def delegation_rows(queryset, *, chunk_size: int | None = None) -> Iterator[list]:
    """DelegationResource's cells for each delegation of ``queryset``."""

    def row(d, related) -> list:
        delegation = Delegation(**{name: getattr(d, name) for name in DELEGATION_TITLE_FIELDS})
        return [
            d.pk,
            str(delegation),
            country_cell(d.from_country),
            country_cell(d.to_country),
            d.head_name,
            join(related["members"][d.pk]),
            d.sending_body_name,
            format_partial(d.start_date, d.start_precision),
            format_partial(d.end_date, d.end_precision),
            d.place,
            d.status,
            sources_cell(related["sources"][d.pk]),
        ]

    return record_rows(
        queryset,
        fields=[*DELEGATION_TITLE_FIELDS, "end_date", "end_precision", "place", "status"],
        expressions={
            "head_name": published_name("head"),
            "sending_body_name": published_name("sending_body"),
        },
        related={"members": lambda ids: published_names(Delegation.members, ids)},
        row=row,
        chunk_size=chunk_size,
    )


def meeting_rows(queryset, *, chunk_size: int | None = None) -> Iterator[list]:
    """MeetingResource's cells for each meeting of ``queryset``; its delegation only if published."""

    def row(m, related) -> list:
        delegation = ""
        if m.delegation_status == Status.PUBLISHED:
            delegation = str(
                Delegation(**{name: getattr(m, f"delegation_{name}") for name in DELEGATION_TITLE_FIELDS})
            )
        return [
            m.pk,
            format_partial(m.date, m.date_precision),
            m.place,
            join(related["participants"][m.pk]),
            delegation,
            m.status,
            sources_cell(related["sources"][m.pk]),
        ]

    return record_rows(
        queryset,
        fields=["date", "date_precision", "place", "status"],
        expressions={
            f"delegation_{name}": F(f"delegation__{name}") for name in ("status", *DELEGATION_TITLE_FIELDS)
        },
        related={"participants": lambda ids: published_names(Meeting.participants, ids)},
        row=row,
        chunk_size=chunk_size,
    )


def delegations_csv(queryset, *, chunk_size: int | None = None) -> StreamingHttpResponse:
    rows = delegation_rows(queryset, chunk_size=chunk_size)
    return export_csv(rows, resource=DelegationResource(), name="delegations")


def meetings_csv(queryset, *, chunk_size: int | None = None) -> StreamingHttpResponse:
    rows = meeting_rows(queryset, chunk_size=chunk_size)
    return export_csv(rows, resource=MeetingResource(), name="meetings")
