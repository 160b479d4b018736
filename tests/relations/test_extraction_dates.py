# ruff: noqa: E501
"""Dates and year inference."""

from relations.importing.extraction import extract
from relations.importing.extraction.dates import best_year, find_dates, resolve, year_votes
from relations.importing.proposals import (
    FLAG_DATE_CONFLICT,
    FLAG_DATE_MISSING,
    FLAG_YEAR_INFERRED,
    PartialDate,
)


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
    assert FLAG_YEAR_INFERRED in ex.date_flags


def test_it_flags_a_missing_year_and_leaves_no_date():
    ex = extract(
        "HÀ NỘI, October 31 - Prime Minister Phạm Minh Chính received Russian Minister Ivan Petrov.\n"
    )
    assert ex.date is None
    assert FLAG_DATE_MISSING in ex.date_flags


def test_it_prefers_the_text_when_the_header_contradicts_it():
    text = (
        " date 2021-01-01 Today Deputy Minister of Internal Affairs of Russia Igor Zubov met with Deputy Minister"
        " of Public Security of Vietnam Chan Quoc To. They recalled the session (Istanbul, November 23-25, 2021)."
    )
    ex = extract(text)
    assert FLAG_DATE_CONFLICT in ex.date_flags
    assert ex.date == PartialDate(2021)


def test_it_takes_the_event_date_over_the_report_date():
    ex = extract("MOSCOW, April 6, 2012 (VNA) - Vietnamese Minister of Justice Mai Xuân Định and Russian Minister"
                 " of Justice Viktor Tarasenko on April 5 signed an agreement on legal aid.\n")  # fmt: skip
    assert ex.date == PartialDate(2012, 4, 5)
