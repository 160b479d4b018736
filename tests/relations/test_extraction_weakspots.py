"""Genre rules for the weak spots found on held-out articles: dates, remote contacts, names, agreements."""

from relations.importing.extraction import extract
from relations.importing.extraction.countries import find_countries
from relations.importing.extraction.header import parse_header


def _names(ex):
    return {o.key: o.name for o in ex.officials}


def _official(ex, token):
    return next(o for o in ex.officials if token in o.name)


# ------------------------------------------------------------------ dates


def test_it_prefers_the_year_written_in_the_event_date_range():
    text = (
        "Deputy Prime Minister Nguyen Van Binh paid an official visit to Russia on October 13-16, 2008. "
        "The two sides signed a cooperation plan for 2009-2011 during the visit."
    )
    assert extract(text).date.iso().startswith("2008-10")


def test_it_reads_a_day_before_month_dateline():
    head = parse_header(
        "MOSCOW, 12 March. /TASS/ - Russian Deputy Foreign Minister Ivan Petrov met on Tuesday."
    )
    assert (head.dateline_place, head.dateline_month, head.dateline_day) == ("Moscow", 3, 12)


def test_it_dates_a_day_before_month_dateline_with_a_weekday_and_a_past_month():
    text = (
        "MOSCOW, 12 March. /TASS/ - Russian Deputy Foreign Minister Ivan Petrov met on Tuesday with "
        "First Deputy Foreign Minister of Cuba Jorge Diaz Perez, who is in Moscow on a working visit. "
        "They discussed agreements reached during the visit of Cuban President Carlos Ruiz in July 2012."
    )
    assert extract(text).date.iso() == "2013-03-12"


def test_it_dates_an_arrival_for_a_three_day_visit():
    text = (
        "PHNOM PENH, May 3, 2016 (VNA) - Vietnamese Deputy Prime Minister Pham Van Long "
        "arrived in Phnom Penh "
        "on May 3 for a three-day official visit to Cambodia."
    )
    d = extract(text).delegations[0]
    assert (d.start.iso(), d.end.iso()) == ("2016-05-03", "2016-05-05")


# ------------------------------------------------------------------ remote contacts and visits in passing


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
    names = _names(ex)
    [d] = ex.delegations
    assert names[d.head] == "Bounchanh Sinavong" and not d.primary and d.start.iso() == "2015-08"


def test_it_marks_an_upcoming_visit_in_passing():
    text = (
        "On 14 October 2010, Deputy Foreign Minister of Russia Ivan Rudov received Ambassador of Vietnam "
        "Nguyen Phu Dang. They discussed preparations for the upcoming visit of Prime Minister of Vietnam "
        "Nguyen Tan Hung to Moscow."
    )
    ex = extract(text)
    names = _names(ex)
    assert [(names[d.head], d.primary) for d in ex.delegations] == [("Nguyen Tan Hung", False)]


def test_it_marks_a_visit_of_an_earlier_month_in_passing():
    text = (
        "MOSCOW, March 12, 2013 (TASS) - Russian Deputy Foreign Minister Ivan Petrov met with Cuban Deputy "
        "Foreign Minister Jorge Diaz Perez, who is in Moscow on a working visit. They discussed agreements "
        "reached during the visit of Cuban President Carlos Ruiz to Moscow in July 2012."
    )
    ex = extract(text)
    names = _names(ex)
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
    assert _official(ex, "Vnukov").titles == ["Russian Ambassador to Vietnam"]


def test_it_keeps_people_named_in_passing_out_of_the_delegation():
    text = (
        "HANOI, March 3, 2019 (VNA) - Deputy Prime Minister Pham Binh Minh received Russian Deputy Foreign "
        "Minister Igor Morgunov in Hanoi on March 3. The Russian delegation included Deputy Director "
        "Oleg Ivanov, who recalled the words of Deputy Minister Pyotr Sidorov about friendship."
    )
    ex = extract(text)
    names = _names(ex)
    [d] = ex.delegations
    assert names[d.head] == "Igor Morgunov"
    assert [names[k] for k in d.members] == ["Oleg Ivanov"]


# ------------------------------------------------------------------ meetings


def test_it_reads_a_meeting_at_the_latters_request_with_initials():
    text = (
        "On 14 October 2010, Deputy Minister of Foreign Affairs of the Russian "
        "Federation A.Yu. Rudnev received "
        "Ambassador of Vietnam to the Russian Federation Nguyen Phu Dang at the latter's request."
    )
    ex = extract(text)
    assert [o.name for o in ex.officials] == ["A.Yu. Rudnev", "Nguyen Phu Dang"]
    assert len(ex.meetings) == 1


def test_it_reads_held_consultations_with_as_a_meeting():
    text = (
        "MOSCOW, March 12, 2013 (TASS) - Cuban Deputy Foreign Minister Jorge Diaz Perez is in Moscow on a "
        "working visit. Diaz Perez also held consultations with Director of the Latin America Department of "
        "the Russian Foreign Ministry Alexei Shchukin."
    )
    ex = extract(text)
    assert len(ex.meetings) == 1
    assert _official(ex, "Shchukin").country == "RU"


def test_it_joins_the_visiting_delegation_named_by_its_region_to_a_meeting():
    text = (
        "Nha Trang (VNA) - Chairman of Khanh Hoa province Le Duc Vinh received Governor "
        "of Russia's Tver Oblast "
        "Nikolai Rudov in Nha Trang on March 27, 2014. The Tver delegation also met Vice Chairwoman of the "
        "Vietnam-Russia Friendship Association Nguyen Thi Lan in Hanoi on March 25."
    )
    ex = extract(text)
    names = _names(ex)
    parts = [sorted(names[k] for k in m.participants) for m in ex.meetings]
    assert ["Nguyen Thi Lan", "Nikolai Rudov"] in parts


def test_it_gives_a_counterpart_the_country_of_its_demonym_and_reads_short_family_names():
    text = (
        "SEOUL, Aug. 22 (Kyodo) -- South Korean President Lee Jae-sung and his Vietnamese counterpart "
        "Vo Minh Khang agreed Thursday to expand cooperation during summit talks in Seoul, their first since "
        "2022. Vo also met South Korean Prime Minister Han Seung-woo, a government official said."
    )
    ex = extract(text)
    names = _names(ex)
    assert _official(ex, "Khang").country == "VN"
    parts = [sorted(names[k] for k in m.participants) for m in ex.meetings]
    assert ["Lee Jae-sung", "Vo Minh Khang"] in parts
    assert ["Han Seung-woo", "Vo Minh Khang"] in parts


def test_it_keeps_a_person_whose_state_visit_is_named_with_a_possessive():
    text = (
        "Russian President Vladimir Putin's state visit to Hanoi in June 2024 gave ties new momentum, "
        "Vietnamese Ambassador Dang Minh Khoi said."
    )
    assert any(o.name == "Vladimir Putin" for o in extract(text).officials)


def test_it_reads_a_title_with_a_posting_city():
    text = (
        "HANOI, May 2, 2019 (VNA) - Minister Tran Van Son met Russian Minister Ivan Petrov. "
        "The Russian delegation also included Consul General of Russia in Da Nang Sergei Belov."
    )
    assert _official(extract(text), "Belov").titles == ["Consul General of Russia in Da Nang"]


# ------------------------------------------------------------------ countries


def test_it_does_not_read_latin_america_as_the_united_states():
    assert [c.code for c in find_countries("Director of the Latin America Department")] == []
    assert [c.code for c in find_countries("the United States and America")] == ["US", "US"]


# ------------------------------------------------------------------ agreements


def test_it_keeps_a_title_listing_several_fields_whole():
    text = (
        "HANOI, May 5, 2015 (VNA) - Minister Nguyen Van An met Russian Minister Ivan "
        "Petrov. The two ministers "
        "signed an agreement on trade, economic, scientific and technical cooperation."
    )
    [a] = extract(text).agreements
    assert a.title == "agreement on trade, economic, scientific and technical cooperation"


def test_it_reads_documents_to_be_signed_as_not_yet_signed():
    text = (
        "HANOI, May 5, 2015 (VNA) - Minister Nguyen Van An met Russian Minister Ivan Petrov. They discussed "
        "documents to be signed during the visit, including the agreement on visa exemption."
    )
    [a] = extract(text).agreements
    assert a.state in {"draft", "proposed"}


def test_it_does_not_take_an_issued_joint_statement_for_an_agreement():
    text = (
        "SEOUL, Aug. 22 (Kyodo) -- South Korean President Lee Jae-sung met Vietnamese "
        "President Vo Minh Khang. "
        "The two nations aim to raise trade, according to a joint statement issued after the talks."
    )
    assert extract(text).agreements == []


def test_it_links_acronym_parties_to_organisations():
    text = (
        "HANOI, June 5, 2019 (VNA) - Secretary of the CPV Central Committee Tran Quoc Vuong received Deputy "
        "Chairman of the Communist Party of the Russian Federation (CPRF) Dmitry "
        "Novikov. The two sides signed "
        "a cooperation plan between the CPV and the CPRF for 2019-2023."
    )
    ex = extract(text)
    [a] = ex.agreements
    orgs = {o.key: o for o in ex.organizations}
    assert len(a.parties) == 2
    assert {orgs[k].country for k in a.parties} == {"VN", "RU"}


def test_it_gives_a_counterpart_named_after_the_demonym_the_country_even_later_in_the_clause():
    text = (
        "On 5 April 2017, Deputy Foreign Minister of Russia Ivan Morozov met Deputy Foreign Minister of Laos "
        "Khamphao Ernthavanh. They recalled the telephone conversation of the Russian Foreign Minister with "
        "his Lao counterpart Saleumxay Kommasith in February."
    )
    assert _official(extract(text), "Kommasith").country == "LA"


def test_it_keeps_the_title_of_the_prime_minister_of_a_country_after_the():
    text = (
        "On 5 April 2017, Deputy Foreign Minister of Russia Ivan Morozov met Deputy Foreign Minister of Laos "
        "Khamphao Ernthavanh. They discussed the planned visit of the Prime Minister of Laos Thongloun "
        "Sisoulith to Russia."
    )
    assert _official(extract(text), "Sisoulith").titles == ["Prime Minister of Laos"]


def test_it_reads_an_agreement_that_is_to_be_signed_as_not_yet_signed():
    text = (
        "On 5 April 2017, Deputy Foreign Minister of Russia Ivan Morozov met Deputy Foreign Minister of Laos "
        "Khamphao Ernthavanh. They discussed the agreement on cooperation in education, which is to be "
        "signed in June."
    )
    [a] = extract(text).agreements
    assert a.state in {"draft", "proposed"}


def test_it_reads_a_video_conference_as_a_meeting_without_a_delegation():
    text = (
        "New Delhi, June 19, 2023 (PTI) Defence Minister Rajendra Varma held a video conference with "
        "Vietnamese Defence Minister Phan Van Tuong on June 19."
    )
    ex = extract(text)
    assert len(ex.meetings) == 1 and ex.delegations == []


def test_it_does_not_take_an_abbreviated_rank_for_a_name():
    text = (
        "New Delhi, June 19, 2023 (PTI) Defence Minister Rajendra Varma met Vietnamese Defence Minister "
        "General Phan Van Tuong. Gen Tuong said the two navies would hold joint exercises."
    )
    assert sorted(o.name for o in extract(text).officials) == ["Phan Van Tuong", "Rajendra Varma"]
