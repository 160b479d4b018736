"""The resolver loads what it matches against from the stored folded names, as folding them again would."""

import pytest

from relations.importing import resolving
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
    rows = [(o.pk, o.name, o.country.code) for o in officials]
    rows += [(a.official_id, a.name, None) for a in OfficialAlias.objects.all()]
    expected = folded_again(rows)
    loaded = resolver.officials
    for key, pks in expected.names.items():
        assert loaded.named(key) == pks
    for pk, forms in expected.forms.items():
        assert loaded.forms_of(pk) == forms
    for token, pks in expected.tokens.items():
        assert loaded.with_token(token) == pks
    assert loaded.named("hoa") == set()
    assert loaded.with_token("petro") == set()  # a word, not part of one
    assert loaded.country == expected.country
    assert resolver.organizations.forms_of(org.pk) == {"bo ngoai giao", "ministry of foreign affairs"}
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


@pytest.mark.parametrize(
    "looked_up", [resolving.WORDS_LOOKED_UP, 0], ids=["one word at a time", "every word"]
)
def test_a_word_of_too_many_names_finds_no_one_as_it_did_when_indexed_name_by_name(monkeypatch, looked_up):
    monkeypatch.setattr(resolving, "WORDS_LOOKED_UP", looked_up)
    common = resolving.COMMON_TOKEN
    records = [(pk, f"ivan petrov{pk}", "RU") for pk in range(1, common + 1)]  # 200 Ivans
    records += [(common + 1, "", "RU"), (common + 2, "le van an", "")]
    aliases = [(1, "vanya"), (2, "ivan ivan"), (common + 2, "an le")]
    index, expected = _Index(), _Index()
    index.load(records, aliases)
    for pk, key, country in records:
        expected.add(pk, key, country)
    for pk, key in aliases:
        expected.add(pk, key)
    for name in ["ivan", "van", "an", "le", "petrov7", "vanya", "nobody"]:
        assert index.with_token(name) == expected.tokens.get(name, set())
        assert index.named(name) == expected.names.get(name, set())
    assert index.named("") == set()
    assert [index.forms_of(pk) for pk in (2, common + 1, common + 2)] == [
        expected.forms[2],
        set(),
        expected.forms[common + 2],
    ]
    index.add(common + 3, "Ivan Le")  # the 201st Ivan: too common from now on
    assert index.with_token("ivan") is None
    assert index.with_token("le") == {common + 2, common + 3}
    assert index.named("ivan le") == {common + 3}


@pytest.mark.parametrize(
    ("initialled", "full", "relation"),
    [
        ("P. Korsakov", "Pavel Korsakov", "likely"),  # a given name by its initial
        ("P.S. Korsakov", "Pavel Korsakov", "likely"),  # and a patronymic the other leaves out
        ("Korsakov P.S.", "Pavel Semyonovich Korsakov", "likely"),  # surname first, both initials
        ("Tran T. Lien", "Tran Thu Lien", "likely"),
        ("Tran B. Lien", "Tran Thu Lien", None),  # the initial is another word's
        ("R. Korsakov", "Pavel Korsakov", None),  # another given name
        ("P. Korsakov", "Korsakov", None),  # one word says too little
    ],
)
def test_a_name_written_with_initials_is_likely_the_name_written_out(initialled, full, relation):
    assert resolving.compare_names(initialled, full) == relation
    assert resolving.compare_names(full, initialled) == relation
