# ruff: noqa: E501
"""Meetings: talks, receptions, calls and conferences, and who took part."""

import pytest

from relations.importing.extraction import extract, meetings
from relations.importing.proposals import PartialDate
from tests.importing.extraction.helpers import names_by_key, official


def _parts(ex):
    names = {o.key: o.name for o in ex.officials}
    return [sorted(names[k] for k in m.participants) for m in ex.meetings]


def test_a_telephone_talk_is_a_meeting_without_a_place():
    ex = extract(
        "March 3, 2019\n\nOn March 2nd, Mr. Kenji Tanaka, Foreign Minister of Japan, had a telephone talk with "
        "H.E. Mr. Ravi Menon, Foreign Minister of India, for about twenty minutes."
    )
    assert _parts(ex) == [["Kenji Tanaka", "Ravi Menon"]]
    assert ex.meetings[0].place == ""


def test_a_joint_press_conference_is_a_meeting():
    ex = extract(
        " date 2024-06-12 Addressing a joint press conference with his Turkish counterpart Emre Kaya "
        "in Isfahan on Wednesday, the Iranian Foreign Minister Reza Farahani spoke of growing trade."
    )
    assert ["Emre Kaya", "Reza Farahani"] in _parts(ex)


def test_it_adds_people_who_attended_the_meeting():
    ex = extract(
        "RUSSIA, April 6 - Minister of Transport of the Russian Federation Roman Shchukin held talks with a"
        " delegation of the Socialist Republic of Vietnam headed by Minister of Transport Nguyen Dinh Khang.\n\n"
        "The meeting was also attended by Deputy Minister of Transport of the Russian Federation A. V. Semenikhin"
        " and Deputy Minister of Transport of the Socialist Republic of Vietnam Trinh Ba Loc.\n"
    )
    names = names_by_key(ex)
    (m,) = ex.meetings
    assert {names[k] for k in m.participants} == {
        "Roman Shchukin", "Nguyen Dinh Khang", "A. V. Semenikhin", "Trinh Ba Loc",
    }  # fmt: skip
    (d,) = ex.delegations
    assert names[d.head] == "Nguyen Dinh Khang" and d.from_country == "VN"


def test_it_reads_a_meeting_at_the_latters_request_with_initials():
    text = (
        "On 14 October 2010, Deputy Minister of Foreign Affairs of the Russian "
        "Federation A.Yu. Rudnev received "
        "Ambassador of Vietnam to the Russian Federation Nguyen Phu Dang at the latter's request."
    )
    ex = extract(text)
    assert [o.name for o in ex.officials] == ["A.Yu. Rudnev", "Nguyen Phu Dang"]
    assert len(ex.meetings) == 1


def test_it_reads_held_consultations_with_as_a_meeting():
    text = (
        "MOSCOW, March 12, 2013 (TASS) - Cuban Deputy Foreign Minister Jorge Diaz Perez is in Moscow on a "
        "working visit. Diaz Perez also held consultations with Director of the Latin America Department of "
        "the Russian Foreign Ministry Alexei Shchukin."
    )
    ex = extract(text)
    assert len(ex.meetings) == 1
    assert official(ex, "Shchukin").country == "RU"


def test_it_joins_the_visiting_delegation_named_by_its_region_to_a_meeting():
    text = (
        "Nha Trang (VNA) - Chairman of Khanh Hoa province Le Duc Vinh received Governor "
        "of Russia's Tver Oblast "
        "Nikolai Rudov in Nha Trang on March 27, 2014. The Tver delegation also met Vice Chairwoman of the "
        "Vietnam-Russia Friendship Association Nguyen Thi Lan in Hanoi on March 25."
    )
    ex = extract(text)
    names = names_by_key(ex)
    parts = [sorted(names[k] for k in m.participants) for m in ex.meetings]
    assert ["Nguyen Thi Lan", "Nikolai Rudov"] in parts


def test_it_gives_a_counterpart_the_country_of_its_demonym_and_reads_short_family_names():
    text = (
        "SEOUL, Aug. 22 (Kyodo) -- South Korean President Lee Jae-sung and his Vietnamese counterpart "
        "Vo Minh Khang agreed Thursday to expand cooperation during summit talks in Seoul, their first since "
        "2022. Vo also met South Korean Prime Minister Han Seung-woo, a government official said."
    )
    ex = extract(text)
    names = names_by_key(ex)
    assert official(ex, "Khang").country == "VN"
    parts = [sorted(names[k] for k in m.participants) for m in ex.meetings]
    assert ["Lee Jae-sung", "Vo Minh Khang"] in parts
    assert ["Han Seung-woo", "Vo Minh Khang"] in parts


def test_it_reads_a_video_conference_as_a_meeting_without_a_delegation():
    text = (
        "New Delhi, June 19, 2023 (PTI) Defence Minister Rajendra Varma held a video conference with "
        "Vietnamese Defence Minister Phan Van Tuong on June 19."
    )
    ex = extract(text)
    assert len(ex.meetings) == 1 and ex.delegations == []


def test_courtesy_calls_on_several_hosts_are_one_meeting_each():
    ex = extract(
        "date 2019-05-14\nSpeaker in Hanoi\n\n"
        "During the Hanoi leg of his tour, Russian State Duma Chairman Pavel Orlov had talks with the Assembly's "
        "Chairwoman Nguyen Thi Lan. He then paid a courtesy visit to President Tran Van Minh and Prime "
        "Minister Le Van Hoa.\n"
    )
    parts = _parts(ex)
    assert ["Le Van Hoa", "Pavel Orlov"] in parts
    assert ["Pavel Orlov", "Tran Van Minh"] in parts
    assert ["Nguyen Thi Lan", "Pavel Orlov"] in parts
    assert len(parts) == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "date 2018-12-24\nSpeaker visits Vietnam\n\n"
            "Russian State Duma Chairman Pavel Orlov held talks with President Tran Van Minh and Prime "
            "Minister Le Van Hoa in Hanoi.\n",
            [["Pavel Orlov", "Tran Van Minh"], ["Le Van Hoa", "Pavel Orlov"]],
            id="a visitor's talks with two hosts in their country are a meeting with each",
        ),
        pytest.param(
            "date 2018-12-24\nSpeaker visits Vietnam\n\n"
            "Russian State Duma Chairman Pavel Orlov landed in Hanoi, where he was welcomed by Vice President "
            "Tran Van Minh and Deputy Prime Minister Le Van Hoa.\n",
            [["Le Van Hoa", "Pavel Orlov", "Tran Van Minh"]],
            id="hosts who welcome a visitor together are one meeting",
        ),
        pytest.param(
            "date 2014-07-07\nMinisters call on the prime minister\n\n"
            "British Foreign Secretary John Miles and Trade Secretary Tom Baker called on Indian "
            "Prime Minister Ravi Kumar on Monday.\n",
            [["John Miles", "Ravi Kumar", "Tom Baker"]],
            id="two ministers of one country calling on a host are one meeting",
        ),
        pytest.param(
            "MOSCOW, May 10, 2025 - Following Russian-Vietnamese talks, President Ivan Petrov and General "
            "Secretary To Minh made statements for the press.",
            [["Ivan Petrov", "To Minh"]],
            id="leaders making statements for the press after talks met",
        ),
        pytest.param(
            " date 2022-09-06 NEW DELHI - The delegation-level talks were led by Prime Minister Arjun Rao and "
            "Bangladeshi Prime Minister Rahima Begum.",
            [["Arjun Rao", "Rahima Begum"]],
            id="talks led by both leaders are a meeting",
        ),
        pytest.param(
            "Ivan Petrov Had Telephone Conversation With Tran Van Hai\n"
            "March 4, 2011. The two heads of government talked about fisheries on the call. "
            "Mr Petrov and Mr Tran Van Hai also touched on energy.",
            [["Ivan Petrov", "Tran Van Hai"]],
            id="a title case headline names the people of a call",
        ),
        pytest.param(
            "HANOI, April 9. /TASS/. A Federation Council group headed by Speaker Ivan Petrov reached Vietnam on "
            "Tuesday. On Wednesday, Petrov will hold bilateral meetings with President Tran Van Hai and Prime Minister "
            "Le Van Tam.",
            [["Ivan Petrov", "Tran Van Hai"], ["Ivan Petrov", "Le Van Tam"]],
            id="meetings with several hosts are one meeting each",
        ),
        pytest.param(
            " date 2024-08-15 President Tran Van Hai (L) receives Russian Ambassador to Vietnam Pavel Orlov. "
            "Photo: VNA\n\nSpeaking on August 14, Ambassador Pavel Orlov said contacts between the sides were frequent.\n",
            [["Pavel Orlov", "Tran Van Hai"]],
            id="a caption that reports a reception is a meeting",
        ),
        pytest.param(
            "date 2014-07-07\nMinisters in Delhi\n\n"
            "Indian Prime Minister Raj Mehta met British Foreign Secretary John Ellis and British Chancellor "
            "Peter Grant in New Delhi on Monday.\n",
            [["John Ellis", "Peter Grant", "Raj Mehta"]],
            id="two hosts of one side named together meet the guest together",
        ),
    ],
)
def test_it_reads_the_meetings_and_who_took_part(text, expected):
    """Each meeting's participants (sorted by name), meetings in the order read."""
    ex = extract(text)
    assert _parts(ex) == expected


def test_calling_a_counterpart_is_a_call_with_no_place():
    ex = extract(
        "date 2010-06-10\nMinisters speak\n\n"
        "Japanese Foreign Minister Kenji Sato held telephone talks with Vietnamese Foreign Minister "
        "Le Van Hoa on June 9. Later that day, Mr Sato called his Indonesian counterpart Budi Santoso as well.\n"
    )
    calls = {tuple(p) for p in _parts(ex)}
    assert ("Budi Santoso", "Kenji Sato") in calls
    assert all(m.place == "" for m in ex.meetings)


def test_visitors_of_different_countries_calling_on_one_host_are_one_call_each():
    ex = extract(
        "date 2019-02-12\nMinisters call on the prime minister\n\n"
        "ISLAMABAD: Chinese Foreign Minister Li Wen and Saudi Minister for Energy Faisal Al Harbi "
        "called on Prime Minister Tariq Mahmood on Tuesday morning.\n"
    )
    assert sorted(_parts(ex)) == [["Faisal Al Harbi", "Tariq Mahmood"], ["Li Wen", "Tariq Mahmood"]]
    countries = {o.name: o.country for o in ex.officials}
    assert countries["Tariq Mahmood"] == "PK"  # the dateline's country hosts, not the other visitor's


def test_presenting_credentials_and_a_bilateral_meeting_are_meetings():
    ex = extract(
        "date 2020-02-19\nAmbassador presents credentials\n\n"
        "ROME - Omar Al Farsi presented his letters of credence to Italian President Marco Ferri as "
        "the new Ambassador of Oman to Italy.\n"
    )
    assert _parts(ex) == [["Marco Ferri", "Omar Al Farsi"]]
    ex = extract(
        "date 2023-03-14\nLeaders meet\n\n"
        "Indonesian President Budi Santoso gave a short speech during the Indonesia-Australia bilateral meeting "
        "in Bogor on Tuesday, held during Australian Prime Minister Tom Baxter's trip to Indonesia.\n"
    )
    assert _parts(ex) == [["Budi Santoso", "Tom Baxter"]]


# ---- frames of real news copy: invented sentences showing each shape


def test_a_story_glued_to_its_photo_caption_on_one_line_is_read():
    ex = extract(
        " date 2022-11-09 Deputy Prime Minister Tran Van Hai (right) and Chairman of the Audit Chamber of Russia "
        "Pavel Orlov (left) shake hands (Photo: VNA)Hanoi (VNA) - Deputy Prime Minister Tran Van Hai received "
        "Chairman of the Audit Chamber of Russia Pavel Orlov in Hanoi on November 8, and the two talked "
        "about training for state auditors."
    )
    assert _parts(ex) == [["Pavel Orlov", "Tran Van Hai"]]
    assert str(ex.meetings[0].date) == "2022-11-08"
    assert ex.dateline_place == "Hanoi"


def test_a_rank_written_short_is_part_of_the_title_not_a_name():
    ex = extract(
        " date 2023-10-05 Hanoi (VNA) - Vietnamese Deputy Public Security Minister Sen. Lieut. Gen Le Van Tam "
        "hosted a reception on October 4 for Russian Ambassador to Vietnam Ivan Sokolov."
    )
    assert _parts(ex) == [["Ivan Sokolov", "Le Van Tam"]]
    assert official(ex, "Le Van Tam").titles == ["Vietnamese Deputy Public Security Minister"]


def test_greeting_a_counterpart_is_a_meeting_but_welcoming_results_is_not():
    ex = extract(
        "HANOI, June 3 (TASS) - Vietnam's Prime Minister Tran Van Hai greeted his Russian counterpart "
        "Pavel Orlov on arrival at the Presidential Palace in Hanoi."
    )
    assert _parts(ex) == [["Pavel Orlov", "Tran Van Hai"]]
    assert "Presidential Palace" in ex.meetings[0].place
    ex = extract(
        "HANOI, June 3 (TASS) - Prime Minister Tran Van Hai welcomed the results of last week's negotiations "
        "in Moscow. Russian Ambassador Pavel Orlov did the same."
    )
    assert _parts(ex) == []


def test_the_counterpart_named_by_country_and_office_is_the_one_named_before():
    ex = extract(
        " date 2023-02-14 Hanoi (VNA) - Vietnam wants more trade with Russia, Foreign Minister Le Van Tam "
        "told his Russian counterpart Pavel Orlov on February 14. In the call with the Russian minister, "
        "Tam proposed new direct flights."
    )
    assert _parts(ex) == [["Le Van Tam", "Pavel Orlov"]]
    assert ex.meetings[0].place == ""


def test_meetings_on_the_sidelines_take_the_place_of_the_meeting_before_them():
    ex = extract(
        " date 2023-07-05 Turkish President Kemal Aydin met with his Kazakh counterpart Nurlan Sadykov in "
        "Astana, Kazakhstan on Tuesday.\n\nAydin came to the gathering as a guest of honour at Sadykov's "
        "invitation.\n\nHe is also holding bilateral meetings with the other leaders present, among them his "
        "Russian counterpart Ivan Petrov."
    )
    assert _parts(ex) == [["Kemal Aydin", "Nurlan Sadykov"], ["Ivan Petrov", "Kemal Aydin"]]
    assert [m.place for m in ex.meetings] == ["Astana, Kazakhstan"] * 2


def test_a_title_set_off_by_a_comma_and_initials_glued_to_the_name():
    ex = extract(
        "President of Belarus, Ivan Lukin, came to Russia for two days, during which a meeting with "
        "Russian leader Pavel Orlov is planned. Mongolian President Kh.Batbold and Russian President Pavel Orlov "
        "are due to hold official talks next week."
    )
    assert official(ex, "Ivan Lukin").titles == ["President of Belarus"]
    assert official(ex, "Kh.Batbold").country == "MN"
    assert sorted(sorted(p) for p in _parts(ex)) == [
        ["Ivan Lukin", "Pavel Orlov"],
        ["Kh.Batbold", "Pavel Orlov"],
    ]


def test_the_two_leaders_who_met_before_are_the_last_two_named_and_a_meeting_on_another_day_is_another():
    ex = extract(
        " date 2024-03-12 MOSCOW - Kazakh President Aidos Nurlanov and his Russian counterpart Pavel Orlov "
        "discussed gas supplies by phone on Monday. The two leaders previously met on the sidelines of the "
        "Feb. 20 summit in Dushanbe."
    )
    assert [(sorted(p), str(m.date)) for p, m in zip(_parts(ex), ex.meetings, strict=True)] == [
        (["Aidos Nurlanov", "Pavel Orlov"], "2024-03-11"),
        (["Aidos Nurlanov", "Pavel Orlov"], "2024-02-20"),
    ]
    assert ex.meetings[1].place == "Dushanbe, Tajikistan"


def test_a_transcript_with_its_date_and_place_on_a_line_and_speaker_lines():
    ex = extract(
        "Official website\n\nTranscripts\n\nStatements to the press after Russian-Vietnamese talks\n\n"
        "March 21, 2023, The Kremlin, Moscow\n\n"
        "After Russia-Vietnam talks, Ivan Petrov and To Minh made statements for the press.\n\n"
        "Ivan Petrov: Comrade To Minh, dear friends, thank you for coming to Moscow.\n"
    )
    assert _parts(ex) == [["Ivan Petrov", "To Minh"]]
    assert str(ex.meetings[0].date) == "2023-03-21"
    assert ex.meetings[0].place == "Kremlin, Moscow"  # the stamp's venue before its city


def test_a_speaker_line_and_a_possessive_before_talks_name_a_person():
    ex = extract(
        "Pavel Orlov's talks with Chairman of the National Assembly of Vietnam "
        "Tran Van Khoa\n\nPavel Orlov: Good evening, comrade Tran Van Khoa.\n"
    )
    assert sorted(o.name for o in ex.officials) == ["Pavel Orlov", "Tran Van Khoa"]


def test_a_weekday_in_a_sentence_about_what_will_happen_is_the_next_one():
    ex = extract(
        " date 2019-04-10 HANOI - A Russian Federation Council group headed by Speaker Ivan Petrov began an official "
        "visit to Vietnam on Wednesday. On Thursday, Petrov will hold talks with President Tran Van Hai."
    )
    assert [str(m.date) for m in ex.meetings] == ["2019-04-11"]


def test_a_weekday_in_a_past_clause_of_a_sentence_about_the_future_is_the_last_one():
    ex = extract(
        " date 2020-10-08 HANOI - Russian Deputy Prime Minister Ivan Petrov, who arrived in Hanoi on Wednesday "
        "for an official visit, will hold talks with Prime Minister Tran Van Hai."
    )
    assert [str(d.start) for d in ex.delegations] == ["2020-10-07"]


def test_the_described_guest_holds_separate_meetings_with_hosts_titled_by_their_bodies():
    text = (
        "date 2023-08-14 HANOI: Vietnam today welcomed Malaysian Prime Minister Ahmad Zaki, who arrived for a "
        "three-day state visit.\n\n"
        "Later today, the Prime Minister will hold separate meetings with Vice President of Vietnam "
        "Tran Quoc Hoa and Chairman of the National Assembly, Pham Van Hue.\n"
    )
    ex = extract(text)
    names = names_by_key(ex)
    assert sorted(sorted(names[k] for k in m.participants) for m in ex.meetings) == [
        ["Ahmad Zaki", "Pham Van Hue"],
        ["Ahmad Zaki", "Tran Quoc Hoa"],
    ]
    assert official(ex, "Pham Van Hue").titles == ["Chairman of the National Assembly"]
    # a city in a person's name is no place: the meetings are in the dateline's city
    assert {m.place for m in ex.meetings} == {"Hanoi, Vietnam"}


def test_talks_with_a_word_on_how_they_went_and_a_meeting_in_a_clause_of_its_own():
    ex = extract(
        "date 2014-05-16\nTalks\n\nBEIJING (Xinhua) - Chinese Premier Li Wei said Friday he and visiting Indian "
        "Prime Minister Arun Kumar had candid talks on the border.\n"
    )
    assert [sorted(names_by_key(ex)[k] for k in m.participants) for m in ex.meetings] == [
        ["Arun Kumar", "Li Wei"]
    ]
    ex = extract(
        "date 2024-02-20\nVisit\n\nJAKARTA - President Budi Santoso of Indonesia ended his trip to Malaysia by "
        "meeting Malaysian Prime Minister Ahmad Zaki at Parliament House, Kuala Lumpur.\n"
    )
    (meeting,) = ex.meetings
    assert "Kuala Lumpur" in meeting.place


def test_a_call_named_in_a_clause_and_a_weekday_after_the_noun_date_it():
    ex = extract(
        "date 2021-10-08\nKyodo\n\nForeign Minister Hiro Tanabe of Japan and U.S. Secretary of State Mark Dalton "
        "went over trade and security during the 20-minute call.\n\n"
        "In phone talks Tuesday, U.S. Vice President Bill Carter pledged firm support, Prime Minister "
        "Ken Mori of Japan has said.\n"
    )
    countries = {o.name: o.country for o in ex.officials}
    assert countries == {"Hiro Tanabe": "JP", "Mark Dalton": "US", "Bill Carter": "US", "Ken Mori": "JP"}
    assert official(ex, "Dalton").titles == ["U.S. Secretary of State"]
    names = names_by_key(ex)
    calls = {tuple(sorted(names[k] for k in m.participants)): m for m in ex.meetings}
    assert set(calls) == {("Hiro Tanabe", "Mark Dalton"), ("Bill Carter", "Ken Mori")}
    assert calls[("Bill Carter", "Ken Mori")].date == PartialDate(2021, 10, 5)
    assert all(m.place == "" for m in ex.meetings)  # calls take place nowhere


def test_a_meeting_the_text_announces_is_a_meeting_on_its_day():
    ex = extract(
        "date 2020-09-17\nMinister visits Bangkok\n\n"
        "South Korean Foreign Minister Park Min-ji paid a courtesy call on Thai Prime Minister Somchai Wong "
        "on Thursday, the first day of her stay in Bangkok.\n\n"
        "She is due to meet her counterpart, Anan Srisuk, on Friday to discuss investment.\n"
    )
    names = names_by_key(ex)
    dated = {tuple(sorted(names[k] for k in m.participants)): m.date for m in ex.meetings}
    assert dated[("Park Min-ji", "Somchai Wong")] == PartialDate(2020, 9, 17)
    assert dated[("Anan Srisuk", "Park Min-ji")] == PartialDate(2020, 9, 18)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "date 2013-03-11\nMinister visits India\n\n"
            "UK Foreign Office Minister Peter Lowell is touring Chennai and Kolkata on 12-13 March.\n\n"
            "In Chennai on 12 March, the Foreign Office Minister held talks with Union Finance Minister Arjun Rao to talk about tariffs.\n\n"
            "In Kolkata, he is due to meet the Chief Minister, Ms Kavita Desai, to talk about ports.\n",
            [["Arjun Rao", "Peter Lowell"], ["Kavita Desai", "Peter Lowell"]],
            id="a visitor named again by his title alone is the one who meets",
        ),
        pytest.param(
            "date 2024-04-09\nSpeaker in Beijing\n\n"
            "During his stay in Beijing, Vietnamese National Assembly Chairman Tran Van Khoa had a meeting with "
            "Chinese President Zhou Ming, held talks with Chinese Premier Liang Bo, and met with Chinese Vice "
            "President Gao Feng.\n",
            [
                ["Gao Feng", "Tran Van Khoa"],
                ["Liang Bo", "Tran Van Khoa"],
                ["Tran Van Khoa", "Zhou Ming"],
            ],
            id="each verb of a visitor's programme is a meeting",
        ),
        pytest.param(
            "date 2025-09-01\nPremier at the summit\n\n"
            "On the sidelines of the summit in Tianjin, Vietnamese Prime Minister Nguyen Van Hai met with Mongolian "
            "President Batbold Tumur, Kyrgyz President Almaz Beishenov and Pakistani Prime Minister Imran Qureshi.\n",
            [
                ["Almaz Beishenov", "Nguyen Van Hai"],
                ["Batbold Tumur", "Nguyen Van Hai"],
                ["Imran Qureshi", "Nguyen Van Hai"],
            ],
            id="leaders of different countries met on the sidelines are separate meetings",
        ),
        pytest.param(
            "date 2022-07-06\nLeaders receive minister\n\n"
            "HANOI - On July 6, General Secretary Tran Van Minh and Prime Minister Le Van Hoa had a meeting with "
            "Russian Foreign Minister Ivan Sokolov in Hanoi.\n",
            [["Ivan Sokolov", "Le Van Hoa"], ["Ivan Sokolov", "Tran Van Minh"]],
            id="hosts named together before meeting a guest at home meet him each",
        ),
        pytest.param(
            "date 2021-01-28\nContacts begin\n\n"
            "US Defence Secretary John Miles and National Security Adviser Tom Baker reached out to their "
            "counterparts Defence Minister Ravi Kumar and National Security Adviser Arjun Rao on Wednesday.\n",
            [["Arjun Rao", "Tom Baker"], ["John Miles", "Ravi Kumar"]],
            id="two who reached out to their counterparts met one each, in order",
        ),
        pytest.param(
            "date 2022-11-16\nLeaders meet in Bali\n\n"
            "Prime Minister Arjun Rao met his Italian counterpart Giulia Conti on the sidelines of the summit in "
            "Bali on Wednesday.\n\n"
            '"Prime Minister wished Prime Minister Conti success in her new post," the Prime '
            "Minister's Office said in a statement.\n\n"
            "He also had informal interactions with Canadian Prime Minister Leah Moran and French President Paul "
            "Girard on Tuesday.\n",
            [["Arjun Rao", "Giulia Conti"], ["Arjun Rao", "Leah Moran"], ["Arjun Rao", "Paul Girard"]],
            id="a quotation and a leader's office leave the story's subject as he",
        ),
        pytest.param(
            "date 2019-12-21\nLeaders talk\n\n"
            "Japanese Prime Minister Kenji Sato and US President John Miles held phone talks on Saturday.\n\n"
            "The prime minister told Miles about his meeting with Turkish President Kemal Aydin in Osaka "
            "on Friday.\n",
            [["John Miles", "Kenji Sato"], ["Kemal Aydin", "Kenji Sato"]],
            id="his after a description is the one described",
        ),
        pytest.param(
            "date 2025-05-08\nTalks in Moscow\n\n"
            "Prime Minister Ivan Petrov held talks with President of Vietnam To Minh.\n\n"
            "Excerpts from the transcript:\n\n"
            "Ivan Petrov: Good evening, comrade To Minh.\n\n"
            "Please pass on my greetings to Prime Minister Le Van Hoa.\n\n"
            "During your stay, you will meet with President of Russia Pavel Orlov as well.\n",
            [["Ivan Petrov", "To Minh"], ["Pavel Orlov", "To Minh"]],
            id="you in a transcript is the one greeted by name",
        ),
        pytest.param(
            "date 2017-03-13\nMinister to tour Asia\n\n"
            "South Korean Foreign Minister Kim Min-jun travels to Sri Lanka on Monday for two days.\n\n"
            "In Colombo, the top diplomat is set to hold talks with Foreign Minister Ravi Perera.\n\n"
            "In Vietnam, he is then to meet Prime Minister Tran Van Hai.\n",
            [["Kim Min-jun", "Ravi Perera"], ["Kim Min-jun", "Tran Van Hai"]],
            id="the top diplomat is the one named before, not the minister he meets",
        ),
        pytest.param(
            "date 2024-06-21\nPresident in Hanoi\n\n"
            "Vietnamese President To Minh received Russian President Pavel Orlov in Hanoi on Thursday.\n\n"
            'Hosting Orlov "sends a clear signal to the region", said Tran Thi Lan, a senior fellow '
            "at a Singapore institute.\n",
            [["Pavel Orlov", "To Minh"]],
            id="who speaks about a meeting after it takes no part in it",
        ),
        pytest.param(
            "date 2025-05-20\nDelegation in Ankara\n\n"
            "ANKARA - A parliamentary delegation of Iran headed by Ali Karimi arrived in Ankara on Monday.\n\n"
            "On Tuesday, the Iranian parliamentary delegation held talks with Speaker of the Grand National "
            "Assembly of Turkey Mehmet Demir.\n",
            [["Ali Karimi", "Mehmet Demir"]],
            id="a delegation named with a lower-case word is a side of its meetings",
        ),
        pytest.param(
            "date 2017-04-06\nConsultations in Moscow\n\n"
            "On 5 April 2017, Deputy Minister of Foreign Affairs of the Russian Federation Ivan Petrov held "
            "consultations in Moscow with Deputy Minister of Foreign Affairs of Laos Somsak Vong.\n\n"
            "The parties discussed the planned visit of the Prime Minister of Laos Bounmy Keo to Russia.\n\n"
            "The Lao diplomat was also received by Director of the Asian Department of the Russian Foreign "
            "Ministry Pavel Orlov.\n",
            [["Ivan Petrov", "Somsak Vong"], ["Pavel Orlov", "Somsak Vong"]],
            id="the diplomat of a country is the one in its foreign affairs",
        ),
    ],
)
def test_it_reads_the_meetings_and_who_took_part_in_any_order(text, expected):
    """Each meeting's participants (sorted by name), the meetings in any order."""
    ex = extract(text)
    assert sorted(_parts(ex)) == expected


def test_two_ministers_meeting_their_unnamed_counterparts_stay_of_their_own_side():
    ex = extract(
        "date 2021-09-06\nMinisters travel to Jakarta\n\n"
        "CANBERRA - Australian Foreign Minister Helen Marsh and Defence Minister Tom Baird will meet their Indonesian "
        "counterparts in Jakarta on Thursday.\n\n"
        "Indonesian Foreign Minister Sari Dewi said the talks would cover maritime security.\n"
    )
    assert official(ex, "Baird").country == "AU"
    assert _parts(ex) == [["Helen Marsh", "Tom Baird"]]


def test_he_opening_a_sentence_keeps_the_subject_for_the_next_one():
    ex = extract(
        "date 2019-09-03\nPresident arrives\n\n"
        "Russian President Pavel Orlov landed in Ulaanbaatar late on June 11.\n\n"
        "He is in Mongolia for a state visit hosted by Mongolian President Bat Erdene.\n\n"
        "At the Chinggis Khaan International Airport, he was warmly welcomed by Mongolian Deputy Prime Minister Ganbold Tsend.\n"
    )
    parts = _parts(ex)
    assert ["Ganbold Tsend", "Pavel Orlov"] in parts
    assert ex.meetings[parts.index(["Ganbold Tsend", "Pavel Orlov"])].place.startswith(
        "Chinggis Khaan International Airport"
    )


def test_a_meeting_in_the_capital_or_a_port_city_of_a_named_place_is_there():
    ex = extract(
        "Vietnamese Prime Minister Nguyen Van Hai and his Belarusian counterpart, Ivan Lukin, agreed on tractor "
        "plants at their talks held in the capital city of Minsk last week.\n"
    )
    assert ex.meetings[0].place == "Minsk, Belarus"
    assert [(d.from_country, d.to_country) for d in ex.delegations] == [("VN", "BY")]
    ex = extract(
        "ISTANBUL (AA) - The two countries signed ten documents on Thursday, following a meeting between "
        "Russian President Pavel Orlov and his Vietnamese counterpart Nguyen Van Hai in the capital Hanoi.\n"
    )
    assert ex.meetings[0].place == "Hanoi, Vietnam"


def test_separate_courtesy_calls_are_one_meeting_a_host():
    ex = extract(
        "date 2017-04-25\nPremier in Phnom Penh\n\n"
        "On Tuesday morning, Vietnamese Prime Minister Nguyen Van Hai paid separate courtesy calls to Samdech Keo "
        "Sophal, President of the Senate, and Samdech Sok Vanna, Chairman of the National Assembly of Cambodia.\n"
    )
    hosts = sorted(next(n for n in parts if n != "Nguyen Van Hai") for parts in _parts(ex))
    assert len(hosts) == 2 and "Keo Sophal" in hosts[0] and "Sok Vanna" in hosts[1]


def test_a_capital_named_after_a_comma_is_the_place():
    assert meetings._place("They met in the Uzbek capital, Tashkent, on Friday.", 0) == (
        "Tashkent",
        "UZ",
    )


def test_a_visitor_s_separate_meetings_with_two_hosts_are_two_meetings():
    ex = extract(
        "date 2022-07-06\nMinister in Hanoi\n\n"
        "Russian Foreign Minister Pavel Orlov visited Vietnam on July 5-6.\n\n"
        "Orlov's separate meetings with Prime Minister Nguyen Van Hai and Party General Secretary Tran Van Khoa "
        "took place on July 6.\n"
    )
    assert sorted(_parts(ex)) == [["Nguyen Van Hai", "Pavel Orlov"], ["Pavel Orlov", "Tran Van Khoa"]]


def test_a_meeting_told_earlier_in_the_day_s_story_is_dated_to_its_day():
    ex = extract(
        "date 2023-04-07\nPresident receives minister\n\n"
        "Turkish President Kemal Aydin hosted Russian Foreign Minister Pavel Orlov in Istanbul on Friday.\n\n"
        "Earlier, Orlov and his Turkish counterpart Murat Demir met to discuss bilateral relations.\n"
    )
    names = names_by_key(ex)
    dates = {frozenset(names[k] for k in m.participants): m.date for m in ex.meetings}
    assert dates[frozenset({"Pavel Orlov", "Murat Demir"})] == PartialDate(2023, 4, 7)


def test_the_other_side_of_a_meeting_needs_no_title():
    ex = extract(
        "ASTANA, May 3, 2024 - Norwegian Speaker Kari Holm met with Ivo Marten of the ruling Union Party "
        "on Tuesday on the sidelines of a forum."
    )
    assert _parts(ex) == [["Ivo Marten", "Kari Holm"]]


def test_a_meeting_between_two_untitled_names_is_theirs_not_the_speakers():
    ex = extract(
        "Analyst Dr Pavel Orlik said the meeting between Andras Kovi and Tomas Velde was timely.\n\n"
        "Hungarian Foreign Minister Andras Kovi and Czech Foreign Minister Tomas Velde met in Prague on Monday."
    )
    assert _parts(ex) == [["Andras Kovi", "Tomas Velde"]]


def test_a_senators_name_after_the_abbreviation_is_a_person():
    ex = extract(
        "Chilean Foreign Minister Rosa Pinto is expected to meet Sen. Walter Brandt in Washington on Friday."
    )
    assert _parts(ex) == [["Rosa Pinto", "Walter Brandt"]]


def test_informal_interactions_with_several_leaders_are_a_meeting_with_each():
    ex = extract(
        "Canadian Prime Minister Leah Moran had informal interactions with Chilean President Tomas Ruiz and "
        "Kenyan President Amos Kibet on the margins of the Lima summit on Tuesday."
    )
    assert _parts(ex) == [["Leah Moran", "Tomas Ruiz"], ["Amos Kibet", "Leah Moran"]]


@pytest.mark.parametrize(
    "sentence",
    [
        "Brazilian President Ana Lobo will travel to Madrid next week to meet Spanish Prime Minister Jorge Vidal.",
        "Talks were also held among Brazilian President Ana Lobo and Spanish Prime Minister Jorge Vidal.",
        "Brazilian President Ana Lobo will stop in Madrid for talks with Spanish Prime Minister Jorge Vidal.",
        "Brazilian President Ana Lobo told Spanish Prime Minister Jorge Vidal during a meeting in Madrid that ties were strong.",
    ],
)
def test_a_meeting_told_as_a_purpose_or_in_the_passive(sentence):
    assert _parts(extract(sentence)) == [["Ana Lobo", "Jorge Vidal"]]


def test_time_to_meet_him_names_no_one_else():
    ex = extract(
        "Peruvian Foreign Minister Hugo Salas thanked Ghanaian President Kofi Mensah for finding time to meet "
        "him and passed on the greetings of Peruvian President Rosa Quispe."
    )
    assert all("Rosa Quispe" not in p for p in _parts(ex))


def test_two_who_met_one_guest_respectively_are_two_meetings():
    ex = extract(
        "Chinese Vice Premier Liu Fang and Foreign Minister Zhou Ming met US Deputy Secretary of "
        "State Mark Hale in Shanghai, respectively."
    )
    assert _parts(ex) == [["Liu Fang", "Mark Hale"], ["Mark Hale", "Zhou Ming"]]


def test_a_meeting_of_people_whose_countries_are_only_guessed_is_kept():
    ex = extract(
        "BOGOR, Feb 13 (ANTARA) - The pact was sealed during a meeting between President Lino Ferraz and "
        "Prime Minister Tito Mau at the palace on Monday."
    )
    assert _parts(ex) == [["Lino Ferraz", "Tito Mau"]]


def test_a_leader_called_by_one_name_only_is_a_participant():
    ex = extract(
        "KUALA LUMPUR, March 4, 2023 - Foreign leaders were quick to congratulate Tamsir.\n\n"
        "Four days after taking office, Tamsir received Chilean President Tomas Ruiz, who arrived on Nov 28.\n\n"
        "On Dec 8, Tamsir received Kenyan President Amos Kibet."
    )
    assert _parts(ex) == [["Tamsir", "Tomas Ruiz"], ["Amos Kibet", "Tamsir"]]


def test_a_word_named_once_is_no_one():
    ex = extract("Chilean President Tomas Ruiz said Tamsir received Kenyan President Amos Kibet warmly.")
    assert [o.name for o in ex.officials] == ["Tomas Ruiz", "Amos Kibet"]


def test_the_untitled_head_of_a_delegation_welcomed_by_a_host_meets_him():
    ex = extract(
        "ANKARA, June 3, 2024 - On landing, the Iranian Parliamentary Trade Committee Delegation, "
        "led by Adel Rahimi, was welcomed by Turkish Chairman of the Trade Committee Kerem Aydin."
    )
    assert _parts(ex) == [["Adel Rahimi", "Kerem Aydin"]]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "date 2023-04-08\nEnvoy meets governor\n\n"
            "Ambassador Tran Van Nam hailed last week's phone talk between President Le Van Hoa "
            "and Russian President Ivan Sokolov.\n",
            id="a phone talk between two named",
        ),
        pytest.param(
            "date 2020-11-20\nLeaders speak\n\n"
            "Prime Minister Arjun Rao congratulated US President John Miles on his election, and they spoke on "
            "the phone on November 17.\n",
            id="they spoke on the phone",
        ),
    ],
)
def test_a_call_told_by_its_noun_or_by_speaking_on_the_phone_is_a_meeting(text):
    ex = extract(text)
    assert len(ex.meetings) == 1
    assert len(ex.meetings[0].participants) == 2
    assert ex.meetings[0].place == ""


def test_a_reception_for_someone_is_a_meeting_with_the_host_described_after_it():
    ex = extract(
        "date 2023-06-21\nDeputy minister receives ambassador\n\n"
        "Vietnamese Deputy Defence Minister Tran Van Nam spoke highly of the ties with Cuba.\n\n"
        "At a reception for Cuban Ambassador Jorge Ruiz in Hanoi on June 20, the deputy minister "
        "said Vietnam valued the friendship.\n"
    )
    assert _parts(ex) == [["Jorge Ruiz", "Tran Van Nam"]]
    assert ex.meetings[0].date == PartialDate(2023, 6, 20)


def test_the_pair_s_earlier_meeting_named_with_its_month_is_another_meeting():
    ex = extract(
        "date 2023-09-05\nLeaders meet in Jakarta\n\n"
        "JAKARTA - Vietnamese Prime Minister Tran Van Nam met with Indonesian President Budi Santoso in "
        "Jakarta on Monday.\n\n"
        "Both leaders praised the progress of the partnership since their meeting in Da Nang in May.\n"
    )
    assert sorted(str(m.date) for m in ex.meetings) == ["2023-05", "2023-09-04"]


def test_a_month_further_from_the_meeting_s_words_dates_something_else():
    ex = extract(
        "date 2019-06-14\nLeaders meet in Bishkek\n\n"
        "Indian Prime Minister Arjun Rao met Chinese President Li Wen in Bishkek on Thursday.\n\n"
        "This was Rao's first meeting with the Chinese leader since he won a second term at the polls "
        "in May.\n"
    )
    assert [str(m.date) for m in ex.meetings] == ["2019-06-13"]


def test_a_counterpart_named_in_the_meeting_s_words_is_kept_when_both_get_one_country():
    ex = extract(
        "NAIROBI, May 4 (Agency) -- Newly elected Kenyan President Otieno Kamau held telephone talks with "
        "his U.S. counterpart John Miller on trade and security.\n"
        "Offering his congratulations on Kamau's election as Kenyan president, Miller said the two "
        "countries had worked well together.\n"
    )
    assert _parts(ex) == [["John Miller", "Otieno Kamau"]]


def test_two_of_one_country_at_an_announced_meeting_are_still_one_side():
    ex = extract(
        "LIMA, June 2 (Agency) -- Peruvian Foreign Minister Rosa Quispe will hold talks with her "
        "Chilean counterpart on June 9, the ministry's spokesman, Peruvian diplomat Luis Huaman, said.\n"
    )
    assert _parts(ex) == []


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Peruvian Ambassador to Kenya Luis Huaman on Friday paid a farewell call on Kenyan President "
            "Otieno Kamau at State House.",
            ["Luis Huaman", "Otieno Kamau"],
        ),
        (
            "Reports of the telephonic conversation between Kenyan President Otieno Kamau and Peruvian "
            "Foreign Minister Rosa Quispe went on.",
            ["Otieno Kamau", "Rosa Quispe"],
        ),
        (
            "Peruvian Foreign Minister Rosa Quispe on Thursday phoned Kenyan President Otieno Kamau and "
            "congratulated him on his election.",
            ["Otieno Kamau", "Rosa Quispe"],
        ),
        (
            "Kenyan President Otieno Kamau is in Lima. Kamau's discussions with his Peruvian counterpart "
            "Rosa Quispe touched on trade.",
            ["Otieno Kamau", "Rosa Quispe"],
        ),
        (
            "In the talks at the State House in Nairobi on Wednesday, Kenyan Foreign Minister Amina "
            "Wanjiru and Peruvian Foreign Minister Rosa Quispe discussed trade.",
            ["Amina Wanjiru", "Rosa Quispe"],
        ),
        (
            "Kenyan Foreign Minister Amina Wanjiru had a brief encounter with her Peruvian counterpart Rosa "
            "Quispe ahead of a dinner on Sunday.",
            ["Amina Wanjiru", "Rosa Quispe"],
        ),
    ],
)
def test_farewell_calls_telephonic_talks_phoning_encounters_are_meetings(sentence, expected):
    ex = extract(f"NAIROBI, May 4 (Agency) -- {sentence}\n")
    assert _parts(ex) == [expected]


def test_a_reception_for_the_guest_named_as_her_country_s_top_diplomat():
    ex = extract(
        "NAIROBI, May 4 (Agency) -- Peruvian Foreign Minister Rosa Quispe is paying a two-day visit to "
        "Kenya at the invitation of her host counterpart Amina Wanjiru. On May 3, Kenyan President Otieno "
        "Kamau hosted a reception for the Peruvian top diplomat.\n"
    )
    assert ["Otieno Kamau", "Rosa Quispe"] in _parts(ex)


def test_a_meeting_with_one_named_and_the_two_leaders_is_with_the_one_the_story_follows():
    ex = extract(
        "TOKYO, May 20 (Agency) -- Japanese Prime Minister Kenta Mori on May 19 held meetings with leaders "
        "of several countries.\n"
        "Mori met with his Italian counterpart Marco Bellini. The two sides agreed to expand trade.\n"
        "During a meeting with Chilean President Ana Soto, the two leaders welcomed progress on a "
        "fisheries plan.\n"
    )
    assert sorted(_parts(ex)) == [["Ana Soto", "Kenta Mori"], ["Kenta Mori", "Marco Bellini"]]


def test_a_second_clause_with_its_own_subject_reports_a_meeting_of_its_own():
    ex = extract(
        "HAVANA, April 26 (Agency) -- Mexican Deputy Foreign Minister Pablo Ortega landed in Havana on "
        "Thursday.\n"
        "That afternoon Cuban Vice President Elena Diaz and Foreign Minister Jorge Ruiz also received "
        "Ortega, respectively; Deputy Foreign Minister Carla Vega later had talks with the Mexican minister.\n"
    )
    assert sorted(_parts(ex)) == [
        ["Carla Vega", "Pablo Ortega"],
        ["Elena Diaz", "Pablo Ortega"],
        ["Jorge Ruiz", "Pablo Ortega"],
    ]


def test_a_transcript_speaker_greeting_one_of_another_country_by_name_met_him():
    ex = extract(
        "Russian Prime Minister Pavel Orlov flew to Brazil at the invitation of Brazilian President Joao "
        "Silva.\n\nFrom the record:\n\n"
        "P. Orlov: Dear Mr. Joao Silva, my good friend!\n\nIt is a pleasure to see you again.\n"
    )
    assert _parts(ex) == [["Joao Silva", "Pavel Orlov"]]


def test_a_reception_told_before_its_host_takes_the_host_named_next():
    ex = extract(
        "Chile and Peru must deepen their ties, said Chilean Senate President Carlos Mena.\n\n"
        "While receiving outgoing Peruvian Ambassador Luis Huaman in Santiago on May 2, Chile's top "
        "lawmaker praised the envoy's work for the two nations.\n\n"
        "During his term, the two countries have swapped many delegations, Mena said.\n"
    )
    assert _parts(ex) == [["Carlos Mena", "Luis Huaman"]]


def test_of_two_days_in_the_meeting_s_sentence_the_one_after_its_words_dates_it():
    ex = extract(
        "NAIROBI (Daily Wire - 3rd May, 2022) Kenyan Foreign Minister Amina Wanjiru will hold talks with "
        "her Peruvian counterpart, Rosa Quispe, on May 12, the ministry said on Tuesday.\n"
    )
    assert [str(m.date) for m in ex.meetings] == ["2022-05-12"]


def test_the_sides_earlier_meeting_with_a_date_of_its_own_is_another_meeting():
    ex = extract(
        " date 2019-08-16 Vice President Lin Hao of China and his Peruvian counterpart Carla Mendoza held talks on "
        "Thursday in Beijing.\n"
        "The talks were the second between Lin and Mendoza, as they met at a trade fair in Lima in March.\n"
    )
    dates = sorted(str(m.date) for m in ex.meetings)
    assert _parts(ex) == [["Carla Mendoza", "Lin Hao"]] * 2
    assert len(set(dates)) == 2


def test_a_later_word_on_the_same_meeting_is_no_other_meeting():
    ex = extract(
        " date 2019-08-16 Vice President Lin Hao of China and his Peruvian counterpart Carla Mendoza held talks on "
        "Thursday in Beijing.\n"
        "At the meeting in Beijing, Lin and Mendoza agreed to expand trade.\n"
    )
    assert _parts(ex) == [["Carla Mendoza", "Lin Hao"]]


def test_dates_apart_each_as_precise_as_it_is():
    june, august, august_18 = PartialDate(2011, 6), PartialDate(2011, 8), PartialDate(2011, 8, 18)
    assert meetings._apart(june, august_18)
    assert not meetings._apart(august, august_18)
    assert meetings._apart(None, august_18)
    assert not meetings._apart(None, None)


def test_a_caption_of_a_welcome_is_a_meeting():
    ex = extract(
        " date 2023-05-04 Hieu hosts Lao minister\n"
        "Minister Tran Van Hieu (R) welcomes his Lao counterpart Somsak Vongsa in Hanoi on May 3. (Photo: VNA)\n"
        "Both sides spoke of trade and of the border.\n"
    )
    assert ["Somsak Vongsa", "Tran Van Hieu"] in _parts(ex)


def test_a_caption_of_the_sides_at_their_meeting_is_a_meeting():
    ex = extract(
        " date 2023-05-04 Hieu hosts Lao minister\n"
        "Minister Tran Van Hieu (R) and Lao Minister Somsak Vongsa at their meeting in Hanoi on May 3. (Photo: VNA)\n"
        "Both sides spoke of trade and of the border.\n"
    )
    assert ["Somsak Vongsa", "Tran Van Hieu"] in _parts(ex)


def test_the_start_of_their_meeting_names_the_sides_in_its_clause():
    ex = extract(
        " date 2023-05-04 Leaders talk trade\n"
        "At the start of their meeting, Thai Prime Minister Anan Chaiyo called Indian Prime "
        "Minister Ravi Kumar an old friend.\n"
    )
    assert _parts(ex) == [["Anan Chaiyo", "Ravi Kumar"]]


def test_a_bilateral_meeting_with_words_on_it_after_an():
    ex = extract(
        " date 2023-05-04 Leaders talk trade\n"
        "Indian Prime Minister Ravi Kumar told President Ivan Petrov of Russia at an hour-long "
        '"warm" formal bilateral meeting in Kazan that trade must grow.\n'
    )
    assert _parts(ex) == [["Ivan Petrov", "Ravi Kumar"]]


def test_in_their_meeting_the_two_deputy_prime_ministers_are_those_named_before():
    ex = extract(
        " date 2023-11-24 Deputy premiers talk trade\n"
        "Vietnamese Deputy Prime Minister Nguyen Van Tam and Russian Deputy Prime Minister Oleg Smirnov "
        "agreed that trade had grown.\n"
        "In their meeting on November 23 in Kazan, the two deputy premiers also backed a joint rail study.\n"
    )
    assert _parts(ex) == [["Nguyen Van Tam", "Oleg Smirnov"]]
    assert str(ex.meetings[0].date) == "2023-11-23"


def test_a_later_word_on_the_meeting_gives_the_place_its_first_word_left_out():
    ex = extract(
        " date 2023-11-24 Deputy premiers talk trade\n"
        "The meeting between Vietnamese Deputy Prime Minister Nguyen Van Tam and Russian Deputy Prime Minister "
        "Oleg Smirnov\n"
        "In their meeting on November 23 in Kazan, the two deputy premiers backed a joint rail study.\n"
    )
    assert _parts(ex) == [["Nguyen Van Tam", "Oleg Smirnov"]]
    assert ex.meetings[0].place.startswith("Kazan")


def test_a_visitor_meeting_a_host_and_one_titled_by_a_party_alone_met_each():
    ex = extract(
        " date 2019-03-27 Party delegation visits Chile\n"
        "A Communist Party of China delegation was on a visit to Chile from Monday to Wednesday.\n"
        "Headed by Wu Lihua, deputy head of the CPC International Department, the delegation met with Speaker "
        "of the Chilean Senate Pablo Ortega and Marta Salinas, president of the Green Horizon Party.\n"
    )
    assert sorted(_parts(ex)) == [["Marta Salinas", "Wu Lihua"], ["Pablo Ortega", "Wu Lihua"]]


def test_a_brief_quoted_conversation_is_a_meeting():
    ex = extract(
        " date 2019-11-05 Leaders talk\n"
        'Thai Prime Minister Anan Chaiyo and Indian Prime Minister Ravi Kumar had a brief one-on-one "conversation" '
        "in Bangkok on Monday, officials said.\n"
    )
    assert _parts(ex) == [["Anan Chaiyo", "Ravi Kumar"]]


def test_a_courtesy_call_the_visitor_is_to_pay_is_a_meeting():
    ex = extract(
        " date 2011-01-15 Minister in Seoul\n"
        "Japanese Foreign Minister Kenji Tanaka arrived in Seoul on Saturday.\n"
        "Tanaka is expected to pay a courtesy call to President Park Min-ho of South Korea on Monday.\n"
    )
    assert ["Kenji Tanaka", "Park Min-ho"] in _parts(ex)


def test_two_of_different_countries_named_together_discussing_met():
    ex = extract(
        " date 2023-10-02 Speakers meet\n"
        "BANGKOK (Oct 2): Thai House Speaker Somchai Wongsa and Head of the Lao National Assembly Khamla "
        "Sisavath today discussed ways to strengthen ties between the two parliaments.\n"
    )
    assert _parts(ex) == [["Khamla Sisavath", "Somchai Wongsa"]]


def test_two_of_one_country_named_together_discussing_did_not_meet():
    ex = extract(
        " date 2023-10-02 Ministers talk\n"
        "Thai Foreign Minister Somchai Wongsa and Thai Trade Minister Anan Chaiyo today discussed the budget.\n"
    )
    assert _parts(ex) == []


def test_an_inverted_list_of_callers_is_a_meeting_of_each_with_the_host():
    ex = extract(
        " date 2019-11-04 Among the envoys who also met with Prime Minister Luis Vargas of Peru in Lima"
        " on Friday were Chilean Foreign Minister Marta Rojas and Bolivian Foreign Minister Pedro Quispe.\n"
    )
    names = names_by_key(ex)
    pairs = {frozenset(names[k] for k in m.participants) for m in ex.meetings}
    assert pairs == {frozenset({"Marta Rojas", "Luis Vargas"}), frozenset({"Pedro Quispe", "Luis Vargas"})}


def test_a_sentence_that_only_counts_among_others_is_no_inverted_list():
    ex = extract(
        " date 2019-11-04 Peruvian President Luis Vargas, among the leaders who met in Quito, said the"
        " talks were useful.\n"
    )
    assert ex.meetings == []


def test_a_transcripts_first_person_is_its_speaker():
    ex = extract(
        " date 2019-11-04 Remarks to the press\n\n"
        "Ms. Marta Rojas, Minister of Foreign Affairs of Chile: Good evening. This morning I held talks"
        " with Peruvian Foreign Minister Luis Vargas on our border crossings.\n"
    )
    assert _parts(ex) == [["Luis Vargas", "Marta Rojas"]]


def test_a_first_person_outside_a_transcript_is_no_one():
    ex = extract(
        " date 2019-11-04 Peruvian Foreign Minister Luis Vargas met the press on Monday.\n\n"
        '"I held talks with our neighbours," a diplomat told the paper.\n'
    )
    assert ex.meetings == []


@pytest.mark.parametrize(
    "opening",
    [
        "In a phone call with his Japanese counterpart Taro Sato on Thursday, ",
        "During talks with his Japanese counterpart Taro Sato in Tokyo on Thursday, ",
    ],
)
def test_his_in_an_opening_phrase_is_the_subject_after_it(opening):
    ex = extract(
        "date 2024-05-09\nTalks\n\nRussian President Ivan Petrov spoke at a forum in Moscow on Wednesday.\n\n"
        f"{opening}Vietnamese Prime Minister Nguyen Van Hai called for more trade.\n"
    )
    assert _parts(ex) == [["Nguyen Van Hai", "Taro Sato"]]  # not the one the story named before


@pytest.mark.parametrize(
    "sentence",
    [
        "President Ilse Vogel made the remark at a reception in Vienna on May 5 for Chilean Ambassador "
        "Pablo Reyes and nine other envoys.",
        "Chancellor Ilse Vogel is to give a state banquet in honour of Chilean Foreign Minister Pablo Reyes.",
        "Chancellor Ilse Vogel held a welcome ceremony in Vienna for the Chilean Foreign Minister Pablo "
        "Reyes on May 5.",
        "Chancellor Ilse Vogel warmly welcomed Chilean Foreign Minister Pablo Reyes and his delegation.",
        "Chancellor Ilse Vogel will have a meeting with Chilean Foreign Minister Pablo Reyes on May 6.",
        "Chancellor Ilse Vogel spoke to the press after holding talks with Chilean Foreign Minister Pablo "
        "Reyes.",
    ],
)
def test_receptions_welcomes_and_talks_in_other_words_are_meetings(sentence):
    ex = extract(f" date 2024-05-05 VIENNA - {sentence}\n")
    assert _parts(ex) == [["Ilse Vogel", "Pablo Reyes"]]


def test_welcoming_a_decision_or_companies_is_no_meeting():
    ex = extract(
        " date 2024-05-05 VIENNA - Chancellor Ilse Vogel welcomed Chilean Foreign Minister Pablo Reyes's "
        "proposal on trade. Governor Karl Huber said he welcomes Chilean companies to invest in Tyrol.\n"
    )
    assert _parts(ex) == []


@pytest.mark.parametrize(
    "second",
    [
        "Chilean Ambassador Pablo Reyes, for his part, said Chile sees Austria as a key partner.",
        "At the closing ceremony, Chilean Ambassador Pablo Reyes expressed thanks to the organisers.",
    ],
)
def test_two_officials_speaking_in_turn_at_one_event_met(second):
    ex = extract(
        " date 2024-05-05 A concert marking Chile's national day was held in Graz on May 4.\n\n"
        "Speaking at the event, Austrian Deputy Governor Karl Huber praised the ties between Austria and "
        "Chile.\n\n"
        f"{second}\n"
    )
    assert _parts(ex) == [["Karl Huber", "Pablo Reyes"]]


def test_speakers_of_one_country_or_unframed_speakers_are_no_meeting():
    ex = extract(
        " date 2024-05-05 Austrian Minister Karl Huber said trade with Chile grew last year.\n\n"
        "Chilean Ambassador Pablo Reyes said Chile sees Austria as a key partner.\n"
    )
    assert _parts(ex) == []
    ex = extract(
        " date 2024-05-05 Speaking at the event, Austrian Minister Karl Huber praised the ties with Chile.\n\n"
        "Austrian Governor Anna Berger, for her part, said the region is open to investors.\n"
    )
    assert _parts(ex) == []


def test_documents_signed_between_countries_or_a_pact_signed_long_ago_is_no_signing_meeting():
    ex = extract(
        " date 2024-05-05 Mayor Karl Huber said that Governor Ana Souza's visit after President Luis Lima's "
        "trip to Austria will help carry out the documents signed between the two countries.\n\n"
        "A treaty was signed between Austria and Brazil in 1999, and Chancellor Ilse Vogel went to Brasilia "
        "in 2010.\n"
    )
    assert _parts(ex) == []
    ex = extract(" date 2024-05-05 The plan was signed by Chancellor Ilse Vogel and President Luis Lima.\n")
    assert _parts(ex) == [["Ilse Vogel", "Luis Lima"]]


@pytest.mark.parametrize(
    "text",
    [
        "Malian President Oumar Keita received a letter from Senegalese President Macky Diallo on June 4 about "
        "the border.",
        "Ugandan Foreign Minister Grace Namutebi received a congratulatory message from Rwandan Foreign Minister "
        "Paul Nkurunziza.",
        "Bolivian President Rosa Mamani receives an invitation from Latvian President Egils Ozols to visit Riga.",
    ],
)
def test_a_letter_message_or_invitation_received_is_no_meeting(text):
    assert _parts(extract(f"BAMAKO, June 5, 2021 - {text}")) == []


@pytest.mark.parametrize(
    "text, pair",
    [
        (
            "On the margins of the ASEAN summit in Phnom Penh, Filipino President Ramon Cruz had a tete-a-tete with "
            "Malaysian Prime Minister Aziz Rahman on November 11.",
            ["Aziz Rahman", "Ramon Cruz"],
        ),
        (
            "Belarusian President Viktor Sidorov and Armenian Prime Minister Davit Sargsyan held a tete-a-tete "
            "meeting in Minsk on November 11.",
            ["Davit Sargsyan", "Viktor Sidorov"],
        ),
        (
            "Indian Prime Minister Arvind Rao held a bilateral with Japanese Prime Minister Hiroshi Nakamura in "
            "Hiroshima on November 11.",
            ["Arvind Rao", "Hiroshi Nakamura"],
        ),
        (
            "Ecuadorian President Andres Salazar sat down with Spanish Prime Minister Pedro Ruiz in Madrid on "
            "November 11.",
            ["Andres Salazar", "Pedro Ruiz"],
        ),
        (
            "Qatari Foreign Minister Khalid Thani conferred with Pakistani Foreign Minister Imran Qureshi in Doha "
            "on November 11.",
            ["Imran Qureshi", "Khalid Thani"],
        ),
        (
            "Slovenian Foreign Minister Tanja Kos held discussions with Croatian Foreign Minister Ivo Grlic in "
            "Ljubljana on November 11.",
            ["Ivo Grlic", "Tanja Kos"],
        ),
        (
            "French Prime Minister Claire Dubois had breakfast with Senegalese President Macky Diallo in Paris on "
            "November 11.",
            ["Claire Dubois", "Macky Diallo"],
        ),
        (
            "Vatican Secretary of State Pietro Lanza granted an audience to Hungarian President Katalin Szabo on "
            "November 11.",
            ["Katalin Szabo", "Pietro Lanza"],
        ),
        (
            "Indian President Meera Sharma accorded a ceremonial welcome to Egyptian President Karim Mansour in "
            "New Delhi on November 11.",
            ["Karim Mansour", "Meera Sharma"],
        ),
        (
            "Welcoming Zambian President Hakainde Mwale to the Kremlin on November 11, Russian President Oleg "
            "Voronin praised the growing trade.",
            ["Hakainde Mwale", "Oleg Voronin"],
        ),
        (
            "Egyptian President Karim Mansour and Greek Prime Minister Nikos Papadakis gave a joint press "
            "conference in Cairo on November 11.",
            ["Karim Mansour", "Nikos Papadakis"],
        ),
        (
            "The summit between Kenyan President William Kiprono and Ethiopian Prime Minister Dawit Tesfaye took "
            "place in Nairobi on November 11.",
            ["Dawit Tesfaye", "William Kiprono"],
        ),
        (
            "The meeting of Nigerian President Bola Adeyemi and Ghanaian President Kofi Asante in Abuja on "
            "November 11 produced a joint statement.",
            ["Bola Adeyemi", "Kofi Asante"],
        ),
    ],
)
def test_everyday_news_words_for_a_meeting(text, pair):
    ex = extract(f"NAIROBI, November 12, 2022 - {text}")
    assert _parts(ex) == [pair]
    assert ex.meetings[0].date == PartialDate(2022, 11, 11)


@pytest.mark.parametrize(
    "text, pair",
    [
        (
            "South Korean President Moon Jaehyun and Vietnamese President Nguyen Van Duc held virtual talks on "
            "December 1.",
            ["Moon Jaehyun", "Nguyen Van Duc"],
        ),
        (
            "Turkish Foreign Minister Ahmet Yilmazer received a phone call from his Iraqi counterpart Haider Saadi "
            "on December 1.",
            ["Ahmet Yilmazer", "Haider Saadi"],
        ),
        (
            "Mexican President Andres Garza took a call from Guatemalan President Alejandro Morales on December 1.",
            ["Alejandro Morales", "Andres Garza"],
        ),
        (
            "Ukrainian President Petro Bondar told British Prime Minister James Whitfield on the phone on "
            "December 1 that the talks had stalled.",
            ["James Whitfield", "Petro Bondar"],
        ),
        (
            "Mongolian President Batbayar Gansukh telephoned Kazakh President Nurlan Abenov on December 1 to "
            "discuss energy supplies.",
            ["Batbayar Gansukh", "Nurlan Abenov"],
        ),
    ],
)
def test_calls_and_virtual_talks_are_meetings_without_a_place(text, pair):
    ex = extract(f"ULAANBAATAR, December 2, 2021 - {text}")
    assert _parts(ex) == [pair]
    assert ex.meetings[0].date == PartialDate(2021, 12, 1)
    assert ex.meetings[0].place == ""


@pytest.mark.parametrize(
    "text",
    [
        "Norwegian Prime Minister Erik Solberg cancelled a planned meeting with Nigerian President Bola Adeyemi.",
        "Norwegian Prime Minister Erik Solberg declined to meet Nigerian President Bola Adeyemi.",
        "Norwegian Prime Minister Erik Solberg has requested a meeting with Nigerian President Bola Adeyemi.",
    ],
)
def test_a_meeting_called_off_declined_or_asked_for_is_none(text):
    assert _parts(extract(f"OSLO, March 8, 2023 - {text}")) == []


@pytest.mark.parametrize(
    "text, pair",
    [
        (
            "Meeting Kenyan President William Kiprono in Paris on March 7, French President Claire Dubois pledged "
            "support for the railway.",
            ["Claire Dubois", "William Kiprono"],
        ),
        (
            "Hosting Nigerian President Bola Adeyemi in Berlin on March 7, German Chancellor Karl Weber promised "
            "new investment.",
            ["Bola Adeyemi", "Karl Weber"],
        ),
        (
            "Australian Prime Minister Liam Carter played host to Fijian Prime Minister Sitiveni Naiqama in "
            "Canberra on March 7.",
            ["Liam Carter", "Sitiveni Naiqama"],
        ),
        (
            "Kazakh President Nurlan Abenov and Uzbek President Timur Yusupov held a summit in Astana on March 7.",
            ["Nurlan Abenov", "Timur Yusupov"],
        ),
        (
            "Canadian Prime Minister Ellen Fraser joined Mexican President Andres Garza for talks in Ottawa on "
            "March 7.",
            ["Andres Garza", "Ellen Fraser"],
        ),
        (
            "Saudi Foreign Minister Faisal Rashid greeted Pakistani Prime Minister Imran Qureshi at the airport "
            "in Riyadh on March 7.",
            ["Faisal Rashid", "Imran Qureshi"],
        ),
        (
            "Qatari Foreign Minister Khalid Thani chatted with Pakistani Foreign Minister Imran Qureshi in Doha "
            "on March 7.",
            ["Imran Qureshi", "Khalid Thani"],
        ),
        (
            "Qatari Foreign Minister Khalid Thani had a brief exchange with Pakistani Foreign Minister Imran "
            "Qureshi in Doha on March 7.",
            ["Imran Qureshi", "Khalid Thani"],
        ),
        (
            "Indian Prime Minister Arvind Rao was the guest of Japanese Prime Minister Hiroshi Nakamura at a "
            "dinner in Tokyo on March 7.",
            ["Arvind Rao", "Hiroshi Nakamura"],
        ),
        (
            "Slovenian Foreign Minister Tanja Kos discussed the railway with her Croatian counterpart Ivo Grlic "
            "in Ljubljana on March 7.",
            ["Ivo Grlic", "Tanja Kos"],
        ),
        (
            "Peruvian President Rosa Quispe and Bolivian President Luis Mamani agreed on March 7 to build a new "
            "highway across the border.",
            ["Luis Mamani", "Rosa Quispe"],
        ),
    ],
)
def test_more_everyday_news_words_for_a_meeting(text, pair):
    ex = extract(f"LIMA, March 8, 2023 - {text}")
    assert _parts(ex) == [pair]
    assert ex.meetings[0].date == PartialDate(2023, 3, 7)


def test_a_meeting_to_come_in_the_present_or_in_reported_speech():
    ex = extract(
        "BEIJING, March 8, 2023 - Nepali Prime Minister Sher Bahadur Thapa is meeting Chinese Premier Li "
        "Wenjun in Beijing on March 9.\n\nNorwegian Prime Minister Erik Solberg would meet Nigerian President "
        "Bola Adeyemi in Abuja on March 20, his office said."
    )
    assert _parts(ex) == [["Li Wenjun", "Sher Bahadur Thapa"], ["Bola Adeyemi", "Erik Solberg"]]
    assert [m.date for m in ex.meetings] == [PartialDate(2023, 3, 9), PartialDate(2023, 3, 20)]


def test_a_call_told_as_called_a_person_has_no_place():
    ex = extract(
        "ROME, March 8, 2023 - Italian Prime Minister Giulia Moretti called Tunisian President Hedi Jaziri "
        "on March 7 to discuss migration."
    )
    assert _parts(ex) == [["Giulia Moretti", "Hedi Jaziri"]]
    assert ex.meetings[0].place == ""


@pytest.mark.parametrize(
    "second",
    [
        "The two met on March 7 at the Presidential Palace.",
        "Vietnamese President Nguyen Van Duc received him on March 7.",
        "The Jaehyun-Duc meeting on March 7 lasted two hours.",
    ],
)
def test_the_other_side_told_by_a_word_referring_back(second):
    first = "South Korean President Moon Jaehyun arrived in Hanoi on March 6 for a visit"
    if "received" not in second:
        first += " at the invitation of Vietnamese President Nguyen Van Duc"
    ex = extract(f"SEOUL, March 8, 2023 - {first}. {second}")
    assert _parts(ex) == [["Moon Jaehyun", "Nguyen Van Duc"]]
    assert ex.meetings[0].date == PartialDate(2023, 3, 7)


def test_the_same_day_is_the_day_named_before():
    ex = extract(
        "HANOI, March 8, 2023 - Chilean Foreign Minister Pablo Rivas held talks with Vietnamese Foreign "
        "Minister Bui Thanh Son in Hanoi on March 6. On the same day, Rivas paid a courtesy call on Vietnamese "
        "Prime Minister Tran Van Khoa."
    )
    assert _parts(ex) == [["Bui Thanh Son", "Pablo Rivas"], ["Pablo Rivas", "Tran Van Khoa"]]
    assert [m.date for m in ex.meetings] == [PartialDate(2023, 3, 6)] * 2


def test_two_countries_joined_by_a_hyphen_name_no_one():
    ex = extract(
        "NAIROBI, March 4, 2022 - Kenyan President William Kiprono and Ethiopian Prime Minister Dawit Tesfaye "
        "spoke at the forum on March 3. The Kenya-Ethiopia talks are due in May."
    )
    assert _parts(ex) == []


def test_a_guest_of_honour_or_a_handshake_is_no_meeting():
    ex = extract(
        "TOKYO, March 8, 2023 - Indian Prime Minister Arvind Rao was the guest of honour at the flower festival "
        "opened by Japanese Prime Minister Hiroshi Nakamura on March 7.\n\nThai Prime Minister Somchai Wongsakul "
        "shook hands with Chilean President Diego Soto as the leaders gathered for the summit photo."
    )
    assert _parts(ex) == []


@pytest.mark.parametrize(
    ("text", "expected", "remote"),
    [
        pytest.param(
            "CANBERRA, August 9, 2021 – Australian Prime Minister Scott Harland and Indonesian President Budi "
            "Santoso held a virtual summit on Monday, agreeing to expand defence cooperation.",
            ["Budi Santoso", "Scott Harland"],
            True,
            id="a virtual summit of two leaders",
        ),
        pytest.param(
            "SINGAPORE, Feb 7, 2024 – Defence Minister Tan Wei Ling briefed visiting Malaysian Defence Minister "
            "Ahmad Razak on the city-state's counter-terrorism programme on Wednesday.",
            ["Ahmad Razak", "Tan Wei Ling"],
            False,
            id="one briefed by name",
        ),
        pytest.param(
            "RIYADH, Nov 6, 2023 (SPA) – Saudi Foreign Minister Faisal Al-Harbi was briefed by his Malaysian "
            "counterpart Zambry Kadir on Malaysia's humanitarian aid on Monday.",
            ["Faisal Al-Harbi", "Zambry Kadir"],
            False,
            id="briefed by a counterpart",
        ),
        pytest.param(
            "WASHINGTON, June 22, 2023 – U.S. President Joe Harmon will host Indian Prime Minister Arvind Kumar "
            "for talks at the White House on Thursday.",
            ["Arvind Kumar", "Joe Harmon"],
            False,
            id="will host a leader",
        ),
        pytest.param(
            "BUENOS AIRES, Jan 24, 2023 – Argentine President Alberto Ferreyra and Brazilian President Luiz "
            "Barbosa held a bilateral meeting on Monday at the Casa Rosada in Buenos Aires.",
            ["Alberto Ferreyra", "Luiz Barbosa"],
            False,
            id="held a bilateral meeting",
        ),
        pytest.param(
            "KUALA LUMPUR, Jan 9, 2023 (Bernama) – Prime Minister Anwar Rahim and his Indonesian counterpart "
            "Joko Santoso held a four-eyes meeting at the Bogor Palace on Monday.",
            ["Anwar Rahim", "Joko Santoso"],
            False,
            id="a meeting with a hyphenated word on its kind",
        ),
        pytest.param(
            "ANKARA, April 11, 2023 – Turkish President Recep Demir and Iranian President Ebrahim Ahmadi had a "
            "40-minute telephone conversation on Tuesday.",
            ["Ebrahim Ahmadi", "Recep Demir"],
            True,
            id="a telephone conversation with its length",
        ),
        pytest.param(
            "SEOUL, July 18, 2023 (Yonhap) – At the invitation of South Korean Foreign Minister Park Jin-woo, "
            "Philippine Foreign Secretary Ramon Dizon is paying an official visit to South Korea from July 17 "
            "to 19. During the talks on Tuesday, the two ministers agreed to step up maritime cooperation.",
            ["Park Jin-woo", "Ramon Dizon"],
            False,
            id="during the talks the two ministers named before",
        ),
        pytest.param(
            "BRASILIA, Aug 8, 2023 – Colombian President Gustavo Urrego is on an official visit to Brazil at "
            "the invitation of Brazilian President Luiz Barbosa. During the talks on Monday, Barbosa said the "
            "two countries would work together to protect the Amazon.",
            ["Gustavo Urrego", "Luiz Barbosa"],
            False,
            id="during the talks one side speaks and the other was named before",
        ),
        pytest.param(
            "NEW DELHI, Jan 26, 2023 (PTI) – Egyptian President Abdel Fattah Sisi was accorded a ceremonial "
            "welcome by President Droupadi Murmu at the Rashtrapati Bhavan on Wednesday.",
            ["Abdel Fattah Sisi", "Droupadi Murmu"],
            False,
            id="was accorded a welcome by the host",
        ),
        pytest.param(
            "KUALA LUMPUR, Jan 8, 2024 (Bernama) – Prime Minister Anwar Rahim will receive a courtesy call from "
            "Singapore Prime Minister Lee Hsien Wong at Seri Perdana in Putrajaya on Thursday.",
            ["Anwar Rahim", "Lee Hsien Wong"],
            False,
            id="will receive a courtesy call from",
        ),
        pytest.param(
            "July 10, 2023\n\nOn July 9, Mr. Kenji Tanaka, Minister for Foreign Affairs of Japan, held a "
            "Japan-Philippines Foreign Ministers' Telephone Talk with H.E. Mr. Enrique Dizon, Secretary of "
            "Foreign Affairs of the Philippines.",
            ["Enrique Dizon", "Kenji Tanaka"],
            True,
            id="a readout's meeting named by its two countries",
        ),
        pytest.param(
            "OTTAWA, March 24, 2023 – Prime Minister Justin Lavoie today welcomed the President of the United "
            "States, Joe Harmon, to Ottawa.",
            ["Joe Harmon", "Justin Lavoie"],
            False,
            id="welcomed the guest named by office and then by name",
        ),
    ],
)
def test_everyday_words_for_a_meeting(text, expected, remote):
    ex = extract(text)
    assert _parts(ex) == [expected]
    assert (ex.meetings[0].place == "") is remote


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "OSLO, May 2, 2023 – Norwegian Foreign Minister Anniken Holm briefed reporters on Tuesday after "
            "Danish Foreign Minister Lars Rasmussen Berg left for Copenhagen.",
            id="briefing reporters",
        ),
        pytest.param(
            "TOKYO, June 2, 2023 – Foreign Minister Yoko Kamiya briefed Prime Minister Fumio Kobayashi on the "
            "results of her trip to India on Friday.",
            id="briefing one of the same side",
        ),
        pytest.param(
            "BEIJING, July 3, 2023 – China will host Vietnamese Prime Minister Pham Minh Chien later this month, "
            "the foreign ministry spokesman Wang Wenbin Zhao said on Monday.",
            id="a country hosts a guest",
        ),
        pytest.param(
            "LONDON, May 3, 2023 – British Prime Minister Rishi Sandhu welcomed the United States and Japan to "
            "the coalition in a statement, while Japanese Prime Minister Fumio Kobayashi thanked him.",
            id="welcoming countries, not a guest by office",
        ),
    ],
)
def test_briefings_and_hosting_that_are_no_meeting(text):
    assert _parts(extract(text)) == []


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        pytest.param(
            "OSAKA, July 5, 2023 – Thai Foreign Minister Don Sukhum held talks with Japanese Foreign Minister "
            "Yoko Kamiya in Tokyo on Tuesday. The next day, Sukhum met Osaka Governor Hirofumi Sato in Osaka.",
            ["2023-07-04", "2023-07-05"],
            id="the next day",
        ),
        pytest.param(
            "LUSAKA, July 3, 2023 – Zambian Foreign Minister Stanley Mwale met Kenyan Foreign Minister Alfred "
            "Kariuki in Nairobi on Monday. The following day, Mwale held talks with Ugandan Foreign Minister "
            "Jeje Okello in Kampala.",
            ["2023-07-03", "2023-07-04"],
            id="the following day",
        ),
        pytest.param(
            "LJUBLJANA, May 10, 2023 – Slovenian Prime Minister Robert Zupan met Croatian Prime Minister Andrej "
            "Horvat in Zagreb on Tuesday. Zupan also held talks with Croatian President Zoran Babic later that day.",
            ["2023-05-09", "2023-05-09"],
            id="later that day, the day before named by its weekday",
        ),
    ],
)
def test_a_meeting_the_day_after_the_one_before(text, dates):
    assert [m.date.iso() for m in extract(text).meetings] == dates


def test_a_day_in_a_clause_on_a_guest_is_not_the_meeting_s():
    ex = extract(
        "MAPUTO, Aug 22, 2023 – Mozambican President Filipe Macuacua hosted Zimbabwean President Emmerson "
        "Chikwanha, who arrived on Sunday for a three-day visit, at the Ponta Vermelha Palace on Monday."
    )
    assert [m.date.iso() for m in ex.meetings] == ["2023-08-21"]
