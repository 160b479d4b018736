import pytest
from django.urls import reverse

from tests.factories import (
    DelegationFactory,
    MeetingFactory,
    OfficialFactory,
)
from tests.public.helpers import listed

pytestmark = pytest.mark.django_db

LIST = reverse("relations:meeting-list")


def test_it_finds_a_meeting_by_a_participant_without_diacritics(fetch):
    chinh = OfficialFactory(status="published", name="Phạm Minh Chính")
    MeetingFactory(status="published", title="Talks in Moscow", participants=[chinh]).reindex()
    MeetingFactory(status="published", title="Other talks")
    assert listed(fetch(LIST, q="Pham Minh Chinh")) == ["Talks in Moscow"]


def test_it_filters_meetings_by_official(fetch):
    official = OfficialFactory(status="published")
    MeetingFactory(status="published", title="With them", participants=[official])
    MeetingFactory(status="published", title="Without them")
    assert listed(fetch(LIST, official=official.slug)) == ["With them"]


def test_it_hides_draft_participants_of_a_meeting(fetch):
    meeting = MeetingFactory(status="published")
    meeting.participants.add(OfficialFactory(status="draft", name="Draft Participant"))
    assert "Draft Participant" not in fetch(meeting.get_absolute_url()).text
    assert "Draft Participant" not in fetch(LIST).text


def test_it_hides_a_draft_delegation_of_a_meeting(fetch):
    meeting = MeetingFactory(
        status="published", delegation=DelegationFactory(status="draft", title="Draft trip")
    )
    assert "Draft trip" not in fetch(meeting.get_absolute_url()).text


def test_it_links_the_published_delegation_of_a_meeting(fetch):
    delegation = DelegationFactory(status="published")
    meeting = MeetingFactory(status="published", delegation=delegation)
    assert f'href="{delegation.get_absolute_url()}"' in fetch(meeting.get_absolute_url()).text


def test_it_lists_every_participant_of_a_meeting_its_title_counts(fetch):
    people = [OfficialFactory(status="published", name=f"Participant Number{i}") for i in range(9)]
    meeting = MeetingFactory(status="published", title="Meeting of A, B and 7 others", participants=people)
    html = fetch(meeting.get_absolute_url()).text
    assert all(f"Participant Number{i}" in html for i in range(9))
