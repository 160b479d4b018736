"""Every record's page shares one frame (includes/record_page.html): breadcrumbs to its list, the heading,
its own sections, then the related ones its view names, the sources and the citation."""

import re

import pytest

from tests.factories import (
    AgreementFactory,
    DelegationFactory,
    MeetingFactory,
    OfficialFactory,
    OrganizationFactory,
)

pytestmark = pytest.mark.django_db
P = "published"

PAGES = {
    "delegation": (
        lambda: DelegationFactory(status=P, members=1),
        "/delegations/", "Delegations", ["details", "members", "meetings", "agreements", "sources"],
    ),
    "meeting": (
        lambda: MeetingFactory(status=P, participants=1),
        "/meetings/", "Meetings", ["details", "participants", "agreements", "sources"],
    ),
    "agreement": (
        lambda: AgreementFactory(status=P, parties=1),
        "/agreements/", "Agreements", ["details", "parties", "signatories", "sources"],
    ),
    "official": (
        lambda: OfficialFactory(status=P),
        "/officials/", "Officials",
        ["details", "positions", "led", "joined", "meetings", "agreements", "sources"],
    ),
    "organization": (
        lambda: OrganizationFactory(status=P, acronym="MFA"),
        "/organizations/", "Organizations", ["details", "people", "sent", "hosted", "agreements", "sources"],
    ),
}  # fmt: skip


@pytest.mark.parametrize("kind", PAGES)
def test_a_record_page_has_the_shared_frame_and_its_sections_in_order(client, kind):
    make, list_url, label, sections = PAGES[kind]
    record = make()
    body = client.get(record.get_absolute_url()).content.decode()
    crumbs = re.search(r'<nav class="breadcrumbs".*?</nav>', body, re.S).group(0)
    assert f'<a href="{list_url}">{label}</a>' in crumbs
    name = getattr(record, "name", None) or str(record)
    assert re.search(rf'aria-current="page">{re.escape(name)}</span>', crumbs)
    assert re.findall(r'<h2 id="([a-z]+)-heading"', body) == [*sections, "cite"]
    assert f"{kind} record, last updated" in body
