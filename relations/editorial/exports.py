"""Reports: one definition of each report's header and rows, and the one formula-neutralising path.

- :class:`Report`: a report's columns (header -> cell) and how its rows are read, a chunk of records at a
  time with ``values_list()``. Each app defines its reports in its ``exports.py``; the public CSV
  (:meth:`Report.response`), the admin's export and ``manage.py export`` (:class:`ReportResource`, the
  contract resources in each app's ``resources.py``) all write the rows a report gives.
- ``neutralise``: every cell of every export goes through it.
- ``record_rows``: the chunked reading behind every report.
"""

from __future__ import annotations

import csv
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Any, ClassVar

import tablib
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, F, Value, When
from django.http import StreamingHttpResponse
from django.utils import timezone
from django_countries.fields import Country
from import_export import fields, resources
from import_export.formats import base_formats

from relations.editorial.table_imports import WorkflowGuardMixin
from relations.editorial.vocabulary import Status

SEP = "; "
_SLUG = "__slug__"  # stands for each record's slug in its address
BOM = "\ufeff"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CHUNK_SIZE = 2000

# A chunk of primary keys -> (record id, value, ...) rows, in the order the cell lists them.
RelatedQuery = Callable[[list[int]], Iterable[tuple]]
# A cell: (the record's values_list row, {related name: {record id: [values]}}) -> value.
Cell = Callable[[Any, Mapping[str, Mapping[int, list]]], Any]


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


def join(values) -> str:
    """A multi-valued cell: distinct non-empty values in order, joined by "; "."""
    seen = []
    for value in values:
        value = str(value or "").strip()
        if value and value not in seen:
            seen.append(value)
    return SEP.join(seen)


@lru_cache(maxsize=1024)
def country_cell(code) -> str:
    """A country column: the code of the field's ``Country`` ("" for none), worked out once per code."""
    return str(Country(code=code).code or "") if code else ""


# ------------------------------------------------------------------ reading rows a chunk at a time


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


# ------------------------------------------------------------------ reports


class Report:
    """One report: its header and its rows (pretix's exporters are the model).

    A subclass names its ``model`` (by label: the core imports no app), the file ``name`` of its CSV,
    the ``fields`` it reads per record, and its ``columns``: header -> cell, in order. The columns
    ``editorial_status`` and ``sources`` end every report. :meth:`expressions` and :meth:`related` say
    what else a cell reads, through :meth:`name_of` and :meth:`names_of`, which follow ``published_only``:

    - ``published_only=True`` (the public CSV): a related record is named only if it is published, as a
      published-only ``Prefetch`` would show it;
    - ``published_only=False`` (the admin's export and ``manage.py export``, for editors and analysts):
      every related record is named, whatever its status.
    """

    model: ClassVar[str] = ""
    name: ClassVar[str] = ""
    fields: ClassVar[tuple[str, ...]] = ()
    columns: ClassVar[dict[str, Cell]] = {}
    header: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.columns = {
            **cls.columns,
            "editorial_status": lambda r, _: r.status,
            "sources": lambda r, rel: join(sorted(rel["sources"][r.pk])),
        }
        cls.header = tuple(cls.columns)

    def __init__(self, *, published_only: bool = True, url_base: str | None = None):
        """``url_base`` (the site's address, e.g. ``https://example.org``) adds a last column, ``url``: each
        record's permanent address. The public CSV has it; the contract resources do not."""
        self.published_only = published_only
        self.url_base = url_base
        if url_base is not None:
            self.header = (*type(self).header, "url")

    # What the cells read besides ``fields``
    def expressions(self) -> dict[str, object]:
        return {}

    def related(self) -> dict[str, RelatedQuery]:
        return {}

    def name_of(self, relation: str, field: str = "name"):
        """The related record's ``field``, "" where there is none (or, public, it is not published)."""
        if not self.published_only:
            return F(f"{relation}__{field}")
        return Case(
            When(**{f"{relation}__status": Status.PUBLISHED}, then=F(f"{relation}__{field}")),
            default=Value(""),
        )

    def names_of(self, relation, *, field: str = "name") -> RelatedQuery:
        """(record id, name) for the records a many-to-many (``Delegation.members``) links to a chunk.

        Names come in the related model's ordering, as a ``Prefetch`` gives them. Two queries, the links
        and then the names in order: a single join sorted by name would let SQLite walk every related
        record, in name order, per chunk.
        """

        def query(ids: list[int]) -> list[tuple[int, str]]:
            m2m = relation.field
            source, target = f"{m2m.m2m_field_name()}_id", f"{m2m.m2m_reverse_field_name()}_id"
            links = relation.through.objects.filter(**{f"{source}__in": ids}).values_list(source, target)
            links = list(links)
            names = m2m.related_model._default_manager.all()
            if self.published_only:
                names = names.published()
            names = names.filter(pk__in={pk for _, pk in links})
            rank = {pk: (i, name) for i, (pk, name) in enumerate(names.values_list("pk", field))}
            ranked = sorted((rank[pk], record_id) for record_id, pk in links if pk in rank)
            return [(record_id, name) for (_, name), record_id in ranked]

        return query

    # The rows
    def rows(self, queryset, *, chunk_size: int | None = None) -> Iterator[list]:
        """The cells of each record of ``queryset``, in the header's order and the queryset's."""
        cells = list(self.columns.values())
        fields = [*self.fields, "status"]
        if self.url_base is not None:
            address = self.url_base + apps.get_model(self.model)(slug=_SLUG).get_absolute_url()
            fields.append("slug")
            cells.append(lambda record, _: address.replace(_SLUG, record.slug))
        return record_rows(
            queryset,
            fields=fields,
            expressions=self.expressions(),
            related=self.related(),
            row=lambda record, related: [cell(record, related) for cell in cells],
            chunk_size=chunk_size,
        )

    def lines(self, queryset, *, chunk_size: int | None = None) -> Iterator[str]:
        """The byte order mark and the header, then one CSV line per record, every cell neutralised."""
        writer = csv.writer(_Echo())
        yield BOM + writer.writerow([neutralise(h) for h in self.header])
        for cells in self.rows(queryset, chunk_size=chunk_size):
            yield writer.writerow([neutralise(cell) for cell in cells])

    def response(
        self, queryset, *, chunk_size: int | None = None, qualifier: str = ""
    ) -> StreamingHttpResponse:
        """The report of ``queryset`` streamed as ``<name>[-<qualifier>]-YYYY-MM-DD.csv`` (the qualifier
        names the filters that made it: ``delegations-from-vn-year-2019-2026-11-30.csv``)."""
        lines = self.lines(queryset, chunk_size=chunk_size)
        response = StreamingHttpResponse(
            (line.encode("utf-8") for line in lines), content_type="text/csv; charset=utf-8"
        )
        stamp = timezone.now().strftime("%Y-%m-%d")
        name = "-".join(filter(None, [self.name, qualifier, stamp]))
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        response["X-Robots-Tag"] = "noindex"
        return response


class _Echo:
    """A file-like object whose write() returns the line, for csv.writer in a generator."""

    def write(self, value: str) -> str:
        return value


# ------------------------------------------------------------------ resources: the admin and the command


def neutralised(dataset: tablib.Dataset) -> tablib.Dataset:
    """``dataset`` with every header and cell neutralised."""
    safe = tablib.Dataset(headers=[neutralise(h) for h in dataset.headers or []])
    for row in dataset:
        safe.append([neutralise(cell) for cell in row])
    return safe


class SafeResource(resources.ModelResource):
    """A resource whose export is neutralised, whatever format writes it (CSV, XLSX, ``manage.py export``)."""

    def export(self, queryset=None, **kwargs) -> tablib.Dataset:
        return neutralised(super().export(queryset, **kwargs))


class ReportResource(WorkflowGuardMixin, SafeResource):
    """A contract resource: its export is its ``report``'s rows, every record whatever its status; its
    import goes through the workflow (:class:`~relations.editorial.table_imports.WorkflowGuardMixin`).

    Its ``Meta.fields`` is the report's header; declared fields say how an imported column maps to the
    model (``attribute``) or that it is only exported (``readonly``).
    """

    report: ClassVar[type[Report]]

    editorial_status = fields.Field(attribute="status", column_name="editorial_status")
    sources = fields.Field(column_name="sources", readonly=True)

    def get_queryset(self):
        return self._meta.model._default_manager.order_by("pk")

    def export(self, queryset=None, **kwargs) -> tablib.Dataset:
        """The report's rows under the chosen columns (the admin lets one pick them), neutralised."""
        if queryset is None:
            queryset = self.get_queryset()
        report = self.report(published_only=False)
        headers = self.get_export_headers(selected_fields=kwargs.get("export_fields"))
        picked = [report.header.index(h) for h in headers]
        dataset = tablib.Dataset(headers=[neutralise(h) for h in headers])
        for row in report.rows(queryset):
            dataset.append([neutralise(row[i]) for i in picked])
        return dataset


def report_resource(
    report: type[Report], model, *, name: str, module: str, imports: Mapping[str, str] | None = None
) -> type[ReportResource]:
    """The contract resource ``module.name`` of ``report``: its header, in its order.

    ``imports`` maps each column an import writes to its model field (``{"location": "place"}``); every other
    column is exported only. ``id`` is the model's, ``editorial_status`` every report's (its ``status``).
    """
    imports = imports or {}
    columns = {
        column: fields.Field(
            attribute=imports.get(column), column_name=column, readonly=column not in imports
        )
        for column in report.header
        if column not in ("id", "editorial_status")
    }
    meta = type(
        "Meta",
        (),
        {
            "model": model,
            "fields": report.header,
            "export_order": report.header,
            "import_id_fields": ("id",),
            "skip_unchanged": True,
        },
    )
    attrs = {"__module__": module, "__qualname__": name, "report": report, "Meta": meta, **columns}
    return type(ReportResource)(name, (ReportResource,), attrs)


# The admin's formats: resources neutralise their cells, the formats write them as they are.
EXPORT_FORMATS = [f for f in (base_formats.CSV, base_formats.XLSX) if f.is_available()]  # XLSX: openpyxl
IMPORT_FORMATS = [base_formats.CSV]
