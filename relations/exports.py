"""Public CSV exports: the contract resources' columns over published records, streamed.

One row generator serves every list; each app's ``exports.py`` only names its resource and file.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator

from django.db.models import Prefetch
from django.http import StreamingHttpResponse
from django.utils import timezone

from relations.filters import published_officials
from relations.resources import DelegationResource, MeetingResource

BOM = "\ufeff"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CHUNK_SIZE = 500


def neutralise(value) -> str:
    """A cell as text that a spreadsheet will not run: ``=SUM(A1)`` becomes ``'=SUM(A1)``."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


class _Echo:
    """A file-like object whose write() returns the line, for csv.writer in a generator."""

    def write(self, value: str) -> str:
        return value


def csv_lines(*, queryset, resource, chunk_size: int | None = None) -> Iterator[str]:
    """The header, then one CSV line per record, a chunk of records in memory at a time.

    ``queryset`` carries its own prefetches (published-only); ``iterator(chunk_size=...)``
    runs them once per chunk.
    """
    writer = csv.writer(_Echo())
    yield BOM + writer.writerow([neutralise(h) for h in resource.get_export_headers()])
    for obj in queryset.iterator(chunk_size=chunk_size or CHUNK_SIZE):
        yield writer.writerow([neutralise(cell) for cell in resource.export_resource(obj)])


def csv_response(lines: Iterable[str], *, name: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        (line.encode("utf-8") for line in lines), content_type="text/csv; charset=utf-8"
    )
    stamp = timezone.now().strftime("%Y-%m-%d")
    response["Content-Disposition"] = f'attachment; filename="{name}-{stamp}.csv"'
    response["X-Robots-Tag"] = "noindex"
    return response


def export_csv(*, queryset, resource, name: str, chunk_size: int | None = None) -> StreamingHttpResponse:
    return csv_response(csv_lines(queryset=queryset, resource=resource, chunk_size=chunk_size), name=name)


def delegations_csv(queryset) -> StreamingHttpResponse:
    queryset = queryset.with_sources().prefetch_related(Prefetch("members", queryset=published_officials()))
    return export_csv(queryset=queryset, resource=DelegationResource(), name="delegations")


def meetings_csv(queryset) -> StreamingHttpResponse:
    return export_csv(queryset=queryset.with_sources(), resource=MeetingResource(), name="meetings")
