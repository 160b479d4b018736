"""The lean render path writes the same HTML as Django's templates did."""

import re
from pathlib import Path

import pytest
from django.template import Context, RequestContext, Template

from agreements.filters import AgreementFilter
from agreements.models import Agreement
from agreements.views import agreement_row
from people.filters import OfficialFilter, OrganizationFilter
from people.models import Official, Organization
from people.views import official_row, organization_row
from relations.editorial import rendering
from relations.filters import DelegationFilter, MeetingFilter
from relations.models import Delegation, Meeting
from relations.views import delegation_row, meeting_row
from tests.factories import (
    AgreementFactory,
    DelegationFactory,
    MeetingFactory,
    OfficialFactory,
    OrganizationFactory,
    PositionFactory,
)

pytestmark = pytest.mark.django_db

# The row templates the lists used before their rows were written in Python, and their filter form's
# template: the reference.
ROW_TEMPLATES = Path(__file__).resolve().parents[1] / "data" / "row_templates"
P = "published"
FILTERS = [DelegationFilter, MeetingFilter, OfficialFilter, OrganizationFilter, AgreementFilter]


def same(html: str) -> str:
    """Whitespace between tags does not matter to a browser."""
    return re.sub(r">\s+<", "><", str(html).strip())


@pytest.mark.parametrize("filterset_class", FILTERS, ids=lambda f: f.__name__)
@pytest.mark.parametrize(
    "data",
    [
        None,
        {"q": 'Đặng "<b>', "year": "2019", "sort": "-date", "from_country": "VN", "country": "RU"},
        {"year": "twenty", "start_after": "not a date", "sort": "sideways"},  # errors shown
    ],
    ids=["empty", "filled", "invalid"],
)
def test_every_filter_field_is_written_as_djangos_templates_write_it(filterset_class, data):
    filterset = filterset_class(data, queryset=filterset_class._meta.model.objects.none())
    form = filterset.form
    if data:
        form.is_valid()
    for field in form:
        assert same(rendering.field_group(field)) == same(field.as_field_group()), field.name


@pytest.mark.parametrize("filterset_class", FILTERS, ids=lambda f: f.__name__)
@pytest.mark.parametrize(
    "query",
    ["", "q=%C4%90%E1%BA%B7ng+%22%3Cb%3E&year=2019&sort=-date&from_country=VN", "year=twenty&sort=sideways"],
    ids=["empty", "filled", "invalid"],
)
def test_the_filter_form_is_written_as_its_template_wrote_it(filterset_class, query, rf):
    request = rf.get(f"/list/?{query}")
    filterset = filterset_class(request.GET or None, queryset=filterset_class._meta.model.objects.none())
    filterset.is_valid()
    source = (ROW_TEMPLATES / "filter_form.html").read_text()
    old = Template(source).render(Context({"form": filterset.form, "request": request}))
    assert rendering.filter_form(filterset.form, request) == old


def test_a_field_with_errors_and_help_is_described_by_both():
    form = DelegationFilter({"year": "twenty"}, queryset=None).form
    form.is_valid()
    html = rendering.field_group(form["year"])
    assert 'aria-invalid="true"' in html
    assert "errorlist" in html


def test_country_names_are_looked_up_once():
    rendering._country_name.cache_clear()
    assert rendering.country_name("VN") == "Vietnam"
    assert rendering.country_name("VN") == "Vietnam"
    assert rendering._country_name.cache_info().hits == 1
    assert rendering.country_name("") == ""


def test_the_country_select_marks_the_chosen_option_only():
    html = str(DelegationFilter({"from_country": "VN"}, queryset=None).form["from_country"])
    assert html.count(" selected") == 1
    assert '<option value="VN" selected>' in html
    rendered = Template("{{ f }}").render(
        Context({"f": DelegationFilter(None, queryset=None).form["to_country"]})
    )
    assert " selected" not in rendered.replace('value="" selected', "")


# ---------------------------------------------------------------- the results bar and the pages


@pytest.mark.parametrize(
    ("count", "capped", "filtered", "query"),
    [
        (0, False, False, ""),
        (1, False, True, "q=%C4%90%E1%BA%B7ng&year=2019"),
        (2, False, False, "page=2"),
        (10000, True, True, "from_country=VN&q=a+%26+b&page=3"),
    ],
)
def test_the_results_bar_is_written_as_its_template_wrote_it(rf, count, capped, filtered, query):
    request = rf.get(f"/delegations/?{query}")
    context = {
        "request": request,
        "count": count,
        "capped": capped,
        "filtered": filtered,
        "singular": "delegation",
        "plural": "delegations <&>",
        "export_url_name": "relations:delegation-export",
    }
    old = Template((ROW_TEMPLATES / "results_bar.html").read_text()).render(RequestContext(request, context))
    new = rendering.results_bar(
        request,
        count=count,
        capped=capped,
        filtered=filtered,
        singular="delegation",
        plural="delegations <&>",
        export_route="relations:delegation-export",
    )
    assert new == old


@pytest.mark.parametrize("rows", [3, 25, 250, 20_000])
@pytest.mark.parametrize("query", ["", "q=a+%26+%C4%91&sort=-date", "year=2019&page=x"])
def test_the_pages_are_written_as_their_template_wrote_them(rf, rows, query):
    from relations.editorial.pagination import ReversiblePaginator

    paginator = ReversiblePaginator(list(range(rows)), 25, count_limit=10_000)
    pages = sorted(
        {1, 2, 5, paginator.num_pages // 2 or 1, paginator.num_pages - 1 or 1, paginator.num_pages}
    )
    source = (Path(__file__).resolve().parents[2] / "templates" / "includes" / "pagination.html").read_text()
    for number in pages:
        if number > paginator.num_pages:
            continue
        request = rf.get(f"/delegations/?{query}&page={number}")
        page = paginator.page(number)
        old = Template("{% load public %}" + source).render(
            RequestContext(
                request,
                {
                    "request": request,
                    "page_obj": page,
                    "page_range": paginator.get_elided_page_range(number, on_each_side=2, on_ends=1),
                },
            )
        )
        new = rendering.pagination(
            request, page, paginator.get_elided_page_range(number, on_each_side=2, on_ends=1)
        )
        assert new == old, (rows, number)


def old_row(name: str, record) -> str:
    source = (ROW_TEMPLATES / f"{name}_row.html").read_text()
    return Template(source).render(Context({name: record}))


def records():
    """Records of every type with and without each optional part a row shows."""
    hanoi = OrganizationFactory(status=P, name="Bộ Ngoại giao <VN>", acronym="MOFA", country="VN")
    draft = OrganizationFactory(status="draft")
    OrganizationFactory(status=P, name="Unit & Co", parent=hanoi, country="")
    OrganizationFactory(status=P, name="Orphan", parent=draft, acronym="")
    lead = OfficialFactory(status=P, name='Đặng Thị "Hoa"', country="VN")
    for i in range(5):
        PositionFactory(official=lead, organization=hanoi if i % 2 else None, title=f"Post <{i}>")
    one = OfficialFactory(status=P, name="Иван Петров", country="RU")
    PositionFactory(official=one, organization=hanoi, title="Minister")
    OfficialFactory(status=P, name="Nobody", country="")
    full = DelegationFactory(status=P, head=lead, sending_body=hanoi, place="Moscow <centre>")
    DelegationFactory(
        status=P, head=OfficialFactory(status="draft"), place="", start_date=None, start_precision="",
        end_date=None, end_precision="", from_country="", to_country="FR",
    )  # fmt: skip
    MeetingFactory(status=P, participants=[lead, one], delegation=full)
    MeetingFactory(status=P, participants=3, delegation=DelegationFactory(status="draft"), date=None)
    MeetingFactory(status=P)
    AgreementFactory(status=P, parties=[hanoi], party_countries=["RU", "VN"])
    AgreementFactory(status=P, parties=2, party_countries=[], signed_on=None)
    AgreementFactory(status=P, parties=[draft], party_countries=["FR"])
    AgreementFactory(status=P, party_countries=[])


ROWS = {
    "delegation": (Delegation, delegation_row),
    "meeting": (Meeting, meeting_row),
    "official": (Official, official_row),
    "organization": (Organization, organization_row),
    "agreement": (Agreement, agreement_row),
}


@pytest.mark.parametrize("name", ROWS)
def test_every_row_is_written_as_its_template_wrote_it(name):
    records()
    model, row = ROWS[name]
    rows = list(model.objects.for_public_list())
    # The template read the related records through the record page's published-only querysets.
    pages = model.objects.for_public_detail().in_bulk([record.pk for record in rows])
    assert len(rows) >= 2
    for record in rows:
        assert same(row(record)) == same(old_row(name, pages[record.pk])), record.pk


# What a list prefetches as lists (rendering.listed), and what its rows read them with (rendering.related).
LISTED = {"meeting": "participants", "official": "positions", "agreement": "parties"}


@pytest.mark.parametrize("name", ROWS)
def test_a_list_writes_its_rows_from_prefetched_lists_as_from_querysets(name):
    records()
    model, row = ROWS[name]
    plain = list(model.objects.for_public_detail().order_by("pk"))  # the record page's querysets
    listed = list(model.objects.for_public_list().order_by("pk"))
    assert [row(record) for record in listed] == [row(record) for record in plain]
    for record in listed:
        kept = record.__dict__.get(f"{rendering.LISTED}{LISTED[name]}") if name in LISTED else None
        assert isinstance(kept, list) == (name in LISTED)
        if name in LISTED:  # published related records only, as the queryset gave them
            assert kept == list(rendering.related(plain[listed.index(record)], LISTED[name]))


# ---------------------------------------------------------------- counts that stop counting


@pytest.fixture
def small_pages(monkeypatch):
    """Lists of 2 rows a page that stop counting past 3 matches."""
    from relations.views import DELEGATIONS

    monkeypatch.setattr(DELEGATIONS.list_view, "paginate_by", 2)
    monkeypatch.setattr(DELEGATIONS.list_view, "count_limit", 3)
    return DelegationFactory.create_batch(5, status=P)


def test_a_list_stops_counting_past_its_limit(client, small_pages, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/delegations/")
    text = response.content.decode()
    assert "More than 3 delegations" in text
    assert "Page 1 of more than 2" in text
    assert 'href="?page=last"' in text
    # The plain list's count is the version's published keys; a filtered one counts up to the limit.
    assert not any("COUNT(" in q["sql"].upper() for q in queries.captured_queries)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/delegations/", {"sort": "-name"})
    assert "More than 3 delegations" in response.content.decode()
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/delegations/", {"to_country": small_pages[0].to_country.code})
    assert "More than 3 delegations" in response.content.decode()
    count = next(q["sql"] for q in queries.captured_queries if "COUNT(" in q["sql"].upper())
    assert "LIMIT 4" in count.upper()


def test_the_last_page_counts_exactly(client, small_pages):
    response = client.get("/delegations/", {"page": "last"})
    text = response.content.decode()
    assert response.context["page_obj"].number == 3
    assert "5 delegations" in text and "More than" not in text
    assert len(response.context["object_list"]) == 1
    every = list(Delegation.objects.for_public_list())
    assert list(response.context["object_list"]) == every[4:]


def test_a_list_under_its_limit_counts_exactly(client, monkeypatch):
    from relations.views import DELEGATIONS

    monkeypatch.setattr(DELEGATIONS.list_view, "count_limit", 10)
    DelegationFactory.create_batch(4, status=P)
    text = client.get("/delegations/").content.decode()
    assert "4 delegations" in text and "More than" not in text


def test_a_memo_block_is_written_once_per_what_it_depends_on(rf):
    from django.utils import translation

    template = Template("{% load public %}{% memo 'part' value %}{{ value }}-{{ other }}{% endmemo %}")
    request = rf.get("/")

    def render(value, other, version=None):
        request._public_page = (type("V", (), {"number": version})(), "") if version else None
        return template.render(RequestContext(request, {"value": value, "other": other}))

    assert render(1, "a") == "1-a"
    assert render(1, "b") == "1-a"  # what it is not keyed by is not read again
    assert render(2, "b") == "2-b"
    assert render(1, "c", version=7) == "1-c"  # another publication version
    assert render(1, "d", version=7) == "1-c"
    with translation.override("ru"):
        assert render(1, "e") == "1-e"  # another language


def test_the_header_marks_the_page_kind_it_is_on(client):
    for path, current in [("/delegations/", "Delegations"), ("/meetings/", "Meetings"), ("/", None)]:
        html = client.get(path).content.decode()
        nav = html[html.index('<nav class="site-nav"') : html.index("</nav>")]
        marked = re.findall(r'aria-current="page">([^<]+)<', nav)
        assert marked == ([current] if current else [])


@pytest.mark.parametrize(
    "values",
    [
        {},
        {"title": "Agreements", "description": "Signed & <ratified>", "url": "/agreements/?q=a&b=%22"},
        {"title": 'An "official"', "url": "/officials/x/", "type": "profile"},
        {"title": "", "description": "", "url": "", "type": ""},
    ],
    ids=["nothing given", "escaped", "a profile", "all empty"],
)
def test_the_page_meta_is_written_as_its_template_wrote_it(rf, values):
    from relations.context_processors import collection

    reference = (ROW_TEMPLATES / "meta.html").read_text()
    request = rf.get("/meetings/", {"q": "đ"})
    context = {**collection(request), **values, "request": request}
    expected = Template(reference).render(RequestContext(request, context))
    assert Template("{% include 'includes/meta.html' %}").render(RequestContext(request, context)) == expected
    written = Template(
        "{% load public %}{% page_meta title=title description=description url=url type=type %}"
    ).render(RequestContext(request, context))
    assert written == expected
