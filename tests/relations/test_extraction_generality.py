"""Genre rules added for articles from other agencies, years and country pairs."""

from relations.importing.extraction import extract
from relations.importing.extraction.dates import best_year, find_dates, year_votes
from relations.importing.extraction.header import parse_header


def test_it_reads_a_publication_date_line_under_the_title():
    head = parse_header(
        "Cambodia, China sign deals\nSource: Xinhua | 2024-11-03 20:15:42\n\nPHNOM PENH -- Text."
    )
    assert head.header_date is not None and head.header_date.isoformat() == "2024-11-03"


def test_it_reads_a_kyodo_dateline_with_a_double_dash():
    head = parse_header("SEOUL, Aug. 22 (Kyodo) -- The two leaders met.")
    assert (head.dateline_month, head.dateline_day) == (8, 22)


def test_it_finds_a_wire_style_weekday_without_on():
    found = find_dates("The two presidents agreed Thursday to expand cooperation.")
    assert [d.kind for d in found] == ["weekday"]


def test_it_infers_the_year_from_the_weekday_of_the_dateline():
    text = (
        "SEOUL, Aug. 22 (Kyodo) -- South Korean President Lee Jae-sung and Vietnamese President "
        "Vo Minh Khang held talks on Thursday in Seoul, their first since 2022."
    )
    assert extract(text).date.iso() == "2024-08-22"


def test_it_takes_a_target_year_as_lying_ahead():
    votes = year_votes(["They are aiming to raise trade to $30 billion by 2030."], None)
    assert votes and all(v.hi < 2030 for v in votes)


def test_it_trusts_the_year_named_in_the_year_marks():
    year, _, strong = best_year(year_votes(["The year 2019 marks the 25th anniversary of the treaty."], None))
    assert (year, strong) == (2019, True)


def test_it_keeps_the_header_year_when_a_signed_period_allows_it():
    text = (
        " date 2023-05-16 Moscow (VNA) – Minister Tran Van Khai held talks in Moscow on May 15 with "
        "Secretary of the General Council of United Russia Mikhail Orlov. The two officials signed a "
        "cooperation plan for 2023-2027."
    )
    assert extract(text).date.iso() == "2023-05-15"


def test_it_leaves_out_founders_named_as_history():
    text = (
        "Hà Nội (VNA) – Prime Minister Phạm Minh Tâm received Lao Deputy Prime Minister Thongsavanh "
        "Phommachanh in Hà Nội on January 9, 2017. Tâm said the friendship was nurtured by President "
        "Hồ Chí Minh and President Kaysone Phomvihane."
    )
    names = {o.name for o in extract(text).officials}
    assert "Hồ Chí Minh" not in names and "Kaysone Phomvihane" not in names
    assert "Phạm Minh Tâm" in names


def test_it_leaves_out_people_in_a_sentence_about_long_past_years():
    text = (
        " date 2026-01-30 When President Ho Chi Minh first arrived in Moscow in 1923, few imagined the ties. "
        "Russian Ambassador to Vietnam Grigory Kozlov said cooperation has great potential."
    )
    names = {o.name for o in extract(text).officials}
    assert "Ho Chi Minh" not in names and "Grigory Kozlov" in names
