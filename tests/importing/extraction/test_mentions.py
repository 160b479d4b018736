from relations.importing.extraction import mentions
from relations.importing.extraction.document import build


def test_the_pair_is_the_two_countries_most_named_and_the_dateline_gives_a_country():
    art = build(
        "ISLAMABAD, July 31, 2023 - Pakistan and China signed six agreements. "
        "Chinese Vice Premier He Lifeng visited Pakistan. China and Pakistan agreed to cooperate."
    )
    found = mentions.find(art)
    assert set(found.pair) == {"PK", "CN"}
    assert found.dateline_code == "PK"
    assert found.other("PK") == "CN"
