import datetime

import pytest
from django.db import IntegrityError, transaction

from agreements.models import Agreement
from people.models import Official, OfficialAlias, Organization, Position
from relations.editorial.search import fold, fold_key
from relations.models import Article, Citation, Delegation, Meeting
from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    DelegationFactory,
    MeetingFactory,
    OfficialFactory,
    OrganizationFactory,
    PositionFactory,
)

pytestmark = pytest.mark.django_db
CURATED = [
    (Official, OfficialFactory),
    (Organization, OrganizationFactory),
    (Delegation, DelegationFactory),
    (Meeting, MeetingFactory),
    (Agreement, AgreementFactory),
]


def refused(**kwargs):
    return pytest.raises(IntegrityError, **kwargs)


# ---------------------------------------------------------------- folding


@pytest.mark.parametrize(
    ("name", "folded"),
    [
        ("Phạm Minh Chính", "pham minh chinh"),
        ("Đặng", "dang"),
        ("Tô Lâm", "to lam"),
        ("HÀ NỘI", "ha noi"),
        ("Nguyễn  Thị\tĐoàn", "nguyen thi doan"),
    ],
)
def test_it_folds_vietnamese_names(name, folded):
    assert fold(name) == folded


def test_it_folds_keys_without_punctuation():
    assert fold_key("Kolokoltsev, Vladimir A.") == "kolokoltsev vladimir a"


def test_it_keeps_the_folded_name_in_step_with_the_name():
    official = OfficialFactory(name="Đặng Minh Khôi")
    assert official.name_folded == "dang minh khoi"
    official.name = "Phạm Minh Chính"
    official.save(update_fields=["name"])
    official.refresh_from_db()
    assert official.name_folded == "pham minh chinh"


def test_it_folds_aliases():
    alias = OfficialAlias.objects.create(official=OfficialFactory(), name="PM Chính")
    assert alias.name_folded == "pm chinh"


# ---------------------------------------------------------------- the published() gate


@pytest.mark.parametrize(("model", "factory"), CURATED)
def test_it_lets_only_published_records_through_the_gate(model, factory):
    records = {status: factory(status=status) for status in ("draft", "review", "published", "archived")}
    assert list(model.objects.published()) == [records["published"]]


def test_it_searches_accent_insensitively():
    chinh = OfficialFactory(name="Phạm Minh Chính")
    OfficialFactory(name="Igor Zubov")
    assert list(Official.objects.search("Pham Minh Chinh")) == [chinh]
    assert list(Official.objects.search("CHÍNH")) == [chinh]


# ---------------------------------------------------------------- constraints


def test_it_refuses_a_delegation_that_ends_before_it_starts():
    with refused(match="delegation_end_after_start"):
        DelegationFactory(start_date=datetime.date(2020, 5, 2), end_date=datetime.date(2020, 5, 1))


def test_it_refuses_an_agreement_period_that_ends_before_it_starts():
    with refused(match="agreement_period_end_after_start"):
        AgreementFactory(period_start=2022, period_end=2019)


@pytest.mark.parametrize(("model", "factory"), CURATED)
def test_it_refuses_an_unknown_status(model, factory):
    with refused(match="status_valid"):
        factory(status="deleted")


@pytest.mark.parametrize(("model", "factory"), CURATED)
def test_it_refuses_a_confidence_outside_0_to_1(model, factory):
    with refused(match="confidence_range"):
        factory(confidence=1.5)


@pytest.mark.parametrize(("field", "value"), [("kind", "novel"), ("state", "imagined")])
def test_it_refuses_an_unknown_agreement_kind_or_state(field, value):
    with refused(match=f"agreement_{field}_valid"):
        AgreementFactory(**{field: value})


def test_it_refuses_an_unknown_date_precision():
    with refused(match="delegation_start_precision_valid"):
        DelegationFactory(start_precision="week")


def test_it_refuses_a_position_that_ends_before_it_starts():
    with refused(match="position_end_after_start"):
        PositionFactory(start_date=datetime.date(2020, 1, 2), end_date=datetime.date(2019, 1, 1))


def test_it_refuses_a_position_last_seen_before_first_seen():
    with refused(match="position_last_seen_after_first"):
        PositionFactory(first_seen=datetime.date(2020, 1, 2), last_seen=datetime.date(2019, 1, 1))


def test_it_refuses_the_same_title_twice_for_one_official_and_body():
    position = PositionFactory()
    with refused():
        Position.objects.create(
            official=position.official, title=position.title, organization=position.organization
        )


def test_it_refuses_an_organization_that_is_its_own_parent():
    org = OrganizationFactory()
    org.parent = org
    with refused(match="organization_not_own_parent"):
        org.save()


def test_it_refuses_two_articles_with_one_key():
    ArticleFactory(key="000_abc")
    with refused():
        ArticleFactory(key="000_abc")


def test_it_refuses_two_articles_with_one_text():
    article = ArticleFactory()
    with refused():
        ArticleFactory(text=article.text)


def test_it_refuses_a_citation_that_ends_before_it_starts():
    official = OfficialFactory()
    with refused(match="citation_end_after_start"):
        Citation.objects.create(article=ArticleFactory(), record=official, quote="x", start=5, end=5)


def test_it_refuses_the_same_citation_twice():
    official, article = OfficialFactory(), ArticleFactory()
    Citation.objects.create(article=article, record=official, quote="x", start=0, end=1)
    with refused():
        Citation.objects.create(article=article, record=official, quote="x", start=0, end=1)


def test_it_refuses_two_aliases_that_fold_alike_for_one_official():
    official = OfficialFactory()
    OfficialAlias.objects.create(official=official, name="Lê Vĩnh Tân")
    with refused():
        OfficialAlias.objects.create(official=official, name="Le Vinh Tan")


@pytest.mark.parametrize(("model", "factory"), CURATED)
def test_it_gives_every_record_a_unique_slug(model, factory):
    first = factory()
    second = factory()
    assert first.slug and second.slug and first.slug != second.slug
    with transaction.atomic(), refused():
        model.objects.filter(pk=second.pk).update(slug=first.slug)


def test_it_makes_slugs_from_folded_names():
    assert OfficialFactory(name="Phạm Minh Chính").slug == "pham-minh-chinh"
    assert OfficialFactory(name="Phạm Minh Chính").slug == "pham-minh-chinh-2"


@pytest.mark.parametrize(("model", "factory"), CURATED)
def test_every_record_has_a_name_and_an_address(model, factory):
    record = factory()
    assert str(record)
    assert record.get_absolute_url().endswith(f"/{record.slug}/")


def test_it_cites_the_exact_sentence():
    article = ArticleFactory(text="First sentence. Le Vinh Tan met Seryshev. Last.")
    official = OfficialFactory(name="Le Vinh Tan")
    citation = Citation.objects.create(
        article=article, record=official, quote="Le Vinh Tan met Seryshev.", start=16, end=41
    )
    assert list(official.citations.all()) == [citation]
    assert citation.context[1] == article.text[16:41]


def test_it_writes_partial_dates_at_their_precision():
    delegation = DelegationFactory(
        start_date=datetime.date(2019, 8, 1), start_precision="month", end_date=None, end_precision=""
    )
    assert (delegation.start_iso, delegation.end_iso) == ("2019-08", "")
    assert MeetingFactory(date=datetime.date(2021, 1, 1), date_precision="year").date_iso == "2021"


def test_it_has_a_publish_permission_per_curated_model():
    from django.contrib.auth.models import Permission

    codenames = set(
        Permission.objects.filter(codename__startswith="publish_").values_list("codename", flat=True)
    )
    assert codenames >= {f"publish_{m._meta.model_name}" for m, _ in CURATED}
    assert Article._meta.get_field("key").unique


@pytest.mark.parametrize(
    ("read_all_after", "queries"),
    [(200, 3), (0, 2)],  # a query a name; or all read at once, a query a collision
)
def test_a_slug_pool_hands_out_what_unique_slug_would(read_all_after, queries, django_assert_num_queries):
    from relations.editorial.models import SlugHistory, SlugPool, unique_slug

    taken = OfficialFactory(name="Phạm Minh Chính")
    OfficialFactory(name="Phạm Minh Chính")  # pham-minh-chinh-2
    gone = OfficialFactory(name="Lê Văn Thành")
    SlugHistory.remember(taken, [gone.slug])  # an old address never goes to another record
    gone.delete()
    pool = SlugPool()
    pool.read_all_after = read_all_after
    first = pool.take(Official, "Phạm Minh Chính")
    assert first == unique_slug(Official, "Phạm Minh Chính") == "pham-minh-chinh-3"
    assert pool.take(Official, "Lê Văn Thành") == "le-van-thanh-2"
    with django_assert_num_queries(queries):
        assert pool.take(Official, "Pham Minh Chinh") == "pham-minh-chinh-4"
        assert pool.take(Official, "Le Van Thanh") == "le-van-thanh-3"
        assert pool.take(Official, "Nguyễn Văn An") == "nguyen-van-an"
    OfficialFactory(name="Phạm Minh Chính", slug="pham-minh-chinh-5")  # another writer's, since
    assert pool.take(Official, "Phạm Minh Chính") == "pham-minh-chinh-6"
