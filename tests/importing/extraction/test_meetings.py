from relations.importing.extraction import extract


def _parts(ex):
    names = {o.key: o.name for o in ex.officials}
    return [sorted(names[k] for k in m.participants) for m in ex.meetings]


def test_a_telephone_talk_is_a_meeting_without_a_place():
    ex = extract(
        "May 16, 2018\n\nOn May 16th, Mr. Shinzo Abe, Prime Minister of Japan, held a telephone talk with "
        "H.E. Mr. Narendra Modi, Prime Minister of India."
    )
    assert _parts(ex) == [["Narendra Modi", "Shinzo Abe"]]
    assert ex.meetings[0].place == ""


def test_a_joint_press_conference_is_a_meeting():
    ex = extract(
        " date 2025-02-25 Speaking in a joint press conference with his Russian counterpart Sergei Lavrov "
        "in Tehran on Tuesday, the Iranian Foreign Minister Abbas Araghchi said relations were strong."
    )
    assert ["Abbas Araghchi", "Sergei Lavrov"] in _parts(ex)
