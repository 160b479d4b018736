"""An editor changes a published delegation, the change waits, a publisher publishes it (Chromium)."""

import re

import pytest

from relations.models import Delegation
from tests.admin.helpers import log_in
from tests.factories import ArticleFactory, DelegationFactory, OfficialFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def published_delegation():
    article = ArticleFactory(key="vna-2019-08-07", title="Home Affairs delegation visits Russia")
    head = OfficialFactory(name="Lê Vĩnh Tân", country="VN", status="published")
    return DelegationFactory(
        head=head,
        title="Home Affairs delegation to Russia",
        place="Moscow",
        status="published",
        cited_in=article,
    )


def test_a_pending_change_goes_from_editor_to_publisher_to_the_public(
    page, base, artifacts_dir, published_delegation
):
    public = base + published_delegation.get_absolute_url()

    # The editor changes the place of the published delegation: the change waits.
    log_in(page, base, "editor")
    page.goto(f"{base}/admin/relations/delegation/{published_delegation.pk}/change/")
    assert page.locator("#holds-back").is_visible()
    page.fill("#id_place", "Sochi")
    page.click("input[name=_save]")
    page.wait_for_selector("ul.messagelist")
    assert "waits for a publisher" in page.locator("ul.messagelist").inner_text()
    assert Delegation.objects.get().place == "Moscow"
    page.context.clear_cookies()
    page.goto(public)
    assert "Moscow" in page.content() and "Sochi" not in page.content()

    # The publisher finds it in the review queue, reads the difference and publishes it.
    log_in(page, base, "publisher")
    page.click("#pending-link a")
    page.wait_for_selector("#pending-list")
    page.click("#pending-list a")
    page.wait_for_selector("#pending-fields")
    assert page.locator("#pending-fields del").inner_text() == "Moscow"
    assert page.locator("#pending-fields ins").inner_text() == "Sochi"
    page.screenshot(path=str(artifacts_dir / "admin-pending-change.png"), full_page=True)
    page.click("#pending-publish")
    page.wait_for_url(re.compile(r".*/admin/review/pending/$"))
    assert "Published" in page.locator("ul.messagelist").inner_text()
    assert page.locator("#pending-none").is_visible()

    # The public page shows the change (to a reader whose browser has no copy of the page cached).
    reader = page.context.browser.new_context()
    try:
        fresh = reader.new_page()
        fresh.goto(public)
        assert "Sochi" in fresh.content()
        fresh.screenshot(path=str(artifacts_dir / "public-delegation-after-pending.png"), full_page=True)
    finally:
        reader.close()
