"""Who may do what: every role × every action, checked by what happened to the data, not by the page."""

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from people.models import Official
from tests.admin.helpers import action, change_url, form_data
from tests.factories import OfficialFactory

ACTIONS = [
    "view", "add", "change", "submit", "publish", "unpublish", "delete", "merge", "import", "export",
]  # fmt: skip
ALLOWED = {
    "anonymous": set(),
    "editor": {"view", "add", "change", "submit", "import", "export"},
    "publisher": set(ACTIONS),
    "superuser": set(ACTIONS),
}
OFFICIAL = "admin:people_official_"


def page_as_admin(obj) -> dict:
    """The change form's data as an administrator sees it (a refused user gets no form to copy)."""
    admin = Client()
    admin.force_login(User.objects.create_superuser("helper", "helper@example.org", "x"))
    return form_data(admin.get(change_url(obj)))


def do_view(client) -> bool:
    official = OfficialFactory(name="Viewed Person")
    response = client.get(change_url(official))
    return response.status_code == 200 and "Viewed Person" in response.content.decode()


def do_add(client) -> bool:
    data = {
        "name": "Added Person", "country": "VN", "note": "", "confidence": "1", "review_note": "",
        "aliases-TOTAL_FORMS": "0", "aliases-INITIAL_FORMS": "0",
        "positions-TOTAL_FORMS": "0", "positions-INITIAL_FORMS": "0",
    }  # fmt: skip
    client.post(reverse(OFFICIAL + "add"), data)
    return Official.objects.filter(name="Added Person").exists()


def do_change(client) -> bool:
    official = OfficialFactory(name="Before")
    client.post(change_url(official), page_as_admin(official) | {"name": "After"})
    official.refresh_from_db()
    return official.name == "After"


def do_submit(client) -> bool:
    official = OfficialFactory(status="draft")
    client.post(change_url(official), page_as_admin(official) | {"_transition_submit": "Submit"})
    official.refresh_from_db()
    return official.status == "review"


def do_publish(client) -> bool:
    official = OfficialFactory(status="review")
    action(client, Official, "publish_selected", [official])
    official.refresh_from_db()
    return official.status == "published"


def do_unpublish(client) -> bool:
    official = OfficialFactory(status="published")
    action(client, Official, "unpublish_selected", [official])
    official.refresh_from_db()
    return official.status == "draft"


def do_delete(client) -> bool:
    official = OfficialFactory()
    client.post(reverse(OFFICIAL + "delete", args=[official.pk]), {"post": "yes"})
    return not Official.objects.filter(pk=official.pk).exists()


def do_merge(client) -> bool:
    survivor, other = OfficialFactory(name="Nguyễn Văn Phong"), OfficialFactory(name="Nguyen Van Phong")
    client.post(reverse(OFFICIAL + "merge"), {"ids": f"{survivor.pk},{other.pk}", "survivor": survivor.pk})
    return not Official.objects.filter(pk=other.pk).exists()


def do_import(client) -> bool:
    official = OfficialFactory(name="Before Import")
    csv = f"id,name,country,editorial_status\n{official.pk},After Import,VN,draft\n".encode()
    upload = SimpleUploadedFile("officials.csv", csv, content_type="text/csv")
    preview = client.post(
        reverse(OFFICIAL + "import"), {"resource": "0", "format": "0", "import_file": upload}
    )
    if preview.status_code != 200 or not preview.context.get("confirm_form"):
        return False
    client.post(reverse(OFFICIAL + "process_import"), preview.context["confirm_form"].initial)
    official.refresh_from_db()
    return official.name == "After Import"


def do_export(client) -> bool:
    OfficialFactory(name="Exported Person")
    page = client.get(reverse(OFFICIAL + "export"))
    if page.status_code != 200:
        return False
    data = {"format": "0", "resource": "0"}
    data |= {
        name: "on"
        for name, field in page.context["form"].fields.items()
        if name.startswith("officialresource_")
    }
    response = client.post(reverse(OFFICIAL + "export"), data)
    return response.status_code == 200 and "Exported Person" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("act", ACTIONS)
@pytest.mark.parametrize("role", list(ALLOWED))
def test_it_allows_each_role_exactly_its_actions(role_client, role, act):
    did_it = globals()[f"do_{act}"](role_client)
    assert did_it == (act in ALLOWED[role]), f"{role} {'could' if did_it else 'could not'} {act}"
