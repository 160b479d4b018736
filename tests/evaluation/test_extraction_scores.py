"""How well the importer extracts: import an article set, export the reports, score them against its gold.

The two sets are imported in separate tests, so separate databases: officials never merge across sets.
Run ``pytest tests/evaluation -s`` to see the score tables; a failure carries them too.
"""

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.conftest import DATA, ROOT
from tests.evaluation.scoring import REPORTS, Score, load_gold, read_csv, score

# Targets. The seed articles are the real ones; the development set is invented and harder.
SEED_OVERALL_F1 = 0.95  # the mean F1 of officials, delegations, meetings and agreements
SEED_TYPE_F1 = 0.90  # officials, delegations and agreements, each
SEED_TYPES_AT_TARGET = ("officials", "delegations", "agreements")
# Four of five: 002's dateline says "October 31" and its text names no year at all (the annotators took 2023
# from who held which office). The importer leaves that date empty and flags the article for review rather
# than guess; an editor supplies the year.
SEED_ARTICLE_DATES = 4
DEVELOPMENT_OVERALL_F1 = 0.90

SEED_ARTICLES = ROOT / "fixtures" / "articles"
SEED_GOLD = DATA / "gold"
DEVELOPMENT_ARTICLES = DATA / "articles-extra"
DEVELOPMENT_GOLD = DATA / "gold-extra"

pytestmark = [pytest.mark.slow, pytest.mark.django_db]


def export_csv(resource: str) -> str:
    """A report exactly as ``manage.py export CSV <resource>`` writes it."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    call_command("export", "CSV", resource, stdout=out)
    return out.buffer.getvalue().decode("utf-8")


def import_and_score(articles: Path, gold: Path) -> Score:
    call_command("import_articles", str(articles), stdout=io.StringIO())
    exports = {name: read_csv(export_csv(resource)) for name, resource in REPORTS.items()}
    result = score(load_gold(gold), exports)
    print(f"\n{articles.relative_to(ROOT)} against {gold.relative_to(ROOT)}\n{result.table()}")  # noqa: T201
    return result


def missed_seed_targets(result: Score) -> list[str]:
    missed = []
    if result.overall < SEED_OVERALL_F1:
        missed.append(f"overall F1 {result.overall:.3f} < {SEED_OVERALL_F1}")
    for name in SEED_TYPES_AT_TARGET:
        f1 = result.tallies[name].f1
        if f1 < SEED_TYPE_F1:
            missed.append(f"{name} F1 {f1:.3f} < {SEED_TYPE_F1}")
    if result.article_date.right < SEED_ARTICLE_DATES:
        missed.append(f"article dates right {result.article_date.right}/{SEED_ARTICLE_DATES}")
    country = result.official_country
    if not country.all_right:
        missed.append(f"official country right for {country.right} of {country.total} matched officials")
    return missed


def test_it_extracts_the_seed_articles_at_the_targets():
    result = import_and_score(SEED_ARTICLES, SEED_GOLD)
    missed = missed_seed_targets(result)
    assert not missed, "\n".join(["missed targets:", *missed, result.table(details=True)])


def test_it_extracts_the_development_articles_at_the_target():
    result = import_and_score(DEVELOPMENT_ARTICLES, DEVELOPMENT_GOLD)
    assert result.overall >= DEVELOPMENT_OVERALL_F1, (
        f"overall F1 {result.overall:.3f} < {DEVELOPMENT_OVERALL_F1}\n{result.table(details=True)}"
    )


# A third set, invented in the same genre after the extractor existed (pairs such as Vietnam–Laos,
# Russia–India, Cambodia–China; wire, ministry and newspaper formats): a guard against rules that fit
# only the two sets above.
HELDOUT_ARTICLES = DATA / "heldout" / "articles"
HELDOUT_GOLD = DATA / "heldout" / "gold"
HELDOUT_OVERALL_F1 = 0.985


def test_it_extracts_the_heldout_articles_at_the_target():
    result = import_and_score(HELDOUT_ARTICLES, HELDOUT_GOLD)
    assert result.overall >= HELDOUT_OVERALL_F1, (
        f"overall F1 {result.overall:.3f} < {HELDOUT_OVERALL_F1}\n{result.table(details=True)}"
    )
    _values_at_floor(result, HELDOUT_FLOORS)


# ---------------------------------------------------------------- values and organizations
#
# The issue's targets for the values of matched records and for organizations, on every set in the
# repository: field accuracy 0.90 and organizations F1 0.80. The floors below are what the extractor
# reaches now; a change that lowers any of them fails. The targets themselves are checked by the
# ``..._reach_the_issue_targets`` tests: the seed, development and held-out articles reach them.
FIELD_ACCURACY_TARGET = 0.90
ORGANIZATIONS_F1_TARGET = 0.80
SEED_FLOORS = {"field accuracy": 0.93, "organizations F1": 0.83}
DEVELOPMENT_FLOORS = {"field accuracy": 0.93, "organizations F1": 0.825}
HELDOUT_FLOORS = {"field accuracy": 0.91, "organizations F1": 0.80}


def _values(result: Score) -> dict[str, float]:
    return {"field accuracy": result.field_accuracy, "organizations F1": result.organizations.f1}


def _values_at_floor(result: Score, floors: dict[str, float]) -> None:
    low = [f"{k} {v:.3f} < {floors[k]}" for k, v in _values(result).items() if v < floors[k]]
    assert not low, "\n".join(["below the floor:", *low, result.table(details=True)])


def test_seed_values_and_organizations_hold_their_floor():
    _values_at_floor(import_and_score(SEED_ARTICLES, SEED_GOLD), SEED_FLOORS)


def test_development_values_and_organizations_hold_their_floor():
    _values_at_floor(import_and_score(DEVELOPMENT_ARTICLES, DEVELOPMENT_GOLD), DEVELOPMENT_FLOORS)


@pytest.mark.parametrize(
    ("articles", "gold"),
    [
        pytest.param(SEED_ARTICLES, SEED_GOLD, id="seed"),
        pytest.param(DEVELOPMENT_ARTICLES, DEVELOPMENT_GOLD, id="development"),
        pytest.param(HELDOUT_ARTICLES, HELDOUT_GOLD, id="heldout"),
    ],
)
def test_values_and_organizations_reach_the_issue_targets(articles, gold):
    result = import_and_score(articles, gold)
    assert result.field_accuracy >= FIELD_ACCURACY_TARGET, result.table(details=True)
    assert result.organizations.f1 >= ORGANIZATIONS_F1_TARGET, result.table(details=True)


# ---------------------------------------------------------------- real articles (optional)
#
# The real development articles' texts are third-party and git-ignored (tests/data/real/README.md says how
# to put them in place); without them this test is skipped. Never score the ``test`` third here.
REAL_DEV_TEXTS = DATA / "real" / "texts" / "dev"
REAL_DEV_GOLD = DATA / "real" / "gold" / "dev"
# the real development reports; field accuracy is a share of the matched records' values: meetings found in
# reports that give no year or place bring values no reading can get right, so it falls as recall rises.
# 299 reports with their texts: 0.873 / 0.812 (the fresh checks nobody developed on, before and after the
# last round, on the texts present: r1701-r1720 0.765 / 0.719 -> 0.777 / 0.708, r1801-r1820 0.787 / 0.827
# -> 0.808 / 0.822)
REAL_DEV_FLOORS = {"overall F1": 0.86, "field accuracy": 0.80}


def test_it_extracts_the_real_development_articles_above_the_floor(tmp_path):
    texts = sorted(REAL_DEV_TEXTS.glob("*.txt")) if REAL_DEV_TEXTS.is_dir() else []
    present = [t for t in texts if (REAL_DEV_GOLD / f"{t.stem}.json").exists()]
    if not present:
        pytest.skip("the real development texts are not here (git-ignored; see tests/data/real/README.md)")
    articles, gold = tmp_path / "articles", tmp_path / "gold"
    articles.mkdir()
    gold.mkdir()
    for text in present:
        (articles / text.name).write_bytes(text.read_bytes())
        (gold / f"{text.stem}.json").write_bytes((REAL_DEV_GOLD / f"{text.stem}.json").read_bytes())
    call_command("import_articles", str(articles), stdout=io.StringIO())
    exports = {name: read_csv(export_csv(resource)) for name, resource in REPORTS.items()}
    result = score(load_gold(gold), exports)
    print(f"\nreal development articles ({len(present)})\n{result.table()}")  # noqa: T201
    low = {"overall F1": result.overall, "field accuracy": result.field_accuracy}
    low = [f"{k} {v:.3f} < {REAL_DEV_FLOORS[k]}" for k, v in low.items() if v < REAL_DEV_FLOORS[k]]
    assert not low, "\n".join(["below the floor:", *low, result.table(details=True)])
