"""A small, realistic published collection for the browser tests and their screenshots."""

import datetime

from django.contrib.contenttypes.models import ContentType

from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    DelegationFactory,
    MeetingFactory,
    OfficialAliasFactory,
    OfficialFactory,
    OrganizationFactory,
    PositionFactory,
    cite,
)

D = datetime.date
P = "published"

HOME_AFFAIRS_TEXT = (
    "Hanoi (VNA) – A delegation from the Ministry of Home Affairs led by Minister Lê Vĩnh Tân is paying a "
    "working visit to Russia from August 4-10, aiming to promote cooperation in archives, State management "
    "and public services.\n\n"
    "While in Russia, Tân met with Assistant to the Russian President Anatoly Seryshev on August 7.\n\n"
    "Earlier, Tân had a working session with Andrei Artizov, head of the Federal Archive Agency of Russia. "
    "The two sides signed a cooperation plan between the State Records and Archives Management Department "
    "of Vietnam and the Federal Archive Agency of Russia for 2019-2022."
)
PRIME_MINISTER_TEXT = (
    "Moscow (VNA) – Prime Minister Phạm Minh Chính held talks with Russian Prime Minister Mikhail "
    "Mishustin in Moscow on November 30, during his official visit to Russia.\n\n"
    "The two leaders witnessed the exchange of an agreement on cooperation in education."
)
PARLIAMENT_TEXT = (
    "Hanoi (VNA) – Vice President Đặng Thị Ngọc Thịnh received Chairman of the Russian State Duma "
    "Vyacheslav Volodin in Hanoi on March 12.\n\nVolodin led a State Duma delegation on a visit to Vietnam."
)

#: The three source articles: key, title, text, date, dateline.
ARTICLES = [
    (
        "2019-08-home-affairs-russia", "Home Affairs Minister pays working visit to Russia",
        HOME_AFFAIRS_TEXT, D(2019, 8, 7), "Hanoi",
    ),
    (
        "2021-11-pm-moscow", "Prime Minister holds talks with Russian counterpart", PRIME_MINISTER_TEXT,
        D(2021, 11, 30), "Moscow",
    ),
    (
        "2019-03-duma-hanoi", "Vice President receives State Duma Chairman", PARLIAMENT_TEXT,
        D(2019, 3, 12), "Hanoi",
    ),
]  # fmt: skip


def published_official(name: str, country: str, title: str, organization=None, note: str = "", **seen):
    """A published official and the one position the demo knows them in (``seen``: first and last seen)."""
    person = OfficialFactory(status=P, name=name, country=country, note=note)
    PositionFactory(official=person, title=title, organization=organization, **seen)
    return person


def lead(text: str) -> str:
    """An article's first paragraph after its dateline."""
    return text.split("\n\n")[0].split(" – ", 1)[1]


def cited(factory, article, quote: str, fields=(), **values):
    """A published record of ``factory`` that ``article`` cites with ``quote`` (for ``fields``)."""
    record = factory(status=P, **values)
    cite(record, article, quote, fields)
    return record


def build_demo_collection() -> dict:
    """Published records over 2015-2023 in both directions, plus drafts that must stay hidden."""
    # A transactional test before this one may have flushed the content types: forget the cached ids.
    ContentType.objects.clear_cache()
    moha = OrganizationFactory(status=P, name="Ministry of Home Affairs", country="VN", kind="ministry")
    archives_vn = OrganizationFactory(
        status=P, name="State Records and Archives Management Department", country="VN", kind="agency"
    )
    rosarkhiv = OrganizationFactory(
        status=P, name="Federal Archive Agency of Russia", acronym="Rosarkhiv", country="RU", kind="agency"
    )
    duma = OrganizationFactory(status=P, name="State Duma", country="RU", kind="parliament")
    government_vn = OrganizationFactory(
        status=P, name="Government of Vietnam", country="VN", kind="government"
    )

    tan = published_official(
        "Lê Vĩnh Tân", "VN", "Minister of Home Affairs", moha, note="Minister of Home Affairs, 2016-2021.",
        first_seen=D(2017, 3, 1), last_seen=D(2019, 8, 7),
    )  # fmt: skip
    OfficialAliasFactory(official=tan, name="Le Vinh Tan")
    seryshev = published_official("Anatoly Seryshev", "RU", "Assistant to the Russian President")
    artizov = published_official("Andrei Artizov", "RU", "Head of the Federal Archive Agency", rosarkhiv)
    chinh = published_official(
        "Phạm Minh Chính", "VN", "Prime Minister", government_vn,
        first_seen=D(2021, 11, 30), last_seen=D(2023, 5, 1),
    )  # fmt: skip
    mishustin = published_official("Mikhail Mishustin", "RU", "Prime Minister of Russia")
    thinh = published_official("Đặng Thị Ngọc Thịnh", "VN", "Vice President")
    volodin = published_official("Vyacheslav Volodin", "RU", "Chairman of the State Duma", duma)
    draft_official = OfficialFactory(status="draft", name="Unreviewed Adviser")

    home_affairs, pm, parliament = (
        ArticleFactory(key=key, title=title, text=text, published_on=published_on, dateline_place=place)
        for key, title, text, published_on, place in ARTICLES
    )

    visit = cited(
        DelegationFactory, home_affairs, lead(HOME_AFFAIRS_TEXT), ["head", "dates"],
        from_country="VN", to_country="RU", head=tan, sending_body=moha, host_body=rosarkhiv,
        start_date=D(2019, 8, 4), end_date=D(2019, 8, 10), place="Moscow",
        purpose="To promote cooperation in archives, State management and public services.",
        members=[draft_official],
    )  # fmt: skip
    cited(
        MeetingFactory, home_affairs,
        "While in Russia, Tân met with Assistant to the Russian President Anatoly Seryshev",
        title="Talks with the Assistant to the Russian President", date=D(2019, 8, 7),
        place="Moscow", delegation=visit, participants=[tan, seryshev], topics="Archives; e-Government",
    )  # fmt: skip
    cited(
        MeetingFactory, home_affairs, "Earlier, Tân had a working session with Andrei Artizov",
        title="Working session at the Federal Archive Agency", date=D(2019, 8, 1),
        date_precision="month", place="Moscow", delegation=visit, participants=[tan, artizov],
    )  # fmt: skip
    plan = cited(
        AgreementFactory, home_affairs, "The two sides signed a cooperation plan", ["state"],
        title="Cooperation plan on archives", kind="plan", state="signed",
        signed_on=D(2019, 8, 1), signed_precision="month", signed_place="Moscow",
        period_start=2019, period_end=2022, parties=[archives_vn, rosarkhiv], delegation=visit,
    )  # fmt: skip
    plan.signatories.add(tan, artizov)
    for official in (tan, seryshev, artizov):
        cite(official, home_affairs, "Lê Vĩnh Tân" if official is tan else official.name)

    pm_visit = cited(
        DelegationFactory, pm, "during his official visit to Russia",
        from_country="VN", to_country="RU", head=chinh, sending_body=government_vn,
        start_date=D(2021, 11, 28), end_date=D(2021, 12, 2), place="Moscow",
        purpose="Official visit to Russia.",
    )  # fmt: skip
    cited(
        MeetingFactory, pm, lead(PRIME_MINISTER_TEXT),
        title="Talks between the two Prime Ministers", date=D(2021, 11, 30), place="Moscow",
        delegation=pm_visit, participants=[chinh, mishustin],
    )  # fmt: skip
    AgreementFactory(
        status=P, title="Agreement on cooperation in education", kind="agreement", state="signed",
        signed_on=D(2021, 11, 30), signed_precision="day", period_start=None, period_end=None,
        delegation=pm_visit, party_countries=["VN", "RU"],
    )  # fmt: skip

    duma_visit = cited(
        DelegationFactory, parliament, "Volodin led a State Duma delegation on a visit to Vietnam.",
        from_country="RU", to_country="VN", head=volodin, sending_body=duma,
        start_date=D(2019, 3, 11), end_date=D(2019, 3, 13), place="Hanoi",
    )  # fmt: skip
    cited(
        MeetingFactory, parliament, lead(PARLIAMENT_TEXT),
        title="Reception by the Vice President", date=D(2019, 3, 12), place="Hanoi",
        delegation=duma_visit, participants=[thinh, volodin],
    )  # fmt: skip

    # Earlier and later years, both directions, so the timeline has a shape.
    history = [
        (2015, "VN", "RU", 2), (2015, "RU", "VN", 1), (2016, "VN", "RU", 3), (2017, "RU", "VN", 2),
        (2017, "VN", "RU", 1), (2018, "VN", "RU", 2), (2018, "RU", "VN", 2), (2020, "VN", "RU", 1),
        (2022, "RU", "VN", 1), (2022, "VN", "RU", 2), (2023, "VN", "RU", 3), (2023, "RU", "VN", 2),
    ]  # fmt: skip
    for year, from_country, to_country, n in history:
        for i in range(n):
            DelegationFactory(
                status=P, from_country=from_country, to_country=to_country, head=None,
                start_date=D(year, 2 + 3 * i, 10), end_date=None, start_precision="month",
                place="Moscow" if to_country == "RU" else "Hanoi",
            )  # fmt: skip
    for year, n in [(2015, 1), (2016, 2), (2018, 1), (2022, 1), (2023, 2)]:
        AgreementFactory.create_batch(
            n, status=P, signed_on=D(year, 6, 1), period_start=None, period_end=None
        )

    hidden = DelegationFactory(status="draft", title="Unpublished secret visit", head=draft_official)
    return {
        "visit": visit,
        "tan": tan,
        "plan": plan,
        "article": home_affairs,
        "hidden": hidden,
        "draft_official": draft_official,
    }
