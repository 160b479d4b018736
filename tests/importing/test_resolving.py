"""The resolver loads what it matches against from the stored folded names, as folding them again would."""

import pytest

from relations.importing.resolving import Resolver, _Index
from tests.factories import OfficialAliasFactory, OfficialFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def folded_again(rows) -> _Index:
    index = _Index()
    for pk, name, country in rows:
        index.add(pk, name, country)
    return index


def test_it_loads_the_same_index_as_folding_every_name_again():
    from people.models import OfficialAlias, OrganizationAlias

    officials = [OfficialFactory(name=n, country=c) for n, c in [("Đặng Thị Hoa", "VN"), ("Иван Петров", "")]]
    OfficialAliasFactory(official=officials[0], name="Dang T. Hoa")
    org = OrganizationFactory(name="Bộ Ngoại giao", acronym="mofa", country="VN")
    OrganizationAlias.objects.create(organization=org, name="Ministry of Foreign Affairs")
    resolver = Resolver.load()
    expected = folded_again(
        [(o.pk, o.name, o.country.code) for o in officials]
        + [(a.official_id, a.name, None) for a in OfficialAlias.objects.all()]
    )
    assert (resolver.officials.names, resolver.officials.forms) == (expected.names, expected.forms)
    assert resolver.officials.tokens == expected.tokens
    assert resolver.officials.country == expected.country
    assert resolver.organizations.forms[org.pk] == {"bo ngoai giao", "ministry of foreign affairs"}
    assert resolver.acronyms[("MOFA", "VN")] == {org.pk}
    assert resolver.match_official(["Dang Thi Hoa"], "VN").pk == officials[0].pk


def test_an_agreement_reported_by_two_articles_is_one_record():
    from agreements.models import Agreement
    from relations.importing import run

    text = (
        "MOSCOW, June 16 - The sides signed a memorandum of understanding on cooperation in energy for"
        " 2016-2020. Another article, {n}.\n"
    )
    for other in range(3):  # same period, other titles: passed over
        Agreement.objects.create(title=f"Programme number {other}", period_start=2016, period_end=2020)
    run.import_articles(files=[("a.txt", ("Energy\n" + text.format(n=1)).encode())])
    report = run.import_articles(files=[("b.txt", ("Energy deal\n" + text.format(n=2)).encode())])
    assert report.new == ["b.txt"]
    matching = Agreement.objects.filter(title__icontains="memorandum of understanding on cooperation")
    assert matching.count() == 1
    assert report.matched["agreements"] == 1
