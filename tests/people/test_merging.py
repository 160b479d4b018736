"""Merging duplicate officials and organizations (people.merging), in the admin and after a re-import."""

import re

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from reversion.models import Version

from agreements.models import Agreement
from people import merging
from people.models import Official, OfficialAlias, Organization, Position
from relations.editorial.models import PendingChange
from relations.models import Article, Citation, Delegation
from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    DelegationFactory,
    MeetingFactory,
    OfficialAliasFactory,
    OfficialFactory,
    OrganizationFactory,
    PositionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair():
    return OfficialFactory(name="Nguyễn Văn Phong"), OfficialFactory(name="Nguen Van Fong")


def merge(pair, by):
    survivor, other = pair
    return merging.merge_officials(survivor, [other], by=by)


# ---------------------------------------------------------------- officials


def test_it_deletes_the_merged_official(pair, publisher):
    merge(pair, publisher)
    assert list(Official.objects.all()) == [pair[0]]


def test_it_keeps_the_merged_name_as_an_alias(pair, publisher):
    merge(pair, publisher)
    alias = pair[0].aliases.get()
    assert (alias.name, alias.name_folded, alias.kind) == ("Nguen Van Fong", "nguen van fong", "spelling")


def test_it_moves_aliases_without_duplicating_a_folded_form(pair, publisher):
    survivor, other = pair
    OfficialAliasFactory(official=survivor, name="Phong")
    OfficialAliasFactory(official=other, name="Phóng")
    OfficialAliasFactory(official=other, name="N. V. Fong")
    merge(pair, publisher)
    assert sorted(survivor.aliases.values_list("name", flat=True)) == [
        "N. V. Fong",
        "Nguen Van Fong",
        "Phong",
    ]


def test_it_merges_positions_that_would_repeat(pair, publisher):
    survivor, other = pair
    ministry = OrganizationFactory()
    PositionFactory(official=survivor, title="Minister", organization=ministry, first_seen="2019-01-01")
    PositionFactory(official=other, title="Minister", organization=ministry, first_seen="2018-05-01")
    PositionFactory(official=other, title="Deputy Minister", organization=ministry)
    merge(pair, publisher)
    positions = Position.objects.filter(official=survivor).order_by("title")
    assert [(p.title, str(p.first_seen)) for p in positions] == [
        ("Deputy Minister", "None"),
        ("Minister", "2018-05-01"),
    ]


def test_it_repoints_citations_and_drops_repeated_spans(pair, publisher):
    survivor, other = pair
    shared, own = ArticleFactory(), ArticleFactory()
    OfficialFactory._meta.model  # noqa: B018 (factories cite through post_generation)
    for official, articles in ((survivor, [shared]), (other, [shared, own])):
        for article in articles:
            Citation.objects.create(
                article=article, record=official, quote=article.text[:5], start=0, end=5, fields=["name"]
            )
    merge(pair, publisher)
    cited = Citation.objects.for_object(survivor).values_list("article_id", flat=True)
    assert sorted(cited) == sorted([shared.pk, own.pk])
    assert not Citation.objects.filter(object_id=other.pk, content_type=Citation.objects.first().content_type)


def test_it_moves_delegation_headships_and_memberships(pair, publisher):
    survivor, other = pair
    led = DelegationFactory(head=other)
    both = DelegationFactory(members=[survivor, other])
    merge(pair, publisher)
    assert Delegation.objects.get(pk=led.pk).head == survivor
    assert list(both.members.all()) == [survivor]


def test_it_does_not_list_the_head_as_a_member(pair, publisher):
    survivor, other = pair
    delegation = DelegationFactory(head=survivor, members=[other])
    merge(pair, publisher)
    assert list(delegation.members.all()) == []


def test_it_moves_meeting_participations_and_signatures(pair, publisher):
    survivor, other = pair
    meeting = MeetingFactory(participants=[other])
    agreement = AgreementFactory()
    agreement.signatories.add(other, survivor)
    merge(pair, publisher)
    assert list(meeting.participants.all()) == [survivor]
    assert list(Agreement.objects.get(pk=agreement.pk).signatories.all()) == [survivor]


def test_it_makes_the_merged_name_searchable_on_its_delegations(pair, publisher):
    survivor, other = pair
    delegation = DelegationFactory(head=other)
    merge(pair, publisher)
    delegation.refresh_from_db()
    assert "nguyen van phong" in delegation.search_text


def test_it_records_the_merge_in_the_history(pair, publisher):
    merge(pair, publisher)
    revision = Version.objects.get_for_object(pair[0]).first().revision
    assert revision.user == publisher
    assert revision.comment.startswith(f"Merged Nguen Van Fong (#{pair[1].pk}) into Nguyễn Văn Phong")


def test_it_undoes_everything_when_a_step_fails(pair, publisher, monkeypatch):
    survivor, other = pair
    DelegationFactory(head=other)

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(merging, "_finish_survivor", fail)
    with pytest.raises(RuntimeError):
        merge(pair, publisher)
    assert Official.objects.count() == 2
    assert Delegation.objects.get().head == other
    assert not OfficialAlias.objects.exists()


def test_it_refuses_an_editor(pair, editor):
    with pytest.raises(PermissionDenied):
        merge(pair, editor)
    assert Official.objects.count() == 2


# ---------------------------------------------------------------- organizations


def test_it_merges_organizations_with_their_parties_bodies_and_positions(publisher):
    survivor = OrganizationFactory(name="Ministry of Home Affairs", acronym="")
    other = OrganizationFactory(name="Ministry of Interior Affairs", acronym="MOHA")
    agreement = AgreementFactory(parties=[other])
    delegation = DelegationFactory(sending_body=other, host_body=survivor)
    official = OfficialFactory()
    PositionFactory(official=official, title="Minister", organization=survivor)
    PositionFactory(official=official, title="Minister", organization=other)
    child = OrganizationFactory(parent=other)
    merging.merge_organizations(survivor, [other], by=publisher)
    delegation.refresh_from_db()
    child.refresh_from_db()
    survivor.refresh_from_db()
    assert list(agreement.parties.all()) == [survivor]
    assert delegation.sending_body == survivor
    assert Position.objects.get(official=official).organization == survivor
    assert child.parent == survivor
    assert survivor.acronym == "MOHA"
    assert list(survivor.aliases.values_list("name", flat=True)) == ["Ministry of Interior Affairs"]
    assert not Organization.objects.filter(pk=other.pk).exists()


# ---------------------------------------------------------------- in the admin


def test_it_merges_from_the_admin_into_the_chosen_survivor(publisher_client, pair):
    survivor, other = pair
    response = publisher_client.post(
        reverse("admin:people_official_merge"), {"ids": f"{survivor.pk},{other.pk}", "survivor": other.pk}
    )
    assert response.status_code == 302
    assert list(Official.objects.all()) == [other]


def test_it_offers_the_merge_action_on_selected_officials(publisher_client, pair):
    response = publisher_client.post(
        reverse("admin:people_official_changelist"),
        {"action": "merge_selected", "_selected_action": [str(o.pk) for o in pair]},
    )
    assert response.status_code == 302
    assert reverse("admin:people_official_merge") in response["Location"]


def test_it_shows_what_moves_on_the_merge_page(publisher_client, pair):
    DelegationFactory(head=pair[1])
    ids = ",".join(str(o.pk) for o in pair)
    response = publisher_client.get(reverse("admin:people_official_merge"), {"ids": ids})
    assert "1 delegation led" in response.content.decode()
    DelegationFactory(head=pair[1])
    again = publisher_client.get(reverse("admin:people_official_merge"), {"ids": ids})
    assert "2 delegations led" in again.content.decode()


def test_the_merge_page_counts_everything_that_points_at_an_organization(publisher_client):
    body, other = OrganizationFactory(name="Ministry of Trade"), OrganizationFactory(name="Trade Ministry")
    OrganizationFactory(parent=body)
    DelegationFactory(sending_body=body)
    DelegationFactory(host_body=body, sending_body=None)
    AgreementFactory(parties=[body])
    PositionFactory(organization=body)
    assert dict(merging.ORGANIZATIONS.preview(body)) == {
        "aliases": 0,
        "positions": 1,
        "citations": 0,
        "delegations sent": 1,
        "delegations hosted": 1,
        "agreements": 1,
        "child bodies": 1,
    }
    ids = f"{body.pk},{other.pk}"
    page = publisher_client.get(reverse("admin:people_organization_merge"), {"ids": ids}).content.decode()
    assert "1 delegation sent" in page and "1 delegation hosted" in page and "1 child body" in page


def test_the_merge_page_counts_an_officials_memberships_meetings_and_signatures(pair):
    official = pair[1]
    DelegationFactory(head=None, members=[official])
    MeetingFactory(participants=[official])
    AgreementFactory().signatories.add(official)
    preview = dict(merging.OFFICIALS.preview(official))
    assert preview == {"aliases": 0, "positions": 0, "citations": 0} | {
        "delegations led": 0,
        "delegation memberships": 1,
        "meetings": 1,
        "agreements signed": 1,
    }


# ---------------------------------------------------------------- suggestions


def test_it_suggests_names_that_fold_alike_or_nearly(publisher):
    a = OfficialFactory(name="Nguyễn Văn Phong", country="VN")
    b = OfficialFactory(name="Nguyen Van Phong", country="VN")
    c = OfficialFactory(name="Nguyen Van Phongg", country="VN")
    OfficialFactory(name="Nguyễn Thị Lan", country="VN")
    pairs = {(s.a, s.b) for s in merging.suggest_duplicates(Official.objects.all())}
    assert pairs == {(a.pk, b.pk), (a.pk, c.pk), (b.pk, c.pk)}


def test_it_does_not_suggest_namesakes_of_different_countries():
    OfficialFactory(name="Le Vinh Tan", country="VN")
    OfficialFactory(name="Le Vinh Tan", country="CN")
    assert merging.suggest_duplicates(Official.objects.all()) == []


def test_it_lists_likely_duplicates_with_a_merge_link(publisher_client):
    a = OfficialFactory(name="Sergei Lavrov", country="RU")
    b = OfficialFactory(name="Sergey Lavrov", country="RU")
    response = publisher_client.get(reverse("admin:people_official_duplicates"))
    assert f"ids={a.pk}%2C{b.pk}" in response.content.decode()


# ---------------------------------------------------------------- a re-import after the merge


LINE = re.compile(r"^(?P<name>[A-Z][\w ]+) \((?P<country>[A-Z]{2})\) visits (?P<to>[A-Z]{2})\.$", re.M)


def fake_extract(text: str):
    """A stand-in extractor (as in tests/importing): "Name (VN) visits RU." proposes a visit by Name."""
    from relations.importing.proposals import (
        DelegationProposal,
        Evidence,
        Extraction,
        OfficialProposal,
        PartialDate,
    )

    extraction = Extraction(title=text.splitlines()[0][:80], date=PartialDate(2020, 5, 4))
    for i, m in enumerate(LINE.finditer(text)):
        ev = Evidence(m.start(), m.end(), ("name",))
        extraction.officials.append(
            OfficialProposal(key=f"o{i}", name=m["name"], country=m["country"], evidence=[ev])
        )
        extraction.delegations.append(
            DelegationProposal(
                key=f"d{i}", from_country=m["country"], to_country=m["to"], head=f"o{i}", evidence=[ev]
            )
        )
    return extraction


def test_it_maps_a_merged_name_to_the_survivor_on_the_next_import(monkeypatch, publisher):
    run = pytest.importorskip("relations.importing.run", reason="pipeline incomplete", exc_type=ImportError)
    monkeypatch.setattr(run, "extract", fake_extract)
    survivor = OfficialFactory(name="Nguyễn Văn Phong", country="VN", status="published")
    run.import_articles(files=[("a.txt", b"A visit\nNguen Van Fong (VN) visits RU.\n")])
    duplicate = Official.objects.exclude(pk=survivor.pk).get()  # too far apart for the importer
    merging.merge_officials(survivor, [duplicate], by=publisher)

    report = run.import_articles(files=[("b.txt", b"Another visit\nNguen Van Fong (VN) visits RU.\n")])
    assert not report.failed
    assert list(Official.objects.all()) == [survivor]
    assert Delegation.objects.filter(head=survivor).count() == 2
    # The survivor is published: the new article's citation of it waits for a publisher.
    assert not Citation.objects.for_object(survivor).filter(article__key="b").exists()
    change = PendingChange.objects.get(object_id=survivor.pk, content_type__model="official")
    rows = change.proposed["children"]["citations"]
    added = [row["fields"]["article"] for row in rows if row["pk"] is None]
    assert added == [Article.objects.get(key="b").pk]


def test_it_suggests_the_duplicates_of_one_record():
    a = OfficialFactory(name="Nguyễn Văn Phong", country="VN")
    b = OfficialFactory(name="Nguyen Van Phong", country="VN")
    OfficialFactory(name="Sergey Lavrov", country="RU")
    OfficialFactory(name="Sergei Lavrov", country="RU")
    suggestions = merging.suggest_duplicates(Official.objects.all(), only=b.pk)
    assert [(s.a, s.b) for s in suggestions] == [(a.pk, b.pk)]


@pytest.mark.parametrize(
    ("n", "plural", "shown"),
    [
        (1, "aliases", "1 alias"),
        (2, "aliases", "2 aliases"),
        (1, "child bodies", "1 child body"),
        (1, "delegations sent", "1 delegation sent"),
        (1, "delegation memberships", "1 delegation membership"),
        (0, "citations", "0 citations"),
    ],
)
def test_it_counts_in_the_singular_for_one(n, plural, shown):
    assert merging.counted(n, plural) == shown
