# ruff: noqa: E501
"""Delegations: who travelled where, led by whom, when; visits in passing; what is not a visit."""

import pytest

from relations.importing.extraction import extract
from relations.importing.proposals import PartialDate
from tests.importing.extraction.helpers import names_by_key, official


def test_it_reads_a_delegation_led_by_someone_with_its_dates():
    ex = extract(
        "- A Vietnamese delegation from the Ministry of Home Affairs led by Minister Le Vinh Tan is paying a visit"
        " to Russia from August 4-10. Tan met with Assistant to the Russian President Anatoly Seryshev on"
        " August 7. The sides signed a cooperation agreement for 2019-2022.\n"
    )
    names = names_by_key(ex)
    (d,) = ex.delegations
    assert (d.from_country, d.to_country, names[d.head]) == ("VN", "RU", "Le Vinh Tan")
    assert (d.start, d.end) == (PartialDate(2019, 8, 4), PartialDate(2019, 8, 10))
    (m,) = ex.meetings
    assert {names[k] for k in m.participants} == {"Le Vinh Tan", "Anatoly Seryshev"}
    assert m.date == PartialDate(2019, 8, 7)


def test_it_implies_a_delegation_when_a_foreign_official_is_received():
    ex = extract(
        "HÀ NỘI, October 31 - Prime Minister Phạm Minh Chính received Russian Minister of Internal Affairs"
        " Ivan Petrov in Hà Nội on October 31.\n"
    )
    names = names_by_key(ex)
    (d,) = ex.delegations
    assert (d.from_country, d.to_country, names[d.head]) == ("RU", "VN", "Ivan Petrov")
    assert len(ex.meetings) == 1


def test_it_marks_a_visit_mentioned_in_passing():
    ex = extract(
        " date 2023-06-15 A delegation from the Party Committee led by its Secretary Nguyen Van The worked with"
        " Russian Deputy Minister Ivan Petrov on June 13 as part of their working trip to Russia.\n\n"
        "The relations were shown by the official visit to Vietnam last month by Deputy Chairman of the Security"
        " Council of Russia Dmitry Medvedev.\n"
    )
    names = names_by_key(ex)
    passing = [d for d in ex.delegations if not d.primary]
    assert [(d.from_country, d.to_country, names[d.head]) for d in passing] == [
        ("RU", "VN", "Dmitry Medvedev")
    ]
    assert passing[0].start == PartialDate(2023, 5)


def test_it_dates_an_arrival_for_a_three_day_visit():
    text = (
        "PHNOM PENH, May 3, 2016 (VNA) - Vietnamese Deputy Prime Minister Pham Van Long "
        "arrived in Phnom Penh "
        "on May 3 for a three-day official visit to Cambodia."
    )
    d = extract(text).delegations[0]
    assert (d.start.iso(), d.end.iso()) == ("2016-05-03", "2016-05-05")


def test_it_makes_no_delegation_from_phone_talks_or_an_invitation():
    text = (
        "HANOI, April 8, 2025 (VNA) - General Secretary Nguyen Van Thanh held phone "
        "talks with Cuban President "
        "Manuel Ortega Diaz. Thanh invited the Cuban leader to pay an official visit to Vietnam."
    )
    ex = extract(text)
    assert len(ex.meetings) == 1
    assert ex.delegations == []


def test_it_makes_no_delegation_from_online_talks():
    text = (
        "HANOI, June 17, 2021 (VNS) - Minister of Education Phung Van Loc and Russian Minister of Science "
        "Pavel Kotlov held online talks on Thursday."
    )
    ex = extract(text)
    assert len(ex.meetings) == 1 and ex.delegations == []


def test_it_marks_a_scheduled_visit_in_passing_with_its_month():
    text = (
        "Vientiane, July 7, 2015 - Lao Prime Minister Thongsing Vongsa held a phone conversation with "
        "Chinese Premier Zhang Weiguo. Lao Minister of Transport Bounchanh Sinavong is scheduled to visit "
        "Beijing in August."
    )
    ex = extract(text)
    names = names_by_key(ex)
    [d] = ex.delegations
    assert names[d.head] == "Bounchanh Sinavong" and not d.primary and d.start.iso() == "2015-08"


def test_it_marks_an_upcoming_visit_in_passing():
    text = (
        "On 14 October 2010, Deputy Foreign Minister of Russia Ivan Rudov received Ambassador of Vietnam "
        "Nguyen Phu Dang. They discussed preparations for the upcoming visit of Prime Minister of Vietnam "
        "Nguyen Tan Hung to Moscow."
    )
    ex = extract(text)
    names = names_by_key(ex)
    assert [(names[d.head], d.primary) for d in ex.delegations] == [("Nguyen Tan Hung", False)]


def test_it_marks_a_visit_of_an_earlier_month_in_passing():
    text = (
        "MOSCOW, March 12, 2013 (TASS) - Russian Deputy Foreign Minister Ivan Petrov met with Cuban Deputy "
        "Foreign Minister Jorge Diaz Perez, who is in Moscow on a working visit. They discussed agreements "
        "reached during the visit of Cuban President Carlos Ruiz to Moscow in July 2012."
    )
    ex = extract(text)
    names = names_by_key(ex)
    past = next(d for d in ex.delegations if names[d.head] == "Carlos Ruiz")
    assert not past.primary and past.start.iso() == "2012-07"


def test_it_finds_a_last_visit_in_passing_and_keeps_the_current_visit_primary():
    text = (
        "HANOI, March 3, 2019 (VNA) - Deputy Prime Minister Pham Binh Minh received Russian Deputy Foreign "
        "Minister Igor Morgunov in Hanoi on March 3. Morgunov last visited Vietnam in November 2018."
    )
    ex = extract(text)
    [d] = ex.delegations
    assert d.primary and d.start is None


def test_it_does_not_count_a_resident_ambassador_as_a_delegation():
    text = (
        "HANOI, June 5, 2019 (VNA) - The Russian Ambassador to Vietnam Konstantin Vnukov "
        "said trade would grow. "
        "He met Chairman of the Hanoi People's Committee Nguyen Duc Chung in Hanoi on June 5."
    )
    ex = extract(text)
    assert ex.delegations == []
    assert official(ex, "Vnukov").titles == ["Russian Ambassador to Vietnam"]


def test_it_keeps_people_named_in_passing_out_of_the_delegation():
    text = (
        "HANOI, March 3, 2019 (VNA) - Deputy Prime Minister Pham Binh Minh received Russian Deputy Foreign "
        "Minister Igor Morgunov in Hanoi on March 3. The Russian delegation included Deputy Director "
        "Oleg Ivanov, who recalled the words of Deputy Minister Pyotr Sidorov about friendship."
    )
    ex = extract(text)
    names = names_by_key(ex)
    [d] = ex.delegations
    assert names[d.head] == "Igor Morgunov"
    assert [names[k] for k in d.members] == ["Oleg Ivanov"]


def _visit_of(extraction, name: str):
    keys = {o.key for o in extraction.officials if name in o.name}
    found = [d for d in extraction.delegations if d.head in keys]
    assert len(found) == 1, extraction.delegations
    return found[0]


ARRIVAL = (
    "date 2021-02-08\nSpeaker visits Russia\n\n"
    "MOSCOW - Kenyan Parliament Speaker Anton Wekesa arrived in Moscow{when} "
    "for a two day official visit to Russia.\n\n"
    "Wekesa met Russian Foreign Minister Pavel Orlov.\n"
)


def test_an_arrival_on_a_weekday_gives_the_start_and_an_n_day_visit_its_end():
    d = _visit_of(extract(ARRIVAL.format(when=" on Sunday")), "Wekesa")
    assert (d.start, d.end) == (PartialDate(2021, 2, 7), PartialDate(2021, 2, 8))


def test_an_arrival_with_no_date_the_text_gives_leaves_the_start_empty():
    d = _visit_of(extract(ARRIVAL.format(when="")), "Wekesa")
    assert d.start is None and d.end is None


@pytest.mark.parametrize(
    ("text", "visitor", "start", "end"),
    [
        pytest.param(
            "date 2011-07-04\nMinister visits India\n\n"
            "British Minister for Trade Anton Browning is visiting Delhi and Kolkata on 5-6 July. "
            "This is his first official visit to India.\n\n"
            "He will meet India's Finance Minister Ravi Kumar in Delhi.\n",
            "Browning",
            PartialDate(2011, 7, 5),
            PartialDate(2011, 7, 6),
            id="a visit under way over a range of days",
        ),
        pytest.param(
            "date 2018-12-25\nSpeaker ends visit\n\n"
            "Chairman of the Russian State Duma Pavel Orlov concluded his two-day official visit "
            "to Vietnam on December 24.\n\n"
            "While in Vietnam, Orlov held talks with National Assembly Chairwoman Nguyen Thi Lan.\n",
            "Orlov",
            PartialDate(2018, 12, 23),
            PartialDate(2018, 12, 24),
            id="a visit that ended on a day reaches back over its length",
        ),
        pytest.param(
            "date 2019-03-10\nSpeaker arrives\n\n"
            "Russia's parliamentary delegation led by Speaker Pavel Orlov arrived in Hanoi on Sunday "
            "for a three-day official visit.\n\n"
            "Orlov held talks with Vietnamese Prime Minister Nguyen Van Hai.\n",
            "Orlov",
            PartialDate(2019, 3, 10),
            PartialDate(2019, 3, 12),
            id="a delegation's arrival for an n-day visit gives its last day",
        ),
        pytest.param(
            "date 2024-08-21\nCrown prince leaves\n\n"
            "Bruneian Crown Prince Haji Omar Saleh today departed for home after concluding a five-day official "
            "visit to Malaysia.\n\n"
            "During the visit, Saleh held talks with Malaysian Prime Minister Datuk Ali Rahman.\n",
            "Saleh",
            PartialDate(2024, 8, 17),
            PartialDate(2024, 8, 21),
            id="a visit ended today reaches back over its length",
        ),
        pytest.param(
            "date 2019-03-10\nSpeaker arrives\n\n"
            "Russian Speaker Pavel Orlov arrived in Hanoi on Sunday to attend a three-day forum.\n\n"
            "Orlov held talks with Vietnamese Prime Minister Nguyen Van Hai.\n",
            "Orlov",
            PartialDate(2019, 3, 10),
            None,
            id="the length of a forum is not the length of a visit",
        ),
    ],
)
def test_it_reads_the_first_and_last_day_of_a_visit(text, visitor, start, end):
    d = _visit_of(extract(text), visitor)
    assert (d.start, d.end) == (start, end)


def test_the_people_accompanying_a_visit_s_head_are_its_members():
    text = (
        "date 2022-06-06\nPrime minister visits Indonesia\n\n"
        "Australian Prime Minister Tom Baxter arrived in Jakarta on Monday for a visit to Indonesia.\n\n"
        "Baxter was accompanied by Minister for Foreign Affairs Jane Holt, Minister for Trade Sam Reid "
        "as well as Australian Ambassador Ruth Lang.\n\n"
        "Baxter met Indonesian President Budi Santoso at the palace.\n"
    )
    ex = extract(text)
    d = _visit_of(ex, "Baxter")
    names = {o.key: o.name for o in ex.officials}
    assert sorted(names[k] for k in d.members) == ["Jane Holt", "Ruth Lang", "Sam Reid"]


def test_a_member_named_in_a_delegation_s_clause_is_no_visitor_of_her_own():
    text = (
        "date 2019-12-03\nDelegation visits Vietnam\n\n"
        "A delegation of the Russian region led by Governor Pavel Orlov arrived in Hanoi.\n\n"
        "The Russian delegation, which includes Head of the Tourism Department Anna Sokolova, is visiting "
        "Da Nang from December 3-6.\n"
    )
    ex = extract(text)
    heads = {o.key: o.name for o in ex.officials}
    assert [heads[d.head] for d in ex.delegations] == ["Pavel Orlov"]


def test_an_arrival_on_a_visit_with_no_day_is_a_visit_without_dates():
    text = (
        "date 2024-06-20\nPresident in Vietnam\n\n"
        "Russian President Ivan Petrov arrived in Vietnam on a state visit.\n\n"
        "Petrov thanked his hosts for the warm welcome.\n"
    )
    d = _visit_of(extract(text), "Petrov")
    assert (d.from_country, d.to_country, d.start, d.end) == ("RU", "VN", None, None)


def test_an_arrival_with_neither_a_day_nor_a_visit_is_none():
    text = (
        "date 2024-06-20\nPresident in Vietnam\n\n"
        "Russian President Ivan Petrov arrived in Vietnam.\n\nPetrov thanked his hosts.\n"
    )
    assert extract(text).delegations == []


def test_a_visiting_guest_named_with_his_country_is_on_a_visit_to_the_host_s_side():
    text = (
        "date 2022-11-18\nPresident holds talks\n\n"
        "President Park Min-ho of South Korea on Nov. 17 held talks with the visiting Saudi Arabian Crown "
        "Prince Faisal bin Khalid, who is also his nation's prime minister, on trade.\n\n"
        "Park later hosted a luncheon for the crown prince.\n"
    )
    ex = extract(text)
    guest = official(ex, "Faisal")
    assert (guest.name, guest.country, guest.titles[0]) == (
        "Faisal bin Khalid",
        "SA",
        "Saudi Arabian Crown Prince",
    )
    d = _visit_of(ex, "Faisal")
    assert (d.from_country, d.to_country) == ("SA", "KR")
    meeting = ex.meetings[0]
    assert meeting.delegation == d.key and "Korea" in meeting.place


def test_the_guest_received_during_his_visit_heads_the_visit_not_the_host():
    text = (
        "date 2022-07-07\nLeader receives minister\n\n"
        "On July 6, General Secretary Nguyen Van Hoa received Russian Foreign Minister Ivan Petrov for a "
        "courtesy call during his visit to Vietnam.\n"
    )
    ex = extract(text)
    d = _visit_of(ex, "Petrov")
    assert (d.from_country, d.to_country) == ("RU", "VN")
    assert official(ex, "Nguyen Van Hoa").country == "VN"


def test_ministers_accompanying_a_visitor_are_of_his_country_though_the_text_leaves_them_unmarked():
    text = (
        "date 2022-06-06 Jakarta: Indonesian President Budi Santoso met Australian Prime Minister Tom Reed "
        "at the palace on Monday, during Reed's official visit to Indonesia.\n\n"
        "Reed was accompanied by Minister for Foreign Affairs Jane Holt and Minister for Trade Sam Price.\n"
    )
    ex = extract(text)
    assert {official(ex, n).country for n in ("Jane Holt", "Sam Price")} == {"AU"}
    assert {names_by_key(ex)[k] for k in _visit_of(ex, "Reed").members} == {"Jane Holt", "Sam Price"}


def test_the_verb_visited_with_a_city_is_a_visit_dated_by_its_sentence_and_the_dateline_alone_marks_the_home_side():
    text = (
        "date 2021-11-27 President visits Turkmenistan\n\nANKARA\n\n"
        "Turkish President Kemal Aydin visited Ashgabat on Nov. 27 at the invitation of Turkmen President "
        "Serdar Amanov.\n\nAydin and Amanov attended a signing ceremony at the presidential palace.\n\n"
        "Minister of Trade Mehmet Yilmaz and Minister of Energy Ali Demir also attended the ceremony.\n"
    )
    ex = extract(text)
    assert ex.dateline_place == "Ankara"
    d = _visit_of(ex, "Kemal Aydin")
    assert (d.from_country, d.to_country, d.start) == ("TR", "TM", PartialDate(2021, 11, 27))
    assert "Ashgabat" in d.place
    # the outlet leaves its own side unmarked: the ministers are of the dateline's country
    assert {official(ex, n).country for n in ("Mehmet Yilmaz", "Ali Demir")} == {"TR"}


def test_a_visit_in_passing_with_the_verb_visited_is_not_read_from_history():
    text = (
        "date 2021-11-27\nTalks\n\nKAZAN (TASS) - Russian President Ivan Petrov met Chinese President Li Wen.\n\n"
        "Petrov had visited Beijing in 2019.\n"
    )
    assert [d.to_country for d in extract(text).delegations if d.primary] == ["RU"]  # Li Wen in Kazan


def test_a_visit_named_by_its_country_before_the_noun_and_an_arrival_in_a_long_country_name():
    ex = extract(
        "date 2023-05-22 Party chief holds talks\n\nHanoi (VNA) - Party General Secretary Nguyen Van Hoa held talks "
        "with Russian party chairman Ivan Petrov, who is on a working Vietnam visit from May 21-23.\n"
    )
    d = _visit_of(ex, "Petrov")
    assert (d.from_country, d.to_country, d.start, d.end) == (
        "RU",
        "VN",
        PartialDate(2023, 5, 21),
        PartialDate(2023, 5, 23),
    )
    ex = extract(
        "Translation.\n\nRussian Prime Minister Ivan Petrov arrived in the People's Republic of China on a working "
        "visit.\n\nPetrov thanked his hosts.\n"
    )
    assert (_visit_of(ex, "Petrov").to_country) == "CN"


def test_a_city_in_title_case_before_a_dash_is_the_dateline_and_places_a_reception():
    ex = extract(
        "7 May 2018\n\nState honours for a visiting prime minister\n\n"
        "Nairobi — The new Ethiopian Prime Minister Abebe Kebede was on Monday morning formally received by "
        "President Daniel Otieno at State House.\n"
    )
    assert ex.dateline_place == "Nairobi"
    d = _visit_of(ex, "Abebe")
    assert (d.from_country, d.to_country) == ("ET", "KE")
    ex = extract(
        "7 May 2018\n\nState honours for a visiting prime minister\n\n"
        "Nairobi — The new Ethiopian Prime Minister Abebe Kebede was on Monday morning formally received by "
        "President Daniel Otieno at State House.\n\nThe visiting Prime Minister, who arrived in the country on "
        "Sunday at the start of a two-day state visit, was accorded full military honours.\n"
    )
    d = _visit_of(ex, "Abebe")
    assert (d.start, d.end) == (PartialDate(2018, 5, 6), PartialDate(2018, 5, 7))
    (meeting,) = ex.meetings
    assert meeting.date == PartialDate(2018, 5, 7) and "Nairobi" in meeting.place


def test_the_day_of_a_call_before_a_visit_is_wrapped_up_is_not_its_last_day():
    text = (
        "date 2016-09-26\nPremier in Havana\n\n"
        "Chinese Premier Wen Hao visited Cuban leader Jorge Marin on Sunday in Havana, before wrapping up his "
        "official visit to the country.\n"
    )
    d = _visit_of(extract(text), "Wen Hao")
    assert d.end is None
    assert not [e for e in extract(text).delegations if e.from_country == "CU"]


def test_each_visit_of_a_sentence_takes_the_date_of_its_own_clause():
    ex = extract(
        "date 2025-02-21\nEnvoys meet in Hanoi\n\n"
        "HANOI (VNA) - Deputy Foreign Minister Le Van Binh received Russian Ambassador Ivan Petrov on February 21.\n\n"
        "They noted the results of Russian President Pavel Orlov's state visit to Vietnam in June last year "
        "and National Assembly Chairman Tran Van Khoa's official trip to Russia in September.\n"
    )
    names = names_by_key(ex)
    visits = {names[d.head]: (d.primary, d.start, d.end) for d in ex.delegations}
    assert visits["Pavel Orlov"] == (False, PartialDate(2024, 6), PartialDate(2024, 6))
    assert visits["Tran Van Khoa"] == (False, PartialDate(2024, 9), PartialDate(2024, 9))


def test_a_visit_on_its_second_day_is_counted_back_from_the_publication_date():
    ex = extract(
        "date 2022-12-06\nPresident in Seoul\n\n"
        "Vietnamese President Nguyen Van Hai met South Korean Speaker Park Min-ho on December 6.\n\n"
        "Hai is currently on the second day of his three-day visit to South Korea.\n"
    )
    (d,) = ex.delegations
    assert (d.start, d.end) == (PartialDate(2022, 12, 5), PartialDate(2022, 12, 7))


def test_the_one_length_an_article_gives_is_its_visit_s():
    ex = extract(
        "date 2025-04-26\nSpeaker to visit Mongolia\n\n"
        "South Korean National Assembly Speaker Kim Jae-won will travel to Mongolia on Saturday for "
        "parliamentary talks, his office said.\n\n"
        "Kim will meet Mongolian President Batbold Tumur during the five-day trip.\n"
    )
    (d,) = ex.delegations
    assert (d.start, d.end) == (PartialDate(2025, 4, 26), PartialDate(2025, 4, 30))


def test_a_body_named_before_its_delegation_without_an_article_sends_it():
    ex = extract(
        "HANOI, December 23, 2018 - Russia's State Duma delegation led by Speaker Ivan Sokolov arrived in "
        "Vietnam on Sunday for a two-day official visit.\n"
    )
    (visit,) = ex.delegations
    bodies = {o.key: o.name for o in ex.organizations}
    assert bodies[visit.sending_body] == "State Duma"
    assert official(ex, "Sokolov").organization == visit.sending_body


def _visits(ex) -> list[tuple]:
    names = names_by_key(ex)
    return [(d.from_country, d.to_country, names.get(d.head)) for d in ex.delegations]


def test_a_head_accompanied_by_a_delegation_makes_the_visit_his():
    ex = extract(
        " date 2021-02-19 External Affairs Minister Ravi Menon held talks with Deputy Prime Minister of Ethiopia"
        " Abebe Tadesse on Friday.\n\nTadesse, accompanied by a high-level delegation, paid an official visit"
        " to India from February 17 to 19.\n"
    )
    (d,) = [d for d in ex.delegations if names_by_key(ex)[d.head] == "Abebe Tadesse"]
    assert (d.from_country, d.to_country) == ("ET", "IN")
    assert (d.start, d.end) == (PartialDate(2021, 2, 17), PartialDate(2021, 2, 19))


def test_delegation_level_talks_are_no_delegation():
    ex = extract(
        " date 2022-09-06 Indian Prime Minister Arun Mehta received Bangladeshi Prime Minister Rahima Khatun in"
        " New Delhi on Tuesday.\n\nThe signing was preceded by delegation-level talks led by Mehta and Khatun.\n"
    )
    assert _visits(ex) == [("BD", "IN", "Rahima Khatun")]


def test_plans_given_up_are_no_visit():
    ex = extract(
        " date 2021-09-06 Australian Foreign Minister Jane Miller will visit Indonesia this week.\n\n"
        "The trip comes after Australian Trade Minister Tom Baker ditched plans to visit Jakarta in July.\n"
    )
    assert "Tom Baker" not in {head for *_, head in _visits(ex)}


def test_a_trip_to_a_continent_has_no_country():
    ex = extract(
        " date 2019-07-16 South Korean Foreign Minister Kim So-ra has been on a weeklong trip to Africa since"
        " Wednesday.\n"
    )
    assert [to for _, to, _ in _visits(ex)] in ([], [None])


def test_people_meeting_their_counterparts_abroad_are_a_visit():
    ex = extract(
        " date 2021-09-06 Australian Foreign Minister Jane Miller and Defence Minister Peter Grant will meet"
        " their Indonesian counterparts in Jakarta on Thursday.\n"
    )
    names = names_by_key(ex)
    (d,) = ex.delegations
    assert (d.from_country, d.to_country, names[d.head]) == ("AU", "ID", "Jane Miller")
    assert [names[k] for k in d.members] == ["Peter Grant"]


def test_a_meeting_placed_by_a_city_in_its_own_sentence_makes_the_guest_a_visitor():
    ex = extract(
        " date 2025-06-26 Russian Foreign Minister Ivan Sokolov held talks with Lao Foreign Minister Somsak"
        " Vongsa (Moscow, June 26, 2025).\n"
    )
    assert _visits(ex) == [("LA", "RU", "Somsak Vongsa")]


def test_an_envoy_presenting_credentials_makes_no_visit():
    ex = extract(
        "PARIS, Nov 4 - Emirati Ambassador Sara Al Mansoori presented her letters of credence to French"
        " President Jean Martin at the Elysee Palace.\n"
    )
    assert ex.delegations == []


def test_a_meeting_at_a_summit_is_not_placed_at_the_dateline():
    ex = extract(
        "NEW DELHI, Sept 1 - Indian Prime Minister Raj Kumar met Russian President Ivan Sokolov at the summit"
        " venue in the morning.\n"
    )
    assert ("RU", "IN", "Ivan Sokolov") not in _visits(ex)


def test_a_planned_visit_keeps_its_dates():
    ex = extract(
        " date 2023-07-09 Speaker of the Russian Federation Council Irina Volkova will visit China from"
        " July 9-12, media report.\n"
    )
    (d,) = ex.delegations
    assert (d.from_country, d.to_country) == ("RU", "CN")
    assert (d.start, d.end) == (PartialDate(2023, 7, 9), PartialDate(2023, 7, 12))


def test_a_courtesy_call_is_made_in_person():
    ex = extract(
        "KUALA LUMPUR, July 20 - Malaysian Prime Minister Ahmad Razak paid a courtesy call to Sultan of Brunei"
        " Omar Ali Saifuddin here on Saturday.\n"
    )
    assert ("BN", "MY", "Omar Ali Saifuddin") in _visits(ex)


def test_an_arrival_to_attend_a_summit_in_a_city_of_a_country_is_a_visit():
    ex = extract(
        " date 2017-11-10 Russian President Ivan Sokolov arrived in the Vietnamese city of Da Nang on Friday"
        " to take part in the summit of the regional forum.\n"
    )
    (d,) = ex.delegations
    assert (d.from_country, d.to_country, names_by_key(ex)[d.head]) == ("RU", "VN", "Ivan Sokolov")
    assert d.start == PartialDate(2017, 11, 10)
    assert d.place.startswith("Da Nang")


def test_those_accompanying_a_visitor_are_members_not_heads():
    ex = extract(
        " date 2019-09-03 Russian President Ivan Sokolov arrived in Ulaanbaatar on the night of September 2.\n\n"
        "During his official visit to Mongolia, Russian President Ivan Sokolov is accompanied by Russian Foreign"
        " Minister Pavel Orlov and Energy Minister Oleg Titov.\n"
    )
    names = names_by_key(ex)
    (d,) = ex.delegations
    assert (d.from_country, d.to_country, names[d.head]) == ("RU", "MN", "Ivan Sokolov")
    assert [names[k] for k in d.members] == ["Pavel Orlov", "Oleg Titov"]


def test_a_visit_to_a_country_is_placed_in_the_one_city_of_it_the_article_names():
    ex = extract(
        " date 2024-05-21 Kenyan Secretary General Peter Otieno paid a visit to China from May 21.\n\n"
        "The Kenyan guests also toured a technology park in Beijing.\n"
    )
    (d,) = [d for d in ex.delegations if d.primary]
    assert d.to_country == "CN"
    assert d.place.startswith("Beijing")


def test_a_visitor_welcomed_today_on_a_two_day_visit_starts_it_today():
    ex = extract(
        " date 2022-03-21 HANOI - Vietnam today rolled out the red carpet to welcome Malaysian Prime Minister"
        " Ahmad Razak who is on a two-day official visit to Vietnam.\n"
    )
    (d,) = ex.delegations
    assert (d.from_country, d.to_country) == ("MY", "VN")
    assert (d.start, d.end) == (PartialDate(2022, 3, 21), PartialDate(2022, 3, 22))


def test_a_clause_before_the_delegation_names_its_head():
    ex = extract(
        " date 2019-03-27 A delegation visited Argentina this week.\n\nHeaded by Li Ming, deputy chief of the"
        " Organization Department of the Communist Party of China, the delegation met with Argentine Senator"
        " Juan Perez and party leader Pablo Gomez.\n"
    )
    assert _visits(ex) == [("CN", "AR", "Li Ming")]


def test_a_head_named_later_leads_the_delegation_named_before():
    ex = extract(
        " date 2024-03-25 Chinese legislator Zhang Wei met with a delegation from the Canada-China"
        " Parliamentary Association in Beijing on Monday.\n\nThe delegation, led by Senator Paul Martin and"
        " Anne Lee, a member of the Canadian House of Commons, was invited by the China-Canada Parliamentary"
        " Association of the NPC to attend a meeting.\n"
    )
    assert _visits(ex) == [("CA", "CN", "Paul Martin")]
    assert [names_by_key(ex)[k] for k in ex.delegations[0].members] == ["Anne Lee"]


def test_a_delegation_of_the_dateline_country_with_no_journey_is_the_hosts_side():
    ex = extract(
        " date 2026-01-13 New Delhi: A delegation from the Communist Party of China, led by Chinese Vice Minister"
        " Sun Haiyan, visited the BJP headquarters here on Monday.\n\nDuring the meeting, a BJP delegation"
        " headed by Indian party general secretary Arun Mehta discussed at length the means to advance"
        " inter-party communications.\n"
    )
    assert _visits(ex) == [("CN", "IN", "Sun Haiyan")]


def test_a_delegation_with_an_acronym_in_brackets_keeps_its_days_from_monday_to_wednesday():
    ex = extract(
        "BUENOS AIRES, March 27, 2019 (Xinhua) -- A Communist Party of China (CPC) delegation was on a visit to"
        " Argentina from Monday to Wednesday to promote relations between the two countries.\n\n"
        "Headed by Zhang Wei, deputy head of the International Department, the delegation met with Senator"
        " Carlos Gomez of Argentina.\n"
    )
    names = names_by_key(ex)
    (d,) = ex.delegations
    assert (d.from_country, d.to_country, names[d.head]) == ("CN", "AR", "Zhang Wei")
    assert (d.start, d.end) == (PartialDate(2019, 3, 25), PartialDate(2019, 3, 27))


def test_a_visit_that_ended_on_a_day_counts_back_its_length():
    ex = extract(
        "NEW DELHI, January 8, 2018 (Reuters) - A delegation of the Communist Party of China visited India last"
        " week.\n\n"
        "During the four-day visit that ended Saturday, the delegation, headed by Li Ming, deputy director of"
        " the General Office, met leaders of several Indian parties.\n"
    )
    (d,) = [d for d in ex.delegations if d.to_country == "IN"]
    assert (d.start, d.end) == (PartialDate(2018, 1, 3), PartialDate(2018, 1, 6))


def test_a_trip_starting_on_a_weekday_that_is_still_planned_starts_on_the_next_one():
    ex = extract(
        "TOKYO, January 17, 2025 (Kyodo) - Japanese Foreign Minister Kenji Sato announced Friday that he plans"
        " to visit Washington next week.\n\n"
        "Sato told a press conference that he plans to hold talks with senior officials during his five-day trip"
        " starting Sunday.\n"
    )
    (d,) = ex.delegations
    assert (d.to_country, d.start, d.end) == ("US", PartialDate(2025, 1, 19), PartialDate(2025, 1, 23))


def test_a_visitor_described_by_his_country_dates_the_visit_he_makes():
    ex = extract(
        "HANOI, April 24, 2018 (VNA) - National Assembly Chairwoman Nguyen Thi Lan and Speaker of the Sri Lankan"
        " Parliament Ranil Perera held talks in Hanoi on April 24.\n\n"
        "The talks followed a welcome ceremony for the Sri Lankan top legislator, who is on an official visit"
        " to Vietnam from April 23-27.\n"
    )
    names = names_by_key(ex)
    (d,) = ex.delegations
    assert (d.from_country, d.to_country, names[d.head]) == ("LK", "VN", "Ranil Perera")
    assert (d.start, d.end) == (PartialDate(2018, 4, 23), PartialDate(2018, 4, 27))


def test_one_head_travelling_to_two_countries_makes_two_visits():
    ex = extract(
        "HANOI, June 20, 2024 (AA) - Russian President Ivan Petrov arrived in Vietnam on a state visit on"
        " Thursday, following a two-day official trip to North Korea.\n\n"
        "Petrov held talks with Vietnamese President Nguyen Van Minh in Hanoi.\n"
    )
    assert set(_visits(ex)) == {("RU", "VN", "Ivan Petrov"), ("RU", "KP", "Ivan Petrov")}
    assert next(o for o in ex.officials if o.name == "Ivan Petrov").country == "RU"


def test_a_tour_begun_by_visiting_a_country_is_a_visit_there():
    ex = extract(
        "RIYADH, December 6, 2021 (SPA) - Saudi Crown Prince Faisal bin Khalid began his tour of the Gulf by"
        " visiting the Sultanate of Oman, with visits to the other Gulf states to follow.\n"
    )
    assert _visits(ex) == [("SA", "OM", "Faisal bin Khalid")]


def test_an_arrival_after_a_delegation_that_only_speaks_is_the_named_visitors():
    ex = extract(
        "NEW DELHI, March 20, 2021 (PTI) - The visiting US delegation spoke of Defence Secretary John Miller's"
        " stops in Tokyo and Seoul before the US defence secretary arrived in India on Friday on his"
        " three-nation swing through the region.\n"
    )
    names = names_by_key(ex)
    (d,) = ex.delegations
    assert (d.from_country, d.to_country, names[d.head], d.start) == (
        "US",
        "IN",
        "John Miller",
        PartialDate(2021, 3, 19),
    )


def test_a_visit_named_by_its_visitor_alone_is_a_visit_to_the_other_side():
    ex = extract(
        "ISTANBUL, March 19, 2021 (AA) - Turkish Foreign Minister Ahmet Kaya met Iranian Foreign Minister Reza"
        " Tehrani at the Dolmabahce Office in Istanbul.\n\n"
        "A Turkish Foreign Ministry statement said bilateral relations would be addressed during Tehrani's"
        " visit.\n"
    )
    assert _visits(ex) == [("IR", "TR", "Reza Tehrani")]


def test_a_delegation_named_before_its_head_keeps_its_arrival_day():
    ex = extract(
        "NAIROBI, May 21, 2024 (KNA) - A delegation of the ruling party of Kenya arrived in Beijing on"
        " Tuesday, May 21, for a 10-day visit.\n\n"
        "The delegation was led by Secretary General Peter Otieno.\n"
    )
    names = names_by_key(ex)
    (d,) = ex.delegations
    assert (d.from_country, d.to_country, names[d.head]) == ("KE", "CN", "Peter Otieno")
    assert (d.start, d.end) == (PartialDate(2024, 5, 21), PartialDate(2024, 5, 30))


def test_a_call_on_a_host_is_a_visit_to_his_country_when_the_text_names_no_place():
    ex = extract(
        "Prime Minister meets British ministers\n\n"
        "British Foreign Secretary John Harris and Chancellor of the Exchequer Tom Baker called on the Prime"
        " Minister of India Raj Kumar on Monday.\n"
    )
    assert _visits(ex) == [("GB", "IN", "John Harris")]


def test_a_host_who_travelled_elsewhere_still_receives_his_guests_at_home():
    ex = extract(
        "Malaysian Prime Minister Ahmad Ismail visited Indonesia from January 8-9, where he met Indonesian"
        " President Budi Santoso.\n\n"
        "On December 8, Prime Minister Ahmad Ismail received Thai deputy prime minister Somchai Wong.\n"
    )
    assert ("TH", "MY", "Somchai Wong") in _visits(ex)


def test_a_gift_received_from_a_leader_is_no_reception():
    ex = extract(
        "Vietnamese President Nguyen Van Hoa said he would not give Russian President Ivan Petrov the pledge"
        " that Petrov received from North Korean leader Kim Song Il.\n"
    )
    assert not [d for d in ex.delegations if d.to_country == "RU"]


def test_a_trip_named_by_its_visitor_and_its_place_goes_there():
    ex = extract(
        "Russian President Ivan Petrov signed a defence deal with a neighbour on Wednesday.\n\n"
        "Old ties are in focus on Petrov's Vietnam trip, analysts said.\n"
    )
    assert _visits(ex) == [("RU", "VN", "Ivan Petrov")]


def test_a_delegation_named_in_passing_before_its_head_still_gives_its_sending_body():
    ex = extract(
        "NEW DELHI, January 8, 2018 (Reuters) - A delegation of senior officials of the ruling Communist Party"
        " of China (CPC), which visited India last week, briefed Indian parties on its Congress.\n\n"
        "During the visit, the delegation, headed by Li Ming, deputy director of the General Office, met"
        " leaders of several Indian parties.\n"
    )
    bodies = {o.key: o.name for o in ex.organizations}
    (d,) = [d for d in ex.delegations if d.to_country == "IN"]
    assert bodies[d.sending_body] == "Communist Party of China"


def test_an_official_who_joined_the_delegation_is_one_of_its_members():
    ex = extract(
        "NEW DELHI, January 12, 2026 (PTI) - A delegation of the Communist Party of China led by Vice Minister"
        " Sun Li is on a visit to India from January 11-14.\n\n"
        "Chinese Deputy Minister Wang Lei also joined the CPC delegation, he added.\n"
    )
    names = names_by_key(ex)
    (d,) = ex.delegations
    assert (names[d.head], [names[k] for k in d.members]) == ("Sun Li", ["Wang Lei"])


def test_a_delegation_that_will_wrap_up_its_visit_on_a_day_ends_it_then():
    ex = extract(
        "ANKARA, May 30, 2025 (IRNA) - The Iranian parliamentary delegation, headed by Reza Karimi, was"
        " welcomed in Ankara by Turkish lawmaker Ahmet Demir upon its arrival.\n\n"
        "The delegation will wrap up its visit to Ankara on May 31.\n"
    )
    (d,) = [d for d in ex.delegations if d.to_country == "TR"]
    assert d.end == PartialDate(2025, 5, 31)
