# ruff: noqa: E501
"""Where a meeting took place: datelines, venues, summits, the same day's other meeting, and places the text
does not give."""

import pytest

from relations.importing.extraction import extract


@pytest.mark.parametrize(
    ("text", "places"),
    [
        pytest.param(
            "date 2018-12-24\nSpeaker visits\n\n"
            "Russian State Duma Chairman Ivan Petrov began a visit to Vietnam on Sunday, landing in "
            "HANOI in the afternoon.\n\n"
            "On Monday, Petrov met Vietnamese Prime Minister Nguyen Xuan Hoa in Vietnam.\n\n"
            "Petrov will also travel to Da Nang.\n",
            ["Hanoi, Vietnam"],
            id="placed only in a country: the capital among the cities the article names",
        ),
        pytest.param(
            "date 2018-12-24\nSpeaker visits\n\n"
            "Russian State Duma Chairman Ivan Petrov met Vietnamese Prime Minister Nguyen Xuan Hoa "
            "in Vietnam on Monday.\n",
            ["Vietnam"],
            id="no city supplied that the article does not name",
        ),
        pytest.param(
            "ISLAMABAD, May 4, 2019 - Chinese Foreign Minister Li Wen called on Prime Minister Omar "
            "Aziz at the PM Office on Sunday.\n",
            ["PM Office, Islamabad"],
            id="a venue in capitals, its city from the dateline",
        ),
        pytest.param(
            "date 2013-10-23\nPremiers meet\n\n"
            "Chinese Premier Li Wen held talks with Indian Prime Minister Ravi Kumar in the Great Hall "
            "of the People in Beijing on Wednesday.\n",
            ["Great Hall of the People, Beijing"],
            id="a venue named with 'of the'",
        ),
        pytest.param(
            "date 2023-12-06\nPresidents meet\n\n"
            "South Korean President Park Min-ho held talks with Vietnamese President Nguyen Van Hai "
            "in Hanoi on Tuesday, at the presidential palace.\n",
            ["presidential palace, Hanoi"],
            id="a venue in small letters after its city",
        ),
        pytest.param(
            "date 2022-03-09\nMinisters meet\n\n"
            "Turkish President Kemal Arslan received Greek Foreign Minister Nikos Pappas at the "
            "Presidential Complex in Ankara on Wednesday.\n",
            ["Presidential Complex, Ankara"],
            id="a venue named by its kind",
        ),
        pytest.param(
            "date 2022-03-09\nLeaders meet\n\n"
            "Indonesian President Budi Santoso received Australian Prime Minister Tom Reid at the "
            "Bogor Presidential Palace on Monday.\n",
            ["Bogor Presidential Palace"],
            id="a venue whose name holds its city is the venue alone",
        ),
        pytest.param(
            "date 2022-03-09\nSheikh receives minister\n\n"
            "Emirati President Sheikh Rashid Al Nuaimi received Egyptian Foreign Minister Samir Adel "
            "at Qasr Al Noor in Abu Dhabi on Tuesday.\n",
            ["Qasr Al Noor, Abu Dhabi"],
            id="a venue with a name of its own",
        ),
        pytest.param(
            "ISLAMABAD, May 4, 2019 - Chinese Foreign Minister Li Wen called on Prime Minister Omar "
            "Aziz at the Prime Minister's office on Sunday.\n",
            ["Prime Minister's office, Islamabad"],
            id="an office written with a possessive",
        ),
        pytest.param(
            "date 2019-06-29\nLeaders meet at the summit\n\n"
            "Leaders gathered for the G20 summit in Osaka this week.\n\n"
            "Indian Prime Minister Ravi Kumar met Brazilian President Paulo Mendes on Friday.\n",
            ["Osaka, Japan"],
            id="an unplaced meeting takes the summit's city",
        ),
        pytest.param(
            "date 2019-06-29\nLeaders meet\n\n"
            "Prime Minister Nguyen Van Hai met leaders in Lima on the sidelines of the regional "
            "summit.\n\n"
            "He met Chilean President Paulo Mendes on Friday.\n",
            ["Lima, Peru"],
            id="an unplaced meeting takes the city of the sidelines it was held on",
        ),
        pytest.param(
            "date 2019-05-14\nYouth leaders meet\n\n"
            "Head of the Federal Youth Agency of Russia Pavel Orlov met First Secretary of the "
            "Central Committee of the Ho Chi Minh Communist Youth Union Nguyen Van Hai on Tuesday.\n\n"
            "The talks were part of Orlov's visit to Hanoi this week.\n",
            ["Hanoi, Vietnam"],
            id="a city opening a body's name places nothing; the visit does",
        ),
        pytest.param(
            "date 2025-01-17\nPresidents sign a treaty\n\n"
            "Russian President Pavel Orlov held talks with Iranian President Ali Karimi in Moscow on "
            "Friday.\n\n"
            "Karimi spoke to reporters, standing alongside Orlov at the Kremlin.\n",
            ["Kremlin, Moscow"],
            id="the venue of another sentence about the same two",
        ),
        pytest.param(
            "Official website\n\n"
            "News\n\n"
            "Telephone conversation and a meeting\n\n"
            "March 21, 2023, The Kremlin, Moscow\n\n"
            "Ivan Petrov met Prime Minister of Laos Bounmy Vong in Vientiane last month, the press "
            "service said.\n",
            ["Vientiane, Laos"],
            id="a transcript stamp's venue is no place of a meeting in another city",
        ),
        pytest.param(
            "date 2024-11-07\nPremier at the summit\n\n"
            "Vietnamese Prime Minister Nguyen Van Hai met with Russian President Pavel Orlov on the "
            "sidelines of the regional summit in Uzbekistan's Samarkand on November 7.\n",
            ["Samarkand, Uzbekistan"],
            id="a city after its country's possessive",
        ),
        pytest.param(
            "date 2025-09-01\nPremier at the summit\n\n"
            "HANOI (VNA) - Vietnamese Prime Minister Nguyen Van Hai met with Russian President Pavel "
            "Orlov on the sidelines of the summit in Tianjin, China on September 1.\n\n"
            "The same day, Prime Minister Hai met with Mongolian President Batbold Tumur.\n",
            ["Tianjin, China", "Tianjin, China"],
            id="a meeting the same day takes the day's other meeting's place",
        ),
        pytest.param(
            "date 2014-08-10\nMinisters meet\n\n"
            "Japanese Foreign Minister Taro Sato held talks with Chinese Foreign Minister Wang Lei "
            "on Monday on Beijing's new rules for seafood imports.\n",
            [""],
            id="a city's possessive names its government, not the place",
        ),
        pytest.param(
            "date 2020-05-04\nTalks in the south\n\n"
            "Prime Minister Nguyen Van Hai met Russian Deputy Prime Minister Ivan Petrov in Ho Chi Minh City "
            "on Monday.\n",
            ["Ho Chi Minh City, Vietnam"],
            id="a city of four words",
        ),
        pytest.param(
            "date 2020-05-04\nTalks on the Neva\n\n"
            "Russian President Pavel Orlov held talks with Vietnamese President To Minh in St. Petersburg "
            "on Monday.\n",
            ["St. Petersburg, Russia"],
            id="Saint written short",
        ),
    ],
)
def test_the_place_of_each_meeting(text, places):
    assert [m.place for m in extract(text).meetings] == places


@pytest.mark.parametrize(
    ("text", "place"),
    [
        pytest.param(
            "date 2021-03-02\nMinister's trip\n\n"
            "Chilean Foreign Minister Rosa Vidal is paying a visit to Bolivia this week.\n\n"
            "Vidal is expected to travel to Lima on Friday to meet her Peruvian counterpart Jorge Quispe.\n",
            "Lima, Peru",
            id="travel to a city to meet someone",
        ),
        pytest.param(
            "date 2021-03-02\nMinister's trip\n\n"
            "Kenyan Prime Minister Daniel Otieno would fly to Ghana on Friday on a visit during which "
            "he would hold talks with Ghanaian President Kofi Mensah.\n",
            "Ghana",
            id="fly to a country, during which talks are held",
        ),
    ],
)
def test_a_journey_told_before_a_meeting_places_it(text, place):
    ex = extract(text)
    assert [m.place for m in ex.meetings] == [place]


def test_an_office_in_a_title_is_no_venue():
    ex = extract(
        "MUSCAT, May 10, 2021 - Crown Prince Said Hamed, a Minister at the President's Office since 2019, "
        "held talks with visiting Singaporean Prime Minister Lee Tan at the Al Alam Palace on Monday.\n"
    )
    assert [m.place for m in ex.meetings] == ["Al Alam Palace, Muscat"]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        pytest.param(
            "TASHKENT, Nov 16, 2023 (UzA) – Uzbek Foreign Minister Bakhtiyor Rashidov met with Tajik Foreign "
            "Minister Sirojiddin Alizoda in the Uzbek capital on Thursday.",
            ["Tashkent, Uzbekistan"],
            id="in the capital named by its country's people",
        ),
        pytest.param(
            "TOKYO, Jan 10, 2024 (Kyodo) – Japanese Foreign Minister Yoko Kamiya, on a visit to Kenya, met "
            "President William Otieno in the capital on Tuesday.",
            ["Nairobi, Kenya"],
            id="in the capital of the country visited",
        ),
        pytest.param(
            "WASHINGTON, Feb. 15, 2012 (Xinhua) -- Chinese Vice Premier Li Dongsheng met here Wednesday with "
            "U.S. Treasury Secretary Timothy Geiss.",
            ["Washington, United States"],
            id="here is the dateline's place",
        ),
        pytest.param(
            "NEW YORK, Sept 20, 2023 – Indian External Affairs Minister Subrahmanyam Rao met Japanese Foreign "
            "Minister Yoko Kamiya on the sidelines of the UN General Assembly on Tuesday.",
            ["New York, United States"],
            id="at a gathering reported from a third country's city",
        ),
        pytest.param(
            "DUBAI, Feb 14, 2024 (WAM) – Saudi Foreign Minister Faisal Al-Harbi and UAE Minister of State Khalid "
            "Al-Nuaimi held talks on regional developments. The talks were held in Riyadh on Tuesday.",
            ["Riyadh, Saudi Arabia"],
            id="a sentence of its own on where the talks were held",
        ),
        pytest.param(
            "MADRID, Oct 20, 2022 – Spanish Prime Minister Pedro Navarro spoke with Portuguese Prime Minister "
            "Antonio Costa Lopes over the phone on Thursday about energy interconnections.",
            [""],
            id="over the phone some words after the verb",
        ),
        pytest.param(
            "LJUBLJANA, May 10, 2023 – Slovenian Prime Minister Robert Zupan met Croatian Prime Minister Andrej "
            "Horvat in Zagreb on Tuesday. Later the same day, Zupan also held talks with Croatian President "
            "Zoran Babic.",
            ["Zagreb, Croatia", "Zagreb, Croatia"],
            id="the same day's other meeting, its day named by a weekday",
        ),
        pytest.param(
            "HANOI, Nov 12, 2017 – The APEC Economic Leaders' Meeting ended in Danang on Saturday. On the "
            "sidelines, Chinese President Xu Jianguo met Japanese Prime Minister Shinzo Mori.",
            ["Danang, Vietnam"],
            id="a meeting named as a gathering, its city before the dateline's",
        ),
    ],
)
def test_where_everyday_wording_places_a_meeting(text, places):
    assert [m.place for m in extract(text).meetings] == places


def test_the_day_a_sentence_on_where_the_talks_were_held_gives():
    ex = extract(
        "DUBAI, Feb 14, 2024 (WAM) – Saudi Foreign Minister Faisal Al-Harbi and UAE Minister of State Khalid "
        "Al-Nuaimi held talks on regional developments. The talks were held in Riyadh on Tuesday."
    )
    assert [m.date.iso() for m in ex.meetings] == ["2024-02-13"]
