"""CSV export of agreements, with the contract resource's columns."""

from collections.abc import Iterator

from django.http import StreamingHttpResponse

from agreements.models import Agreement
from agreements.resources import AgreementResource
from relations.editorial.exports import export_csv, join, published_names, record_rows, sources_cell
from relations.editorial.vocabulary import format_partial


def agreement_rows(queryset, *, chunk_size: int | None = None) -> Iterator[list]:
    """AgreementResource's cells for each agreement of ``queryset``: published parties and signatories."""

    def row(a, related) -> list:
        agreement = Agreement(
            period_start=a.period_start, period_end=a.period_end, party_countries=a.party_countries
        )
        parties = [*related["parties"][a.pk], *(country.name for country in agreement.party_countries)]
        return [
            a.pk,
            a.title,
            a.kind,
            a.state,
            format_partial(a.signed_on, a.signed_precision),
            agreement.period,
            join(parties),
            join(related["signatories"][a.pk]),
            a.status,
            sources_cell(related["sources"][a.pk]),
        ]

    return record_rows(
        queryset,
        fields=[
            "title",
            "kind",
            "state",
            "signed_on",
            "signed_precision",
            "period_start",
            "period_end",
            "party_countries",
            "status",
        ],  # fmt: skip
        related={
            "parties": lambda ids: published_names(Agreement.parties, ids),
            "signatories": lambda ids: published_names(Agreement.signatories, ids),
        },
        row=row,
        chunk_size=chunk_size,
    )


def agreements_csv(queryset, *, chunk_size: int | None = None) -> StreamingHttpResponse:
    rows = agreement_rows(queryset, chunk_size=chunk_size)
    return export_csv(rows, resource=AgreementResource(), name="agreements")
