"""Every public page runs a fixed number of queries: the same for 1 row (or related record) as for 25."""

from urllib.parse import urlencode

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from relations.editorial import publication
from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    DelegationFactory,
    MeetingFactory,
    OfficialAliasFactory,
    OfficialFactory,
    OrganizationFactory,
    PositionFactory,
)

pytestmark = pytest.mark.django_db
P = "published"

# Deliberate numbers; change them together with the views. Every public page first reads the publication
# version (relations.editorial.caching). A list runs: its page (with the records its foreign keys point to,
# joined), and its published-only prefetches; its official and organization filters are text boxes, with no
# choices to load. An unfiltered list takes its count from the published keys of the version
# (pagination.published_total), read once per version and process; a filtered one counts (one query more).
VERSION = 1
LIST_QUERIES = {
    "delegations": VERSION + 1,  # page with head and bodies
    "meetings": VERSION + 2,  # page with delegation, participants
    "agreements": VERSION + 2,  # page, parties
    "officials": VERSION + 2,  # page, positions with their organizations
    "organizations": VERSION + 1,  # page with parent
}
DETAIL_QUERIES = {
    "delegation": VERSION + 5,  # record with head and bodies, citations, members, meetings, agreements
    "meeting": VERSION + 4,  # record with delegation, participants, citations, agreements
    "agreement": VERSION + 6,  # record, parties, citations, signatories, delegation, meeting
    "official": VERSION + 8,  # record, positions with orgs, citations, aliases, led, joined, met, signed
    "organization": VERSION + 8,  # with parent; citations, aliases, units, people, sent, hosted, signed
    "article": VERSION + 3,  # article, citations, one per kind of citing record
}
EXPORT_QUERIES = VERSION + 5  # the keys; then per chunk of 2,000: rows, member links, member names, sources
HOME_QUERIES = VERSION + 10  # five counts, three latest lists, two timelines


def make_delegation():
    return DelegationFactory(
        status=P,
        members=2,
        sending_body=OrganizationFactory(status=P),
        host_body=OrganizationFactory(status=P),
        cited_in=ArticleFactory(),
    )


def make_meeting():
    return MeetingFactory(
        status=P, participants=2, delegation=DelegationFactory(status=P), cited_in=ArticleFactory()
    )


def make_agreement():
    return AgreementFactory(status=P, parties=2, cited_in=ArticleFactory())


def make_official():
    official = OfficialFactory(status=P, cited_in=ArticleFactory())
    for title in ("Minister", "Deputy Prime Minister"):
        PositionFactory(official=official, organization=OrganizationFactory(status=P), title=title)
    return official


def make_organization():
    return OrganizationFactory(
        status=P, parent=OrganizationFactory(status="draft"), cited_in=ArticleFactory()
    )


LISTS = {
    "delegations": ("relations:delegation-list", make_delegation),
    "meetings": ("relations:meeting-list", make_meeting),
    "agreements": ("agreements:agreement-list", make_agreement),
    "officials": ("people:official-list", make_official),
    "organizations": ("people:organization-list", make_organization),
}


@pytest.mark.parametrize("name", LISTS)
def test_it_lists_in_as_many_queries_for_1_row_as_for_25(client, django_assert_num_queries, name):
    url_name, make = LISTS[name]
    url = reverse(url_name)
    make()
    client.get(url)  # warm the content type cache and read the version's published keys
    with django_assert_num_queries(LIST_QUERIES[name]):
        assert len(client.get(url).context["object_list"]) == 1
    for _ in range(24):
        make()
    with transaction.atomic():
        publication.changed()  # what a publisher's release of them does
    client.get(url)  # the new version's published keys
    with django_assert_num_queries(LIST_QUERIES[name]):
        assert len(client.get(url).context["object_list"]) == 25


@pytest.mark.parametrize("name", LISTS)
def test_a_filtered_list_counts_its_rows(client, django_assert_num_queries, name):
    """A list with a filter has no count kept per version: it counts, one query more than the plain list."""
    url_name, make = LISTS[name]
    record = make()
    record.refresh_from_db()
    url = f"{reverse(url_name)}?{urlencode({'q': record.search_text.split()[0]})}"
    client.get(url)
    with django_assert_num_queries(LIST_QUERIES[name] + 1):
        assert len(client.get(url).context["object_list"]) == 1


# Details: one record with n related records of every kind.


def cited(factory, n: int, **fields):
    """A published record of ``factory`` that ``n`` articles cite."""
    return factory(status=P, cited_in=ArticleFactory.create_batch(n), **fields)


def delegation_with(n):
    bodies = {"sending_body": OrganizationFactory(status=P), "host_body": OrganizationFactory(status=P)}
    delegation = cited(DelegationFactory, n, members=n, **bodies)
    MeetingFactory.create_batch(n, status=P, delegation=delegation)
    AgreementFactory.create_batch(n, status=P, delegation=delegation)
    return delegation


def meeting_with(n):
    meeting = cited(MeetingFactory, n, participants=n, delegation=DelegationFactory(status=P))
    AgreementFactory.create_batch(n, status=P, meeting=meeting)
    return meeting


def agreement_with(n):
    links = {"delegation": DelegationFactory(status=P), "meeting": MeetingFactory(status=P)}
    agreement = cited(AgreementFactory, n, parties=n, **links)
    agreement.signatories.add(*OfficialFactory.create_batch(n, status=P))
    return agreement


def official_with(n):
    official = cited(OfficialFactory, n)
    for i in range(n):
        PositionFactory(official=official, organization=OrganizationFactory(status=P), title=f"Post {i}")
        OfficialAliasFactory(official=official)
        DelegationFactory(status=P, head=official)
        DelegationFactory(status=P, members=[official])
        MeetingFactory(status=P, participants=[official])
        AgreementFactory(status=P).signatories.add(official)
    return official


def organization_with(n):
    organization = cited(OrganizationFactory, n, parent=OrganizationFactory(status=P))
    OrganizationFactory.create_batch(n, status=P, parent=organization)
    for i in range(n):
        PositionFactory(organization=organization, official=OfficialFactory(status=P), title=f"Post {i}")
        DelegationFactory(status=P, sending_body=organization)
        DelegationFactory(status=P, host_body=organization)
    AgreementFactory.create_batch(n, status=P, parties=[organization])
    return organization


def article_with(n):
    article = ArticleFactory()
    DelegationFactory.create_batch(n, status=P, cited_in=article)
    return article


DETAILS = {
    "delegation": delegation_with,
    "meeting": meeting_with,
    "agreement": agreement_with,
    "official": official_with,
    "organization": organization_with,
    "article": article_with,
}


@pytest.mark.parametrize("name", DETAILS)
def test_it_shows_a_record_in_as_many_queries_with_1_related_as_with_25(
    client, django_assert_num_queries, name
):
    few, many = DETAILS[name](1), DETAILS[name](25)
    client.get(few.get_absolute_url())  # warm the content type cache
    with django_assert_num_queries(DETAIL_QUERIES[name]):
        assert client.get(few.get_absolute_url()).status_code == 200
    with django_assert_num_queries(DETAIL_QUERIES[name]):
        assert client.get(many.get_absolute_url()).status_code == 200


def test_it_shows_the_home_page_in_as_many_queries_for_1_record_as_for_25(client, django_assert_num_queries):
    url = reverse("relations:home")
    make_delegation()
    make_agreement()
    client.get(url)
    with django_assert_num_queries(HOME_QUERIES):
        client.get(url)
    for _ in range(24):
        make_delegation()
        make_agreement()
    with django_assert_num_queries(HOME_QUERIES):
        client.get(url)


def test_it_exports_in_as_many_queries_for_1_row_as_for_25(client, django_assert_num_queries):
    url = reverse("relations:delegation-export")
    make_delegation()
    with django_assert_num_queries(EXPORT_QUERIES):
        b"".join(client.get(url).streaming_content)
    for _ in range(24):
        make_delegation()
    with django_assert_num_queries(EXPORT_QUERIES):
        b"".join(client.get(url).streaming_content)


@pytest.mark.parametrize("name", LISTS)
def test_a_list_reads_none_of_its_records_bookkeeping(client, name):
    """A list's queries (its records, those they join and those it prefetches) leave out what no row shows."""
    url_name, make = LISTS[name]
    make()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse(url_name))
    assert len(response.context["object_list"]) == 1
    for query in captured.captured_queries:
        for column in ("imported_values", "search_text", "review_note", "updated_at"):
            assert column not in query["sql"], query["sql"]
