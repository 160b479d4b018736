"""Two editors saving stale copies of one record: the second is told, and loses nothing."""

import pytest
from django.test import Client

from relations.models import Delegation
from tests.admin.helpers import change_url, form_data
from tests.factories import ArticleFactory, DelegationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def second_editor_client(editor):
    from django.contrib.auth.models import Group, User

    other = User.objects.create_user("editor2", password="x", is_staff=True)
    other.groups.add(Group.objects.get(name="Editor"))
    client = Client()
    client.force_login(other)
    return client


@pytest.fixture
def two_copies(editor_client, second_editor_client):
    """Both editors open the same delegation; the first saves a new place."""
    delegation = DelegationFactory(place="Moscow", purpose="")
    first = form_data(editor_client.get(change_url(delegation)))
    second = form_data(second_editor_client.get(change_url(delegation)))
    editor_client.post(change_url(delegation), first | {"place": "Saint Petersburg"})
    return delegation, second


def test_it_refuses_the_stale_save(second_editor_client, two_copies):
    delegation, second = two_copies
    response = second_editor_client.post(change_url(delegation), second | {"purpose": "Archives"})
    assert response.status_code == 200  # the form again, not a redirect
    delegation.refresh_from_db()
    assert (delegation.place, delegation.purpose) == ("Saint Petersburg", "")


def test_it_says_who_changed_what(second_editor_client, two_copies):
    delegation, second = two_copies
    response = second_editor_client.post(change_url(delegation), second | {"purpose": "Archives"})
    errors = " ".join(response.context["adminform"].form.non_field_errors())
    assert "changed by editor" in errors
    assert "Place" in errors


def test_it_keeps_the_second_editors_input_in_the_form(second_editor_client, two_copies):
    delegation, second = two_copies
    response = second_editor_client.post(change_url(delegation), second | {"purpose": "Archives"})
    assert response.context["adminform"].form["purpose"].value() == "Archives"


def test_it_saves_on_purpose_the_second_time(second_editor_client, two_copies):
    delegation, second = two_copies
    response = second_editor_client.post(change_url(delegation), second | {"purpose": "Archives"})
    again = form_data(response)  # the form as re-rendered, with the current token
    second_editor_client.post(change_url(delegation), again)
    delegation.refresh_from_db()
    assert delegation.purpose == "Archives"


def test_it_notices_a_workflow_change_made_meanwhile(editor_client, publisher):
    from relations.editorial import workflow

    delegation = DelegationFactory(status="review", place="Moscow")
    stale = form_data(editor_client.get(change_url(delegation)))
    workflow.publish(Delegation.objects.filter(pk=delegation.pk), by=publisher, with_dependencies=True)
    response = editor_client.post(change_url(delegation), stale | {"place": "Hanoi"})
    delegation.refresh_from_db()
    assert response.status_code == 200
    assert delegation.place == "Moscow"


def test_it_saves_a_fresh_copy_without_complaint(editor_client):
    delegation = DelegationFactory(place="Moscow")
    response = editor_client.post(
        change_url(delegation), form_data(editor_client.get(change_url(delegation))) | {"place": "Hanoi"}
    )
    assert response.status_code == 302


# -- a missing or malformed version token is refused, never a reason to skip the check


#: A record whose form checks the token, and a text field of it the test changes.
EDITED = {"delegation": (DelegationFactory, "place"), "article": (ArticleFactory, "title")}


@pytest.mark.parametrize("token", [None, "", "not-a-date", "2024-13-45T99:00:00+00:00", "2024-02-30"])
@pytest.mark.parametrize("kind", EDITED)
def test_it_refuses_a_save_without_a_valid_token(editor_client, kind, token):
    factory, field = EDITED[kind]
    record = factory(**{field: "Moscow"})
    data = form_data(editor_client.get(change_url(record))) | {field: "Hanoi"}
    data.pop("_updated_at")
    if token is not None:
        data["_updated_at"] = token
    response = editor_client.post(change_url(record), data)
    assert response.status_code == 200  # the form again, with the reason
    errors = " ".join(response.context["adminform"].form.non_field_errors())
    assert "version token" in errors and "nothing was saved" in errors
    record.refresh_from_db()
    assert getattr(record, field) == "Moscow"


def test_it_saves_on_purpose_after_a_token_refusal(editor_client):
    delegation = DelegationFactory(place="Moscow")
    data = form_data(editor_client.get(change_url(delegation))) | {"place": "Hanoi"}
    refused = editor_client.post(change_url(delegation), data | {"_updated_at": "garbage"})
    again = form_data(refused)  # the form as shown again carries the current token
    assert editor_client.post(change_url(delegation), again).status_code == 302
    delegation.refresh_from_db()
    assert delegation.place == "Hanoi"


# -- articles: the same check


def test_it_refuses_a_stale_save_of_an_article(editor_client, second_editor_client):
    article = ArticleFactory(title="Talks in Moscow", dateline_place="")
    first = form_data(editor_client.get(change_url(article)))
    second = form_data(second_editor_client.get(change_url(article)))
    assert editor_client.post(change_url(article), first | {"title": "Talks in Hanoi"}).status_code == 302
    response = second_editor_client.post(change_url(article), second | {"dateline_place": "Hanoi"})
    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.non_field_errors())
    assert "while you were editing it" in errors and "Title" in errors
    article.refresh_from_db()
    assert (article.title, article.dateline_place) == ("Talks in Hanoi", "")
