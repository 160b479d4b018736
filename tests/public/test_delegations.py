import datetime

import pytest
from django.urls import reverse

from tests.factories import (
    ArticleFactory,
    DelegationFactory,
    OfficialFactory,
    OrganizationFactory,
)
from tests.public.helpers import listed

pytestmark = pytest.mark.django_db

LIST = reverse("relations:delegation-list")


def test_it_finds_diacritics_with_plain_letters(fetch):
    head = OfficialFactory(status="published", name="Phạm Minh Chính")
    DelegationFactory(status="published", head=head, title="Official visit of the Prime Minister")
    DelegationFactory(status="published", title="Another visit")
    assert listed(fetch(LIST, q="Pham Minh Chinh")) == ["Official visit of the Prime Minister"]


def test_it_finds_d_stroke_with_d(fetch):
    head = OfficialFactory(status="published", name="Đặng Thị Ngọc Thịnh")
    DelegationFactory(status="published", head=head, title="Visit of the Vice President")
    DelegationFactory(status="published", title="Another visit")
    assert listed(fetch(LIST, q="dang")) == ["Visit of the Vice President"]


def test_it_searches_regardless_of_case_and_accents_in_the_query(fetch):
    DelegationFactory(status="published", place="Hà Nội", title="Visit to the capital")
    assert listed(fetch(LIST, q="HÀ NOI")) == ["Visit to the capital"]


def test_it_filters_by_date_range_overlap(fetch):
    kw = {"status": "published"}
    DelegationFactory(
        **kw, title="Before", start_date=datetime.date(2019, 1, 1), end_date=datetime.date(2019, 1, 5)
    )
    DelegationFactory(
        **kw, title="Across", start_date=datetime.date(2019, 2, 27), end_date=datetime.date(2019, 3, 2)
    )
    DelegationFactory(**kw, title="After", start_date=datetime.date(2019, 6, 1), end_date=None)
    response = fetch(LIST, date_from="2019-03-01", date_to="2019-03-31")
    assert listed(response) == ["Across"]


def test_it_filters_by_organization_sending_or_hosting(fetch):
    ministry = OrganizationFactory(status="published", name="Ministry of Home Affairs")
    DelegationFactory(status="published", sending_body=ministry, title="Sent")
    DelegationFactory(status="published", host_body=ministry, title="Hosted")
    DelegationFactory(status="published", title="Unrelated")
    assert sorted(listed(fetch(LIST, organization=ministry.slug))) == ["Hosted", "Sent"]


def test_it_filters_by_official_as_head_or_member(fetch):
    official = OfficialFactory(status="published")
    DelegationFactory(status="published", head=official, title="Led")
    DelegationFactory(status="published", members=[official], title="Joined")
    DelegationFactory(status="published", title="Unrelated")
    assert sorted(listed(fetch(LIST, official=official.slug))) == ["Joined", "Led"]


def test_it_filters_by_words_of_an_officials_name_ignoring_accents(fetch):
    dang = OfficialFactory(status="published", name="Đặng Thị Hoa")
    other_dang = OfficialFactory(status="published", name="Đặng Văn Minh")
    DelegationFactory(status="published", head=dang, title="Hoa's")
    DelegationFactory(status="published", members=[other_dang], title="Minh's")
    DelegationFactory(
        status="published", head=OfficialFactory(status="published", name="Ivan Petrov"), title="Other"
    )
    assert sorted(listed(fetch(LIST, official="dang"))) == ["Hoa's", "Minh's"]
    assert listed(fetch(LIST, official="Dang Thi")) == ["Hoa's"]
    assert listed(fetch(LIST, official="Nobody Atall")) == []


def test_a_slug_names_one_official_even_when_others_share_the_word(fetch):
    exact = OfficialFactory(status="published", name="Lavrov")
    DelegationFactory(status="published", head=exact, title="Exact")
    DelegationFactory(
        status="published", head=OfficialFactory(status="published", name="Lavrov Junior"), title="Other"
    )
    assert exact.slug == "lavrov"
    assert listed(fetch(LIST, official="lavrov")) == ["Exact"]


@pytest.mark.parametrize("by", ["slug", "name"])
def test_a_draft_official_is_neither_offered_nor_found(fetch, by):
    secret = OfficialFactory(status="draft", name="Secret Person")
    DelegationFactory(status="published", head=secret, title="Led by a draft")
    assert "Secret Person" not in fetch(LIST).text
    assert listed(fetch(LIST, official=secret.slug if by == "slug" else "Secret Person")) == []


def test_an_organization_is_found_by_its_acronym(fetch):
    ministry = OrganizationFactory(status="published", name="Ministry of Home Affairs", acronym="MOHA")
    DelegationFactory(status="published", sending_body=ministry, title="Sent")
    DelegationFactory(status="published", title="Unrelated")
    assert listed(fetch(LIST, organization="moha")) == ["Sent"]


def test_it_shows_nothing_for_an_unknown_organization(fetch):
    DelegationFactory(status="published")
    assert listed(fetch(LIST, organization="no-such-body")) == []


def test_it_sorts_by_date_newest_first_by_default(fetch):
    DelegationFactory(status="published", title="Old", start_date=datetime.date(2001, 1, 1), end_date=None)
    DelegationFactory(status="published", title="New", start_date=datetime.date(2020, 1, 1), end_date=None)
    assert listed(fetch(LIST)) == ["New", "Old"]


def test_it_paginates_by_25(fetch):
    DelegationFactory.create_batch(26, status="published")
    assert len(fetch(LIST).context["object_list"]) == 25


def test_it_keeps_the_filters_in_the_pagination_links(fetch):
    DelegationFactory.create_batch(26, status="published", from_country="RU", to_country="VN")
    assert "?from_country=RU&amp;page=2" in fetch(LIST, from_country="RU").text


def test_it_links_the_export_with_the_same_filters(fetch):
    html = fetch(LIST, from_country="RU", page=1).text
    assert reverse("relations:delegation-export") + "?from_country=RU" in html


def test_it_hides_a_draft_head_on_a_published_delegation(fetch):
    head = OfficialFactory(status="draft", name="Unreviewed Head")
    delegation = DelegationFactory(status="published", head=head)
    assert "Unreviewed Head" not in fetch(LIST).text
    assert "Unreviewed Head" not in fetch(delegation.get_absolute_url()).text


def test_it_links_each_source_to_its_sentence_in_the_article(fetch):
    article = ArticleFactory()
    delegation = DelegationFactory(status="published", cited_in=article)
    citation = delegation.citations.get()
    html = fetch(delegation.get_absolute_url()).text
    assert f'href="{article.get_absolute_url()}#citation-{citation.pk}"' in html


def test_it_shows_dates_at_their_precision(fetch):
    delegation = DelegationFactory(
        status="published", start_date=datetime.date(2019, 8, 1), start_precision="month", end_date=None
    )
    assert "August 2019" in fetch(delegation.get_absolute_url()).text


def test_it_shows_the_name_of_an_official_named_by_its_slug_in_the_box(fetch):
    tan = OfficialFactory(status="published", name="Lê Vĩnh Tân")
    DelegationFactory(status="published", head=tan, title="Led")
    html = fetch(LIST, official=tan.slug).text
    assert 'name="official" value="Lê Vĩnh Tân"' in html
    assert f'value="{tan.slug}"' not in html


def test_the_name_the_box_shows_finds_that_official_and_not_the_others_with_its_words(fetch):
    tan = OfficialFactory(status="published", name="Lê Vĩnh Tân")
    DelegationFactory(status="published", head=tan, title="Led")
    namesake = OfficialFactory(status="published", name="Lê Vĩnh Tân Hùng")
    DelegationFactory(status="published", head=namesake, title="Other")
    assert listed(fetch(LIST, official="Lê Vĩnh Tân")) == ["Led"]
    assert sorted(listed(fetch(LIST, official="vinh tan"))) == ["Led", "Other"]


def test_it_shows_the_name_of_an_organization_named_by_its_slug_in_the_box(fetch):
    ministry = OrganizationFactory(status="published", name="Ministry of Home Affairs", acronym="MOHA")
    DelegationFactory(status="published", sending_body=ministry, title="Sent")
    html = fetch(LIST, organization=ministry.slug).text
    assert 'name="organization" value="Ministry of Home Affairs"' in html
    assert listed(fetch(LIST, organization="Ministry of Home Affairs")) == ["Sent"]
