# ruff: noqa: E501
"""Dates and year inference."""

import pytest

from relations.editorial.vocabulary import Flag
from relations.importing.extraction import extract
from relations.importing.extraction.articledate import still_to_come
from relations.importing.extraction.dates import (
    YearVote,
    best_year,
    find_dates,
    range_end,
    resolve,
    year_votes,
)
from relations.importing.extraction.document import build
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
        " date 2021-01-01 Today Deputy Minister of Transport of Russia Pavel Orlov met with Deputy Minister"
        " of Health of Vietnam Le Thi Mai. They recalled the forum (Geneva, November 23-25, 2021)."
    )
    ex = extract(text)
    assert Flag.DATE_CONFLICT in ex.date_flags
    assert ex.date == PartialDate(2021)


def test_it_finds_a_wire_style_weekday_without_on():
    found = find_dates("The two presidents agreed Thursday to expand cooperation.")
    assert [d.kind for d in found] == ["weekday"]


def test_it_takes_a_target_year_as_lying_ahead():
    votes = year_votes(["They are aiming to raise trade to $30 billion by 2030."], None)
    assert votes and all(v.hi < 2030 for v in votes)


def test_it_trusts_the_year_named_in_the_year_marks():
    year, _, strong = best_year(year_votes(["The year 2019 marks the 25th anniversary of the treaty."], None))
    assert (year, strong) == (2019, True)


def test_it_prefers_the_year_written_in_the_event_date_range():
    text = (
        "Deputy Prime Minister Tran Van Long made a working trip to Russia on October 13-16, 2008. "
        "A cooperation plan for 2009-2011 was signed during the trip."
    )
    assert extract(text).date.iso().startswith("2008-10")


def test_a_dateline_after_labels_and_a_repeated_title_opens_the_story():
    text = (
        "Ministers speak by phone on ties-Xinhua\n\nMinisters speak by phone on ties\n\n"
        "Source: Xinhua\n\nEditor: someone\n\n2022-04-15 00:06:32\n\n"
        "BEIJING, April 14 (Xinhua) -- Foreign Minister Anton Weiss of Ruritania on Thursday held a phone "
        "conversation with Foreign Minister Olga Brandt of Lakeland.\n"
    )
    art = build(text)
    assert art.header.header_date.isoformat() == "2022-04-15"
    assert (art.header.dateline_place, art.header.dateline_month, art.header.dateline_day) == (
        "Beijing",
        4,
        14,
    )
    assert art.body()[0].text.startswith("Foreign Minister Anton Weiss")
    assert extract(text).date == PartialDate(2022, 4, 14)


def test_a_full_date_in_passing_further_down_does_not_override_the_header():
    text = (
        "date 2024-07-08 NEW DELHI: Prime Minister Anton Weiss of Ruritania was welcomed by President Olga "
        "Brandt of Lakeland on Monday.\n\nThe two leaders held informal talks over dinner.\n\n"
        "They discussed trade, energy and the economy.\n\n"
        "It is his first visit since the conflict in the region began on February 24, 2022.\n"
    )
    assert extract(text).date.year == 2024


def test_a_capitals_dateline_with_a_colon_opens_the_story_but_a_label_does_not():
    art = build("date 2018-09-09\nMinisters meet\n\nISLAMABAD: Chinese Foreign Minister Li Wen arrived.\n")
    assert art.header.dateline_place == "Islamabad"
    art = build("date 2018-09-09\nMinisters meet\n\nUPDATE: Chinese Foreign Minister Li Wen arrived.\n")
    assert art.header.dateline_place == ""


def test_a_city_written_in_title_case_before_a_colon_is_a_dateline_but_a_country_or_label_is_not():
    art = build("date 2019-06-13 Bishkek: Prime Minister Anton Weiss met President Li Wen.\n")
    assert art.header.dateline_place == "Bishkek"
    assert art.body()[0].text.startswith("Prime Minister Anton Weiss")
    art = build("Leaders meet\n\nNew Delhi:Ruritania and Lakeland have stood together, Anton Weiss said.\n")
    assert art.header.dateline_place == "New Delhi"
    for label in ("Note", "Russia", "Editorial"):
        assert (
            build(f"date 2019-06-13\nTitle\n\n{label}: Anton Weiss met Li Wen.\n").header.dateline_place == ""
        )


def test_the_story_s_own_dateline_after_the_page_s_gives_the_place():
    text = (
        "date 2023-09-05 VIETNAM, September 5 -\n\n"
        "JAKARTA - Vietnamese Prime Minister Le Van Hoa met Indonesian President Budi Santoso on Monday.\n\n"
        "HANOI - a second paragraph opening with a capital word stays in the story.\n"
    )
    art = build(text)
    assert art.header.dateline_place == "Jakarta"
    assert art.body()[0].text.startswith("Vietnamese Prime Minister")
    countries = {o.name: o.country for o in extract(text).officials}
    assert countries == {"Le Van Hoa": "VN", "Budi Santoso": "ID"}


@pytest.mark.parametrize(
    ("sentences", "countries", "year"),
    [
        pytest.param(
            ["The two sides signed a cooperation agreement for 2019-2022.",
             "They will mark the 70th anniversary of diplomatic ties in 2020."],
            None, 2019, id="a signed period and a coming anniversary",
        ),
        pytest.param(
            ["Two-way trade reached US$476 million in 2016, a modest figure."], None, 2017,
            id="last year's trade",
        ),
        pytest.param(
            ["Trade reached US$3.1 billion in the first ten months of 2014."], None, 2014,
            id="the first months of",
        ),
        pytest.param(
            ["They will celebrate the 50th anniversary of diplomatic relations next year."],
            frozenset({"VN", "JP"}), 2022, id="an anniversary of diplomatic relations",
        ),
    ],
)  # fmt: skip
def test_it_infers_the_year(sentences, countries, year):
    assert best_year(year_votes(sentences, countries))[0] == year


@pytest.mark.parametrize(
    ("text", "date"),
    [
        pytest.param(
            "SEOUL, Aug. 22 (Kyodo) -- South Korean President Lee Jae-sung and Vietnamese President "
            "Vo Minh Khang held talks on Thursday in Seoul, their first since 2022.",
            PartialDate(2024, 8, 22), id="the year from the weekday of the dateline",
        ),
        pytest.param(
            " date 2023-05-16 Moscow (VNA) – Minister Tran Van Khai held talks in Moscow on May 15 with "
            "Secretary of the General Council of United Russia Mikhail Orlov. The two officials signed a "
            "cooperation plan for 2023-2027.",
            PartialDate(2023, 5, 15), id="the header year when a signed period allows it",
        ),
        pytest.param(
            "MOSCOW, 12 March. /TASS/ - Russian Deputy Foreign Minister Ivan Petrov met on Tuesday with "
            "First Deputy Foreign Minister of Cuba Jorge Diaz Perez, who is in Moscow on a working visit. "
            "They discussed agreements reached during the visit of Cuban President Carlos Ruiz in July 2012.",
            PartialDate(2013, 3, 12), id="a day-before-month dateline with a weekday and a past month",
        ),
        pytest.param(
            "Envoys of the Ruritanian Party reached Lakeville on Tuesday, May 21, for talks.\n\n"
            "The two parties have stayed in touch since the party chief took office in September 2022.\n\n"
            "Party envoys came in October 2022, and a further trip took place on December 1, 2023.\n",
            # 2023 is the year the text names last, but 21 May was a Tuesday in 2024
            PartialDate(2024, 5, 21), id="a weekday written with its date pins the year the text only bounds",
        ),
        pytest.param(
            "MOSCOW, April 6, 2012 (VNA) - Vietnamese Minister of Justice Mai Xuân Định and Russian Minister"
            " of Justice Viktor Tarasenko on April 5 signed an agreement on legal aid.\n",
            PartialDate(2012, 4, 5), id="the event's day over the report's",
        ),
        pytest.param(
            "Speakers meet in Kazan\n\n"
            "National Assembly Chairwoman Nguyen Thi Lan met Russian Federation Council Chairwoman Irina Sokolova "
            "during a forum in Kazan on October 15.\n\n"
            "Lan recalled Sokolova's trip to Vietnam in February 2017.\n\n"
            "She said Vietnam will host a regional summit in Hue in November 2017.\n",
            PartialDate(2017, 10, 15), id="a month still to come with its year bounds the article's year",
        ),
        pytest.param(
            "date 2019-06-10 World\nBusiness\nSelect the city\nMore news\n\n"
            "Ruritanian parliament delegation arrives in Lakeland\n\n"
            "LAKEVILLE, June 9. The delegation of the Ruritanian parliament led by Speaker Anton Weiss "
            "arrived in Lakeland on Sunday.\n\n"
            "On Monday, Weiss will hold talks with President Olga Brandt.\n",
            PartialDate(2019, 6, 9), id="the lead is the story's first sentence past the page's menus",
        ),
        pytest.param(
            "Ruritanian President arrives in Lakeland\n\n2019-09-03 09:36:28\n\n"
            "Lakeville /Northwire/. President Anton Weiss of Ruritania arrived in Lakeville on the night of "
            "September 2.\n\nHe will hold talks with President Olga Brandt on Wednesday.\n",
            PartialDate(2019, 9, 2), id="an agency tag alone is no lead",
        ),
        pytest.param(
            "Lakeland and Ruritania step up energy ties\n\n"
            "Cooperation in energy between Lakeland and Ruritania keeps growing, says Minister Ivan Petrov.\n\n"
            "Petrov gave his assessment at a dinner in Lakeville on March 14 for Ambassador Nguyen Van Hai. "
            "Trade between the two reached 2 billion USD in 2016.\n",
            PartialDate(2017, 3, 14), id="the day a sentence after an undated lead gives",
        ),
        pytest.param(
            "Notes from the ministerial round\n\n"
            "Side meetings are a usual part of every ministerial round of the regional forum.\n\n"
            "The round in Lakeville held on 3-4 June 2019 was no exception to that custom.\n",
            PartialDate(2019, 6, 3), id="a span's first day in the sentence after the lead",
        ),
        pytest.param(
            "date 2024-06-11\nMinister to visit Lakeland\n\n"
            "Ruritanian Foreign Minister Anton Weiss will hold talks in Lakeville on Friday with Lakeland's "
            "President Olga Brandt.\n",
            PartialDate(2024, 6, 14), id="a weekday of talks still to come is the next one",
        ),
        pytest.param(
            "date 2024-06-11\nMinister to visit Lakeland\n\n"
            "Ruritanian Foreign Minister Anton Weiss arrives in Lakeville on Friday for talks with Lakeland's "
            "President Olga Brandt.\n",
            PartialDate(2024, 6, 14), id="a journey told in the present with its weekday is still to come",
        ),
        pytest.param(
            "date 2024-06-11\nMinister in Lakeland\n\n"
            "Ruritanian Foreign Minister Anton Weiss arrived in Lakeville on Friday for talks with Lakeland's "
            "President Olga Brandt.\n",
            PartialDate(2024, 6, 7), id="a journey told in the past with its weekday is the last one",
        ),
        pytest.param(
            "Minister in Iceland\n\n"
            "REYKJAVIK, Sept 8, 2023 (Nordwire) - Norwegian Foreign Minister Anna Berg held talks with "
            "Icelandic Prime Minister Jon Sigurdsson on Wednesday.\n",
            PartialDate(2023, 9, 6), id="a weekday the lead gives over the day of its dateline",
        ),
        pytest.param(
            "Minister to visit Iceland\n\n"
            "OSLO, Sept 4, 2023 (Nordwire) - Norwegian Foreign Minister Anna Berg will travel to Iceland on "
            "Thursday for talks with Icelandic Prime Minister Jon Sigurdsson.\n",
            PartialDate(2023, 9, 7), id="a weekday still to come over the day of the dateline",
        ),
        pytest.param(
            "Minister in Iceland\n\n"
            "REYKJAVIK, Sept 8, 2023 (Nordwire) - Norwegian Foreign Minister Anna Berg held talks with "
            "Icelandic Prime Minister Jon Sigurdsson.\n",
            PartialDate(2023, 9, 8), id="the dateline's day when the lead gives no other",
        ),
    ],
)  # fmt: skip
def test_it_dates_the_event(text, date):
    assert extract(text).date == date


@pytest.mark.parametrize(
    ("text", "stamp"),
    [
        pytest.param(
            "Two presidents speak on the phone\n\n"
            "Two presidents speak on the phone. President Anton Weiss of Ruritania had a call.\n"
            "Region\nMarch 17, 2022 19:11\n\n"
            "President Anton Weiss of Ruritania had a call with President Olga Brandt of Lakeland.\n",
            "2022-03-17", id="a stamp after the first paragraph and with a time",
        ),
        pytest.param(
            "Prime ministers hold a telephone conversation\n"
            "NORTHWIRE-NEWS. October 28, 2009. In the call, both prime ministers talked about fishing.\n",
            "2009-10-28", id="an agency name then a dated stamp opening the paragraph",
        ),
        pytest.param(
            "Minister lands for talks\n\nNorthwire\nApril 6, 2021 11:47 MYT\n"
            "Minister Anton Weiss landed here today for talks lasting two days.\n",
            "2021-04-06", id="a stamp with a time zone the pattern does not list",
        ),
        pytest.param(
            "Wed,Oct 23,2013\nNews>>World\n\nLeaders hold talks\n\n"
            "Premier Anton Weiss said Wednesday that the talks had been fruitful.\n",
            "2013-10-23", id="a weekday glued to the date by a comma",
        ),
        pytest.param(
            "Leaders hold talks\n\n(Northwire)    18:26, October 23, 2013\n"
            "Premier Anton Weiss said Wednesday that the talks had been fruitful.\n",
            "2013-10-23", id="an agency and the time before the date",
        ),
        pytest.param(
            "NEWS\n\nPrince flies home\n\n19/08/2024 04:40 PM\n\n"
            "The Crown Prince of Lakeland flew home today at the end of a five-day stay.\n",
            "2024-08-19", id="day, month and year in figures with the half of the day",
        ),
        pytest.param(
            "Premier meets former president |\n//news.example.org 2016-09-27 12:52:16 |\n"
            "Premier Anton Weiss met the former President on Sunday.\n",
            "2016-09-27", id="a site's address before the stamp and a bar after it",
        ),
        pytest.param(
            "Leaders meet\n\n14th May 2025\n\nPresident Anton Weiss spoke today.\n",
            "2025-05-14", id="a day written as an ordinal",
        ),
    ],
)  # fmt: skip
def test_a_stamp_in_the_header_is_the_publication_date(text, stamp):
    assert build(text).header.header_date.isoformat() == stamp


@pytest.mark.parametrize(
    ("text", "line", "stamp", "date"),
    [
        pytest.param(
            "7 May 2018\n\nThe Daily Courier (Lakeside)\n\n"
            "Lakeland: Warm Welcome for the Visiting Prime Minister\n\n"
            "The Ruritanian Prime Minister Anton Weiss was on Monday received by President Olga Brandt "
            "of Lakeland at State House.\n\nThe two leaders discussed trade.\n",
            "7 May 2018", "2018-05-07", PartialDate(2018, 5, 7),
            id="a stamp line above the title, a weekday resolved against it",
        ),
        pytest.param(
            "Contact Us\nNews World Two ministers hold talks\n\nTwo ministers hold talks\n\n"
            "Northern Agency WORLD\nPublished March 26,2021\nSubscribe\n\n"
            "Ruritania's Foreign Minister Anton Weiss on Friday met Lakeland's Foreign Minister Olga Brandt "
            "in Vienna.\n",
            "Published March 26,2021", "2021-03-26", PartialDate(2021, 3, 26),
            id="a published label among the furniture",
        ),
        pytest.param(
            "Briefing Room\n\n2022 Nov. 18\n\nPresident and prince talk\n\n"
            "President Anton Weiss on Nov. 18 met the visiting Lakeland Crown Prince Omar bin Said for talks.\n",
            "2022 Nov. 18", "2022-11-18", PartialDate(2022, 11, 18), id="a stamp written year, month, day",
        ),
        pytest.param(
            "3 october / 2019\n\nMinisters meet in Lakeside\n\n"
            "Ruritania's Foreign Minister Anton Weiss on Thursday met Lakeland's Foreign Minister Olga Brandt "
            "in Lakeside.\n",
            "3 october / 2019", "2019-10-03", PartialDate(2019, 10, 3),
            id="a stamp with the month in small letters and the year set apart",
        ),
    ],
)  # fmt: skip
def test_a_stamp_is_the_publication_date_and_the_event_s_day_follows_from_it(text, line, stamp, date):
    art = build(text)
    assert art.header.header_date.isoformat() == stamp
    assert line not in [s.text for s in art.body()]
    assert extract(text).date == date


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("ABU DHABI, 14th May, 2025 (WAM) -- ", (2025, 5, 14)),
        ("ABU DHABI, May 14th, 2025 (WAM) -- ", (2025, 5, 14)),
        ("HANOI, 1st Sept (VNA) - ", (None, 9, 1)),
    ],
)
def test_a_dateline_may_write_its_day_as_an_ordinal(line, day):
    head = build(f"Leaders meet\n\n{line}President Anton Weiss received Minister Olga Brandt today.\n").header
    assert (head.dateline_year, head.dateline_month, head.dateline_day) == day
    assert (
        build(f"Leaders meet\n\n{line}President Anton Weiss spoke.\n").body()[0].text.startswith("President")
    )


def test_a_full_date_in_the_lead_is_the_reference_when_the_page_gives_none():
    ex = extract(
        "Foreign ministers hold talks\n\n"
        "Ruritanian Foreign Minister Anton Weiss attends a dinner in Lakeville on August 10, 2014.\n\n"
        "Weiss held talks with Lakeland Foreign Minister Olga Brandt on Saturday night.\n"
    )
    assert ex.date == PartialDate(2014, 8, 10)
    (m,) = ex.meetings
    assert m.date == PartialDate(2014, 8, 9)


def test_a_header_the_lead_contradicts_gives_way_to_the_lead_s_day():
    text = (
        "date 2021-02-20 Prime Minister receives a security envoy\n\n"
        "Prime Minister Olga Brandt hosted the Ruritanian envoy "
        "Anton Weiss in Lakeville on March 17, and the two spoke about border safety.\n\n"
        "Weiss said he was glad to visit.\n\nThe story was first posted on March 18, 2021.\n"
    )
    ex = extract(text)
    assert ex.date == PartialDate(2021, 3, 17)
    assert Flag.DATE_CONFLICT in ex.date_flags


@pytest.mark.parametrize(
    ("line", "stamp"),
    [
        ("by NEWSDESK12 October 2019 Last updated at 11:42 AM", "2019-10-12"),
        ("By Jane Roe | Updated: March 3, 2021, 10:15 IST", "2021-03-03"),
        ("Posted on 4th May 2022 by the editors of the site", "2022-05-04"),
    ],
)
def test_a_byline_or_an_updated_label_with_a_date_gives_the_publication_date(line, stamp):
    text = f"Speaker meets President\n\n{line}\n\nSpeaker Anton Weiss met President Olga Brandt on Sunday.\n"
    assert build(text).header.header_date.isoformat() == stamp


def test_a_byline_without_a_date_gives_none():
    text = "Speaker meets President\n\nBy Jane Roe, 30 staff writers\n\nSpeaker Anton Weiss spoke.\n"
    assert build(text).header.header_date is None


def test_a_photo_caption_credited_after_a_colon_is_no_lead():
    text = (
        "date 2025-01-17 Daily Courier\n"
        "Foreign Minister Anton Weiss answers questions at a press conference in Lakeville on Wednesday. "
        "Image: Jane Roe/Pool\npolitics\n\nMinister hopes a trip will mend ties\n\nLAKEVILLE\n\n"
        "Foreign Minister Anton Weiss announced Friday that he will travel to Ruritania next week.\n"
    )
    art = build(text)
    assert [s.kind for s in art.sentences if "press conference" in s.text] == ["caption"]
    assert extract(text).date == PartialDate(2025, 1, 17)


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("the state visit to Chile in June last year", PartialDate(2024, 6)),
        ("the talks held in late March this year", PartialDate(2025, 3)),
        ("a summit planned for May next year", PartialDate(2026, 5)),
        ("his working trip to Kenya last May", PartialDate(2024, 5)),
        ("the forum held last January", PartialDate(2025, 1)),
    ],
)
def test_a_month_named_against_the_article_s_year_resolves_against_the_reference(text, month):
    (d,) = find_dates(text)
    assert resolve(d, 2025, PartialDate(2025, 2, 21)) == month


def test_a_span_of_two_months_is_a_range():
    (d,) = find_dates("the trip to Chile in late August and early September this year")
    start = resolve(d, 2017, PartialDate(2017, 10, 15))
    assert (start, range_end(d, start)) == (PartialDate(2017, 8), PartialDate(2017, 9))


@pytest.mark.parametrize(
    ("sentence", "months"),
    [
        ("They praised the ties built since their meeting in Da Nang in May.", [5]),
        ("The two ministers met in May, and again in July.", [5, 7]),
        ("The talks held in May be a turning point, she said.", []),
    ],
)
def test_may_ending_a_clause_is_the_month_but_not_before_a_verb(sentence, months):
    assert [d.month for d in find_dates(sentence) if d.kind == "month"] == months


def test_it_reads_a_span_of_weekdays_from_its_first_day_to_its_last():
    (d,) = find_dates("The mission stayed in the country from Monday to Wednesday for meetings")
    assert (d.kind, d.weekday, d.end_weekday) == ("weekday", 0, 2)
    start = resolve(d, 2019, PartialDate(2019, 3, 27))  # a Wednesday
    assert (start, range_end(d, start)) == (PartialDate(2019, 3, 25), PartialDate(2019, 3, 27))


def test_a_weekday_after_from_or_starting_is_a_date():
    assert [d.weekday for d in find_dates("during her trip to Peru from Monday")] == [0]
    assert [d.weekday for d in find_dates("during his trip starting Sunday")] == [6]


@pytest.mark.parametrize(
    ("votes", "year"),
    [
        pytest.param(
            [YearVote(2016, 2018, 0.2, False, "year named", 2017)] * 3
            + [YearVote(2017, 2019, 0.5, False, "dated past month")],
            2017,
            id="the year the text names thrice, not one it only allows",
        ),
        pytest.param(
            [YearVote(2021, 2023, 0.75, False, "future year", 2023)],
            2023,
            id="a plan for a year still running names that year",
        ),
    ],
)
def test_between_years_equally_supported_the_named_one_wins(votes, year):
    assert best_year(votes)[0] == year


def test_a_photo_caption_s_full_date_names_the_year_of_a_page_without_one():
    ex = extract(
        "Leaders of the group after touring the harbour in Lakeville, Lakeland on May 19, 2023. (Photo: Northwire/VNA)\n"
        "On the margins of the summit in Lakeville, Ruritanian Prime Minister Anton Weiss on May 19 had a "
        "meeting with Lakeland President Olga Brandt.\n"
        "A joint plan was unveiled by Ruritania and Lakeland in October 2022, and talks will begin soon.\n"
    )
    assert ex.date == PartialDate(2023, 5, 19)
    assert [m.date for m in ex.meetings] == [PartialDate(2023, 5, 19)]


def test_a_past_month_s_year_or_a_span_s_is_not_the_year_a_tie_goes_to():
    sentences = [
        "The report came out under the cabinet of 2010 to 2015.",
        "The minister is the first to visit since the Foreign Secretary went to India in July 2010.",
    ]
    assert best_year(year_votes(sentences, None))[0] == 2011


@pytest.mark.parametrize(
    ("text", "day"),
    [
        pytest.param(
            "Leaders meet in the capital\n\n"
            "Anton Weiss at his office in Oslo, Norway, on Sept. 3, 2021. Archive picture by a staff artist.\n\n"
            "OSLO, Nov 24, 2021, Yonhap News. Prime Minister Anton Weiss began talks with his Ruritanian "
            "counterpart Olga Brandt in Oslo on Wednesday evening, officials said.\n",
            (2021, 11, 24), id="a dateline with the agency after a comma, below a caption",
        ),
        pytest.param(
            "Vienna, March 3: Chancellor Anton Weiss received the Ruritanian Foreign Minister Olga Brandt "
            "for talks on Tuesday, the chancellery said.\n",
            (None, 3, 3), id="a dated dateline before a colon",
        ),
        pytest.param(
            "Ministers meet\n\nOSLO, March 3 (Nordwire) -- Prime Minister Anton Weiss received the Ruritanian "
            "Foreign Minister Olga Brandt for talks on Tuesday, an official said.\n",
            (None, 3, 3), id="an agency the list does not know in brackets",
        ),
    ],
)  # fmt: skip
def test_a_dated_dateline_in_a_form_or_a_place_the_story_s_opening_is_not_read_for_gives_the_day(text, day):
    head = build(text).header
    assert (head.dateline_year, head.dateline_month, head.dateline_day) == day
    if day[0]:
        assert extract(text).date == PartialDate(*day)


@pytest.mark.parametrize(
    ("text", "stamp", "place"),
    [
        pytest.param(
            "Press briefings\nBriefing by the Foreign Minister\n"
            "Tuesday, May 6, 2014, 6:40 p.m. Oslo, Kingdom of Norway\n"
            "Minister Anton Weiss: I met my Ruritanian counterpart today.\n",
            "2014-05-06", "Oslo", id="a weekday, a clock time and a city before its country",
        ),
        pytest.param(
            "Remarks\n09/14/2021 03:12 PM EDT\nAnton Weiss, Foreign Minister\n"
            "MINISTER WEISS: It is good to see you in person.\n",
            "2021-09-14", "", id="a day past twelve written after the month",
        ),
        pytest.param(
            "Minister winds up tour\n(Nordwire)\n"
            "Updated: 2011-03-04 10:15 OSLO -- Minister Anton Weiss left here Thursday afternoon for Lakeside.\n",
            "2011-03-04", "", id="an updated stamp in figures opening the story's paragraph",
        ),
    ],
)  # fmt: skip
def test_a_page_s_stamp_in_more_forms_is_the_publication_date(text, stamp, place):
    head = build(text).header
    assert head.header_date.isoformat() == stamp
    assert head.dateline_place == place


def test_the_figures_of_eleven_months_of_a_year_do_not_override_a_header_of_the_next():
    text = (
        " date 2019-02-12 Norwegian Speaker Anton Weiss is leading a delegation on an official visit to Chile from "
        "February 12-14. In the first 11 months of 2018, two-way trade reached 2.1 billion USD."
    )
    ex = extract(text)
    assert Flag.DATE_CONFLICT not in ex.date_flags
    assert ex.date == PartialDate(2019, 2, 12)
    assert (ex.delegations[0].start, ex.delegations[0].end) == (
        PartialDate(2019, 2, 12),
        PartialDate(2019, 2, 14),
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Minister Anton Weiss and his Lakeland counterpart held talks in the capital Saturday.",
        "President Olga Brandt received Prime Minister Anton Weiss Saturday and they discussed trade.",
        "The premier said the summit, which opened this past Saturday, had gone well.",
    ],
)
def test_a_weekday_after_any_word_is_a_date(sentence):
    assert [(d.kind, d.weekday) for d in find_dates(sentence)] == [("weekday", 5)]


def test_a_feast_named_after_a_weekday_is_no_date():
    assert find_dates("The talks were held before Good Friday and the Black Friday sales.") == []


def test_a_bare_weekday_resolves_against_a_caption_s_day():
    ex = extract(
        "Ministers hold talks\n\n"
        "Minister Anton Weiss speaks at a forum in Oslo on August 10, 2014. (Photo: Nordwire)\n\n"
        "Chilean Foreign Minister Anton Weiss and his Peruvian counterpart Olga Brandt held talks in the "
        "Norwegian capital Saturday, their first meeting in two years.\n"
    )
    assert ex.meetings[0].date == PartialDate(2014, 8, 9)


def test_a_meeting_its_sentence_leaves_undated_takes_the_day_a_nearby_sentence_gives_its_two_sides():
    ex = extract(
        " date 2024-01-19 Norwegian Foreign Minister Anton Weiss held a phone call with his Chilean "
        "counterpart Olga Brandt to discuss fisheries. Weiss and Brandt spoke for an hour on Tuesday "
        "afternoon, the ministry said."
    )
    (meeting,) = ex.meetings
    assert meeting.date == PartialDate(2024, 1, 16)
    assert ex.date == PartialDate(2024, 1, 16)


def test_a_nearby_sentence_of_another_event_or_an_earlier_one_gives_no_day():
    for other in (
        "On Monday, Weiss and Brandt also toured a museum.",
        "Weiss and Brandt had spoken once before, on Monday.",
    ):
        ex = extract(
            " date 2024-01-19 Norwegian Foreign Minister Anton Weiss held a phone call with his Chilean "
            f"counterpart Olga Brandt to discuss fisheries. {other}"
        )
        assert ex.meetings[0].date == PartialDate(2024, 1, 19)


@pytest.mark.parametrize("phrase", ["this morning", "this afternoon", "this evening", "tonight"])
def test_a_part_of_today_is_the_reference_day(phrase):
    (d,) = find_dates(f"The two premiers held talks {phrase}.")
    assert resolve(d, 2017, PartialDate(2017, 4, 25)) == PartialDate(2017, 4, 25)


def test_a_sentence_opening_on_the_occasion_the_one_before_told_of_takes_its_date():
    ex = extract(
        " date 2024-09-10 Norwegian Speaker Anton Weiss welcomed the Chilean Senate President Olga Brandt "
        "in Oslo on September 9. Brandt said that Chilean President Carlos Ruiz had paid a state visit to "
        "Norway in June 2024. During the trip, at the meeting between President Ruiz and Speaker Weiss, "
        "the two sides agreed to expand trade."
    )
    dates = {tuple(sorted(m.participants)): m.date for m in ex.meetings}
    key = {o.name: o.key for o in ex.officials}
    assert dates[tuple(sorted([key["Anton Weiss"], key["Carlos Ruiz"]]))] == PartialDate(2024, 6)


@pytest.mark.parametrize("dash", ["\u2013", "\u2014", " \u2013 "])
def test_a_range_may_be_joined_by_an_en_or_em_dash(dash):
    (d,) = find_dates(f"is touring Lakeland from June 14{dash}17")
    assert (d.kind, d.month, d.day, d.end_month, d.end_day) == ("range", 6, 14, 6, 17)
    (d,) = find_dates(f"toured the region from 28 June{dash}2 July")
    assert (d.month, d.day, d.end_month, d.end_day) == (6, 28, 7, 2)


@pytest.mark.parametrize(
    ("sentence", "year"),
    [
        ("Leaders gathered in Lakeside for the Northern Energy Forum 2016, hosted by the ministry.", 2016),
        ("The minister spoke at NEF 2021 on Tuesday.", 2021),
    ],
)
def test_an_event_named_with_its_year_gives_the_article_s_year(sentence, year):
    assert best_year(year_votes([sentence], None))[0] == year


def test_a_span_of_years_after_an_event_s_name_is_no_event_of_one_year():
    votes = year_votes(["The Lakeland Development Forum 2016-2020 plan was reviewed."], None)
    assert not [v for v in votes if v.why == "event of the year"]


def test_an_event_s_year_far_down_the_story_or_in_a_copyright_line_gives_no_year():
    lead = ["Two ministers met in Lakeside on Tuesday."] * 6
    far = year_votes([*lead, "She recalled the Northern Energy Forum 2016 in her remarks."], None)
    assert not [v for v in far if v.why == "event of the year"]
    line = year_votes(["Copyright NORTHWIRE 2020"], None)
    assert not [v for v in line if v.why == "event of the year"]


def test_a_visit_over_before_the_page_s_date_dates_the_story_to_its_span():
    text = (
        "date 2021-05-14\nAmbassador tours the south\n\n"
        "Lakeland's Ambassador to Ruritania Olga Brandt visited the southern province of Verde from May 9-11, "
        "where she met local leaders.\n\n"
        "Brandt held talks with Governor Anton Weiss on trade.\n"
    )
    assert extract(text).date == PartialDate(2021, 5)


def test_a_visit_still_ahead_of_the_page_s_date_leaves_the_page_s_day():
    text = (
        "date 2021-05-14\nAmbassador to tour the south\n\n"
        "Lakeland's Ambassador to Ruritania Olga Brandt will visit the southern province of Verde from May 19-21, "
        "where she will meet local leaders.\n"
    )
    assert extract(text).date != PartialDate(2021, 5)


@pytest.mark.parametrize(
    "sentence",
    [
        "The visit comes as the two countries mark the 30th anniversary of the Treaty on Friendly Relations.",
        "Last year she attended the 25th anniversary of the Andean-Nordic Partnership Relations.",
    ],
)
def test_an_anniversary_of_a_treaty_or_of_another_body_s_relations_is_no_anniversary_of_the_pair_s_ties(
    sentence,
):
    votes = year_votes([sentence], frozenset({"VN", "RU"}))
    assert not [v for v in votes if v.why.startswith("anniversary")]


def test_an_anniversary_of_the_pair_s_diplomatic_relations_still_gives_the_year():
    votes = year_votes(
        ["This year the two countries celebrate the 70th anniversary of diplomatic relations."],
        frozenset({"VN", "RU"}),
    )
    assert best_year(votes)[0] == 2020


def test_a_year_alone_after_in_is_a_date_of_that_year():
    (d,) = find_dates("recalled the president's visit to Lima in 2017")
    assert (d.kind, d.year) == ("year", 2017)
    assert resolve(d, 2021, PartialDate(2021, 5, 4)) == PartialDate(2017)
    assert not find_dates("the plan for cooperation in 2019-2021")


def test_a_month_of_this_year_is_the_article_s():
    (d,) = find_dates("following up on the minister's visit to Lima in January of this year")
    assert resolve(d, 2018, PartialDate(2018, 9, 26)) == PartialDate(2018, 1)


@pytest.mark.parametrize(
    "text",
    [
        "Notes from the ministerial round\n\n"
        "Side meetings are a usual part of every ministerial round of the regional forum.\n\n"
        "Minister Ivan Petrov last visited Lakeville on 3 June, when the round was held there. "
        "Trade between the two reached 2 billion USD in 2018.\n",
        "Notes from the ministerial round\n\n"
        "Side meetings are a usual part of every ministerial round of the regional forum.\n\n"
        "Minister Ivan Petrov will visit Lakeville on 3 June for the next round. "
        "Trade between the two reached 2 billion USD in 2018.\n",
    ],
)
def test_a_day_of_an_earlier_or_a_coming_occasion_after_an_undated_lead_is_not_the_news(text):
    assert extract(text).date == PartialDate(2019)


@pytest.mark.parametrize(
    ("sentence", "year"),
    [
        ("Sixty years ago, on March 2, 1961, Lakeland and Ruritania opened their first embassies.", 2021),
        ("The two sides signed the charter in 1990, 35 years ago, in the old capital.", 2025),
        ("Twenty-five years ago, in 1998, the first flight linked the two capitals.", 2023),
    ],
)
def test_a_date_told_as_so_many_years_ago_gives_the_article_s_year(sentence, year):
    assert best_year(year_votes([sentence], None))[0] == year


def test_a_date_decades_before_the_article_s_year_in_the_lead_is_not_its_day():
    text = (
        "Sixty years ago, on March 2, 1961, Lakeland and Ruritania opened their first embassies in each "
        "other's capitals.\n\nMinister Ivan Petrov said the ties are now the closest they have been.\n"
    )
    assert extract(text).date == PartialDate(2021)


def test_a_date_in_brackets_in_the_lead_is_not_its_event_s_day():
    text = (
        "date 2019-04-12\nA reception marking Ruritania's Independence Day (April 14) took place in "
        "Lakeville on April 11, hosted by Ambassador Nguyen Van Hai.\n"
    )
    assert extract(text).date == PartialDate(2019, 4, 11)


@pytest.mark.parametrize(
    ("sentence", "year"),
    [
        ("Last year trade reached 3 billion USD, up 12 percent over that of 2016.", 2018),
        ("Last year exports rose by a fifth compared with 2020, the minister said.", 2022),
        ("Two-way trade climbed to 6 billion USD last year from 1.2 billion USD in 2009.", 2011),
    ],
)
def test_the_year_a_figure_of_last_year_is_compared_with_lies_before_last_year(sentence, year):
    lo = min(v.lo for v in year_votes([sentence], None))
    assert lo == year
    assert not [v for v in year_votes([sentence], None) if v.why == "full-year statistic"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministers agreed to carry on implementing their science programme for 2030-2032.",
        "Work on the two ministries' plan for 2030-2032 is under way, the envoy said.",
    ],
)
def test_a_period_of_a_plan_being_carried_out_holds_the_article_s_year(sentence):
    (vote,) = [v for v in year_votes([sentence], None) if v.why == "period under way"]
    assert (vote.lo, vote.hi) == (2030, 2032)


def test_a_weekday_read_against_a_caption_s_day_is_the_nearest_such_day():
    ex = extract(
        "Envoys meet in Lakeville\n\n"
        "Minister Anton Weiss lands at Lakeville airport on March 6, 2027, for the regional forum. (Photo: Nordwire)\n\n"
        "Foreign Minister Anton Weiss of Ruritania met his Lakeland counterpart Olga Brandt at the forum on "
        "Sunday, the ministry's spokesman told reporters.\n"
    )
    assert ex.meetings[0].date == PartialDate(2027, 3, 7)


@pytest.mark.parametrize(
    ("day", "weekday", "nearest"),
    [
        (PartialDate(2027, 3, 6), 6, PartialDate(2027, 3, 7)),
        (PartialDate(2027, 3, 6), 0, PartialDate(2027, 3, 8)),
        (PartialDate(2027, 3, 6), 3, PartialDate(2027, 3, 4)),
        (PartialDate(2027, 3, 6), 5, PartialDate(2027, 3, 6)),
    ],
)
def test_the_nearest_weekday_lies_either_side_of_the_day(day, weekday, nearest):
    (d,) = find_dates(
        f"on {['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'][weekday]}"
    )
    assert resolve(d, 2027, day, nearest=True) == nearest


def test_the_day_a_report_came_out_in_the_lead_gives_way_to_the_day_of_its_news():
    ex = extract(
        "Envoys meet in Lakeville\n\n"
        "Minister Anton Weiss lands at Lakeville airport on March 6, 2027, for the regional forum. (Photo: Nordwire)\n\n"
        "The foreign ministers of Ruritania and Lakeland met at the forum, the Nordwire agency reported Monday.\n\n"
        "Foreign Minister Anton Weiss of Ruritania held talks with his Lakeland counterpart Olga Brandt on "
        "Sunday, according to the agency.\n"
    )
    assert ex.date == PartialDate(2027, 3, 7)


@pytest.mark.parametrize(
    "closing",
    [
        pytest.param("This year marks the 70th anniversary of diplomatic ties in 2020.", id="marks"),
        pytest.param(
            "Both sides plan events marking the 70th anniversary of diplomatic ties in 2020.", id="ahead"
        ),
    ],
)
def test_the_year_after_an_anniversary_is_the_year_it_falls_in_not_the_year_it_counts_from(closing):
    text = f"Minister Ivan Petrov met Minister Nguyen Van Hai in Hanoi on March 3. {closing}\n"
    assert extract(text).meetings[0].date == PartialDate(2020, 3, 3)  # not 2090


@pytest.mark.parametrize(
    "plan",
    [
        "He is scheduled to hold talks with President Nguyen Van Hai on Tuesday.",
        "He is expected to meet President Nguyen Van Hai on Tuesday.",
        "He will have a meeting with President Nguyen Van Hai on Tuesday.",
    ],
)
def test_a_weekday_in_a_sentence_about_the_future_is_the_next_such_day(plan):
    text = f"date 2024-05-09\nVisit\n\nPresident Ivan Petrov arrived in Hanoi on Thursday. {plan}\n"
    assert extract(text).meetings[0].date == PartialDate(2024, 5, 14)  # not Tuesday 7 May


@pytest.mark.parametrize(
    "sentence, word, coming",
    [
        ("The minister will arrive in Lakeville on Friday.", "Friday", True),
        ("The minister leaves Tuesday for Lakeville.", "Tuesday", True),
        ("The minister departs on Monday for talks in Lakeville.", "Monday", True),
        ("The minister, who arrived on Monday, will hold talks today.", "Monday", False),
        ("The minister arrived in Lakeville on Friday.", "Friday", False),
        ("The minister leaves a legacy of reform, aides said on Friday.", "Friday", False),
    ],
)
def test_a_date_is_still_to_come_in_the_future_or_a_journey_told_in_the_present(sentence, word, coming):
    assert still_to_come(sentence, sentence.index(word)) is coming


def test_a_meeting_in_a_sentence_opening_on_a_dated_dateline_takes_the_sentence_s_own_day():
    found = extract(
        "Minister in Iceland\n\n"
        "REYKJAVIK, Sept 8, 2023 (Nordwire) - Norwegian Foreign Minister Anna Berg held talks with "
        "Icelandic Prime Minister Jon Sigurdsson on Wednesday.\n"
    )
    assert [m.date for m in found.meetings] == [PartialDate(2023, 9, 6)]


@pytest.mark.parametrize(
    "sentence, reference, date",
    [
        ("the envoys met two days ago", PartialDate(2024, 3, 14), PartialDate(2024, 3, 12)),
        ("they met the day before yesterday", PartialDate(2024, 3, 1), PartialDate(2024, 2, 28)),
        ("the ministers met last week", PartialDate(2024, 3, 14), PartialDate(2024, 3)),
        ("the ministers met earlier this week", PartialDate(2024, 3, 14), PartialDate(2024, 3)),
        ("the ministers met last week", PartialDate(2024, 5, 8), PartialDate(2024)),  # 29 April - 5 May
        ("the ministers will meet later this month", PartialDate(2024, 3, 14), PartialDate(2024, 3)),
    ],
)
def test_a_day_or_week_counted_from_the_reference_day(sentence, reference, date):
    (d,) = find_dates(sentence)
    assert resolve(d, reference.year, reference) == date


@pytest.mark.parametrize(
    ("text", "future", "start", "end"),
    [
        # days with no month are of the page's month, or the next when still to come and already past in it
        (
            "The premier will visit Chile from 3 to 5, his office said.",
            True,
            PartialDate(2024, 10, 3),
            PartialDate(2024, 10, 5),
        ),
        (
            "The forum took place from the 1st to the 2nd in the capital.",
            False,
            PartialDate(2024, 10, 1),
            PartialDate(2024, 10, 2),
        ),
        (
            "The envoy will tour the region from 1 to 4.",
            True,
            PartialDate(2024, 11, 1),
            PartialDate(2024, 11, 4),
        ),
        (
            "The delegation stayed from 28 to 30, the ministry said.",
            False,
            PartialDate(2024, 9, 28),
            PartialDate(2024, 9, 30),
        ),
    ],
)
def test_days_named_with_no_month_are_of_the_page_s_month(text, future, start, end):
    (d,) = find_dates(text)
    first = resolve(d, 2024, PartialDate(2024, 10, 2), future=future)
    assert (first, range_end(d, first)) == (start, end)


@pytest.mark.parametrize(
    "text",
    [
        "Exports rose from 3 to 5.",
        "The number of flights went from 4 to 6, officials said.",
        "It rose from 3 to 5 per cent.",
    ],
)
def test_numbers_of_a_quantity_are_no_days(text):
    assert find_dates(text) == []


def test_two_weekdays_running_are_a_range_and_two_apart_are_two_days():
    (d,) = find_dates("They met on Monday and Tuesday.")
    assert (d.weekday, d.end_weekday) == (0, 1)
    assert [x.weekday for x in find_dates("They met on Monday and Thursday.")] == [0, 3]
