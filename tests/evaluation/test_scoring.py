"""The scorer's matching rules (tests/data/gold/README.md), on small hand-made gold and export rows."""

import pytest

from tests.conftest import DATA
from tests.evaluation.scoring import (
    Score,
    Tally,
    date_matches,
    gold_people,
    load_gold,
    names_match,
    read_csv,
    score,
    title_similarity,
    titles_match,
)


def official(name, country="VN", *, aliases=(), titles=()):
    return {"name": name, "country": country, "aliases": list(aliases), "titles": list(titles)}


def doc(doc_id, **parts):
    return {"id": doc_id, "officials": [], "delegations": [], "meetings": [], "agreements": [], **parts}


def row(source="a1", **cells):
    return {"sources": source, **cells}


def scored(docs, **exports) -> Score:
    return score(docs, {"officials": [], "delegations": [], "meetings": [], "agreements": [], **exports})


# ---------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kolokoltsev Vladimir Alexandrovich", "Vladimir Kolokoltsev"),  # word order, shorter in longer
        ("Phạm Minh Chính", "pham minh chinh"),  # accents and case
        ("Đỗ Văn Đức", "Do Van Duc"),  # đ counts as d
        ("Nguen Van Phong", "Nguyen Van Phong"),  # a slip in a word of four letters or more
        ("I. Morgulov", "Igor Morgulov"),  # an initial
        ("Tan", "Tan"),
    ],
)
def test_it_matches_forms_of_one_name(a, b):
    assert names_match(a, b)
    assert names_match(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Tan", "Le Vinh Tan"),  # a one-word form matches only a one-word form
        ("Nguyen Van", "Nguyen Van The"),  # the shorter form's last word must pair with an end of the longer
        ("Le Vinh Tan", "Li Vinh Tan"),  # no slips in words shorter than four letters
        ("Igor Morgulov", "Igor Mordashov"),  # too far apart to be a slip
        ("", "Le Vinh Tan"),
    ],
)
def test_it_keeps_different_names_apart(a, b):
    assert not names_match(a, b)


# ---------------------------------------------------------------- dates and titles


@pytest.mark.parametrize("predicted", ["2019-08-07", "2019-08-31", "2019-08"])
def test_it_accepts_any_date_beginning_with_the_gold_prefix(predicted):
    assert date_matches(predicted, "2019-08")


@pytest.mark.parametrize("predicted", ["2019", "2019-09-01", "", None])
def test_it_rejects_a_date_outside_or_coarser_than_the_gold_prefix(predicted):
    assert not date_matches(predicted, "2019-08")


@pytest.mark.parametrize("predicted", ["2021-11-26", "2021-12-31", "2021-12", "2021-11", "2021"])
def test_it_accepts_a_date_inside_a_gold_interval_at_its_own_precision(predicted):
    assert date_matches(predicted, "2021-11-26/2021-12-31")


@pytest.mark.parametrize("predicted", ["2021-01-01", "2021-11-25", "2021-10", "2022", "2022-01-01"])
def test_it_rejects_a_date_outside_a_gold_interval(predicted):
    assert not date_matches(predicted, "2021-11-26/2021-12-31")


def test_it_does_not_score_a_null_gold_date():
    assert date_matches("", None)
    assert date_matches("1999-01-01", "")


def test_it_matches_titles_on_word_overlap_ignoring_stop_words():
    assert titles_match("cooperation agreement for 2019-2022", "the agreement on cooperation, 2019-2022")
    assert titles_match("Minister of Home Affairs", "Vietnamese Minister of Home Affairs")
    assert not titles_match("cooperation agreement", "memorandum on education and training")
    assert title_similarity("of the and", "of the and") == 0.0


# ---------------------------------------------------------------- officials


def test_it_merges_one_person_across_articles():
    docs = [
        doc("a1", officials=[official("Vladimir Putin", "RU")]),
        doc("a2", officials=[official("Putin", "RU"), official("Putin", "VN")]),
    ]
    assert [p.names[0] for p in gold_people(docs)] == ["Vladimir Putin", "Putin"]


def test_it_counts_a_person_named_in_two_articles_once():
    docs = [doc("a1", officials=[official("Le Vinh Tan")]), doc("a2", officials=[official("Le Vinh Tan")])]
    result = scored(docs, officials=[row("a1; a2", name="Lê Vĩnh Tân", country="VN")])
    assert result.officials == Tally(tp=1, fp=0, fn=0)


def test_it_charges_a_duplicate_official_as_a_false_positive():
    docs = [doc("a1", officials=[official("Le Vinh Tan")])]
    rows = [row(name="Le Vinh Tan", country="VN"), row(name="Tan Le Vinh", country="VN")]
    assert scored(docs, officials=rows).officials == Tally(tp=1, fp=1, fn=0)


def test_it_charges_a_wrong_country_as_a_false_positive():
    docs = [doc("a1", officials=[official("Igor Zubov", "RU")])]
    result = scored(docs, officials=[row(name="Igor Zubov", country="VN")])
    assert result.officials == Tally(tp=0, fp=1, fn=0)
    assert (result.official_country.right, result.official_country.total) == (0, 1)


def test_it_counts_a_missed_official_as_a_false_negative():
    docs = [doc("a1", officials=[official("Le Vinh Tan"), official("Igor Zubov", "RU")])]
    result = scored(docs, officials=[row(name="Igor Zubov", country="ru")])
    assert result.officials == Tally(tp=1, fp=0, fn=1)
    assert result.official_country.all_right


def test_it_matches_officials_through_aliases_on_both_sides():
    docs = [
        doc(
            "a1",
            officials=[official("Phạm Minh Chính", aliases=["PM Chính"]), official("The", aliases=["X"])],
        )
    ]
    rows = [
        row(name="Chinh", aliases="PM Chinh", country="VN"),  # a predicted alias meets a gold alias
        row(name="Mr The", aliases="The", country="VN"),  # a predicted alias meets a gold name
    ]
    assert scored(docs, officials=rows).officials == Tally(tp=2, fp=0, fn=0)


def test_it_does_not_match_a_surname_to_a_full_name():
    docs = [doc("a1", officials=[official("Le Vinh Tan")])]
    assert scored(docs, officials=[row(name="Tan", country="VN")]).officials == Tally(tp=0, fp=1, fn=1)


def test_it_ignores_officials_taken_from_articles_outside_the_set():
    docs = [doc("a1", officials=[official("Le Vinh Tan")])]
    rows = [row(name="Le Vinh Tan", country="VN"), row("other", name="Ivan Petrov", country="RU")]
    assert scored(docs, officials=rows).officials == Tally(tp=1, fp=0, fn=0)


def test_it_scores_official_titles_by_overlap():
    docs = [doc("a1", officials=[official("Le Vinh Tan", titles=["Minister of Home Affairs"])])]
    rows = [row(name="Le Vinh Tan", country="VN", titles="Deputy; Home Affairs Minister")]
    assert scored(docs, officials=rows).official_title.all_right


# ---------------------------------------------------------------- delegations, meetings, agreements


def test_it_matches_delegations_within_their_article_on_countries_and_head():
    gold = doc(
        "a1",
        officials=[official("Le Vinh Tan", aliases=["Tan"])],
        delegations=[
            {"from_country": "VN", "to_country": "RU", "head": "Le Vinh Tan", "start": "2019-08-04"}
        ],
    )
    rows = [
        row("a2", from_country="VN", to_country="RU", head="Le Vinh Tan"),  # another article
        row(from_country="RU", to_country="VN", head="Le Vinh Tan"),  # the wrong way round
        row(from_country="vn", to_country="ru", head="Tan", start_date="2019-08-04"),
    ]
    result = scored([gold], delegations=rows)
    assert result.delegations == Tally(tp=1, fp=1, fn=0)
    assert result.delegation_start.all_right


def test_it_does_not_count_a_missed_delegation_in_passing():
    gold = doc(
        "a1",
        delegations=[
            {"from_country": "VN", "to_country": "RU", "head": None, "primary": True},
            {"from_country": "RU", "to_country": "VN", "head": None, "primary": False},
        ],
    )
    assert scored([gold]).delegations == Tally(tp=0, fp=0, fn=1)
    rows = [row(from_country="RU", to_country="VN")]  # but one in passing still matches a prediction
    assert scored([gold], delegations=rows).delegations == Tally(tp=1, fp=0, fn=1)


def test_it_matches_a_meeting_on_two_shared_participants():
    people = [official("Le Vinh Tan"), official("Anatoly Seryshev", "RU"), official("Andrei Artizov", "RU")]
    gold = doc(
        "a1", officials=people, meetings=[{"date": "2019-08-07", "participants": [p["name"] for p in people]}]
    )
    one = scored([gold], meetings=[row(participants="Le Vinh Tan; Ivan Petrov")])
    two = scored([gold], meetings=[row(participants="Seryshev Anatoly; Le Vinh Tan", date="2019-08-07")])
    assert one.meetings == Tally(tp=0, fp=1, fn=1)
    assert two.meetings == Tally(tp=1, fp=0, fn=0)
    assert two.meeting_date.all_right


def test_it_matches_a_meeting_with_one_gold_participant_on_that_one():
    gold = doc("a1", officials=[official("Le Vinh Tan")], meetings=[{"participants": ["Le Vinh Tan"]}])
    assert scored([gold], meetings=[row(participants="Le Vinh Tan")]).meetings == Tally(tp=1, fp=0, fn=0)


def test_it_matches_agreements_on_title_overlap():
    gold = doc(
        "a1",
        agreements=[
            {"title": "cooperation agreement for 2019-2022", "status": "signed", "primary": True},
            {"title": "Treaty on Friendly Relations", "status": "referenced", "primary": False},
        ],
    )
    rows = [
        row(title="memorandum on education", state="signed"),
        row(title="Agreement on cooperation", state="draft"),
    ]
    result = scored([gold], agreements=rows)
    assert result.agreements == Tally(tp=1, fp=1, fn=0)
    assert (result.agreement_state.right, result.agreement_state.total) == (0, 1)


# ---------------------------------------------------------------- articles and the whole


def test_it_scores_article_dates_against_an_interval():
    docs = [
        doc("a1", article_date="2021-11-26/2021-12-31"),
        doc("a2", article_date="2021-11-26/2021-12-31"),
        doc("a3", article_date="2019"),
        doc("a4", article_date=None),
    ]
    articles = [
        {"key": "a1", "published_on": "2021-12"},
        {"key": "a2", "published_on": "2021-01-01"},
        {"key": "a4", "published_on": "2019-01-01"},
    ]
    result = scored(docs, articles=articles)
    assert (result.article_date.right, result.article_date.total) == (1, 3)


def test_it_averages_the_four_f1_scores_overall():
    result = Score(
        officials=Tally(tp=1), delegations=Tally(tp=1), meetings=Tally(fn=1), agreements=Tally(fp=1)
    )
    assert result.overall == 0.5
    assert result.table().splitlines()[-1] == "overall F1 0.500"


def test_it_reads_exported_csv_with_a_byte_order_mark():
    assert read_csv("\ufeffname , sources\n Le Vinh Tan ,a1\n") == [{"name": "Le Vinh Tan", "sources": "a1"}]


def perfect_exports(docs) -> dict:
    """What an importer that got every record right, and merged nobody across articles, would export."""
    return {
        "officials": [
            row(d["id"], name=o["name"], aliases="; ".join(o.get("aliases", [])), country=o["country"] or "")
            for d in docs
            for o in d["officials"]
        ],
        "delegations": [
            row(d["id"], from_country=g["from_country"], to_country=g["to_country"], head=g["head"] or "")
            for d in docs
            for g in d["delegations"]
        ],
        "meetings": [
            row(d["id"], participants="; ".join(m["participants"])) for d in docs for m in d["meetings"]
        ],
        "agreements": [
            row(d["id"], title=a["title"], state=a["status"]) for d in docs for a in d["agreements"]
        ],
        "articles": [{"key": d["id"], "published_on": (d["article_date"] or "").split("/")[0]} for d in docs],
    }


def test_it_scores_the_seed_gold_itself_perfectly():
    docs = load_gold(DATA / "gold")
    result = score(docs, perfect_exports(docs))
    assert result.overall == 1.0
    assert result.official_country.all_right
    assert result.agreement_state.all_right
    assert (result.article_date.right, result.article_date.total) == (5, 5)


def test_it_charges_a_person_of_two_development_articles_recorded_twice():
    docs = load_gold(DATA / "gold-extra")
    result = score(docs, perfect_exports(docs))
    assert result.officials == Tally(tp=57, fp=1, fn=0)
    assert (result.delegations.f1, result.meetings.f1, result.agreements.f1) == (1.0, 1.0, 1.0)
