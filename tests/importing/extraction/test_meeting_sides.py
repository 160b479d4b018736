# ruff: noqa: E501
"""Who met whom: the sides of meetings told in constructions of real news copy (invented sentences)."""

import pytest

from relations.importing.extraction import extract


def _parts(ex) -> list[list[str]]:
    names = {o.key: o.name for o in ex.officials}
    return sorted(sorted(names[k] for k in m.participants) for m in ex.meetings)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "date 2021-05-12\nGovernor on trade\n\n"
            "Governor of Tula Region Pavel Orlov said on Wednesday that, after the talks between Prime "
            "Minister Nguyen Van Hai and Russian Prime Minister Ivan Petrov in Moscow, new orders for tractors had come in.\n",
            [["Ivan Petrov", "Nguyen Van Hai"]],
            id="after the talks between two leaders: the two named after 'between', not the speaker",
        ),
        pytest.param(
            "date 2022-03-09\nMinister hosts a governor\n\n"
            "Minister of Industry Tran Van Minh received the Governor of Kaluga Region at the ministry on March 8.\n\n"
            "Minister Tran Van Minh and Governor Sergei Volkov at the reception.\n\n"
            "Governor Sergei Volkov spoke of the car plant the region plans to build.\n",
            [["Sergei Volkov", "Tran Van Minh"]],
            id="a guest received by his title alone takes his name from the next sentence",
        ),
        pytest.param(
            "date 2023-10-02\nPremier lands in Hanoi\n\n"
            "Russian Prime Minister Ivan Petrov landed in Da Nang on October 2 for talks on tourism.\n\n"
            "The Russian delegation was warmly welcomed at Da Nang airport by Deputy Prime Minister "
            "Le Van Hoa and Deputy Foreign Minister Pham Thu Trang.\n",
            [["Ivan Petrov", "Le Van Hoa", "Pham Thu Trang"]],
            id="welcomed at a place by those named: a meeting, the delegation's head one side",
        ),
        pytest.param(
            "date 2019-06-20\nPresidents meet\n\n"
            "Chilean President Juan Morales met Argentine President Carlos Vega in Buenos Aires on June 19.\n\n"
            "Mr. Morales's meeting with President Carlos Vega was attended by Argentine Foreign Minister Ana Ruiz and Economy Minister Pablo Diaz.\n",
            [["Ana Ruiz", "Carlos Vega", "Juan Morales", "Pablo Diaz"]],
            id="a meeting told again with those who attended it is the one meeting",
        ),
        pytest.param(
            "date 2020-11-04\nMinisters in Geneva\n\n"
            "Foreign Minister Ravi Kumar met his Chinese counterpart Li Wen in Geneva on Tuesday. As planned, neither "
            "Kumar nor Defence Minister Arjun Rao had talks with Turkish Foreign Minister Emre Kaya.\n",
            [["Li Wen", "Ravi Kumar"]],
            id="a meeting said not to happen is none",
        ),
        pytest.param(
            "date 2015-09-14\nMinister meets envoy\n\n"
            "Foreign Minister Kenji Tanaka met US Secretary of State Mark Wilson in Tokyo on Monday. Tanaka said "
            "he looks forward to working with incoming US Ambassador Laura Hayes, who arrives next month.\n",
            [["Kenji Tanaka", "Mark Wilson"]],
            id="looking forward to working with someone is no meeting",
        ),
        pytest.param(
            "date 2018-04-25\nMinister in Beijing\n\n"
            "Indian Foreign Minister Priya Nair met Chinese Vice President Zhou Ming in Beijing on Monday.\n\n"
            "Nair's meeting with Zhou followed news of a planned summit meeting between Zhou and "
            "Prime Minister Arjun Rao in Xi'an.\n",
            [["Priya Nair", "Zhou Ming"]],
            id="a later meeting that names its own sides after 'between' is not the first one's",
        ),
        pytest.param(
            "date 2022-05-17\nMinister in Hanoi\n\n"
            "Deputy Prime Minister Ivan Petrov of Russia and his Vietnamese counterpart, Le Van Hoa, "
            "opened an investment fair in Hanoi on Tuesday.\n",
            [["Ivan Petrov", "Le Van Hoa"]],
            id="a leader and his counterpart doing one thing together met",
        ),
        pytest.param(
            "date 2019-11-09\nPresident at the forum\n\n"
            "Mexican President Luis Ortega arrived in Lima on Saturday for the regional forum. He will hold several "
            "bilateral meetings on the margins of the forum, including with World Bank President Anna Keller.\n",
            [["Anna Keller", "Luis Ortega"]],
            id="meetings on the sidelines including with one named: a meeting with him",
        ),
        pytest.param(
            "date 2022-11-10\nLeaders meet\n\n"
            "Chilean President Paulo Mendes met Peruvian President Ana Ruiz on the sidelines of the summit in Lima on November 10. "
            "Foreign Minister Rosa Vega and her Peruvian counterpart Luis Vargas attended the leaders' meeting.\n",
            [["Ana Ruiz", "Paulo Mendes"]],
            id="a leader's counterpart who attended a meeting of others has no meeting of their own",
        ),
        pytest.param(
            "date 2022-11-10\nMinisters at a forum\n\n"
            "Also, Chilean Foreign Minister Rosa Vega and her Peruvian counterpart, Foreign Minister Luis Vargas, attended the forum on trade in Lima.\n",
            [["Luis Vargas", "Rosa Vega"]],
            id="two counterparts who attended a forum together met",
        ),
    ],
)
def test_sides_of_a_meeting(text, expected):
    assert _parts(extract(text)) == expected


def test_a_style_after_a_title_is_no_greeting_of_the_one_addressed():
    ex = extract(
        "Ivan Sorokin's talks with Prime Minister of Vietnam Tran Van Binh\n\n"
        "The meeting took place during the Prime Minister of Vietnam's official visit to Russia.\n"
        "Ivan Sorokin: Good afternoon, comrade Tran Van Binh. Welcome to Moscow.\n"
        "I ask you to convey my greetings to the President of Vietnam, comrade Le Quang Dao.\n"
        "Tomorrow you are to have a meeting with President of Russia Pavel Orlov.\n"
    )
    assert _parts(ex) == [["Ivan Sorokin", "Tran Van Binh"], ["Pavel Orlov", "Tran Van Binh"]]
