"""The report of agreements: one definition, for the public CSV, the admin and the command."""

from agreements.models import Agreement
from relations.editorial.exports import Report, join
from relations.editorial.vocabulary import format_partial


def _period(a) -> str:
    return Agreement(period_start=a.period_start, period_end=a.period_end).period


def _parties(a, rel) -> str:
    countries = Agreement(party_countries=a.party_countries).party_countries
    return join([*rel["parties"][a.pk], *(country.name for country in countries)])


class AgreementReport(Report):
    """Agreements; in the public CSV a party or signatory is named only if it is published."""

    model = "agreements.Agreement"
    name = "agreements"
    fields = (
        "title", "kind", "state", "signed_on", "signed_precision", "period_start", "period_end",
        "party_countries",
    )  # fmt: skip
    columns = {
        "id": lambda a, _: a.pk,
        "title": lambda a, _: a.title,
        "kind": lambda a, _: a.kind,
        "state": lambda a, _: a.state,
        "signed_on": lambda a, _: format_partial(a.signed_on, a.signed_precision),
        "period": lambda a, _: _period(a),
        "parties": _parties,
        "signatories": lambda a, rel: join(rel["signatories"][a.pk]),
    }

    def related(self):
        return {
            "parties": self.names_of(Agreement.parties),
            "signatories": self.names_of(Agreement.signatories),
        }
