"""``manage.py import`` as an attack: a table changes no published record's public values and makes nothing
public; the project's models are imported only through their guarded contract resources."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from people.models import Official, Organization
from relations.editorial.models import PendingChange
from relations.models import Article, Citation, Delegation
from tests.factories import ArticleFactory, DelegationFactory, OfficialFactory

pytestmark = pytest.mark.django_db


def run(path, resource: str) -> tuple[int, str]:
    """The command's exit code (0 for none) and what it wrote to stderr."""
    err = io.StringIO()
    try:
        call_command("import", resource, str(path), "--no-input", stderr=err)
    except SystemExit as exit:
        return exit.code, err.getvalue()
    return 0, err.getvalue()


def public_page(obj) -> str:
    response = Client().get(obj.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def csv_file(tmp_path, text: str, name: str = "officials.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def live():
    return OfficialFactory(status="published", name="Nikolai Patrushev", country="RU")


def test_it_holds_a_rename_of_a_published_official_for_a_publisher(tmp_path, live):
    path = csv_file(tmp_path, f"id,name,country,editorial_status\n{live.pk},Someone Else,RU,published\n")
    code, err = run(path, "people.resources.OfficialResource")
    assert code == 0, err
    live.refresh_from_db()
    assert live.name == "Nikolai Patrushev"
    assert "Someone Else" not in public_page(live)
    assert "someone" not in live.search_text
    change = PendingChange.objects.get()
    assert change.state == "pending"
    assert change.proposed["fields"]["name"] == "Someone Else"
    assert change.route == f"manage.py import ({path})"
    assert change.created_by is None
    assert f"#{change.pk}" in err and "wait for a publisher" in err


def test_it_refuses_to_publish_a_draft_and_saves_nothing_of_the_file(tmp_path, live):
    draft = OfficialFactory(status="draft", name="Draft Person", country="VN")
    path = csv_file(
        tmp_path,
        "id,name,country,editorial_status\n"
        f"{live.pk},Someone Else,RU,published\n"
        f"{draft.pk},Draft Person,VN,published\n",
    )
    code, err = run(path, "people.resources.OfficialResource")
    assert code == 1
    assert str(path) in err and "You may not change the status from draft to published" in err
    draft.refresh_from_db()
    assert draft.status == "draft"
    assert Client().get(draft.get_absolute_url()).status_code == 404
    assert not PendingChange.objects.exists()  # the whole file was rolled back, the held row too


def test_it_refuses_to_unpublish_or_archive(tmp_path, live):
    path = csv_file(tmp_path, f"id,name,country,editorial_status\n{live.pk},Nikolai Patrushev,RU,archived\n")
    code, err = run(path, "people.resources.OfficialResource")
    assert code == 1
    assert "from published to archived" in err
    live.refresh_from_db()
    assert live.status == "published"
    public_page(live)


def test_it_imports_new_records_as_drafts_and_edits_drafts_directly(tmp_path):
    draft = OfficialFactory(status="draft", name="Before", country="VN")
    path = csv_file(
        tmp_path,
        f"id,name,country,editorial_status\n{draft.pk},After,VN,draft\n"
        ",Brand New,VN,\n,In Review,RU,review\n",
    )
    code, err = run(path, "people.resources.OfficialResource")
    assert code == 0, err
    draft.refresh_from_db()
    assert draft.name == "After"
    new = Official.objects.get(name="Brand New")
    assert new.status == "draft"
    assert Official.objects.get(name="In Review").status == "review"
    assert not Official.objects.published().exists()
    assert Client().get(new.get_absolute_url()).status_code == 404
    assert not PendingChange.objects.exists()


def test_it_refuses_a_new_record_marked_published(tmp_path):
    path = csv_file(tmp_path, "id,name,country,editorial_status\n,Fresh Face,VN,published\n")
    code, err = run(path, "people.resources.OfficialResource")
    assert code == 1
    assert "from new to published" in err
    assert not Official.objects.exists()


def test_it_holds_a_delegations_new_place(tmp_path):
    delegation = DelegationFactory(status="published", place="Moscow")
    path = csv_file(tmp_path, f"id,location,editorial_status\n{delegation.pk},Sochi,published\n", "d.csv")
    code, err = run(path, "relations.resources.DelegationResource")
    assert code == 0, err
    delegation.refresh_from_db()
    assert delegation.place == "Moscow"
    assert "Sochi" not in public_page(delegation)
    assert PendingChange.objects.get().proposed["fields"]["place"] == "Sochi"


@pytest.mark.parametrize(
    ("resource", "header", "expected"),
    [
        ("people.Official", "id,name,status", "imported only with people.resources.OfficialResource"),
        ("people.Organization", "id,name,status", "people.resources.OrganizationResource"),
        ("relations.Delegation", "id,place,status", "relations.resources.DelegationResource"),
        ("agreements.Agreement", "id,title,status", "agreements.resources.AgreementResource"),
        ("relations.Article", "id,key,text", "articles are imported from their files"),
        ("relations.resources.ArticleResource", "id,key,title", "articles are imported from their files"),
        ("relations.Citation", "id,quote", "relations.Citation rows are not imported from a table"),
        ("people.OfficialAlias", "id,name", "rows are not imported from a table"),
        ("relations.PendingChange", "id,state", "rows are not imported from a table"),
        ("reversion.Version", "id,serialized_data", "rows are not imported from a table"),
    ],
)
def test_it_refuses_a_plain_resource_of_the_projects_models_naming_the_file(
    tmp_path, live, resource, header, expected
):
    path = csv_file(tmp_path, f"{header}\n{live.pk},Someone Else,published\n", "table.csv")
    with pytest.raises(CommandError) as refused:
        run(path, resource)
    assert str(refused.value).startswith(f"{path}: not imported: ")
    assert expected in str(refused.value)
    live.refresh_from_db()
    assert live.name == "Nikolai Patrushev"
    assert not PendingChange.objects.exists()


def test_it_refuses_a_plain_import_that_would_publish_a_draft(tmp_path):
    draft = OfficialFactory(status="draft", name="Draft Person", country="VN")
    path = csv_file(tmp_path, f"id,name,status\n{draft.pk},Draft Person,published\n")
    with pytest.raises(CommandError):
        run(path, "people.Official")
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_it_refuses_a_plain_import_of_citations_of_a_published_record(tmp_path, live):
    article = ArticleFactory(text="Nikolai Patrushev arrived in Hanoi.")
    path = csv_file(
        tmp_path,
        f"id,article,content_type,object_id,start,end,quote,fields\n,{article.pk},"
        f"{live.pk},{live.pk},0,17,Nikolai Patrushev,[]\n",
        "citations.csv",
    )
    with pytest.raises(CommandError):
        run(path, "relations.Citation")
    assert not Citation.objects.exists()
    assert Client().get(article.get_absolute_url()).status_code == 404


def test_it_still_imports_other_models(tmp_path):
    # The operator's own tables (users, here) are not the editorial record: the library's behaviour.
    path = csv_file(tmp_path, "id,username,password\n,operator,!\n", "users.csv")
    code, err = run(path, "auth.User")
    assert code == 0, err
    assert (
        not Delegation.objects.exists() and not Organization.objects.exists() and not Article.objects.exists()
    )
    from django.contrib.auth.models import User

    assert User.objects.filter(username="operator").exists()
