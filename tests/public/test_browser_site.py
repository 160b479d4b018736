"""Search, the home page, the error pages, in a real browser (Debian's chromium through Playwright)."""

import zipfile
from xml.etree import ElementTree

import pytest
from frictionless import Package

from tests.factories import AgreementFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_it_searches_every_record_type_from_the_home_page(page, live_server, collection, artifacts_dir):
    page.goto(f"{live_server.url}/")
    page.get_by_label("Search the collection").fill("le vinh tan")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/search/?q=le+vinh+tan")
    headings = page.locator(".search-group h3").all_inner_texts()
    page.screenshot(path=artifacts_dir / "search.png", full_page=True)
    assert [h.split()[0] for h in headings] == ["Delegations", "Officials"]
    assert page.locator(".search-group mark").first.inner_text() == "Lê"
    page.get_by_role("link", name="Officials matching “le vinh tan” as a list").click()
    page.wait_for_url("**/officials/?q=le+vinh+tan")
    assert page.locator("table.records tbody tr").count() == 1


def test_its_home_page_counts_are_what_its_lists_reach(page, live_server, collection, artifacts_dir):
    AgreementFactory(status="published", title="Undated protocol", signed_on=None, signed_precision="")
    page.goto(f"{live_server.url}/")
    page.screenshot(path=artifacts_dir / "home-latest.png", full_page=True)
    agreements = page.locator("section[aria-labelledby=latest-agreements] li a").all_inner_texts()
    count = int(page.locator(".counts a", has_text="agreements").locator(".counts__n").inner_text())
    assert agreements[0] == "Undated protocol"
    assert len(agreements) == min(count, 5)
    page.locator(".counts a", has_text="agreements").click()
    page.wait_for_url("**/agreements/")
    assert page.locator("#results-heading").inner_text() == f"{count} agreements"


def test_it_answers_a_wrong_address_with_a_page_of_the_site(page, live_server, collection, artifacts_dir):
    response = page.goto(f"{live_server.url}/delegations/no-such-visit/")
    page.screenshot(path=artifacts_dir / "not-found.png", full_page=True)
    assert response.status == 404
    assert page.get_by_role("heading", level=1).inner_text() == "This page does not exist"
    page.get_by_label("Search the collection").fill("moscow")
    page.get_by_label("Search the collection").press("Enter")
    page.wait_for_url("**/search/?q=moscow")
    assert page.locator(".search-group").count() >= 1


def test_it_lists_the_cited_articles_and_opens_one(page, live_server, collection, artifacts_dir):
    article = collection["article"]
    page.goto(f"{live_server.url}/articles/")
    page.screenshot(path=artifacts_dir / "articles.png", full_page=True)
    row = page.locator("table.records tbody tr", has_text=article.headline)
    assert page.locator("#results-heading").inner_text() == "3 cited articles"
    assert "news.example.org" in row.locator("td[data-label=Outlet]").inner_text()
    assert "Lê Vĩnh Tân" in row.locator("td[data-label='Cited by']").inner_text()
    row.get_by_role("link", name=article.headline).click()
    page.wait_for_url(f"**{article.get_absolute_url()}")
    page.screenshot(path=artifacts_dir / "article.png", full_page=True)
    assert (
        page.get_by_role("heading", level=1).inner_text()
        == "Home Affairs Minister pays working visit to Russia"
    )
    assert page.get_by_role("link", name="Read the original").get_attribute("href") == article.source_url
    page.locator(".breadcrumbs").get_by_role("link", name="Sources").click()
    page.wait_for_url("**/articles/")


def test_it_offers_the_data_its_dictionary_and_the_feed(
    page, live_server, collection, artifacts_dir, tmp_path
):
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="data dictionary").click()
    page.wait_for_url("**/data/")
    page.screenshot(path=artifacts_dir / "data-dictionary.png", full_page=True)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="All published data (zip)").click()
    path = tmp_path / "all.zip"
    download_info.value.save_as(path)
    with zipfile.ZipFile(path) as archive:
        archive.extractall(tmp_path / "data")
    report = Package(str(tmp_path / "data" / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert download_info.value.suggested_filename.endswith(".zip")

    href = page.get_by_role("link", name="Feed of new and corrected records", exact=True).get_attribute(
        "href"
    )
    feed = page.request.get(live_server.url + href)
    root = ElementTree.fromstring(feed.body())
    titles = [
        e.findtext("{http://www.w3.org/2005/Atom}title")
        for e in root.iter("{http://www.w3.org/2005/Atom}entry")
    ]
    assert "Official: Lê Vĩnh Tân" in titles
    assert not any("secret" in t for t in titles)


@pytest.mark.parametrize("width", [390, 1280])
def test_its_chart_is_legible_and_its_bars_lead_to_lists(
    browser, live_server, collection, artifacts_dir, width
):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{live_server.url}/")
    chart = page.locator(".timeline")
    chart.screenshot(path=artifacts_dir / f"chart-{width}.png")
    shown = page.locator(".timeline__year:visible, .timeline__tick:visible").evaluate_all(
        "els => els.map(e => e.getBoundingClientRect().height)"
    )
    years = (
        page.locator(".timeline__panel")
        .first.locator(".timeline__year:visible")
        .evaluate_all(
            "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.left, r.right]; })"
        )
    )
    overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    swatches = page.locator(".legend__swatch rect")
    colours = swatches.evaluate_all("els => els.map(e => getComputedStyle(e).fill)")
    page.locator("a.timeline__bar[aria-label='2019: 1 delegation, Russia → Vietnam']").click()
    page.wait_for_url("**/delegations/?year=2019&from_country=RU&to_country=VN")
    listed = page.locator("#results-heading").inner_text()
    page.go_back()
    page.get_by_text("Show the data as a table").click()
    table = page.locator(".timeline__data table").is_visible()
    context.close()
    assert min(shown) >= 11  # pixels of text height, at any width
    assert all(a[1] <= b[0] for a, b in zip(years, years[1:], strict=False)), "year labels overlap"
    assert not overflow
    assert colours[:2] == ["rgb(29, 91, 143)", "rgb(179, 56, 44)"]  # Vietnam → Russia blue, back red
    assert listed == "1 delegation matches your filters"
    assert table
