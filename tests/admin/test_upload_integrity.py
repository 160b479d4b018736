"""Attacks on the article upload page: too many files, the same article twice, an upper-case suffix,
UTF-16: each a message on the page, and nothing imported by the refused ones."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from relations.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

ARTICLE_FILES = reverse("admin:article-import")
TEXT = "A visit\nLe Vinh Tan, the minister, visited Moscow on 4 May 2020.\n"


def upload(name: str, data: bytes | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data if data is not None else TEXT.encode(), content_type="text/plain")


def test_it_refuses_101_files_with_a_form_error(editor_client):
    files = [upload(f"{n:03}.txt", f"Article {n}\n".encode()) for n in range(101)]
    response = editor_client.post(ARTICLE_FILES, {"files": files})
    assert response.status_code == 200
    assert "101 files chosen: at most 100 at once" in str(response.context["form"].errors)
    assert not Article.objects.exists()


@pytest.mark.parametrize("csrf_checked", [False, True])
def test_it_answers_more_files_than_a_request_may_hold_with_the_page_and_its_limit(
    client, editor, settings, csrf_checked
):
    """Past DATA_UPLOAD_MAX_NUMBER_FILES Django stops reading the request before the page's view runs (in
    the CSRF check, when it reads the form): the page still answers, with its limit, and imports nothing."""
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 5
    existing = ArticleFactory(key="kept", title="Kept as it was")
    client = Client(enforce_csrf_checks=csrf_checked)
    client.force_login(editor)
    token = client.get(ARTICLE_FILES).context["csrf_token"]
    files = [upload(f"{n:03}.txt", f"Article {n}\n".encode()) for n in range(6)]
    response = client.post(ARTICLE_FILES, {"files": files, "csrfmiddlewaretoken": str(token)})
    assert response.status_code == 400
    page = response.content.decode()
    assert "More than 5 files chosen: at most 100 at once. Nothing was imported." in page
    assert 'enctype="multipart/form-data"' in page  # the form, to choose again
    assert list(Article.objects.values_list("key", "title")) == [(existing.key, "Kept as it was")]


def test_it_shows_the_page_only_to_those_who_may_import(settings, django_user_model):
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 1
    client = Client(enforce_csrf_checks=True)
    client.force_login(django_user_model.objects.create_user("staff", is_staff=True))
    client.get(reverse("admin:index"))
    token = client.cookies["csrftoken"].value
    response = client.post(
        ARTICLE_FILES, {"files": [upload("001.txt"), upload("002.txt")], "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 400
    assert "Import article files" not in response.content.decode()
    assert not Article.objects.exists()


def test_it_refuses_the_same_article_twice_in_one_upload(editor_client):
    files = [upload("001.txt"), upload("001.TXT", b"Another text\n"), upload("002.txt", b"A third\n")]
    response = editor_client.post(ARTICLE_FILES, {"files": files})
    errors = str(response.context["form"].errors)
    assert "would be one article" in errors and "001.TXT, 001.txt" in errors
    assert not Article.objects.exists()


def test_it_imports_an_upper_case_suffix_as_the_command_does(editor_client):
    response = editor_client.post(ARTICLE_FILES, {"files": [upload("ARTICLE.TXT")]})
    assert response.context["report"].new == ["ARTICLE.TXT"]
    assert Article.objects.get().key == "ARTICLE"


def test_it_imports_utf16_rather_than_calling_it_binary(editor_client):
    response = editor_client.post(ARTICLE_FILES, {"files": [upload("a.txt", TEXT.encode("utf-16"))]})
    assert response.context["report"].failed == []
    assert Article.objects.get().text == TEXT


def test_it_refuses_a_nul_byte_after_the_first_8_kb(editor_client):
    data = (TEXT + "word " * 2000 + "\x00\n").encode()
    response = editor_client.post(ARTICLE_FILES, {"files": [upload("late.txt", data)]})
    [(name, reason)] = response.context["report"].failed
    assert name == "late.txt" and reason.startswith("contains a NUL character")
    assert not Article.objects.exists()


def test_it_refuses_a_name_longer_than_the_key(editor_client):
    response = editor_client.post(ARTICLE_FILES, {"files": [upload("k" * 201 + ".txt")]})
    [(_, reason)] = response.context["report"].failed
    assert "is 201 characters, over 200" in reason
    assert not Article.objects.exists()
