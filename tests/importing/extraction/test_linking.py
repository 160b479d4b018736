import pytest

from relations.importing.extraction import extract
from relations.importing.extraction.linking import org_name, place_value, without_country
from tests.importing.extraction.helpers import organization_of, parties


def test_a_place_is_written_with_its_country_and_a_venue():
    assert place_value("Moscow", "RU") == "Moscow, Russia"
    assert place_value("Russia.", "RU") == "Russia"
    assert place_value("the Kazakh capital", "KZ") == "Astana, Kazakhstan"


def test_a_body_name_is_whole_and_clean():
    assert org_name("Party Central Committee's Commission for External Relations") == (
        "Commission for External Relations of the Party Central Committee"
    )
    assert org_name("Ministry of Health's") == "Ministry of Health"
    # a possessive inside the name is no owner
    assert org_name("National People's Congress") == "National People's Congress"
    assert org_name("Norway’s Ministry of Health") == "Ministry of Health"


def test_unmarked_officials_take_the_side_nobody_marked_and_bodies_take_their_holders_country():
    ex = extract(
        "ISLAMABAD, July 31, 2023 - Prime Minister Imran Qadir received the visiting Chinese Vice "
        "Premier Li Peng in Islamabad on Monday. Also present at the meeting were Minister for Planning and "
        "Development Tariq Aziz and Chinese Ambassador Wang Bo."
    )
    names = {o.name: o for o in ex.officials}
    assert names["Imran Qadir"].country == "PK"
    assert names["Li Peng"].country == "CN"
    orgs = {o.name: o for o in ex.organizations}
    ministry = next(o for n, o in orgs.items() if "Planning and Development" in n)
    assert ministry.country == "PK" and ministry.evidence
    [meeting] = [m for m in ex.meetings if len(m.participants) >= 2][:1]
    assert meeting.place.startswith("Islamabad")


def test_a_signed_agreement_takes_the_date_and_parties_of_the_talks_it_closed():
    ex = extract(
        "MOSCOW, Sept. 10, 2013 (VNA) - Vietnamese Minister of Education and Training Le Van Hoa "
        "held talks with "
        "Russian Minister of Education and Science Ivan Petrov in Moscow on September 10. When the "
        "talks ended, the two sides signed a joint programme between the two ministries for 2014-2016."
    )
    [agreement] = ex.agreements
    assert agreement.signed_on.iso() == "2013-09-10"
    assert agreement.meeting == ex.meetings[0].key
    assert {o.country for o in parties(ex, agreement)} == {"VN", "RU"}


def test_one_title_held_in_two_countries_gives_each_side_its_own_ministry():
    ex = extract(
        "LIMA, May 4, 2021 - Foreign Minister Carlos Mendoza held talks with visiting Norwegian Foreign "
        "Minister Ingrid Haugen in Lima on Tuesday. The two ministers discussed trade."
    )
    orgs = {o.key: o for o in ex.organizations}
    held = {o.name: orgs[o.organization] for o in ex.officials if o.organization in orgs}
    assert held["Ingrid Haugen"].country == "NO"
    assert held["Carlos Mendoza"].country == "PE"
    assert held["Ingrid Haugen"].key != held["Carlos Mendoza"].key
    assert held["Ingrid Haugen"].evidence and held["Carlos Mendoza"].evidence


def test_a_held_parliament_with_a_generic_name_is_named_with_its_country():
    ex = extract(
        "HANOI, June 2, 2020 - Chairwoman of the National Assembly Tran Thi Hoa received a delegation of "
        "the Norwegian Parliament led by its President Olav Berg in Hanoi on Monday."
    )
    names = {o.name: o for o in ex.organizations}
    assert names["National Assembly of Vietnam"].country == "VN"
    hoa = next(o for o in ex.officials if o.name == "Tran Thi Hoa")
    assert hoa.organization == names["National Assembly of Vietnam"].key
    assert "National Assembly" in names["National Assembly of Vietnam"].aliases  # the text's own words


def test_a_short_form_of_a_whole_name_is_the_same_body():
    ex = extract(
        "MOSCOW, April 9, 2019 - Chairman of the National Council of the Federal Assembly of "
        "Ruritania Ivan Petrov received Peruvian Congressman Jorge Quispe in Moscow on Tuesday. Petrov "
        "said the National Council values its ties with Peru. Later Quispe met a leader of the United Russia "
        "party, Oleg Smirnov, who said United Russia supports the talks."
    )
    names = [o.name for o in ex.organizations]
    assert names.count("National Council of the Federal Assembly of Ruritania") == 1
    assert "National Council" not in names
    assert not ({"United Russia", "United Russia party"} <= set(names))


def test_forms_that_differ_by_the_states_long_name_are_one_body():
    ex = extract(
        "HANOI, Oct. 5, 2021 - Deputy Minister of Public Security of the Socialist Republic of Vietnam "
        "Le Van Hoa received Peruvian Deputy Interior Minister Ana Torres in Hanoi on Monday. The "
        "Ministry of Public Security of Vietnam will train Peruvian officers, Hoa said."
    )
    ministries = [o for o in ex.organizations if "Public Security" in o.name]
    assert len(ministries) == 1 and ministries[0].country == "VN"


def test_a_visit_head_without_a_body_of_his_own_holds_a_post_in_the_body_that_sent_him():
    ex = extract(
        "LIMA, Aug. 6, 2019 - A delegation from the Ministry of Home Affairs of Vietnam led by Minister "
        "Le Vinh Tuan is paying a working visit to Peru from August 4-10. While in Peru, Tuan met Peruvian "
        "Interior Minister Jose Rojas on August 7."
    )
    assert "Home Affairs" in organization_of(ex, "Le Vinh Tuan").name


def test_bodies_named_in_passing_are_not_proposed_but_signing_ones_are():
    ex = extract(
        "LIMA, Feb. 3, 2022 - Peruvian President Pedro Ramos received Norwegian Trade Minister Nils Dahl "
        "in Lima on Monday. Dahl recalled that the Norwegian Maritime Institute hosts a Peruvian "
        "exhibition. After the talks, the Copper Corporation of Peru and the Norwegian Metals Group "
        "signed a memorandum of understanding on copper supplies."
    )
    names = {o.name for o in ex.organizations}
    assert "Norwegian Maritime Institute" not in names
    assert {"Copper Corporation of Peru", "Norwegian Metals Group"} <= names


def test_a_body_named_with_its_country_also_answers_to_the_name_without_it():
    assert without_country("Ministry of Transport of the Republic of Peru") == "Ministry of Transport"
    assert without_country("Norwegian Foreign Ministry") == "Foreign Ministry"
    assert without_country("Peru-Norway Joint Commission") == ""


@pytest.mark.parametrize(
    ("text", "code", "alias"),
    [
        pytest.param(
            "LIMA, May 4, 2021 - Deputy Minister of Transport of Peru Luis Vargas received Norwegian Deputy "
            "Minister of Transport Erik Lund in Lima on Tuesday.",
            "PE",
            "Ministry of Transport",
            id="without its country",
        ),
        pytest.param(
            "LIMA, May 4, 2021 - Chairman of the Norwegian National Assembly Erik Lund received Peruvian "
            "Congressman Jorge Quispe in Oslo on Tuesday.",
            "NO",
            "National Assembly of Norway",
            id="the country's adjective as the country after",
        ),
    ],
)
def test_a_body_of_a_country_answers_to_the_names_other_texts_give_it(text, code, alias):
    body = next(o for o in extract(text).organizations if o.country == code)
    assert alias in body.aliases


def test_one_signatory_s_body_alone_is_not_the_list_of_parties():
    ex = extract(
        "LIMA, Nov. 2, 2020 - Peruvian Trade Minister Rosa Salas and the Norwegian ambassador Lars Moe held "
        "talks in Lima on Monday. After the talks, Salas signed the protocol of the fifth session of the "
        "Peru-Norway Joint Commission."
    )
    [protocol] = ex.agreements
    orgs = {o.key: o.name for o in ex.organizations}
    assert [orgs.get(k) for k in protocol.parties] != ["Ministry of Trade"]
    assert set(protocol.party_countries) == {"PE", "NO"}


def test_a_body_whose_name_ends_with_and_the_place_stays_whole():
    ex = extract(
        "OSLO, May 4, 2021 - Minister for the Development of the North and the Arctic Lars Berg met "
        "Deputy Minister of Fisheries of Peru Luis Vargas on Tuesday. The Ministry of Fisheries of Peru "
        "and the Norwegian Ministry of Trade signed a memorandum of understanding on fisheries cooperation."
    )
    assert organization_of(ex, "Lars Berg").name == "Ministry for the Development of the North and the Arctic"
    names = {o.name for o in ex.organizations}
    assert "Arctic" not in names
    assert {"Ministry of Fisheries of Peru", "Norwegian Ministry of Trade"} <= names


def test_an_unplaced_meeting_of_the_same_two_sides_takes_the_article_s_one_place():
    ex = extract(
        "date 2021-11-24\nLeaders hold talks\n\n"
        "Japanese Prime Minister Kenji Mori held talks with his Vietnamese counterpart Nguyen Van Hai in "
        "Osaka on Wednesday.\n\n"
        "On Tuesday, Japanese Defence Minister Taro Ueda and Vietnamese Defence Minister Tran Quoc Minh "
        "held talks and agreed to expand training exchanges.\n"
    )
    places = {tuple(sorted(_names(ex, m))): m.place for m in ex.meetings}
    assert places[("Taro Ueda", "Tran Quoc Minh")] == "Osaka, Japan"


def test_the_visiting_country_s_officials_present_at_its_events_are_the_visit_s_members():
    ex = extract(
        "ASHGABAT, November 27, 2021 - Turkish President Ali Demir arrived in Ashgabat on Saturday for a "
        "two-day official visit to Turkmenistan.\n\n"
        "Demir was received by Turkmen President Berdi Orazov at the presidential palace.\n\n"
        "Turkish Trade Minister Mehmet Kaya and Turkish Energy Minister Fatih Yilmaz also attended the "
        "ceremony.\n\n"
        "Turkmen Foreign Minister Rashid Meredov was present as well.\n"
    )
    (visit,) = ex.delegations
    members = {o.key: o.name for o in ex.officials}
    assert sorted(members[k] for k in visit.members) == ["Fatih Yilmaz", "Mehmet Kaya"]


@pytest.mark.parametrize(
    ("event", "member"),
    [
        pytest.param(
            "Turkish Energy Minister Fatih Yilmaz and his Turkmen counterpart Rashid Meredov signed a "
            "memorandum on gas storage.",
            "Fatih Yilmaz",
            id="signing there",
        ),
        pytest.param(
            "Presidential spokesman Emre Aksoy said that four documents were exchanged in the presence of "
            "Turkish Deputy Trade Minister Ayse Kaplan.",
            "Ayse Kaplan",
            id="present at an exchange, not the one who reports it",
        ),
    ],
)
def test_the_visiting_country_s_officials_who_sign_or_witness_there_are_the_visit_s_members(event, member):
    ex = extract(
        "ASHGABAT, November 27, 2021 - Turkish President Ali Demir arrived in Ashgabat on Saturday for a "
        "two-day official visit to Turkmenistan.\n\n"
        "Demir was received by Turkmen President Berdi Orazov at the presidential palace.\n\n" + event + "\n"
    )
    (visit,) = ex.delegations
    names = {o.key: o.name for o in ex.officials}
    assert [names[k] for k in visit.members] == [member]


def test_a_body_takes_the_country_of_the_city_written_after_its_name():
    ex = extract(
        "LIMA, March 3, 2022 - Peruvian Trade Minister Rosa Salas and Norwegian Trade Minister Nils Dahl "
        "held talks in Lima on Monday. After the talks, four agreements were signed. The third agreement was "
        "signed between the Andean Institute of Mining Research, Arequipa, and the Fjord University of "
        "Technology, Oslo, to foster joint research."
    )
    countries = {o.name: o.country for o in ex.organizations}
    assert countries["Andean Institute of Mining Research"] == "PE"
    assert countries["Fjord University of Technology"] == "NO"


def test_a_friendship_body_named_after_two_countries_is_the_first_one_s():
    ex = extract(
        "LIMA, March 25, 2024 - Vice Chairman of the Congress of Peru Luis Vargas met a delegation from the "
        "Norway-Peru Parliamentary Association led by its chairman Erik Lund in Lima on Monday."
    )
    association = next(o for o in ex.organizations if "Parliamentary Association" in o.name)
    assert association.country == "NO"


def test_the_party_an_official_leads_is_the_one_party_of_his_country_the_text_or_the_known_bodies_give():
    named = extract(
        "HANOI, April 5, 2021 - Party General Secretary Nguyen Van Long held phone talks with Peruvian "
        "President Pedro Ramos on Monday. Ramos wished the Communist Party of Vietnam success after its "
        "congress and spoke warmly of the country's progress."
    )
    assert organization_of(named, "Nguyen Van Long").name == "Communist Party of Vietnam"
    unnamed = extract(
        "HANOI, April 5, 2021 - Party General Secretary Nguyen Van Long held phone talks with Peruvian "
        "President Pedro Ramos on Monday."
    )
    party = organization_of(unnamed, "Nguyen Van Long")
    assert (party.name, party.country) == ("Communist Party of Vietnam", "VN") and party.evidence


def test_a_municipal_committee_is_the_committee_of_the_city_the_article_is_about():
    ex = extract(
        "DA NANG, March 11, 2019 - Secretary of the Da Nang Party Committee Tran Van Binh received Peruvian "
        "Ambassador Rosa Salas in Da Nang on Monday. Later, Chairman of the municipal People's Committee "
        "Le Van Thanh also met the ambassador in Da Nang."
    )
    committee = organization_of(ex, "Le Van Thanh")
    assert (committee.name, committee.country) == ("Da Nang People's Committee", "VN")


def test_a_general_secretary_without_his_party_works_for_the_one_party_of_his_country_named():
    text = (
        "NAIROBI, May 4, 2021 - General Secretary Peter Mwangi received Chinese Minister Li Wei on Monday. "
        "Li praised the Kenya Unity Party. "
    )
    body = organization_of(extract(text), "Peter Mwangi")
    assert (body.name, body.country) == ("Kenya Unity Party", "KE")
    two = extract(text + "Mwangi also met leaders of the Kenya Green Party.")
    assert next(o for o in two.officials if o.name == "Peter Mwangi").organization is None


def _names(ex, meeting) -> list[str]:
    by_key = {o.key: o.name for o in ex.officials}
    return [by_key[k] for k in meeting.participants]


_SUMMIT_REPORT = (
    "date 2019-06-29\nMinister holds talks at the forum\n\n"
    "Chilean Foreign Minister Tomas Vidal met Canadian Foreign Minister Claire Dubois in Lisbon, Portugal on "
    "Friday on the sidelines of the Atlantic Ports Forum.\n\n"
    "Later on Friday, Vidal held talks with Norwegian Foreign Minister Erik Solberg in Lisbon.\n"
)


def test_the_one_the_article_follows_through_meetings_in_a_third_country_is_on_a_visit_there():
    ex = extract(_SUMMIT_REPORT)
    names = {o.key: o.name for o in ex.officials}
    assert [(names[d.head], d.from_country, d.to_country) for d in ex.delegations] == [
        ("Tomas Vidal", "CL", "PT")
    ]
    assert all(m.delegation == ex.delegations[0].key for m in ex.meetings)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(_SUMMIT_REPORT.split("\n\nLater")[0] + "\n", id="one meeting alone"),
        pytest.param(
            _SUMMIT_REPORT.replace("Vidal held talks", "Irish Foreign Minister Sean Byrne held talks"),
            id="no one at more meetings than the others",
        ),
    ],
)
def test_meetings_abroad_with_no_one_followed_from_meeting_to_meeting_give_no_visit(text):
    assert extract(text).delegations == []


@pytest.mark.parametrize(
    "text, name, code",
    [
        (
            "ASTANA, July 1 - Kazakhstan's Foreign Ministry hosted a delegation of the Foreign Ministry of "
            "Uzbekistan led by First Deputy Minister Aziz Karimov.",
            "Foreign Ministry",
            "KZ",
        ),
        (
            "JAKARTA, June 2 - Indonesia's ministry of trade hosted a team from the Polish Ministry of "
            "Development and Technology headed by Undersecretary Marek Nowicki.",
            "Ministry of Trade",
            "ID",
        ),
        (
            "A delegation of the Lao People's Revolutionary Party led by Politburo member Chansamone "
            "Chanyalath visited the Communist Party of Cuba in Havana.",
            "Communist Party of Cuba",
            "CU",
        ),
    ],
)
def test_a_body_that_hosts_a_visit_is_proposed(text, name, code):
    ex = extract(text)
    assert any(o.name == name and o.country == code for o in ex.organizations)


def test_a_body_that_receives_a_letter_is_not_a_host():
    ex = extract(
        "QUITO, May 3 - Ecuadorian Trade Minister Lucia Vera said the Ministry of Mines of Ecuador received "
        "a letter from investors on Monday."
    )
    assert "Ministry of Mines of Ecuador" not in {o.name for o in ex.organizations}


@pytest.mark.parametrize(
    "text, head, body",
    [
        (
            "A team from the Polish Ministry of Development and Technology headed by Undersecretary Marek "
            "Nowicki arrived in Jakarta on Monday for talks.",
            "Marek Nowicki",
            "Ministry of Development and Technology",
        ),
        (
            "The Workers' Party of Korea sent a delegation led by Kim Song Nam to Beijing.",
            "Kim Song Nam",
            "Workers' Party of Korea",
        ),
    ],
)
def test_a_body_named_as_the_sender_sends_the_visit(text, head, body):
    ex = extract(text)
    (d,) = ex.delegations
    sender = next(o for o in ex.organizations if o.key == d.sending_body)
    assert body in sender.name
    assert organization_of(ex, head).key == sender.key


@pytest.mark.parametrize(
    "text, signers",
    [
        (
            "LIMA, March 4, 2019 - Chilean Foreign Minister Tomas Arriagada held talks with his Peruvian "
            "counterpart Julio Quispe in Lima on Monday. The ministers signed a memorandum of understanding "
            "on cooperation in disaster management.",
            {"Tomas Arriagada", "Julio Quispe"},
        ),
        (
            "NAIROBI, June 12, 2018 - Kenyan President Daniel Otieno held talks with Ethiopian Prime "
            "Minister Bekele Tadesse at State House on Tuesday. The two sides signed an agreement on "
            "the joint development of a port.",
            {"Daniel Otieno", "Bekele Tadesse"},
        ),
        (
            "KAMPALA, February 12, 2019 - Rwandan President Jean Habimana held talks with Ugandan President "
            "Moses Okello in Kampala on Tuesday. They also signed an extradition treaty.",
            {"Jean Habimana", "Moses Okello"},
        ),
        (
            "OTTAWA, June 18, 2019 - Canadian Prime Minister Paul Leclerc held talks with Mexican President "
            "Jorge Ibarra in Ottawa on Tuesday. The two leaders inked an agreement on seasonal farm workers.",
            {"Paul Leclerc", "Jorge Ibarra"},
        ),
        (
            "LUSAKA, August 6, 2019 - Zambian Foreign Minister Peter Mwale held talks with Malawian Foreign "
            "Minister Grace Banda in Lusaka on Tuesday. After the talks, the ministers signed a memorandum "
            "of understanding on a joint commission.",
            {"Peter Mwale", "Grace Banda"},
        ),
        (
            "KIGALI, October 3, 2019 - Rwandan Foreign Minister Eric Mugabo met Burundian Foreign "
            "Minister Alain Ndayishimiye in Kigali on September 30. They discussed border security and "
            "refugees. During the meeting, the ministers signed a memorandum of understanding on refugee "
            "returns.",
            {"Eric Mugabo", "Alain Ndayishimiye"},
        ),
    ],
)
def test_the_sides_that_sign_after_their_talks_are_its_signatories(text, signers):
    ex = extract(text)
    (a,) = ex.agreements
    names = {o.key: o.name for o in ex.officials}
    assert {names[k] for k in a.signatories} == signers
    assert a.meeting == ex.meetings[0].key


@pytest.mark.parametrize(
    "text",
    [
        "BEIJING, April 25, 2019 - Chinese Premier Zhao Minghui held talks with Kenyan President Daniel "
        "Otieno in Beijing on Thursday. After the talks, Zhao and Otieno witnessed the signing of "
        "an agreement on a railway.",
        "HANOI, May 5, 2019 - Malaysian Prime Minister Anwar Rahim held talks with Thai Prime Minister "
        "Somchai Wongsa in Hanoi on Sunday. The two prime ministers witnessed the signing of an agreement "
        "on fisheries.",
        "ALGIERS, March 3, 2020 - Algerian President Karim Bensalah held talks with Tunisian President Hedi "
        "Gharbi in Algiers on Tuesday. A memorandum on border trade was signed in the presence of the two "
        "presidents.",
        "ISLAMABAD, March 18, 2019 - Pakistani Prime Minister Tariq Qureshi and Malaysian Prime Minister "
        "Azman Hashim met in Islamabad on Monday. An agreement on halal trade was signed, witnessed by the "
        "two prime ministers.",
    ],
)
def test_those_who_watch_a_signing_after_talks_are_no_signatories(text):
    ex = extract(text)
    (a,) = ex.agreements
    assert a.signatories == [] and a.meeting == ex.meetings[0].key


@pytest.mark.parametrize(
    "text, states",
    [
        (
            "LISBON, October 2, 2019 - The cities of Porto and Bordeaux signed a twinning agreement "
            "on Wednesday.",
            {"PT", "FR"},
        ),
        (
            "BEIJING, May 15, 2019 - Chengdu and Lyon signed a sister city agreement on Wednesday.",
            {"CN", "FR"},
        ),
        (
            "KRAKOW, June 3, 2019 - The cities of Krakow and Nuremberg have signed a partnership agreement.",
            {"PL", "DE"},
        ),
    ],
)
def test_two_cities_that_sign_give_their_countries(text, states):
    (a,) = extract(text).agreements
    assert set(a.party_countries) == states and a.parties == []
