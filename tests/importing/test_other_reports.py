"""A visit or meeting already on file, told again by another article: what the second report adds stays,
and what it leaves vaguer (a month for the day, a country for the city, nothing for a date) does not undo the
first; the article itself, read again, still replaces what it said."""

import datetime

import pytest

from people.models import Official
from relations.editorial.vocabulary import Flag
from relations.importing import run
from relations.importing.proposals import (
    DelegationProposal,
    Evidence,
    Extraction,
    MeetingProposal,
    OfficialProposal,
    PartialDate,
)
from relations.importing.writing import refined
from relations.models import Delegation, Meeting
from tests.importing.helpers import import_, write

pytestmark = pytest.mark.django_db

#: each article's first line says what it reports: "start|place|meeting date|meeting place"
DAY, MONTH = PartialDate(2021, 3, 9), PartialDate(2021, 3)


def reported(text: str) -> Extraction:
    """A stand-in extractor: Minister Tran Van Lam (VN) visits Russia and meets Ivan Sokolov, as the first
    line gives the visit's start and place and the meeting's date and place."""
    start, place, met_on, met_at = text.splitlines()[0].split("|")
    ev = [Evidence(0, len(text), ("name",))]
    dates = {"day": DAY, "month": MONTH, "none": None}
    extraction = Extraction(title="A visit", date=PartialDate(2021, 3, 20))
    extraction.officials += [
        OfficialProposal(key="a", name="Tran Van Lam", country="VN", titles=["Minister"], evidence=ev),
        OfficialProposal(key="b", name="Ivan Sokolov", country="RU", titles=["Minister"], evidence=ev),
    ]
    extraction.delegations.append(
        DelegationProposal(
            key="d",
            from_country="VN",
            to_country="RU",
            head="a",
            start=dates[start],
            place=place,
            evidence=ev,
        )
    )
    extraction.meetings.append(
        MeetingProposal(
            key="m", participants=["a", "b"], date=dates[met_on], place=met_at, delegation="d", evidence=ev
        )
    )
    return extraction


@pytest.fixture
def reporter(monkeypatch):
    monkeypatch.setattr(run, "extract", reported)


def test_a_vaguer_second_report_keeps_what_the_first_said(tmp_path, reporter):
    import_(write(tmp_path, "first.txt", "day|Moscow, Russia|day|Kremlin, Moscow\n"))
    code, out, _ = import_(write(tmp_path, "second.txt", "month|Russia|day|\n"))
    assert code == 0
    visit, meeting = Delegation.objects.get(), Meeting.objects.get()
    assert visit.citations.count() == 2 and meeting.citations.count() == 2  # one record each, both cited
    assert (visit.start_date, visit.start_precision, visit.place) == (
        datetime.date(2021, 3, 9),
        "day",
        "Moscow, Russia",
    )
    assert meeting.place == "Kremlin, Moscow"


def test_a_finer_second_report_refines_the_first(tmp_path, reporter):
    import_(write(tmp_path, "first.txt", "month|Russia|day|\n"))
    import_(write(tmp_path, "second.txt", "day|Moscow, Russia|day|Kremlin, Moscow\n"))
    visit, meeting = Delegation.objects.get(), Meeting.objects.get()
    assert (visit.start_date, visit.start_precision, visit.place) == (
        datetime.date(2021, 3, 9),
        "day",
        "Moscow, Russia",
    )
    assert meeting.place == "Kremlin, Moscow"


def test_the_same_article_read_again_still_replaces_what_it_said(tmp_path, reporter):
    path = write(tmp_path, "first.txt", "day|Moscow, Russia|day|Kremlin, Moscow\n")
    import_(path)
    path.write_text("month|Russia|day|\n")
    import_(path)
    visit, meeting = Delegation.objects.get(), Meeting.objects.get()
    assert (visit.start_precision, visit.place, meeting.place) == ("month", "Russia", "")


@pytest.mark.parametrize(
    ("new", "kept"),
    [
        ((None, ""), True),  # says nothing
        ((datetime.date(2021, 3, 1), "month"), True),  # the month of the recorded day
        ((datetime.date(2021, 1, 1), "year"), True),  # its year
        ((datetime.date(2021, 4, 1), "month"), False),  # another month: a correction, taken
        ((datetime.date(2020, 1, 1), "year"), False),  # another year
        ((datetime.date(2021, 3, 10), "day"), False),  # another day
    ],
)
def test_a_date_is_kept_only_against_a_vaguer_one_that_contains_it(new, kept):
    record = Delegation(start_date=datetime.date(2021, 3, 9), start_precision="day", place="Hanoi, Vietnam")
    values = {"start_date": new[0], "start_precision": new[1], "place": "Vietnam"}
    out = refined(record, values, {"start_date": "start_precision"}, ())
    assert (out["start_date"], out["start_precision"]) == (
        (datetime.date(2021, 3, 9), "day") if kept else new
    )
    assert out["place"] == "Hanoi, Vietnam"
    assert refined(record, {**values, "place": "Da Nang, Vietnam"}, {}, ())["place"] == "Da Nang, Vietnam"


def named(text: str) -> Extraction:
    """A stand-in extractor: each line "Name|XX|guessed" or "Name|XX|said" proposes one official."""
    extraction = Extraction(title="Officials", date=PartialDate(2021, 3, 20))
    for i, line in enumerate(text.splitlines()):
        name, country, how = line.split("|")
        extraction.officials.append(
            OfficialProposal(
                key=f"o{i}",
                name=name,
                country=country,
                titles=["Minister"],
                flags=[Flag.COUNTRY_GUESSED] if how == "guessed" else [],
                evidence=[Evidence(0, len(line), ("name",))],
            )
        )
    return extraction


@pytest.mark.parametrize(
    ("first", "second", "countries"),
    [
        ("said", "guessed", ["IN"]),  # a guess joins the namesake on record and keeps its country
        ("guessed", "said", ["CN", "IN"]),  # a country the text gives keeps apart one only guessed
        ("said", "said", ["CN", "IN"]),  # two countries given: namesakes
    ],
)
def test_a_guessed_country_neither_splits_nor_recolours_an_official_on_record(
    tmp_path, monkeypatch, first, second, countries
):
    monkeypatch.setattr(run, "extract", named)
    import_(write(tmp_path, "first.txt", f"Arjun Mehra Rao|IN|{first}\n"))
    import_(write(tmp_path, "second.txt", f"Arjun Mehra Rao|CN|{second}\n"))
    assert sorted(Official.objects.values_list("country", flat=True)) == countries
