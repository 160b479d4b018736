"""Public pages of agreements: only published records and published relations."""

from django.utils.html import conditional_escape

from agreements.exports import AgreementReport
from agreements.filters import AgreementFilter
from relations.editorial.public import RecordPages, Section
from relations.editorial.rendering import (
    DASH,
    choice_label,
    country_name,
    html_format,
    joined,
    link,
    related,
    time_tag,
)


def agreement_row(agreement) -> str:
    names = [link(party, party.name) for party in related(agreement, "parties")]
    names += [country_name(country) for country in agreement.party_countries]
    period = agreement.period_beyond_title
    return html_format(
        '<tr>\n  <th scope="row" data-label="Agreement">{}{}</th>\n'
        '  <td data-label="Signed">{}</td>\n'
        '  <td data-label="Kind">{}</td>\n'
        '  <td data-label="State"><span class="tag tag--{}">{}</span></td>\n'
        '  <td data-label="Parties">{}</td>\n</tr>\n',
        link(agreement, agreement.title),
        html_format(' <span class="small muted">({})</span>', period) if period else "",
        time_tag(agreement.signed_iso, agreement.signed_display) if agreement.signed_on else DASH,
        choice_label(agreement, "kind"),
        agreement.state,
        choice_label(agreement, "state"),
        joined((conditional_escape(n) for n in names), "; ") if names else DASH,
    )


AGREEMENTS = RecordPages(
    AgreementFilter,
    AgreementReport,
    row=agreement_row,
    intro="Treaties, agreements, memoranda, programmes and plans: signed, in force, drafted or referred to.",
    sections=(
        Section("parties", "Parties", "parties", "No organizations are recorded as parties."),
        Section("signatories", "Signatories", "signatories", "No signatories are recorded."),
    ),
)
