from relations.editorial.similarity import name_similarity, similarity, words_close


def test_similarity_folds_case_and_accents():
    assert similarity("Phạm Minh Chính", "pham minh chinh") == 1.0
    assert 0 < similarity("Nguen", "Nguyen") < 1


def test_words_close_allows_a_small_slip_in_long_words_only():
    assert words_close("Nguen", "Nguyen")
    assert words_close("Kolokoltsev", "Kolokolcev")
    assert not words_close("Tan", "Tam")
    assert not words_close("Ivanov", "Petrov")


def test_name_similarity_ignores_word_order():
    assert name_similarity("Kolokoltsev Vladimir", "Vladimir Kolokoltsev") == 1.0
    assert name_similarity("Vladimir Putin", "Sergei Lavrov") < 0.5
