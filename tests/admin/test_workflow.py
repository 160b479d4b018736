"""The workflow verbs (relations.workflow) and every admin path that uses them."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from reversion.models import Version

from people.models import Official
from relations.editorial import workflow
from relations.models import Delegation
from tests.admin.helpers import action, change_url, form_data, post_change
from tests.factories import DelegationFactory, OfficialFactory

pytestmark = pytest.mark.django_db


def status(obj) -> str:
    obj.refresh_from_db()
    return obj.status


# ---------------------------------------------------------------- the verbs


def test_it_lets_an_editor_submit_a_draft(editor):
    official = OfficialFactory(status="draft")
    assert workflow.submit(Official.objects.filter(pk=official.pk), by=editor) == 1
    assert status(official) == "review"


def test_it_refuses_to_let_an_editor_publish(editor):
    official = OfficialFactory(status="review")
    with pytest.raises(PermissionDenied):
        workflow.publish(Official.objects.filter(pk=official.pk), by=editor)
    assert status(official) == "review"


def test_it_refuses_an_anonymous_user():
    official = OfficialFactory(status="draft")
    with pytest.raises(PermissionDenied):
        workflow.submit(Official.objects.all(), by=AnonymousUser())
    assert status(official) == "draft"


def test_it_lets_a_publisher_publish(publisher):
    delegation = DelegationFactory(status="review", head__status="published")
    assert workflow.publish(Delegation.objects.all(), by=publisher) == 1
    assert status(delegation) == "published"


def test_it_counts_only_records_the_transition_applies_to(publisher):
    OfficialFactory(status="published")
    OfficialFactory(status="draft")
    assert workflow.unpublish(Official.objects.all(), by=publisher) == 1


def test_it_refuses_an_editor_returning_a_published_record_to_draft(editor):
    official = OfficialFactory(status="published")
    with pytest.raises(PermissionDenied):
        workflow.return_to_draft(Official.objects.all(), by=editor)
    assert status(official) == "published"


def test_it_lets_an_editor_take_back_a_submitted_record(editor):
    official = OfficialFactory(status="review")
    workflow.return_to_draft(Official.objects.all(), by=editor)
    assert status(official) == "draft"


def test_it_archives_and_republishes(publisher):
    official = OfficialFactory(status="published")
    workflow.archive(Official.objects.all(), by=publisher)
    assert status(official) == "archived"
    workflow.publish(Official.objects.all(), by=publisher)
    assert status(official) == "published"


def test_it_records_who_published_in_the_history(publisher):
    official = OfficialFactory(status="review")
    workflow.publish(Official.objects.all(), by=publisher, comment="Checked against TASS.")
    revision = Version.objects.get_for_object(official).first().revision
    assert (revision.user, revision.comment) == (publisher, "Published. Checked against TASS.")


def test_it_moves_updated_at_so_stale_forms_notice(publisher):
    official = OfficialFactory(status="review")
    before = official.updated_at
    workflow.publish(Official.objects.all(), by=publisher)
    official.refresh_from_db()
    assert official.updated_at > before


# ---------------------------------------------------------------- the change form


def test_it_submits_from_the_change_form(editor_client):
    official = OfficialFactory(status="draft")
    post_change(editor_client, official, _transition_submit="Save and submit for review")
    assert status(official) == "review"


def test_it_saves_the_edit_and_the_transition_together(publisher_client):
    official = OfficialFactory(status="review", name="Nguyen Van A")
    post_change(publisher_client, official, name="Nguyễn Văn A", _transition_publish="Save and publish")
    official.refresh_from_db()
    assert (official.name, official.status) == ("Nguyễn Văn A", "published")


def test_it_refuses_a_forged_publish_button_and_saves_nothing(editor_client):
    official = OfficialFactory(status="review", name="Old Name")
    response = post_change(editor_client, official, name="New Name", _transition_publish="Save and publish")
    official.refresh_from_db()
    assert response.status_code == 403
    assert (official.name, official.status) == ("Old Name", "review")


def test_it_ignores_a_status_posted_in_the_form(editor_client):
    official = OfficialFactory(status="draft")
    post_change(editor_client, official, status="published")
    assert status(official) == "draft"


def test_it_offers_an_editor_no_publish_button(editor_client):
    official = OfficialFactory(status="review")
    assert "_transition_publish" not in editor_client.get(change_url(official)).content.decode()


def test_it_offers_a_publisher_the_publish_button(publisher_client):
    official = OfficialFactory(status="review")
    assert "_transition_publish" in publisher_client.get(change_url(official)).content.decode()


def test_it_records_the_edit_and_the_transition_in_one_revision(editor_client, editor):
    official = OfficialFactory(status="draft")
    post_change(editor_client, official, note="Born 1960.", _transition_submit="x")
    version = Version.objects.get_for_object(official).first()
    assert version.field_dict["status"] == "review"
    assert version.revision.comment.endswith("Submitted for review.")


# ---------------------------------------------------------------- bulk actions


def test_it_publishes_in_bulk(publisher_client):
    officials = OfficialFactory.create_batch(3, status="review")
    action(publisher_client, Official, "publish_selected", officials)
    assert Official.objects.filter(status="published").count() == 3


def test_it_refuses_the_bulk_publish_action_to_an_editor(editor_client):
    officials = OfficialFactory.create_batch(2, status="review")
    action(editor_client, Official, "publish_selected", officials)
    assert not Official.objects.filter(status="published").exists()


def test_it_submits_in_bulk(editor_client):
    officials = OfficialFactory.create_batch(2, status="draft")
    action(editor_client, Official, "submit_selected", officials)
    assert Official.objects.filter(status="review").count() == 2


# ---------------------------------------------------------------- history and restore


def test_it_restores_an_earlier_version(editor_client):
    official = OfficialFactory(name="First Name")
    post_change(editor_client, official, name="Second Name")
    post_change(editor_client, official, name="Third Name")
    first_edit = Version.objects.get_for_object(official).order_by("pk").first()
    url = change_url(official).replace("/change/", f"/history/{first_edit.pk}/")
    page = editor_client.get(url)
    editor_client.post(url, form_data(page))
    official.refresh_from_db()
    assert official.name == "Second Name"


def test_it_keeps_the_current_status_when_restoring(publisher_client, publisher):
    official = OfficialFactory(name="First Name", status="draft")
    post_change(publisher_client, official, name="Second Name")
    draft_version = Version.objects.get_for_object(official).first()
    workflow.publish(Official.objects.all(), by=publisher)
    url = change_url(official).replace("/change/", f"/history/{draft_version.pk}/")
    publisher_client.post(url, form_data(publisher_client.get(url)))
    assert status(official) == "published"


def test_it_shows_who_changed_what_in_the_history(editor_client):
    official = OfficialFactory(name="First Name")
    post_change(editor_client, official, name="Second Name")
    page = editor_client.get(change_url(official).replace("/change/", "/history/"))
    assert "Changed Name." in page.content.decode()
    assert "editor" in page.content.decode()


def test_it_keeps_the_first_publication_time_through_a_correction(publisher):
    delegation = DelegationFactory(status="draft", head__status="published")
    workflow.publish(Delegation.objects.filter(pk=delegation.pk), by=publisher)
    first = Delegation.objects.get(pk=delegation.pk).published_at
    workflow.unpublish(Delegation.objects.filter(pk=delegation.pk), by=publisher)
    workflow.publish(Delegation.objects.filter(pk=delegation.pk), by=publisher)
    again = Delegation.objects.get(pk=delegation.pk)
    assert first is not None
    assert again.published_at == first
    assert again.updated_at > first
