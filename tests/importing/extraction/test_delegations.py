# ruff: noqa: E501
"""Delegations: who travelled where, led by whom, when; visits in passing; what is not a visit."""

import pytest

from relations.importing.extraction import extract
from relations.importing.proposals import PartialDate
from tests.importing.extraction.helpers import names_by_key, official


def test_it_reads_a_delegation_led_by_someone_with_its_dates():
    ex = extract(
        "- A Peruvian delegation from the Ministry of Culture led by Minister Rosa Diaz is paying a visit"
        " to Chile from March 4-9. Diaz met with Assistant to the Chilean President Pablo Soto on"
        " March 6. The sides signed a cultural exchange plan for 2019-2022.\n"
    )
    names = names_by_key(ex)
    (d,) = ex.delegations
    assert (d.from_country, d.to_country, names[d.head]) == ("PE", "CL", "Rosa Diaz")
    assert (d.start, d.end) == (PartialDate(2019, 3, 4), PartialDate(2019, 3, 9))
    (m,) = ex.meetings
    assert {names[k] for k in m.participants} == {"Rosa Diaz", "Pablo Soto"}
    assert m.date == PartialDate(2019, 3, 6)


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
        " date 2023-06-15 A delegation from the Provincial Committee led by its Secretary Tran Van Khoa met"
        " Chilean Deputy Minister Pablo Soto on June 13 as part of their working trip to Chile.\n\n"
        "The ties were reflected in the state visit to Vietnam last month by Vice President of the"
        " Senate of Chile Marta Rojas.\n"
    )
    names = names_by_key(ex)
    passing = [d for d in ex.delegations if not d.primary]
    assert [(d.from_country, d.to_country, names[d.head]) for d in passing] == [("CL", "VN", "Marta Rojas")]
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
        "LIMA, April 8, 2025 (Andina) - President Luis Vargas held phone "
        "talks with Chilean President "
        "Marta Rojas. Vargas invited the Chilean leader to make a state visit to Peru."
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
        "LIMA, March 3, 2019 (Andina) - Deputy Foreign Minister Luis Vargas received Chilean Deputy Foreign "
        "Minister Pablo Soto in Lima on March 3. Soto last visited Peru in November 2018."
    )
    ex = extract(text)
    [d] = ex.delegations
    assert d.primary and d.start is None


def test_it_does_not_count_a_resident_ambassador_as_a_delegation():
    text = (
        "LIMA, June 5, 2019 (Andina) - The Chilean Ambassador to Peru Pablo Soto "
        "said trade would grow. "
        "He met Mayor of Lima Ana Flores in Lima on June 5."
    )
    ex = extract(text)
    assert ex.delegations == []
    assert official(ex, "Soto").titles == ["Chilean Ambassador to Peru"]


def test_it_keeps_people_named_in_passing_out_of_the_delegation():
    text = (
        "LIMA, March 3, 2019 (Andina) - Deputy Foreign Minister Luis Vargas received Chilean Deputy Foreign "
        "Minister Pablo Soto in Lima on March 3. The Chilean delegation included Deputy Director "
        "Ana Reyes, who quoted the words of Deputy Minister Jorge Diaz about trade."
    )
    ex = extract(text)
    names = names_by_key(ex)
    [d] = ex.delegations
    assert names[d.head] == "Pablo Soto"
    assert [names[k] for k in d.members] == ["Ana Reyes"]


def _visit_of(extraction, name: str):
    keys = {o.key for o in extraction.officials if name in o.name}
    found = [d for d in extraction.delegations if d.head in keys]
    assert len(found) == 1, extraction.delegations
    return found[0]


ARRIVAL = (
    "date 2021-02-08\nSenator in Peru\n\n"
    "LIMA - Chilean Senate President Marta Rojas arrived in Lima{when} "
    "for a two day working visit to Peru.\n\n"
    "Rojas met Peruvian Foreign Minister Luis Vargas.\n"
)


def test_an_arrival_on_a_weekday_gives_the_start_and_an_n_day_visit_its_end():
    d = _visit_of(extract(ARRIVAL.format(when=" on Sunday")), "Rojas")
    assert (d.start, d.end) == (PartialDate(2021, 2, 7), PartialDate(2021, 2, 8))


def test_an_arrival_with_no_date_the_text_gives_leaves_the_start_empty():
    d = _visit_of(extract(ARRIVAL.format(when="")), "Rojas")
    assert d.start is None and d.end is None


@pytest.mark.parametrize(
    ("text", "visitor", "start", "end"),
    [
        pytest.param(
            "date 2013-03-07\nMinister tours France\n\n"
            "Canadian Minister of Fisheries Claire Dubois is visiting Lyon and Marseille on 8-9 March. "
            "The minister will also tour a port in the south.\n\n"
            "She will meet France's Budget Minister Paul Girard in Lyon.\n",
            "Dubois",
            PartialDate(2013, 3, 8),
            PartialDate(2013, 3, 9),
            id="a visit under way over a range of days",
        ),
        pytest.param(
            "date 2018-04-12\nSenator ends visit\n\n"
            "President of the Chilean Senate Marta Rojas concluded her three-day official visit "
            "to Peru on April 11.\n\n"
            "In Lima, Rojas also met Peruvian Prime Minister Luis Vargas.\n",
            "Rojas",
            PartialDate(2018, 4, 9),
            PartialDate(2018, 4, 11),
            id="a visit that ended on a day reaches back over its length",
        ),
        pytest.param(
            "date 2020-06-14\nSenators arrive\n\n"
            "Chile's parliamentary delegation led by Senator Marta Rojas arrived in Lima on Sunday "
            "for a three-day working visit.\n\n"
            "Rojas then met Peruvian Prime Minister Luis Vargas.\n",
            "Rojas",
            PartialDate(2020, 6, 14),
            PartialDate(2020, 6, 16),
            id="a delegation's arrival for an n-day visit gives its last day",
        ),
        pytest.param(
            "date 2024-10-18\nCrown princess leaves\n\n"
            "Norwegian Crown Princess Ingrid Solberg today flew home after concluding a four-day state "
            "visit to Chile.\n\n"
            "In Santiago, Solberg also met Chilean President Marta Rojas.\n",
            "Solberg",
            PartialDate(2024, 10, 15),
            PartialDate(2024, 10, 18),
            id="a visit ended today reaches back over its length",
        ),
        pytest.param(
            "date 2021-03-02\nMinister in Chile\n\n"
            "On March 1, Peruvian Defence Minister Luis Vargas began a working trip to Chile.\n\n"
            "It is a five-day trip, his first abroad this year.\n\n"
            "In Santiago, Vargas met Chilean President Marta Rojas.\n",
            "Vargas",
            PartialDate(2021, 3, 1),
            PartialDate(2021, 3, 5),
            id="a visit begun on a day, its length told after",
        ),
        pytest.param(
            "date 2019-09-10\nMinister starts tour\n\n"
            "Chilean Foreign Minister Marta Rojas started a three-day working visit to Peru on Monday.\n\n"
            "Rojas met Peruvian Prime Minister Luis Vargas in Lima.\n",
            "Rojas",
            PartialDate(2019, 9, 9),
            PartialDate(2019, 9, 11),
            id="a visit started on a weekday runs over its length",
        ),
        pytest.param(
            "date 2022-04-12\nPresident arrives\n\n"
            "Chilean President Marta Rojas arrived in Peru on Tuesday on a working visit.\n\n"
            "The Chilean leader will stay in Peru for three days.\n\n"
            "Rojas will meet Peruvian President Luis Vargas in Arequipa.\n",
            "Rojas",
            PartialDate(2022, 4, 12),
            PartialDate(2022, 4, 14),
            id="a stay for a number of days gives the last day",
        ),
        pytest.param(
            "date 2022-10-07\nTalks in Arequipa\n\n"
            "Peruvian Deputy Foreign Minister Luis Vargas and Chilean Assistant Secretary of State Olga Brandt "
            "held talks in Arequipa from Oct. 4 to 5, Peru's foreign ministry said on Wednesday.\n\n"
            "Brandt is on her first trip to Peru since taking office.\n",
            "Brandt",
            PartialDate(2022, 10, 4),
            PartialDate(2022, 10, 5),
            id="talks over a span of days give the visit its days",
        ),
        pytest.param(
            "date 2022-10-07\nTalks in Arequipa\n\n"
            "Peruvian Deputy Foreign Minister Luis Vargas held talks with the visiting Chilean Assistant "
            "Secretary of State Olga Brandt in Arequipa from Oct. 4 to 5.\n",
            "Brandt",
            PartialDate(2022, 10, 4),
            PartialDate(2022, 10, 5),
            id="a visiting guest's talks over a span of days",
        ),
        pytest.param(
            "date 2020-06-14\nSenator arrives\n\n"
            "Chilean Senator Marta Rojas arrived in Lima on Sunday to attend a four-day forum.\n\n"
            "Rojas then met Peruvian Prime Minister Luis Vargas.\n",
            "Rojas",
            PartialDate(2020, 6, 14),
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
        "date 2022-06-06\nPrime minister in Peru\n\n"
        "Canadian Prime Minister Tom Baxter arrived in Lima on Monday for a visit to Peru.\n\n"
        "Baxter was accompanied by Minister of Health Jane Holt, Minister of Tourism Sam Reid "
        "as well as Canadian Ambassador Ruth Lang.\n\n"
        "Baxter met Peruvian President Luis Vargas at the palace.\n"
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
        "date 2024-06-20\nPresident in Peru\n\n"
        "Chilean President Marta Rojas arrived in Peru on a working visit.\n\n"
        "Rojas praised the long friendship of the two nations.\n"
    )
    d = _visit_of(extract(text), "Rojas")
    assert (d.from_country, d.to_country, d.start, d.end) == ("CL", "PE", None, None)


def test_an_arrival_with_neither_a_day_nor_a_visit_is_none():
    text = (
        "date 2024-06-20\nPresident in Vietnam\n\n"
        "Russian President Ivan Petrov arrived in Vietnam.\n\nPetrov thanked his hosts.\n"
    )
    assert extract(text).delegations == []


def test_a_visiting_guest_named_with_his_country_is_on_a_visit_to_the_host_s_side():
    text = (
        "date 2022-03-05\nPresident holds talks\n\n"
        "President Maria Lopez of Chile on March 4 held talks with the visiting Saudi Arabian Crown "
        "Prince Faisal bin Khalid, who also chairs his country's investment council, on mining.\n\n"
        "Lopez later gave a dinner for the crown prince.\n"
    )
    ex = extract(text)
    guest = official(ex, "Faisal")
    assert (guest.name, guest.country, guest.titles[0]) == (
        "Faisal bin Khalid",
        "SA",
        "Saudi Arabian Crown Prince",
    )
    d = _visit_of(ex, "Faisal")
    assert (d.from_country, d.to_country) == ("SA", "CL")
    meeting = ex.meetings[0]
    assert meeting.delegation == d.key and "Chile" in meeting.place


def test_the_guest_received_during_his_visit_heads_the_visit_not_the_host():
    text = (
        "date 2022-07-07\nPresident receives minister\n\n"
        "On July 6, President Luis Vargas received Chilean Trade Minister Marta Rojas for a "
        "courtesy call during her stay in Peru.\n"
    )
    ex = extract(text)
    d = _visit_of(ex, "Rojas")
    assert (d.from_country, d.to_country) == ("CL", "PE")
    assert official(ex, "Luis Vargas").country == "PE"


def test_ministers_accompanying_a_visitor_are_of_his_country_though_the_text_leaves_them_unmarked():
    text = (
        "date 2022-06-06 Lima: Peruvian President Luis Vargas met Canadian Prime Minister Tom Reed "
        "at the palace on Monday, during Reed's working visit to Peru.\n\n"
        "Reed was accompanied by Minister of Health Jane Holt and Minister of Tourism Sam Price.\n"
    )
    ex = extract(text)
    assert {official(ex, n).country for n in ("Jane Holt", "Sam Price")} == {"CA"}
    assert {names_by_key(ex)[k] for k in _visit_of(ex, "Reed").members} == {"Jane Holt", "Sam Price"}


def test_the_verb_visited_with_a_city_is_a_visit_dated_by_its_sentence_and_the_dateline_alone_marks_the_home_side():
    text = (
        "date 2021-05-14 President visits Peru\n\nSANTIAGO\n\n"
        "Chilean President Marta Rojas visited Lima on May 14 at the invitation of Peruvian President "
        "Luis Vargas.\n\nRojas and Vargas witnessed the signing of four accords at the government palace.\n\n"
        "Minister of Mining Pablo Soto and Minister of Energy Ana Reyes also attended the signing.\n"
    )
    ex = extract(text)
    assert ex.dateline_place == "Santiago"
    d = _visit_of(ex, "Marta Rojas")
    assert (d.from_country, d.to_country, d.start) == ("CL", "PE", PartialDate(2021, 5, 14))
    assert "Lima" in d.place
    # the outlet leaves its own side unmarked: the ministers are of the dateline's country
    assert {official(ex, n).country for n in ("Pablo Soto", "Ana Reyes")} == {"CL"}


def test_a_visit_in_passing_with_the_verb_visited_is_not_read_from_history():
    text = (
        "date 2021-11-27\nTalks\n\nKAZAN (TASS) - Russian President Ivan Petrov met Chinese President Li Wen.\n\n"
        "Petrov had visited Beijing in 2019.\n"
    )
    assert [d.to_country for d in extract(text).delegations if d.primary] == ["RU"]  # Li Wen in Kazan


def test_a_visit_named_by_its_country_before_the_noun_and_an_arrival_in_a_long_country_name():
    ex = extract(
        "date 2023-06-05 Party chief holds talks\n\nVientiane (KPL) - Party General Secretary Somsak Vongsa met "
        "with Cuban party leader Jorge Marin, who is on a working Laos visit from June 4-6.\n"
    )
    d = _visit_of(ex, "Marin")
    assert (d.from_country, d.to_country, d.start, d.end) == (
        "CU",
        "LA",
        PartialDate(2023, 6, 4),
        PartialDate(2023, 6, 6),
    )
    ex = extract(
        "Translation.\n\nCuban Foreign Minister Jorge Marin arrived in the Lao People's Democratic Republic on an "
        "official visit.\n\nMarin praised the warm welcome.\n"
    )
    assert (_visit_of(ex, "Marin").to_country) == "LA"


def test_a_city_in_title_case_before_a_dash_is_the_dateline_and_places_a_reception():
    ex = extract(
        "12 June 2018\n\nA warm welcome for a neighbour\n\n"
        "Accra — The newly appointed Ugandan Prime Minister Joseph Kollie was on Tuesday afternoon officially received by "
        "President Kwame Mensah at Jubilee House.\n"
    )
    assert ex.dateline_place == "Accra"
    d = _visit_of(ex, "Kollie")
    assert (d.from_country, d.to_country) == ("UG", "GH")
    ex = extract(
        "12 June 2018\n\nA warm welcome for a neighbour\n\n"
        "Accra — The newly appointed Ugandan Prime Minister Joseph Kollie was on Tuesday afternoon officially received by "
        "President Kwame Mensah at Jubilee House.\n\nThe visiting Prime Minister, who arrived in Ghana on "
        "Monday at the beginning of a two-day working visit, inspected a guard of honour.\n"
    )
    d = _visit_of(ex, "Kollie")
    assert (d.start, d.end) == (PartialDate(2018, 6, 11), PartialDate(2018, 6, 12))
    (meeting,) = ex.meetings
    assert meeting.date == PartialDate(2018, 6, 12) and "Accra" in meeting.place


def test_the_day_of_a_call_before_a_visit_is_wrapped_up_is_not_its_last_day():
    text = (
        "date 2016-09-24\nPrime minister in Santiago\n\n"
        "Indian Prime Minister Raj Kumar visited Chilean leader Marta Rojas on Friday in Santiago, before wrapping up "
        "his state visit to the country.\n"
    )
    d = _visit_of(extract(text), "Raj Kumar")
    assert d.end is None
    assert not [e for e in extract(text).delegations if e.from_country == "CL"]


def test_each_visit_of_a_sentence_takes_the_date_of_its_own_clause():
    ex = extract(
        "date 2025-02-21\nEnvoys meet in Lima\n\n"
        "LIMA (Andina) - Deputy Foreign Minister Luis Vargas received Chilean Ambassador Marta Rojas on February 21.\n\n"
        "They reviewed the outcome of Chilean President Pablo Soto's working visit to Peru in March last year "
        "and Congress President Ana Flores's official trip to Chile in October.\n"
    )
    names = names_by_key(ex)
    visits = {names[d.head]: (d.primary, d.start, d.end) for d in ex.delegations}
    assert visits["Pablo Soto"] == (False, PartialDate(2024, 3), PartialDate(2024, 3))
    assert visits["Ana Flores"] == (False, PartialDate(2024, 10), PartialDate(2024, 10))


def test_a_visit_on_its_second_day_is_counted_back_from_the_publication_date():
    ex = extract(
        "date 2022-10-13\nPresident in Lima\n\n"
        "Chilean President Marta Rojas met Peruvian Congress President Ana Flores on October 13.\n\n"
        "Rojas is currently on the third day of her four-day visit to Peru.\n"
    )
    (d,) = ex.delegations
    assert (d.start, d.end) == (PartialDate(2022, 10, 11), PartialDate(2022, 10, 14))


def test_the_one_length_an_article_gives_is_its_visit_s():
    ex = extract(
        "date 2025-09-09\nSenator to visit Peru\n\n"
        "Chilean Senate President Marta Rojas will travel to Peru on Tuesday for "
        "trade talks, her office said.\n\n"
        "Rojas will see Peruvian President Luis Vargas during the four-day trip.\n"
    )
    (d,) = ex.delegations
    assert (d.start, d.end) == (PartialDate(2025, 9, 9), PartialDate(2025, 9, 12))


def test_a_body_named_before_its_delegation_without_an_article_sends_it():
    ex = extract(
        "LIMA, June 14, 2020 - Chile's National Congress delegation headed by Senator Marta Rojas arrived in "
        "Peru on Sunday for a three-day working visit.\n"
    )
    (visit,) = ex.delegations
    bodies = {o.key: o.name for o in ex.organizations}
    assert bodies[visit.sending_body] == "National Congress"
    assert official(ex, "Rojas").organization == visit.sending_body


def _visits(ex) -> list[tuple]:
    names = names_by_key(ex)
    return [(d.from_country, d.to_country, names.get(d.head)) for d in ex.delegations]


def test_a_head_accompanied_by_a_delegation_makes_the_visit_his():
    ex = extract(
        " date 2021-05-14 Foreign Minister Luis Vargas met with Vice President of Chile"
        " Marta Rojas on Friday.\n\nRojas, accompanied by a large business delegation, paid a working visit"
        " to Peru from May 12 to 15.\n"
    )
    (d,) = [d for d in ex.delegations if names_by_key(ex)[d.head] == "Marta Rojas"]
    assert (d.from_country, d.to_country) == ("CL", "PE")
    assert (d.start, d.end) == (PartialDate(2021, 5, 12), PartialDate(2021, 5, 15))


def test_delegation_level_talks_are_no_delegation():
    ex = extract(
        " date 2022-09-06 Indian Prime Minister Arun Mehta received Bangladeshi Prime Minister Rahima Khatun in"
        " New Delhi on Tuesday.\n\nThe signing was preceded by delegation-level talks led by Mehta and Khatun.\n"
    )
    assert _visits(ex) == [("BD", "IN", "Rahima Khatun")]


def test_plans_given_up_are_no_visit():
    ex = extract(
        " date 2021-05-10 Chilean Foreign Minister Ana Reyes will visit Peru this week.\n\n"
        "Her trip follows Chilean Mining Minister Pablo Soto's decision to scrap plans to visit Lima in March.\n"
    )
    assert "Pablo Soto" not in {head for *_, head in _visits(ex)}


def test_a_trip_to_a_continent_has_no_country():
    ex = extract(
        " date 2019-03-20 Chilean Trade Minister Marta Rojas has been on a ten-day trip to Asia since"
        " Monday.\n"
    )
    assert [to for _, to, _ in _visits(ex)] in ([], [None])


def test_people_meeting_their_counterparts_abroad_are_a_visit():
    ex = extract(
        " date 2021-05-10 Chilean Trade Minister Marta Rojas and Mining Minister Pablo Soto will meet"
        " their Peruvian counterparts in Lima on Tuesday.\n"
    )
    names = names_by_key(ex)
    (d,) = ex.delegations
    assert (d.from_country, d.to_country, names[d.head]) == ("CL", "PE", "Marta Rojas")
    assert [names[k] for k in d.members] == ["Pablo Soto"]


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
        " date 2023-04-17 President of the Chilean Senate Marta Rojas will visit Peru from"
        " April 17-20, local papers say.\n"
    )
    (d,) = ex.delegations
    assert (d.from_country, d.to_country) == ("CL", "PE")
    assert (d.start, d.end) == (PartialDate(2023, 4, 17), PartialDate(2023, 4, 20))


def test_a_courtesy_call_is_made_in_person():
    ex = extract(
        "LIMA, May 9 - Peruvian President Luis Vargas paid a courtesy call to Emir of Qatar"
        " Hamad Yousef Saleh here on Friday.\n"
    )
    assert ("QA", "PE", "Hamad Yousef Saleh") in _visits(ex)


def test_an_arrival_to_attend_a_summit_in_a_city_of_a_country_is_a_visit():
    ex = extract(
        " date 2019-11-15 Chilean President Marta Rojas arrived in the Peruvian city of Cusco on Friday"
        " to attend a meeting of the Andean trade bloc.\n"
    )
    (d,) = ex.delegations
    assert (d.from_country, d.to_country, names_by_key(ex)[d.head]) == ("CL", "PE", "Marta Rojas")
    assert d.start == PartialDate(2019, 11, 15)
    assert d.place.startswith("Cusco")


def test_those_accompanying_a_visitor_are_members_not_heads():
    ex = extract(
        " date 2021-04-13 Chilean President Marta Rojas arrived in Lima late on April 12.\n\n"
        "During her state visit to Peru, Chilean President Marta Rojas is accompanied by Chilean Trade"
        " Minister Pablo Soto and Mining Minister Ana Reyes.\n"
    )
    names = names_by_key(ex)
    (d,) = ex.delegations
    assert (d.from_country, d.to_country, names[d.head]) == ("CL", "PE", "Marta Rojas")
    assert [names[k] for k in d.members] == ["Pablo Soto", "Ana Reyes"]


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
        " date 2023-08-07 LIMA - Peru today held a ceremony to welcome Chilean President"
        " Marta Rojas who is on a three-day working visit to Peru.\n"
    )
    (d,) = ex.delegations
    assert (d.from_country, d.to_country) == ("CL", "PE")
    assert (d.start, d.end) == (PartialDate(2023, 8, 7), PartialDate(2023, 8, 9))


def test_a_clause_before_the_delegation_names_its_head():
    ex = extract(
        " date 2019-10-09 A delegation toured Chile this week.\n\nHeaded by Chen Hua, a deputy head of the"
        " Communist Party of China's Publicity Department, the delegation held talks with Chilean Deputy"
        " Ana Reyes and party chair Pablo Soto.\n"
    )
    assert _visits(ex) == [("CN", "CL", "Chen Hua")]


def test_a_head_named_later_leads_the_delegation_named_before():
    ex = extract(
        " date 2024-10-15 Chilean lawmaker Ana Reyes received a delegation from the Peru-Chile"
        " Friendship Group in Santiago on Tuesday.\n\nThe delegation, led by Senator Luis Vargas and"
        " Rosa Diaz, a member of the Peruvian Congress, came at the invitation of the Chile-Peru Friendship"
        " Group of the Chilean Senate to attend a forum.\n"
    )
    assert _visits(ex) == [("PE", "CL", "Luis Vargas")]
    assert [names_by_key(ex)[k] for k in ex.delegations[0].members] == ["Rosa Diaz"]


def test_a_delegation_of_the_dateline_country_with_no_journey_is_the_hosts_side():
    ex = extract(
        " date 2025-11-11 Lima: A Communist Party of China delegation, led by Chinese Vice Minister"
        " Chen Hua, called at the headquarters of Peru's ruling party here on Monday.\n\nAt the talks, a Peruvian"
        " party delegation headed by party secretary general Luis Vargas reviewed ways to deepen exchanges"
        " between the two parties.\n"
    )
    assert _visits(ex) == [("CN", "PE", "Chen Hua")]


def test_a_delegation_with_an_acronym_in_brackets_keeps_its_days_from_monday_to_wednesday():
    ex = extract(
        "SANTIAGO, October 10, 2019 (EFE) -- A Communist Party of Vietnam (CPV) delegation paid a visit to"
        " Chile from Monday to Thursday to deepen ties between the two parties.\n\n"
        "Headed by Tran Van Khoa, a deputy head of the party's External Relations Commission, the delegation saw"
        " Senator Pablo Soto of Chile.\n"
    )
    names = names_by_key(ex)
    (d,) = ex.delegations
    assert (d.from_country, d.to_country, names[d.head]) == ("VN", "CL", "Tran Van Khoa")
    assert (d.start, d.end) == (PartialDate(2019, 10, 7), PartialDate(2019, 10, 10))


def test_a_visit_that_ended_on_a_day_counts_back_its_length():
    ex = extract(
        "LIMA, March 12, 2018 (Reuters) - A Communist Party of Vietnam delegation toured Peru last"
        " week.\n\n"
        "During the five-day trip that ended Friday, the delegation, led by Tran Van Khoa, a deputy head of"
        " the party's External Relations Commission, held talks with several Peruvian parties.\n"
    )
    (d,) = [d for d in ex.delegations if d.to_country == "PE"]
    assert (d.start, d.end) == (PartialDate(2018, 3, 5), PartialDate(2018, 3, 9))


def test_a_trip_starting_on_a_weekday_that_is_still_planned_starts_on_the_next_one():
    ex = extract(
        "OTTAWA, May 14, 2025 (CP) - Canadian Trade Minister Claire Dubois said Wednesday that she plans"
        " to visit Mexico City next week.\n\n"
        "Dubois told reporters that she plans to sign two accords during her four-day trip"
        " starting Monday.\n"
    )
    (d,) = ex.delegations
    assert (d.to_country, d.start, d.end) == ("MX", PartialDate(2025, 5, 19), PartialDate(2025, 5, 22))


def test_a_visitor_described_by_his_country_dates_the_visit_he_makes():
    ex = extract(
        "LIMA, June 3, 2018 (Andina) - Congress President Ana Flores and President of the Chilean"
        " Senate Marta Rojas held talks in Lima on June 3.\n\n"
        "The talks came after a dinner for the Chilean senior senator, who is on a working visit"
        " to Peru from June 2-5.\n"
    )
    names = names_by_key(ex)
    (d,) = ex.delegations
    assert (d.from_country, d.to_country, names[d.head]) == ("CL", "PE", "Marta Rojas")
    assert (d.start, d.end) == (PartialDate(2018, 6, 2), PartialDate(2018, 6, 5))


def test_one_head_travelling_to_two_countries_makes_two_visits():
    ex = extract(
        "LIMA, May 9, 2024 (EFE) - Chilean President Marta Rojas arrived in Peru on a working visit on"
        " Thursday, following a three-day state trip to Bolivia.\n\n"
        "Rojas then met Peruvian President Luis Vargas in Lima.\n"
    )
    assert set(_visits(ex)) == {("CL", "PE", "Marta Rojas"), ("CL", "BO", "Marta Rojas")}
    assert next(o for o in ex.officials if o.name == "Marta Rojas").country == "CL"


def test_a_tour_begun_by_visiting_a_country_is_a_visit_there():
    ex = extract(
        "SANTIAGO, March 2, 2022 (EFE) - Chilean President Marta Rojas opened her tour of the Andes by"
        " visiting the Republic of Peru, with stops in two more Andean nations planned for next week.\n"
    )
    assert _visits(ex) == [("CL", "PE", "Marta Rojas")]


def test_an_arrival_after_a_delegation_that_only_speaks_is_the_named_visitors():
    ex = extract(
        "LIMA, August 14, 2021 (EFE) - The visiting Canadian delegation talked of Trade Minister Claire Dubois's"
        " stops in Quito and Bogota before the Canadian trade minister arrived in Peru on Friday on her"
        " three-nation tour of the region.\n"
    )
    names = names_by_key(ex)
    (d,) = ex.delegations
    assert (d.from_country, d.to_country, names[d.head], d.start) == (
        "CA",
        "PE",
        "Claire Dubois",
        PartialDate(2021, 8, 13),
    )


def test_a_visit_named_by_its_visitor_alone_is_a_visit_to_the_other_side():
    ex = extract(
        "LIMA, May 19, 2021 (EFE) - Peruvian Foreign Minister Luis Vargas met Chilean Foreign Minister Ana"
        " Reyes at the Torre Tagle Palace in Lima.\n\n"
        "The Peruvian ministry said in a statement that trade ties would be on the agenda during Reyes's"
        " visit.\n"
    )
    assert _visits(ex) == [("CL", "PE", "Ana Reyes")]


def test_a_delegation_named_before_its_head_keeps_its_arrival_day():
    ex = extract(
        "SANTIAGO, September 3, 2024 (EFE) - A delegation of the governing party of Chile arrived in Lima on"
        " Tuesday, September 3, for a 6-day visit.\n\n"
        "The delegation was headed by party president Marta Rojas.\n"
    )
    names = names_by_key(ex)
    (d,) = ex.delegations
    assert (d.from_country, d.to_country, names[d.head]) == ("CL", "PE", "Marta Rojas")
    assert (d.start, d.end) == (PartialDate(2024, 9, 3), PartialDate(2024, 9, 8))


def test_a_call_on_a_host_is_a_visit_to_his_country_when_the_text_names_no_place():
    ex = extract(
        "Prime Minister meets British ministers\n\n"
        "British Foreign Secretary John Harris and Chancellor of the Exchequer Tom Baker called on the Prime"
        " Minister of India Raj Kumar on Monday.\n"
    )
    assert _visits(ex) == [("GB", "IN", "John Harris")]


def test_a_host_who_travelled_elsewhere_still_receives_his_guests_at_home():
    ex = extract(
        "Peruvian President Luis Vargas visited Chile from March 3-4, where he met Chilean"
        " President Marta Rojas.\n\n"
        "On February 10, President Luis Vargas received Bolivian deputy foreign minister Evo Quispe.\n"
    )
    assert ("BO", "PE", "Evo Quispe") in _visits(ex)


def test_a_gift_received_from_a_leader_is_no_reception():
    ex = extract(
        "Peruvian President Luis Vargas said he would not offer Chilean President Marta Rojas the guarantee"
        " that Rojas received from Bolivian leader Evo Quispe.\n"
    )
    assert not [d for d in ex.delegations if d.to_country == "CL"]


def test_a_trip_named_by_its_visitor_and_its_place_goes_there():
    ex = extract(
        "Russian President Ivan Petrov signed a defence deal with a neighbour on Wednesday.\n\n"
        "Old ties are in focus on Petrov's Vietnam trip, analysts said.\n"
    )
    assert _visits(ex) == [("RU", "VN", "Ivan Petrov")]


def test_a_delegation_named_in_passing_before_its_head_still_gives_its_sending_body():
    ex = extract(
        "LIMA, March 12, 2018 (Reuters) - A delegation of senior cadres of the governing Communist Party"
        " of Vietnam (CPV), which visited Peru last week, told Peruvian parties about its reform plans.\n\n"
        "During the trip, the delegation, led by Tran Van Khoa, a deputy head of the party's External"
        " Relations Commission, held talks with several Peruvian parties.\n"
    )
    bodies = {o.key: o.name for o in ex.organizations}
    (d,) = [d for d in ex.delegations if d.to_country == "PE"]
    assert bodies[d.sending_body] == "Communist Party of Vietnam"


def test_an_official_who_joined_the_delegation_is_one_of_its_members():
    ex = extract(
        "LIMA, May 5, 2026 (EFE) - A Communist Party of Vietnam delegation led by Vice Minister"
        " Tran Van Khoa is on a visit to Peru from May 4-8.\n\n"
        "Vietnamese Deputy Minister Le Thi Hoa also joined the CPV delegation, she said.\n"
    )
    names = names_by_key(ex)
    (d,) = ex.delegations
    assert (names[d.head], [names[k] for k in d.members]) == ("Tran Van Khoa", ["Le Thi Hoa"])


def test_a_delegation_that_will_wrap_up_its_visit_on_a_day_ends_it_then():
    ex = extract(
        "LISBON, June 8, 2025 (Lusa) - The Brazilian parliamentary delegation, led by Paulo Mendes, was"
        " greeted in Lisbon by Portuguese deputy Rui Costa on its arrival.\n\n"
        "The delegation will wrap up its stay in Lisbon on June 9.\n"
    )
    (d,) = [d for d in ex.delegations if d.to_country == "PT"]
    assert d.end == PartialDate(2025, 6, 9)


def test_a_dateline_that_names_its_country_places_the_story_in_that_country():
    ex = extract(
        "Published : March 3, 2016\n\n"
        "BALI, Indonesia, March 3 (Reuters) -- Chilean Foreign Minister Rosa Diaz held talks with her Peruvian "
        "counterpart Pablo Soto in Bali on Thursday, on the sidelines of a regional forum.\n"
    )
    assert ex.dateline_place == "Bali"
    (meeting,) = ex.meetings
    assert meeting.place == "Bali, Indonesia"
    assert {(d.from_country, d.to_country) for d in ex.delegations} <= {("CL", "ID"), ("PE", "ID")}
    assert {o.country for o in ex.officials} == {"CL", "PE"}


@pytest.mark.parametrize(
    "text",
    [
        "On March 3, 2016, Premier Chen Hao, who was visiting Kenya, met separately with President Amina "
        "Otieno of Ghana and President Kofi Mensah of Togo.\n",
        "Prime Minister of China Chen Hao, who is visiting Nairobi, Kenya to attend a regional forum, held "
        "talks there with President Amina Otieno of Ghana.\n",
    ],
)
def test_a_visitor_described_by_his_visit_is_on_one(text):
    ex = extract(text)
    names = names_by_key(ex)
    assert ("Chen Hao", "KE") in {(names[d.head], d.to_country) for d in ex.delegations}


def test_those_on_the_visitors_side_at_a_meeting_are_members_and_the_hosts_no_delegation():
    ex = extract(
        "date 2019-05-04\nLeaders meet\n\n"
        "On May 4, Mr. Chen Hao, Premier of China, who is visiting Nairobi, Kenya to attend a regional "
        "forum, held a meeting there with Ms. Amina Otieno, President of Ghana. Attending the meeting on "
        "the Chinese side were Mr. Li Wen, Vice Minister of Commerce, and others. Attending the meeting on "
        "the Ghanaian side were Mr. Kofi Mensah, Minister for Trade, and others.\n"
    )
    names = names_by_key(ex)
    assert [(names[d.head], d.to_country, [names[k] for k in d.members]) for d in ex.delegations] == [
        ("Chen Hao", "KE", ["Li Wen"])
    ]


def test_the_former_s_visit_is_the_first_named_s():
    ex = extract(
        "date 2019-05-04\nProvinces meet\n\n"
        "The talks took place between Peruvian Governor Ana Ruiz of Cusco and Chilean Governor Pablo Soto, as "
        "part of the former's visit to the Chilean region from May 2 to 6.\n"
    )
    names = names_by_key(ex)
    assert [(names[d.head], d.to_country) for d in ex.delegations] == [("Ana Ruiz", "CL")]


def test_those_accompanying_a_visitor_named_by_a_pronoun_are_members():
    ex = extract(
        "date 2019-05-06\nPeruvian leader in Chile\n\n"
        "Peruvian Prime Minister Ana Ruiz arrived in Santiago on Monday for a state visit to Chile. She is "
        "accompanied by Foreign Minister Pablo Soto, Trade Minister Luis Vega and other officials.\n"
    )
    names = names_by_key(ex)
    [d] = ex.delegations
    assert names[d.head] == "Ana Ruiz" and {names[k] for k in d.members} == {"Pablo Soto", "Luis Vega"}


def test_a_visit_in_passing_dated_by_a_year_alone_spans_that_year():
    ex = extract(
        "date 2020-12-22\nMinisters meet\n\n"
        "Chilean Foreign Minister Marta Rojas met Peruvian Foreign Minister Luis Vargas in Lima on Tuesday.\n\n"
        "Peruvian President Ana Ruiz had paid a state visit to Chile in 2017.\n"
    )
    d = _visit_of(ex, "Ana Ruiz")
    assert (d.start, d.end, d.primary) == (PartialDate(2017), PartialDate(2017), False)


def test_a_year_in_a_remark_on_an_earlier_visit_does_not_date_the_visit_reported():
    ex = extract(
        "date 2024-07-08\nPresident in Peru\n\n"
        "Chilean President Marta Rojas arrived in Lima on Monday for a two-day state visit.\n\n"
        "It is her first visit to Peru since a brief stop in Cusco in 2019.\n"
    )
    d = _visit_of(ex, "Rojas")
    assert (d.start, d.end, d.primary) == (PartialDate(2024, 7, 8), PartialDate(2024, 7, 9), True)


def test_a_spouse_named_with_the_visitor_does_not_take_the_visit_s_days():
    ex = extract(
        "date 2023-08-03\nKing in Peru\n\n"
        "Norwegian King Harald Olsen and his wife, Queen Sonja Berg, landed in Lima on Wednesday to begin a "
        "three-day state visit to Peru.\n\n"
        "Olsen met Peruvian President Luis Vargas at the palace.\n"
    )
    d = _visit_of(ex, "Harald Olsen")
    assert (d.start, d.end) == (PartialDate(2023, 8, 2), PartialDate(2023, 8, 4))


@pytest.mark.parametrize(
    ("text", "head", "way"),
    [
        pytest.param(
            "date 2021-05-12\nParty forum in Lima\n\n"
            "A delegation of the Communist Party of Chile attended a seminar on labour law held by the Peruvian "
            "Workers Party in Lima on May 11.\n\n"
            "Speaking at the seminar, Head of the Chilean delegation, Marta Rojas, who is a deputy chief of "
            "the party's Commission for Training, praised the hosts.\n",
            "Marta Rojas",
            ("CL", "PE"),
            id="the head of the delegation named after the title",
        ),
        pytest.param(
            "date 2021-05-12\nForum in Lima\n\n"
            "Marta Rojas, head of the Chilean delegation, told the forum in Lima on Tuesday that seasonal "
            "workers need better contracts.\n",
            "Marta Rojas",
            ("CL", "PE"),
            id="the head of the delegation named before the title",
        ),
    ],
)
def test_the_head_of_a_delegation_named_by_the_title(text, head, way):
    ex = extract(text)
    names = names_by_key(ex)
    assert (head, *way) in {(names.get(d.head), d.from_country, d.to_country) for d in ex.delegations}


def test_led_by_after_another_body_set_off_by_commas_is_that_body_s_leader():
    ex = extract(
        "date 2023-03-08\nParty talks in Nairobi\n\n"
        "A delegation of the Communist Party of China led by Chen Hao arrived in Nairobi on Monday.\n\n"
        "During the talks with the Chinese delegation, the Kenya Progress Party, led by President Amina "
        "Otieno, was represented by its chairman Kofi Mensah.\n"
    )
    names = names_by_key(ex)
    assert {names.get(d.head) for d in ex.delegations} == {"Chen Hao"}


def test_a_region_sending_a_delegation_is_its_sending_body():
    ex = extract(
        "date 2024-02-06\nGovernor in Hanoi\n\n"
        "A delegation from Russia's Tomsk region led by its Governor Ivan Petrov visited Hanoi on February 5 "
        "to discuss trade in timber.\n"
    )
    bodies = {o.key: o for o in ex.organizations}
    [d] = ex.delegations
    assert (d.from_country, d.to_country) == ("RU", "VN")
    assert (bodies[d.sending_body].name, bodies[d.sending_body].country) == ("Tomsk region", "RU")


@pytest.mark.parametrize(
    "said",
    [
        "Petrov said that last March, the region's business leaders visited Vietnam for a timber fair.",
        "Petrov noted that in 2019 the region's business leaders visited Laos.",
    ],
)
def test_a_visit_a_speaker_reports_of_others_is_not_his(said):
    ex = extract(
        "date 2024-05-20\nGovernor in Hanoi\n\n"
        "Governor of the Tomsk region Ivan Petrov is on a working visit to Vietnam.\n\n" + said + "\n"
    )
    names = names_by_key(ex)
    [d] = ex.delegations
    assert (names[d.head], d.to_country, d.start, d.primary) == ("Ivan Petrov", "VN", None, True)


@pytest.mark.parametrize(
    ("text", "head", "days"),
    [
        pytest.param(
            "date 2024-03-07\nMinister in Peru\n\n"
            "Chilean Foreign Minister Marta Rojas Thursday arrived in Lima on a three-day official visit to "
            "Peru.\n",
            "Marta Rojas",
            (PartialDate(2024, 3, 7), PartialDate(2024, 3, 9)),
            id="the weekday between the visitor and the verb",
        ),
        pytest.param(
            "date 2024-03-08\nPresident in Peru\n\n"
            "Earlier Thursday, Chilean President Pablo Soto arrived in Peru on a state visit, coming from "
            "a short stop in Bolivia.\n",
            "Pablo Soto",
            (PartialDate(2024, 3, 7), None),
            id="the weekday fronted before the visitor",
        ),
        pytest.param(
            "date 2024-03-08\nPresident in Peru\n\n"
            "Chilean President Pablo Soto arrives in Peru; to see President Luis Vargas next week\n\n"
            "Soto will open a trade fair in Lima during the three-day trip.\n",
            "Pablo Soto",
            (PartialDate(2024, 3, 8), PartialDate(2024, 3, 10)),
            id="a headline's present tense is the day of the report",
        ),
    ],
)
def test_an_arrival_dates_the_visit_told_around_its_verb(text, head, days):
    d = _visit_of(extract(text), head)
    assert (d.start, d.end) == days


def test_an_arrival_in_a_clause_of_time_is_not_dated_by_the_report():
    ex = extract(
        "date 2024-03-08\nPresident in Peru\n\n"
        "Chilean President Pablo Soto will meet President Luis Vargas in Lima when he arrives in Peru.\n"
    )
    assert all(d.start is None for d in ex.delegations)


@pytest.mark.parametrize(
    ("text", "head", "days"),
    [
        pytest.param(
            "date 2024-06-11\nPremier in Chile\n\n"
            "Peruvian Premier Luis Vargas, who is on an official visit to Chile, met Chilean President "
            "Marta Rojas on Tuesday.\n\n"
            "Vargas had flown out for Santiago on Monday. He is due to return home on Wednesday morning.\n",
            "Luis Vargas",
            (None, PartialDate(2024, 6, 12)),
            id="going home on a day ends the visit",
        ),
        pytest.param(
            "date 2024-06-11\nPremier in Chile\n\n"
            "Peruvian Premier Luis Vargas, who is on an official visit to Chile, met Chilean President "
            "Marta Rojas on Tuesday.\n\n"
            "Vargas left for Santiago on Monday with three ministers.\n",
            "Luis Vargas",
            (PartialDate(2024, 6, 10), None),
            id="leaving for a city of the country visited begins the visit",
        ),
        pytest.param(
            "date 2024-06-11\nPremier in Chile\n\n"
            "Peruvian Premier Luis Vargas, who is on an official visit to Chile, met Chilean President "
            "Marta Rojas on Tuesday.\n\n"
            "Vargas leaves Wednesday for Argentina, the second stop of his regional tour.\n",
            "Luis Vargas",
            (None, PartialDate(2024, 6, 12)),
            id="leaving for another country ends the visit",
        ),
        pytest.param(
            "date 2024-06-11\nPremier in Chile\n\n"
            "Peruvian Premier Luis Vargas, who is on an official visit to Chile, will hold talks with Chilean "
            "President Marta Rojas on Wednesday afternoon. He will leave for Buenos Aires later in the "
            "evening.\n",
            "Luis Vargas",
            (None, PartialDate(2024, 6, 12)),
            id="leaving later that day ends the visit on the day before",
        ),
    ],
)
def test_a_visitor_leaving_begins_or_ends_his_visit(text, head, days):
    d = _visit_of(extract(text), head)
    assert (d.start, d.end) == days


def _visits_of(text: str) -> list[tuple]:
    ex = extract(text)
    names = names_by_key(ex)
    return [
        (names.get(d.head), d.from_country, d.to_country, d.start and d.start.iso(), d.end and d.end.iso())
        for d in ex.delegations
    ]


@pytest.mark.parametrize(
    ("text", "visit"),
    [
        (
            "TOKYO, Oct 22, 2019 (Agency) - Polish President Jan Kowalski is in Tokyo to attend the"
            " enthronement ceremony.",
            ("Jan Kowalski", "PL", "JP", None, None),
        ),
        (
            "ROME, July 5, 2022 (Agency) - Egyptian Prime Minister Hassan Farouk is in Rome on a two-day"
            " official visit.",
            ("Hassan Farouk", "EG", "IT", None, None),
        ),
        (
            "VILNIUS, April 7, 2022 (Agency) - Canadian Defence Minister Sarah Collins is in Vilnius for"
            " meetings with Lithuanian defence officials.",
            ("Sarah Collins", "CA", "LT", None, None),
        ),
        (
            "ULAANBAATAR, Sept 1, 2023 (Agency) - Korean Foreign Minister Park Jin-ho, who is in Mongolia on"
            " a three-day visit, met Mongolian Prime Minister Luvsan Bat-Erdene on Friday.",
            ("Park Jin-ho", "KR", "MN", None, None),
        ),
    ],
)
def test_a_visitor_is_in_a_well_known_place_for_a_purpose(text, visit):
    assert _visits_of(text) == [visit]


def test_a_stay_told_in_the_past_with_no_day_is_another_earlier_one():
    text = (
        "QUITO, May 2, 2023 (Agency) - Bolivian Minister of Mines Rene Quispe said he was in Lima in"
        " 2019 for talks on lithium."
    )
    assert _visits_of(text) == []


@pytest.mark.parametrize(
    ("text", "visit"),
    [
        (
            "ANKARA, Jan 20, 2023 (Agency) - Speaking during a visit to Ankara, Hungarian Foreign Minister"
            " Peter Kovacs said energy ties were vital.",
            ("Peter Kovacs", "HU", "TR", None, None),
        ),
        (
            "HANOI, March 2, 2023 (Agency) - On a visit to Hanoi, Danish Development Minister Lars Nielsen"
            " announced new funding for clean energy.",
            ("Lars Nielsen", "DK", "VN", None, None),
        ),
        (
            "During a visit to Seoul on Thursday, Australian Trade Minister Mark Hughes said the two"
            " countries would expand trade.",
            ("Mark Hughes", "AU", "KR", None, None),
        ),
    ],
)
def test_a_visit_in_a_clause_before_its_visitor(text, visit):
    assert _visits_of(text) == [visit]


@pytest.mark.parametrize(
    ("text", "visit"),
    [
        (
            "MEXICO CITY, Jan 10, 2023 (Agency) - Mexican President Ana Torres left for Guatemala on Sunday"
            " for a two-day state visit.",
            ("Ana Torres", "MX", "GT", "2023-01-08", "2023-01-09"),
        ),
        (
            "ABUJA, May 16, 2023 (Agency) - Nigerian Foreign Minister Yusuf Bello headed to Accra on Monday"
            " for talks with Ghanaian officials.",
            ("Yusuf Bello", "NG", "GH", "2023-05-15", None),
        ),
        (
            "BRUSSELS, March 8, 2023 (Agency) - Ukrainian Prime Minister Oleh Bondar travelled to Brussels"
            " on Tuesday for talks with EU officials.",
            ("Oleh Bondar", "UA", "BE", "2023-03-07", None),
        ),
    ],
)
def test_a_visitor_sets_out_for_a_place_told_what_for(text, visit):
    assert _visits_of(text) == [visit]


def test_setting_out_with_no_purpose_told_is_no_visit():
    text = "Tunisian Foreign Minister Salma Ayari left for Geneva on Sunday."
    assert _visits_of(text) == []


@pytest.mark.parametrize(
    ("text", "visit"),
    [
        (
            "NAIROBI, Sept 11, 2023 (Agency) - Indian External Affairs Minister Ravi Menon touched down in"
            " Nairobi on Sunday at the start of a three-day visit.",
            ("Ravi Menon", "IN", "KE", "2023-09-10", "2023-09-12"),
        ),
        (
            "STOCKHOLM, Oct 3, 2023 (Agency) - Swedish Prime Minister Karl Lindqvist is due in Warsaw on"
            " Wednesday for talks with Polish leaders.",
            ("Karl Lindqvist", "SE", "PL", "2023-10-04", None),
        ),
        (
            "MANILA, Feb 6, 2023 (Agency) - Philippine President Maria Santos is set to arrive in Jakarta on"
            " Tuesday for a state visit.",
            ("Maria Santos", "PH", "ID", "2023-02-07", None),
        ),
    ],
)
def test_an_arrival_touching_down_or_to_come(text, visit):
    assert _visits_of(text) == [visit]


def test_a_party_delegation_headed_by_an_untitled_name():
    text = (
        "A delegation of the Socialist Party of Chile headed by Marta Fuentes is paying a working visit"
        " to Portugal."
    )
    assert _visits_of(text) == [("Marta Fuentes", "CL", "PT", None, None)]


@pytest.mark.parametrize(
    ("text", "visit"),
    [
        (
            "BRASILIA, Nov 14, 2022 (Agency) - Indonesian Trade Minister Budi Santoso is visiting Brazil this"
            " week to promote exports.",
            ("Budi Santoso", "ID", "BR", None, None),
        ),
        (
            "Estonian Defence Minister Kaja Rebane is visiting Norway, her ministry said.",
            ("Kaja Rebane", "EE", "NO", None, None),
        ),
    ],
)
def test_a_visit_under_way_with_no_day_told(text, visit):
    assert _visits_of(text) == [visit]


def test_a_visit_under_way_to_a_little_known_place_needs_its_day():
    assert _visits_of("Chilean Senator Rosa Vidal is visiting Springfield, her office said.") == []


@pytest.mark.parametrize(
    ("text", "visit"),
    [
        (
            "ADDIS ABABA, Jan 9, 2023 (Agency) - Chinese Foreign Minister Li Wen embarked on a tour of Africa"
            " on Monday, starting with Ethiopia.",
            ("Li Wen", "CN", "ET", "2023-01-09", None),
        ),
        (
            "SINGAPORE, July 28, 2023 (Agency) - US Secretary of State John Miller made a stop in Singapore"
            " on Friday during his Asia tour.",
            ("John Miller", "US", "SG", "2023-07-28", None),
        ),
        (
            "The first leg of Finnish President Aino Laine's Asian tour is in Vietnam.",
            ("Aino Laine", "FI", "VN", None, None),
        ),
    ],
)
def test_a_stop_of_a_tour_is_a_visit_there(text, visit):
    assert _visits_of(text) == [visit]


def test_a_visit_told_by_a_pronoun_is_placed_by_the_dateline():
    text = (
        "BAKU, April 4, 2023 (Agency) - Georgian Prime Minister Giorgi Beridze signed five agreements during"
        " his visit on Tuesday."
    )
    assert [v[:3] for v in _visits_of(text)] == [("Giorgi Beridze", "GE", "AZ")]


def test_talks_with_a_country_s_officials_are_a_visit_there():
    text = (
        "ASTANA, Oct 5, 2023 (Agency) - Turkish Foreign Minister Emre Yilmaz began talks with Kazakh"
        " officials on Thursday."
    )
    assert _visits_of(text) == [("Emre Yilmaz", "TR", "KZ", None, None)]


@pytest.mark.parametrize(
    "text",
    [
        "Turkish Foreign Minister Emre Yilmaz held talks with Turkish officials on Thursday.",
        "Kazakh Foreign Minister Aibek Nurlan held talks by phone with Turkish officials on Thursday.",
    ],
)
def test_talks_with_officials_of_one_s_own_country_or_by_phone_are_no_visit(text):
    assert _visits_of(text) == []


def _visit_of(ex, token: str):
    names = names_by_key(ex)
    return next(d for d in ex.delegations if d.head and token in names[d.head])


@pytest.mark.parametrize(
    "text,start,end",
    [
        (
            "BUCHAREST, Oct 12, 2022 (Agency) - Moldovan Foreign Minister Ion Rusu arrived in Bucharest on"
            " Monday for talks with Romanian officials. He left on Wednesday after meeting President Mihai Stan.",
            "2022-10-10",
            "2022-10-12",
        ),
        (
            "ROME, March 10, 2022 (Agency) - Croatian Prime Minister Ante Kovac arrived in Rome on March 8 and"
            " left on March 10.",
            "2022-03-08",
            "2022-03-10",
        ),
        (
            "NEW DELHI, Aug 9, 2022 (Agency) - Vietnamese Foreign Minister Le Quang Hai began a visit to India"
            " in New Delhi on August 7. On August 9 he travelled to Mumbai, where he met business leaders,"
            " before flying home on August 10.",
            "2022-08-07",
            "2022-08-10",
        ),
    ],
)
def test_a_visitor_leaving_on_a_day_ends_the_visit(text, start, end):
    d = _visit_of(extract(text), "")
    assert (d.start.iso(), d.end.iso()) == (start, end)


def test_leaving_home_on_a_day_ends_no_visit():
    ex = extract(
        "OSLO, June 3, 2023 (Agency) - Swedish Prime Minister Lars Holm arrived in Oslo on June 1 for"
        " talks. Holm had left Stockholm on June 1 in the morning."
    )
    d = _visit_of(ex, "Holm")
    assert (d.start.iso(), d.end) == ("2023-06-01", None)


@pytest.mark.parametrize(
    "verb",
    [
        "arrived in Harare on Tuesday for a two-day state visit",
        "paid a state visit to Zimbabwe on March 14-15",
    ],
)
def test_those_accompanying_a_subject_between_commas_are_members_not_the_head(verb):
    ex = extract(
        "HARARE, March 14, 2023 (Agency) - Zambian President Joseph Banda, accompanied by Foreign Minister"
        f" Grace Phiri and Finance Minister Peter Mulenga, {verb}."
    )
    names = names_by_key(ex)
    (d,) = ex.delegations
    assert (names[d.head], d.from_country, d.to_country) == ("Joseph Banda", "ZM", "ZW")
    assert {names[k] for k in d.members} == {"Grace Phiri", "Peter Mulenga"}
    assert (d.start.iso(), d.end.iso()) == ("2023-03-14", "2023-03-15")


def test_an_arrival_to_come_dates_the_visit_by_the_next_weekday():
    ex = extract(
        "JAKARTA, Jan 8, 2024 (Agency) - Malaysian Prime Minister Anwar Zainal will arrive in Jakarta on"
        " Wednesday for a two-day official visit to Indonesia."
    )
    d = _visit_of(ex, "Zainal")
    assert (d.from_country, d.to_country, d.start.iso(), d.end.iso()) == (
        "MY",
        "ID",
        "2024-01-10",
        "2024-01-11",
    )


def test_a_delegation_arriving_in_a_city_for_a_visit_to_its_country_is_placed_in_the_city():
    ex = extract(
        "DHAKA, Feb 14, 2024 (Agency) - A delegation from the Ministry of Commerce of Sri Lanka led by"
        " Minister Nimal Perera arrived in Dhaka on Tuesday for a three-day visit to Bangladesh."
    )
    d = _visit_of(ex, "Perera")
    assert (d.place, d.start.iso(), d.end.iso()) == ("Dhaka, Bangladesh", "2024-02-13", "2024-02-15")


@pytest.mark.parametrize(
    "text,start,end",
    [
        ("paid a one-day visit to Qatar on Sunday.", "2023-03-05", "2023-03-05"),
        ("paid an official visit to Qatar on Sunday.", "2023-03-05", None),
        # the day of a meeting in another clause is no day of the visit
        ("who paid an official visit to Qatar, met Emir Tamim Hamad on Sunday.", None, None),
    ],
)
def test_a_visit_paid_on_a_day_starts_on_it(text, start, end):
    ex = extract(f"DOHA, March 5, 2023 (Agency) - Omani Foreign Minister Badr Said {text}")
    d = _visit_of(ex, "Said")
    assert (d.start and d.start.iso(), d.end and d.end.iso()) == (start, end)


def test_a_visit_that_began_on_a_day_and_will_end_on_another():
    ex = extract(
        "MADRID, 18 April 2023 (Agency) - The state visit of Portuguese President Joao Neves to Spain began"
        " on 17 April and will end on 19 April."
    )
    d = _visit_of(ex, "Neves")
    assert (d.from_country, d.to_country, d.start.iso(), d.end.iso()) == (
        "PT",
        "ES",
        "2023-04-17",
        "2023-04-19",
    )


def test_a_delegation_comprising_members_is_led_by_its_head():
    ex = extract(
        "WELLINGTON, Aug 14, 2023 (Agency) - Fijian Prime Minister Jone Vatu leads a delegation comprising"
        " Trade Minister Mere Tora and Tourism Minister Sam Rika on a visit to New Zealand from August 13 to 16."
    )
    names = names_by_key(ex)
    (d,) = ex.delegations
    assert names[d.head] == "Jone Vatu"
    assert {names[k] for k in d.members} == {"Mere Tora", "Sam Rika"}


@pytest.mark.parametrize(
    "text,code,start,end",
    [
        (
            "ADDIS ABABA, 25 April 2022 (Agency) - Djiboutian Prime Minister Ali Hassan arrived here today on a"
            " three-day official visit to Ethiopia.",
            "DJ",
            "2022-04-25",
            "2022-04-27",
        ),
        (
            "ACCRA, Feb 9, 2023 (Agency) - Liberian President George Kollie left Accra for home on Thursday at"
            " the end of a three-day state visit to Ghana.",
            "LR",
            "2023-02-07",
            "2023-02-09",
        ),
    ],
)
def test_a_visitor_of_a_smaller_country_named_by_its_adjective(text, code, start, end):
    (d,) = extract(text).delegations
    assert (d.from_country, d.start.iso(), d.end.iso()) == (code, start, end)


def _trips(ex) -> list[tuple]:
    names = names_by_key(ex)
    return sorted(
        (names.get(d.head), d.to_country, str(d.start) if d.start else None, d.place) for d in ex.delegations
    )


@pytest.mark.parametrize(
    ("text", "trips"),
    [
        (
            "date 2024-03-08\n\nNairobi (Wire) - Kenyan Foreign Minister Joseph Odhiambo visited Tanzania on"
            " March 4 and then Uganda on March 6, his ministry said on Friday.\n",
            [("Joseph Odhiambo", "TZ", "2024-03-04"), ("Joseph Odhiambo", "UG", "2024-03-06")],
        ),
        (
            "date 2021-11-17\n\nCairo (Wire) - Egyptian Prime Minister Ahmed Saleh visited Jordan on November 14"
            " and Iraq on November 16 to discuss regional trade links.\n",
            [("Ahmed Saleh", "IQ", "2021-11-16"), ("Ahmed Saleh", "JO", "2021-11-14")],
        ),
        (
            "date 2023-05-22\n\nLondon (Wire) - British Prime Minister Richard Hale visited Japan on May 18 and"
            " then South Korea on May 21.\n",
            [("Richard Hale", "JP", "2023-05-18"), ("Richard Hale", "KR", "2023-05-21")],
        ),
        (
            "date 2023-05-13\n\nWarsaw (Wire) - Polish President Adam Nowicki paid an official visit to Lithuania"
            " on May 10-11. After Vilnius, Nowicki travelled on to Latvia, where he met Latvian President"
            " Janis Ozols in Riga on May 12.\n",
            [("Adam Nowicki", "LT", "2023-05-10"), ("Adam Nowicki", "LV", None)],
        ),
        (
            "date 2024-07-10\n\nOttawa (Wire) - Canadian Prime Minister Mark Fraser held talks in Mexico City on"
            " July 8. He then flew to Brazil on July 9 for a meeting with Brazilian President Lula Santos.\n",
            [("Mark Fraser", "BR", "2024-07-09")],
        ),
    ],
)
def test_each_country_of_one_journey_is_a_visit_with_its_own_day(text, trips):
    assert [t[:3] for t in _trips(extract(text))] == trips


def test_two_cities_of_one_country_in_one_sentence_are_one_visit():
    ex = extract(
        "date 2024-05-08\n\nParis (Wire) - Chinese Vice Premier Ding Xue visited Paris on Monday and Lyon on"
        " Tuesday.\n"
    )
    assert [t[:3] for t in _trips(ex)] == [("Ding Xue", "FR", "2024-05-06")]


@pytest.mark.parametrize(
    ("text", "members", "code"),
    [
        (
            "date 2022-06-20\n\nTokyo (Wire) - Indian Commerce Minister Arvind Sharma, accompanied by Commerce"
            " Secretary Meera Rao and Ambassador Sunil Iyer, arrived in Tokyo on June 19 for a three-day visit.\n",
            ["Meera Rao", "Sunil Iyer"],
            "IN",
        ),
        (
            "date 2024-02-10\n\nBaku (Wire) - Turkish Defence Minister Mehmet Demir, together with Chief of"
            " General Staff Ali Aksoy and Deputy Minister Elif Kaya, arrived in Baku on February 9 for a working"
            " visit.\n",
            ["Ali Aksoy", "Elif Kaya"],
            "TR",
        ),
        (
            "date 2021-10-31\n\nRome (Wire) - Indonesian President Budi Santoso arrived in Rome on October 29 to"
            " attend the G20 summit. He was accompanied by Foreign Minister Rina Wulandari and Finance Minister"
            " Hadi Pratama.\n",
            ["Rina Wulandari", "Hadi Pratama"],
            "ID",
        ),
        (
            "date 2024-11-16\n\nLima (Wire) - Malaysian Prime Minister Anwar Hassan arrived in Lima on November 14"
            " to attend the APEC summit. Members of his delegation include Trade Minister Tengku Aziz and Foreign"
            " Minister Mohd Yusof.\n",
            ["Tengku Aziz", "Mohd Yusof"],
            "MY",
        ),
    ],
)
def test_those_travelling_with_a_head_are_his_members_of_his_country_even_abroad(text, members, code):
    ex = extract(text)
    (d,) = ex.delegations
    names = names_by_key(ex)
    assert [names[k] for k in d.members] == members
    assert {o.country for o in ex.officials if o.name in members} == {code}


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # a visit begun or ended in the present with its day: the day is the coming one, or today
        (
            "date 2024-05-10\n\nTehran (Wire) - Iranian President Ebrahim Karimi begins a three-day visit to Iraq"
            " on Sunday.\n",
            PartialDate(2024, 5, 12),
            PartialDate(2024, 5, 14),
        ),
        (
            "date 2024-03-07\n\nCanberra (Wire) - Indonesian President Budi Santoso wraps up his state visit to"
            " Australia on Thursday.\n",
            None,
            PartialDate(2024, 3, 7),
        ),
        # a visit being paid today
        (
            "date 2022-10-04\n\nBrussels (Wire) - Dutch Prime Minister Pieter de Vries is paying a working visit"
            " to Belgium today, where he will meet Belgian Prime Minister Luc Peeters.\n",
            PartialDate(2022, 10, 4),
            None,
        ),
        # leaving the city visited at the end of the visit
        (
            "date 2023-06-19\n\nCairo (Wire) - Saudi Foreign Minister Faisal Al Saud left Cairo on Sunday at the"
            " end of a two-day visit to Egypt.\n",
            PartialDate(2023, 6, 17),
            PartialDate(2023, 6, 18),
        ),
        # travelling, flying into a place for talks, in the present or the past
        (
            "date 2024-02-11\n\nWarsaw (Wire) - Polish Prime Minister Donald Tusk travels to Berlin on Monday for"
            " talks with German Chancellor Olaf Scholl.\n",
            PartialDate(2024, 2, 12),
            None,
        ),
        (
            "date 2023-10-18\n\nJerusalem (Wire) - British Foreign Secretary James Cleverly flew into Israel on"
            " Tuesday for talks with Israeli Prime Minister Ben Adler.\n",
            PartialDate(2023, 10, 17),
            None,
        ),
    ],
)
def test_a_visit_begun_ended_paid_or_set_out_for_on_its_day(text, start, end):
    (d,) = extract(text).delegations
    assert (d.start, d.end) == (start, end)


@pytest.mark.parametrize(
    ("text", "trips"),
    [
        (
            "date 2024-10-12\n\nSeoul (Wire) - South Korean Prime Minister Han Duck-soo visited Vietnam on"
            " October 7, Laos on October 9 and Cambodia on October 11.\n",
            [("KH", "2024-10-11"), ("LA", "2024-10-09"), ("VN", "2024-10-07")],
        ),
        (
            "date 2023-11-06\n\nTokyo (Wire) - Japanese Prime Minister Fumio Kishi visited the Philippines on"
            " November 3 and then Malaysia on November 5.\n",
            [("MY", "2023-11-05"), ("PH", "2023-11-03")],
        ),
        # a comma before a name that is no place ends the journey
        (
            "date 2024-02-14\n\nNairobi (Wire) - Ethiopian Foreign Minister Taye Alemu visited Kenya on Monday,"
            " Kenyan media reported.\n",
            [("KE", "2024-02-12")],
        ),
    ],
)
def test_the_countries_of_a_journey_listed_with_commas_are_its_visits(text, trips):
    assert [t[1:3] for t in _trips(extract(text))] == trips


def test_who_was_accompanied_by_between_commas_lists_members_up_to_its_comma():
    ex = extract(
        "date 2023-06-07\n\nTunis (Wire) - Italian Prime Minister Giorgia Meloni, who was accompanied by Interior"
        " Minister Matteo Piantedosi, arrived in Tunis on Tuesday for talks with Tunisian President Kais Saied.\n"
    )
    (d,) = ex.delegations
    assert [names_by_key(ex)[k] for k in d.members] == ["Matteo Piantedosi"]


def test_one_who_headed_a_delegation_to_a_country_heads_the_visit():
    ex = extract(
        "date 2024-06-06\n\nKathmandu (Wire) - Chinese Vice Foreign Minister Wang Lei headed a delegation to Nepal"
        " from June 2 to 5 for consultations.\n"
    )
    assert _visits(ex) == [("CN", "NP", "Wang Lei")]
    assert (ex.delegations[0].start, ex.delegations[0].end) == (
        PartialDate(2024, 6, 2),
        PartialDate(2024, 6, 5),
    )


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # a visit that runs until a day: its last day, still to come
        (
            "date 2024-11-11\n\nBerlin (Wire) - Turkish Foreign Minister Hakan Fidan began an official visit to"
            " Germany on Monday that runs until Friday.\n",
            PartialDate(2024, 11, 11),
            PartialDate(2024, 11, 15),
        ),
        (
            "date 2023-05-01\n\nWashington (Wire) - Philippine President Ferdinand Marcos is on an official visit"
            " to the United States that lasts until May 4.\n",
            None,
            PartialDate(2023, 5, 4),
        ),
        # a visit wound up on a day
        (
            "date 2023-04-15\n\nBeijing (Wire) - Brazilian President Luiz Inacio Lula da Silva wound up his state"
            " visit to China on Saturday.\n",
            None,
            PartialDate(2023, 4, 15),
        ),
        # a surprise visit made on a day
        (
            "date 2023-02-21\n\nKyiv (Wire) - US President Joe Biden made a surprise visit to Kyiv on Monday, his"
            " first since the war began.\n",
            PartialDate(2023, 2, 20),
            None,
        ),
        # days with no month, of the page's month
        (
            "date 2024-10-02\n\nBudapest (Wire) - Hungarian Prime Minister Gabor Farkas will visit Serbia from 3 to"
            " 5, his spokesman said on Wednesday.\n",
            PartialDate(2024, 10, 3),
            PartialDate(2024, 10, 5),
        ),
    ],
)
def test_a_visit_s_last_day_told_by_until_wound_up_or_a_range_with_no_month(text, start, end):
    (d,) = extract(text).delegations
    assert (d.start, d.end) == (start, end)


@pytest.mark.parametrize(
    ("text", "members"),
    [
        # the list of those accompanying ends where a clause follows its comma
        (
            "date 2023-06-23\n\nParis (Wire) - Kenyan President William Ruto arrived in Paris on Wednesday for the"
            " Summit for a New Global Financing Pact. Ruto, who was accompanied by Foreign Affairs Cabinet"
            " Secretary Alfred Mutua, held talks with French President Emmanuel Macron on Thursday.\n",
            ["Alfred Mutua"],
        ),
        (
            "date 2022-03-02\n\nLima (Wire) - Chilean Foreign Minister Marta Rojas arrived in Lima on Tuesday. She"
            " was accompanied by Deputy Minister Pablo Soto, Trade Director Ana Vidal, who met Peruvian Trade"
            " Minister Luis Vargas on the same day.\n",
            ["Pablo Soto", "Ana Vidal"],
        ),
        # those travelling with the head are members
        (
            "date 2023-09-19\n\nNew York (Wire) - Nigerian President Bola Tinubu arrived in New York on Monday for"
            " the UN General Assembly. Travelling with him were Finance Minister Wale Edun and Foreign Minister"
            " Yusuf Tuggar.\n",
            ["Wale Edun", "Yusuf Tuggar"],
        ),
    ],
)
def test_those_accompanying_a_head_up_to_the_clause_after_them(text, members):
    ex = extract(text)
    (d,) = [d for d in ex.delegations if d.primary]
    assert [names_by_key(ex)[k] for k in d.members] == members


def test_an_arrival_here_with_its_weekday_before_the_verb_is_a_visit_to_the_dateline_s_country():
    ex = extract(
        "date 2021-04-10\n\nTashkent (Wire) - Kazakh Deputy Premier Serik Alimov Friday arrived here for a"
        " three-day working visit.\n"
    )
    (d,) = ex.delegations
    assert (d.from_country, d.to_country, d.start, d.end) == (
        "KZ",
        "UZ",
        PartialDate(2021, 4, 9),
        PartialDate(2021, 4, 11),
    )


def test_a_journey_still_to_come_gives_each_country_its_own_day():
    ex = extract(
        "date 2024-04-30\n\nBeijing (Wire) - Chinese Premier Zhao Lin will visit France on May 5 and then Serbia on"
        " May 7, the foreign ministry said.\n"
    )
    assert [t[1:3] for t in _trips(ex)] == [("FR", "2024-05-05"), ("RS", "2024-05-07")]


def test_a_visit_on_two_days_running_named_by_their_weekdays():
    (d,) = extract(
        "date 2023-03-09\n\nHelsinki (Wire) - Swedish Prime Minister Ulf Larsson paid an official visit to Finland"
        " on Tuesday and Wednesday.\n"
    ).delegations
    assert (d.start, d.end) == (PartialDate(2023, 3, 7), PartialDate(2023, 3, 8))


@pytest.mark.parametrize(
    ("text", "trips"),
    [
        (
            "date 2023-09-12\n\nNew Delhi (Wire) - Saudi Crown Prince Faisal bin Nasser wrapped up his state visit to"
            " India on Monday before heading to Oman.\n",
            [("IN", None), ("OM", None)],
        ),
        (
            "date 2023-07-20\n\nDoha (Wire) - Turkish President Recep Erdem concluded a two-day visit to Qatar on"
            " Wednesday and left for the United Arab Emirates.\n",
            [("AE", None), ("QA", "2023-07-18")],
        ),
        # going home is no visit
        (
            "date 2023-09-12\n\nNew Delhi (Wire) - Indonesian President Joko Santoso concluded his state visit to"
            " India on Monday and left for Indonesia.\n",
            [("IN", None)],
        ),
    ],
)
def test_the_place_left_for_as_a_visit_ends_is_the_next_visit_unless_home(text, trips):
    assert [t[1:3] for t in _trips(extract(text))] == trips


@pytest.mark.parametrize(
    ("text", "body", "country"),
    [
        (
            "ULAANBAATAR, June 19 (Agency) - A delegation from the Irkutsk regional administration led by "
            "Governor Pavel Sokolov arrived in Ulaanbaatar on Monday for a three-day visit.",
            "Irkutsk regional administration",
            "RU",
        ),
        (
            "HANOI, Sept 7 (Agency) - A delegation of the Incheon Metropolitan City government led by Mayor "
            "Park Sung-ho arrived in Hanoi on Thursday for talks with the city's partners.",
            "Incheon Metropolitan City government",
            "KR",
        ),
    ],
)
def test_a_local_government_named_by_its_level_in_small_letters_sends_the_delegation(text, body, country):
    ex = extract(text)
    (d,) = ex.delegations
    sender = next(o for o in ex.organizations if o.key == d.sending_body)
    assert (sender.name, sender.country, d.from_country) == (body, country, country)


def test_a_parliament_known_by_its_own_name_sends_the_delegation_with_its_country():
    ex = extract(
        "DUSHANBE, March 28 (Agency) - A delegation of the Jogorku Kenesh led by Deputy Speaker Aibek "
        "Usenov arrived in Dushanbe on Tuesday for talks on water sharing."
    )
    (d,) = ex.delegations
    sender = next(o for o in ex.organizations if o.key == d.sending_body)
    assert (sender.name, sender.country, d.from_country) == ("Jogorku Kenesh", "KG", "KG")
