"""Public search follows what is public, by every path: a published delegation or meeting that gains a member,
or whose member is renamed, is found by the new name once that is public, and not before."""

import pytest
from django.test import Client
from django.urls import reverse

from people import merging
from relations.editorial import workflow
from relations.editorial.models import PendingChange
from relations.models import Meeting
from tests.admin.helpers import change_url, form_data, post_change
from tests.admin.test_pending import import_csv
from tests.factories import DelegationFactory, MeetingFactory, OfficialFactory

pytestmark = pytest.mark.django_db

NEWCOMER = "Đặng Văn Mới"


def found(q: str, record) -> bool:
    """Whether the public search page, and the record's own list searched, lead to ``record``."""
    client = Client()
    search = client.get(reverse("relations:search"), {"q": q}).content.decode()
    listing = client.get(reverse(f"relations:{record._meta.model_name}-list"), {"q": q}).content.decode()
    url = record.get_absolute_url()
    assert (url in search) == (url in listing), "search and list disagree"
    return url in search


@pytest.fixture
def visit():
    return DelegationFactory(status="published", title="Visit to Moscow", head=None)


def add_inline_row(client, record, model_name: str, official):
    """Post the record's change form with ``official`` added to its members (or participants) inline."""
    page = client.get(change_url(record))
    data = form_data(page)
    formsets = [i.formset for i in page.context["inline_admin_formsets"]]
    inline = next(f for f in formsets if f.model._meta.model_name == model_name)
    total = int(data[f"{inline.prefix}-TOTAL_FORMS"])
    data[f"{inline.prefix}-TOTAL_FORMS"] = str(total + 1)
    data[f"{inline.prefix}-{total}-official"] = str(official.pk)
    response = client.post(change_url(record), data)
    assert response.status_code == 302
    return response


MEMBERS = "delegation_members"
PARTICIPANTS = "meeting_participants"


def test_it_finds_a_delegation_by_a_member_a_publisher_adds(publisher_client, visit):
    newcomer = OfficialFactory(status="published", name=NEWCOMER)
    assert not found("Dang Van Moi", visit)
    add_inline_row(publisher_client, visit, MEMBERS, newcomer)
    assert found("Dang Van Moi", visit)


#: A published record, and its inline of officials.
GAINING = {
    "a delegation's member": (
        lambda: DelegationFactory(status="published", title="Visit to Moscow", head=None),
        MEMBERS,
    ),
    "a meeting's participant": (
        lambda: MeetingFactory(status="published", title="Talks in Hanoi"),
        PARTICIPANTS,
    ),
}


@pytest.mark.parametrize("which", GAINING)
def test_it_finds_a_record_by_an_official_an_editor_adds_only_once_accepted(editor_client, publisher, which):
    make, inline = GAINING[which]
    record = make()
    newcomer = OfficialFactory(status="published", name=NEWCOMER)
    add_inline_row(editor_client, record, inline, newcomer)
    assert not found("Dang Van Moi", record)
    workflow.publish_change(PendingChange.objects.get(), by=publisher)
    assert found("Dang Van Moi", record)


def test_it_finds_a_delegation_by_the_new_name_of_a_member_a_publisher_renames(publisher_client, visit):
    member = OfficialFactory(status="published", name="Ivan Petrov", country="RU")
    visit.members.add(member)
    visit.reindex()
    assert found("Petrov", visit)
    post_change(publisher_client, member, name="Ivan Sidorov")
    assert found("Sidorov", visit)
    assert not found("Petrov", visit)


def test_it_finds_a_meeting_by_the_new_name_of_a_participant_once_the_rename_is_accepted(
    editor_client, publisher
):
    meeting = MeetingFactory(status="published", title="Talks in Hanoi")
    member = OfficialFactory(status="published", name="Ivan Petrov", country="RU")
    meeting.participants.add(member)
    meeting.reindex()
    post_change(editor_client, member, name="Ivan Sidorov")
    assert not found("Sidorov", meeting) and found("Petrov", meeting)
    workflow.publish_change(PendingChange.objects.get(), by=publisher)
    assert found("Sidorov", meeting) and not found("Petrov", meeting)


def test_it_finds_a_delegation_by_a_member_renamed_through_a_csv_import(publisher_client, visit):
    member = OfficialFactory(status="published", name="Ivan Petrov", country="RU")
    visit.members.add(member)
    visit.reindex()
    import_csv(publisher_client, f"id,name,country,editorial_status\n{member.pk},Ivan Sidorov,RU,published\n")
    member.refresh_from_db()
    assert member.name == "Ivan Sidorov"
    assert found("Sidorov", visit)
    assert not found("Petrov", visit)


def test_it_finds_a_delegation_by_the_survivor_of_a_merge(publisher, visit):
    survivor = OfficialFactory(status="published", name="Nguyễn Văn Phong", country="VN")
    duplicate = OfficialFactory(status="draft", name="Nguen Van Fong", country="VN")
    visit.members.add(duplicate)
    visit.reindex()
    assert not found("Phong", visit) and not found("Fong", visit)  # a draft member's name is not searched
    merging.merge_officials(survivor, [duplicate], by=publisher)
    assert found("Phong", visit)


def test_it_finds_a_delegation_by_a_member_once_the_member_is_published(publisher, visit):
    member = OfficialFactory(status="draft", name=NEWCOMER)
    visit.members.add(member)
    visit.reindex()
    assert not found("Dang Van Moi", visit)
    workflow.publish(type(member).objects.filter(pk=member.pk), by=publisher)
    assert found("Dang Van Moi", visit)
    workflow.unpublish(type(member).objects.filter(pk=member.pk), by=publisher)
    assert not found("Dang Van Moi", visit)


def test_it_keeps_a_meeting_out_of_search_while_only_a_draft_names_the_participant(publisher):
    meeting = MeetingFactory(status="published", title="Talks in Hanoi")
    meeting.participants.add(OfficialFactory(status="draft", name=NEWCOMER))
    Meeting.reindex_all([meeting.pk])
    assert not found("Dang Van Moi", meeting)
