"""The citation inline: its help says a blank quote is taken from the text, and the form does exactly that;
a quote that is not the text between start and end is refused, and nothing is saved."""

import pytest

from relations.models import Citation
from tests.admin.helpers import change_url, form_data
from tests.factories import ArticleFactory, OfficialFactory

pytestmark = pytest.mark.django_db


def citation_formset(page):
    return next(i for i in page.context["inline_admin_formsets"] if i.formset.model is Citation)


def add_citation(client, record, **row):
    page = client.get(change_url(record))
    data = form_data(page)
    prefix = citation_formset(page).formset.prefix
    n = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(n + 1)
    data.update({f"{prefix}-{n}-{name}": value for name, value in row.items()})
    return client.post(change_url(record), data)


def test_it_says_a_blank_quote_is_taken_from_the_text_and_does_not_require_one(editor_client):
    page = editor_client.get(change_url(OfficialFactory(status="draft")))
    inline = citation_formset(page)
    assert "leave the quote blank" in str(inline.opts.verbose_name_plural)
    assert not inline.formset.empty_form.fields["quote"].required


def test_it_fills_a_blank_quote_with_the_cited_sentence(editor_client):
    article = ArticleFactory(text="First sentence here. Second sentence there.")
    official = OfficialFactory(status="draft")
    response = add_citation(
        editor_client, official, article=str(article.pk), start="21", end="43", quote="", fields=""
    )
    assert response.status_code == 302, response.context["errors"] if response.context else ""
    citation = Citation.objects.get(object_id=official.pk)
    assert (citation.start, citation.end, citation.quote) == (21, 43, "Second sentence there.")
    assert citation.fields == []  # left blank too: no field in particular, not a server error


@pytest.mark.parametrize(
    ("text", "start", "end", "quote", "reason"),
    [
        pytest.param(
            "First sentence here. Second sentence there.", "21", "43", "Made up.",
            "The quote must be exactly the article", id="a quote that is not the text of the span",
        ),
        pytest.param(
            "Short.", "2", "400", "", "The span must lie inside the article",
            id="a blank quote whose span lies outside the text",
        ),
    ],
)  # fmt: skip
def test_it_refuses_a_citation_and_saves_nothing(editor_client, text, start, end, quote, reason):
    official = OfficialFactory(status="draft")
    article = str(ArticleFactory(text=text).pk)
    row = {"article": article, "start": start, "end": end, "quote": quote, "fields": ""}
    response = add_citation(editor_client, official, **row)
    assert response.status_code == 200
    assert reason in response.content.decode()
    assert not Citation.objects.filter(object_id=official.pk).exists()
