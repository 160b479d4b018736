"""The admin without overlapping boxes at 1280 and 1024 px; the organizations' duplicate finder (chromium)."""

import re

import pytest

from tests.admin.conftest import make_user
from tests.admin.helpers import log_in
from tests.factories import DelegationFactory, bodies_with_duplicates

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OVERLAPS = """
(selectors) => {
  const boxes = [];
  for (const selector of selectors) {
    for (const el of document.querySelectorAll(selector)) {
      const r = el.getBoundingClientRect();
      if (r.width && r.height)
        boxes.push({selector, left: r.left, right: r.right, top: r.top, bottom: r.bottom});
    }
  }
  const hits = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i], b = boxes[j];
    if (a.selector === b.selector) continue;
    if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)
      hits.push(`${a.selector} / ${b.selector}`);
  }
  return hits;
}
"""


@pytest.mark.parametrize("width", [1280, 1024])
def test_the_review_queue_has_no_overlapping_boxes(browser, live_server, artifacts_dir, width):
    make_user("publisher")
    for i in range(3):
        DelegationFactory(
            status="review",
            title=f"Visit number {i} with a rather long title to wrap",
            flags=["country guessed"],
        )
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    log_in(page, live_server.url, "publisher", "/admin/review/")
    page.screenshot(path=artifacts_dir / f"admin-review-queue-{width}.png", full_page=True)
    hits = page.evaluate(OVERLAPS, ["#changelist-filter", "#result_list", "#toolbar", "#content > h1"])
    actions = page.locator("tr.queue-row input[value=Publish]").first.bounding_box()
    panel = page.locator("#changelist-filter").bounding_box()
    overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    context.close()
    assert hits == []
    apart_across = (
        actions["x"] + actions["width"] <= panel["x"] or panel["x"] + panel["width"] <= actions["x"]
    )
    apart_down = (
        actions["y"] + actions["height"] <= panel["y"] or panel["y"] + panel["height"] <= actions["y"]
    )
    assert apart_across or apart_down
    assert not overflow


# The texts of the elements matching a selector that lie, whole, inside the box that shows the list
# (``.results``, which scrolls sideways) and the window: a column cut off at its right edge is not among them.
INSIDE_THE_LIST = """
(selector) => {
  const box = document.querySelector("#changelist .results").getBoundingClientRect();
  const right = Math.min(box.right, window.innerWidth) + 1;
  return [...document.querySelectorAll(selector)]
    .filter(e => { const r = e.getBoundingClientRect(); return r.left >= box.left - 1 && r.right <= right; })
    .map(e => e.innerText.trim().toUpperCase());
}
"""


@pytest.mark.parametrize("width", [1280, 1024])
def test_a_changelist_has_its_buttons_clear_of_its_title(browser, live_server, artifacts_dir, width):
    make_user("superuser")
    DelegationFactory(
        status="draft",
        flags=["country guessed", "possible duplicate"],
        confidence=0.4,
        head__name="Nguyễn Thị Thanh Hương-Long Name",
    )
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    log_in(page, live_server.url, "root", "/admin/relations/delegation/")
    page.screenshot(path=artifacts_dir / f"admin-delegations-{width}.png", full_page=True)
    hits = page.evaluate(OVERLAPS, ["#content > h1", ".object-tools", "#changelist-filter", "#result_list"])
    headers = [h.strip().upper() for h in page.locator("#result_list thead th").all_inner_texts()]
    cells = [c.strip().upper() for c in page.locator("#result_list tbody td").all_inner_texts()]
    headers_inside = page.evaluate(INSIDE_THE_LIST, "#result_list thead th")
    cells_inside = page.evaluate(INSIDE_THE_LIST, "#result_list tbody td")
    scrolls = page.evaluate(
        "(() => { const e = document.querySelector('#changelist .results');"
        " return e.scrollWidth > e.clientWidth + 1; })()"
    )
    updated = page.locator("#result_list tbody td.field-updated_column").inner_text()
    context.close()
    assert hits == []
    assert {"STATUS", "FLAGS", "CONF.", "UPDATED AT"} <= set(headers)
    assert headers_inside == headers  # every column's header, whole
    assert cells_inside == cells  # and every cell, the last ("updated at") included
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", updated)
    assert not scrolls


def test_the_organization_duplicate_finder_proposes_the_right_pairs(page, live_server, artifacts_dir):
    make_user("superuser")
    bodies_with_duplicates()
    log_in(page, live_server.url, "root", "/admin/people/organization/duplicates/")
    page.screenshot(path=artifacts_dir / "admin-organization-duplicates.png", full_page=True)
    rows = [
        tuple(cell.strip() for cell in row.split("\t"))
        for row in page.locator("#result_list tbody tr").all_inner_texts()
    ]
    pairs = {frozenset(re.sub(r" \(#\d+\)$", "", c) for c in row[:2]) for row in rows}
    reasons = " ".join(row[2] for row in rows)
    assert pairs == {
        frozenset({"Ministry of Home Affairs", "Ministry of Home Affairs of Vietnam"}),
        frozenset({"Security Council of Russia", "Security Council of the Russian Federation"}),
    }
    assert "surname" not in reasons and "surname" not in page.locator("#content-main").inner_text()
