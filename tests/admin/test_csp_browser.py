"""The Content-Security-Policy in a real browser: the main public pages and the admin pages an editor uses
load with no violation reported (Chromium, headless, against a live server)."""

import pytest

from relations.editorial import pending
from relations.models import Delegation
from tests.admin.conftest import make_user
from tests.admin.helpers import log_in
from tests.public.demo import build_demo_collection

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def violations_on(page) -> list[str]:
    """Every CSP violation the page reports from now on (console errors and securitypolicyviolation)."""
    found: list[str] = []
    page.on("console", lambda m: found.append(m.text) if "Content Security Policy" in m.text else None)
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => "
        "console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI));"
    )
    return found


def test_the_public_pages_load_without_a_csp_violation(page, live_server):
    collection = build_demo_collection()
    found = violations_on(page)
    pages = [
        "/",
        "/delegations/",
        "/delegations/?from_country=RU&year=2019",
        collection["visit"].get_absolute_url(),
        "/meetings/",
        "/agreements/",
        collection["plan"].get_absolute_url(),
        "/officials/",
        collection["tan"].get_absolute_url(),
        "/organizations/",
        "/search/?q=tan",
        collection["article"].get_absolute_url(),
    ]
    for url in pages:
        response = page.goto(f"{live_server.url}{url}")
        assert response.status == 200, url
        assert "script-src 'self'" in response.headers["content-security-policy"]
        page.wait_for_load_state("networkidle")
    assert found == []


def test_the_admin_pages_load_without_a_csp_violation(page, live_server):
    collection = build_demo_collection()
    make_user("publisher")
    found = violations_on(page)
    log_in(page, live_server.url, "publisher", "/admin/")
    visit = collection["visit"]
    pages = [
        "/admin/",
        "/admin/review/",
        "/admin/relations/delegation/",
        "/admin/relations/delegation/?q=tan&year=2019",
        f"/admin/relations/delegation/{visit.pk}/change/",
        f"/admin/relations/delegation/{visit.pk}/history/",
        "/admin/relations/delegation/export/",
        "/admin/people/official/",
        f"/admin/people/official/{collection['tan'].pk}/change/",
        "/admin/relations/article/",
        f"/admin/relations/article/{collection['article'].pk}/change/",
    ]
    for url in pages:
        response = page.goto(f"{live_server.url}{url}")
        assert response.status == 200, url
        assert "unsafe-inline" not in response.headers["content-security-policy"]
        page.wait_for_load_state("networkidle")
    # The head's autocomplete (select2, scripts and styles of its own) opens without a violation too.
    page.goto(f"{live_server.url}/admin/relations/delegation/{visit.pk}/change/")
    page.locator(".field-head .select2-selection").click()
    page.wait_for_selector(".select2-results__option")
    assert Delegation.objects.filter(pk=visit.pk).exists()
    assert found == []


def test_the_admins_other_pages_work_under_the_policy(page, live_server):
    """The pages with the site's own styles (badges, highlighted text, the text diff), the upload page, the
    delete page and the export page, whose "Select all" box (an inline handler in the library's template)
    still works: no violation, and the box unticks every field."""
    collection = build_demo_collection()
    make_user("publisher")
    article = collection["article"]
    change = pending.hold_text(article, article.text + "\nOne more line.", content_hash="x" * 64, source="t")
    found = violations_on(page)
    log_in(page, live_server.url, "publisher", "/admin/")
    pages = [
        "/admin/review/pending/",
        f"/admin/review/pending/{change.pk}/",
        "/admin/articles/import-files/",
        f"/admin/relations/article/{article.pk}/delete/",
        "/admin/relations/meeting/",
        "/admin/agreements/agreement/",
        "/admin/people/organization/",
    ]
    for url in pages:
        response = page.goto(f"{live_server.url}{url}")
        assert response.status == 200, url
        page.wait_for_load_state("networkidle")
    # The styles moved to the stylesheet still apply: the text diff wraps, a status badge is bold.
    page.goto(f"{live_server.url}/admin/review/pending/{change.pk}/")
    diff = page.locator("#pending-text-diff")
    assert diff.evaluate("e => getComputedStyle(e).whiteSpace") == "pre-wrap"
    page.goto(f"{live_server.url}/admin/relations/delegation/")
    badge = page.locator(".editorial-status").first
    assert int(badge.evaluate("e => getComputedStyle(e).fontWeight")) >= 700
    page.goto(f"{live_server.url}/admin/relations/delegation/export/")
    page.wait_for_load_state("networkidle")
    fields = page.locator('.selectable-field-export-row input[type="checkbox"]')
    assert fields.count() >= 2
    page.locator("input.select-toggle").first.uncheck()
    assert all(not fields.nth(i).is_checked() for i in range(fields.count()))
    page.locator("input.select-toggle").first.check()
    assert all(fields.nth(i).is_checked() for i in range(fields.count()))
    assert found == []
