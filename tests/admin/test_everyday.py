"""Everyday use: folded search, filters, fast lists, export and import, article files."""

import io
from pathlib import Path

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from people.models import Official
from relations.editorial import admin as editorial_admin
from relations.editorial import exports as editorial_exports
from relations.models import Article
from tests.factories import ArticleFactory, DelegationFactory, OfficialFactory

pytestmark = pytest.mark.django_db
OFFICIALS = reverse("admin:people_official_changelist")


def listed(response) -> list[str]:
    return [str(o) for o in response.context["cl"].result_list]


# ---------------------------------------------------------------- search and filters


def test_it_finds_diacritics_from_plain_letters(editor_client):
    OfficialFactory(name="Phạm Minh Chính")
    OfficialFactory(name="Lê Vĩnh Tân")
    assert listed(editor_client.get(OFFICIALS, {"q": "Pham Minh Chinh"})) == ["Phạm Minh Chính"]


def test_it_finds_d_stroke_from_d(editor_client):
    OfficialFactory(name="Đặng Thị Ngọc Thịnh")
    assert listed(editor_client.get(OFFICIALS, {"q": "Dang"})) == ["Đặng Thị Ngọc Thịnh"]


def test_it_finds_an_official_by_an_alias(editor_client):
    official = OfficialFactory(name="Sergey Lavrov")
    official.aliases.create(name="Sergei Lavrov")
    official.reindex()
    assert listed(editor_client.get(OFFICIALS, {"q": "sergei"})) == ["Sergey Lavrov"]


def test_it_finds_delegations_by_their_heads_name(editor_client):
    DelegationFactory(head=OfficialFactory(name="Tô Lâm"))
    DelegationFactory(head=OfficialFactory(name="Other Person"))
    response = editor_client.get(reverse("admin:relations_delegation_changelist"), {"q": "to lam"})
    assert len(response.context["cl"].result_list) == 1


def test_it_filters_by_flag(editor_client):
    OfficialFactory(name="Guessed", flags=["country guessed"])
    OfficialFactory(name="Certain")
    assert listed(editor_client.get(OFFICIALS, {"flag": "country guessed"})) == ["Guessed"]


def test_it_filters_delegations_by_year(editor_client):
    DelegationFactory(start_date="2019-08-04", end_date=None, title="In 2019")
    DelegationFactory(start_date="2021-03-01", end_date=None, title="In 2021")
    response = editor_client.get(reverse("admin:relations_delegation_changelist"), {"year": "2021"})
    assert listed(response) == ["In 2021"]


def test_it_does_not_count_the_whole_table(editor_client):
    OfficialFactory.create_batch(3)
    with CaptureQueriesContext(connection) as queries:
        editor_client.get(OFFICIALS, {"q": "nguyen"})
    counts = [q["sql"] for q in queries if "COUNT(" in q["sql"].upper()]
    assert len(counts) == 1  # the filtered count for the paginator, no full count


def test_it_lists_delegations_without_a_query_per_row(editor_client):
    url = reverse("admin:relations_delegation_changelist")

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            editor_client.get(url)
        return len(queries)

    DelegationFactory()
    one = count()
    DelegationFactory.create_batch(9)
    assert count() == one


# ---------------------------------------------------------------- export


def export(client, fmt: int) -> bytes:
    url = reverse("admin:people_official_export")
    page = client.get(url, {"q": "nguyen"})
    data = {"format": str(fmt), "resource": "0"}
    data |= {n: "on" for n in page.context["form"].fields if n.startswith("officialresource_")}
    return client.post(url + "?q=nguyen", data).content


def test_it_exports_only_the_filtered_changelist(editor_client):
    OfficialFactory(name="Nguyễn Văn A")
    OfficialFactory(name="Sergey Lavrov")
    csv = export(editor_client, 0).decode()
    assert "Nguyễn Văn A" in csv
    assert "Sergey Lavrov" not in csv


def test_it_exports_the_contract_columns(editor_client):
    OfficialFactory(name="Nguyễn Văn A")
    header = export(editor_client, 0).decode().splitlines()[0]
    assert header == "id,name,aliases,country,titles,organization,editorial_status,sources"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_it_neutralises_formulas_in_csv(editor_client, start):
    OfficialFactory(name=f"{start}cmd nguyen")
    assert f"'{start}cmd nguyen" in export(editor_client, 0).decode()


def test_it_neutralises_formulas_in_xlsx(editor_client):
    OfficialFactory(name="Nguyen").aliases.create(name="=1+2")
    sheet = openpyxl.load_workbook(io.BytesIO(export(editor_client, 1))).active
    assert sheet.cell(row=2, column=3).value == "'=1+2"


def test_it_leaves_ordinary_cells_alone():
    assert [editorial_exports.neutralise(v) for v in ["Hà Nội", 3, "a-b"]] == ["Hà Nội", 3, "a-b"]


# ---------------------------------------------------------------- import


def upload(client, csv: str, name="officials.csv"):
    file = SimpleUploadedFile(name, csv.encode(), content_type="text/csv")
    return client.post(
        reverse("admin:people_official_import"), {"resource": "0", "format": "0", "import_file": file}
    )


def test_it_previews_an_import_before_saving(editor_client):
    official = OfficialFactory(name="Before")
    response = upload(editor_client, f"id,name\n{official.pk},After\n")
    official.refresh_from_db()
    assert response.context["confirm_form"] is not None
    assert official.name == "Before"


def test_it_refuses_an_import_that_publishes_without_permission(editor_client):
    official = OfficialFactory(status="review")
    response = upload(editor_client, f"id,name,editorial_status\n{official.pk},X,published\n")
    assert response.context["result"].has_validation_errors()
    assert response.context.get("confirm_form") is None


def test_it_lets_a_publisher_publish_by_import(publisher_client):
    official = OfficialFactory(status="review")
    preview = upload(publisher_client, f"id,name,editorial_status\n{official.pk},X,published\n")
    publisher_client.post(
        reverse("admin:people_official_process_import"), preview.context["confirm_form"].initial
    )
    assert Official.objects.get().status == "published"


def test_it_refuses_a_file_over_the_upload_limit(editor_client, monkeypatch):
    monkeypatch.setattr(editorial_admin, "IMPORT_MAX_BYTES", 20)
    response = upload(editor_client, "id,name\n1,A very long name indeed\n")
    assert "the limit is" in str(response.context["form"].errors)


# ---------------------------------------------------------------- article files


ARTICLE_FILES = reverse("admin:article-import")


FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "articles" / "000_c053d081b580694c.txt"


def test_it_imports_uploaded_article_files_for_editors(editor_client):
    file = SimpleUploadedFile(FIXTURE.name, FIXTURE.read_bytes(), content_type="text/plain")
    response = editor_client.post(ARTICLE_FILES, {"files": [file]})
    assert "Articles: 1 new, 0 updated, 0 unchanged, 0 failed" in response.content.decode()
    assert Article.objects.get().key == FIXTURE.stem
    assert Official.objects.filter(status="draft").exists()


def test_it_reports_a_bad_uploaded_file_by_name(editor_client):
    file = SimpleUploadedFile("photo.txt", b"\x89PNG\x00\x00binary", content_type="text/plain")
    response = editor_client.post(ARTICLE_FILES, {"files": [file]})
    assert response.context["report"].failed == [("photo.txt", "is a binary file, not text")]
    assert not Article.objects.exists()


def test_it_refuses_article_files_over_the_limit(super_client, settings):
    settings.ARTICLE_MAX_BYTES = 10
    file = SimpleUploadedFile("a.txt", b"A visit that is far too long", content_type="text/plain")
    response = super_client.post(ARTICLE_FILES, {"files": [file]})
    assert "the limit is" in str(response.context["form"].errors)


def test_it_keeps_article_import_for_those_who_may_add_articles(client, django_user_model):
    staff = django_user_model.objects.create_user("reader", password="pw", is_staff=True)
    client.force_login(staff)
    assert client.get(ARTICLE_FILES).status_code == 403


def test_it_lists_the_article_for_editors(editor_client):
    ArticleFactory(key="tass-1")
    response = editor_client.get(reverse("admin:relations_article_changelist"))
    assert "tass-1" in response.content.decode()
