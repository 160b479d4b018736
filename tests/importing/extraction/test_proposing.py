# ruff: noqa: E501
"""Proposals cite the sentences they came from."""

from relations.importing.extraction import extract


def test_it_quotes_the_sentences_it_used():
    text = "HÀ NỘI, October 31 - Prime Minister Phạm Minh Chính received Russian Minister Ivan Petrov in Hà Nội.\n"
    ex = extract(text)
    for record in [*ex.officials, *ex.meetings, *ex.delegations]:
        assert record.evidence
        for ev in record.evidence:
            assert "Phạm Minh Chính" in text[ev.start : ev.end]
