"""For researchers: the feed of new and corrected records, the zip of all published data, its data package."""

import csv
import datetime
import io
import json
import zipfile
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from django.utils import timezone
from frictionless import Package

from relations.models import Delegation
from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    DelegationFactory,
    MeetingFactory,
    OfficialFactory,
    OrganizationFactory,
)

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def entries(response) -> list[dict]:
    root = ElementTree.fromstring(response.content)
    return [
        {"title": e.findtext(f"{ATOM}title"), "link": e.find(f"{ATOM}link").get("href")}
        for e in root.iter(f"{ATOM}entry")
    ]


def some_records():
    article = ArticleFactory()
    DelegationFactory(status="published", title="Published visit", cited_in=article)
    DelegationFactory(status="draft", title="Draft visit")
    MeetingFactory(status="published", title="Published talks", participants=1)
    AgreementFactory(status="published", title="Published plan", parties=1)
    OfficialFactory(status="published", name="Lê Vĩnh Tân")
    OrganizationFactory(status="published", name="Ministry of Home Affairs", acronym="=MOHA")


def test_the_feed_lists_published_records_of_every_kind(client):
    some_records()
    response = client.get(reverse("relations:feed"))
    titles = [e["title"] for e in entries(response)]
    assert response["Content-Type"].startswith("application/atom+xml")
    assert "Delegation: Published visit" in titles
    assert "Meeting: Published talks" in titles and "Agreement: Published plan" in titles
    assert "Official: Lê Vĩnh Tân" in titles
    assert not any("Draft" in t for t in titles)


def test_a_kinds_feed_lists_only_that_kind(client):
    some_records()
    titles = [e["title"] for e in entries(client.get(reverse("relations:feed-kind", args=["delegations"])))]
    assert titles == ["Delegation: Published visit"]


def test_the_feed_says_which_records_were_corrected(client):
    delegation = DelegationFactory(status="published", title="Corrected visit", head=None)
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    Delegation.objects.filter(pk=delegation.pk).update(published_at=an_hour_ago)
    [entry] = entries(client.get(reverse("relations:feed")))
    assert entry["title"] == "Delegation (corrected): Corrected visit"
    assert entry["link"] == f"http://testserver{delegation.get_absolute_url()}"


def test_an_unknown_kinds_feed_is_a_404(client):
    assert client.get("/feeds/drafts/").status_code == 404


def download(client) -> zipfile.ZipFile:
    response = client.get(reverse("relations:data-download"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_the_download_holds_every_report_and_its_data_package(client):
    some_records()
    archive = download(client)
    assert sorted(archive.namelist()) == sorted(
        ["delegations.csv", "meetings.csv", "agreements.csv", "officials.csv", "organizations.csv",
         "datapackage.json"]
    )  # fmt: skip
    rows = list(csv.DictReader(io.StringIO(archive.read("delegations.csv").decode("utf-8-sig"))))
    assert [r["title"] for r in rows] == ["Published visit"]
    assert rows[0]["url"].startswith("http://testserver/delegations/")
    organizations = archive.read("organizations.csv").decode("utf-8-sig")
    assert "'=MOHA" in organizations  # neutralised like every export


def test_its_data_package_describes_every_column_of_every_file(client):
    some_records()
    archive = download(client)
    package = json.loads(archive.read("datapackage.json"))
    for resource in package["resources"]:
        header = next(csv.reader(io.StringIO(archive.read(resource["path"]).decode("utf-8-sig"))))
        fields = resource["schema"]["fields"]
        assert [f["name"] for f in fields] == header
        assert all(f["description"] for f in fields)
        assert header[-1] == "url"


def test_its_data_package_is_valid_against_its_files(client, tmp_path):
    some_records()
    download(client).extractall(tmp_path)
    report = Package(str(tmp_path / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_the_data_dictionary_renders_the_data_package(fetch):
    html = fetch(reverse("relations:data")).text
    assert '<code>sending_body</code></th><td data-label="Type">string</td>' in html
    assert "The organization that sent it (published organizations only)." in html
    assert f'href="{reverse("relations:data-download")}"' in html


def test_the_data_package_is_served_alone(client):
    package = client.get(reverse("relations:datapackage")).json()
    assert [r["name"] for r in package["resources"]] == [
        "delegations", "meetings", "agreements", "officials", "organizations"
    ]  # fmt: skip
