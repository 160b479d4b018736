"""The timeline's steps no page test reaches: directions past the chart's three, thinned year labels."""

from relations.templatetags.public import (
    DIRECTION_COLOURS,
    OTHER_COLOUR,
    Series,
    _Axis,
    _folded_directions,
    _ranked_directions,
    _year_labels,
    build_timeline,
)


def direction(key: str, colour: str, values: dict[int, int]) -> Series:
    return Series(key, key, colour, values)


def test_it_keeps_up_to_three_directions_as_they_are():
    ranked = [direction(k, DIRECTION_COLOURS[2], {2020: 1}) for k in ("a", "b", "c")]
    assert _folded_directions(ranked) == ranked


def test_it_sums_the_third_direction_and_those_after_it_as_other_directions():
    ranked = [
        direction("VN-RU", DIRECTION_COLOURS[0], {2019: 1}),
        direction("RU-VN", DIRECTION_COLOURS[1], {2019: 2}),
        direction("VN-US", DIRECTION_COLOURS[2], {2019: 3, 2020: 1}),
        direction("CN-RU", DIRECTION_COLOURS[2], {2020: 4, 2021: 5}),
    ]
    folded = _folded_directions(ranked)
    assert [s.key for s in folded] == ["VN-RU", "RU-VN", "other"]
    assert (folded[2].label, folded[2].colour, folded[2].codes) == ("Other directions", OTHER_COLOUR, None)
    assert folded[2].values == {2019: 3, 2020: 5, 2021: 5}


def test_it_puts_the_collections_two_directions_first_however_small():
    big = direction("CN-RU", DIRECTION_COLOURS[2], {2020: 9})
    back = direction("RU-VN", DIRECTION_COLOURS[1], {2020: 1})
    out = direction("VN-RU", DIRECTION_COLOURS[0], {2020: 1})
    small = direction("VN-US", DIRECTION_COLOURS[2], {2020: 2})
    assert _ranked_directions([small, big, back, out]) == [out, back, big, small]


def test_it_names_every_year_up_to_sixteen_and_every_other_one_minor():
    labels = _year_labels(_Axis.across(list(range(2001, 2017))))
    assert [year for _, year, _ in labels] == list(range(2001, 2017))
    assert [minor for _, _, minor in labels] == [False, True] * 8


def test_it_names_fewer_years_past_sixteen():
    labels = _year_labels(_Axis.across(list(range(1990, 2023))))  # 33 years: one in three named
    assert [year for _, year, _ in labels] == list(range(1990, 2023, 3))
    assert [minor for _, _, minor in labels][:4] == [False, True, False, True]


def test_it_draws_nothing_when_nothing_is_dated():
    assert build_timeline([{"year": None, "from_country": "VN", "to_country": "RU", "n": 2}], []) is None
