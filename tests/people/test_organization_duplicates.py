"""The organizations' duplicate finder: built for bodies (country suffixes, acronyms, word order, parents)."""

import pytest

from people.merging import suggest_organization_duplicates
from people.models import Organization
from tests.factories import OrganizationFactory, bodies_with_duplicates

pytestmark = pytest.mark.django_db


def pairs() -> dict[frozenset, str]:
    return {
        frozenset({s.a_name, s.b_name}): s.reason
        for s in suggest_organization_duplicates(Organization.objects.all())
    }


@pytest.fixture
def bodies():
    bodies_with_duplicates()


def test_it_proposes_a_name_with_and_without_its_country(bodies):
    found = pairs()
    assert frozenset({"Ministry of Home Affairs", "Ministry of Home Affairs of Vietnam"}) in found
    assert frozenset({"Security Council of Russia", "Security Council of the Russian Federation"}) in found


def test_it_does_not_propose_two_different_ministries(bodies):
    assert frozenset({"Ministry of Home Affairs", "Ministry of Foreign Affairs"}) not in pairs()


def test_it_does_not_propose_a_committee_of_other_words(bodies):
    found = pairs()
    assert (
        frozenset({"Party Committee of the Central", "Central Committee of the Communist Party"}) not in found
    )


def test_it_never_explains_a_pair_of_bodies_by_a_surname(bodies):
    assert not any("surname" in reason for reason in pairs().values())


def test_it_proposes_an_acronym_and_its_name():
    OrganizationFactory(name="Communist Party of Vietnam", country="VN", acronym="CPV")
    OrganizationFactory(name="CPV", country="VN", acronym="")
    assert pairs() == {frozenset({"Communist Party of Vietnam", "CPV"}): "“CPV” is the other's acronym"}


def test_it_proposes_the_same_words_in_another_order():
    OrganizationFactory(name="Committee for External Relations", country="VN", acronym="")
    OrganizationFactory(name="External Relations Committee", country="VN", acronym="")
    assert list(pairs().values()) == ["same words in another order"]


def test_it_proposes_a_misspelling():
    OrganizationFactory(name="Ministry of Finance", country="VN", acronym="")
    OrganizationFactory(name="Ministry of Fnance", country="VN", acronym="")
    assert list(pairs().values()) == ["spelled almost alike"]


def test_it_keeps_apart_parts_of_different_bodies():
    hanoi = OrganizationFactory(name="Hanoi People's Committee", country="VN")
    hcmc = OrganizationFactory(name="Ho Chi Minh City People's Committee", country="VN")
    OrganizationFactory(name="Department of Foreign Affairs", country="VN", parent=hanoi, acronym="")
    OrganizationFactory(name="Department of Foreign Affairs", country="VN", parent=hcmc, acronym="")
    assert pairs() == {}


def test_it_says_when_two_share_a_parent():
    party = OrganizationFactory(name="Communist Party of Vietnam", country="VN", acronym="CPV")
    OrganizationFactory(name="Central Committee", country="VN", parent=party, acronym="")
    OrganizationFactory(name="Central Committee of Vietnam", country="VN", parent=party, acronym="")
    assert list(pairs().values()) == ["same name but for “of <country>” under the same parent"]


def test_it_keeps_apart_bodies_of_two_countries():
    OrganizationFactory(name="Ministry of Defence", country="VN", acronym="")
    OrganizationFactory(name="Ministry of Defence", country="RU", acronym="")
    assert pairs() == {}


def test_a_merge_summary_counts_in_words():
    from people.merging import MergeResult

    survivor = OrganizationFactory(name="Ministry of Home Affairs")
    result = MergeResult(survivor=survivor, merged=["MOHA (#9)"], moved={"aliases": 1, "positions": 2})
    assert result.summary().endswith("; moved 1 alias, 2 positions.")
