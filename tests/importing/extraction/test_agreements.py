# ruff: noqa: E501
"""Agreements: kinds, states, periods and parties; what is not a document."""

from relations.importing.extraction import extract


def test_it_reads_agreement_kinds_states_and_periods():
    ex = extract(
        "MOSCOW, June 16 - The sides signed a memorandum of understanding on cooperation in energy for"
        " 2016-2020. Russian Deputy Minister Ivan Petrov proposed preparing an intergovernmental agreement on"
        " road transport. The draft intergovernmental program of cooperation in oil and gas is now under"
        " consideration. They marked the 20th anniversary of the Treaty on Friendly Relations.\n"
    )
    agr = {a.title: a for a in ex.agreements}
    mou = agr["memorandum of understanding on cooperation in energy for 2016-2020"]
    assert (mou.kind, mou.state, mou.period_start, mou.period_end) == ("memorandum", "signed", 2016, 2020)
    assert agr["intergovernmental agreement on road transport"].state == "proposed"
    assert agr["intergovernmental program of cooperation in oil and gas"].state == "draft"
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


def test_it_skips_plans_that_are_not_documents():
    ex = extract(
        "The party will have a specific plan for this programme. They considered plans to reopen flights.\n"
    )
    assert ex.agreements == []


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


def test_it_reads_an_agreement_that_is_to_be_signed_as_not_yet_signed():
    text = (
        "On 5 April 2017, Deputy Foreign Minister of Russia Ivan Morozov met Deputy Foreign Minister of Laos "
        "Khamphao Ernthavanh. They discussed the agreement on cooperation in education, which is to be "
        "signed in June."
    )
    [a] = extract(text).agreements
    assert a.state in {"draft", "proposed"}
