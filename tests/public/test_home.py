import datetime
import re

import pytest
from django.urls import reverse

from relations.editorial import workflow
from relations.models import Delegation
from tests.admin.conftest import make_user
from tests.factories import AgreementFactory, DelegationFactory, MeetingFactory

pytestmark = pytest.mark.django_db

HOME = reverse("relations:home")


def count_of(html: str, label: str) -> int:
    match = re.search(r'<span class="counts__n">(\d+)</span> <span class="counts__label">' + label, html)
    return int(match.group(1))


def test_it_counts_only_published_delegations(fetch):
    DelegationFactory.create_batch(2, status="published")
    for status in ["draft", "review", "archived"]:
        DelegationFactory(status=status)
    assert count_of(fetch(HOME).text, "delegations") == 2


def test_it_counts_only_published_officials(fetch):
    DelegationFactory(status="published")  # and its published head
    DelegationFactory(status="draft")  # and its draft head
    assert count_of(fetch(HOME).text, "officials") == 1


def test_it_shows_the_latest_published_delegations(fetch):
    DelegationFactory(status="published", title="Latest published visit")
    DelegationFactory(
        status="draft", title="Latest draft visit", start_date=datetime.date(2024, 1, 1), end_date=None
    )
    html = fetch(HOME).text
    assert "Latest published visit" in html
    assert "Latest draft visit" not in html


def test_it_draws_the_timeline_as_an_accessible_svg(fetch):
    DelegationFactory(status="published")
    html = fetch(HOME).text
    assert '<svg class="timeline__svg"' in html
    assert 'role="img" aria-labelledby="timeline-title timeline-desc"' in html


def test_it_draws_one_bar_per_year_and_direction(fetch):
    DelegationFactory(status="published", from_country="VN", to_country="RU")
    DelegationFactory(status="published", from_country="RU", to_country="VN")
    html = fetch(HOME).text
    assert "<title>2019: 1 delegation, Vietnam → Russia</title>" in html
    assert "<title>2019: 1 delegation, Russia → Vietnam</title>" in html


def test_it_draws_agreements_per_year(fetch):
    AgreementFactory.create_batch(2, status="published", signed_on=datetime.date(2020, 3, 1))
    assert "<title>2020: 2 agreements</title>" in fetch(HOME).text


def test_it_leaves_drafts_out_of_the_timeline(fetch):
    DelegationFactory(status="published")
    DelegationFactory(status="draft")
    AgreementFactory(status="draft", signed_on=datetime.date(2019, 1, 1))
    html = fetch(HOME).text
    assert "1 dated delegation (Vietnam → Russia: 1). Below, 0 dated agreements." in html


def test_it_gives_the_timeline_a_data_table(fetch):
    DelegationFactory.create_batch(3, status="published", start_date=datetime.date(2021, 5, 1), end_date=None)
    MeetingFactory(status="published")
    html = fetch(HOME).text
    assert re.search(r"<tr><th scope=\"row\">2021</th><td>3</td><td>3</td><td>0</td></tr>", html)


def test_it_says_so_when_nothing_is_published(fetch):
    DelegationFactory(status="draft")
    assert "No dated delegations or agreements are published yet." in fetch(HOME).text


def test_it_names_the_pair_of_countries_the_collection_covers(client, settings):
    settings.COLLECTION_COUNTRIES = ["LA", "VN"]
    page = client.get("/").content.decode()
    assert "Official contacts between Laos and Vietnam" in page
    assert "Laos–Vietnam Contacts" in page
    assert "Russia" not in page


def latest_list(html: str, label: str) -> list[str]:
    section = html.split(f'<h2 id="latest-{label}">', 1)[1].split("</section>", 1)[0]
    return re.findall(r'<li><a href="[^"]+">([^<]+)</a>', section)


def test_it_lists_undated_records_among_the_latest(fetch):
    AgreementFactory(status="published", title="Undated memorandum", signed_on=None, signed_precision="")
    MeetingFactory(status="published", title="Undated talks", date=None, date_precision="")
    DelegationFactory(status="published", title="Undated visit", start_date=None, end_date=None)
    html = fetch(HOME).text
    assert latest_list(html, "agreements") == ["Undated memorandum"]
    assert latest_list(html, "meetings") == ["Undated talks"]
    assert latest_list(html, "delegations") == ["Undated visit"]
    assert "No agreements are published yet" not in html


def test_it_lists_the_latest_by_publication_not_by_date(fetch):
    old = DelegationFactory(
        status="draft",
        head__status="published",
        title="Visit of 2015",
        start_date=datetime.date(2015, 1, 1),
        end_date=None,
    )
    DelegationFactory(
        status="published", title="Visit of 2023", start_date=datetime.date(2023, 1, 1), end_date=None
    )
    workflow.publish(Delegation.objects.filter(pk=old.pk), by=make_user("publisher"))
    assert latest_list(fetch(HOME).text, "delegations") == ["Visit of 2015", "Visit of 2023"]


def test_its_counts_are_what_the_lists_they_link_to_show(client, fetch):
    DelegationFactory.create_batch(4, status="published")
    DelegationFactory.create_batch(2, status="published", start_date=None, end_date=None)
    DelegationFactory(status="draft")
    html = fetch(HOME).text
    assert count_of(html, "delegations") == 6
    assert len(latest_list(html, "delegations")) == 5
    assert ">All delegations (6)</a>" in html
    listed = client.get(reverse("relations:delegation-list")).content.decode()
    assert "6 delegations" in listed


def bar_colours(html: str) -> dict[str, str]:
    return dict(
        re.findall(r'fill="(#[0-9a-f]{6})"><title>\d{4}: \d+ delegations?, ([^<]+)</title>', html)[::-1]
    )


def test_each_direction_keeps_its_colour_whatever_the_data(fetch):
    DelegationFactory(status="published", from_country="RU", to_country="VN")
    only_russia_to_vietnam = {v: k for k, v in bar_colours(fetch(HOME).text).items()}
    DelegationFactory.create_batch(3, status="published", from_country="VN", to_country="RU")
    both = {v: k for k, v in bar_colours(fetch(HOME).text).items()}
    assert only_russia_to_vietnam == {"Russia → Vietnam": "#b3382c"}
    assert both == {"Russia → Vietnam": "#b3382c", "Vietnam → Russia": "#1d5b8f"}


def test_each_bar_links_to_the_list_it_counts(client, fetch):
    DelegationFactory.create_batch(2, status="published", from_country="RU", to_country="VN")
    AgreementFactory(status="published", signed_on=datetime.date(2020, 3, 1))
    html = fetch(HOME).text
    delegations = "/delegations/?year=2019&amp;from_country=RU&amp;to_country=VN"
    assert (
        f'<a class="timeline__bar" href="{delegations}" aria-label="2019: 2 delegations, Russia → Vietnam">'
        in html
    )
    assert '<a class="timeline__bar" href="/agreements/?year=2020" aria-label="2020: 1 agreement">' in html
    listed = client.get(delegations.replace("&amp;", "&")).content.decode()
    assert "2 delegations match your filters" in listed
