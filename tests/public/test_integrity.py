"""Only published material public, permanent addresses, publishing with what a record points to."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from people.merging import merge_officials, merge_organizations
from people.models import Official, Organization
from relations.editorial import workflow
from relations.models import Delegation
from tests.admin.conftest import user
from tests.admin.helpers import action, change_url, form_data
from tests.factories import (
    ArticleFactory,
    DelegationFactory,
    MeetingFactory,
    OfficialFactory,
    OrganizationFactory,
)

pytestmark = pytest.mark.django_db


def get(url: str):
    return Client().get(url)


def search(url_name: str, q: str) -> str:
    return get(reverse(url_name) + f"?q={q}").content.decode()


# ---------------------------------------------------------------- permanent addresses


def test_an_old_slug_answers_301_after_a_rename():
    official = OfficialFactory(status="published", name="Nikolai Patrushev")
    old = official.get_absolute_url()
    official.slug = "nikolai-p-patrushev"
    official.save()
    response = get(old)
    assert response.status_code == 301
    assert response["Location"] == official.get_absolute_url()
    assert get(official.get_absolute_url()).status_code == 200


@pytest.mark.parametrize(
    ("factory", "merge", "kept_name", "merged_name"),
    [
        (OfficialFactory, merge_officials, "Nguyễn Văn Phong", "Nguen Van Fong"),
        (OrganizationFactory, merge_organizations, "Ministry of Foreign Affairs", "Foreign Ministry"),
    ],
    ids=["official", "organization"],
)
def test_a_merged_records_address_answers_301_to_the_survivor(factory, merge, kept_name, merged_name):
    kept = factory(status="published", name=kept_name)
    merged = factory(status="published", name=merged_name)
    old = merged.get_absolute_url()
    merge(kept, [merged], by=user("publisher"))
    response = get(old)
    assert (response.status_code, response["Location"]) == (301, kept.get_absolute_url())


def test_addresses_follow_two_merges_in_one_step():
    first = OfficialFactory(status="published", name="Nguyen Van A")
    second = OfficialFactory(status="published", name="Nguyen Van B")
    third = OfficialFactory(status="published", name="Nguyen Van C")
    old = first.get_absolute_url()
    merge_officials(second, [first], by=user("publisher"))
    merge_officials(third, [second], by=user("publisher"))
    response = get(old)
    assert (response.status_code, response["Location"]) == (301, third.get_absolute_url())


def test_an_old_slug_of_an_unpublished_record_stays_404():
    official = OfficialFactory(status="draft", name="Nikolai Patrushev")
    old = official.get_absolute_url()
    official.slug = "renamed"
    official.save()
    assert get(old).status_code == 404


def test_a_new_record_never_takes_an_old_address():
    official = OfficialFactory(status="published", name="Nikolai Patrushev")
    old = official.get_absolute_url()
    official.slug = "renamed"
    official.save()
    namesake = OfficialFactory(status="published", name="Nikolai Patrushev")
    assert namesake.slug != "nikolai-patrushev"
    assert get(old)["Location"] == official.get_absolute_url()


def test_an_unknown_slug_is_still_404():
    assert get(reverse("people:official-detail", args=["nobody"])).status_code == 404


# ---------------------------------------------------------------- articles


def test_an_article_only_drafts_cite_is_404():
    article = ArticleFactory()
    DelegationFactory(status="draft", cited_in=article)
    assert get(article.get_absolute_url()).status_code == 404


def test_an_article_nobody_cites_is_404():
    assert get(ArticleFactory().get_absolute_url()).status_code == 404


def test_an_article_page_highlights_only_published_citations():
    article = ArticleFactory(text="First sentence here. Second sentence there.")
    DelegationFactory(status="published", cited_in=article)
    draft = DelegationFactory(status="draft")
    draft.citations.create(article=article, quote="Second sentence there.", start=21, end=43)
    page = get(article.get_absolute_url()).content.decode()
    assert "<mark>" in page and "First sentence here." in page
    assert "<mark>Second sentence there." not in page
    assert f"citation-{draft.citations.get().pk}" not in page


def test_an_article_page_goes_when_its_last_published_record_is_unpublished():
    article = ArticleFactory()
    delegation = DelegationFactory(status="published", cited_in=article)
    workflow.unpublish(Delegation.objects.filter(pk=delegation.pk), by=user("publisher"))
    assert get(article.get_absolute_url()).status_code == 404


# ---------------------------------------------------------------- search text from published names


@pytest.fixture
def with_draft_member():
    """A published delegation to which a publisher added a member still in draft."""
    delegation = DelegationFactory(status="published")
    delegation.members.add(OfficialFactory(status="draft", name="Zhukov Secretus"))
    delegation.reindex()
    return delegation


def test_a_published_delegation_is_not_found_by_a_draft_members_name(with_draft_member):
    assert "zhukov" not in Delegation.objects.get(pk=with_draft_member.pk).search_text
    assert with_draft_member.get_absolute_url() not in search("relations:delegation-list", "Zhukov")
    csv = get(reverse("relations:delegation-export") + "?q=Zhukov").getvalue().decode()
    assert len(csv.strip().splitlines()) == 1  # the header only


def test_a_delegation_is_found_once_its_member_is_published_and_not_after(with_draft_member):
    publisher = user("publisher")
    member = Official.objects.get(name="Zhukov Secretus")
    workflow.publish(Official.objects.filter(pk=member.pk), by=publisher)
    assert with_draft_member.get_absolute_url() in search("relations:delegation-list", "Zhukov")
    workflow.unpublish(Official.objects.filter(pk=member.pk), by=publisher)
    assert with_draft_member.get_absolute_url() not in search("relations:delegation-list", "Zhukov")


def test_a_draft_is_still_found_by_its_draft_heads_name_in_the_admin():
    head = OfficialFactory(status="draft", name="Zhukov Secretus")
    delegation = DelegationFactory(status="draft", head=head)
    assert Delegation.objects.search("Zhukov").get() == delegation


def test_a_meeting_is_not_found_by_a_draft_participants_name():
    draft = OfficialFactory(status="draft", name="Zhukov")
    meeting = MeetingFactory(status="published", participants=[draft])
    meeting.reindex()
    assert meeting.get_absolute_url() not in search("relations:meeting-list", "Zhukov")


# ---------------------------------------------------------------- publishing with what a record points to


@pytest.fixture
def visit():
    head = OfficialFactory(status="draft", name="Nikolai Patrushev")
    body = OrganizationFactory(status="review", name="Security Council")
    member = OfficialFactory(status="draft", name="Aleksandr Venediktov")
    return DelegationFactory(status="review", head=head, sending_body=body, members=[member])


def test_it_refuses_to_publish_a_delegation_with_a_draft_head_naming_it(visit):
    with pytest.raises(workflow.DraftDependencies) as refused:
        workflow.publish(Delegation.objects.filter(pk=visit.pk), by=user("publisher"))
    assert "Nikolai Patrushev" in str(refused.value)
    assert "Security Council" in str(refused.value)
    assert "Aleksandr Venediktov" in str(refused.value)
    assert Delegation.objects.get().status == "review"
    assert get(visit.get_absolute_url()).status_code == 404


def test_it_publishes_a_delegation_together_with_what_it_points_to(visit):
    workflow.publish(Delegation.objects.filter(pk=visit.pk), by=user("publisher"), with_dependencies=True)
    assert set(Official.objects.values_list("status", flat=True)) == {"published"}
    assert not Official.objects.filter(published_at__isnull=True).exists()
    assert Organization.objects.get().status == "published"
    page = get(visit.get_absolute_url()).content.decode()
    assert "Nikolai Patrushev" in page and "Security Council" in page and "Aleksandr Venediktov" in page


def test_it_refuses_together_without_permission_on_the_dependencies(visit):
    only_delegations = User.objects.create_user("delegations-publisher", is_staff=True)
    only_delegations.user_permissions.add(
        *workflow_permissions("change_delegation", "publish_delegation", "view_delegation")
    )
    with pytest.raises(workflow.PermissionDenied):
        workflow.publish(
            Delegation.objects.filter(pk=visit.pk),
            by=User.objects.get(pk=only_delegations.pk),
            with_dependencies=True,
        )
    assert Delegation.objects.get().status == "review"
    assert Official.objects.filter(status="published").count() == 0


def workflow_permissions(*codenames):
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(codename__in=codenames)


def test_the_admin_action_refuses_with_the_names(visit):
    client = Client()
    client.force_login(user("publisher"))
    response = action(client, Delegation, "publish_selected", [visit])
    page = client.get(response.url).content.decode()
    assert "Nikolai Patrushev" in page
    assert Delegation.objects.get().status == "review"


def test_the_admin_action_publishes_together(visit):
    client = Client()
    client.force_login(user("publisher"))
    action(client, Delegation, "publish_with_dependencies_selected", [visit])
    assert Delegation.objects.get().status == "published"
    assert Official.objects.get(name="Nikolai Patrushev").status == "published"


def test_the_change_form_shows_the_drafts_and_publishes_together(visit):
    client = Client()
    client.force_login(user("publisher"))
    page = client.get(change_url(visit))
    html = page.content.decode()
    assert 'id="draft-dependencies"' in html and "Nikolai Patrushev" in html
    client.post(change_url(visit), form_data(page) | {"_transition_publish_with_dependencies": "1"})
    assert Delegation.objects.get().status == "published"
    assert Organization.objects.get().status == "published"


def test_the_change_forms_publish_button_refuses_with_the_names(visit):
    client = Client()
    client.force_login(user("publisher"))
    page = client.get(change_url(visit))
    response = client.post(change_url(visit), form_data(page) | {"_transition_publish": "1"}, follow=True)
    assert "Nikolai Patrushev" in response.content.decode()
    assert Delegation.objects.get().status == "review"


def test_the_review_queue_refuses_with_the_names(visit):
    client = Client()
    client.force_login(user("publisher"))
    from django.contrib.contenttypes.models import ContentType

    ct = ContentType.objects.get_for_model(Delegation)
    response = client.post(
        reverse("admin:review-queue"), {"action": "publish", "ct": ct.pk, "pk": visit.pk}, follow=True
    )
    assert "Nikolai Patrushev" in response.content.decode()
    assert Delegation.objects.get().status == "review"
