from types import SimpleNamespace

import pytest

from relations.importing.extraction import extract
from relations.importing.extraction.document import build
from relations.importing.extraction.linking import merge_organizations
from relations.importing.extraction.names import tokenize
from relations.importing.extraction.organizations import (
    OrgRegistry,
    institution,
    is_state,
    org_country,
    org_kind,
    org_spans,
)
from relations.importing.extraction.people import People
from relations.importing.extraction.titles import ministry_from_title
from tests.importing.extraction.helpers import official, organization_of


def _spans(text: str) -> list[str]:
    tokens = tokenize(text)
    return [text[tokens[a].start : tokens[b - 1].end] for a, b in org_spans(tokens, set())]


def test_a_name_stops_before_a_date_or_the_city_it_sits_in():
    assert _spans("The reception at the Kremlin in Moscow on Friday ran late.") == ["Kremlin"]
    assert _spans("Later the Government in May approved the plan.") == ["Government"]
    assert _spans("She briefed the Party Central Committee in Hanoi on March 12.") == [
        "Party Central Committee"
    ]
    assert _spans("Then the Senate Committee on Foreign Affairs met.") == [
        "Senate Committee on Foreign Affairs"
    ]


def test_an_embassy_keeps_its_seat_and_is_its_senders():
    assert _spans("A reception at the Norwegian Embassy in Lima followed.") == ["Norwegian Embassy in Lima"]
    assert org_country("Norwegian Embassy in Lima") == "NO"
    assert org_country("Norway-Peru Friendship Association") is None


def test_a_curly_possessive_stays_inside_the_name():
    assert _spans("Chairman of the National People\u2019s Congress Standing Committee, Li Wei, spoke.") == [
        "National People\u2019s Congress Standing Committee"
    ]


def test_a_heading_in_capitals_is_no_body_and_a_shouted_word_ends_a_name():
    assert _spans("HISTORY OF PARTY TIES WITH THE NORTH") == []
    assert _spans("Andean Press Agency WORLD news") == ["Andean Press Agency"]
    assert _spans("EMERCOM of Russia sent rescuers.") == ["EMERCOM of Russia"]


def test_a_title_that_names_the_state_gives_its_ministry_not_the_state():
    ex = extract(
        "MOSCOW, March 3, 2022 - State Secretary - Deputy Minister of Transport of the Russian Federation "
        "Pavel Orlov met Deputy Minister of Transport of Peru Luis Vargas in Moscow on Thursday."
    )
    orlov = organization_of(ex, "Pavel Orlov")
    assert orlov.name.startswith("Ministry of Transport") and orlov.country == "RU"
    assert organization_of(ex, "Luis Vargas").country == "PE"


def test_a_portfolio_before_minister_names_the_ministry():
    assert ministry_from_title("External Affairs Minister") == "Ministry of External Affairs"
    assert ministry_from_title("Norwegian Deputy Foreign Minister") == "Ministry of Foreign Affairs"
    assert ministry_from_title("Trade and Industry Minister") == "Ministry of Trade and Industry"
    assert ministry_from_title("Senior Minister") == ""
    assert ministry_from_title("Deputy Prime Minister") == ""


def test_a_piece_of_a_states_name_is_no_body():
    assert is_state("Democratic Republic")
    assert is_state("Russian Federation")
    assert not is_state("Federation Council")


def test_a_unit_of_a_ministry_a_parliament_or_a_central_committee_belongs_to_that_body():
    ministry = "Norwegian Foreign Ministry"
    assert institution("Second Asian Department of the Norwegian Foreign Ministry") == ministry
    assert institution("Norwegian Foreign Ministry\u2019s Third Asian Department") == ministry
    assert institution("Department of Gas of the Chilean Energy Ministry") == "Chilean Energy Ministry"
    assert institution("Central Committee of the Communist Party of Cuba") == "Communist Party of Cuba"
    assert institution("PCC Central Committee") == "PCC"
    assert institution("Senate Committee on Foreign Relations") == "Senate"
    assert institution("Committee on Foreign Affairs of the National Assembly") == "National Assembly"
    # a body of its own: a local committee, a commission of a party's central committee, the CC alone
    assert institution("People's Committee of Quang Tri province") == ""
    assert institution("Commission for External Relations of the Party Central Committee") == ""
    assert institution("Party Central Committee") == ""
    assert institution("Ministry of Foreign Affairs of the Russian Federation") == ""


def test_an_official_of_a_ministry_s_department_holds_his_post_in_the_ministry():
    ex = extract(
        "OSLO, May 4, 2021 - Director of the Fourth Americas Department of the Ministry of Foreign Affairs "
        "of Norway Lars Berg met Head of the Havana Branch of the Communist Party of Cuba "
        "Pedro Ramos Diaz in Oslo on Tuesday."
    )
    assert organization_of(ex, "Lars Berg").name == "Ministry of Foreign Affairs of Norway"
    assert organization_of(ex, "Pedro Ramos Diaz").name == "Communist Party of Cuba"
    assert not any("Department" in o.name for o in ex.organizations)


def test_a_kind_is_read_without_the_state_s_name():
    assert org_kind("Ministry of Foreign Affairs of the Russian Federation") == "ministry"
    assert org_kind("Federation Council") == "agency"


def test_a_local_body_keeps_its_place_and_level_and_a_short_form_joins_it():
    assert _spans("Later the Quang Tri provincial People's Committee said so.") == [
        "Quang Tri provincial People's Committee"
    ]
    assert _spans("He met the provincial People's Committee.") == ["People's Committee"]
    ex = extract(
        "QUANG TRI, May 4, 2021 - Chairman of the Quang Tri provincial People's Committee Le Van Hoa "
        "received a delegation of the Savannakhet Department of Tourism led by Director Khamla Vongsa on "
        "Tuesday. Vice Chairman of the provincial People's Committee Tran Thi Mai also attended."
    )
    assert organization_of(ex, "Tran Thi Mai").name == "Quang Tri provincial People's Committee"


def test_a_body_named_by_its_acronym_alone_is_the_body_that_has_it():
    ex = extract(
        "HAVANA, May 4, 2021 - A delegation of the Communist Party of Cuba (PCC) led by Secretary of the PCC "
        "Central Committee Pedro Ramos Diaz arrived in Hanoi on Tuesday. The PCC delegation met Vietnamese "
        "officials."
    )
    pcc = [o for o in ex.organizations if o.acronym == "PCC" or o.name == "PCC"]
    assert [o.name for o in pcc] == ["Communist Party of Cuba"]
    ramos = next(o for o in ex.officials if o.name == "Pedro Ramos Diaz")
    assert ramos.organization == pcc[0].key


def test_a_body_key_is_never_given_twice():
    orgs = OrgRegistry()
    first = orgs.add("Ministry of Health", 0)
    orgs.orgs.remove(first)
    orgs.reindex()
    second = orgs.add("Ministry of Justice", 1)
    assert second.key != first.key


def test_an_ambassador_works_at_his_country_s_embassy_and_a_governor_for_his_region():
    ex = extract(
        "HANOI, May 4, 2021 - Deputy Minister of Foreign Affairs Tran Thi Lan received Norwegian Ambassador "
        "to Vietnam Lars Berg on Tuesday. Staff from the Ministry of Foreign Affairs and the Norwegian "
        "Embassy in Hanoi sat in. Governor of Russia's Tomsk Oblast Ivan Petrov visited Hanoi on Monday."
    )
    embassy = organization_of(ex, "Lars Berg")
    assert (embassy.name, embassy.country) == ("Norwegian Embassy in Hanoi", "NO")
    assert organization_of(ex, "Tran Thi Lan").name == "Ministry of Foreign Affairs"
    region = organization_of(ex, "Ivan Petrov")
    assert (region.name, region.kind, region.country) == ("Tomsk Oblast", "government", "RU")


def test_an_acronym_and_the_next_body_are_two_bodies():
    text = (
        "HANOI, May 4 - Secretary of the CPV Central Committee Ana Ruiz met Lars Berg, Secretary of the"
        " General"
        " Council of the United Russia party, in Hanoi on Monday. They praised the ties between the CPV and"
        " United Russia.\n"
    )
    orgs = OrgRegistry()
    People(build(text).sentences, orgs)
    assert [o.name for o in orgs.orgs if " and " in o.name] == []


def test_the_foreign_ministry_and_the_ministry_of_foreign_affairs_are_one_body():
    orgs = OrgRegistry()
    for name in (
        "Norwegian Foreign Ministry",
        "Ministry of Foreign Affairs of Norway",
        "Ministry of Foreign Trade",
    ):
        orgs.add(name, 0).country = "NO"
    merge_organizations(orgs, SimpleNamespace(persons=[]), [], [])
    assert sorted(o.name for o in orgs.orgs) == [
        "Ministry of Foreign Affairs of Norway",
        "Ministry of Foreign Trade",
    ]


def test_a_cabinet_secretary_heads_a_department():
    assert ministry_from_title("Deputy Secretary of State") == "Department of State"
    assert ministry_from_title("secretary of defence") == "Department of Defense"
    assert ministry_from_title("State Secretary for Education") == "Department for Education"
    assert ministry_from_title("Secretary of the PNP Central Committee") == ""


def test_a_form_of_address_or_a_title_after_and_ends_a_body_s_name():
    text = "General Secretary of the Ruritanian Party Central Committee Comrade Anton Weiss spoke."
    assert _spans(text) == ["Ruritanian Party Central Committee"]
    assert _spans("Head of Protocol of the Presidential Administration and Presidential Press Secretary") == [
        "Presidential Administration"
    ]
    assert _spans("They saw the Lakeland Railways MoU signed") == ["Lakeland Railways"]


def test_a_portfolio_in_lower_case_or_a_short_fm_names_the_ministry():
    assert ministry_from_title("external affairs minister") == "Ministry of External Affairs"
    assert ministry_from_title("defence minister") == "Ministry of Defence"
    assert ministry_from_title("FM") == "Ministry of Foreign Affairs"
    assert ministry_from_title("Foreign Affairs Minister") == "Ministry of Foreign Affairs"
    assert ministry_from_title("Affairs Minister") == ""
    assert ministry_from_title("prime minister") == ""
    assert ministry_from_title("senior minister") == ""


def _org_of(text: str, token: str):
    ex = extract(text)
    orgs = {o.key: o for o in ex.organizations}
    person = next(o for o in ex.officials if token in o.name)
    return orgs.get(person.organization)


def test_a_region_s_head_works_for_the_region_and_a_railway_is_a_company():
    text = (
        "MOSCOW, May 10, 2015 - Governor of Moscow province Andrei Orlov met Chairman Li Wen of the "
        "Lakeville People's Committee on Monday.\n\nHead of the Republic of Buryatia Ivan Sokolov and "
        "President of Ruritanian Railways Oleg Petrov also attended.\n"
    )
    assert _org_of(text, "Orlov").name == "Moscow province"
    assert _org_of(text, "Sokolov").name == "Republic of Buryatia"
    assert _org_of(text, "Petrov").name == "Ruritanian Railways"


def test_a_state_s_department_named_by_common_words_is_proposed_with_its_country():
    org = _org_of(
        "WASHINGTON, March 24, 2021 - US Secretary of State John Miller met Turkey's Foreign Minister Ali "
        "Demir in Brussels on Wednesday.\n",
        "Miller",
    )
    assert org is not None and org.name.startswith("Department of State") and org.country == "US"


def test_a_plural_possessive_stays_inside_a_body_s_name():
    text = (
        "HANOI, June 15, 2023 - A delegation from the Party Committee of the Central Agencies' Bloc, led by "
        "its Secretary Nguyen Van Binh, worked with leaders of United Russia in Moscow on Monday.\n"
    )
    orgs = OrgRegistry()
    People(build(text).sentences, orgs)
    assert "Party Committee of the Central Agencies' Bloc" in [o.name for o in orgs.orgs]


def test_a_post_in_a_named_body_outdoes_a_membership_of_a_common_one():
    text = (
        "MOSCOW, June 21, 2016 - The delegation, led by member of the Party Central Committee and Permanent "
        "Deputy Head of the Central Committee's Organisation Commission Tran Van Khiem, met leaders of "
        "United Russia on Monday.\n"
    )
    assert "Organisation Commission" in _org_of(text, "Khiem").name


def test_an_acronym_bracketed_inside_a_name_is_passed_and_names_its_own_body():
    text = (
        "ULAANBAATAR, June 7 -- Batbold Dorj, head of the External Relations Department of the Mongolian "
        "People's Party (MPP) Central Committee, received a delegation of the Freedom Union of Latvia on "
        "Wednesday. Janis Ozols, chairman of the Freedom Union, said the MPP was a close partner."
    )
    ex = extract(text)
    body = organization_of(ex, "Batbold Dorj")
    assert body.name == "External Relations Department of the Mongolian People's Party Central Committee"
    assert body.acronym == ""  # the acronym is the party's, no name of the department
    holder = next(o for o in ex.officials if o.name == "Batbold Dorj")
    assert "(MPP) Central Committee" in holder.titles[0]
    assert _spans("He met the Secretariat of the Green Party (GP)'s Central Committee.") == [
        "Secretariat of the Green Party (GP)'s Central Committee"
    ]
    # a title after the bracket ends the name: "the Workers' Union (WU) Chairman NAME"
    assert _spans("He met the Workers' Union (WU) Chairman.") == ["Workers' Union"]


def test_a_name_ends_before_and_with_a_country_s_adjective_and_a_title():
    assert _spans("He is head of the Liberal Party Central Committee and Danish foreign minister.") == [
        "Liberal Party Central Committee"
    ]


def test_a_minister_of_state_holds_a_rank_in_the_ministry_of_his_portfolio():
    assert (
        ministry_from_title("Minister of State for Fisheries and Forests")
        == "Ministry of Fisheries and Forests"
    )
    assert ministry_from_title("Chilean Minister of State for Mining") == "Ministry of Mining"
    assert ministry_from_title("Minister of State") == ""  # the rank alone names no ministry
    assert ministry_from_title("Minister of Culture") == "Ministry of Culture"


def test_a_common_name_a_visit_or_a_post_uses_is_named_with_its_country():
    ex = extract(
        "OTTAWA, March 3 - The Federal Assembly delegation, led by Polish Senate Speaker Anna Nowak, "
        "arrived in Ottawa on Monday for talks with Canadian officials."
    )
    sender = next(d for d in ex.delegations if d.sending_body)
    body = next(o for o in ex.organizations if o.key == sender.sending_body)
    assert (body.name, body.country) == (
        "Federal Assembly of Poland",
        "PL",
    )  # the visitors' own, not the host's
    ex = extract("HANOI, May 2 - Chairman of the Government Office Le Van Tam received the guests from Laos.")
    assert organization_of(ex, "Le Van Tam").name == "Government Office of Vietnam"


def test_a_ministry_in_small_letters_takes_the_country_written_next_to_it():
    from relations.importing.extraction.organizations import small_letter_ministries

    assert small_letter_ministries("The talks went well, according to Lima\u2019s foreign ministry.") == [
        ("Foreign Ministry", "PE")
    ]
    assert small_letter_ministries("It will help the Kenyan defense ministry, he said.") == [
        ("Defense Ministry", "KE")
    ]
    assert small_letter_ministries("Ghana's ministry of trade and industry hosted the fair.") == [
        ("Ministry of Trade and Industry", "GH")
    ]
    assert small_letter_ministries("Bat Erdene, of the health ministry of Mongolia, spoke.") == [
        ("Health Ministry", "MN")
    ]
    assert small_letter_ministries("The ministry said the Chilean and Peruvian ministries agreed.") == []


def test_a_ministry_in_small_letters_is_the_one_its_minister_s_title_names():
    ex = extract(
        "SANTIAGO, May 3 - Chilean Foreign Minister Alberto Fuentes met Peruvian officials on Monday, "
        "according to Santiago's foreign ministry."
    )
    body = organization_of(ex, "Alberto Fuentes")
    assert body.country == "CL" and "Foreign Ministry" in [body.name, *body.aliases]
    ex = extract(
        "ACCRA, June 9 - Ghanaian Minister of National Defence Kofi Mensah Boateng received a Turkish "
        "delegation on Friday. The visit will deepen ties with the Ghanaian defence ministry, he said."
    )
    body = organization_of(ex, "Kofi Mensah Boateng")
    assert body.name == "Ministry of National Defence" and "Defence Ministry" in body.aliases


def test_a_parliament_with_a_short_name_of_its_own_is_its_speaker_s_body():
    ex = extract(
        "WARSAW, Sept 5 - Speaker of the Sejm Anna Wrobel received a delegation of the Mongolian State "
        "Great Khural on Tuesday."
    )
    assert organization_of(ex, "Anna Wrobel").name == "Sejm"


def test_an_international_body_s_acronym_before_a_post_is_the_holder_s_body_of_no_country():
    ex = extract(
        "ROME, May 2 - FAO Director-General Li Wenhao met Cambodian Agriculture Minister Sok Vannak on "
        "Monday."
    )
    body = organization_of(ex, "Li Wenhao")
    assert (body.name, body.acronym, body.country) == ("Food and Agriculture Organization", "FAO", None)
    ex = extract(
        "JAKARTA, May 2 - UNICEF Representative in Indonesia Maniza Zaman met Indonesian Health Minister "
        "Budi Sadikin."
    )
    assert organization_of(ex, "Maniza Zaman").acronym == "UNICEF"
    ex = extract("Cambodian Prime Minister Hun Manet, the ASEAN Chairman, met Japanese leaders.")
    assert next(o for o in ex.officials if o.name == "Hun Manet").organization is None


@pytest.mark.parametrize(
    ("text", "person", "body"),
    [
        (  # the chamber's word is no person's name
            "VALLETTA, May 12 (Agency) - Speaker of the House of Representatives of Malta Anton Vella "
            "received a delegation of the Slovenian Parliament on Monday.",
            "Anton Vella",
            ("House of Representatives of Malta", "MT"),
        ),
        (
            "CAIRO, Jan 20 (Agency) - Speaker of the House of Representatives Karim Mansour received the "
            "Tunisian ambassador Ali Ben Salem on Sunday.",
            "Karim Mansour",
            ("House of Representatives", None),
        ),
        (  # a plural word after a state's adjective or name inside a body's name is no person
            "NEW DELHI, Feb 6 (Agency) - President of the Confederation of Nepalese Chambers of Industry "
            "Hari Thapa met Indian Commerce Minister Raj Mehta on Monday.",
            "Hari Thapa",
            ("Confederation of Nepalese Chambers of Industry", "NP"),
        ),
        (
            "DHAKA, Oct 4 (Agency) - President of the Federation of Bhutan Chambers of Trade Karma Dorji "
            "met Bangladeshi Commerce Minister Tipu Rahman on Monday.",
            "Karma Dorji",
            ("Federation of Bhutan Chambers of Trade", "BT"),
        ),
        (  # "Hellenic" as Greece's adjective
            "ATHENS, June 8 (Agency) - Speaker of the National Assembly of Malta Anton Borg held talks with "
            "the President of the Hellenic Parliament Nikos Pappas in Athens.",
            "Nikos Pappas",
            ("Hellenic Parliament", "GR"),
        ),
    ],
)
def test_a_house_named_after_its_members_or_a_plural_after_a_state_stays_in_its_name(text, person, body):
    ex = extract(text)
    org = organization_of(ex, person)
    assert (org.name, org.country if body[1] else None) == body


@pytest.mark.parametrize(
    ("text", "person", "title", "body"),
    [
        (
            "MOSCOW, June 22 (Agency) - Trade Minister Pavel Orlov met the governor of the Tomsk region Ivan "
            "Belov on Monday.",
            "Ivan Belov",
            "governor of the Tomsk region",
            ("Tomsk region", "RU"),
        ),
        (
            "MOSCOW, June 22 (Agency) - The head of the Kaluga oblast Oleg Sokolov welcomed Belarusian Prime "
            "Minister Roman Petrov on Monday.",
            "Oleg Sokolov",
            "head of the Kaluga oblast",
            ("Kaluga oblast", "RU"),
        ),
    ],
)
def test_a_region_s_head_in_small_letters_after_the_holds_the_region_s_body(text, person, title, body):
    ex = extract(text)
    assert title in official(ex, person).titles
    org = organization_of(ex, person)
    assert (org.name, org.country) == body
