"""Live and pending versions: an editor's save of a published record waits for a publisher, by any route."""

import pytest
from django.contrib.auth.models import Permission, User
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from people import merging
from people.models import Official, OfficialAlias
from relations.editorial import workflow
from relations.editorial.models import PendingChange
from relations.models import Citation, Meeting
from tests.admin.helpers import change_url, form_data, post_change
from tests.factories import ArticleFactory, DelegationFactory, MeetingFactory, OfficialFactory

pytestmark = pytest.mark.django_db


def pending_url(change) -> str:
    return reverse("admin:pending-change", args=[change.pk])


def public_page(obj) -> str:
    response = Client().get(obj.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def delegation():
    return DelegationFactory(status="published", place="Moscow", purpose="Talks on energy")


# ---------------------------------------------------------------- the change form


def test_it_keeps_the_live_version_when_an_editor_edits_a_published_record(editor_client, delegation):
    response = post_change(editor_client, delegation, place="Sochi")
    assert response.status_code == 302
    delegation.refresh_from_db()
    assert delegation.place == "Moscow"
    assert "Sochi" not in public_page(delegation)
    assert "sochi" not in delegation.search_text
    change = PendingChange.objects.get()
    assert (change.state, change.route, change.object_id) == ("pending", "change form", delegation.pk)
    assert change.proposed["fields"]["place"] == "Sochi"
    assert change.base["fields"]["place"] == "Moscow"


def test_it_tells_the_editor_the_change_waits(editor_client, delegation):
    response = post_change(editor_client, delegation, place="Sochi")
    page = editor_client.get(response.url).content.decode()
    assert "waits for a publisher" in page
    assert "changed successfully" not in page


def test_it_leaves_no_history_entry_for_a_held_change(editor_client, delegation):
    before = Version.objects.get_for_object(delegation).count()
    post_change(editor_client, delegation, place="Sochi")
    assert Version.objects.get_for_object(delegation).count() == before


def test_it_lets_a_publisher_edit_a_published_record_live(publisher_client, delegation):
    post_change(publisher_client, delegation, place="Sochi")
    delegation.refresh_from_db()
    assert delegation.place == "Sochi"
    assert not PendingChange.objects.exists()


def test_it_lets_an_editor_edit_a_draft_live(editor_client):
    draft = DelegationFactory(status="draft", place="Moscow")
    post_change(editor_client, draft, place="Sochi")
    draft.refresh_from_db()
    assert draft.place == "Sochi"
    assert not PendingChange.objects.exists()


def test_it_holds_back_a_change_to_the_members_inline(editor_client, delegation):
    newcomer = OfficialFactory(status="published", name="Đặng Văn Mới")
    page = editor_client.get(change_url(delegation))
    data = form_data(page)
    prefix = page.context["inline_admin_formsets"][0].formset.prefix
    total = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(total + 1)
    data[f"{prefix}-{total}-official"] = str(newcomer.pk)
    editor_client.post(change_url(delegation), data)
    assert list(delegation.members.all()) == []
    assert PendingChange.objects.get().proposed["fields"]["members"] == [newcomer.pk]


def add_alias_in_the_change_form(client, official, name: str) -> None:
    """Post the official's change form with one more alias in its inline."""
    page = client.get(change_url(official))
    data = form_data(page)
    prefix = page.context["inline_admin_formsets"][0].formset.prefix
    data[f"{prefix}-TOTAL_FORMS"] = str(int(data[f"{prefix}-TOTAL_FORMS"]) + 1)
    data[f"{prefix}-0-name"] = name
    data[f"{prefix}-0-kind"] = "spelling"
    client.post(change_url(official), data)


def test_it_holds_back_a_new_alias(editor_client):
    official = OfficialFactory(status="published", name="Nguyễn Văn A")
    add_alias_in_the_change_form(editor_client, official, "Nguyen Van Ai")
    assert not OfficialAlias.objects.exists()
    rows = PendingChange.objects.get().proposed["children"]["aliases"]
    assert [(r["pk"], r["fields"]["name"]) for r in rows] == [(None, "Nguyen Van Ai")]


def test_it_holds_back_a_changed_citation_span(editor_client):
    article = ArticleFactory()
    official = OfficialFactory(status="published", cited_in=article)
    before = Citation.objects.get()
    page = editor_client.get(change_url(official))
    data = form_data(page)
    citations = next(i.formset for i in page.context["inline_admin_formsets"] if i.formset.model is Citation)
    data[f"{citations.prefix}-0-end"] = str(len(article.text))
    data[f"{citations.prefix}-0-quote"] = article.text
    editor_client.post(change_url(official), data)
    live = Citation.objects.get()
    assert (live.end, live.quote) == (before.end, before.quote)
    [row] = PendingChange.objects.get().proposed["children"]["citations"]
    assert (row["pk"], row["fields"]["end"], row["fields"]["quote"]) == (
        before.pk,
        len(article.text),
        article.text,
    )


def test_it_holds_back_a_history_revert(editor_client, publisher_client):
    official = OfficialFactory(status="published", name="First Name")
    post_change(publisher_client, official, name="Second Name")
    post_change(publisher_client, official, name="Third Name")
    first = Version.objects.get_for_object(official).order_by("pk").first()
    url = change_url(official).replace("/change/", f"/history/{first.pk}/")
    response = editor_client.post(url, form_data(editor_client.get(url)))
    assert response.status_code == 302
    official.refresh_from_db()
    assert official.name == "Third Name"
    change = PendingChange.objects.get()
    assert (change.route, change.proposed["fields"]["name"]) == ("history revert", "Second Name")


def test_it_saves_nothing_pending_for_an_unchanged_save(editor_client, delegation):
    post_change(editor_client, delegation)
    assert not PendingChange.objects.exists()


# ---------------------------------------------------------------- CSV import


def import_csv(client, csv: str):
    upload = SimpleUploadedFile("officials.csv", csv.encode(), content_type="text/csv")
    preview = client.post(
        reverse("admin:people_official_import"), {"resource": "0", "format": "0", "import_file": upload}
    )
    return client.post(
        reverse("admin:people_official_process_import"), preview.context["confirm_form"].initial
    )


def test_it_holds_back_a_csv_import_that_renames_a_published_official(editor_client):
    official = OfficialFactory(status="published", name="Nikolai Patrushev", country="RU")
    import_csv(editor_client, f"id,name,country,editorial_status\n{official.pk},Someone Else,RU,published\n")
    official.refresh_from_db()
    assert official.name == "Nikolai Patrushev"
    assert "Someone Else" not in public_page(official)
    change = PendingChange.objects.get()
    assert (change.route, change.proposed["fields"]["name"]) == ("CSV import", "Someone Else")


def test_it_saves_a_csv_import_of_drafts_directly(editor_client):
    official = OfficialFactory(status="draft", name="Before", country="RU")
    import_csv(editor_client, f"id,name,country,editorial_status\n{official.pk},After,RU,draft\n")
    official.refresh_from_db()
    assert official.name == "After"
    assert not PendingChange.objects.exists()


# ---------------------------------------------------------------- the publisher decides


def test_it_shows_the_difference_field_by_field(editor_client, publisher_client, delegation):
    post_change(editor_client, delegation, place="Sochi")
    change = PendingChange.objects.get()
    listing = publisher_client.get(reverse("admin:pending-changes")).content.decode()
    assert pending_url(change) in listing
    page = publisher_client.get(pending_url(change)).content.decode()
    assert "<del>Moscow</del>" in page
    assert "<ins>Sochi</ins>" in page
    assert "Purpose" not in page  # unchanged fields are not listed


def test_it_publishes_a_pending_change_to_the_public_page(editor_client, publisher_client, delegation):
    post_change(editor_client, delegation, place="Sochi")
    change = PendingChange.objects.get()
    response = publisher_client.post(pending_url(change), {"decision": "publish"})
    assert response.status_code == 302
    delegation.refresh_from_db()
    change.refresh_from_db()
    assert delegation.place == "Sochi"
    assert delegation.status == "published"
    assert "Sochi" in public_page(delegation)
    assert "sochi" in delegation.search_text
    assert change.state == "published"
    assert (
        Version.objects.get_for_object(delegation).first().revision.comment.startswith("Published a change")
    )


def test_it_publishes_a_pending_alias_and_membership(editor_client, publisher):
    official = OfficialFactory(status="published", name="Nguyễn Văn A")
    add_alias_in_the_change_form(editor_client, official, "Nguyen Van Ai")
    workflow.publish_change(PendingChange.objects.get(), by=publisher)
    assert list(official.aliases.values_list("name", flat=True)) == ["Nguyen Van Ai"]
    assert Official.objects.published().search("Ai").get() == official


def test_it_rejects_a_pending_change_and_keeps_the_live_version(editor_client, publisher_client, delegation):
    post_change(editor_client, delegation, place="Sochi")
    change = PendingChange.objects.get()
    publisher_client.post(pending_url(change), {"decision": "reject", "note": "Not in the source."})
    delegation.refresh_from_db()
    change.refresh_from_db()
    assert delegation.place == "Moscow"
    assert (change.state, change.decision_note) == ("rejected", "Not in the source.")


def test_it_refuses_an_editor_publishing_a_pending_change(editor_client, delegation):
    post_change(editor_client, delegation, place="Sochi")
    change = PendingChange.objects.get()
    response = editor_client.post(pending_url(change), {"decision": "publish"})
    assert response.status_code == 403
    delegation.refresh_from_db()
    assert delegation.place == "Moscow"
    assert PendingChange.objects.get().state == "pending"


def test_it_refuses_an_unknown_decision(publisher_client, editor_client, delegation):
    post_change(editor_client, delegation, place="Sochi")
    response = publisher_client.post(pending_url(PendingChange.objects.get()), {"decision": "maybe"})
    assert response.status_code == 400


def test_it_answers_404_for_an_unknown_pending_change(publisher_client):
    assert publisher_client.get(reverse("admin:pending-change", args=[999])).status_code == 404


def test_it_refuses_a_change_whose_field_moved_on_since(
    editor_client, publisher_client, publisher, delegation
):
    post_change(editor_client, delegation, place="Sochi")
    post_change(publisher_client, delegation, place="Kazan")
    change = PendingChange.objects.get()
    with pytest.raises(workflow.ChangeConflict):
        workflow.publish_change(change, by=publisher)
    delegation.refresh_from_db()
    assert delegation.place == "Kazan"
    assert PendingChange.objects.get().state == "pending"


def test_it_applies_only_the_fields_the_change_touched(
    editor_client, publisher_client, publisher, delegation
):
    post_change(editor_client, delegation, place="Sochi")
    post_change(publisher_client, delegation, purpose="Talks on trade")
    workflow.publish_change(PendingChange.objects.get(), by=publisher)
    delegation.refresh_from_db()
    assert (delegation.place, delegation.purpose) == ("Sochi", "Talks on trade")


def test_it_publishes_a_change_only_once(editor_client, publisher, delegation):
    post_change(editor_client, delegation, place="Sochi")
    change = PendingChange.objects.get()
    workflow.publish_change(change, by=publisher)
    with pytest.raises(workflow.ValidationError):
        workflow.reject_change(change, by=publisher)


def test_it_lists_the_pending_change_on_the_record_page(editor_client, delegation):
    post_change(editor_client, delegation, place="Sochi")
    page = editor_client.get(change_url(delegation)).content.decode()
    assert pending_url(PendingChange.objects.get()) in page
    assert 'id="holds-back"' in page


# ---------------------------------------------------------------- merge


def test_it_refuses_a_merge_of_a_published_record_without_publish_permission(db):
    user = User.objects.create_user("merger", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__in=["change_official", "delete_official"]))
    kept = OfficialFactory(status="published", name="Nguyễn Văn Phong")
    other = OfficialFactory(status="draft", name="Nguen Van Fong")
    with pytest.raises(PermissionDenied):
        merging.merge_officials(kept, [other], by=User.objects.get(pk=user.pk))
    assert Official.objects.count() == 2


# ---------------------------------------------------------------- records edited from another record's form


def test_it_refuses_an_editor_changing_a_published_meeting_inside_a_draft_delegation(editor_client):
    draft = DelegationFactory(status="draft")
    meeting = MeetingFactory(status="published", delegation=draft, place="Moscow")
    page = editor_client.get(change_url(draft))
    data = form_data(page)
    meetings = next(i.formset for i in page.context["inline_admin_formsets"] if i.formset.model is Meeting)
    data[f"{meetings.prefix}-0-place"] = "Sochi"
    response = editor_client.post(change_url(draft), data)
    assert response.status_code == 200
    assert "change it on its own page" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.place == "Moscow"


def test_it_shows_the_meetings_of_a_published_delegation_read_only_to_an_editor(editor_client, delegation):
    meeting = MeetingFactory(status="draft", delegation=delegation, place="Moscow")
    page = editor_client.get(change_url(delegation))
    meetings = next(i for i in page.context["inline_admin_formsets"] if i.formset.model is Meeting)
    assert not meetings.has_change_permission and not meetings.has_add_permission
    post_change(editor_client, delegation, place="Sochi")
    meeting.refresh_from_db()
    assert meeting.place == "Moscow"


def test_it_holds_back_an_editors_change_to_a_cited_articles_title(editor_client, publisher):
    article = ArticleFactory(title="Original title")
    DelegationFactory(status="published", cited_in=article)
    response = post_change(editor_client, article, title="A new title")
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Original title"
    change = PendingChange.objects.get()
    assert change.proposed["fields"]["title"] == "A new title"
    assert "text" not in change.proposed["fields"]
    workflow.publish_change(change, by=publisher)
    article.refresh_from_db()
    assert article.title == "A new title"


def test_it_lets_an_editor_change_an_article_only_drafts_cite(editor_client):
    article = ArticleFactory(title="Original title")
    DelegationFactory(status="draft", cited_in=article)
    post_change(editor_client, article, title="A new title")
    article.refresh_from_db()
    assert article.title == "A new title"
