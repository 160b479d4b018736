"""The public site in a real browser: Debian's chromium driven by Playwright, against a live server."""

import csv
import io
from urllib.parse import parse_qsl, urlsplit

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_it_filters_the_delegation_list(page, live_server, collection, artifacts_dir):
    page.goto(f"{live_server.url}/delegations/")
    page.get_by_label("From country").select_option(label="Russia")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**/delegations/?*from_country=RU*")
    sent = parse_qsl(urlsplit(page.url).query, keep_blank_values=True)
    rows = page.locator("table.records tbody tr")
    directions = rows.locator("td[data-label='Direction']").all_inner_texts()
    page.screenshot(path=artifacts_dir / "delegation-list.png", full_page=True)
    assert directions and set(directions) == {"Russia → Vietnam"}
    assert ("from_country", "RU") in sent
    assert all(value for _, value in sent), sent  # the form's empty boxes left out of the address


def test_it_searches_without_accents(page, live_server, collection):
    page.goto(f"{live_server.url}/delegations/")
    page.get_by_label("Search").fill("Pham Minh Chinh")
    page.get_by_label("Search").press("Enter")
    page.wait_for_url("**q=Pham+Minh+Chinh*")
    assert page.locator("table.records tbody tr").all_inner_texts()[0].count("Phạm Minh Chính") == 1


def test_it_opens_a_delegation_from_the_list(page, live_server, collection, artifacts_dir):
    visit = collection["visit"]
    page.goto(f"{live_server.url}/delegations/?official={collection['tan'].slug}")
    page.get_by_role("link", name=str(visit)).click()
    page.wait_for_url(f"**{visit.get_absolute_url()}")
    page.screenshot(path=artifacts_dir / "delegation-detail.png", full_page=True)
    assert page.get_by_role("heading", level=1).inner_text() == str(visit)


def test_it_follows_a_source_to_the_cited_sentence(page, live_server, collection):
    page.goto(f"{live_server.url}{collection['visit'].get_absolute_url()}")
    page.get_by_role("link", name="Sentence in context").first.click()
    page.wait_for_url(f"**{collection['article'].get_absolute_url()}#citation-*")
    anchor = page.url.split("#", 1)[1]
    assert "led by Minister Lê Vĩnh Tân" in page.locator(f"mark:has(#{anchor})").inner_text()


def test_it_links_a_source_to_the_original_article(page, live_server, collection):
    article = collection["article"]
    page.route(
        article.source_url,
        lambda route: route.fulfill(body="<h1>Original report</h1>", content_type="text/html"),
    )
    page.goto(f"{live_server.url}{collection['visit'].get_absolute_url()}")
    page.get_by_role("link", name="Original article").first.click()
    page.wait_for_url(article.source_url)
    assert page.get_by_role("heading", level=1).inner_text() == "Original report"


def test_it_downloads_the_filtered_csv(page, live_server, collection, tmp_path):
    page.goto(f"{live_server.url}/delegations/?from_country=VN&year=2019")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download CSV").click()
    path = tmp_path / "delegations.csv"
    download_info.value.save_as(path)
    raw = path.read_bytes()
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert raw.startswith(b"\xef\xbb\xbf")
    assert [(r["from_country"], r["start_date"], r["head"]) for r in rows] == [
        ("VN", "2019-08-04", "Lê Vĩnh Tân")
    ]


def test_it_reads_the_home_page_without_javascript(browser, live_server, collection, artifacts_dir):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{live_server.url}/")
    page.screenshot(path=artifacts_dir / "home.png", full_page=True)
    chart = page.get_by_role(
        "img", name="Delegations per year by direction, and agreements per year, 2015–2023"
    )
    page.get_by_text("Show the data as a table").click()
    seen = (chart.count(), page.get_by_role("table").is_visible())
    context.close()
    assert seen == (1, True)


def test_it_keeps_drafts_out_of_the_browser(page, live_server, collection):
    page.goto(f"{live_server.url}/delegations/?q=secret")
    assert page.get_by_text("Nothing matches these filters.").is_visible()
    response = page.goto(f"{live_server.url}{collection['hidden'].get_absolute_url()}")
    assert response.status == 404


def test_it_lays_the_list_out_as_cards_on_a_phone(browser, live_server, collection, artifacts_dir):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{live_server.url}/delegations/?from_country=RU")
    page.screenshot(path=artifacts_dir / "delegation-list-phone.png", full_page=True)
    overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    context.close()
    assert not overflow
