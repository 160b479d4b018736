"""Partial dates written at their precision: ISO for exports and attributes, words for pages."""

import datetime

import pytest

from relations.editorial.vocabulary import Precision, format_partial, human_partial

DAY = datetime.date(2019, 8, 7)


@pytest.mark.parametrize(
    ("precision", "iso", "words"),
    [
        (Precision.YEAR, "2019", "2019"),
        (Precision.MONTH, "2019-08", "August 2019"),
        (Precision.DAY, "2019-08-07", "7 August 2019"),
        ("", "2019-08-07", "7 August 2019"),
    ],
)
def test_it_writes_a_date_at_its_precision(precision, iso, words):
    assert (format_partial(DAY, precision), human_partial(DAY, precision)) == (iso, words)


def test_no_date_is_written_as_nothing():
    assert format_partial(None, Precision.DAY) == human_partial(None, Precision.DAY) == ""
