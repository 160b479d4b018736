# ruff: noqa: E501
"""Delegations, meetings and agreements."""

from relations.importing.extraction import extract
from relations.importing.proposals import PartialDate


def _names(ex):
    return {o.key: o.name for o in ex.officials}


def test_it_reads_a_delegation_led_by_someone_with_its_dates():
    ex = extract(
        "- A Vietnamese delegation from the Ministry of Home Affairs led by Minister Le Vinh Tan is paying a visit"
        " to Russia from August 4-10. Tan met with Assistant to the Russian President Anatoly Seryshev on"
        " August 7. The sides signed a cooperation agreement for 2019-2022.\n"
    )
    names = _names(ex)
    (d,) = ex.delegations
    assert (d.from_country, d.to_country, names[d.head]) == ("VN", "RU", "Le Vinh Tan")
    assert (d.start, d.end) == (PartialDate(2019, 8, 4), PartialDate(2019, 8, 10))
    (m,) = ex.meetings
    assert {names[k] for k in m.participants} == {"Le Vinh Tan", "Anatoly Seryshev"}
    assert m.date == PartialDate(2019, 8, 7)


def test_it_implies_a_delegation_when_a_foreign_official_is_received():
    ex = extract(
        "HÀ NỘI, October 31 - Prime Minister Phạm Minh Chính received Russian Minister of Internal Affairs"
        " Ivan Petrov in Hà Nội on October 31.\n"
    )
    names = _names(ex)
    (d,) = ex.delegations
    assert (d.from_country, d.to_country, names[d.head]) == ("RU", "VN", "Ivan Petrov")
    assert len(ex.meetings) == 1


def test_it_marks_a_visit_mentioned_in_passing():
    ex = extract(
        " date 2023-06-15 A delegation from the Party Committee led by its Secretary Nguyen Van The worked with"
        " Russian Deputy Minister Ivan Petrov on June 13 as part of their working trip to Russia.\n\n"
        "The relations were shown by the official visit to Vietnam last month by Deputy Chairman of the Security"
        " Council of Russia Dmitry Medvedev.\n"
    )
    names = _names(ex)
    passing = [d for d in ex.delegations if not d.primary]
    assert [(d.from_country, d.to_country, names[d.head]) for d in passing] == [
        ("RU", "VN", "Dmitry Medvedev")
    ]
    assert passing[0].start == PartialDate(2023, 5)


def test_it_adds_people_who_attended_the_meeting():
    ex = extract(
        "RUSSIA, April 6 - Minister of Transport of the Russian Federation Roman Shchukin held talks with a"
        " delegation of the Socialist Republic of Vietnam headed by Minister of Transport Nguyen Dinh Khang.\n\n"
        "The meeting was also attended by Deputy Minister of Transport of the Russian Federation A. V. Semenikhin"
        " and Deputy Minister of Transport of the Socialist Republic of Vietnam Trinh Ba Loc.\n"
    )
    names = _names(ex)
    (m,) = ex.meetings
    assert {names[k] for k in m.participants} == {
        "Roman Shchukin", "Nguyen Dinh Khang", "A. V. Semenikhin", "Trinh Ba Loc",
    }  # fmt: skip
    (d,) = ex.delegations
    assert names[d.head] == "Nguyen Dinh Khang" and d.from_country == "VN"


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


def test_it_quotes_the_sentences_it_used():
    text = "HÀ NỘI, October 31 - Prime Minister Phạm Minh Chính received Russian Minister Ivan Petrov in Hà Nội.\n"
    ex = extract(text)
    for record in [*ex.officials, *ex.meetings, *ex.delegations]:
        assert record.evidence
        for ev in record.evidence:
            assert "Phạm Minh Chính" in text[ev.start : ev.end]
