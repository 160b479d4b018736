"""Bodies read from how real reports name them: an article before a name, a house of parliament or a
consultative conference, an envoy's mission, a committee of the body that sends a delegation, and two
governments named as the sides of the documents a text lists."""

import pytest

from relations.importing.extraction import extract
from relations.importing.extraction.linking import org_name
from relations.importing.extraction.names import tokenize
from relations.importing.extraction.organizations import org_spans
from tests.importing.extraction.helpers import organization_of, parties


def _spans(text: str) -> list[str]:
    tokens = tokenize(text)
    return [text[tokens[a].start : tokens[b - 1].end] for a, b in org_spans(tokens, set())]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("A Ruritanian Interior Ministry spokesman denied the report.", ["Ruritanian Interior Ministry"]),
        ("An Interior Ministry source gave no figures.", ["Interior Ministry"]),
        ("An Giang Provincial People's Committee hosted them.", ["An Giang Provincial People's Committee"]),
        ("He sits in the Ruritanian House of Commons.", ["Ruritanian House of Commons"]),
        ("She chairs the Lakeland Consultative Conference.", ["Lakeland Consultative Conference"]),
    ],
)
def test_a_sentence_s_article_stays_out_and_a_house_or_a_conference_heads_a_name(text, spans):
    assert _spans(text) == spans


def test_an_envoy_whose_country_is_known_late_works_at_his_country_s_one_embassy():
    ex = extract(
        "OSLO, May 4, 2021 - Ambassador Tran Van Minh welcomed a group of students to the Vietnamese "
        "Embassy in Oslo on Tuesday. Ambassador Tran Van Minh said the ties between the two nations keep "
        "growing.\n"
    )
    embassy = organization_of(ex, "Tran Van Minh")
    assert (embassy.name, embassy.country) == ("Vietnamese Embassy in Oslo", "VN")


def test_a_committee_head_leading_his_house_s_delegation_holds_his_post_in_that_house():
    ex = extract(
        "HANOI, June 2, 2022 - A delegation of the Norwegian Parliament led by head of the Budget Committee "
        "Lars Berg arrived in Hanoi on Thursday for a four-day visit.\n"
    )
    assert organization_of(ex, "Lars Berg").name.startswith("Norwegian Parliament")


def test_two_governments_named_together_are_the_sides_of_the_documents_listed_after():
    ex = extract(
        "HANOI, March 3, 2023 - The Government of Norway and the Government of Vietnam concluded two "
        "deals on Friday.\n\nThe documents are a Memorandum of Understanding on "
        "Fisheries Research and an Agreement on Maritime Training, signed by the two deputy ministers.\n"
    )
    assert ex.agreements
    for agreement in ex.agreements:
        assert sorted(o.country for o in parties(ex, agreement)) == ["NO", "VN"]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("The guests then toured the Prime Minister's Office.", ["Prime Minister's Office"]),
        ("She now serves in the President\u2019s Office (Legal Affairs).", ["President\u2019s Office"]),
        ("Both Norwegian and Labour Party members voted.", ["Labour Party"]),
        ("He runs the Ministry of Trade and Industry.", ["Ministry of Trade and Industry"]),
    ],
)
def test_a_post_s_office_takes_the_post_and_a_lone_adjective_before_and_stays_out(text, spans):
    assert _spans(text) == spans


@pytest.mark.parametrize(
    ("name", "whole"),
    [
        ("Norway's National Assembly", "National Assembly of Norway"),
        ("Peru\u2019s Government", "Government of Peru"),
        ("Norway's Party and Government", "Norway's Party and Government"),
        ("Norway's Foreign Ministry", "Foreign Ministry"),
    ],
)
def test_a_state_s_own_parliament_or_government_is_named_with_the_state(name, whole):
    assert org_name(name) == whole


def test_words_after_a_side_s_name_are_no_body():
    ex = extract(
        "OSLO, May 5, 2015 - Foreign Minister Lars Berg met British Foreign Secretary Tom Hill on Monday. "
        "They backed the training programme between Lakeland and the United Kingdom covering 300 trainee "
        "nurses.\n"
    )
    assert ex.agreements
    assert not any("covering" in o.name for o in ex.organizations)


def test_a_side_named_in_lower_case_words_keeps_them():
    ex = extract(
        "MOSCOW, May 6, 2019 - The Norwegian minister proposed a memorandum of understanding between the "
        "Ministry of Fisheries of Norway and the Russian marine resources ministry on salmon farming.\n"
    )
    assert "Russian marine resources ministry" in [o.name for o in ex.organizations]


def _bodies(ex) -> set[tuple[str, str | None, str]]:
    return {(o.name, o.country, o.acronym) for o in ex.organizations}


@pytest.mark.parametrize(
    ("text", "bodies"),
    [
        (
            "LUSAKA, March 3 (Agency) - The Malawi Chamber of Commerce (MCC) and the Zambia Development "
            "Agency (ZDA) signed a memorandum on trade promotion in Lusaka on Monday.",
            {("Malawi Chamber of Commerce", "MW", "MCC"), ("Zambia Development Agency", "ZM", "ZDA")},
        ),
        (
            "NIAMEY, Aug 11 (Agency) - The Ministry of Mines of Niger and the Ministry of Energy of Chad "
            "signed a memorandum on geological surveys in Niamey on Friday.",
            {("Ministry of Mines of Niger", "NE", ""), ("Ministry of Energy of Chad", "TD", "")},
        ),
        (  # one body with an "and" in its name and its acronym, signing "with" another
            "ACCRA, Jan 11 (Agency) - The Ghana Chamber of Commerce and Industry (Gcci) signed a memorandum "
            "of understanding with the Togolese Chamber of Commerce in Accra on Tuesday.",
            {
                ("Ghana Chamber of Commerce and Industry", "GH", ""),
                ("Togolese Chamber of Commerce", "TG", ""),
            },
        ),
    ],
)
def test_a_signing_side_is_named_without_its_bracketed_acronym_or_the_dateline_before_it(text, bodies):
    assert _bodies(ex := extract(text)) == bodies, ex.organizations


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (  # a host named with its acronym
            "NAIROBI, June 2 (Agency) - The Federation of Kenyan Chambers of Industry (FKCI) hosted a trade "
            "delegation from Uganda led by Trade Minister Joseph Okello in Nairobi on Monday.",
            ("Federation of Kenyan Chambers of Industry", "KE", "FKCI"),
        ),
        (  # the body a delegation is of, its members unnamed
            "WARSAW, May 5 (Agency) - Speaker Anna Kowalczyk received a delegation of the National Assembly "
            "of Zambia in Warsaw on Tuesday.",
            ("National Assembly of Zambia", "ZM", ""),
        ),
        (
            "HARARE, July 9 (Agency) - Trade Minister Tendai Moyo met a business delegation from the "
            "Botswana Investment and Trade Centre (BITC) in Harare on Wednesday.",
            ("Botswana Investment and Trade Centre", "BW", "BITC"),
        ),
        (  # a governor's province, its country that of the city it is named after
            "BANGKOK, Jan 9 (Agency) - Governor of Chiang Mai Province Prasert Wongsa received Lao Deputy "
            "Prime Minister Khamphet Vongsa on Monday.",
            ("Chiang Mai Province", "TH", ""),
        ),
    ],
)
def test_a_body_that_hosts_or_sends_or_is_a_governor_s_province_is_proposed_with_its_country(text, body):
    assert body in _bodies(ex := extract(text)), ex.organizations


def test_a_delegation_s_body_whose_country_the_text_leaves_to_be_guessed_is_not_proposed():
    ex = extract(
        "CHENGDU, Nov 6 (Agency) - Governor Li Wenhua met a delegation of the Lakeland State Government in "
        "Chengdu on Monday."
    )
    assert not any("Lakeland" in o.name for o in ex.organizations)


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "HANOI, Sept 4 (Agency) - A delegation of the Cambodian Ministry of Commerce led by Minister Pan "
            "Sorasak is paying a working visit to Vietnam from September 3 to 6 at the invitation of the "
            "Vietnamese Ministry of Industry and Trade.",
            ("Vietnamese Ministry of Industry and Trade", "VN"),
        ),
        (
            "WINDHOEK, Nov 8 (Agency) - A delegation of the Senate of Zimbabwe led by Senator Mabel Moyo "
            "arrived in Windhoek on Tuesday at the invitation of the National Assembly of Namibia.",
            ("National Assembly of Namibia", "NA"),
        ),
    ],
)
def test_a_ministry_or_parliament_at_whose_invitation_a_visit_is_paid_hosts_it(text, body):
    ex = extract(text)
    assert body in {(o.name, o.country) for o in ex.organizations}, ex.organizations


def test_a_party_s_committee_that_invites_is_no_host_proposed():
    ex = extract(
        "HAVANA, Oct 2 (Agency) - A delegation of the Lakeland Workers' Party led by its Secretary General "
        "Ivan Horvat arrived in Havana on Monday at the invitation of the Central Committee of the "
        "Communist Party of Cuba."
    )
    assert not any("Central Committee" in o.name for o in ex.organizations)
