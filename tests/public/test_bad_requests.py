"""Attacks on the public lists and exports: every refused filter is a 400 with its reason, before any query
for the list runs or any CSV header is sent, and nothing unpublished comes out of it."""

import datetime

import pytest
from django.urls import reverse

from relations.views import DELEGATIONS
from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    DelegationFactory,
    MeetingFactory,
    OfficialFactory,
    OrganizationFactory,
)

pytestmark = pytest.mark.django_db

LISTS = ["relations:delegation-list", "relations:meeting-list", "agreements:agreement-list"]
EXPORTS = ["relations:delegation-export", "relations:meeting-export", "agreements:agreement-export"]
BAD = [
    ({"year": "0"}, "Year"),
    ({"year": "-1"}, "Year"),
    ({"year": "10000"}, "Year"),
    ({"year": "1.5"}, "Year"),
    ({"q": " ".join("a" * 1000)}, "at most 10 words"),
    ({"q": "x" * 201}, "at most 200 characters"),
]


@pytest.mark.parametrize("url", LISTS)
@pytest.mark.parametrize(("params", "reason"), BAD)
def test_it_refuses_a_bad_filter_with_400_and_its_reason(client, url, params, reason):
    response = client.get(reverse(url), params)
    assert response.status_code == 400
    assert reason in response.content.decode()


@pytest.mark.parametrize(
    ("url", "params"),
    [
        ("relations:delegation-list", {"from_country": "ZZ"}),
        ("relations:delegation-list", {"to_country": "vn"}),
        ("agreements:agreement-list", {"party_country": "Viet Nam"}),
        ("people:official-list", {"country": "XX"}),
    ],
)
def test_it_refuses_a_country_that_is_no_country_code_and_keeps_a_good_one(client, url, params):
    DelegationFactory(status="published", title="Visit from Viet Nam", from_country="VN", to_country="RU")
    response = client.get(reverse(url), params)
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    good = client.get(reverse("relations:delegation-list"), {"from_country": "VN", "to_country": "RU"})
    assert good.status_code == 200 and "Visit from Viet Nam" in good.content.decode()


@pytest.mark.parametrize("params", [{"date_from": "2024-13-45"}, {"date_to": "yesterday"}])
def test_it_refuses_a_malformed_date(client, params):
    response = client.get(reverse("relations:delegation-list"), params)
    assert response.status_code == 400
    assert "Enter a valid date" in response.content.decode()


def test_it_runs_no_query_for_the_list_of_a_refused_filter(client, django_assert_max_num_queries):
    DelegationFactory.create_batch(3, status="published", title="Visit of the trade minister")
    with django_assert_max_num_queries(2):  # the session and the like at most: no count, no rows
        response = client.get(reverse("relations:delegation-list"), {"year": "0"})
    assert response.status_code == 400
    assert "Visit of the trade minister" not in response.content.decode()


@pytest.mark.parametrize("page", ["abc", "0", "-1", "1e3"])
def test_it_refuses_a_page_that_is_not_a_number_with_400(client, page):
    DelegationFactory(status="published", title="Visit of the foreign minister")
    response = client.get(reverse("relations:delegation-list"), {"page": page})
    assert response.status_code == 400
    assert "is not a page number" in response.content.decode()


PAGED_LISTS = {
    "relations:delegation-list": lambda: DelegationFactory(status="published", title="Visit number one"),
    "relations:meeting-list": lambda: MeetingFactory(status="published", title="Visit number one"),
    "agreements:agreement-list": lambda: AgreementFactory(status="published", title="Visit number one"),
    "people:official-list": lambda: OfficialFactory(status="published", name="Visit number one"),
    "people:organization-list": lambda: OrganizationFactory(status="published", name="Visit number one"),
    "relations:article-list": lambda: DelegationFactory(
        status="published", cited_in=ArticleFactory(title="Visit number one")
    ),
}


@pytest.mark.parametrize("url", PAGED_LISTS)
@pytest.mark.parametrize("page", ["2", "99", "9" * 40])
def test_it_sends_a_page_past_the_end_to_the_last_page_with_the_same_filters(client, url, page):
    PAGED_LISTS[url]()
    response = client.get(reverse(url), {"page": page, "q": "visit"})
    assert response.status_code == 302
    assert response.url == f"{reverse(url)}?page=1&q=visit"
    last = client.get(response.url)
    assert "Visit number one" in last.content.decode()


@pytest.mark.parametrize("page", ["abc", "0", "-1", "1e3"])
def test_it_refuses_a_bad_page_of_the_sources_with_400_and_a_message(client, page):
    DelegationFactory(status="published", cited_in=ArticleFactory(title="Visit number one"))
    response = client.get(reverse("relations:article-list"), {"page": page})
    assert response.status_code == 400
    assert "is not a page number" in response.content.decode()
    assert "Visit number one" in response.content.decode()  # the first page, with the message


NEWER, OLDER = datetime.date(2020, 1, 1), datetime.date(2019, 1, 1)


def test_it_sends_a_page_past_a_list_it_stopped_counting_to_the_exact_last_page(client, monkeypatch):
    monkeypatch.setattr(DELEGATIONS.list_view, "count_limit", 1)
    monkeypatch.setattr(DELEGATIONS.list_view, "paginate_by", 1)
    DelegationFactory(status="published", title="Visit number one", start_date=NEWER, end_date=NEWER)
    DelegationFactory(status="published", title="Visit number two", start_date=OLDER, end_date=OLDER)
    response = client.get(reverse("relations:delegation-list"), {"page": "5"})
    assert response.status_code == 302
    assert response.url == f"{reverse('relations:delegation-list')}?page=2"  # past the limit: counted
    last = client.get(response.url).content.decode()
    assert "Visit number two" in last and "Visit number one" not in last


@pytest.mark.parametrize("url", EXPORTS)
@pytest.mark.parametrize(("params", "reason"), BAD)
def test_it_refuses_a_bad_export_before_any_header(client, url, params, reason):
    response = client.get(reverse(url), params)
    assert response.status_code == 400
    assert not response.streaming
    body = response.content.decode()
    assert body.startswith("The export was refused:")
    assert reason in body
    assert "editorial_status" not in body and "\ufeff" not in body


def test_it_still_filters_a_good_year(client):
    DelegationFactory(status="published", start_date="2019-08-07", title="Visit in twenty-nineteen")
    DelegationFactory(
        status="published", start_date="2021-03-01", end_date=None, title="Visit in twenty-twenty-one"
    )
    DelegationFactory(status="draft", start_date="2019-05-05", title="Draft visit in twenty-nineteen")
    page = client.get(reverse("relations:delegation-list"), {"year": "2019"}).content.decode()
    assert "Visit in twenty-nineteen" in page
    assert "twenty-twenty-one" not in page and "Draft visit" not in page


def test_a_search_past_its_count_says_more_than_and_its_pages_and_csv_give_every_match(client, monkeypatch):
    import re
    from urllib.parse import urljoin

    monkeypatch.setattr(DELEGATIONS.list_view, "search_count_limit", 3)
    monkeypatch.setattr(DELEGATIONS.list_view, "paginate_by", 2)
    for i in range(9):
        day = datetime.date(2020, 1, 1 + i)
        DelegationFactory(status="published", title=f"Volodin visit {i}", start_date=day, end_date=day)
    DelegationFactory(status="draft", title="Volodin visit draft", start_date=NEWER, end_date=NEWER)
    DelegationFactory(status="published", title="Another visit", start_date=NEWER, end_date=NEWER)
    expected = [f"Volodin visit {i}" for i in range(8, -1, -1)]
    url = f"{reverse('relations:delegation-list')}?q=volodin"
    first = client.get(url).content.decode()
    assert "More than 3 delegations match your filters" in first
    assert "Page 1 of more than 2" in first
    seen, pages = [], 0
    while url:  # every "Next" link, through the pages the count numbered and past them
        response = client.get(url)
        assert response.status_code == 200
        body = response.content.decode()
        seen += re.findall(r"Volodin visit (?:\d+|draft)", body.split('class="records"', 1)[1])
        following = re.search(r'<a href="([^"]+)" rel="next">', body)
        url = urljoin(url, following.group(1).replace("&amp;", "&")) if following else None
        pages += 1
    assert seen == expected and pages == 5
    last = client.get(reverse("relations:delegation-list"), {"q": "volodin", "page": "last"}).content.decode()
    assert "9 delegations match your filters" in last and "Volodin visit 0" in last
    page_four = client.get(reverse("relations:delegation-list"), {"q": "volodin", "page": "4"})
    assert page_four.status_code == 200 and "Volodin visit 2" in page_four.content.decode()
    past = client.get(reverse("relations:delegation-list"), {"q": "volodin", "page": "9"})
    assert past.status_code == 302 and past.url.endswith("page=5")
    csv = b"".join(client.get(reverse("relations:delegation-export"), {"q": "volodin"}).streaming_content)
    assert sorted(re.findall(r"Volodin visit (?:\d+|draft)", csv.decode("utf-8-sig"))) == sorted(expected)
