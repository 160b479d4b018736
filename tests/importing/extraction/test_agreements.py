# ruff: noqa: E501
"""Agreements: kinds, states, periods and parties; what is not a document."""

import pytest

from relations.importing.extraction import extract
from relations.importing.extraction.agreements import joined_sides
from relations.importing.proposals import PartialDate
from tests.importing.extraction.helpers import names_by_key, parties


def test_it_reads_agreement_kinds_states_and_periods():
    ex = extract(
        "MOSCOW, June 16 - The sides signed a memorandum of understanding on cooperation in energy for"
        " 2016-2020. Russian Deputy Minister Ivan Petrov proposed preparing an intergovernmental agreement on"
        " road transport. The draft intergovernmental program of cooperation in mining and metals is being"
        " reviewed. They marked the 20th anniversary of the Treaty on Friendly Relations.\n"
    )
    agr = {a.title: a for a in ex.agreements}
    mou = agr["memorandum of understanding on cooperation in energy for 2016-2020"]
    assert (mou.kind, mou.state, mou.period_start, mou.period_end) == ("memorandum", "signed", 2016, 2020)
    assert agr["intergovernmental agreement on road transport"].state == "proposed"
    assert agr["intergovernmental program of cooperation in mining and metals"].state == "draft"
    treaty = agr["Treaty on Friendly Relations"]
    assert treaty.state == "referenced" and not treaty.primary


def test_it_reads_a_list_of_signed_documents():
    ex = extract(
        "Following the talks, the two sides signed four documents: a cooperation programme between the two"
        " ministries for 2013-2015; a memorandum of understanding on teaching Russian for 2013-2016; and a plan"
        " for the joint training of specialists for 2014-2020.\n"
    )
    assert [a.state for a in ex.agreements] == ["signed", "signed", "signed"]
    assert [a.period_start for a in ex.agreements] == [2013, 2013, 2014]


def test_documents_two_governments_agreed_on_and_then_listed_were_signed():
    ex = extract(
        "LIMA, May 4, 2021 - The Government of Peru and the Government of Norway agreed on three cooperation "
        "agreements. The deal was struck when President Pedro Ramos received Prime Minister Erik Lund at "
        "the palace on Monday.\n\nThese three deals include Memorandum of Understanding on "
        "Salmon Farming, Memorandum of Understanding on Copper Surveys, and Memorandum of Understanding "
        "on Youth Exchanges.\n"
    )
    listed = [a for a in ex.agreements if a.title.startswith("Memorandum")]
    assert len(listed) == 3
    assert {a.state for a in listed} == {"signed"}
    # dated as the event the article reports
    assert ex.date is not None and {a.signed_on for a in listed} == {ex.date}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "The party will have a specific plan for this programme. They considered plans to reopen flights.\n",
            id="plans that are not documents",
        ),
        pytest.param(
            "SEOUL, Aug. 22 (Kyodo) -- South Korean President Lee Jae-sung met Vietnamese "
            "President Vo Minh Khang. "
            "The two nations aim to raise trade, according to a joint statement issued after the talks.",
            id="an issued joint statement",
        ),
        pytest.param(
            "date 2023-07-31\nMinisters meet\n\n"
            "Pakistan's Planning Minister Imran Qadir met Chinese Vice Chairman Li Peng in Islamabad.\n\n"
            "The second document on the agenda was about the corridor's future.\n",
            id="an ordinal without a counted signing",
        ),
        pytest.param(
            "date 2022-05-10\nMinisters meet\n\n"
            "Foreign Minister Anton Weiss of Ruritania met Foreign Minister Olga Brandt of Lakeland at the "
            "Lakeland International Convention Center in Lakeville on Monday.\n",
            id="a venue named convention centre",
        ),
        pytest.param(
            "QUITO, March 3, 2021 - Minister Rosa Vega met Icelandic Minister Gunnar Olafsson. Vega asked "
            "the Icelandic side to keep honouring the existing agreements in the fishing sector.\n",
            id="agreements spoken of",
        ),
        pytest.param(
            "QUITO, March 3, 2021 - Minister Rosa Vega met Icelandic Minister Gunnar Olafsson. Ecuador "
            "takes part in many free trade agreements and regional supply chains.\n",
            id="agreements as a kind of thing",
        ),
        pytest.param(
            "QUITO, March 3, 2021 - President Rosa Vega and Prime Minister Gunnar Olafsson talked for 25 "
            "minutes on the sidelines of the summit.\n",
            id="minutes of time",
        ),
        pytest.param(
            "QUITO, March 3, 2021 - Minister Rosa Vega met Icelandic Minister Gunnar Olafsson. Both called "
            "for respect of the UN Convention on the Law of the Sea.\n",
            id="a multilateral convention invoked",
        ),
        pytest.param(
            "QUITO, March 3, 2021 - Minister Rosa Vega met Icelandic Minister Gunnar Olafsson, said Maria "
            "Lopez, director of the Andes Program at a research institute. Iceland announced an action plan.\n",
            id="an institute's programme and one side's plan",
        ),
    ],
)
def test_a_text_that_names_no_document_gives_no_agreement(text):
    assert extract(text).agreements == []


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


def test_it_links_acronym_parties_to_organisations():
    text = (
        "HANOI, June 5, 2019 (VNA) - Secretary of the CPV Central Committee Le Van Hoa hosted Deputy "
        "Chairman of the Communist Party of the Russian Federation (CPRF) Pavel "
        "Orlov. The two sides signed "
        "a plan of party exchanges between the CPV and the CPRF for 2020-2024."
    )
    ex = extract(text)
    [a] = ex.agreements
    assert len(a.parties) == 2
    assert {o.country for o in parties(ex, a)} == {"VN", "RU"}


def test_it_reads_an_agreement_that_is_to_be_signed_as_not_yet_signed():
    text = (
        "On 12 March 2018, Deputy Foreign Minister of Russia Ivan Morozov met Deputy Foreign Minister of "
        "Laos Somsak Vongsa. They went over the agreement on cooperation in forestry, which is to be "
        "signed in June."
    )
    [a] = extract(text).agreements
    assert a.state in {"draft", "proposed"}


CEREMONY = (
    "date 2023-07-31\nTwo countries sign five documents\n\n"
    "LIMA, July 31 - Peru and Norway signed five agreements and MOUs on Monday.\n\n"
    "Trade Minister Ana Ruiz and the Norwegian Vice Chairman Lars Berg signed the document on the steering "
    "board of the fisheries council.\n\n"
    "The second document signed by Trade Minister Ana Ruiz and Vice Chairman Lars Berg was related "
    "to the creation of a student grants scheme.\n\n"
    "The third document was signed by Farm Secretary Jorge Quispe and the Norwegian envoy Nils Holm for the "
    "export of quinoa from Peru to Norway.\n\n"
    "The fourth one was between the Peruvian Sea Institute, Callao, and the Norwegian Polar Institute, "
    "Tromso, for joint work on ocean currents, and the final one is between the Callao Harbour Board "
    "and the Bergen Port Authority to share cargo data.\n"
)


def _titles(ex):
    return [a.title for a in ex.agreements]


def test_each_enumerated_document_of_a_counted_signing_is_an_agreement():
    ex = extract(CEREMONY)
    titles = _titles(ex)
    assert "document on the steering board of the fisheries council" in titles
    assert "document related to the creation of a student grants scheme" in titles
    assert "document for the export of quinoa from Peru to Norway" in titles
    assert any(t.startswith("agreement between the Peruvian Sea Institute") for t in titles)
    assert any(t.startswith("agreement between the Callao Harbour Board") for t in titles)
    assert len(titles) == 5
    assert all(a.state == "signed" for a in ex.agreements)


def test_the_documents_share_the_ceremony_s_date():
    ex = extract(CEREMONY)
    assert {a.signed_on for a in ex.agreements} == {PartialDate(2023, 7, 31)}


def test_a_document_named_before_and_then_talked_about_is_one_agreement():
    ex = extract(
        "date 2025-01-17\nLeaders sign a treaty\n\n"
        "Russian President Ivan Petrov and Iranian President Ali Karimi signed a Comprehensive Strategic "
        "Partnership Agreement on Friday in Moscow.\n\n"
        "The agreement covers many fields, from farming to space.\n\n"
        "The newly signed agreement shows how close the two capitals have grown.\n\n"
        "Analysts stressed the treaty's role in deepening cooperation.\n\n"
        "Iran's plan for the region was also discussed.\n"
    )
    assert _titles(ex) == ["Comprehensive Strategic Partnership Agreement"]


def test_a_period_after_in_stays_in_the_title():
    ex = extract(
        "date 2021-03-01\nMinisters sign\n\n"
        "Vietnamese Minister Le Van Hoa and Russian Minister Ivan Petrov signed a cooperation programme "
        "in 2021-2025 in Hanoi on Monday.\n"
    )
    assert [(a.period_start, a.period_end) for a in ex.agreements] == [(2021, 2025)]


def test_documents_listed_after_a_signing_are_signed_that_day():
    ex = extract(
        " date 2018-11-22 WELLINGTON - Ministers of the two countries signed agreements at a ceremony in "
        "Wellington on Thursday.\n\nThe documents include an agreement for joint work in soil science and a "
        "memorandum of understanding on sport."
    )
    assert [(a.title, a.state, str(a.signed_on)) for a in ex.agreements] == [
        ("agreement for joint work in soil science", "signed", "2018-11-22"),
        ("memorandum of understanding on sport", "signed", "2018-11-22"),
    ]


def test_a_state_and_a_body_between_which_an_agreement_stands_are_both_its_parties():
    text = (
        "CAIRO, June 5, 2019 - Prime Minister Ahmed Saleh received Chairman of the Board of the "
        "Eurasian Economic Commission Ivan Sokolov on Monday. They looked at ways to widen the free trade "
        "agreement between Egypt and the Eurasian Economic Union, which dates from 2015."
    )
    ex = extract(text)
    [a] = ex.agreements
    assert [o.name for o in parties(ex, a)] == ["Eurasian Economic Union"]
    assert a.party_countries == ["EG"]


def test_a_list_after_a_signing_ceremony_is_of_signed_documents_whose_names_run_past_their_acronym():
    ex = extract(
        "date 2017-04-25 Source: NWA\n\nThe two governments concluded four cooperation deals today.\n\n"
        "The signing ceremony was attended by Prime Minister Ana Ruiz of Peru and her visiting Norwegian "
        "counterpart Lars Berg, after their talks at the Government Palace in Lima earlier in the day.\n\n"
        "Those four documents include a memorandum of understanding (MoU) on a joint survey of a rail link, "
        "and the MoU on mutual support in forestry.\n"
    )
    signed = {a.title: (a.state, a.signed_on) for a in ex.agreements}
    assert signed == {
        "memorandum of understanding (MoU) on a joint survey of a rail link": (
            "signed",
            PartialDate(2017, 4, 25),
        ),
        "MoU on mutual support in forestry": ("signed", PartialDate(2017, 4, 25)),
    }


def test_a_list_of_documents_two_sentences_after_their_signing_is_of_signed_documents():
    text = (
        "LIMA, April 25, 2017 - Peru and Norway signed three documents on Tuesday. The documents were signed "
        "after talks between Prime Minister Luis Vargas and his visiting Norwegian counterpart Lars Berg. "
        "The documents include the memorandum of understanding on cooperation in forestry for 2017-2020."
    )
    states = {a.title: a.state for a in extract(text).agreements}
    assert states
    assert set(states.values()) == {"signed"}


def test_a_list_of_documents_long_after_a_signing_is_not_signed_by_it():
    text = (
        "LIMA, April 25, 2017 - Peru and Norway signed four documents on Tuesday. Prime Minister Luis Vargas "
        "thanked the Norwegian side. He spoke of fishing. He spoke of mining. He spoke of schools. The "
        "documents include the memorandum of understanding on cooperation in forestry for 2017-2020."
    )
    assert {a.state for a in extract(text).agreements} != {"signed"}


def _parties(ex, agreement):
    return [(o.name, o.country) for o in parties(ex, agreement)]


def test_the_bodies_an_agreement_stands_between_are_its_parties_with_the_other_side_s_country():
    ex = extract(
        "OSLO, May 4 - Peruvian Minister of Mining Ana Ruiz held talks with Norwegian Minister of Industry"
        " Lars Berg in Oslo on Monday. The two sides signed a plan of cooperation in geology for 2024-2026"
        " between the Geological Institute of Lima and the Directorate for Mineral Surveys and Exploration."
        " Peru and Norway will hold more talks next year.\n"
    )
    (plan,) = ex.agreements
    parties = _parties(ex, plan)
    assert parties == [
        ("Geological Institute of Lima", "PE"),
        ("Directorate for Mineral Surveys and Exploration", "NO"),
    ]


def test_a_side_that_opens_with_its_state_is_cut_after_a_comma_list():
    ex = extract(
        "LIMA, May 4 - Peruvian Minister of Energy Ana Ruiz met Norwegian Minister of Trade Lars Berg in Lima"
        " on Monday. They witnessed the signing of a memorandum on clean power between Norway's Ministry of"
        " Trade, Industry and Fisheries and Peru's Ministry of Energy and Mines.\n"
    )
    (mou,) = ex.agreements
    names = [n for n, _ in _parties(ex, mou)]
    assert names == ["Ministry of Trade, Industry and Fisheries", "Ministry of Energy and Mines"]


def test_the_two_office_holders_named_by_their_title_sign_at_their_meeting():
    ex = extract(
        "LIMA, March 9, 2024 - Peruvian Deputy Prime Minister Ana Ruiz held talks with Norwegian Deputy Prime Minister"
        " Lars Berg in Lima on March 8. Ruiz later received Norwegian Ambassador Per Holm. At the talks, the two"
        " Deputy Prime Ministers signed a memorandum of understanding on cooperation in fisheries.\n"
    )
    (mou,) = ex.agreements
    assert sorted(names_by_key(ex)[k] for k in mou.signatories) == ["Ana Ruiz", "Lars Berg"]
    assert mou.signed_on == PartialDate(2024, 3, 8)


def test_the_two_ministries_that_are_to_sign_are_the_two_ministers_bodies():
    ex = extract(
        "LIMA, May 4 - Peruvian Minister of Health Ana Ruiz held talks with visiting Norwegian Minister of Health"
        " Lars Berg on Monday. Berg proposed that the two ministries sign a memorandum of understanding on"
        " cooperation in vaccine research.\n"
    )
    (mou,) = ex.agreements
    assert sorted(_parties(ex, mou)) == [("Ministry of Health", "NO"), ("Ministry of Health", "PE")]


def test_a_name_ends_before_a_verb_or_an_aside_that_follows_it():
    text = (
        "date 2022-05-10\nLeaders talk\n\n"
        "The two leaders praised the Lakeland Free Trade Agreement despite weak markets. "
        "The areas agreed in the Lakeland Free Trade Agreement include tourism and farming.\n"
    )
    assert [a.title for a in extract(text).agreements] == ["Lakeland Free Trade Agreement"]


def test_an_acronym_glued_on_with_a_dash_is_part_of_the_one_document():
    text = (
        "date 2023-05-12\nMinisters sign\n\n"
        "Minister Anton Weiss of Ruritania and Minister Olga Brandt of Lakeland signed a Memorandum of "
        "Understanding -MoU. The ministers also discussed research exchanges.\n"
    )
    agreements = extract(text).agreements
    assert [(a.title, a.state) for a in agreements] == [("Memorandum of Understanding", "signed")]


def test_an_anniversary_of_a_treaty_dates_its_signing_back_from_the_year_marked():
    ex = extract(
        "LIMA, May 4, 2021 - Peruvian Foreign Minister Ana Ruiz held talks with Norwegian Foreign Minister Lars"
        " Berg on Monday. The year marks the 25th anniversary of the Treaty on Friendly Relations between Peru"
        " and Norway. They will also mark the 30th anniversary of the Agreement on Fisheries next year.\n"
    )
    dates = {a.title.split(" between")[0]: a.signed_on for a in ex.agreements}
    assert dates == {
        "Treaty on Friendly Relations": PartialDate(1996),
        "Agreement on Fisheries": PartialDate(1992),
    }


def test_documents_of_a_signing_ceremony_are_signed():
    ex = extract(
        "LIMA, May 4 - Peruvian President Ana Ruiz and Norwegian Prime Minister Lars Berg attended a signing"
        " ceremony for the new trade agreements between Peru and Norway at the palace on Friday. Next they"
        " looked on as aides completed the exchange of documents on a memorandum of understanding on mining.\n"
    )
    assert [a.state for a in ex.agreements] == ["signed", "signed"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "date 2022-09-06 Lakeland and Ruritania on Tuesday signed three memoranda of understanding in "
            "Lakeville.\n\nList of 3 MoUs signed between Lakeland and Ruritania\n\n"
            "MoU on cooperation in space technology between the two space agencies. "
            "MoU on training of railway staff at Lakeland institutes.\n",
            id="a list headed by the documents signed",
        ),
        pytest.param(
            "date 2022-09-06 Prime Minister Anton Weiss held talks with Prime Minister Olga Brandt in "
            "Lakeville on Tuesday.\n\nLater that day, Weiss and Brandt witnessed the exchange of "
            "documents.\n\nThe documents are a memorandum of understanding on cooperation in space "
            "technology and a memorandum of understanding on training of railway staff.\n",
            id="the documents of an exchange",
        ),
    ],
)
def test_the_documents_a_list_gives_after_a_signing_were_signed_that_day(text):
    ex = extract(text)
    titles = {a.title: a for a in ex.agreements}
    space = next(a for t, a in titles.items() if "space technology" in t)
    railway = next(a for t, a in titles.items() if "railway staff" in t)
    for a in (space, railway):
        assert a.state == "signed" and a.signed_on == PartialDate(2022, 9, 6)


def test_a_verb_opening_the_sentence_is_no_part_of_the_title():
    ex = extract(
        "date 2023-12-27 Ministers meet\n\nThe two foreign ministers met in Lakeville on Wednesday. "
        '"A good day for both our countries. Signed Plan of Consultations for the period '
        '2025-27," Minister Anton Weiss wrote.\n'
    )
    (a,) = ex.agreements
    assert a.title == "Plan of Consultations for the period 2025-27"
    assert a.state == "signed"


def test_a_document_signed_in_an_article_known_only_by_its_year_is_dated_to_that_year():
    ex = extract(
        "Minister Anton Weiss of Ruritania and Minister Olga Brandt of Lakeland signed a memorandum of "
        "understanding on maritime security cooperation during the visit.\n\n"
        "Weiss said the memorandum would help the two navies, as agreed in this year 2023.\n"
    )
    (a,) = ex.agreements
    assert ex.date == PartialDate(2023)
    assert a.signed_on == PartialDate(2023)


@pytest.mark.parametrize(
    "sentence",
    [
        "The two sides will implement the Peru-Andean Economic Union free trade agreement.",
        "They welcomed the Peru – Andean Economic Union Free Trade Agreement.",
    ],
)
def test_the_two_sides_a_dash_joins_before_a_document_are_its_parties(sentence):
    ex = extract(
        "LIMA, May 4, 2021 - Peruvian President Pedro Ramos held talks with Norwegian Prime Minister Erik "
        "Lund in Lima on Tuesday. " + sentence
    )
    [a] = ex.agreements
    [body] = parties(ex, a)
    assert body.name.endswith("Andean Economic Union")
    assert a.party_countries == ["PE"]


def test_a_road_between_two_cities_names_no_parties():
    ex = extract(
        "LIMA, May 4, 2021 - Peruvian President Pedro Ramos held talks with Norwegian Prime Minister Erik "
        "Lund at the palace on Tuesday. A memorandum of understanding was signed to fund the new "
        "Lima-Cusco railway."
    )
    [a] = ex.agreements
    assert parties(ex, a) == []
    assert set(a.party_countries) == {"PE", "NO"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Following the talks, a joint statement on a broader partnership up to 2035 was adopted.",
        "The meeting closed with the adoption of a joint declaration on deeper ties up to 2035.",
    ],
)
def test_a_statement_adopted_after_the_talks_is_agreed_that_day(sentence):
    ex = extract(
        "LIMA, May 4, 2021 - Peruvian President Pedro Ramos held talks with Norwegian Prime Minister Erik "
        "Lund in Lima on Tuesday. " + sentence
    )
    [a] = ex.agreements
    assert a.state == "signed"
    assert a.signed_on is not None and a.signed_on.iso() == "2021-05-04"


def test_a_tally_of_documents_named_one_by_one_is_no_agreement_of_its_own():
    text = (
        "QUITO, March 3, 2021 - Ecuador and Iceland concluded three cooperation agreements on Monday. They "
        "include a Memorandum of Understanding on Geothermal Energy, a Memorandum of Understanding on "
        "Fisheries Research and a Memorandum of Understanding on Student Exchanges.\n"
    )
    titles = [a.title for a in extract(text).agreements]
    assert len(titles) == 3 and all(t.startswith("Memorandum") for t in titles)


def test_documents_signed_in_the_plural_and_nowhere_itemised_are_one_agreement():
    text = (
        "QUITO, March 3, 2021 - President Rosa Vega and Prime Minister Gunnar Olafsson attended the signing "
        "of cooperation agreements between Ecuador and Iceland on Monday.\n"
    )
    [a] = extract(text).agreements
    assert a.title == "cooperation agreements between Ecuador and Iceland" and a.state == "signed"


def test_a_tally_of_a_signing_beside_its_documents_is_no_agreement_of_its_own():
    text = (
        "QUITO, March 3, 2021 - The two sides signed agreements in the presence of President Rosa Vega. "
        "Among them was a memorandum of understanding on geothermal energy.\n"
    )
    [a] = extract(text).agreements
    assert a.title == "memorandum of understanding on geothermal energy"


def test_short_names_of_documents_named_before_are_no_documents_of_their_own():
    text = (
        "date 2022-04-05\nTwo countries sign documents\n\n"
        "Chile and Finland signed two memoranda of understanding (MoU) in Santiago today. Also signed was a "
        "treaty on the Mutual Recognition of Diplomas (MRD). The signing of the MoU and the treaty was "
        "witnessed by President Carla Soto. The MoU on cooperation in forestry was inked by Minister Pablo "
        "Reyes and the MoU on cooperation in mining by Minister Juha Virtanen. The treaty on MRD was signed "
        "by Minister Elena Mora.\n"
    )
    titles = sorted(a.title for a in extract(text).agreements)
    assert titles == [
        "MoU on cooperation in forestry",
        "MoU on cooperation in mining",
        "treaty on the Mutual Recognition of Diplomas",
    ]


def test_memoranda_signed_and_nowhere_itemised_are_one_agreement_by_their_short_name():
    text = (
        "date 2022-04-05\nTwo countries sign documents\n\n"
        "Chile and Finland signed memoranda of understanding (MoU) in Santiago today, in the presence of "
        "President Carla Soto.\n"
    )
    [a] = extract(text).agreements
    assert a.title == "MoU" and a.state == "signed"


def test_a_document_named_again_by_its_bare_name_is_the_same_document():
    text = (
        "date 2022-04-05\nCities sign\n\n"
        "Mayor Carla Soto welcomed the signing of the cooperation agreement between Lima and Tampere. "
        "On the occasion, a cooperation agreement was signed by Mayor Carla Soto and Mayor Juha Virtanen.\n"
    )
    titles = [a.title for a in extract(text).agreements]
    assert titles == ["cooperation agreement between Lima and Tampere"]


def test_the_signing_a_sentence_marks_the_anniversary_of_is_dated_back_not_to_the_sentence_s_day():
    ex = extract(
        "LIMA, May 4, 2021 - Peruvian Foreign Minister Ana Ruiz and Norwegian Foreign Minister Lars Berg on"
        " Monday signed two accords. Lima and Oslo celebrate this year the 25th anniversary of the signing of"
        " the Treaty on Friendly Relations. Ruiz and Berg noted too the 30th anniversary of the signing of the"
        " Agreement on Fisheries (March 1991 - 2021).\n"
    )
    dates = {a.title: a.signed_on for a in ex.agreements if a.title.startswith(("Treaty", "Agreement on"))}
    assert dates == {
        "Treaty on Friendly Relations": PartialDate(1996),
        "Agreement on Fisheries": PartialDate(1991, 3),
    }
    # the signing an anniversary marks is an older one: the documents are referenced, not signed now
    states = {a.state for a in ex.agreements if a.title.startswith(("Treaty", "Agreement on"))}
    assert states == {"referenced"}


def test_a_document_named_with_when_it_was_signed_takes_that_date():
    ex = extract(
        "LIMA, May 4, 2021 - In talks with Chilean Foreign Minister Luis Soto, Peruvian Foreign Minister Ana"
        " Ruiz praised the Lima Declaration, which was signed by both foreign ministries on 3 May 2009.\n"
    )
    (declaration,) = [a for a in ex.agreements if "Lima Declaration" in a.title]
    assert declaration.signed_on == PartialDate(2009, 5, 3)


@pytest.mark.parametrize(
    "sentence",
    [
        "After the talks the two sides issued a joint statement on maritime cooperation.",
        "The two presidents approved a joint statement on regional security.",
        "In a joint statement released on Friday, the two sides praised the growth of trade.",
    ],
)
def test_a_joint_statement_the_sides_issued_is_signed(sentence):
    ex = extract(
        "date 2022-03-02\nLeaders meet\n\n"
        "President Anton Weiss of Ruritania met President Olga Brandt of Lakeland in Lakeville on Monday. "
        + sentence
        + "\n"
    )
    [a] = ex.agreements
    assert "joint statement" in a.title
    assert a.state == "signed"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The two leaders adopted a statement on closer ties in farming and signed a loan deal.", True),
        ("The ministry issued a statement on the visit later that day.", False),
    ],
)
def test_a_statement_the_sides_adopted_is_their_joint_statement(sentence, expected):
    ex = extract(
        "date 2022-03-02\nLeaders meet\n\n"
        "President Anton Weiss of Ruritania met President Olga Brandt of Lakeland in Lakeville on Monday. "
        + sentence
        + "\n"
    )
    found = [a for a in ex.agreements if a.title.startswith("statement on")]
    assert bool(found) == expected
    assert all(a.state == "signed" for a in found)


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("The ministers also signed cooperation pacts in the fields of fishing and forestry.", "pacts"),
        (
            "Ruritania and Lakeland on Monday signed three memorandums of understanding in Lakeville.",
            "memorandums",
        ),
        ("A pact between the Ruritanian Rail Company and Lakeland Freight was signed.", "pact"),
    ],
)
def test_pacts_and_memorandums_in_the_plural_are_documents_signed(sentence, word):
    ex = extract(
        "date 2022-03-02\nLeaders meet\n\n"
        "President Anton Weiss of Ruritania met President Olga Brandt of Lakeland in Lakeville on Monday. "
        + sentence
        + "\n"
    )
    [a] = ex.agreements
    assert word in a.title
    assert a.state == "signed"


def test_a_document_named_again_before_a_past_verb_is_no_new_title():
    ex = extract(
        "date 2022-03-02\nYouth bodies sign\n\n"
        "The Ruritanian Youth Union and the Lakeland Youth Council signed a cooperation agreement for 2022-2025 "
        "in Lakeville on Monday. The signing of the pact followed talks between the two chairmen.\n"
    )
    assert [a.title for a in ex.agreements] == ["cooperation agreement for 2022-2025 in Lakeville"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The leaders witnessed the signing of deals between the Ruritanian Rail Company and Lakeland Freight.",
            ["deals between the Ruritanian Rail Company and Lakeland Freight"],
        ),
        ("They called for carrying out the deals between the two nations.", []),
        ("Lakeland will buy more grain under a new deal with its neighbours.", []),
    ],
)
def test_deals_between_two_sides_are_documents(sentence, expected):
    ex = extract(
        "date 2022-03-02\nLeaders meet\n\n"
        "President Anton Weiss of Ruritania met President Olga Brandt of Lakeland in Lakeville on Monday. "
        + sentence
        + "\n"
    )
    assert [a.title for a in ex.agreements] == expected


def test_an_agreement_named_by_its_purpose_is_a_document():
    ex = extract(
        "date 2022-03-02\nParties meet\n\n"
        "Chairman Anton Weiss of the Ruritanian Labour Party and Chairwoman Olga Brandt of the Lakeland Green "
        "Party signed an agreement to widen the exchanges between the two parties in Lakeville on Monday.\n"
    )
    [a] = ex.agreements
    assert a.title.startswith("agreement to widen the exchanges between the two parties")
    assert a.state == "signed"


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        ("The two ministers signed a training cooperation plan for 2027 in Minsk on Monday.", (2027, 2027)),
        (
            "The two ministers signed a plan for trade cooperation until 2035 in Minsk on Monday.",
            (None, 2035),
        ),
        (
            "The two ministers signed a cooperation plan on joint research up to 2032 in Minsk on Monday.",
            (None, 2032),
        ),
        ("The two ministers signed a cooperation plan for 2027-2029 in Minsk on Monday.", (2027, 2029)),
    ],
)
def test_a_title_s_single_year_or_closing_year_is_its_period(sentence, period):
    ex = extract(
        "date 2026-03-02\nMinisters sign\n\nBelarusian Minister Ivan Sokol and Lao Minister Bounmy Vong met. "
        + sentence
        + "\n"
    )
    assert [(a.period_start, a.period_end) for a in ex.agreements] == [period]


def test_two_bodies_named_before_a_document_are_its_parties():
    ex = extract(
        "LIMA, May 4, 2021 - Peruvian Foreign Minister Ana Ruiz and Norwegian Foreign Minister Lars Berg met"
        " on Monday. They witnessed the exchange of the Lima Bar Association and Oslo Law Society Memorandum"
        " on legal training.\n"
    )
    (mou,) = ex.agreements
    assert sorted(o.name for o in parties(ex, mou)) == ["Lima Bar Association", "Oslo Law Society"]


def test_a_title_that_joins_two_documents_names_no_parties():
    assert joined_sides("Trade Agreement and Investment Protocol") == []
    assert joined_sides("Health Ministry and Labour Ministry joint plan") == [
        "Health Ministry",
        "Labour Ministry",
    ]


_TALKS = "date 2022-03-02\nLeaders meet\n\nPresident Anton Weiss of Ruritania met President Olga Brandt of Lakeland in Lakeville on Monday. "


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        (
            "Both presidents agreed to fully implement the customs agreement between Ruritania and Lakeland.",
            "customs agreement between Ruritania and Lakeland",
        ),
        (
            "They pledged to keep exploiting the Lakeville Free Trade Agreement to lift farm exports.",
            "Lakeville Free Trade Agreement to lift farm exports",
        ),
        (
            "Weiss proposed that both ministries go on carrying out the joint research programme for 2021-2023.",
            "programme for 2021-2023",
        ),
        (
            "The sides vowed to work together in enforcing the fisheries treaty on the northern lakes.",
            "fisheries treaty on the northern lakes",
        ),
    ],
)
def test_a_document_the_sides_put_to_work_is_referenced(sentence, title):
    ex = extract(_TALKS + sentence + "\n")
    agr = {a.title: a for a in ex.agreements}
    assert agr[title].state == "referenced"


@pytest.mark.parametrize(
    ("sentence", "state"),
    [
        ("At the close of the summit a joint declaration on river shipping was approved.", "signed"),
        ("Both presidents should adopt a joint declaration on river shipping later this week.", "proposed"),
    ],
)
def test_a_declaration_approved_is_signed_and_one_to_adopt_proposed(sentence, state):
    ex = extract(_TALKS + sentence + "\n")
    [a] = [a for a in ex.agreements if "declaration" in a.title]
    assert a.state == state


def test_a_document_named_with_the_month_it_dates_from_takes_that_month():
    ex = extract(
        _TALKS + "The two presidents praised progress in realising the minutes of the 9th session of the"
        " joint trade commission in October 2020.\n"
    )
    [a] = [a for a in ex.agreements if a.title.startswith("minutes")]
    assert a.signed_on == PartialDate(2020, 10)


def test_a_letter_of_intent_is_a_document_and_a_list_item_named_by_its_bodies_keeps_them():
    ex = extract(
        _TALKS + "They signed three documents. The documents are a memorandum of understanding on fishing, a"
        " Letter of Intent (LOI) on joint wine training and Ruritania Press Agency (RPA) and Lakeland"
        " Broadcasting Agreement on Professional Cooperation.\n"
    )
    titles = [a.title for a in ex.agreements]
    assert titles == [
        "memorandum of understanding on fishing",
        "Letter of Intent (LOI) on joint wine training",
        "Ruritania Press Agency (RPA) and Lakeland Broadcasting Agreement on Professional Cooperation",
    ]
    assert all(a.state == "signed" for a in ex.agreements)
    assert len(ex.agreements[2].parties) == 2


def test_a_signing_the_sentence_places_last_year_is_referenced_with_its_date():
    ex = extract(
        _TALKS + "Weiss recalled that in June of last year, at a forum in Lakeville, a cooperation plan"
        " between the two trade ministries for 2021-2022 was signed.\n"
    )
    [a] = ex.agreements
    assert (a.state, a.signed_on) == ("referenced", PartialDate(2021, 6))


def test_a_side_named_with_its_short_name_in_brackets_is_that_side_without_it():
    assert joined_sides("Ruritania Press Agency (RPA) and Lakeland Broadcasting Agreement on News") == [
        "Ruritania Press Agency",
        "Lakeland Broadcasting",
    ]


@pytest.mark.parametrize(
    ("sentence", "signed_on"),
    [
        (
            "They signed a joint statement on closer ties to mark the 20th anniversary of the two states"
            " signing a border treaty.",
            PartialDate(2002),
        ),
        (
            "They signed a joint statement on closer ties, 15 years since both states signing a border treaty.",
            None,
        ),
    ],
)
def test_a_document_whose_signing_an_anniversary_marks_is_referenced_and_ends_the_name_before(
    sentence, signed_on
):
    ex = extract(_TALKS + sentence + "\n")
    agr = {a.title: a for a in ex.agreements}
    assert agr["joint statement on closer ties"].state == "signed"
    assert (agr["border treaty"].state, agr["border treaty"].signed_on) == ("referenced", signed_on)


def test_two_states_joined_by_and_in_a_document_s_name_are_its_sides_not_two_documents():
    ex = extract(
        "date 2019-03-04\nTrade\n\nMinister Budi Santoso met Minister Tom Reid in Jakarta on Monday. They "
        "welcomed the agreement to start talks in the context of Chile and Peru Free Trade Agreement.\n"
    )
    assert [a.title for a in ex.agreements] == [
        "agreement to start talks in the context of Chile and Peru Free Trade Agreement"
    ]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "WINDHOEK, May 5, 2023 - Namibia and Oman signed a double taxation avoidance agreement on Friday.",
            "double taxation avoidance agreement",
        ),
        (
            "MUSCAT, May 5, 2023 - The two ministers signed a visa waiver agreement after their talks on Friday.",
            "visa waiver agreement",
        ),
        (
            "ASUNCION, June 8, 2023 - Paraguay has concluded a new grain supply deal with Senegal.",
            "grain supply deal with Senegal",
        ),
        (
            "LISBON, May 3, 2023 - Portugal and Mongolia inked a deal on renewable energy on Wednesday.",
            "deal on renewable energy",
        ),
    ],
)
def test_a_document_named_by_common_nouns_after_its_article_is_signed(text, title):
    ex = extract(text + "\n")
    [a] = ex.agreements
    assert (a.title, a.state) == (title, "signed")
    assert a.signed_on is not None and a.signed_on.iso().startswith(ex.date.iso()[:7])


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister praised the double taxation avoidance agreement.",
        "The two sides will deal with the matter, and they have to deal with floods too.",
        "It was a big deal for them and took a great deal of effort.",
        "Lakeland could seek an arms deal with its old ally.",
        "The leaders called for adopting the regional trade deal.",
    ],
)
def test_no_document_in_common_nouns_spoken_of_nor_in_a_deal_not_signed(sentence):
    assert extract("OSLO, June 21, 2023 - " + sentence + "\n").agreements == []


@pytest.mark.parametrize(
    ("sentence", "state"),
    [
        ("Zambia and Laos sealed an agreement on hydropower cooperation on Tuesday.", "signed"),
        ("The two sides struck a deal on grain exports on Tuesday.", "signed"),
        (
            "Finnish Foreign Minister Aino Korpela and her Ghanaian counterpart Kwame Mensah exchanged the documents"
            " of an agreement on the avoidance of double taxation.",
            "signed",
        ),
        (
            "The two governments are working on a treaty on mutual legal assistance in criminal matters.",
            "draft",
        ),
        ("Norway and Cambodia discussed a possible agreement on the return of migrants.", "proposed"),
    ],
)
def test_states_read_from_sealing_exchanging_working_on_and_possible(sentence, state):
    [a] = extract("VIENTIANE, August 1, 2023 - " + sentence + "\n").agreements
    assert a.state == state


def test_the_year_before_a_document_dates_an_older_one_and_a_span_gives_a_period():
    ex = extract(
        "LUSAKA, February 14, 2024 - The ministers recalled the 1994 treaty on friendship between Zambia and Laos"
        " and reviewed progress under the 2021-2025 action plan between the two ministries. Tunisia and Croatia"
        " signed a 2024-2026 cultural cooperation programme on Monday.\n"
    )
    agr = {a.kind: a for a in ex.agreements}
    assert agr["treaty"].signed_on == PartialDate(1994) and agr["treaty"].state == "referenced"
    assert (agr["plan"].period_start, agr["plan"].period_end, agr["plan"].signed_on) == (2021, 2025, None)
    assert (agr["programme"].period_start, agr["programme"].period_end) == (2024, 2026)


def test_a_document_signed_last_year_is_dated_to_that_year():
    [a] = extract(
        "COLOMBO, October 30, 2023 - Prime Minister Dinesh Perera said the free trade agreement with Thailand,"
        " signed last year, had doubled exports.\n"
    ).agreements
    assert a.signed_on == PartialDate(2022)


def test_a_signer_named_again_by_a_pronoun_signs_once():
    [a] = extract(
        "ASUNCION, June 8, 2023 - Paraguayan Agriculture Minister Luis Benitez and his Senegalese counterpart"
        " Moussa Diallo signed a roadmap for 2025-2030 to expand trade in grain.\n"
    ).agreements
    assert len(a.signatories) == len(set(a.signatories)) == 2


@pytest.mark.parametrize(
    ("text", "signers", "day"),
    [
        (
            "ACCRA, February 6, 2024 - Portugal and Ghana signed a memorandum on consular cooperation on Monday."
            " The memorandum was signed by Portuguese Deputy Foreign Minister Rui Costa and Ghanaian Ambassador"
            " Amina Yusuf.",
            {"Rui Costa", "Amina Yusuf"},
            PartialDate(2024, 2, 5),
        ),
        (
            "ASUNCION, June 8, 2023 - Paraguay has concluded a grain supply deal with Senegal. The deal, signed on"
            " Tuesday by Agriculture Minister Luis Benitez and his Senegalese counterpart Moussa Diallo, covers"
            " wheat and rice.",
            {"Luis Benitez", "Moussa Diallo"},
            PartialDate(2023, 6, 6),
        ),
    ],
)
def test_the_signing_of_a_document_told_again_gives_its_signers_and_day(text, signers, day):
    ex = extract(text + "\n")
    [a] = ex.agreements
    assert {names_by_key(ex)[k] for k in a.signatories} == signers
    assert (a.state, a.signed_on) == ("signed", day)


def test_a_clause_after_and_ends_a_documents_name():
    [a] = extract(
        "TALLINN, May 11, 2023 - The minister signed a cooperation programme for schools in rural areas and"
        " spoke about the national budget.\n"
    ).agreements
    assert a.title == "cooperation programme for schools in rural areas"


@pytest.mark.parametrize(
    ("sentence", "titles"),
    [
        (
            "Latvian Foreign Minister Edgars Ozols and Moroccan Foreign Minister Karim Alaoui signed a joint"
            " communique on Wednesday.",
            ["joint communique"],
        ),
        ("The two sides issued a joint communiqué on the talks.", ["joint communiqué on the talks"]),
        ("According to a joint communique issued after the talks, trade grew.", []),
    ],
)
def test_a_joint_communique_the_sides_sign_or_issue_is_their_joint_statement(sentence, titles):
    ex = extract("RIGA, March 15, 2023 - " + sentence + "\n")
    assert [a.title for a in ex.agreements] == titles
    assert all(a.state == "signed" for a in ex.agreements)


@pytest.mark.parametrize(
    ("sentence", "titles", "state"),
    [
        (
            "Nepal and Uruguay on Wednesday signed three agreements: on visa waiver for official passports,"
            " on cooperation in agriculture and on cultural exchanges.",
            [
                "agreement on visa waiver for official passports",
                "agreement on cooperation in agriculture",
                "agreement on cultural exchanges",
            ],
            "signed",
        ),
        (
            "The ministers signed four documents on Wednesday - on air services, on education and on sport.",
            ["agreement on air services", "agreement on education", "agreement on sport"],
            "signed",
        ),
        (
            "The two sides will sign two memoranda of understanding: on tourism and on health.",
            ["memorandum of understanding on tourism", "memorandum of understanding on health"],
            "proposed",
        ),
    ],
)
def test_a_list_that_leaves_out_its_documents_noun_names_one_document_an_item(sentence, titles, state):
    ex = extract("KATHMANDU, June 14, 2023 - " + sentence + "\n")
    assert [a.title for a in ex.agreements] == titles
    assert {a.state for a in ex.agreements} == {state}
    if state == "signed":
        assert {a.signed_on for a in ex.agreements} == {PartialDate(2023, 6, 14)}


def test_a_tally_of_documents_of_two_kinds_is_one_signing():
    [a] = extract(
        "ABU DHABI, January 16, 2024 - The UAE and Mongolia signed 12 agreements and memoranda of"
        " understanding in various fields on Tuesday.\n"
    ).agreements
    assert a.title == "agreements and memoranda of understanding in various fields"
    assert (a.state, a.signed_on) == ("signed", PartialDate(2024, 1, 16))


def test_memoranda_in_the_plural_name_documents():
    [a] = extract(
        "ROME, May 2, 2023 - Italy and Chad signed memoranda of understanding on health and education.\n"
    ).agreements
    assert (a.title, a.state, a.kind) == (
        "memoranda of understanding on health and education",
        "signed",
        "memorandum",
    )


def test_a_statement_of_partnership_the_leaders_sign_is_a_document():
    [a] = extract(
        "SUVA, October 12, 2023 - Fijian Prime Minister Sitiveni Waqa and New Zealand Prime Minister Grant"
        " Hollis signed a statement of partnership on Thursday.\n"
    ).agreements
    assert (a.title, a.state, a.signed_on) == (
        "statement of partnership",
        "signed",
        PartialDate(2023, 10, 12),
    )
    assert not extract("SUVA, October 12, 2023 - The ministry issued a statement of regret.\n").agreements


def test_a_renewed_agreement_is_signed_anew_and_its_duration_no_part_of_its_name():
    [a] = extract(
        "BRASILIA, January 24, 2024 - Brazil and Malawi renewed their 2014 agreement on technical cooperation"
        " for another ten years.\n"
    ).agreements
    assert (a.title, a.state) == ("2014 agreement on technical cooperation", "signed")


@pytest.mark.parametrize(
    "tail",
    [
        " in the presence of the two prime ministers.",
        " on the sidelines of the summit.",
        " following the talks.",
        " in Doha on Monday.",
    ],
)
def test_where_and_when_a_document_was_signed_is_no_part_of_its_name(tail):
    [a] = extract(
        "DOHA, October 10, 2023 - Qatar and Georgia signed an agreement on culture" + tail + "\n"
    ).agreements
    assert a.title == "agreement on culture"


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (
            "The Ministry of Agriculture of Chile and the Ministry of Agriculture of Kenya signed a memorandum"
            " of understanding on plant quarantine on Friday.",
            ["Ministry of Agriculture of Chile", "Ministry of Agriculture of Kenya"],
        ),
        (
            "Lakeland Airways and Ruritania Air Corporation signed a deal on aircraft leasing in the presence of"
            " the two prime ministers.",
            ["Lakeland Airways", "Ruritania Air Corporation"],
        ),
    ],
)
def test_two_bodies_that_sign_as_the_sentences_subject_are_the_documents_parties(sentence, names):
    ex = extract("SANTIAGO, November 17, 2023 - " + sentence + "\n")
    [a] = ex.agreements
    assert [o.name for o in parties(ex, a)] == names


def test_people_or_states_as_the_subject_give_no_bodies_as_parties():
    ex = extract(
        "HANOI, May 4, 2023 - Fijian Prime Minister Sitiveni Waqa and New Zealand Prime Minister Grant Hollis"
        " signed an agreement on trade.\n"
    )
    [trade] = ex.agreements
    assert all("Waqa" not in o.name for o in parties(ex, trade))
    [culture] = extract("HANOI, May 4, 2023 - Nepal and Uruguay signed an agreement on culture.\n").agreements
    assert culture.parties == [] and sorted(culture.party_countries) == ["NP", "UY"]


@pytest.mark.parametrize(
    ("sentence", "signers"),
    [
        (
            "After the talks, Peruvian President Rosa Quispe and Ghanaian President Kofi Asante witnessed the"
            " signing of an agreement on visa exemption.",
            set(),
        ),
        (
            "German and Namibian officials signed an agreement on green hydrogen in Berlin on June 13 in the"
            " presence of Chancellor Otto Brandt and Namibian President Hage Nujoma.",
            set(),
        ),
        (
            "Slovak Interior Minister Matus Sutaj and Jordanian Interior Minister Mazen Farrayeh signed an"
            " agreement on police cooperation, witnessed by Prime Minister Ivan Hrasko.",
            {"Matus Sutaj", "Mazen Farrayeh"},
        ),
    ],
)
def test_those_present_at_a_signing_are_not_its_signatories(sentence, signers):
    ex = extract("BERLIN, June 14, 2023 - " + sentence + "\n")
    [a] = ex.agreements
    assert a.state == "signed"
    assert {names_by_key(ex)[k] for k in a.signatories} == signers


def test_a_list_of_documents_after_words_on_the_signing_and_a_colon_spares_those_present():
    ex = extract(
        "ANKARA, April 11, 2023 - The two countries signed three agreements in the presence of Turkish"
        " President Kemal Aydin and Chadian President Idriss Mahamat on Tuesday: on energy, on health and on"
        " media.\n"
    )
    assert [a.title for a in ex.agreements] == [
        "agreement on energy",
        "agreement on health",
        "agreement on media",
    ]
    assert all(not a.signatories and a.signed_on == PartialDate(2023, 4, 11) for a in ex.agreements)


def test_the_document_signed_just_before_takes_its_signatories_from_the_next_sentence():
    ex = extract(
        "MANILA, August 15, 2023 - The Philippines and Chile signed a memorandum of understanding on disaster"
        " management. The document was signed by Philippine Foreign Secretary Jose Reyes and Chilean Foreign"
        " Minister Elena Soto.\n"
    )
    [a] = ex.agreements
    assert {names_by_key(ex)[k] for k in a.signatories} == {"Jose Reyes", "Elena Soto"}


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (
            "The Moroccan Ministry of Tourism and the Vietnamese Ministry of Culture, Sports and Tourism signed"
            " a memorandum of understanding on tourism cooperation in Rabat on Tuesday.",
            ["Ministry of Tourism", "Ministry of Culture, Sports and Tourism"],
        ),
        (
            "Korea Electric Power Corporation signed a memorandum of understanding on grid modernisation with"
            " the Uzbek Ministry of Energy on Wednesday.",
            ["Korea Electric Power Corporation", "Ministry of Energy"],
        ),
    ],
)
def test_a_body_that_signs_with_another_or_a_ministry_named_with_a_comma_are_parties(sentence, names):
    ex = extract("RABAT, December 12, 2023 - " + sentence + "\n")
    [a] = ex.agreements
    assert not a.title.endswith("Energy")
    found = [o.name for o in parties(ex, a)]
    assert len(found) == 2 and all(n in o for n, o in zip(names, found, strict=True))


def test_two_capitals_signing_stand_for_their_states_and_are_no_bodies():
    ex = extract(
        "date 2023-05-10\nChile and Peru sign accords\n\n"
        "Chilean President Pablo Soto held talks with Peruvian President Luis Vargas in Lima on Tuesday. "
        "Santiago and Lima signed a memorandum of understanding on mining cooperation.\n"
    )
    [a] = ex.agreements
    assert a.parties == [] and sorted(a.party_countries) == ["CL", "PE"]
    assert ex.organizations == []


@pytest.mark.parametrize(
    "text, title, states",
    [
        (
            "SEOUL, August 9, 2022 - A deal worth 5.8 billion US dollars for the supply of tanks was signed "
            "between South Korea and Poland on Friday.",
            "deal for the supply of tanks",
            {"KR", "PL"},
        ),
        (
            "PARIS, December 7, 2021 - France and Croatia signed a contract worth 999 million euros for 12 "
            "fighter jets on Thursday.",
            "contract for 12 fighter jets",
            {"FR", "HR"},
        ),
        (
            "CAIRO, May 4, 2015 - A deal valued at $5.2 billion for 24 jets was signed by Egypt and France "
            "on Monday.",
            "deal for 24 jets",
            {"EG", "FR"},
        ),
    ],
)
def test_a_deal_of_a_value_is_named_by_what_it_is_for_and_its_signing_states(text, title, states):
    (a,) = extract(text).agreements
    assert (a.title, a.state, set(a.party_countries)) == (title, "signed", states)


@pytest.mark.parametrize(
    "text, title, kind",
    [
        (
            "VILNIUS, May 20, 2021 - Polish Defence Minister Adam Wrona met Lithuanian Defence Minister Jonas "
            "Petrauskas in Vilnius on Thursday. They also signed a document. The memorandum covers joint air "
            "defence exercises.",
            "memorandum on joint air defence exercises",
            "memorandum",
        ),
        (
            "BRATISLAVA, June 4, 2019 - Slovak Interior Minister Eva Novakova received Austrian Interior "
            "Minister Franz Huber in Bratislava on Tuesday. The two ministers signed an agreement. The "
            "agreement aims to speed up the return of migrants.",
            "agreement to speed up the return of migrants",
            "agreement",
        ),
        (
            "PANAMA CITY, April 8, 2019 - Panama and Costa Rica signed a memorandum on Monday. The document "
            "focuses on port security.",
            "memorandum on port security",
            "memorandum",
        ),
        (
            "HAVANA, November 5, 2018 - Cuba and Vietnam signed a deal on Monday. The deal covers rice "
            "production and fertiliser supplies.",
            "deal on rice production and fertiliser supplies",
            "agreement",
        ),
    ],
)
def test_a_document_signed_unnamed_is_named_by_what_the_next_sentence_says_it_is_for(text, title, kind):
    (a,) = extract(text).agreements
    assert (a.title, a.kind, a.state) == (title, kind, "signed")
    assert a.signed_on is not None and a.signed_on.day is not None


def test_a_document_to_be_signed_unnamed_is_no_record():
    ex = extract(
        "QUITO, May 3, 2019 - Ecuador and Peru will sign a memorandum. The document covers border trade."
    )
    assert ex.agreements == []


@pytest.mark.parametrize(
    "text, title",
    [
        (
            "LJUBLJANA, March 12, 2019 - Slovenian Minister Marko Kovac and Croatian Minister Ivan Horvat put "
            "their signatures to a protocol on border police cooperation in Ljubljana on Tuesday.",
            "protocol on border police cooperation",
        ),
        (
            "DUBLIN, July 2, 2019 - Ireland and Iceland put pen to paper on an agreement on fisheries research "
            "on Tuesday.",
            "agreement on fisheries research",
        ),
    ],
)
def test_a_document_put_pen_to_paper_on_is_signed(text, title):
    (a,) = extract(text).agreements
    assert (a.title, a.state) == (title, "signed")


@pytest.mark.parametrize(
    "text, title",
    [
        (
            "MADRID, February 4, 2019 - Spain and Portugal signed an accord on water management on Monday.",
            "accord on water management",
        ),
        (
            "LIMA, July 9, 2019 - Peru and Ecuador inked an accord to build a binational hospital on Monday.",
            "accord to build a binational hospital",
        ),
        (
            "BERLIN, May 7, 2019 - German Foreign Minister Klaus Brenner and Polish Foreign Minister Tomasz Lis "
            "signed a declaration on youth exchanges in Berlin on Tuesday.",
            "declaration on youth exchanges",
        ),
        (
            "SYDNEY, May 17, 2019 - Australia and Fiji signed a policing agreement earlier this week.",
            "policing agreement",
        ),
    ],
)
def test_a_document_of_a_weak_kind_signed_with_what_it_is_for_is_named(text, title):
    (a,) = extract(text).agreements
    assert (a.title, a.state) == (title, "signed")


def test_an_accord_only_spoken_of_without_a_name_is_none():
    assert (
        extract("QUITO, May 3, 2019 - The minister said an accord on fishing was possible.").agreements == []
    )


@pytest.mark.parametrize(
    "text, title",
    [
        (
            "ACCRA, November 11, 2019 - Ghana and Niger signed three agreements on Monday. The agreements "
            "cover trade, energy and security.",
            "three agreements on trade, energy and security",
        ),
        (
            "NEW DELHI, February 24, 2020 - The two sides exchanged three MoUs on health, medical devices and "
            "energy on Monday.",
            "three MoUs on health, medical devices and energy",
        ),
        (
            "ASTANA, May 3, 2019 - The two presidents then witnessed the signing of eight documents.",
            "eight documents",
        ),
    ],
)
def test_documents_counted_and_never_named_are_one_record(text, title):
    (a,) = extract(text).agreements
    assert (a.title, a.state) == (title, "signed")


@pytest.mark.parametrize(
    "text",
    [
        "LIMA, May 3, 2019 - Peru and Bolivia will sign five agreements during the visit, the ministry said.",
        "RIGA, May 3, 2019 - Latvia and Estonia, which signed 14 agreements two years ago, discussed transport.",
    ],
)
def test_documents_counted_to_come_or_long_signed_are_no_record(text):
    assert extract(text).agreements == []


def test_documents_counted_and_then_named_are_the_named_ones():
    ex = extract(
        "SOFIA, May 3, 2019 - Bulgaria and Romania signed three agreements on Friday: an agreement on a "
        "Danube bridge, a memorandum on energy and a protocol on health."
    )
    assert [a.title for a in ex.agreements] == [
        "agreement on a Danube bridge",
        "memorandum on energy",
        "protocol on health",
    ]


@pytest.mark.parametrize(
    "text, title, state",
    [
        (
            "PRETORIA, June 5, 2019 - The agreement on nuclear research, signed by South African Minister Thandi "
            "Dube and Botswana's Minister Kagiso Sello on Tuesday, runs for five years.",
            "agreement on nuclear research",
            "signed",
        ),
        (
            "SEOUL, July 10, 2019 - A defence pact signed on Monday by South Korea and Vietnam takes effect next "
            "year.",
            "defence pact",
            "signed",
        ),
        (
            "BERN, June 5, 2019 - Switzerland and Austria initialled an agreement on customs on Wednesday.",
            "agreement on customs",
            "draft",
        ),
        (
            "DOHA, June 5, 2019 - Qatar and Kuwait signed a 15-year gas supply deal on Wednesday.",
            "gas supply deal",
            "signed",
        ),
        (
            "VIENNA, June 5, 2019 - The border treaty, signed in 2017, was discussed on Wednesday.",
            "border treaty",
            "referenced",
        ),
    ],
)
def test_the_words_around_a_document_give_its_state(text, title, state):
    (a,) = extract(text).agreements
    assert (a.title, a.state) == (title, state)


def test_a_document_signed_this_week_by_a_participle_has_its_signatories_and_day():
    ex = extract(
        "PRETORIA, June 5, 2019 - The agreement on nuclear research, signed by South African Minister Thandi "
        "Dube and Botswana's Minister Kagiso Sello on Tuesday, runs for five years."
    )
    (a,) = ex.agreements
    names = {o.key: o.name for o in ex.officials}
    assert {names[k] for k in a.signatories} == {"Thandi Dube", "Kagiso Sello"}
    assert a.signed_on == PartialDate(2019, 6, 4)


@pytest.mark.parametrize(
    "text, bodies",
    [
        (
            "BAKU, September 16, 2021 - A protocol on customs cooperation was signed between the State Customs "
            "Committee of Azerbaijan and the Georgian Revenue Service on Thursday.",
            ["State Customs Committee", "Revenue Service"],
        ),
        (
            "DHAKA, June 5, 2019 - A Memorandum of Understanding (MoU) on fisheries was signed between the "
            "Ministry of Fisheries of Bangladesh and the Ministry of Agriculture of Myanmar on Wednesday.",
            ["Ministry of Fisheries", "Ministry of Agriculture"],
        ),
    ],
)
def test_the_bodies_a_document_was_signed_between_after_its_name_are_its_parties(text, bodies):
    ex = extract(text)
    (a,) = ex.agreements
    names = [o.name for o in parties(ex, a)]
    assert len(names) == 2 and all(any(b in n for n in names) for b in bodies)


def test_the_people_a_document_was_signed_between_are_no_parties():
    ex = extract(
        "ROME, June 5, 2019 - The agreement on heritage was signed between Italian Minister Marco Bassi and "
        "Greek Minister Eleni Pappas on Wednesday."
    )
    (a,) = ex.agreements
    assert a.parties == []


@pytest.mark.parametrize(
    "text",
    [
        "PARIS, June 5, 2019 - French Foreign Minister Jean Morel and his Italian counterpart Luca Ferri reached "
        "agreement on the need to coordinate migration policy on Wednesday.",
        "PARIS, June 5, 2019 - The minister said Spain was in agreement with Portugal on the issue.",
        "PARIS, June 5, 2019 - The two sides came to agreement on most points.",
    ],
)
def test_agreement_as_consent_is_no_document(text):
    assert extract(text).agreements == []


def test_a_document_signed_years_before_the_news_is_an_older_one():
    (a,) = extract(
        "BAKU, June 5, 2023 - Lakeland and Ruritania signed a ceasefire agreement in 2020."
    ).agreements
    assert (a.title, a.state, a.primary) == ("ceasefire agreement", "referenced", False)
    assert a.signed_on == PartialDate(2020)


@pytest.mark.parametrize(
    "text",
    [
        "LIMA, June 5, 2019 - The signing of an agreement on fishing between Peru and Chile was postponed on "
        "Wednesday.",
        "OSLO, June 5, 2019 - The signing of a treaty on the shelf between Lakeland and Ruritania has been "
        "delayed again.",
    ],
)
def test_a_signing_put_off_leaves_its_document_to_come(text):
    (a,) = extract(text).agreements
    assert a.state == "proposed" and a.signed_on is None


@pytest.mark.parametrize(
    "text, titles",
    [
        (
            "ROME, July 10, 2019 - Italy and Tunisia signed memoranda of understanding on tourism and on health on "
            "Wednesday.",
            ["memorandum of understanding on tourism", "memorandum of understanding on health"],
        ),
        (
            "PARIS, July 10, 2019 - France and Chad signed agreements on education and on water supply.",
            ["agreement on education", "agreement on water supply"],
        ),
    ],
)
def test_documents_in_the_plural_each_with_its_own_preposition_are_one_each(text, titles):
    ex = extract(text)
    assert [a.title for a in ex.agreements] == titles
    assert all(a.state == "signed" for a in ex.agreements)


def test_one_document_on_two_things_stays_one():
    (a,) = extract(
        "PARIS, July 10, 2019 - France and Chad signed an agreement on education and on health."
    ).agreements
    assert a.title == "agreement on education and on health"


def test_a_document_signed_unnamed_and_then_only_described_is_no_record():
    assert (
        extract(
            "LIMA, May 3, 2019 - Peru and Bolivia signed a deal on Monday. The deal is on hold."
        ).agreements
        == []
    )
