"""Source text under published citations never changes unreviewed: a re-import's new text waits for review."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from relations.editorial import workflow
from relations.editorial.models import PendingChange
from relations.models import Article, Citation, Delegation
from tests.admin.conftest import user
from tests.importing.helpers import GOOD, import_, write

pytestmark = pytest.mark.django_db

REWRITTEN = "A visit\nSomeone said something else entirely.\nLe Vinh Tan (VN) visits RU.\n"
LOSING = "A visit\nNobody visited anyone.\n"


@pytest.fixture
def published(tmp_path, fake_extractor):
    """An imported article whose delegation (and its head) a publisher published."""
    path = write(tmp_path, "a.txt", GOOD)
    import_(path)
    workflow.publish(Delegation.objects.all(), by=user("publisher"), with_dependencies=True)
    return path


def test_it_keeps_the_text_published_citations_quote(published):
    article = Article.objects.get()
    published.write_text(LOSING)
    code, out, _ = import_(published)
    assert code == 0
    assert "1 held for review" in out
    article.refresh_from_db()
    assert article.text == GOOD
    for citation in Citation.objects.all():
        assert article.text[citation.start : citation.end] == citation.quote
    public = Client().get(article.get_absolute_url()).content.decode()
    assert "Nobody visited" not in public
    assert "<mark>" in public


def test_it_keeps_the_new_text_for_review_with_the_citations_it_would_lose(published):
    published.write_text(LOSING)
    import_(published)
    change = PendingChange.objects.get()
    assert (change.kind, change.proposed["text"]) == ("text", LOSING)
    client = Client()
    client.force_login(user("publisher"))
    page = client.get(reverse("admin:pending-change", args=[change.pk])).content.decode()
    assert "+Nobody visited anyone." in page
    assert "is lost" in page


def test_it_holds_the_same_new_text_once(published):
    published.write_text(LOSING)
    import_(published)
    import_(published)
    assert PendingChange.objects.count() == 1


def test_it_holds_new_text_uploaded_in_the_admin(published):
    client = Client()
    client.force_login(user("editor"))
    upload = SimpleUploadedFile("a.txt", LOSING.encode(), content_type="text/plain")
    response = client.post(reverse("admin:article-import"), {"files": [upload]})
    assert "1 held for review" in response.content.decode()
    assert Article.objects.get().text == GOOD
    assert PendingChange.objects.get().created_by.username == "editor"


def test_it_moves_the_citations_when_a_publisher_accepts_the_text(published):
    published.write_text(REWRITTEN)
    import_(published)
    workflow.publish_change(PendingChange.objects.get(), by=user("publisher"))
    article = Article.objects.get()
    assert article.text == REWRITTEN
    assert Citation.objects.exists()
    for citation in Citation.objects.all():
        assert article.text[citation.start : citation.end] == citation.quote
    assert Delegation.objects.get().status == "published"


def test_it_removes_the_citations_the_accepted_text_loses(published):
    published.write_text(LOSING)
    import_(published)
    workflow.publish_change(PendingChange.objects.get(), by=user("publisher"))
    assert Article.objects.get().text == LOSING
    assert not Citation.objects.exists()
    assert Client().get(Article.objects.get().get_absolute_url()).status_code == 404


def test_it_keeps_the_text_when_a_publisher_rejects_it(published):
    published.write_text(LOSING)
    import_(published)
    workflow.reject_change(PendingChange.objects.get(), by=user("publisher"))
    assert Article.objects.get().text == GOOD


def test_it_refuses_an_editor_accepting_new_text(published):
    published.write_text(LOSING)
    import_(published)
    with pytest.raises(workflow.PermissionDenied):
        workflow.publish_change(PendingChange.objects.get(), by=user("editor"))
    assert Article.objects.get().text == GOOD


def test_it_still_updates_text_only_drafts_cite(tmp_path, fake_extractor):
    path = write(tmp_path, "a.txt", GOOD)
    import_(path)
    path.write_text(REWRITTEN)
    code, out, _ = import_(path)
    assert "0 new, 1 updated" in out
    assert Article.objects.get().text == REWRITTEN
    assert not PendingChange.objects.exists()
