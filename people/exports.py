"""CSV exports of officials and organizations, with the contract resources' columns."""

from collections.abc import Iterator

from django.http import StreamingHttpResponse

from people.models import OfficialAlias, OrganizationAlias, Position
from people.resources import OfficialResource, OrganizationResource
from relations.editorial.exports import (
    country_cell,
    export_csv,
    join,
    published_name,
    record_rows,
    sources_cell,
)


def _aliases(model, owner: str):
    """(record id, alias) rows for a chunk, in the aliases' own order."""
    return lambda ids: (
        model.objects.filter(**{f"{owner}_id__in": ids})
        .order_by("name", "pk")
        .values_list(f"{owner}_id", "name")
    )


def _positions(ids: list[int]):
    """(official id, title, organization name or "" unless published), in each official's order."""
    return (
        Position.objects.filter(official_id__in=ids)
        .order_by("official_id", "-last_seen", "title", "pk")
        .values_list("official_id", "title", published_name("organization"))
    )


def official_rows(queryset, *, chunk_size: int | None = None) -> Iterator[list]:
    """OfficialResource's cells for each official of ``queryset``: organizations only if published."""

    def row(o, related) -> list:
        positions = related["positions"][o.pk]
        return [
            o.pk,
            o.name,
            join(related["aliases"][o.pk]),
            country_cell(o.country),
            join(title for title, _ in positions),
            join(organization for _, organization in positions),
            o.status,
            sources_cell(related["sources"][o.pk]),
        ]

    return record_rows(
        queryset,
        fields=["name", "country", "status"],
        related={"aliases": _aliases(OfficialAlias, "official"), "positions": _positions},
        row=row,
        chunk_size=chunk_size,
    )


def organization_rows(queryset, *, chunk_size: int | None = None) -> Iterator[list]:
    """OrganizationResource's cells for each organization of ``queryset``: its parent only if published."""

    def row(o, related) -> list:
        return [
            o.pk,
            o.name,
            o.acronym,
            country_cell(o.country),
            o.kind,
            o.parent_name,
            join(related["aliases"][o.pk]),
            o.status,
            sources_cell(related["sources"][o.pk]),
        ]

    return record_rows(
        queryset,
        fields=["name", "acronym", "country", "kind", "status"],
        expressions={"parent_name": published_name("parent")},
        related={"aliases": _aliases(OrganizationAlias, "organization")},
        row=row,
        chunk_size=chunk_size,
    )


def officials_csv(queryset, *, chunk_size: int | None = None) -> StreamingHttpResponse:
    rows = official_rows(queryset, chunk_size=chunk_size)
    return export_csv(rows, resource=OfficialResource(), name="officials")


def organizations_csv(queryset, *, chunk_size: int | None = None) -> StreamingHttpResponse:
    rows = organization_rows(queryset, chunk_size=chunk_size)
    return export_csv(rows, resource=OrganizationResource(), name="organizations")
