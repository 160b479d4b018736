"""Newcomers: create_editor / create_publisher, and a demo that leaves the review queue something to do."""

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from relations.models import Delegation, Meeting
from tests.factories import ArticleFactory, DelegationFactory, MeetingFactory, OfficialFactory

pytestmark = pytest.mark.django_db


def groups_of(username: str) -> list[str]:
    return sorted(User.objects.get(username=username).groups.values_list("name", flat=True))


def test_it_creates_an_editor(capsys):
    call_command("create_editor", "mai", "--password", "a long enough passphrase")
    user = User.objects.get(username="mai")
    assert (user.is_staff, user.is_superuser, groups_of("mai")) == (True, False, ["Editor"])
    assert user.check_password("a long enough passphrase")
    assert "Created 'mai': an Editor" in capsys.readouterr().out


def test_it_creates_a_publisher():
    call_command("create_publisher", "ivan", "--password", "a long enough passphrase")
    assert groups_of("ivan") == ["Publisher"]


def test_it_changes_an_editors_role_to_publisher_without_touching_the_password():
    call_command("create_editor", "mai", "--password", "a long enough passphrase")
    call_command("create_editor", "mai", "--role", "publisher")
    assert groups_of("mai") == ["Publisher"]
    assert User.objects.get(username="mai").check_password("a long enough passphrase")


def test_it_refuses_a_weak_password_and_creates_no_account():
    with pytest.raises(CommandError, match="too short|too common"):
        call_command("create_editor", "mai", "--password", "abc")
    assert not User.objects.filter(username="mai").exists()


def test_the_demo_leaves_the_last_articles_events_in_the_review_queue():
    first = ArticleFactory(key="001-first")
    last = ArticleFactory(key="002-last")
    published = DelegationFactory(status="draft", title="Earlier visit", cited_in=first)
    waiting = DelegationFactory(status="draft", title="Latest visit", cited_in=last)
    talks = MeetingFactory(status="draft", title="Latest talks", cited_in=last)
    both = DelegationFactory(status="draft", title="Visit in both", cited_in=[first, last])
    official = OfficialFactory(status="draft", cited_in=last)
    call_command("setup_demo", "--password", "demo-password")
    status = {d.title: d.status for d in Delegation.objects.all()}
    assert status[published.title] == "published" and status[both.title] == "published"
    assert status[waiting.title] == "draft"
    assert Meeting.objects.get(pk=talks.pk).status == "draft"
    official.refresh_from_db()
    assert official.status == "published"  # people and bodies: the events' pages name them
