"""Text cleanup, sentence splitting, header and dateline formats (no Django needed)."""

import pytest

from relations.importing.extraction.document import build
from relations.importing.extraction.header import match_dateline, parse_header
from relations.importing.extraction.text import clean, normalize, split_sentences


def test_it_splits_sentences_glued_without_a_space():
    text = "They met on Monday in Moscow to promote public services.While in Russia, Tan met the host."
    spans = split_sentences(text, 0, len(text))
    assert [text[a:b] for a, b in spans][1].startswith("While in Russia")


def test_it_does_not_split_after_initials():
    text = "The meeting was attended by Deputy Minister A. V. Semenikhin and others."
    assert len(split_sentences(text, 0, len(text))) == 1


def test_it_blanks_agency_tags_and_keeps_offsets():
    text = "Tan met Seryshev. -VNA\nHe spoke (Photo: VNA) well./.\nSuch is life. VNA/VNS"
    cleaned = clean(text)
    assert len(cleaned) == len(text)
    assert "VNA" not in cleaned and "/." not in cleaned


def test_it_normalises_curly_quotes_and_dashes_one_for_one():
    text = "Russia\u2019s \u201cfour nos\u201d \u2013 policy"
    assert normalize(text) == 'Russia\'s "four nos" - policy'


def test_it_reads_a_header_date_and_the_rest_of_the_line():
    head = parse_header(" date 2021-01-01 Today at the Ministry, the minister met his guest.")
    assert str(head.header_date) == "2021-01-01"


def test_it_reads_datelines_of_several_agencies():
    assert match_dateline("HÀ NỘI, VIETNAM, October 31 - Việt Nam always").group("day") == "31"
    m = match_dateline("MOSCOW, April 6, 2012 (VNA) – The minister")
    assert m.group("year") == "2012"
    assert match_dateline("MOSCOW, June 16. /TASS/. Russia and Vietnam").group("month") == "June"
    assert match_dateline("Đà Nẵng (VNA) - Chairman").group("place") == "Đà Nẵng"
    assert match_dateline("Việt Nam always attaches importance to Russia.") is None


def test_it_takes_a_headline_and_a_dateline():
    art = build("Japan pledges support\n\nHÀ NỘI, August 23 - The minister met the guest.\n")
    assert art.header.title == "Japan pledges support"
    assert art.header.dateline_place == "Hà Nội"
    assert (art.header.dateline_month, art.header.dateline_day) == (8, 23)


def test_it_sets_photo_captions_apart():
    art = build("The two ministers at their talks (Photo: VNA)\n\n- A delegation is visiting Russia.\n")
    kinds = [s.kind for s in art.sentences]
    assert kinds == ["caption", "body"]


def test_it_reads_a_publication_date_line_under_the_title():
    head = parse_header(
        "Cambodia, China sign deals\nSource: Xinhua | 2024-11-03 20:15:42\n\nPHNOM PENH -- Text."
    )
    assert head.header_date is not None and head.header_date.isoformat() == "2024-11-03"


def test_it_reads_a_kyodo_dateline_with_a_double_dash():
    head = parse_header("SEOUL, Aug. 22 (Kyodo) -- The two leaders met.")
    assert (head.dateline_month, head.dateline_day) == (8, 22)


def test_it_reads_a_day_before_month_dateline():
    head = parse_header(
        "MOSCOW, 12 March. /TASS/ - Russian Deputy Foreign Minister Ivan Petrov met on Tuesday."
    )
    assert (head.dateline_place, head.dateline_month, head.dateline_day) == ("Moscow", 3, 12)


def test_it_reads_a_capital_city_dateline_followed_by_its_country():
    m = match_dateline("LAKEVILLE, Chile -Prime Minister Anton Weiss met")
    assert m.group("place") == "LAKEVILLE, Chile"
    assert match_dateline("SANTIAGO, Chile \u2013The minister said") is not None
    assert match_dateline("SANTIAGO, Foreign Minister -The") is None


def test_it_reads_a_dateline_after_a_photo_caption_opening_the_page():
    head = parse_header(
        "Chile, Peru ministers meet\n\nForeign Minister Ana Reyes waves as she arrives at the Lima"
        " convention centre for a regional forum on May 3, 2024.\n\n"
        "CUSCO, Peru -Foreign Minister Ana Reyes met her Chilean counterpart in the city on Saturday.\n"
    )
    assert head.dateline_place == "Cusco"


def test_it_joins_the_lines_of_a_text_printed_at_a_fixed_width():
    text = (
        "Party officials meet in Minsk\n\n"
        "Minsk (VNA) - Pham Thi Thu Ha,\n"
        "vice chair of her party's board for youth outreach and women's affairs,\n"
        "on June 3 held talks with leaders of two Belarusian parties in the capital.\n"
        "The guests were welcomed at a dinner given for a delegation led by Ly Van\n"
        "Quang, a member of the Secretariat. The delegation is staying in Belarus\n"
        "until June 7 at the invitation of the Belarusian side and will go on to\n"
        "visit a tractor plant near the city.\n"
    )
    art = build(text)
    assert len(art.clean) == len(text)
    body = [s.text for s in art.body()]
    assert body[0].startswith("Pham Thi Thu Ha, vice chair") and body[0].endswith("capital.")
    assert any("led by Ly Van Quang, a member" in s for s in body)


def test_it_keeps_lines_apart_in_a_text_not_printed_at_a_fixed_width():
    text = (
        "Ministers meet in Minsk\n\n"
        "MINSK, June 3 - The two foreign ministers met on Monday to discuss trade and energy ties\n"
        "Related news\n"
        "Vietnamese leader visits a tractor plant outside the capital of Belarus\n"
    )
    body = [s.text for s in build(text).body()]
    assert "Related news" in body


@pytest.mark.parametrize(
    ("body", "sentences"),
    [
        pytest.param(
            "The delegation was led by Mr.\nIvan Petrov. They met.",
            ["The delegation was led by Mr. Ivan Petrov.", "They met."],
            id="a line that ends on Mr.",
        ),
        pytest.param(
            "He was received by H.E.\n\nNguyen Van Hai. Then.",
            ["He was received by H.E.  Nguyen Van Hai.", "Then."],
            id="a paragraph that ends on H.E.",
        ),
        pytest.param("The talks ended with Mr.\n\nthe guests left.", None, id="small letters after it"),
        pytest.param("The ship reached No.\nThe crew left.", None, id="no title"),
    ],
)
def test_a_line_broken_after_a_title_written_short_is_joined_to_the_name(body, sentences):
    art = build("date 2020-01-01\nTalks\n\n" + body)
    texts = [s.text for s in art.sentences][1:]
    if sentences is None:  # left as the lines are
        assert len(texts) == 2
    else:
        assert texts == sentences
