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
