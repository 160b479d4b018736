import pytest

from relations.importing.reading import ArticleError, Source, decode, find_sources, read_article

LIMIT = 1024 * 1024


def test_it_reads_utf8_with_a_bom():
    text, warnings = decode("\ufeffHÀ NỘI, VIETNAM, October 31 - Phạm Minh Chính".encode())
    assert text.startswith("HÀ NỘI") and warnings == []


def test_it_reads_cp1252_with_a_warning():
    text, warnings = decode("Minister said “yes” – café".encode("cp1252"))
    assert text == "Minister said “yes” – café"
    assert "cp1252" in warnings[0]


def test_it_normalises_line_endings():
    assert decode(b"one\r\ntwo\rthree")[0] == "one\ntwo\nthree"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is empty"),
        (b"  \n\t ", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes(range(1, 32)) * 20, "binary"),
    ],
)
def test_it_refuses_what_is_not_text(data, message):
    with pytest.raises(ArticleError, match=message):
        decode(data)


def test_it_reads_a_saved_page_as_its_text_with_a_warning(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(
        "<!DOCTYPE html><html><head><title>Talks</title><style>p {color: red}</style></head><body>"
        "<p>A delegation&nbsp;of the <b>Ministry</b> visited &amp; met.</p><script>track();</script>"
        "<div>Second<br>line</div></body></html>"
    )
    article = read_article(Source(name=str(path), path=path), max_bytes=LIMIT)
    assert article.text == "Talks\n\nA delegation of the Ministry visited & met.\n\nSecond\nline\n"
    assert any("HTML" in w for w in article.warnings)


def test_it_refuses_a_page_with_no_text_once_its_markup_is_left_out():
    page = b"<html><head><script>var x = 1;</script></head><body><div><br></div><p></p></body></html>"
    with pytest.raises(ArticleError, match="HTML with no text"):
        read_article(Source(name="page.txt", data=page), max_bytes=LIMIT)


def test_it_accepts_a_text_that_mentions_a_tag():
    text = "The minister said a <b> tag is not HTML."
    assert read_article(Source(name="a.txt", data=text.encode()), max_bytes=LIMIT).text == text


def test_it_refuses_a_file_over_the_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("word " * 100)
    with pytest.raises(ArticleError, match="over the limit of 100"):
        read_article(Source(name=str(path), path=path), max_bytes=100)


def test_it_finds_txt_files_recursively_once(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("x")
    (tmp_path / "two.txt").write_text("x")
    (tmp_path / "notes.md").write_text("x")
    sources, problems = find_sources([tmp_path, tmp_path / "two.txt"])
    assert sorted(s.key for s in sources) == ["a/one", "two"]  # the path from the folder imported
    assert problems == []


def test_it_reports_missing_paths_and_folders_without_articles(tmp_path):
    (tmp_path / "empty").mkdir()
    _, problems = find_sources([tmp_path / "nope.txt", tmp_path / "empty"])
    assert problems == [
        (str(tmp_path / "nope.txt"), "no such file or folder"),
        (str(tmp_path / "empty"), "folder has no .txt files"),
    ]
