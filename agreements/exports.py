"""The report of agreements: one definition, for the public CSV, the admin and the command."""

from agreements.models import Agreement, period_text
from relations.editorial.exports import Report, join
from relations.editorial.rendering import country_name
from relations.editorial.vocabulary import format_partial


def _country_codes(stored) -> list[str]:
    """The codes of a multiple ``CountryField`` as stored ("RU,VN", cleaned and sorted when saved)."""
    return [code for code in (stored.split(",") if isinstance(stored, str) else stored or ()) if code]


def _parties(a, rel) -> str:
    """The bodies, then the states as the source names them ("Viet Nam", "Russian Federation")."""
    named = a.party_country_names or {}
    countries = (named.get(code) or country_name(code) for code in _country_codes(a.party_countries))
    return join([*rel["parties"][a.pk], *countries])


class AgreementReport(Report):
    """Agreements; in the public CSV a party or signatory is named only if it is published."""

    model = "agreements.Agreement"
    name = "agreements"
    fields = (
        "title", "kind", "state", "signed_on", "signed_precision", "period_start", "period_end",
        "party_countries", "party_country_names",
    )  # fmt: skip
    columns = {
        "id": lambda a, _: a.pk,
        "title": lambda a, _: a.title,
        "kind": lambda a, _: a.kind,
        "state": lambda a, _: a.state,
        "signed_on": lambda a, _: format_partial(a.signed_on, a.signed_precision),
        "period": lambda a, _: period_text(a.period_start, a.period_end),
        "parties": _parties,
        "signatories": lambda a, rel: join(rel["signatories"][a.pk]),
    }

    def related(self):
        return {
            "parties": self.names_of(Agreement.parties),
            "signatories": self.names_of(Agreement.signatories),
        }
