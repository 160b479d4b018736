"""Every route that could change a cited article's title, date, outlet or address: the change form and a
history revert wait for a publisher; a table import, the delete page and the "delete selected" action are
refused. After each, the public article page still shows what it showed."""

import io

import pytest
import tablib
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import NoReverseMatch, reverse
from reversion.models import Version

from relations.editorial.models import PendingChange
from relations.models import Article, Citation
from relations.resources import ArticleResource
from tests.admin.helpers import action, form_data, post_change
from tests.factories import ArticleFactory, DelegationFactory

pytestmark = pytest.mark.django_db

TITLE, URL = "Ministers meet in Hanoi", "https://news.example.org/hanoi"


@pytest.fixture
def cited():
    """An article a published delegation cites: public, its page at /articles/<key>/."""
    article = ArticleFactory(title=TITLE, source_url=URL)
    DelegationFactory(status="published", cited_in=article)
    return article


def public_page(article) -> str:
    response = Client().get(article.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def unchanged(article) -> None:
    fresh = Article.objects.get(pk=article.pk)
    assert (fresh.title, fresh.source_url, fresh.published_on) == (TITLE, URL, article.published_on)
    assert Citation.objects.filter(article=article).count() == 1
    page = public_page(article)
    assert TITLE in page and "news.example.org" in page


def test_it_holds_back_an_editors_history_revert_of_a_cited_article(editor_client, publisher_client, cited):
    with_history = {"title": "An earlier title"}
    post_change(publisher_client, cited, **with_history)  # a publisher's live change: a version to revert to
    post_change(publisher_client, cited, title=TITLE)
    old = Version.objects.get_for_object(cited).filter(serialized_data__contains="An earlier title").first()
    assert old is not None
    url = reverse("admin:relations_article_revision", args=[cited.pk, old.pk])
    page = editor_client.get(url)
    response = editor_client.post(url, form_data(page))
    assert response.status_code == 302
    unchanged(cited)
    change = PendingChange.objects.get(object_id=cited.pk, content_type__model="article")
    assert (change.route, change.proposed["fields"]["title"]) == ("history revert", "An earlier title")


def test_it_offers_no_table_import_of_articles_in_the_admin(editor_client, cited):
    with pytest.raises(NoReverseMatch):
        reverse("admin:relations_article_import")
    response = editor_client.post("/admin/relations/article/import/", {})
    assert response.status_code in (302, 404)  # no such page (the change view of an unknown pk redirects)
    unchanged(cited)


def test_it_refuses_a_table_import_of_articles_from_the_command_line(cited, tmp_path):
    path = tmp_path / "articles.csv"
    path.write_text(f"id,key,title,published_on,date_precision,source_url,needs_review\n{cited.pk},{cited.key},"
                    f"Another title,,,https://elsewhere.example.com/x,0\n")  # fmt: skip
    with pytest.raises(CommandError, match="articles are imported from their files"):
        call_command(
            "import", "relations.resources.ArticleResource", str(path), "--no-input", stderr=io.StringIO()
        )
    unchanged(cited)


def test_it_refuses_a_table_import_of_articles_through_the_resource(cited):
    dataset = tablib.Dataset(headers=["id", "key", "title"])
    dataset.append([cited.pk, cited.key, "Another title"])
    result = ArticleResource().import_data(dataset, dry_run=False)
    assert result.has_errors()
    assert "Articles are not imported from a table" in repr(result.base_errors[0].error)
    unchanged(cited)


def test_it_gives_an_editor_no_delete_action_on_articles(editor_client, cited):
    response = action(editor_client, Article, "delete_selected", [cited])
    assert Article.objects.filter(pk=cited.pk).exists()
    assert response.status_code in (200, 302, 403)
    unchanged(cited)


def test_it_refuses_a_publisher_deleting_a_cited_article_with_the_records_that_cite_it(
    publisher_client, cited
):
    response = publisher_client.post(
        reverse("admin:relations_article_changelist"),
        {"action": "delete_selected", "_selected_action": [str(cited.pk)], "post": "yes"},
    )
    assert response.status_code == 200
    assert f"cites article {cited.key}" in response.content.decode()
    unchanged(cited)
    page = publisher_client.post(reverse("admin:relations_article_delete", args=[cited.pk]), {"post": "yes"})
    assert page.status_code == 200
    assert f"cites article {cited.key}" in page.content.decode()
    unchanged(cited)


def test_it_lets_a_publisher_delete_an_article_only_drafts_cite(publisher_client):
    article = ArticleFactory()
    DelegationFactory(status="draft", cited_in=article)
    response = publisher_client.post(
        reverse("admin:relations_article_delete", args=[article.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Article.objects.filter(pk=article.pk).exists()


def test_it_holds_back_an_editors_change_of_every_field_readers_see(editor_client, cited):
    post_change(
        editor_client,
        cited,
        title="Changed",
        source_url="https://elsewhere.example.com/x",
        published_on="2001-01-01",
    )
    unchanged(cited)
    proposed = PendingChange.objects.get(object_id=cited.pk, content_type__model="article").proposed["fields"]
    assert (proposed["title"], proposed["source_url"], proposed["published_on"]) == (
        "Changed",
        "https://elsewhere.example.com/x",
        "2001-01-01",
    )
