"""``/search/``: every published record type at once, accent- and case-insensitive, grouped by type."""

import pytest
from django.urls import reverse

from relations.templatetags.public import highlight, highlight_spans
from tests.factories import (
    AgreementFactory,
    DelegationFactory,
    MeetingFactory,
    OfficialFactory,
    OrganizationFactory,
)

pytestmark = pytest.mark.django_db

SEARCH = reverse("relations:search")
SEARCH_QUERIES = 1 + 12  # the publication version; a count and first records per type; heads; participants


def test_it_finds_every_type_of_record_without_accents(fetch):
    OfficialFactory(status="published", name="Đặng Thị Ngọc Thịnh")
    OrganizationFactory(status="published", name="Đặng Foundation")
    DelegationFactory(status="published", title="Đặng visit to Moscow")
    MeetingFactory(status="published", title="Talks with ĐẶNG")
    AgreementFactory(status="published", title="Đặng memorandum")
    html = fetch(SEARCH, q="dang").text
    assert "5 records match “dang”" in html
    for heading in ["Delegations", "Meetings", "Agreements", "Officials", "Organizations"]:
        assert f'{heading} <span class="count">1</span></h3>' in html


def test_it_leaves_unpublished_records_out(fetch):
    OfficialFactory(status="published", name="Published Lavrov")
    for status in ["draft", "review", "archived"]:
        OfficialFactory(status=status, name=f"Hidden Lavrov {status}")
    html = fetch(SEARCH, q="lavrov").text
    assert "1 record match" in html
    assert "Hidden" not in html


def test_it_marks_the_matched_words_in_each_name(fetch):
    OfficialFactory(status="published", name="Phạm Minh Chính")
    html = fetch(SEARCH, q="pham chinh").text
    assert "<mark>Phạm</mark> Minh <mark>Chính</mark>" in html


def test_it_links_each_group_to_its_list_filtered_by_the_same_words(client, fetch):
    OfficialFactory.create_batch(7, status="published", name="Nguyễn Văn Minh")
    html = fetch(SEARCH, q="nguyen minh").text
    link = reverse("people:official-list") + "?q=nguyen+minh"
    assert f'href="{link}">All 7 officials matching “nguyen minh”' in html
    assert html.count('<li><a href="/officials/nguyen-van-minh') == 5
    listed = client.get(link).content.decode()
    assert "7 officials match your filters" in listed


def test_it_says_when_nothing_matches(fetch):
    OfficialFactory(status="published", name="Phạm Minh Chính")
    html = fetch(SEARCH, q="zzzz").text
    assert "Nothing matches “zzzz”" in html


def test_it_shows_only_the_form_without_words(fetch):
    OfficialFactory(status="published", name="Phạm Minh Chính")
    html = fetch(SEARCH).text
    assert 'id="search-q"' in html
    assert "Phạm" not in html


def test_it_refuses_an_overlong_query_with_a_message(client):
    response = client.get(SEARCH, {"q": "x" * 201})
    assert response.status_code == 400
    assert "at most 200 characters" in response.content.decode()


def test_it_searches_in_as_many_queries_for_1_match_as_for_10(client, django_assert_num_queries):
    def make(n):
        OfficialFactory.create_batch(n, status="published", name="Volodin")
        DelegationFactory.create_batch(n, status="published", title="Volodin visit")
        MeetingFactory.create_batch(n, status="published", title="Volodin talks", participants=2)

    make(1)
    with django_assert_num_queries(SEARCH_QUERIES):
        client.get(SEARCH, {"q": "volodin"})
    make(9)
    with django_assert_num_queries(SEARCH_QUERIES):
        client.get(SEARCH, {"q": "volodin"})


def test_the_home_page_search_box_searches_everything(fetch):
    html = fetch(reverse("relations:home")).text
    assert f'action="{SEARCH}"' in html


@pytest.mark.parametrize(
    ("text", "q", "marked"),
    [
        ("Phạm Minh Chính", "PHAM", ["Phạm"]),
        ("Đặng Thị", "dang thi", ["Đặng", "Thị"]),
        ("Nguyễn Văn Nam", "van", ["Văn"]),
        ("Talks in Moscow", "mos talks", ["Talks", "Mos"]),
        ("Lavrov", "putin", []),
        ("Vietnam → Russia delegation", "le", []),  # the beginnings of words only
        ("Delegation of Lê", "le", ["Lê"]),
    ],
)
def test_it_finds_the_spans_to_mark(text, q, marked):
    assert [text[s:e] for s, e in highlight_spans(text, q)] == marked


def test_it_escapes_what_it_marks():
    assert highlight("<b>Ivan</b>", "ivan") == "&lt;b&gt;<mark>Ivan</mark>&lt;/b&gt;"


def test_it_shows_the_name_a_delegation_was_found_by(fetch):
    DelegationFactory(status="published", head__name="Lê Vĩnh Tân")
    html = fetch(SEARCH, q="le vinh tan").text
    assert "Led by <mark>Lê</mark> <mark>Vĩnh</mark> <mark>Tân</mark>" in html
