"""generate_data: the proportions of the issue, every status, reproducible for a seed."""

import pytest
from django.core.management import CommandError, call_command

from agreements.models import Agreement
from people.models import Official, OfficialAlias, Organization, Position
from relations.editorial.search import fold, fold_key
from relations.editorial.vocabulary import Flag, Status
from relations.models import Article, Citation, Delegation, Meeting
from relations.scale.generate import counts_for, generate_data

pytestmark = pytest.mark.django_db
CURATED = (Organization, Official, Delegation, Meeting, Agreement)


def snapshot():
    """What a seed decides, primary keys aside."""
    return {
        "delegations": list(
            Delegation.objects.order_by("pk").values_list(
                "slug", "status", "start_date", "from_country", "head__name", "search_text"
            )
        ),
        "officials": list(Official.objects.order_by("pk").values_list("name", "slug", "status", "country")),
        "agreements": list(
            Agreement.objects.order_by("pk").values_list("title", "state", "kind", "signed_on")
        ),
        "meetings": list(Meeting.objects.order_by("pk").values_list("slug", "date", "delegation__slug")),
        "citations": list(Citation.objects.order_by("pk").values_list("article__key", "quote")),
    }


def wipe():
    for model in (Citation, Agreement, Meeting, Delegation, Position, OfficialAlias, Official, Organization,
                  Article):  # fmt: skip
        model.objects.all().delete()


def test_it_creates_the_proportions_of_the_scale():
    generate_data(scale=60, seed=1)
    assert Delegation.objects.count() == 60
    assert Meeting.objects.count() == 60
    assert Official.objects.count() == 30
    assert Agreement.objects.count() == 20
    assert Organization.objects.count() == counts_for(60)["organizations"]
    assert Article.objects.count() == 15
    assert Citation.objects.count() >= 60 + 60 + 30 + 20


def test_it_creates_every_status_of_every_model():
    generate_data(scale=50, seed=2)
    for model in CURATED:
        assert set(model.objects.values_list("status", flat=True)) == set(Status.values), model


def test_it_flags_drafts_only_with_the_importers_flags():
    generate_data(scale=50, seed=2)
    for model in CURATED:
        flags = {flag for row in model.objects.values_list("flags", flat=True) for flag in row}
        assert flags and flags <= set(Flag.values), model


def test_it_creates_every_agreement_state():
    generate_data(scale=50, seed=2)
    assert set(Agreement.objects.values_list("state", flat=True)) == set(Agreement.State.values)


def test_it_is_reproducible_with_a_seed():
    generate_data(scale=40, seed=7)
    first = snapshot()
    wipe()
    generate_data(scale=40, seed=7)
    assert snapshot() == first


def test_it_differs_with_another_seed():
    generate_data(scale=40, seed=7)
    first = snapshot()["officials"]
    wipe()
    generate_data(scale=40, seed=8)
    assert snapshot()["officials"] != first


def test_it_fills_what_save_would_fill():
    generate_data(scale=30, seed=3)
    for model in CURATED:
        for record in model.objects.all():
            assert record.slug
            expected = record.search_text
            record.refresh_search_text()  # what save() computes, related records included
            assert set(record.search_text.split()) <= set(expected.split()), record
    for official in Official.objects.all():
        assert official.name_folded == fold_key(official.name)


def test_it_writes_names_with_diacritics_that_search_finds_folded():
    generate_data(scale=60, seed=4)
    names = list(Official.objects.values_list("name", flat=True))
    assert any(name != fold(name) for name in names)  # Vietnamese names keep their marks
    accented = next(name for name in names if fold(name) != name.lower())
    assert Official.objects.search(fold(accented)).exists()


def test_it_makes_citations_that_quote_their_article():
    generate_data(scale=20, seed=5)
    for citation in Citation.objects.select_related("article"):
        assert citation.article.text[citation.start : citation.end] == citation.quote


def test_it_refuses_a_database_with_records():
    generate_data(scale=10, seed=1)
    with pytest.raises(CommandError, match="already holds records"):
        call_command("generate_data", "--scale", "10")
