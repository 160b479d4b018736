"""Articles written a batch at a time keep every guarantee of articles written one at a time: what a
file of the run becomes does not depend on which other files share its batch."""

import logging
import re
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from reversion.models import Version

from people import merging
from people.models import Official
from relations.editorial.models import PendingChange
from relations.editorial.publication import Publication
from relations.importing import run
from relations.importing.proposals import (
    DelegationProposal,
    Evidence,
    Extraction,
    MeetingProposal,
    OfficialProposal,
    PartialDate,
)
from relations.importing.writing import ArticleWriter
from relations.models import Article, Delegation
from tests.factories import OfficialFactory
from tests.importing.helpers import texts, visit, write
from tests.importing.test_batch import batched_as_alone

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fake_extractor")]


@pytest.mark.parametrize("size", [100, 1])
def test_a_file_with_the_text_of_a_failing_file_of_its_batch_is_imported(tmp_path, monkeypatch, size):
    """``2023/001.txt`` is refused (its key belongs to ``2022/001.txt``); ``2023/002.txt`` has its text and
    is a new article, whether or not the two share a batch."""
    (tmp_path / "2022").mkdir()
    (tmp_path / "2023").mkdir()
    write(tmp_path / "2022", "001.txt", visit("Le Vinh Tan"))
    assert not run.import_articles(paths=[tmp_path / "2022" / "001.txt"]).failed
    monkeypatch.setattr(run, "BATCH", size)
    write(tmp_path / "2023", "001.txt", visit("Tran Dai Quang"))
    write(tmp_path / "2023", "002.txt", visit("Tran Dai Quang"))
    report = run.import_articles(paths=[tmp_path / "2023"])
    assert [name for name, _ in report.failed] == [str(tmp_path / "2023" / "001.txt")]
    assert report.new == [str(tmp_path / "2023" / "002.txt")] and not report.unchanged
    assert texts() == {"001": visit("Le Vinh Tan"), "002": visit("Tran Dai Quang")}
    assert Delegation.objects.count() == 2


@pytest.mark.parametrize("size", [100, 1])
def test_a_file_with_the_new_text_of_an_article_held_in_its_batch_is_imported(tmp_path, monkeypatch, size):
    """``a`` is cited by a published official: its new text waits for review. ``b`` has that text and is a
    new article, whether or not the two share a batch."""
    write(tmp_path, "a.txt", visit("Le Vinh Tan"))
    assert not run.import_articles(paths=[tmp_path]).failed
    Official.objects.update(status="published")
    monkeypatch.setattr(run, "BATCH", size)
    write(tmp_path, "a.txt", visit("Le Vinh Tan") + "More.\n")
    write(tmp_path, "b.txt", visit("Le Vinh Tan") + "More.\n")
    report = run.import_articles(paths=[tmp_path])
    assert report.held == [str(tmp_path / "a.txt")]
    assert report.new == [str(tmp_path / "b.txt")] and not report.unchanged
    assert texts() == {"a": visit("Le Vinh Tan"), "b": visit("Le Vinh Tan") + "More.\n"}


# ---------------------------------------------------------------- one batch against one at a time

VISIT = re.compile(
    r"^(?P<name>[A-Z][\w ]+?)(?: aka (?P<alias>[A-Z][\w .]+?))? "
    r"\((?P<c>[A-Z]{2})\) visits (?P<to>[A-Z]{2})\.$",
    re.M,
)


def meeting_extract(text: str) -> Extraction:
    """Each line "Name [aka Alias] (RU) visits VN." proposes an official (a minister, with that alias) and
    his visit; everyone the article names met on 12 March 2021."""
    day = PartialDate(2021, 3, 12)
    extraction = Extraction(title=text.splitlines()[0][:80], date=day)
    for i, m in enumerate(VISIT.finditer(text)):
        ev = [Evidence(m.start(), m.end(), ("name",))]
        aliases = [m["alias"]] if m["alias"] else []
        extraction.officials.append(
            OfficialProposal(
                key=f"o{i}", name=m["name"], aliases=aliases, country=m["c"], titles=["Minister"], evidence=ev
            )
        )
        extraction.delegations.append(
            DelegationProposal(
                key=f"d{i}", from_country=m["c"], to_country=m["to"], head=f"o{i}", start=day, evidence=ev
            )
        )
    if extraction.officials:
        everyone = [p.key for p in extraction.officials]
        ev = [Evidence(0, len(text.splitlines()[0]), ())]
        extraction.meetings.append(MeetingProposal(key="m", date=day, participants=everyone, evidence=ev))
    return extraction


def test_a_batch_keeps_the_editors_work_as_one_article_at_a_time_does(tmp_path, monkeypatch):
    """Before the run: an editor renamed Tan, merged Anna Ivanova into Anna Sokolova, published
    Ivan Petrov; article e is re-imported with new text. In the run, several articles touch each of them,
    and Boris Novak, whom the first creates, is named by his alias in the next."""
    monkeypatch.setattr(run, "extract", meeting_extract)
    before = tmp_path / "before"
    before.mkdir()
    write(before, "e.txt", "Earlier\nLe Vinh Tan (VN) visits RU.\n")
    write(before, "p.txt", "Earlier\nIvan Petrov (RU) visits VN.\n")
    write(before, "s1.txt", "Earlier\nAnna Sokolova (RU) visits VN.\n")
    write(before, "s2.txt", "Earlier\nAnna Ivanova (RU) visits VN.\n")
    assert not run.import_articles(paths=[before]).failed
    tan = Official.objects.get(name="Le Vinh Tan")
    tan.name = "Lê Vĩnh Tân"  # the editor's spelling
    tan.save()
    Official.objects.filter(name="Ivan Petrov").update(status="published")
    Article.objects.filter(key="e").update(title="The editor's title")
    root = User.objects.create_superuser(username="root", password="x", email="root@example.org")
    anna = Official.objects.get(name="Anna Sokolova")
    merging.merge_officials(anna, [Official.objects.get(name="Anna Ivanova")], by=root)

    write(before, "e.txt", "Earlier, again\nLe Vinh Tan (VN) visits RU.\nBoris Novak (RU) visits VN.\n")
    write(before, "a1.txt", "One\nBoris Novak aka B Novak (RU) visits VN.\nIvan Petrov (RU) visits VN.\n")
    write(before, "a2.txt", "Two\nB Novak (RU) visits VN.\nAnna Ivanova (RU) visits VN.\n")
    write(before, "a3.txt", "Three\nLe Vinh Tan (VN) visits RU.\nIvan Petrov (RU) visits VN.\n")
    batched, batched_state, _ = batched_as_alone(before, monkeypatch)
    new, updated, failed, held, _, _ = batched
    assert not failed and len(new) == 3 and len(updated) == 1 and held
    assert [a["title"] for a in batched_state["Article"] if a["key"] == "e"] == ["The editor's title"]
    officials = {o["name"]: o for o in batched_state["Official"]}
    assert set(officials) == {"Lê Vĩnh Tân", "Ivan Petrov", "Anna Sokolova", "Boris Novak"}
    # Ivan's new citations (a1, a3) wait for review, one change an article.
    pending = [p for p in batched_state["PendingChange"] if p["object_id"] == "Official ivan-petrov"]
    assert len(pending) == 2
    # Boris (a1, a2, e) and Anna (a2) met once, with Ivan.
    assert len([m for m in batched_state["Meeting"] if "Official boris-novak" in m["participants"]]) == 3


def refused_last(tmp_path) -> Path:
    """A run whose last file, ``zz.txt``, is refused (its key is the article's of ``elsewhere/zz.txt``)."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    write(elsewhere, "zz.txt", "Elsewhere\nOleg Orlov (RU) visits VN.\n")
    assert not run.import_articles(paths=[elsewhere]).failed
    folder = tmp_path / "run"
    folder.mkdir()
    write(folder, "zz.txt", "Here\nOleg Orlov (RU) visits VN.\n")
    return folder


def held_before_refused(tmp_path, monkeypatch) -> Path:
    """`refused_last` read by `meeting_extract`, with ``p.txt`` imported and its Ivan Petrov published;
    ``a1.txt`` and ``a2.txt`` name him again (their citations of him are held) and Boris Novak (new)."""
    monkeypatch.setattr(run, "extract", meeting_extract)
    folder = refused_last(tmp_path)
    write(folder, "p.txt", "Earlier\nIvan Petrov (RU) visits VN.\n")
    assert not run.import_articles(paths=[folder / "p.txt"]).failed
    Official.objects.filter(name="Ivan Petrov").update(status="published")
    write(folder, "a1.txt", "One\nBoris Novak (RU) visits VN.\nIvan Petrov (RU) visits VN.\n")
    write(folder, "a2.txt", "Two\nBoris Novak (RU) visits VN.\nIvan Petrov (RU) visits VN.\n")
    return folder


def test_a_refused_article_after_others_that_held_citations_costs_only_itself(tmp_path, monkeypatch):
    folder = held_before_refused(tmp_path, monkeypatch)
    batched, batched_state, _ = batched_as_alone(folder, monkeypatch)
    new, _, failed, held, _, _ = batched
    assert [name for name, _ in failed] == [str(folder / "zz.txt")]
    assert len(new) == 2 and held == ["Ivan Petrov", "Ivan Petrov"]
    pending = [p for p in batched_state["PendingChange"] if p["object_id"] == "Official ivan-petrov"]
    assert len(pending) == 2


def test_a_stop_after_an_article_of_a_batch_failed_names_the_first_article_not_saved(tmp_path, monkeypatch):
    """The batch fails on ``zz.txt`` and its articles are written one by one; stopped on the second, the run
    has saved the first, and says so."""
    folder = refused_last(tmp_path)
    for n in range(3):
        write(folder, f"{n}.txt", visit(f"Le Vinh Tan {chr(65 + n)}"))
    real = ArticleWriter.write
    tries = []

    def write_(self, article, extraction, existing):
        outcome = real(self, article, extraction, existing)
        tries.append(article.key)
        if tries.count("1") == 2:  # written in the batch, then on its own
            raise KeyboardInterrupt
        return outcome

    monkeypatch.setattr(ArticleWriter, "write", write_)
    report = run.import_articles(paths=[folder])
    assert report.stopped_at == str(folder / "1.txt") and report.done == 1
    assert report.new == [str(folder / "0.txt")]
    assert set(texts()) == {"zz", "0"}


def test_a_batch_never_gives_a_deleted_records_key_again(tmp_path):
    """An editor deleted the newest official and article: the batch's new ones take keys after theirs, so
    that neither inherits the deleted one's history or links."""
    write(tmp_path, "a.txt", visit("Le Vinh Tan"))
    assert not run.import_articles(paths=[tmp_path]).failed
    gone = OfficialFactory(name="Deleted Official", country="VN")
    gone_official, gone_article = gone.pk, Article.objects.get().pk
    gone.delete()
    Article.objects.all().delete()
    write(tmp_path, "b.txt", visit("Tran Dai Quang"))
    report = run.import_articles(paths=[tmp_path])
    assert len(report.new) == 2
    assert min(Article.objects.values_list("pk", flat=True)) > gone_article
    assert Official.objects.get(name="Tran Dai Quang").pk > gone_official


def test_a_dry_run_of_batches_says_what_the_run_does_and_saves_nothing(tmp_path, monkeypatch):
    """A batch that fails on a refused article, with citations of a published record held: the dry run
    reports what the run then does, and leaves no article, record, pending change, history or publication
    version behind."""
    folder = held_before_refused(tmp_path, monkeypatch)
    write(folder, "p.txt", "Earlier, again\nIvan Petrov (RU) visits VN.\n")  # held: Ivan cites it

    def state():
        return (
            sorted(Article.objects.values_list("key", "text")),
            sorted(Official.objects.values_list("name", flat=True)),
            Delegation.objects.count(),
            PendingChange.objects.count(),
            Version.objects.count(),
            list(Publication.objects.values_list("version", flat=True)),
        )

    def said(report):
        return (
            report.new, report.updated, report.unchanged, report.held, report.failed,
            report.held_citations, dict(report.created), dict(report.matched),
        )  # fmt: skip

    before = state()
    dry = run.import_articles(paths=[folder], dry_run=True)
    assert state() == before
    real = run.import_articles(paths=[folder])
    assert said(dry) == said(real)
    assert [name for name, _ in real.failed] == [str(folder / "zz.txt")]
    assert real.held == [str(folder / "p.txt")] and real.held_citations == ["Ivan Petrov", "Ivan Petrov"]
    assert state() != before


def test_a_record_an_editor_creates_between_two_batches_keeps_its_key(tmp_path, monkeypatch, caplog):
    """The keys a batch takes ahead are its own: an official made in the admin once the first batch is
    saved is neither overwritten nor in the way of the next batch, which is written whole."""
    for n in range(4):
        write(tmp_path, f"{n}.txt", visit(f"Le Vinh Tan {chr(65 + n)}"))
    monkeypatch.setattr(run, "BATCH", 2)
    made = []

    def progress(done, total, name):
        if done == 2:  # the first batch is saved
            made.append(OfficialFactory(name="Made In The Admin", country="VN").pk)

    with caplog.at_level(logging.INFO, logger=run.__name__):
        report = run.import_articles(paths=[tmp_path], progress=progress)
    assert not report.failed and len(report.new) == 4
    assert not [r for r in caplog.records if "writing them one by one" in r.getMessage()]
    assert Official.objects.get(pk=made[0]).name == "Made In The Admin"
    assert Official.objects.count() == 5 and Delegation.objects.count() == 4


@pytest.mark.parametrize("size", [1, 2, 100])
def test_what_a_run_knows_of_its_files_is_read_a_chunk_of_files_at_a_time(tmp_path, monkeypatch, size):
    """The run asks the database about the keys and texts of a chunk of files at a time, not about every
    article at its start; whatever the chunk, a file is unchanged, the text of another article (of the
    database, or of an earlier file of the run), an update or a new article alike."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    write(tmp_path, "a.txt", visit("Le Vinh Tan"))
    write(tmp_path, "b.txt", visit("Tran Dai Quang"))
    assert not run.import_articles(paths=[tmp_path]).failed
    monkeypatch.setattr(run, "BATCH", size)
    write(tmp_path, "b.txt", visit("Tran Dai Quang") + "More.\n")  # new text
    write(tmp_path, "c.txt", visit("Le Vinh Tan"))  # a's text
    write(tmp_path, "d.txt", visit("Nguyen Phu Trong"))  # new
    write(tmp_path, "e.txt", visit("Nguyen Phu Trong"))  # d's text
    said = []
    with CaptureQueriesContext(connection) as queries:
        report = run.import_articles(paths=[tmp_path], on_article=lambda *said_: said.append(said_))
    names = {str(tmp_path / f"{n}.txt"): n for n in "abcde"}
    assert [names[n] for n in report.unchanged] == ["a", "c", "e"]
    assert [names[n] for n in report.updated] == ["b"] and [names[n] for n in report.new] == ["d"]
    assert ("unchanged", str(tmp_path / "c.txt"), "same text as article 'a'") in said
    assert ("unchanged", str(tmp_path / "e.txt"), "same text as article 'd'") in said
    assert texts() == {
        "a": visit("Le Vinh Tan"),
        "b": visit("Tran Dai Quang") + "More.\n",
        "d": visit("Nguyen Phu Trong"),
    }
    asked = [
        sql
        for sql in (q["sql"] for q in queries.captured_queries)
        if sql.startswith("SELECT") and "content_hash" in sql.split(" FROM ")[0]
    ]
    assert asked and all(" WHERE " in sql for sql in asked)  # never every article
