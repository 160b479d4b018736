"""Attacks on the importer: files that collide, files that are not articles, and runs that are stopped.

Each test names the file or the interruption, the refusal expected, and checks what the database holds
afterwards: nothing lost, nothing half-written.
"""

import os
import signal
from pathlib import Path

import pytest
from django.db import connection

from relations.importing import run
from relations.importing.writing import ArticleWriter
from relations.models import Article, Delegation
from tests.importing.helpers import fake_extract, import_, texts, visit, write

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fake_extractor")]


# ---------------------------------------------------------------- identity (point 3)


def test_it_keeps_two_files_of_one_name_in_two_folders_apart(tmp_path):
    (tmp_path / "2022").mkdir()
    (tmp_path / "2023").mkdir()
    write(tmp_path / "2022", "001.txt", visit("Le Vinh Tan"))
    write(tmp_path / "2023", "001.txt", visit("Tran Dai Quang"))
    assert import_(tmp_path)[0] == 0
    assert import_(tmp_path)[0] == 0  # again: nothing flips
    assert texts() == {"2022/001": visit("Le Vinh Tan"), "2023/001": visit("Tran Dai Quang")}


def test_it_keeps_the_stem_as_the_key_of_a_file_at_the_root(tmp_path):
    """The demo articles were keyed by their stem: importing their folder again keeps those keys."""
    write(tmp_path, "000_c053d081b580694c.txt", visit("Le Vinh Tan"))
    import_(tmp_path)
    assert list(texts()) == ["000_c053d081b580694c"]


def test_it_refuses_two_files_with_one_key_in_one_run_naming_both(tmp_path):
    (tmp_path / "2022").mkdir()
    (tmp_path / "2023").mkdir()
    a = write(tmp_path / "2022", "001.txt", visit("Le Vinh Tan"))
    b = write(tmp_path / "2023", "001.txt", visit("Tran Dai Quang"))
    code, _, err = import_(a, b)  # named one by one: both are "001"
    assert code == 1
    assert f"{a}: has the article key '001', as {b} in this import does" in err
    assert f"{b}: has the article key '001', as {a} in this import does" in err
    assert not Article.objects.exists()


def test_it_refuses_a_file_whose_key_another_file_holds(tmp_path):
    (tmp_path / "2022").mkdir()
    (tmp_path / "2023").mkdir()
    first = write(tmp_path / "2022", "001.txt", visit("Le Vinh Tan"))
    second = write(tmp_path / "2023", "001.txt", visit("Tran Dai Quang"))
    assert import_(first)[0] == 0
    code, _, err = import_(second)
    assert code == 1
    assert f"has the article key '001' of the article imported from {first.resolve()}" in err
    assert texts() == {"001": visit("Le Vinh Tan")}  # not replaced
    assert Delegation.objects.count() == 1


def test_it_follows_a_file_that_moved(tmp_path):
    (tmp_path / "old").mkdir()
    (tmp_path / "new").mkdir()
    first = write(tmp_path / "old", "001.txt", visit("Le Vinh Tan"))
    assert import_(first)[0] == 0
    moved = write(tmp_path / "new", "001.txt", visit("Le Vinh Tan") + "More text.\n")
    first.unlink()
    assert import_(moved)[0] == 0
    assert Article.objects.get(key="001").source_file == str(moved.resolve())


def test_it_refuses_the_same_name_twice_in_one_upload_and_saves_nothing():
    report = run.import_articles(files=[("a.txt", visit("Le Vinh Tan").encode()), ("a.txt", b"Other\n")])
    reason = "has the article key 'a', as a.txt in this import does: rename one of them"
    assert [r for _, r in report.failed] == [reason, reason]
    assert not Article.objects.exists()


# ---------------------------------------------------------------- the smaller cases (point 12)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_it_reads_utf16_and_utf32_with_their_bom(tmp_path, encoding):
    data = visit("Phạm Minh Chính").encode(encoding)
    if not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        data = b"\xfe\xff" + data  # utf-16-be writes no mark of its own
    write(tmp_path, "a.txt", data)
    assert import_(tmp_path)[0] == 0
    assert texts() == {"a": visit("Phạm Minh Chính")}


def test_it_refuses_a_nul_byte_past_the_first_8_kb(tmp_path):
    text = visit("Le Vinh Tan") + "word " * 3000 + "\x00 the end\n"
    path = write(tmp_path, "late-nul.txt", text)
    code, _, err = import_(path)
    assert code == 1
    assert "late-nul.txt: contains a NUL character (at character 15,0" in err
    assert not Article.objects.exists()


def test_it_refuses_a_key_longer_than_the_field(tmp_path):
    deep = tmp_path / ("d" * 120)
    deep.mkdir()
    path = write(deep, "e" * 100 + ".txt", visit("Le Vinh Tan"))
    ok = write(tmp_path, "ok.txt", visit("Tran Dai Quang"))
    code, _, err = import_(tmp_path)
    assert code == 2
    assert f"{path}: its article key (its path without .txt) is 221 characters, over 200" in err
    assert list(texts()) == ["ok"] and ok.exists()


def test_it_imports_an_upper_case_suffix_from_a_folder(tmp_path):
    write(tmp_path, "ARTICLE.TXT", visit("Le Vinh Tan"))
    assert import_(tmp_path)[0] == 0
    assert list(texts()) == ["ARTICLE"]


def test_it_refuses_a_device_as_a_path():
    code, _, err = import_(Path("/dev/zero"))
    assert code == 1
    assert "/dev/zero: is not a regular file (a device, a pipe or a socket): nothing to import" in err


def test_it_refuses_a_fifo_in_a_folder(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    write(tmp_path, "good.txt", visit("Le Vinh Tan"))
    code, _, err = import_(tmp_path)  # the pipe is passed over, never opened (it would wait forever)
    assert code == 0 and list(texts()) == ["good"]


# ---------------------------------------------------------------- one commit per article (point 9)


@pytest.mark.django_db(transaction=True)
def test_it_commits_each_article_before_the_next(tmp_path):
    for n in range(3):
        write(tmp_path, f"{n}.txt", visit(f"Le Vinh Tan {chr(65 + n)}"))
    seen = []

    def on_article(state, name, detail):
        seen.append((state, connection.in_atomic_block))

    run.import_articles(paths=[tmp_path], on_article=on_article)
    assert seen == [("new", False)] * 3  # no transaction left open around the run


def interrupted_on(name: str, monkeypatch, *, how):
    real = ArticleWriter.write

    def write_(self, article, extraction, existing):
        outcome = real(self, article, extraction, existing)  # half-written: then the interruption
        if article.key == name:
            how()
        return outcome

    monkeypatch.setattr(ArticleWriter, "write", write_)


def stop():
    raise KeyboardInterrupt


def test_it_keeps_every_finished_batch_when_stopped_and_goes_on_next_time(tmp_path, monkeypatch):
    for n in range(5):
        write(tmp_path, f"{n}.txt", visit(f"Le Vinh Tan {chr(65 + n)}"))
    monkeypatch.setattr(run, "BATCH", 2)  # 0 and 1 are written together, then 2 and 3
    interrupted_on("2", monkeypatch, how=stop)
    code, out, _ = import_(tmp_path)
    assert code == 3
    assert f"Stopped at {tmp_path / '2.txt'} (2 of 5 files done)" in out
    assert sorted(texts()) == ["0", "1"]  # the batch under way rolled back whole
    assert Delegation.objects.count() == 2
    monkeypatch.undo()
    monkeypatch.setattr(run, "extract", fake_extract)
    code, out, _ = import_(tmp_path)
    assert code == 0
    assert "Articles: 3 new, 0 updated, 2 unchanged, 0 failed" in out
    assert sorted(texts()) == ["0", "1", "2", "3", "4"] and Delegation.objects.count() == 5


def test_it_stops_on_sigterm_as_on_ctrl_c(tmp_path, monkeypatch):
    for n in range(3):
        write(tmp_path, f"{n}.txt", visit(f"Le Vinh Tan {chr(65 + n)}"))
    before = signal.getsignal(signal.SIGTERM)
    monkeypatch.setattr(run, "BATCH", 1)
    interrupted_on("1", monkeypatch, how=lambda: os.kill(os.getpid(), signal.SIGTERM))
    code, out, _ = import_(tmp_path)
    assert code == 3
    assert f"Stopped at {tmp_path / '1.txt'} (1 of 3 files done)" in out
    assert sorted(texts()) == ["0"]
    assert signal.getsignal(signal.SIGTERM) == before  # the command's handler is gone again


def test_a_stop_rolls_back_the_whole_batch_under_way(tmp_path, monkeypatch):
    for n in range(3):
        write(tmp_path, f"{n}.txt", visit(f"Le Vinh Tan {chr(65 + n)}"))
    interrupted_on("1", monkeypatch, how=stop)  # the three articles are one batch
    code, out, _ = import_(tmp_path)
    assert code == 3
    assert f"Stopped at {tmp_path / '0.txt'} (0 of 3 files done)" in out
    assert not Article.objects.exists() and not Delegation.objects.exists()


def test_it_rolls_back_a_stopped_dry_run_whole(tmp_path, monkeypatch):
    for n in range(3):
        write(tmp_path, f"{n}.txt", visit(f"Le Vinh Tan {chr(65 + n)}"))
    interrupted_on("1", monkeypatch, how=stop)
    code, _, _ = import_(tmp_path, dry_run=True)
    assert code == 3 and not Article.objects.exists()
