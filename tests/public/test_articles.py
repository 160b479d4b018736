import re

import pytest

from relations.models import Article, Citation
from tests.factories import ArticleFactory, DelegationFactory, MeetingFactory, OfficialFactory, cite

pytestmark = pytest.mark.django_db

TEXT = "First sentence about the visit. Second sentence about talks. Third sentence, uncited."


def test_it_shows_the_article_text_title_and_source_link(fetch):
    article = ArticleFactory(text=TEXT, title="Visit report", source_url="https://news.example.org/visit")
    cite(DelegationFactory(status="published"), article, "First sentence about the visit.")
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
    cite(DelegationFactory(status="published"), article, "First sentence about the visit.")
    cite(MeetingFactory(status="draft"), article, "Second sentence about talks.")
    assert "<mark>Second sentence" not in fetch(article.get_absolute_url()).text


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


ARTICLES = "/articles/"
ARTICLE_LIST_QUERIES = 1 + 5  # publication version; count, page, citations; delegations, officials cited


def test_it_lists_only_articles_that_a_published_record_cites(fetch):
    cited = ArticleFactory(text=TEXT, title="Cited report")
    by_draft = ArticleFactory(text=TEXT + " Draft.", title="Cited by a draft only")
    ArticleFactory(text=TEXT + " None.", title="Cited by nothing")
    cite(
        DelegationFactory(status="published", title="Published visit"),
        cited,
        "First sentence about the visit.",
    )
    cite(DelegationFactory(status="draft"), by_draft, "First sentence about the visit.")
    html = fetch(ARTICLES).text
    assert "1 cited article" in html
    assert "Cited report" in html
    assert "Cited by a draft only" not in html
    assert "Cited by nothing" not in html
    assert ">Published visit</a></li>" in html


def test_it_names_each_articles_outlet_date_and_the_records_citing_it(fetch):
    article = ArticleFactory(
        text=TEXT, title="Visit report", source_url="https://www.vietnamplus.vn/visit.html"
    )
    cite(MeetingFactory(status="published", title="Talks in Moscow"), article, "Second sentence about talks.")
    cite(OfficialFactory(status="published", name="Lê Vĩnh Tân"), article, "First sentence about the visit.")
    html = fetch(ARTICLES).text
    assert '<a class="external" href="https://www.vietnamplus.vn/visit.html"' in html
    assert ">vietnamplus.vn</a>" in html
    assert '<time datetime="2019-08-07">7 August 2019</time>' in html
    assert ">Talks in Moscow</a></li>" in html and ">Lê Vĩnh Tân</a></li>" in html


def test_it_lists_in_as_many_queries_for_1_article_as_for_10(client, django_assert_num_queries):
    def make(n):
        for _ in range(n):
            article = ArticleFactory(title="", text=f"{TEXT} {Article.objects.count()}")
            cite(DelegationFactory(status="published"), article, "First sentence about the visit.")
            cite(OfficialFactory(status="published"), article, "Second sentence about talks.")

    make(1)
    client.get(ARTICLES)  # content types, looked up once per process
    with django_assert_num_queries(ARTICLE_LIST_QUERIES):
        client.get(ARTICLES)
    make(9)
    with django_assert_num_queries(ARTICLE_LIST_QUERIES):
        client.get(ARTICLES)


def test_the_sources_breadcrumb_leads_to_the_list(fetch):
    article = ArticleFactory(text=TEXT)
    cite(DelegationFactory(status="published"), article, "First sentence about the visit.")
    assert f'<li><a href="{ARTICLES}">Sources</a></li>' in fetch(article.get_absolute_url()).text


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("Home Affairs Minister visits Russia", "Home Affairs Minister visits Russia"),
        ("At the working session in Moscow (Photo: VNA)", "news.example.org report, 7 August 2019"),
        ("A delegation from the Ministry of Home Affairs led by…", "news.example.org report, 7 August 2019"),
        ("", "news.example.org report, 7 August 2019"),
    ],
)
def test_it_heads_an_article_with_a_headline_never_a_caption(fetch, title, headline):
    article = ArticleFactory(text=TEXT, title=title)
    cite(DelegationFactory(status="published"), article, "First sentence about the visit.")
    assert f'<h1 id="record-title">{headline}</h1>' in fetch(article.get_absolute_url()).text


def test_it_names_the_agency_when_the_original_is_unknown():
    article = ArticleFactory.build(text="Hanoi (VNA) – A delegation left.", source_url="", title="")
    assert article.outlet == "VNA"


def test_it_shows_the_text_without_its_header_line(fetch):
    text = "date 2023-06-15 A delegation from the Party Committee worked in Moscow. The talks went well."
    article = ArticleFactory(text=text, title="")
    citation = cite(DelegationFactory(status="published"), article, "The talks went well.")
    html = fetch(article.get_absolute_url()).text
    body = html.split('<div class="article-text"', 1)[1].split("</div>", 1)[0]
    assert "2023-06-15" not in body
    assert '">A delegation from the Party Committee worked in Moscow. <mark>' in body
    assert f'id="citation-{citation.pk}"' in body


def test_it_serves_an_article_whose_key_has_folders(fetch):
    """Keys are paths from the folder imported (2022/001): the page and the links to it still work."""
    article = ArticleFactory(key="2022/001", text=TEXT, title="Visit report of 2022")
    delegation = DelegationFactory(status="published")
    cite(delegation, article, "First sentence about the visit.")
    assert article.get_absolute_url() == "/articles/2022/001/"
    assert "Visit report of 2022" in fetch(article.get_absolute_url()).text
    assert "/articles/2022/001/" in fetch(delegation.get_absolute_url()).text


def test_a_source_says_in_words_which_fields_it_supports(fetch):
    article = ArticleFactory(text=TEXT)
    delegation = DelegationFactory(status="published")
    citation = cite(delegation, article, "First sentence about the visit.")
    Citation.objects.filter(pk=citation.pk).update(fields=["from_country", "head", "to_country"])
    html = fetch(delegation.get_absolute_url()).text
    assert "Supports: country of origin, who led it, destination" in html
