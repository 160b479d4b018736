"""The real articles' index and answer keys agree, and no article sits in two splits."""

import csv
import json
from collections import Counter
from pathlib import Path

import pytest

REAL = Path(__file__).resolve().parents[1] / "data" / "real"
SPLITS = ("dev", "test", "test3")


def index() -> list[dict]:
    with (REAL / "index.tsv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


@pytest.mark.parametrize("column", ["id", "url", "sha256"])
def test_no_article_is_listed_twice(column):
    repeated = [value for value, n in Counter(row[column] for row in index()).items() if n > 1]
    assert not repeated, f"index.tsv lists these {column}s more than once: {repeated}"


def test_every_row_has_its_answer_key_and_every_key_its_row():
    listed = {(row["split"], row["id"]) for row in index()}
    keys = {(split, p.stem) for split in SPLITS for p in (REAL / "gold" / split).glob("*.json")}
    assert listed == keys, f"rows without a key: {listed - keys}; keys without a row: {keys - listed}"


def test_each_answer_key_names_its_article_and_its_address():
    for row in index():
        gold = json.loads((REAL / "gold" / row["split"] / f"{row['id']}.json").read_text(encoding="utf-8"))
        assert (gold["id"], gold["source"]) == (row["id"], row["url"]), row["id"]
