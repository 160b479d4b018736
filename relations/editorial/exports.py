"""Reports: the contract's cell formats, the formula-safe formats, and the streamed CSV of a report.

- ``join``, ``country_code``, ``EditorialResource``: the cells and columns every report shares.
- ``neutralise``: the one formula-neutralising path; ``SafeCSV`` and ``SafeXLSX`` apply it to the admin's
  exports and ``manage.py export``, ``csv_lines`` to the public CSVs.
- ``record_rows``: the chunked ``values_list()`` reading behind the public CSVs: each export names the columns
  it needs and turns them into its resource's cells, in the resource's order, with the resource's formats.
"""

from __future__ import annotations

import csv
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, F, Value, When
from django.http import StreamingHttpResponse
from django.utils import timezone
from django_countries.fields import Country
from import_export import fields, resources
from import_export.formats import base_formats

from relations.editorial.vocabulary import Status, format_partial

SEP = "; "


def join(values) -> str:
    """A multi-valued cell: distinct non-empty values in order, joined by "; "."""
    seen = []
    for value in values:
        value = str(value or "").strip()
        if value and value not in seen:
            seen.append(value)
    return SEP.join(seen)


def country_code(value) -> str:
    return str(value.code if hasattr(value, "code") else value or "")


class EditorialResource(resources.ModelResource):
    """Columns every curated record exports: its status and the articles it was taken from."""

    editorial_status = fields.Field(attribute="status", column_name="editorial_status")
    sources = fields.Field(column_name="sources", readonly=True)

    def dehydrate_sources(self, obj) -> str:
        return join(sorted({c.article.key for c in obj.citations.all()}))

    def get_queryset(self):
        return self._meta.model.objects.for_export()

    @staticmethod
    def partial(value, precision) -> str:
        return format_partial(value, precision)


BOM = "\ufeff"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CHUNK_SIZE = 2000

# A chunk of primary keys -> (record id, value, ...) rows, in the order the cell lists them.
RelatedQuery = Callable[[list[int]], Iterable[tuple]]


def neutralise(value):
    """A cell that a spreadsheet will not run: ``=SUM(A1)`` becomes ``'=SUM(A1)``.

    The one formula-neutralising path of every export (public CSV, admin CSV and XLSX, ``manage.py
    export``). Spreadsheets run cells that start with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
    return; a leading apostrophe, which they show as text, stops that (OWASP's advice). Text and ``None``
    come back as text; numbers, dates and the like are left as they are, for XLSX's typed cells.
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return "'" + value if value.startswith(FORMULA_PREFIXES) else value
    return value


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
        apps.get_model("relations", "Citation")
        .objects.filter(content_type=content_type, object_id__in=ids)
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


class SafeFormatMixin:
    """Escape on every export, whatever the setting says: an export is opened in a spreadsheet."""

    def _escape_formulae(self, dataset):
        _escape(dataset)  # idempotent: a neutralised cell starts with ' and is left alone

    def export_data(self, dataset, **kwargs):
        _escape(dataset)
        return super().export_data(dataset, **kwargs)


class SafeCSV(SafeFormatMixin, base_formats.CSV):
    pass


class SafeXLSX(SafeFormatMixin, base_formats.XLSX):
    pass


def _escape(dataset) -> None:
    for _ in range(len(dataset)):
        row = dataset.lpop()
        dataset.append([neutralise(cell) for cell in row])


EXPORT_FORMATS = [f for f in (SafeCSV, SafeXLSX) if f.is_available()]  # XLSX needs openpyxl
IMPORT_FORMATS = [base_formats.CSV]


def _escape(dataset) -> None:
    for _ in range(len(dataset)):
        row = dataset.lpop()
        dataset.append([neutralise(cell) for cell in row])


EXPORT_FORMATS = [f for f in (SafeCSV, SafeXLSX) if f.is_available()]  # XLSX needs openpyxl
