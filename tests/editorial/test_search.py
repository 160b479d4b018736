"""The trigram indexes behind search: made after migrate, kept in step, and used by ``search()``."""

import pytest
from django.db import connection

from people.models import Official
from relations.editorial.search import ensure_search_indexes, fts_table, sqlite_has_trigram_fts
from relations.models import Delegation
from tests.factories import DelegationFactory, OfficialFactory

pytestmark = pytest.mark.django_db
sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 table")
postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's pg_trgm index")


def found(q: str, model=Official) -> list[str]:
    return sorted(str(record) for record in model.objects.search(q))


def test_search_ignores_accents_case_and_word_order():
    OfficialFactory(name="Đặng Thị Hoa")
    OfficialFactory(name="Nguyễn Văn Minh")
    assert found("dang") == ["Đặng Thị Hoa"]
    assert found("HOA ĐẶNG") == ["Đặng Thị Hoa"]
    assert found("van minh nguyen") == ["Nguyễn Văn Minh"]
    assert found("dang minh") == []


def test_short_terms_and_quotes_are_searched_too():
    OfficialFactory(name="Ly Ba")
    OfficialFactory(name='Anna "Ba" Ivanova')
    assert found("ly") == ["Ly Ba"]
    assert found('"ba" ivanova') == ['Anna "Ba" Ivanova']
    assert found('iva"') == []


def test_search_follows_inserts_updates_and_deletes():
    official = OfficialFactory(name="Sergei Lavrov")
    assert found("lavrov") == ["Sergei Lavrov"]
    official.name = "Sergei Shoigu"
    official.save()
    assert found("lavrov") == []
    assert found("shoigu") == ["Sergei Shoigu"]
    official.delete()
    assert found("shoigu") == []


def test_a_record_is_found_by_its_related_names():
    head = OfficialFactory(name="Trần Đại Quang")
    DelegationFactory(title="State visit", head=head)
    assert found("tran dai", Delegation) == ["State visit"]


@sqlite_only
def test_sqlite_searches_through_the_fts_table():
    assert sqlite_has_trigram_fts()
    sql = str(Official.objects.search("lavrov ab").query)
    assert f'"{fts_table(Official)}" MATCH' in sql
    assert "LIKE" in sql  # "ab" is shorter than a trigram


@sqlite_only
def test_lost_triggers_are_made_again_and_the_table_rebuilt():
    OfficialFactory(name="Before Dropping")
    table = fts_table(Official)
    with connection.cursor() as cursor:
        cursor.execute(f'DROP TRIGGER "{table}_insert"')
    OfficialFactory(name="While Missing")  # not indexed: no trigger
    assert found("while missing") == []
    ensure_search_indexes(connection.alias)
    assert found("while missing") == ["While Missing"]
    OfficialFactory(name="After Repair")
    assert found("after repair") == ["After Repair"]
    assert found("before dropping") == ["Before Dropping"]


@postgresql_only
def test_postgresql_has_a_trigram_index_on_each_search_text():
    with connection.cursor() as cursor:
        cursor.execute("SELECT tablename, indexdef FROM pg_indexes WHERE indexname LIKE '%%_search_trgm'")
        indexes = dict(cursor.fetchall())
    for table in ["people_official", "people_organization", "relations_delegation", "relations_meeting"]:
        assert "gin_trgm_ops" in indexes[table]
    assert "agreements_agreement" in indexes


@sqlite_only
@pytest.mark.parametrize("dense_from", [1, 1000], ids=["many matches", "few matches"])
def test_a_page_of_many_matches_walks_its_order_and_finds_the_same_rows(monkeypatch, dense_from):
    import datetime

    from django.test.utils import CaptureQueriesContext

    from relations.editorial import pagination
    from relations.editorial.models import with_published

    monkeypatch.setattr(pagination, "DENSE_MATCHES", dense_from)
    for i in range(9):
        DelegationFactory(
            status="published" if i != 4 else "draft",
            title=f"Volodin visit {i}" if i % 3 else f"Other visit {i}",
            start_date=datetime.date(2020, 1, 1 + i),
            end_date=None,
        )
    rows = with_published(Delegation.objects.published().search("volodin"), "head")
    expected = [d.title for d in Delegation.objects.published().filter(title__startswith="Volodin")]
    with CaptureQueriesContext(connection) as captured:
        paginator = pagination.ReversiblePaginator(rows, 2)
        titles = [d.title for number in paginator.page_range for d in paginator.page(number)]
    assert (
        titles
        == expected
        == ["Volodin visit 8", "Volodin visit 7", "Volodin visit 5", "Volodin visit 2", "Volodin visit 1"]
    )
    matches = [q["sql"] for q in captured.captured_queries if " MATCH " in q["sql"]]
    assert len(matches) == 1  # run once, for the count and every page
    pages = [q["sql"] for q in captured.captured_queries if "U0" in q["sql"]]
    walked = ['+U0."id" IN (SELECT value FROM json_each(' in sql for sql in pages]
    assert len(pages) == paginator.num_pages == 3
    assert walked == [dense_from == 1] * len(pages)
    counts = [q["sql"] for q in captured.captured_queries if "COUNT(" in q["sql"]]
    assert counts and not any("+" in sql for sql in counts)  # the count looks matches up by key


@sqlite_only
def test_a_searchs_count_comes_from_its_matches_and_follows_each_publication(client):
    import datetime

    from django.db import transaction
    from django.test.utils import CaptureQueriesContext

    from relations.editorial import publication

    visits = [
        DelegationFactory(
            status="published" if i < 4 else "draft",
            title=f"Volodin visit {i}",
            start_date=datetime.date(2019 + i % 2, 1, 1 + i),
            end_date=None,
        )
        for i in range(6)
    ]
    DelegationFactory(status="published", title="Another visit")
    with CaptureQueriesContext(connection) as captured:
        text = client.get("/delegations/", {"q": "volodin"}).content.decode()
    assert "4 delegations" in text
    assert not [q for q in captured.captured_queries if "COUNT(" in q["sql"].upper()]
    with transaction.atomic():
        Delegation.objects.filter(pk=visits[0].pk).update(status="review")
        Delegation.objects.filter(pk=visits[5].pk).update(status="published")
        publication.changed()
    text = client.get("/delegations/", {"q": "volodin"}).content.decode()
    assert "4 delegations" in text and visits[0].title not in text and visits[5].title in text
    with transaction.atomic():
        Delegation.objects.filter(pk=visits[1].pk).update(status="review")
        publication.changed()
    assert "3 delegations" in client.get("/delegations/", {"q": "volodin"}).content.decode()
    # Another condition besides the match: counted by a query, the same way.
    with CaptureQueriesContext(connection) as captured:
        text = client.get("/delegations/", {"q": "volodin", "year": 2019}).content.decode()
    assert "1 delegation " in text or "1 delegation\n" in text
    assert [q for q in captured.captured_queries if "COUNT(" in q["sql"].upper()]


@sqlite_only
@pytest.mark.parametrize("scan_rows", [10_000, 0], ids=["scanned", "looked up"])
def test_a_capped_searchs_count_stops_reading_matches_and_its_page_finds_the_same_rows(
    monkeypatch, scan_rows
):
    import datetime

    from django.test.utils import CaptureQueriesContext

    from relations.editorial import pagination, publication
    from relations.editorial.models import with_published

    monkeypatch.setattr(pagination, "SCAN_ROWS", scan_rows)
    for i in range(12):
        DelegationFactory(
            status="draft" if i in (3, 8) else "published",
            title=f"Volodin visit {i}" if i % 4 else f"Other visit {i}",
            start_date=datetime.date(2020, 1, 1 + i),
            end_date=None,
        )
    expected = [d.title for d in Delegation.objects.published().filter(title__startswith="Volodin")]
    assert len(expected) == 8
    rows = with_published(Delegation.objects.published().search("volodin"), "head")
    with CaptureQueriesContext(connection) as captured:
        paginator = pagination.ReversiblePaginator(rows, 2, count_limit=3, version=publication.current())
        assert paginator.count == 4 and paginator.capped and paginator.stopped_at is not None
        first = [d.title for d in paginator.page(1)]
    assert first == expected[:2]
    assert not [q for q in captured.captured_queries if "COUNT(" in q["sql"].upper()]
    matches = [q["sql"] for q in captured.captured_queries if " MATCH " in q["sql"]]
    scanned = [q["sql"] for q in captured.captured_queries if "LIKE" in q["sql"]]
    # Scanned: the match ran once, for the count, and the page tested the rows it walked; else the page
    # read every match.
    assert (len(matches), bool(scanned)) == ((1, True) if scan_rows else (2, False))
    # Every page, and the exact count of the last, give each match once, in order.
    exact = pagination.ReversiblePaginator(rows, 2, version=publication.current())
    assert exact.count == 8
    version = publication.current()
    capped = [pagination.ReversiblePaginator(rows, 2, count_limit=3, version=version) for _ in (1, 2)]
    titles = [d.title for number in (1, 2) for d in capped[number - 1].page(number)]
    titles += [d.title for number in (3, 4) for d in exact.page(number)]
    assert titles == expected


@pytest.mark.parametrize("stop", [2, 4, 10])
def test_a_searchs_capped_count_is_the_count_stopped_at_its_limit(stop):
    from django.test.utils import CaptureQueriesContext

    from relations.editorial.pagination import capped_count

    for i in range(5):
        DelegationFactory(status="published" if i != 2 else "draft", title=f"Volodin visit {i}")
    DelegationFactory(status="published", title="Another visit")
    keys = Delegation.objects.published().search("volodin").order_by().values("pk")
    with CaptureQueriesContext(connection) as captured:
        counted = capped_count(keys, stop, search=True)
    assert counted == min(stop, 4) == keys[:stop].count()
    # PostgreSQL plans the matches whole (the trigram index), then stops reading them at the limit.
    assert ("MATERIALIZED" in captured.captured_queries[0]["sql"]) == (connection.vendor == "postgresql")
    assert capped_count(keys.none(), stop, search=True) == 0
