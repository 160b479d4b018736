"""The review page of new text for a cited article shows what accepting it would change in the records
(fields before → after), works it out without saving anything, and runs no query per record."""

import pytest
import reversion
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from reversion.models import Version

from people.models import Official
from relations.editorial import publication, workflow
from relations.editorial.models import PendingChange
from relations.importing.run import apply_article_text
from relations.models import Article, Citation, Delegation
from tests.importing.helpers import GOOD, import_, write
from tests.importing.test_article_text import user

pytestmark = pytest.mark.django_db

LONGER = "A longer visit\nLe Vinh Tan (VN) visits RU.\n"


def new_lines(n: int) -> str:
    names = ["Tran Van Be", "Pham Thi Cuc", "Do Van Dan", "Vu Thi Em"]
    return "".join(f"{name} (VN) visits CN.\n" for name in names[:n])


@pytest.fixture
def cited(tmp_path, fake_extractor):
    """An imported article whose official a publisher published; its delegation and meeting are drafts."""
    path = write(tmp_path, "a.txt", GOOD)
    import_(path)
    workflow.publish(Official.objects.all(), by=user("publisher"))
    return path


def hold(path, text: str) -> PendingChange:
    path.write_text(text)
    code, out, _ = import_(path)
    assert "1 held for review" in out
    return PendingChange.objects.get(kind="text")


def publisher_client() -> Client:
    client = Client()
    client.force_login(user("publisher"))
    return client


def page(change, client: Client | None = None) -> tuple[int, str]:
    response = (client or publisher_client()).get(reverse("admin:pending-change", args=[change.pk]))
    return response.status_code, response.content.decode()


def state() -> dict:
    return {
        "articles": list(Article.objects.values_list("pk", "title", "text", "updated_at")),
        "officials": list(Official.objects.values_list("pk", "name", "status", "updated_at")),
        "delegations": list(Delegation.objects.values_list("pk", "purpose", "status", "updated_at")),
        "citations": list(Citation.objects.order_by("pk").values_list("pk", "start", "end", "quote")),
        "changes": list(PendingChange.objects.values_list("pk", "state")),
        "versions": Version.objects.count(),
        "publication": publication.current().number,
    }


def test_it_shows_what_accepting_the_text_changes_in_the_records(cited):
    change = hold(cited, LONGER + new_lines(1))
    before = state()
    code, html = page(change)
    assert code == 200
    assert state() == before  # worked out, then rolled back: nothing saved, nothing public
    effects = html[html.index("What accepting it changes in the records") :]
    # The article's own fields, read again from the text.
    assert "<del>A visit</del>" in effects and "<ins>A longer visit</ins>" in effects
    # A draft the article cites takes the new values; a record it now names is created as a draft.
    delegation = Delegation.objects.get()
    assert f"Delegation “{delegation}” (draft)" in effects
    assert "Purpose" in effects
    assert "created as a draft" in effects
    assert "<ins>Tran Van Be</ins>" in effects  # the new delegation's head: the new official, by name
    assert "(deleted)" not in effects
    assert not Official.objects.filter(name="Tran Van Be").exists()


def test_what_it_shows_is_what_accepting_does(cited):
    change = hold(cited, LONGER + new_lines(1))
    _, html = page(change)
    assert "<ins>A longer visit</ins>" in html and "Tran Van Be" in html
    workflow.publish_change(change, by=user("publisher"))
    assert Article.objects.get().title == "A longer visit"
    assert Delegation.objects.get(to_country="RU").purpose == "A longer visit"
    assert Official.objects.get(name="Tran Van Be").status == "draft"


def test_it_names_the_reason_accepting_would_be_refused(cited, tmp_path):
    change = hold(cited, LONGER)
    write(tmp_path, "b.txt", LONGER)  # another article with that very text
    import_(tmp_path / "b.txt")
    before = state()
    code, html = page(change)
    assert code == 200
    assert "has the same text; reject this change" in html
    assert state() == before


def test_a_decided_change_shows_no_preview(cited):
    change = hold(cited, LONGER)
    workflow.reject_change(change, by=user("publisher"))
    code, html = page(change)
    assert code == 200
    assert "What accepting it changes" not in html


def applier_queries(change) -> int:
    """The queries accepting the text runs by itself (done and rolled back)."""
    article = Article.objects.get(pk=change.object_id)
    with CaptureQueriesContext(connection) as queries:
        try:
            with transaction.atomic(), reversion.create_revision(manage_manually=True):
                apply_article_text(article, change.proposed["text"])
                raise RuntimeError
        except RuntimeError:
            pass
    return len(queries)


# The page's own queries, besides the applier's: session and user, the change, the record, the citations'
# fates, and for the preview the versions before and after (per type of record, many-to-many field and
# inline relation), the pending changes proposed, and the names shown (per related type). None per record.
PAGE_QUERIES = 46


@pytest.mark.parametrize("n", [1, 4])
def test_it_runs_as_many_queries_of_its_own_for_1_new_record_as_for_4(cited, django_assert_num_queries, n):
    change = hold(cited, LONGER + new_lines(n))
    client = publisher_client()
    page(change, client)  # warm the content type cache
    applier = applier_queries(change)
    with django_assert_num_queries(applier + PAGE_QUERIES):
        code, html = page(change, client)
    assert code == 200
    assert html.count("created as a draft") >= n
