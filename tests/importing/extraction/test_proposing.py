# ruff: noqa: E501
"""Proposals cite the sentences they came from."""

import pytest

from relations.editorial.vocabulary import Flag
from relations.importing.extraction import extract


def test_it_quotes_the_sentences_it_used():
    text = "HÀ NỘI, October 31 - Prime Minister Phạm Minh Chính received Russian Minister Ivan Petrov in Hà Nội.\n"
    ex = extract(text)
    for record in [*ex.officials, *ex.meetings, *ex.delegations]:
        assert record.evidence
        for ev in record.evidence:
            assert "Phạm Minh Chính" in text[ev.start : ev.end]


def test_party_states_keep_the_names_the_text_gives_them():
    ex = extract(
        "HÀ NỘI, May 4 - Việt Nam and Russia held talks in Hà Nội on Monday. Việt Nam's minister said the"
        " Agreement between the Socialist Republic of Việt Nam and the Russian Federation on fisheries was"
        " signed on Monday. Vietnam and Russia also signed a memorandum of understanding on cooperation in"
        " tourism. Việt Nam hopes for more.\n"
    )
    names = {a.title.split(" on ")[0]: a.party_country_names for a in ex.agreements}
    assert names["Agreement between the Socialist Republic of Việt Nam and the Russian Federation"] == {
        "VN": "Socialist Republic of Việt Nam",
        "RU": "Russian Federation",
    }
    # a state the title does not name is spelt as the text mostly spells its usual name
    assert names["memorandum of understanding"] == {"VN": "Việt Nam", "RU": "Russia"}


def test_a_party_state_the_text_never_calls_by_its_usual_name_keeps_the_text_s_name():
    ex = extract(
        "ANKARA, March 3 - Turkey and the UAE put their names to a shipping memorandum of understanding"
        " on Tuesday, after talks between the leaders of Turkey and the UAE in Ankara.\n"
    )
    assert [a.party_country_names for a in ex.agreements] == [{"TR": "Turkey", "AE": "UAE"}]


def test_a_two_letter_abbreviation_of_a_party_state_gives_way_to_its_usual_name():
    ex = extract(
        "TOKYO, March 3 - Japan and the U.S. put their names to a shipping memorandum of understanding"
        " on Tuesday, after talks between the leaders of Japan and the U.S. in Tokyo.\n"
    )
    [agreement] = ex.agreements
    assert sorted(agreement.party_countries) == ["JP", "US"]
    assert "US" not in agreement.party_country_names  # the record then shows the usual name


@pytest.mark.parametrize(
    "quote",
    [
        '"The visit is overdue," said Ana Torres, senior specialist at the University of Lima.',
        "Russian studies expert Dr Ana Torres said the meeting was timely.",
        "In the article, scholar Ana Torres, Deputy Director of the Department of Andean Studies, wrote that "
        "ties will grow.",
    ],
)
def test_a_commentator_quoted_on_the_talks_is_no_official(quote):
    ex = extract(
        "LIMA, May 4, 2021 - Peruvian President Pedro Ramos held talks with Norwegian Prime Minister Erik "
        "Lund in Lima on Tuesday. " + quote
    )
    names = {o.name for o in ex.officials}
    assert {"Pedro Ramos", "Erik Lund"} <= names
    assert "Ana Torres" not in names


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        (
            "date 2020-07-10\n\nAccra (Wire) - Ghanaian Vice President Kwame Mensah paid a working visit to Nigeria,"
            " where he held talks with Nigerian Vice President Ibrahim Bello on regional security.\n",
            True,
        ),
        (
            "date 2022-04-01\n\nDakar (Wire) - Moroccan Foreign Minister Nasser Bourita signed three agreements"
            " during his visit to Senegal, the two governments said.\n",
            True,
        ),
        (
            "date 2023-01-10\n\nBangkok (Wire) - Japanese Prime Minister Kenji Sato arrived in Bangkok on January 9"
            " on the first leg of a tour of Southeast Asia.\n",
            False,
        ),
    ],
)
def test_a_visit_the_text_gives_no_day_is_flagged_with_its_dates_missing(text, missing):
    (d,) = extract(text).delegations
    assert (Flag.DATE_MISSING in d.flags) is missing
    assert missing is (d.start is None and d.end is None)
