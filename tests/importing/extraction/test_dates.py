# ruff: noqa: E501
"""Dates and year inference."""

from relations.editorial.vocabulary import Flag
from relations.importing.extraction import extract
from relations.importing.extraction.dates import best_year, find_dates, resolve, year_votes
from relations.importing.proposals import PartialDate


def test_it_finds_day_ranges_and_weekdays():
    found = find_dates("is paying a visit to Russia from August 4-10, and met him on Tuesday")
    assert [d.kind for d in found] == ["range", "weekday"]
    assert (found[0].month, found[0].day, found[0].end_day) == (8, 4, 10)


def test_it_finds_day_month_order():
    (d,) = find_dates("On 12 October, the minister met his guest")
    assert (d.month, d.day) == (10, 12)


def test_it_resolves_a_weekday_against_the_dateline():
    (d,) = find_dates("signed on Friday")
    assert resolve(d, 2017, PartialDate(2017, 3, 3)) == PartialDate(2017, 3, 3)


def test_it_resolves_last_month():
    (d,) = find_dates("the visit to Vietnam last month")
    assert resolve(d, 2023, PartialDate(2023, 6, 13)) == PartialDate(2023, 5)


def test_it_infers_the_year_from_a_signed_period_and_a_coming_anniversary():
    votes = year_votes(
        ["The two sides signed a cooperation agreement for 2019-2022.",
         "They will mark the 70th anniversary of diplomatic ties in 2020."],
        None,
    )  # fmt: skip
    assert best_year(votes)[0] == 2019


def test_it_infers_the_year_from_last_years_trade():
    votes = year_votes(["Two-way trade reached US$476 million in 2016, a modest figure."], None)
    assert best_year(votes)[0] == 2017


def test_it_infers_the_year_from_first_months_of():
    votes = year_votes(["Trade reached US$3.1 billion in the first ten months of 2014."], None)
    assert best_year(votes)[0] == 2014


def test_it_infers_the_year_from_an_anniversary_of_diplomatic_relations():
    votes = year_votes(
        ["They will celebrate the 50th anniversary of diplomatic relations next year."],
        frozenset({"VN", "JP"}),
    )
    assert best_year(votes)[0] == 2022


def test_it_flags_an_inferred_year():
    ex = extract("MOSCOW, March 3 - The sides signed a programme for 2019-2021 on March 3.\n")
    assert ex.date == PartialDate(2019, 3, 3) or ex.date == PartialDate(2018, 3, 3)
    assert Flag.YEAR_INFERRED in ex.date_flags


def test_it_flags_a_missing_year_and_leaves_no_date():
    ex = extract(
        "HÀ NỘI, October 31 - Prime Minister Phạm Minh Chính received Russian Minister Ivan Petrov.\n"
    )
    assert ex.date is None
    assert Flag.DATE_MISSING in ex.date_flags


def test_it_prefers_the_text_when_the_header_contradicts_it():
    text = (
        " date 2021-01-01 Today Deputy Minister of Internal Affairs of Russia Igor Zubov met with Deputy Minister"
        " of Public Security of Vietnam Chan Quoc To. They recalled the session (Istanbul, November 23-25, 2021)."
    )
    ex = extract(text)
    assert Flag.DATE_CONFLICT in ex.date_flags
    assert ex.date == PartialDate(2021)


def test_it_takes_the_event_date_over_the_report_date():
    ex = extract("MOSCOW, April 6, 2012 (VNA) - Vietnamese Minister of Justice Mai Xuân Định and Russian Minister"
                 " of Justice Viktor Tarasenko on April 5 signed an agreement on legal aid.\n")  # fmt: skip
    assert ex.date == PartialDate(2012, 4, 5)


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


def test_it_prefers_the_year_written_in_the_event_date_range():
    text = (
        "Deputy Prime Minister Nguyen Van Binh paid an official visit to Russia on October 13-16, 2008. "
        "The two sides signed a cooperation plan for 2009-2011 during the visit."
    )
    assert extract(text).date.iso().startswith("2008-10")


def test_it_dates_a_day_before_month_dateline_with_a_weekday_and_a_past_month():
    text = (
        "MOSCOW, 12 March. /TASS/ - Russian Deputy Foreign Minister Ivan Petrov met on Tuesday with "
        "First Deputy Foreign Minister of Cuba Jorge Diaz Perez, who is in Moscow on a working visit. "
        "They discussed agreements reached during the visit of Cuban President Carlos Ruiz in July 2012."
    )
    assert extract(text).date.iso() == "2013-03-12"
