import datetime

import pytest
from django.core.paginator import Paginator
from django.db.models import F

from relations.editorial.models import with_published
from relations.editorial.pagination import ReversiblePaginator
from relations.models import Delegation
from tests.factories import DelegationFactory, OfficialFactory

pytestmark = pytest.mark.django_db

ORDERINGS = {
    "default": [],
    "oldest, empty dates last": [F("start_date").asc(nulls_last=True), "pk"],
    "newest, empty dates last": [F("start_date").desc(nulls_last=True), "pk"],
    "title descending": ["-title", "pk"],
}


@pytest.mark.parametrize("joined", [False, True], ids=["plain", "joined heads"])
@pytest.mark.parametrize("ordering", ORDERINGS)
def test_every_page_read_backwards_is_the_page_read_forwards(ordering, joined):
    heads = [OfficialFactory(status=status) for status in ("published", "draft")]
    for i in range(23):
        day = None if i % 5 == 0 else datetime.date(2020, 1, 1) + datetime.timedelta(days=i % 7)
        DelegationFactory(title=f"Visit {i % 4}", start_date=day, end_date=None, head=heads[i % 2])
    queryset = Delegation.objects.all()
    if ORDERINGS[ordering]:
        queryset = queryset.order_by(*ORDERINGS[ordering])
    forwards = Paginator(queryset, 4)
    backwards = ReversiblePaginator(with_published(queryset, "head") if joined else queryset, 4)
    assert backwards.num_pages == forwards.num_pages == 6
    for number in forwards.page_range:
        assert [d.pk for d in backwards.page(number)] == [d.pk for d in forwards.page(number)], number


def test_joined_relations_read_none_unless_published(django_assert_num_queries):
    published, draft = OfficialFactory(status="published"), OfficialFactory(status="draft")
    shown = DelegationFactory(head=published)
    hidden = DelegationFactory(head=draft)
    with django_assert_num_queries(1):
        heads = {d.pk: d.head for d in with_published(Delegation.objects.all(), "head")}
    assert heads == {shown.pk: published, hidden.pk: None}


def test_the_last_page_is_read_from_the_end(django_assert_num_queries):
    for i in range(9):
        DelegationFactory(start_date=datetime.date(2020, 1, 1 + i), end_date=None)
    paginator = ReversiblePaginator(Delegation.objects.all(), 4)
    with django_assert_num_queries(2) as captured:
        page = paginator.page(3)
        assert len(page) == 1
    assert "OFFSET" not in captured.captured_queries[-1]["sql"]
    assert page.has_previous() and not page.has_next()


def test_a_capped_list_shows_its_first_pages_and_neighbours_then_an_ellipsis_not_its_last_pages():
    paginator = ReversiblePaginator(list(range(60)), 5, count_limit=40)
    assert paginator.capped and paginator.num_pages == 8
    assert list(paginator.get_elided_page_range(5, on_each_side=1, on_ends=1)) == [
        1,
        paginator.ELLIPSIS,
        4,
        5,
        6,
        paginator.ELLIPSIS,
    ]
    # a list under the limit numbers its pages as Django does
    whole = ReversiblePaginator(list(range(60)), 5, count_limit=100)
    assert list(whole.get_elided_page_range(6, on_each_side=1, on_ends=1)) == list(
        Paginator(list(range(60)), 5).get_elided_page_range(6, on_each_side=1, on_ends=1)
    )


def test_a_joined_page_is_read_by_its_keys_alone_with_its_filters_applied_once(django_assert_num_queries):
    published, draft = OfficialFactory(status="published"), OfficialFactory(status="draft")
    for i in range(12):
        DelegationFactory(
            place="Hue" if i % 3 else "Vinh",
            start_date=datetime.date(2020, 1, 1 + i),
            end_date=None,
            head=published if i % 2 else draft,
        )
    rows = with_published(Delegation.objects.filter(place="Hue"), "head").order_by("-start_date", "pk")
    expected = list(Delegation.objects.filter(place="Hue").order_by("-start_date", "pk"))
    paginator = ReversiblePaginator(rows, 3)
    with django_assert_num_queries(2) as captured:  # the count, then the page with its heads joined
        page = list(paginator.page(2))
    sql = captured.captured_queries[-1]["sql"]
    assert sql.count("Hue") == 1, sql  # in the keys' subquery only
    assert [d.pk for d in page] == [d.pk for d in expected[3:6]]
    assert [d.head for d in page] == [d.head if d.head.status == "published" else None for d in expected[3:6]]
    # Read backwards (a page past the middle), the same rows in the same order.
    last = list(paginator.page(paginator.num_pages))
    assert [d.pk for d in last] == [d.pk for d in expected[6:]]


def test_a_joined_search_page_matches_once():
    for i in range(4):
        DelegationFactory(title=f"Zubkov visit {i}", start_date=datetime.date(2020, 1, 1 + i), end_date=None)
    DelegationFactory(title="Another visit", start_date=datetime.date(2020, 2, 1), end_date=None)
    Delegation.reindex_all(Delegation.objects.values_list("pk", flat=True))
    rows = with_published(Delegation.objects.search("zubkov"), "head").order_by("-start_date", "pk")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        titles = [d.title for d in ReversiblePaginator(rows, 3).page(1)]
    assert titles == ["Zubkov visit 3", "Zubkov visit 2", "Zubkov visit 1"]
    # The page's query names the search once (PostgreSQL), or not at all: SQLite's full-text match ran
    # once, before the count, and the count and the page read its keys.
    assert captured.captured_queries[-1]["sql"].count("zubkov") == (connection.vendor != "sqlite")
    if connection.vendor == "sqlite":
        assert sum(q["sql"].count("zubkov") for q in captured.captured_queries) == 1


def test_a_joined_page_is_read_by_its_shapes_statement_built_once(monkeypatch):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from relations.editorial import pagination

    monkeypatch.setattr(pagination, "_statements", {})
    built = []

    class Counted(pagination.Statement):
        def __init__(self, *args):
            built.append(args)
            super().__init__(*args)

    monkeypatch.setattr(pagination, "Statement", Counted)
    head = OfficialFactory(status="published")
    for i in range(7):
        DelegationFactory(status="published", title=f"Visit {i}", head=head if i % 2 else None)
    rows = with_published(Delegation.objects.published().order_by("title", "pk"), "head")
    expected = list(rows.values_list("pk", flat=True))

    def read(paginator):
        with CaptureQueriesContext(connection) as captured:
            pages = [[(d.pk, d.head) for d in paginator.page(n)] for n in paginator.page_range]
        return pages, [q["sql"] for q in captured.captured_queries if "LIMIT" in q["sql"]]

    pages, statements = read(ReversiblePaginator(rows, 2))
    assert [pk for page in pages for pk, _ in page] == expected
    assert [h for page in pages for _, h in page] == [head if i % 2 else None for i in range(7)]
    assert len(built) == 2  # one per shape: read forwards and, past the middle, backwards
    assert all(pagination._statements.values())
    again, same_statements = read(ReversiblePaginator(rows, 2))
    assert again == pages and same_statements == statements and len(built) == 2
    # What is made from a page read by its statement is an ordinary query.
    page = pagination.window(rows, 2, 4)
    assert isinstance(page.query, pagination.ReadByStatement)
    assert page.count() == 2 and list(page.reverse().values_list("pk", flat=True)) == expected[2:4][::-1]
    monkeypatch.setattr(pagination, "reusing_the_statement", lambda shape, page: page)
    assert read(ReversiblePaginator(rows, 2)) == (pages, statements)  # the ORM's own text, row for row
