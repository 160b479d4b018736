"""Articles written a batch at a time keep every guarantee of articles written one at a time: what a
file of the run becomes does not depend on which other files share its batch."""

import pytest

from people.models import Official
from relations.importing import run
from relations.models import Article, Delegation
from tests.importing.helpers import fake_extract, write

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fake_extractor(monkeypatch):
    monkeypatch.setattr(run, "extract", fake_extract)


def visit(name: str) -> str:
    return f"A visit by {name}\n{name} (VN) visits RU.\n"


def texts() -> dict[str, str]:
    return dict(Article.objects.values_list("key", "text"))


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
