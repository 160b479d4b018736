"""Public CSV exports: the contract resources' columns over published records, streamed.

Rows are read with ``values_list()``, not as model instances: each export names the columns it needs and
turns them into its resource's cells, in the resource's order, with the resource's formats (``join``,
``format_partial``, ``country_code``, ``str()`` of the record where the resource uses it). Related names
are published ones only, as the public pages show them. ``record_rows()`` is the one chunking path they
share; ``tests/public/test_export_rows.py`` checks each export against the resource's own
``export_resource()``, byte for byte.
"""

from __future__ import annotations

import csv
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, F, Value, When
from django.http import StreamingHttpResponse
from django.utils import timezone
from django_countries.fields import Country

from relations.editorial import Status, format_partial
from relations.models import Citation, Delegation, Meeting
from relations.reporting import country_code, join
from relations.resources import DelegationResource, MeetingResource

BOM = "\ufeff"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CHUNK_SIZE = 2000

# A chunk of primary keys -> (record id, value, ...) rows, in the order the cell lists them.
RelatedQuery = Callable[[list[int]], Iterable[tuple]]


def neutralise(value) -> str:
    """A cell as text that a spreadsheet will not run: ``=SUM(A1)`` becomes ``'=SUM(A1)``."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


class _Echo:
    """A file-like object whose write() returns the line, for csv.writer in a generator."""

    def write(self, value: str) -> str:
        return value


def published_name(relation: str, field: str = "name") -> Case:
    """The related record's ``field`` if it is published, else "" (what a published-only Prefetch shows)."""
    return Case(
        When(**{f"{relation}__status": Status.PUBLISHED}, then=F(f"{relation}__{field}")), default=Value("")
    )


def published_names(relation, ids: list[int], *, field: str = "name") -> list[tuple[int, str]]:
    """(record id, name) for the published records a many-to-many links to ``ids``.

    ``relation`` is the descriptor (``Delegation.members``). Names come in the related model's ordering,
    as a Prefetch of ``published()`` gives them. Two queries, the links and then the names in order: a
    single join sorted by name would let SQLite walk every published record, in name order, per chunk.
    """
    m2m = relation.field
    source, target = f"{m2m.m2m_field_name()}_id", f"{m2m.m2m_reverse_field_name()}_id"
    links = list(relation.through.objects.filter(**{f"{source}__in": ids}).values_list(source, target))
    names = m2m.related_model._default_manager.published().filter(pk__in={pk for _, pk in links})
    rank = {pk: (i, name) for i, (pk, name) in enumerate(names.values_list("pk", field))}
    ranked = sorted((rank[pk], record_id) for record_id, pk in links if pk in rank)
    return [(record_id, name) for (_, name), record_id in ranked]


def country_cell(code: str) -> str:
    """A country column as the resources write it: the code of the field's ``Country``."""
    return country_code(Country(code=code))


def sources_cell(keys: list[str]) -> str:
    """The ``sources`` column: the keys of the articles a record cites, sorted, each once."""
    return join(sorted(keys))


def _citations(content_type: ContentType, ids: list[int]):
    return (
        Citation.objects.filter(content_type=content_type, object_id__in=ids)
        .order_by()
        .values_list("object_id", "article__key")
    )


def _grouped(rows: Iterable[tuple]) -> defaultdict[int, list]:
    """``(record id, value)`` rows as each record's list of values; longer rows give tuples of values."""
    groups = defaultdict(list)
    for record_id, *values in rows:
        groups[record_id].append(values[0] if len(values) == 1 else tuple(values))
    return groups


def record_rows(
    queryset,
    *,
    fields: Sequence[str],
    expressions: Mapping[str, object] | None = None,
    related: Mapping[str, RelatedQuery] | None = None,
    row: Callable[[tuple, Mapping[str, Mapping[int, list]]], list],
    chunk_size: int | None = None,
) -> Iterator[list]:
    """``row(record, related)`` for every record of ``queryset``, in its order, a chunk at a time.

    ``record`` is a named tuple of ``pk``, ``fields`` and ``expressions`` (annotated under their names);
    ``related[name][record.pk]`` lists what ``related[name]`` returns for the record, and
    ``related["sources"][record.pk]`` the keys of the articles it cites.

    The queryset's primary keys are read once, in its order (filters and sort kept), into an array of
    ints: 8 bytes a record is all that is held for the whole result. Each chunk then costs one query for
    the records' columns (the queryset again, so whatever no longer matches is left out), those of each
    ``related`` entry and one for the sources, whatever the chunk holds.
    """
    chunk_size = chunk_size or CHUNK_SIZE
    queryset = queryset.prefetch_related(None)
    expressions = expressions or {}
    records = queryset.order_by().annotate(**expressions).values_list("pk", *fields, *expressions, named=True)
    content_type = ContentType.objects.get_for_model(queryset.model)
    related = {**(related or {}), "sources": lambda ids: _citations(content_type, ids)}
    order = array("q", queryset.values_list("pk", flat=True).iterator(chunk_size=chunk_size))
    for start in range(0, len(order), chunk_size):
        ids = order[start : start + chunk_size].tolist()
        by_pk = {record.pk: record for record in records.filter(pk__in=ids)}
        lists = {name: _grouped(query(ids)) for name, query in related.items()}
        for pk in ids:
            if pk in by_pk:
                yield row(by_pk[pk], lists)


def csv_lines(rows: Iterable[list], *, headers: list[str]) -> Iterator[str]:
    """The byte order mark and the header, then one CSV line per row, every cell neutralised."""
    writer = csv.writer(_Echo())
    yield BOM + writer.writerow([neutralise(h) for h in headers])
    for cells in rows:
        yield writer.writerow([neutralise(cell) for cell in cells])


def csv_response(lines: Iterable[str], *, name: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        (line.encode("utf-8") for line in lines), content_type="text/csv; charset=utf-8"
    )
    stamp = timezone.now().strftime("%Y-%m-%d")
    response["Content-Disposition"] = f'attachment; filename="{name}-{stamp}.csv"'
    response["X-Robots-Tag"] = "noindex"
    return response


def export_csv(rows: Iterable[list], *, resource, name: str) -> StreamingHttpResponse:
    """``rows`` under ``resource``'s header, streamed as ``name-YYYY-MM-DD.csv``."""
    return csv_response(csv_lines(rows, headers=resource.get_export_headers()), name=name)


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
