"""Every write that changes what the public sees raises the publication version, through one helper."""

import ast
from pathlib import Path
from unittest import mock

import pytest
from django.db import connection
from django.urls import reverse

from people import merging
from relations.editorial import publication, workflow
from relations.importing import run
from relations.models import Delegation
from tests.admin.helpers import action, post_change
from tests.factories import ArticleFactory, DelegationFactory, OfficialFactory, OrganizationFactory

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def spy():
    """Counts the calls of ``publication.changed`` and whether each came inside a transaction."""
    calls = []
    original = publication.changed

    def changed(**kwargs):
        calls.append(connection.in_atomic_block)
        return original(**kwargs)

    with mock.patch.object(publication, "changed", side_effect=changed):
        yield calls


def version() -> int:
    return publication.current().number


def test_the_version_starts_at_0_and_rises_by_one_per_call():
    assert version() == 0
    publication.changed()
    publication.changed()
    assert version() == 2


def test_it_is_rolled_back_with_the_change_it_belongs_to(publisher):
    delegation = DelegationFactory(status="review", head__status="published")
    before = version()
    with pytest.raises(RuntimeError), mock.patch("reversion.set_comment", side_effect=RuntimeError):
        workflow.publish(Delegation.objects.filter(pk=delegation.pk), by=publisher)
    delegation.refresh_from_db()
    assert (delegation.status, version()) == ("review", before)


@pytest.mark.parametrize(
    "verb,start,calls",
    [
        ("publish", "review", 1),
        ("unpublish", "published", 1),
        ("archive", "published", 1),
        ("return_to_draft", "published", 1),
        ("submit", "draft", 0),  # nothing public changes
    ],
)
def test_every_transition_that_touches_the_public_site_raises_it_once(spy, publisher, verb, start, calls):
    DelegationFactory.create_batch(3, status=start, head__status="published")  # one bulk update()
    before = version()
    assert workflow.apply(verb, Delegation.objects.all(), by=publisher) == 3
    assert (len(spy), version()) == (calls, before + calls)


@pytest.mark.django_db(transaction=True)
def test_a_publish_raises_it_inside_the_publish_transaction(spy):
    from tests.admin.conftest import make_user

    publisher = make_user("publisher")
    DelegationFactory(status="review", head__status="published")
    workflow.publish(Delegation.objects.all(), by=publisher)
    assert spy == [True]


def test_a_publishers_save_of_a_live_record_raises_it(spy, publisher_client):
    delegation = DelegationFactory(status="published", title="Old")
    before = version()
    response = post_change(publisher_client, delegation, title="New")
    assert response.status_code == 302
    assert version() == before + 1


def test_saving_a_draft_leaves_it(spy, publisher_client):
    delegation = DelegationFactory(status="draft", title="Old")
    assert post_change(publisher_client, delegation, title="New").status_code == 302
    assert spy == []


def test_save_and_publish_raises_it(spy, publisher_client):
    delegation = DelegationFactory(status="review", head__status="published")
    before = version()
    response = post_change(publisher_client, delegation, _transition_publish="1")
    assert response.status_code == 302
    delegation.refresh_from_db()
    assert delegation.status == "published"
    assert version() > before


def test_deleting_a_published_record_in_the_admin_raises_it(spy, super_client):
    delegation = DelegationFactory(status="published")
    opts = Delegation._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_delete", args=[delegation.pk])
    assert super_client.post(url, {"post": "yes"}).status_code == 302
    assert len(spy) == 1


def test_the_bulk_delete_action_raises_it(spy, super_client):
    records = DelegationFactory.create_batch(2, status="published")
    response = super_client.post(
        reverse("admin:relations_delegation_changelist"),
        {"action": "delete_selected", "_selected_action": [r.pk for r in records], "post": "yes"},
    )
    assert response.status_code == 302
    assert not Delegation.objects.exists()
    assert len(spy) == 1


def test_the_publish_action_raises_it(spy, publisher_client):
    records = DelegationFactory.create_batch(2, status="review", head__status="published")
    assert action(publisher_client, Delegation, "publish_selected", records).status_code == 302
    assert len(spy) == 1


def test_a_merge_raises_it(spy, publisher):
    survivor, other = OfficialFactory(status="published"), OfficialFactory(status="published")
    merging.merge_officials(survivor, [other], by=publisher)
    a, b = OrganizationFactory(status="published"), OrganizationFactory()
    merging.merge_organizations(a, [b], by=publisher)
    assert spy == [True, True]


def test_an_article_changed_in_the_admin_raises_it(spy, super_client):
    article = ArticleFactory(title="Old")
    assert post_change(super_client, article, title="New").status_code == 302
    article.refresh_from_db()
    assert article.title == "New"
    assert len(spy) == 1


def test_an_import_raises_it_once_per_new_or_changed_article(spy):
    before = version()
    report = run.import_articles(files=[("a.txt", b"A visit\nNguyen Van Phong (VN) visits RU.\n")])
    assert report.new == ["a.txt"]
    assert version() == before + 1
    run.import_articles(files=[("a.txt", b"A visit\nNguyen Van Phong (VN) visits RU.\n")])  # unchanged
    assert version() == before + 1


# A bulk write skips signals and save(): every module that writes a status, deletes records or merges
# them must say so to the publication version. New ones fail here until they do.
WRITERS = {
    "relations/editorial/workflow.py",
    "relations/editorial/admin.py",
    "relations/admin.py",
    "people/merging.py",
    "relations/importing/batch.py",  # what an import's writer changes, a batch of articles raises once
}


def status_writes(tree: ast.AST) -> bool:
    """Whether the module calls ``.update(status=...)`` or ``bulk_update(..., [..."status"...])``."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr == "update" and any(k.arg == "status" for k in node.keywords):
                return True
            if node.func.attr == "bulk_update" and "status" in ast.unparse(node):
                return True
    return False


def calls_changed(tree: ast.AST) -> bool:
    return any(
        isinstance(node, ast.Attribute)
        and node.attr == "changed"
        and ast.unparse(node.value) == "publication"
        for node in ast.walk(tree)
    )


def test_every_module_that_writes_a_status_in_bulk_raises_the_version():
    sources = [
        p
        for folder in ("relations", "people", "agreements", "config")
        for p in (ROOT / folder).rglob("*.py")
        if "migrations" not in p.parts and "scale" not in p.parts
    ]
    writers = {str(p.relative_to(ROOT)) for p in sources if status_writes(ast.parse(p.read_text()))}
    assert writers, "the scan found no status write at all: it no longer sees the workflow's update()"
    missing = {name for name in writers | WRITERS if not calls_changed(ast.parse((ROOT / name).read_text()))}
    assert missing == set()
