import re

import pytest
from django.contrib.contenttypes.models import ContentType

from relations.models import Citation
from tests.factories import ArticleFactory, DelegationFactory, MeetingFactory, OfficialFactory

pytestmark = pytest.mark.django_db

TEXT = "First sentence about the visit. Second sentence about talks. Third sentence, uncited."


def cite(record, article, quote):
    start = article.text.index(quote)
    return Citation.objects.create(
        article=article,
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        quote=quote,
        start=start,
        end=start + len(quote),
    )


def test_it_shows_the_article_text_title_and_source_link(fetch):
    article = ArticleFactory(text=TEXT, title="Visit report", source_url="https://news.example.org/visit")
    html = fetch(article.get_absolute_url()).text
    assert "Third sentence, uncited." in html
    assert '<h1 id="record-title">Visit report</h1>' in html
    assert 'href="https://news.example.org/visit"' in html


def test_it_highlights_sentences_cited_by_published_records(fetch):
    article = ArticleFactory(text=TEXT)
    citation = cite(DelegationFactory(status="published"), article, "First sentence about the visit.")
    html = fetch(article.get_absolute_url()).text
    anchor = f'<span id="citation-{citation.pk}" class="anchor"></span>'
    assert f"<mark>{anchor}First sentence about the visit.</mark>" in html


def test_it_does_not_highlight_sentences_cited_only_by_drafts(fetch):
    article = ArticleFactory(text=TEXT)
    cite(MeetingFactory(status="draft"), article, "Second sentence about talks.")
    assert "<mark" not in fetch(article.get_absolute_url()).text


def test_it_lists_only_published_records_that_cite_the_article(fetch):
    article = ArticleFactory(text=TEXT)
    cite(
        OfficialFactory(status="published", name="Published Person"),
        article,
        "First sentence about the visit.",
    )
    cite(OfficialFactory(status="review", name="Person In Review"), article, "Second sentence about talks.")
    html = fetch(article.get_absolute_url()).text
    assert "Published Person" in html
    assert "Person In Review" not in html


def test_it_merges_overlapping_citations_into_one_highlight(fetch):
    article = ArticleFactory(text=TEXT)
    cite(DelegationFactory(status="published"), article, "First sentence about the visit.")
    cite(MeetingFactory(status="published"), article, "about the visit. Second sentence")
    html = fetch(article.get_absolute_url()).text
    assert re.search(
        r"<mark>(<span[^>]*></span>){2}First sentence about the visit. Second sentence</mark>", html
    )


def test_it_answers_404_for_an_unknown_article(client):
    assert client.get("/articles/no-such-article/").status_code == 404
