"""The import pipeline around the extractor: files, transactions, idempotency, editors' work."""

import re
import shutil
from pathlib import Path

import pytest
from django.db import connection
from django.forms.models import model_to_dict

from agreements.models import Agreement
from people.models import Official, OfficialAlias, Organization, Position
from relations.editorial.vocabulary import LOW_CONFIDENCE_BELOW, Flag
from relations.importing import run
from relations.importing.proposals import (
    Extraction,
)
from relations.importing.writing import ArticleWriter
from relations.models import Article, Citation, Delegation, Meeting
from tests.importing.helpers import GOOD, fake_extract, import_, write

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "articles"
MODELS = [Article, Citation, Official, OfficialAlias, Organization, Position, Delegation, Meeting, Agreement]
pytestmark = pytest.mark.django_db


def snapshot() -> dict:
    return {
        m.__name__: [
            model_to_dict(o) | {"updated": getattr(o, "updated_at", None)} for o in m.objects.order_by("pk")
        ]
        for m in MODELS
    }


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"\x00\x01\x02binary\x00data", "binary"),
        (b"<html><head><script>var x = 1;</script></head><body><p> </p></body></html>", "HTML with no text"),
        (b"\x81\x8d\x8f\x90\x9d invalid in utf-8 and cp1252", "neither UTF-8 nor cp1252"),
    ],
)
def test_it_rejects_a_bad_file_and_keeps_the_others(tmp_path, fake_extractor, content, message):
    bad = write(tmp_path, "bad.txt", content)
    good = write(tmp_path, "good.txt", GOOD)
    code, out, err = import_(bad, good)
    assert code == 2
    assert re.search(rf"bad\.txt: .*{message}", err)
    assert list(Article.objects.values_list("key", flat=True)) == ["good"]
    assert "1 new, 0 updated, 0 unchanged, 1 failed" in out


def test_it_rejects_a_file_over_the_size_limit(tmp_path, fake_extractor, settings):
    settings.ARTICLE_MAX_BYTES = 100
    big = write(tmp_path, "big.txt", GOOD + "word " * 50)
    code, _, err = import_(big)
    assert code == 1
    assert f"big.txt: is {big.stat().st_size} bytes, over the limit of 100" in err
    assert not Article.objects.exists()


def test_it_rejects_an_unreadable_file(tmp_path, fake_extractor, monkeypatch):
    locked = write(tmp_path, "locked.txt", GOOD)
    real = Path.open

    def open_(self, *args, **kwargs):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", open_)
    code, _, err = import_(locked)
    assert code == 1
    assert "locked.txt: cannot be read: permission denied" in err
    assert not Article.objects.exists()


def test_it_exits_1_for_a_folder_without_articles(tmp_path, fake_extractor):
    (tmp_path / "empty").mkdir()
    code, _, err = import_(tmp_path / "empty")
    assert code == 1
    assert "empty: folder has no .txt files" in err


def test_it_exits_1_for_a_missing_path(tmp_path, fake_extractor):
    code, _, err = import_(tmp_path / "missing.txt")
    assert code == 1
    assert "missing.txt: no such file or folder" in err


def test_it_reads_cp1252_with_a_warning(tmp_path, fake_extractor):
    path = write(tmp_path, "old.txt", "Caf\xe9 talks\nLe Vinh Tan (VN) visits RU.\n".encode("cp1252"))
    code, _, err = import_(path)
    assert code == 0
    assert "old.txt: warning: not UTF-8: read as cp1252" in err
    assert Article.objects.get().title == "Café talks"


def test_it_rolls_back_only_the_article_that_fails(tmp_path, fake_extractor, monkeypatch):
    write(tmp_path, "a.txt", GOOD)
    write(tmp_path, "b.txt", "B\nIvan Petrov (RU) visits VN.\n")
    write(tmp_path, "c.txt", "C\nAnna Ivanova (RU) visits VN.\n")
    real = ArticleWriter.write

    def failing(self, source, extraction, existing):
        outcome = real(self, source, extraction, existing)  # writes everything, then fails
        if source.key == "b":
            raise RuntimeError("disk full")
        return outcome

    monkeypatch.setattr(ArticleWriter, "write", failing)
    code, _, err = import_(tmp_path)
    assert code == 2
    assert "b.txt: RuntimeError: disk full" in err
    assert sorted(Article.objects.values_list("key", flat=True)) == ["a", "c"]
    assert sorted(Official.objects.values_list("name", flat=True)) == ["Anna Ivanova", "Le Vinh Tan"]


# ---------------------------------------------------------------- runs


def test_it_saves_nothing_on_a_dry_run_and_says_what_it_would_do(tmp_path, fake_extractor):
    write(tmp_path, "a.txt", GOOD)
    code, out, _ = import_(tmp_path, dry_run=True)
    assert code == 0
    assert "new  " in out and "dry run" in out
    assert all(not m.objects.exists() for m in MODELS)


def test_it_counts_one_record_in_the_singular(tmp_path, fake_extractor):
    write(tmp_path, "a.txt", GOOD)
    write(tmp_path, "b.txt", "B\nIvan Petrov (RU) visits VN.\nAnna Ivanova (RU) visits VN.\n")
    code, out, _ = import_(tmp_path, dry_run=True)
    assert code == 0
    assert "1 official, 1 delegation, 1 meeting" in out  # a.txt
    assert "2 officials, 2 delegations, 2 meetings" in out  # b.txt
    summary = "Records proposed: 3 officials, 0 organizations, 3 delegations, 3 meetings, 0 agreements"
    assert summary in out
    write(tmp_path, "c.txt", "C\nOleg Sidorov (RU) visits VN.\n")
    (tmp_path / "a.txt").unlink()
    (tmp_path / "b.txt").unlink()
    _, out, _ = import_(tmp_path)
    assert "Records proposed: 1 official, 0 organizations, 1 delegation, 1 meeting, 0 agreements" in out
    assert "1 officials" not in out


def test_it_proposes_drafts_with_citations_for_every_record(tmp_path, fake_extractor):
    import_(write(tmp_path, "a.txt", GOOD))
    article = Article.objects.get()
    for model in (Official, Delegation, Meeting):
        record = model.objects.get()
        assert record.status == "draft"
        citation = record.citations.get()
        assert citation.article == article
        assert article.text[citation.start : citation.end] == citation.quote == "Le Vinh Tan (VN) visits RU."


def test_it_changes_nothing_when_the_same_files_come_again(tmp_path, fake_extractor):
    write(tmp_path, "a.txt", GOOD)
    write(tmp_path, "b.txt", "B\nIvan Petrov (RU) visits VN.\n")
    import_(tmp_path)
    before = snapshot()
    code, out, _ = import_(tmp_path)
    assert code == 0
    assert "0 new, 0 updated, 2 unchanged, 0 failed" in out
    assert snapshot() == before


def test_it_reuses_an_official_known_by_an_editors_alias(tmp_path, fake_extractor):
    official = Official.objects.create(name="Lê Vĩnh Tân", country="VN", status="published")
    OfficialAlias.objects.create(official=official, name="Le V. Tan Minister")
    write(tmp_path, "a.txt", "A\nLe V Tan Minister (VN) visits RU.\n")
    import_(tmp_path)
    assert Official.objects.get() == official
    assert Delegation.objects.get().head == official


def test_it_reuses_an_official_written_without_diacritics(tmp_path, fake_extractor):
    official = Official.objects.create(name="Lê Vĩnh Tân", country="VN")
    import_(write(tmp_path, "a.txt", GOOD))
    assert list(Official.objects.all()) == [official]
    assert Delegation.objects.get().head == official


def test_it_links_a_likely_match_and_flags_it(tmp_path, fake_extractor):
    official = Official.objects.create(name="Nguyen Van Phong", country="VN")
    import_(write(tmp_path, "a.txt", "A\nNguen Van Phong (VN) visits RU.\n"))
    official.refresh_from_db()
    assert list(Official.objects.all()) == [official]
    assert any(flag.startswith("possible duplicate") for flag in official.flags)
    assert official.aliases.get().kind == "misspelling"


@pytest.mark.parametrize(
    ("confidence", "low"), [(LOW_CONFIDENCE_BELOW - 0.01, True), (LOW_CONFIDENCE_BELOW, False)]
)
def test_the_flags_it_writes_are_the_vocabularys(tmp_path, monkeypatch, confidence, low):
    """What the review queue filters by (``Flag``) is what the writer stores, below the one threshold."""

    def unsure(text: str) -> Extraction:
        extraction = fake_extract(text)
        for proposal in extraction.officials:
            proposal.confidence = confidence
        return extraction

    monkeypatch.setattr(run, "extract", unsure)
    Official.objects.create(name="Nguyen Van Phong", country="VN")
    import_(write(tmp_path, "a.txt", "A\nNguen Van Phong (VN) visits RU.\n"))
    kinds = {flag.split(":")[0] for flag in Official.objects.get().flags}
    expected = {Flag.POSSIBLE_DUPLICATE, Flag.LOW_CONFIDENCE} if low else {Flag.POSSIBLE_DUPLICATE}
    assert kinds == expected


def test_it_keeps_apart_namesakes_of_different_countries(tmp_path, fake_extractor):
    Official.objects.create(name="Le Vinh Tan", country="CN")
    import_(write(tmp_path, "a.txt", GOOD))
    assert sorted(Official.objects.values_list("country", flat=True)) == ["CN", "VN"]


def test_an_editors_change_survives_the_reimport_of_a_changed_article(tmp_path, fake_extractor):
    path = write(tmp_path, "a.txt", GOOD)
    import_(path)
    official = Official.objects.get()
    official.name = "Lê Vĩnh Tân"
    official.country = "VN"
    official.save()
    delegation = Delegation.objects.get()
    delegation.place = "Moscow"
    delegation.to_country = "BY"  # an editor's correction
    delegation.save()
    path.write_text(GOOD + "Ivan Petrov (RU) visits VN.\n")
    code, out, _ = import_(path)
    assert code == 0 and "0 new, 1 updated" in out
    official.refresh_from_db()
    delegation.refresh_from_db()
    assert official.name == "Lê Vĩnh Tân"
    assert (delegation.to_country, delegation.place) == ("BY", "Moscow")
    assert Official.objects.count() == 2  # the new evidence arrived as a new draft


def test_a_published_record_is_not_touched_by_a_reimport(tmp_path, fake_extractor):
    path = write(tmp_path, "a.txt", GOOD)
    import_(path)
    delegation = Delegation.objects.get()
    delegation.status = "published"
    delegation.save()
    before = model_to_dict(Delegation.objects.get()) | {"at": Delegation.objects.get().updated_at}
    path.write_text("Another title\n\n" + GOOD)
    import_(path)
    after = Delegation.objects.get()
    assert model_to_dict(after) | {"at": after.updated_at} == before
    citation = after.citations.get()  # the evidence moved with the text
    assert Article.objects.get().text[citation.start : citation.end] == citation.quote


# ---------------------------------------------------------------- the real extractor


@pytest.mark.slow
def test_importing_the_fixture_articles_twice_changes_nothing(tmp_path):
    folder = tmp_path / "articles"
    shutil.copytree(FIXTURES, folder)
    code, _, err = import_(folder)
    assert code == 0, err
    assert Article.objects.count() == 5 and Official.objects.exists() and Delegation.objects.exists()
    before = snapshot()
    import_(folder)
    assert snapshot() == before


def test_it_records_a_reimports_change_to_an_existing_record_in_history(tmp_path, fake_extractor):
    from reversion.models import Version

    path = write(tmp_path, "a.txt", GOOD)
    import_(path)
    delegation = Delegation.objects.get()
    assert not Version.objects.get_for_object(delegation).exists()  # creation is dated and cited instead
    path.write_text(GOOD.replace("A visit", "A working visit"))
    import_(path)
    delegation.refresh_from_db()
    assert delegation.purpose == "A working visit"
    versions = Version.objects.get_for_object(delegation)
    assert [v.revision.comment for v in versions] == [f"Re-imported from {path}"]


def test_a_reimport_inside_a_revision_under_way_records_its_changes_in_that_one(
    tmp_path, fake_extractor, django_user_model
):
    """The admin's upload page runs the importer inside its own revision, by its user."""
    import reversion
    from reversion.models import Revision, Version

    path = write(tmp_path, "a.txt", GOOD)
    import_(path)
    path.write_text(GOOD.replace("A visit", "A working visit"))
    editor = django_user_model.objects.create_user("editor")
    with reversion.create_revision():
        reversion.set_user(editor)
        run.import_articles(paths=[path])
    (revision,) = Revision.objects.all()
    assert (revision.user, revision.comment) == (editor, f"Re-imported from {path}")
    assert Version.objects.get_for_object(Delegation.objects.get()).get().revision == revision


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite gathers no statistics by itself")
@pytest.mark.parametrize("dry_run", [False, True])
def test_an_import_leaves_planner_statistics_on_sqlite(tmp_path, fake_extractor, dry_run):
    def statistics() -> set[str]:
        with connection.cursor() as cursor:
            cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
            if not cursor.fetchone():
                return set()
            cursor.execute("SELECT tbl FROM sqlite_stat1")
            return {table for (table,) in cursor.fetchall()}

    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS sqlite_stat1")
    import_(write(tmp_path, "a.txt", GOOD), dry_run=dry_run)
    assert ("relations_delegation" in statistics()) is not dry_run


@pytest.mark.parametrize(
    ("names", "title"),
    [
        ([], "Meeting"),
        (["A"], "Meeting with A"),
        (["A", "B", "A"], "Meeting of A and B"),
        (["A", "B", "C"], "Meeting of A, B and C"),
        (["A", "B", "C", "D"], "Meeting of A, B and 2 others"),
        ([f"N{i}" for i in range(9)], "Meeting of N0, N1 and 7 others"),
    ],
)
def test_it_titles_a_meeting_with_at_most_three_names(names, title):
    from relations.importing.writing import meeting_title

    assert meeting_title(names) == title
