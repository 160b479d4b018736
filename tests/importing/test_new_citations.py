"""A new article that cites published records: its citations of them wait for a publisher, like any change to
a published record. Until one accepts, neither the record's page nor the article's page shows anything new."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse

from people.models import Official
from relations.editorial import workflow
from relations.editorial.models import PendingChange
from relations.models import Article, Citation, Delegation
from tests.admin.conftest import user
from tests.importing.helpers import GOOD, import_, write

pytestmark = pytest.mark.django_db

LATER = "Another report\nLe Vinh Tan (VN) visits RU.\n"
LATER_REWORDED = "Another report, reworded\n\nLe Vinh Tan (VN) visits RU.\n"
THIRD = "A third report\nLe Vinh Tan (VN) visits RU.\n"


@pytest.fixture
def tan(tmp_path, fake_extractor):
    """A published official (with the delegation he led), cited by the article imported first."""
    import_(write(tmp_path, "first.txt", GOOD))
    workflow.publish(Delegation.objects.all(), by=user("publisher"), with_dependencies=True)
    official = Official.objects.get()
    assert official.status == "published"
    return official


def citations_of(record, article_key: str):
    return Citation.objects.filter(
        content_type=ContentType.objects.get_for_model(record), object_id=record.pk, article__key=article_key
    )


def test_it_holds_back_a_new_articles_citation_of_a_published_record(tmp_path, tan):
    code, out, _ = import_(write(tmp_path, "later.txt", LATER))
    assert code == 0
    assert "New citations of 1 published record(s) wait for a publisher" in out
    assert not citations_of(tan, "later").exists()
    change = PendingChange.objects.get(object_id=tan.pk, content_type__model="official")
    assert (change.state, change.route, change.created_by) == ("pending", "article import (later)", None)
    [added] = [row for row in change.proposed["children"]["citations"] if row["pk"] is None]
    assert added["fields"]["article"] == Article.objects.get(key="later").pk
    assert added["fields"]["quote"] == "Le Vinh Tan (VN) visits RU."


def test_it_keeps_the_new_article_and_its_quote_off_the_public_site(tmp_path, tan):
    import_(write(tmp_path, "later.txt", LATER))
    client = Client()
    assert client.get(reverse("relations:article-detail", args=["later"])).status_code == 404
    assert "Another report" not in client.get(reverse("relations:article-list")).content.decode()
    page = client.get(tan.get_absolute_url())
    assert page.status_code == 200
    assert "Another report" not in page.content.decode()
    assert reverse("relations:article-detail", args=["later"]) not in page.content.decode()


def test_it_lists_the_held_citation_for_the_publisher(tmp_path, tan):
    import_(write(tmp_path, "later.txt", LATER))
    change = PendingChange.objects.get(object_id=tan.pk, content_type__model="official")
    client = Client()
    client.force_login(user("publisher"))
    listing = client.get(reverse("admin:pending-changes")).content.decode()
    assert reverse("admin:pending-change", args=[change.pk]) in listing
    detail = client.get(reverse("admin:pending-change", args=[change.pk])).content.decode()
    assert "Le Vinh Tan (VN) visits RU." in detail


def test_it_shows_the_citation_once_a_publisher_accepts_it(tmp_path, tan):
    import_(write(tmp_path, "later.txt", LATER))
    change = PendingChange.objects.get(object_id=tan.pk, content_type__model="official")
    workflow.publish_change(change, by=user("publisher"))
    [citation] = citations_of(tan, "later")
    article = Article.objects.get(key="later")
    assert article.text[citation.start : citation.end] == citation.quote
    client = Client()
    assert client.get(reverse("relations:article-detail", args=["later"])).status_code == 200
    assert "Another report" in client.get(tan.get_absolute_url()).content.decode()


def test_it_lets_two_articles_citations_of_one_record_be_published_one_after_the_other(tmp_path, tan):
    import_(write(tmp_path, "later.txt", LATER), write(tmp_path, "third.txt", THIRD))
    changes = PendingChange.objects.filter(object_id=tan.pk, content_type__model="official").order_by("pk")
    assert changes.count() == 2
    for change in changes:
        workflow.publish_change(change, by=user("publisher"))
    assert citations_of(tan, "later").count() == citations_of(tan, "third").count() == 1
    assert citations_of(tan, "first").count() == 1  # the first article's citation stays


def test_it_proposes_once_and_again_only_for_new_text(tmp_path, tan):
    path = write(tmp_path, "later.txt", LATER)
    import_(path)
    import_(path)  # unchanged: nothing new
    first = PendingChange.objects.get(object_id=tan.pk, content_type__model="official")
    path.write_text(LATER_REWORDED)
    import_(path)  # the article only drafts cite is rewritten: its earlier proposal points into old text
    first.refresh_from_db()
    assert first.state == "rejected"
    current = PendingChange.objects.get(object_id=tan.pk, content_type__model="official", state="pending")
    [added] = [row for row in current.proposed["children"]["citations"] if row["pk"] is None]
    text = Article.objects.get(key="later").text
    assert text[added["fields"]["start"] : added["fields"]["end"]] == added["fields"]["quote"]


def test_it_holds_nothing_back_in_a_dry_run(tmp_path, tan):
    import_(write(tmp_path, "later.txt", LATER), dry_run=True)
    assert not PendingChange.objects.exists()
    assert not Article.objects.filter(key="later").exists()


def test_it_still_cites_draft_records_at_once(tmp_path, tan):
    import_(write(tmp_path, "later.txt", LATER))
    article = Article.objects.get(key="later")
    drafts = Citation.objects.filter(article=article)
    assert drafts.exists()
    assert all(c.record.status == "draft" for c in drafts)


def test_it_adds_only_the_held_citations_and_leaves_rows_changed_since_as_they_are(tmp_path, tan):
    import_(write(tmp_path, "later.txt", LATER))
    change = PendingChange.objects.get(object_id=tan.pk, content_type__model="official")
    citations_of(tan, "first").delete()  # a publisher removed the first article's citation meanwhile
    workflow.publish_change(change, by=user("publisher"))
    assert not citations_of(tan, "first").exists()
    assert citations_of(tan, "later").count() == 1


def test_it_still_refuses_a_change_to_a_citation_that_changed_live_since(tmp_path, tan):
    """Rows the change edits are checked against the live ones: only additions pass side by side."""
    live = citations_of(tan, "first").get()
    base = {"fields": {}, "children": {"citations": [{"pk": live.pk, "fields": {"start": 0, "end": 5}}]}}
    proposed = {"fields": {}, "children": {"citations": [{"pk": live.pk, "fields": {"start": 0, "end": 6}}]}}
    change = PendingChange.objects.create(
        content_type=ContentType.objects.get_for_model(tan), object_id=tan.pk, route="test", base=base,
        proposed=proposed,
    )  # fmt: skip
    with pytest.raises(workflow.ChangeConflict):
        workflow.publish_change(change, by=user("publisher"))


def test_the_versions_read_together_are_the_versions_read_one_by_one():
    from relations.editorial.pending import version_of, versions_of
    from tests.factories import (
        AgreementFactory,
        ArticleFactory,
        DelegationFactory,
        OfficialAliasFactory,
        PositionFactory,
    )

    article = ArticleFactory()
    delegations = [DelegationFactory(members=2, cited_in=article), DelegationFactory(cited_in=[article])]
    OfficialAliasFactory(official=delegations[0].head)
    PositionFactory(official=delegations[0].head)
    agreement = AgreementFactory(parties=2, cited_in=article)
    for records in (delegations, [d.head for d in delegations], [agreement]):
        model = type(records[0])
        together = versions_of(model, [r.pk for r in records])
        assert together == {r.pk: version_of(r) for r in records}
        assert versions_of(model, [r.pk for r in records], records=records) == together  # as read
    first = versions_of(Delegation, [delegations[0].pk])[delegations[0].pk]
    assert first["children"]["citations"] and len(first["fields"]["members"]) == 2
    head = versions_of(Official, [delegations[0].head.pk])[delegations[0].head.pk]
    assert head["children"]["aliases"] and head["children"]["positions"]
