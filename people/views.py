"""Public pages of officials and organizations: only published records and published relations."""

from django.utils.safestring import mark_safe

from people.exports import OfficialReport, OrganizationReport
from people.filters import OfficialFilter, OrganizationFilter
from relations.editorial.public import RecordPages, Section
from relations.editorial.rendering import (
    DASH,
    choice_label,
    country_code,
    country_name,
    html_format,
    link,
    related,
)


def official_row(official) -> str:
    positions = list(related(official, "positions"))
    shown = [
        html_format(
            '<span class="position">{}{}</span>',
            p.title,
            html_format(", {}", p.organization.name) if p.organization else "",
        )
        for p in positions[:2]
    ]
    if len(positions) > 2:
        shown.append(html_format('<span class="small muted">and {} more</span>', len(positions) - 2))
    return html_format(
        '<tr>\n  <th scope="row" data-label="Name">{}</th>\n'
        '  <td data-label="Country">{}</td>\n'
        '  <td data-label="Positions">{}</td>\n</tr>\n',
        link(official, official.name),
        country_name(country_code(official, "country")) or "—",
        mark_safe("".join(shown)) if shown else DASH,
    )


def organization_row(organization) -> str:
    parent = organization.parent
    return html_format(
        '<tr>\n  <th scope="row" data-label="Name">{}{}</th>\n'
        '  <td data-label="Kind">{}</td>\n'
        '  <td data-label="Country">{}</td>\n'
        '  <td data-label="Part of">{}</td>\n</tr>\n',
        link(organization, organization.name),
        html_format(' <abbr class="small">{}</abbr>', organization.acronym) if organization.acronym else "",
        choice_label(organization, "kind"),
        country_name(country_code(organization, "country")) or "—",
        link(parent, parent.name) if parent else DASH,
    )


OFFICIALS = RecordPages(
    OfficialFilter,
    OfficialReport,
    row=official_row,
    intro="People who led or joined delegations, met their counterparts or signed agreements.",
    sections=(
        Section("led", "Delegations led", "led_delegations"),
        Section("joined", "Delegations joined", "delegations"),
        Section("meetings", "Meetings", "meetings"),
        Section("agreements", "Agreements signed", "agreements_signed"),
    ),
)

ORGANIZATIONS = RecordPages(
    OrganizationFilter,
    OrganizationReport,
    row=organization_row,
    intro="Ministries, agencies, parties, parliaments and other bodies that sent, hosted or signed.",
    sections=(
        Section("sent", "Delegations sent", "sent_delegations"),
        Section("hosted", "Delegations hosted", "hosted_delegations"),
        Section("agreements", "Agreements", "agreements"),
    ),
)
