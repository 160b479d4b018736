from relations.importing.extraction import extract
from relations.importing.extraction.linking import org_name, place_value


def _by_key(ex):
    return {o.key: o for o in [*ex.officials, *ex.organizations]}


def test_a_place_is_written_with_its_country_and_a_venue():
    assert place_value("Moscow", "RU") == "Moscow, Russia"
    assert place_value("Russia.", "RU") == "Russia"
    assert place_value("the Kazakh capital", "KZ") == "Astana, Kazakhstan"


def test_a_body_name_is_whole_and_clean():
    assert org_name("Party Central Committee's Commission for External Relations") == (
        "Commission for External Relations"
    )
    assert org_name("Ministry of Health's") == "Ministry of Health"


def test_unmarked_officials_take_the_side_nobody_marked_and_bodies_take_their_holders_country():
    ex = extract(
        "ISLAMABAD, July 31, 2023 - Prime Minister Shehbaz Sharif received the visiting Chinese Vice "
        "Premier Ding Xuexiang in Islamabad on Monday. Minister for Planning and Development Ahsan Iqbal and "
        "Chinese Ambassador Jiang Zaidong also attended the talks."
    )
    names = {o.name: o for o in ex.officials}
    assert names["Shehbaz Sharif"].country == "PK"
    assert names["Ding Xuexiang"].country == "CN"
    orgs = {o.name: o for o in ex.organizations}
    ministry = next(o for n, o in orgs.items() if "Planning and Development" in n)
    assert ministry.country == "PK" and ministry.evidence
    [meeting] = [m for m in ex.meetings if len(m.participants) >= 2][:1]
    assert meeting.place.startswith("Islamabad")


def test_a_signed_agreement_takes_the_date_and_parties_of_the_talks_it_closed():
    ex = extract(
        "MOSCOW, Sept. 10, 2013 (VNA) - Vietnamese Minister of Education and Training Luu Quang Hung "
        "held talks with "
        "Russian Minister of Education and Science Dmitry Livanov in Moscow on September 10. After the "
        "talks, the two sides signed a cooperation programme between the two ministries for 2013-2015."
    )
    [agreement] = ex.agreements
    assert agreement.signed_on.iso() == "2013-09-10"
    assert agreement.meeting == ex.meetings[0].key
    orgs = _by_key(ex)
    assert {orgs[k].country for k in agreement.parties} == {"VN", "RU"}
