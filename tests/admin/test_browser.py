"""An editor corrects an imported delegation and submits it; a publisher publishes it (Chromium, headless)."""

import re

import pytest
from django.urls import NoReverseMatch, reverse

from relations.models import Delegation
from tests.admin.helpers import log_in
from tests.factories import ArticleFactory, DelegationFactory, OfficialFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXT = (
    "Minister of Home Affairs Le Vinh Tan led a delegation to Russia from August 4 to 10. "
    "In Moscow he met Anatoly Seryshev. The two sides signed a cooperation agreement."
)


@pytest.fixture
def imported_delegation():
    """What the importer proposed: a draft with the wrong head, flagged, cited in its article."""
    article = ArticleFactory(key="vna-2019-08-07", title="Home Affairs delegation visits Russia", text=TEXT)
    OfficialFactory(name="Lê Vĩnh Tân", country="VN", status="published")
    wrong = OfficialFactory(name="Anatoly Seryshev", country="RU")
    return DelegationFactory(
        head=wrong,
        title="Vietnam → Russia delegation, 2019-08-04",
        status="draft",
        flags=["country guessed"],
        confidence=0.6,
        cited_in=article,
    )


def test_it_takes_an_imported_delegation_from_the_queue_to_the_public(
    page, base, artifacts_dir, imported_delegation
):
    # The editor opens the queue and the delegation the importer flagged.
    log_in(page, base, "editor")
    row = page.locator("tr.queue-row", has_text="Vietnam → Russia delegation")
    assert "country guessed" in row.inner_text()
    page.screenshot(path=str(artifacts_dir / "admin-review-queue.png"), full_page=True)
    row.locator("a.queue-record").click()
    page.wait_for_selector("#delegation_form")
    assert page.locator("mark", has_text="Minister of Home Affairs Le Vinh Tan").count() == 1

    # Corrects the head through the autocomplete, and submits it for review.
    page.click("#select2-id_head-container")
    page.fill(".select2-search__field", "Le Vinh")
    page.click(".select2-results__option:has-text('Lê Vĩnh Tân')")
    page.screenshot(path=str(artifacts_dir / "admin-delegation-change.png"), full_page=True)
    page.click("input[name=_transition_submit]")
    page.wait_for_url(re.compile(r".*/admin/review/$"))
    assert "Submitted for review" in page.locator("ul.messagelist").inner_text()
    delegation = Delegation.objects.select_related("head").get(pk=imported_delegation.pk)
    assert (delegation.head.name, delegation.status) == ("Lê Vĩnh Tân", "review")
    # An editor is offered no way to publish it.
    assert page.locator("tr.queue-row", has_text="Lê Vĩnh Tân").locator("input[value=Publish]").count() == 0
    page.context.clear_cookies()

    # The publisher publishes it from the queue.
    log_in(page, base, "publisher")
    page.goto(f"{base}/admin/review/?stage=review")
    row = page.locator("tr.queue-row", has_text="Vietnam → Russia delegation")
    row.locator("input[value=Publish]").click()
    page.wait_for_selector("ul.messagelist")
    page.screenshot(path=str(artifacts_dir / "admin-review-queue-published.png"), full_page=True)
    delegation.refresh_from_db()
    assert delegation.status == "published"

    # It is public now (or, before the public site exists, shown as published in the admin).
    try:
        public = reverse("relations:delegation-detail", args=[delegation.slug])
    except NoReverseMatch:
        public = None
    if public:
        page.context.clear_cookies()
        page.goto(base + public)
        assert "Lê Vĩnh Tân" in page.content()
        page.screenshot(path=str(artifacts_dir / "public-delegation-published.png"), full_page=True)
    else:
        page.goto(f"{base}/admin/relations/delegation/{delegation.pk}/change/")
        assert "Published" in page.locator(".field-status").inner_text()
