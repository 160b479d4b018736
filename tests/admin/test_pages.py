"""Every admin page an editor uses renders, with what it is for."""

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

FACTORIES = {
    "relations_delegation": DelegationFactory,
    "relations_meeting": MeetingFactory,
    "people_official": OfficialFactory,
    "people_organization": OrganizationFactory,
    "agreements_agreement": AgreementFactory,
}


@pytest.mark.parametrize("name", FACTORIES)
def test_it_lists_each_curated_type(super_client, name):
    obj = FACTORIES[name](cited_in=ArticleFactory())
    response = super_client.get(reverse(f"admin:{name}_changelist"))
    assert response.status_code == 200
    assert str(obj) in response.content.decode()


@pytest.mark.parametrize("name", FACTORIES)
def test_it_shows_each_change_form_with_its_sources(super_client, name):
    article = ArticleFactory(title="Talks in Moscow", text="Talks in Moscow. The two sides met on Friday.")
    obj = FACTORIES[name](cited_in=article)
    response = super_client.get(reverse(f"admin:{name}_change", args=[obj.pk]))
    assert response.status_code == 200
    assert "<mark>Talks in Moscow.</mark>" in response.content.decode()


@pytest.mark.parametrize("name", FACTORIES)
def test_it_shows_each_add_form(super_client, name):
    assert super_client.get(reverse(f"admin:{name}_add")).status_code == 200


@pytest.mark.parametrize("name", FACTORIES)
def test_it_shows_each_history(super_client, name):
    obj = FACTORIES[name]()
    assert super_client.get(reverse(f"admin:{name}_history", args=[obj.pk])).status_code == 200


def test_it_shows_the_admin_home_with_the_review_queue_link(super_client):
    response = super_client.get(reverse("admin:index"))
    assert reverse("admin:review-queue") in response.content.decode()


def test_it_lists_articles(super_client):
    ArticleFactory(key="tass-2019-08-07")
    response = super_client.get(reverse("admin:relations_article_changelist"))
    assert "tass-2019-08-07" in response.content.decode()


def test_it_shows_the_records_extracted_from_an_article(super_client):
    article = ArticleFactory()
    official = OfficialFactory(name="Lê Vĩnh Tân", cited_in=article)
    response = super_client.get(reverse("admin:relations_article_change", args=[article.pk]))
    assert reverse("admin:people_official_change", args=[official.pk]) in response.content.decode()


def test_it_highlights_the_cited_sentences_in_the_article_text(super_client):
    article = ArticleFactory(title="Talks", text="Talks. More text follows here.")
    OfficialFactory(cited_in=article)
    response = super_client.get(reverse("admin:relations_article_change", args=[article.pk]))
    assert "<mark>Talks.</mark> More text follows here." in response.content.decode()


def test_it_autocompletes_officials_for_the_delegation_head(super_client):
    OfficialFactory(name="Phạm Minh Chính")
    response = super_client.get(
        reverse("admin:autocomplete"),
        {"term": "pham minh", "app_label": "relations", "model_name": "delegation", "field_name": "head"},
    )
    assert [r["text"] for r in response.json()["results"]] == ["Phạm Minh Chính"]


@pytest.mark.parametrize("flags", [[], ["low confidence"]])
def test_it_shows_a_low_confidence_once_whether_or_not_the_importer_flagged_it(super_client, flags):
    official = OfficialFactory(confidence=0.3, flags=flags)
    html = super_client.get(reverse("admin:people_official_change", args=[official.pk])).content.decode()
    assert html.count('<span class="editorial-flag">low confidence</span>') == 1
