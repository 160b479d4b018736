"""Every record page is citable: a title, a canonical address, Open Graph tags, and its sources quoted."""

import pytest
from django.urls import reverse

from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    DelegationFactory,
    MeetingFactory,
    OfficialFactory,
    OrganizationFactory,
)

pytestmark = pytest.mark.django_db

RECORDS = {
    "delegation": lambda: DelegationFactory(status="published", title="Visit of the Minister"),
    "meeting": lambda: MeetingFactory(status="published", title="Talks in the Kremlin"),
    "agreement": lambda: AgreementFactory(status="published", title="Plan on archives"),
    "official": lambda: OfficialFactory(status="published", name="Lê Vĩnh Tân"),
    "organization": lambda: OrganizationFactory(status="published", name="State Duma"),
    "article": lambda: cited_article(),
}


def cited_article():
    """An article page exists while a published record cites it."""
    article = ArticleFactory(title="Minister visits Russia")
    DelegationFactory(status="published", cited_in=article)
    return article


@pytest.fixture(params=RECORDS)
def record(request):
    return RECORDS[request.param]()


def test_it_titles_the_page_after_the_record(fetch, record):
    assert f"<title>{record} · Vietnam–Russia Contacts</title>" in fetch(record.get_absolute_url()).text


def test_it_links_the_canonical_address(fetch, record):
    url = f"http://testserver{record.get_absolute_url()}"
    assert f'<link rel="canonical" href="{url}">' in fetch(record.get_absolute_url()).text


def test_it_gives_open_graph_title_and_url(fetch, record):
    html = fetch(record.get_absolute_url()).text
    assert f'<meta property="og:title" content="{record}">' in html
    assert f'<meta property="og:url" content="http://testserver{record.get_absolute_url()}">' in html


@pytest.mark.parametrize("kind", [kind for kind in RECORDS if kind != "article"])  # an article is a source
def test_it_offers_a_citation_with_the_permanent_address(fetch, kind):
    record = RECORDS[kind]()
    html = fetch(record.get_absolute_url()).text
    assert f"http://testserver{record.get_absolute_url()} (accessed " in html


#: A record, and the article that cites it: the sentence the record's page quotes, then the rest of the text.
CITING = {
    "delegation": (
        DelegationFactory,
        "Minister Le Vinh Tan is paying a working visit to Russia.",
        "Other news.",
    ),
    "meeting": (MeetingFactory, "Tân met with Seryshev on August 7.", "Other news."),
    "agreement": (AgreementFactory, "The two sides signed a cooperation plan.", "Other news."),
    "official": (OfficialFactory, "Minister Tân met Seryshev.", "Later they spoke."),
}


@pytest.mark.parametrize("kind", CITING)
def test_it_quotes_the_cited_sentence_and_links_the_source(fetch, kind):
    factory, quote, rest = CITING[kind]
    article = ArticleFactory(text=f"{quote} {rest}", source_url=f"https://news.example.org/{kind}-source")
    record = factory(status="published", cited_in=article)
    html = fetch(record.get_absolute_url()).text
    assert quote in html
    assert f'href="https://news.example.org/{kind}-source"' in html


@pytest.mark.parametrize(
    "name",
    [
        "relations:delegation-list",
        "relations:meeting-list",
        "agreements:agreement-list",
        "people:official-list",
        "people:organization-list",
    ],
)
def test_it_labels_every_filter_field(fetch, name):
    form = fetch(reverse(name)).context["filter"].form
    html = fetch(reverse(name)).text
    for field in form:
        assert f'<label for="{field.id_for_label}"' in html


def test_it_reports_an_invalid_filter_instead_of_ignoring_it(client):
    DelegationFactory(status="published")
    response = client.get(reverse("relations:delegation-list"), {"year": "soon"})
    assert response.status_code == 400
    assert (len(response.context["object_list"]), "Enter a whole number." in response.content.decode()) == (
        0,
        True,
    )


def test_it_says_which_years_the_collection_spans(fetch):
    DelegationFactory(status="published")
    assert "Published delegations span 2019." in fetch(reverse("relations:home")).text
