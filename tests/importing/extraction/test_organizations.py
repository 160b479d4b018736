from relations.importing.extraction import extract
from relations.importing.extraction.names import tokenize
from relations.importing.extraction.organizations import is_state, org_country, org_spans
from relations.importing.extraction.titles import ministry_from_title


def _spans(text: str) -> list[str]:
    tokens = tokenize(text)
    return [text[tokens[a].start : tokens[b - 1].end] for a, b in org_spans(tokens, set())]


def test_a_name_stops_before_a_date_or_the_city_it_sits_in():
    assert _spans("The talks at the Kremlin in Moscow on Monday ended.") == ["Kremlin"]
    assert _spans("Later the Government in May approved the plan.") == ["Government"]
    assert _spans("He addressed the Party Central Committee in Vientiane on August 5.") == [
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
    orgs = {o.key: o for o in ex.organizations}
    by_name = {o.name: o for o in ex.officials}
    orlov = orgs[by_name["Pavel Orlov"].organization]
    assert orlov.name.startswith("Ministry of Transport") and orlov.country == "RU"
    assert orgs[by_name["Luis Vargas"].organization].country == "PE"


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
