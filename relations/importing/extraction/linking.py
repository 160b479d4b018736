"""Linking across records, once every record stands: places, sending bodies, organizations' countries
and sources, agreements' signing dates and the events they were signed at.

Each function takes the records of the earlier stages and completes them in place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..proposals import PartialDate
from .agreements import cut_at, cut_score, witnesses
from .countries import country_by_name, country_name, find_countries, names_another_country, place_countries
from .delegations import Deleg
from .names import fold
from .organizations import (
    _LEVELS,
    _UNIT_WORD,
    Org,
    _is_acronym,
    generic,
    generic_party,
    institution,
    international,
    is_state,
    known_party,
    org_country,
    org_kind,
    similar_acronym,
)
from .people import bare_title, envoy_mission
from .places import City, capital, clean_place, find_cities, lookup, well_known
from .records import resident_envoy
from .titles import ORG_HEADS, TITLE_HEADS

# A building or a room where officials meet: "at the Kremlin", "at the Presidential Palace".
_VENUE = re.compile(
    # a city's possessive before the venue: "in New Delhi's Hyderabad House"
    r"\b(?:[Aa]t|[Ii]n)\s+(?:the\s+)?(?:(?P<owner>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)['\u2019]s\s+)?"
    r"(?P<venue>(?:[A-Z][\w'-]*\s+){0,3}"
    r"(?:Palace|House|Kremlin|Hall|Headquarters|headquarters|Office|Building|Villa|Residence|Secretariat"
    r"|Complex|Guesthouse|Bhavan)"
    r"(?:\s+of\s+the\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})?"  # "the Great Hall of the People"
    r"|[Pp]residential\s+(?:[Pp]alace|[Cc]omplex)|(?:[A-Z][\w'-]*\s+){1,3}[Aa]irport"
    # a hotel or a Gulf palace named after its kind: "at Hotel Meridien", "at Qasr Al Bahr"
    r"|(?:Hotel|Qasr)(?:\s+(?:Al\s+|Al-)?[A-Z][\w'-]*){1,2}"
    r"|(?:Prime\s+Minister|President)['\u2019]s\s+[Oo]ffice)\b"
)
_OWNER = re.compile(r"['\u2019]s\b")
# a city's name opening a body's: "the Ho Chi Minh Communist Youth Union", "the Lakeside State University"
_BODY_AFTER = re.compile(
    r"\s+(?:[A-Z][\w'-]*\s+){0,3}?(?:Union|University|Academy|Institute|Association|League|Youth|Communist)\b"
)
_CAPITAL = re.compile(r"^(?:the\s+)?(?P<dem>[A-Z][\w-]*)\s+capital$")


def place_value(place: str, code: str | None) -> str:
    """A place as the register writes it: "Moscow, Russia" for a city, "Russia" for a country alone.

    A city keeps the text's spelling ("Hà Nội, Vietnam"); a venue or a phrase the gazetteer does not know
    is kept as written when it names the country's own place, else the country stands alone.
    """
    place = clean_place(place)
    if place.lower().startswith("the "):
        place = place[4:]
    if place.isupper() and len(place) > 3:
        place = place.title()  # a dateline's "HANOI" is Hanoi
    country = country_name(code) if code else ""
    named_capital = _CAPITAL.match(place)
    if named_capital and country_by_name(named_capital.group("dem")):
        place = capital(country_by_name(named_capital.group("dem"))) or ""
    if not place:
        return country
    city = (lookup(place, code) if code else None) or lookup(place)
    if city is None:
        hits = place_countries(place)
        if hits and hits[0].kind != "city":
            return country or clean_place(place)  # "Russia", "Russia's Tver Oblast": the country
        if not hits:
            return country or place
    if city and code and city.code != code and country_by_name(place) == code:
        return country  # "Bangladesh" is also a district's name elsewhere: the country here
    if city and code and city.code != code:
        # "Moscow" is no place of Vietnam; "Bali" is a town of India the gazetteer knows, and a place
        # of Indonesia it does not
        return country if well_known(city) else f"{place}, {country}"
    if not country or country.lower() in place.lower():
        return place
    return f"{place}, {country}"


def _dateline_city(place: str, code: str | None) -> City | None:
    """The dateline's city: in the country the dateline names after it ("BALI, Indonesia"), even one the
    gazetteer does not list there; else the gazetteer's city of that name."""
    if not code:
        return lookup(place)
    return lookup(place, code) or City(place, code, 0, False)


def _at_dateline(place: str, city, dateline, dateline_place: str) -> bool:
    """A place the text names as the dateline does, read by the gazetteer in another country: "in Bali"
    under "BALI, Indonesia" is the dateline's place."""
    return bool(
        city
        and dateline
        and city.code != dateline.code
        and fold(clean_place(place)) == fold(clean_place(dateline_place))
    )


@dataclass
class _Scene:
    """What every meeting's and visit's place is read against: the article's sentences and people, its
    dateline (city, place as written, venue), whether it reports one meeting alone, and the one city of
    each country it names (found once, when first asked for)."""

    sentences: list
    people: object
    dateline: City | None
    dateline_place: str
    dateline_venue: str
    alone: bool
    article_city: dict[str, object] = field(default_factory=dict)  # country -> its one city named, or None


def settle_places(
    meets, delegs, dateline_place: str, sentences, people, dateline_code=None, dateline_venue: str = ""
) -> None:
    """The most specific place of each meeting and visit: its own sentence's venue and city, else the
    dateline's city when it lies in the same country, else the visit's city; a city with its country
    ("Moscow, Russia"), a venue with its city ("Kremlin, Moscow"). A meeting in the dateline's city
    whose text names no venue is at the dateline's own venue, if it names one."""
    scene = _Scene(
        sentences=sentences,
        people=people,
        dateline=_dateline_city(clean_place(dateline_place), dateline_code) if dateline_place else None,
        dateline_place=dateline_place,
        dateline_venue=dateline_venue,
        alone=sum(not m.remote for m in meets) == 1,
    )
    by_key = {d.key: d for d in delegs}
    city_of: dict[int, str] = {}  # a meeting -> its place without the venue ("Moscow, Russia")
    for m in meets:
        place = _settle_meeting_place(m, scene)
        if place:
            city_of[id(m)] = place
    _settle_visit_places(delegs, meets, by_key, city_of, scene)
    _inherit_places(meets, by_key)
    _one_place_of_the_two_sides(meets, people)
    _at_the_gathering(meets, sentences, people)


def _article_city(scene: _Scene, code: str):
    """The one city of country ``code`` the article names (see ``_only_city``), looked up once."""
    if code not in scene.article_city:
        scene.article_city[code] = _only_city(scene.sentences, scene.people, code)
    return scene.article_city[code]


def _own_sentences(m, sentences) -> list[int]:
    """The indexes of a meeting's own sentences that the article holds, in order."""
    return [i for i in sorted(m.sentences) if 0 <= i < len(sentences)]


def _settle_meeting_place(m, scene: _Scene) -> str:
    """A meeting's place, written as the register writes it, with its venue when it has one; returns
    the place without the venue ("" for a remote meeting or one left unplaced)."""
    if m.remote:
        m.place = ""
        return ""
    city, venue = _meeting_city(m, scene)
    code = m.place_country
    venue = _meeting_venue(m, scene, city, venue)
    m.place = place_value(m.place, code) if m.place or not venue else place_value(venue, code)
    city_place = m.place
    if venue and m.place and venue.lower() not in m.place.lower() and _venue_in(venue, code):
        m.place = _at_venue(venue, m.place)
    return city_place


def _meeting_city(m, scene: _Scene) -> tuple[City | None, str]:
    """A meeting's city, from its own place, its sentences, the dateline, or the one city of its country
    the article names (setting its place and country); and the venue its place named instead of a city."""
    dateline = scene.dateline
    city = lookup(clean_place(m.place)) if m.place else None
    if _at_dateline(m.place, city, dateline, scene.dateline_place):
        city = dateline
        m.place_country = dateline.code
    venue = ""
    if m.place and city is None and not place_countries(m.place):
        # "at the PM Office": a venue, whose city is still to find
        venue, m.place = clean_place(m.place), ""
    if city is None and not (m.place and place_countries(m.place)):
        city = _city_in_sentences(m, scene)
    code = m.place_country
    if city is None and not m.place and dateline and dateline.code == code:
        m.place, city = clean_place(scene.dateline_place), dateline
    if city is None and code and (not m.place or place_countries(m.place)):
        # the country alone: the one city of that country the article names ("in Hanoi" elsewhere)
        only = _article_city(scene, code)
        if only is not None:
            m.place, city = only.text, only.city
        elif _in_the_capital(m, scene) and capital(code):
            # "A met B in the capital on Tuesday": the capital of the country it took place in
            m.place, city = capital(code), lookup(capital(code), code)
    return city, venue


def _in_the_capital(m, scene: _Scene) -> bool:
    """Whether a meeting's own sentences place it "in the capital", naming no city."""
    return any(
        re.search(r"\bin\s+the\s+capital\b(?!\s+(?:of|city)\b|\s+[A-Z])", scene.sentences[i].text)
        for i in _own_sentences(m, scene.sentences)
    )


def _city_in_sentences(m, scene: _Scene) -> City | None:
    """The first city of the meeting's country its own sentences name, not inside a person's name, a
    possessive or a body's name, which becomes its place and country; else None."""
    code, sentences, people = m.place_country, scene.sentences, scene.people
    named = [
        c
        for i in _own_sentences(m, sentences)
        for c in find_cities(sentences[i].text)
        if (code is None or c.city.code == code)
        and not names_another_country(c)
        and not _in_name(people, i, c.start)
        and not _OWNER.match(sentences[i].text, c.end)  # "Pyongyang's new inquiry": its government
        and not _BODY_AFTER.match(sentences[i].text, c.end)
    ]
    if not named:
        return None
    m.place, code, city = named[0].text, named[0].city.code, named[0].city
    if _at_dateline(m.place, city, scene.dateline, scene.dateline_place):
        code, city = scene.dateline.code, scene.dateline
    m.place_country = code
    return city


def _meeting_venue(m, scene: _Scene, city: City | None, venue: str) -> str:
    """A meeting's venue: the first one its own sentences name, else the one its place named, else one a
    sentence about its participants names, else the dateline's venue when it met in the dateline's city."""
    texts = [scene.sentences[i].text for i in _own_sentences(m, scene.sentences)]
    venue = next((_venue(v) for t in texts for v in _venues(t)), "") or venue
    venue = venue or _venue_elsewhere(m, scene.sentences, scene.people, m.place_country, scene.alone)
    if not venue and scene.dateline_venue and city is not None and city == scene.dateline:
        venue = re.sub(r"^[Tt]he\s+", "", clean_place(scene.dateline_venue))
    return venue


def _settle_visit_places(delegs, meets, by_key: dict, city_of: dict[int, str], scene: _Scene) -> None:
    """Each visit's place: its own city, else the one city its meetings were held in, else (the article's
    own visit) the dateline's city in the host country, else the one city of the host the article names."""
    meeting_cities: dict[str, set[str]] = {}
    for m in meets:
        d = by_key.get(m.delegation_key or "")
        if d and id(m) in city_of:
            meeting_cities.setdefault(d.key, set()).add(city_of[id(m)])
    for d in delegs:
        place = d.place
        if not place or not _names_a_city(place):
            found = _visit_city(d, meeting_cities.get(d.key, set()), scene)
            place = place if found is None else found
        d.place = place_value(place, d.to_country)


def _names_a_city(place: str) -> bool:
    """Whether a visit's place is a city: a capital or big city the gazetteer knows (a small town's name is
    more often a word misread as a place, "Kazakh"), not a country's name it also holds for a town
    elsewhere ("Bangladesh"); a city-state's name is both ("Singapore")."""
    named = country_by_name(clean_place(place))
    city = lookup(clean_place(place))
    return _capital_or_big_city(clean_place(place)) and (named is None or city.code == named)


def _visit_city(d, meeting_places: set[str], scene: _Scene) -> str | None:
    """The city of a visit whose own place names none: the one city its meetings were held in, else for
    the article's own visit the dateline's city in the host country, else the host's one city named;
    None keeps the place it has."""
    cities = {c.split(", ")[-2] for c in meeting_places if ", " in c}
    if len(cities) == 1:
        return next(iter(cities))
    if d.primary and scene.dateline and scene.dateline.code == d.to_country:
        return clean_place(scene.dateline_place)
    if d.primary and d.to_country:
        # "a visit to Russia" in an article that names Moscow: the one city of the host it names
        only = _article_city(scene, d.to_country)
        return only.text if only is not None else None
    return None


def _venue_in(venue: str, code: str | None) -> bool:
    """Whether a venue may stand where a meeting of country ``code`` took place: it names no country
    ("Russia House"), and any city its name holds is of that country ("Bogor Presidential Palace")."""
    hits = place_countries(venue)
    return all(h.kind == "city" and code and h.code == code for h in hits)


def _at_venue(venue: str, place: str) -> str:
    """A venue with its city, as reports and editors name it: "Kremlin, Moscow" (the city places the
    venue, so the country is left off; a venue named after its city stands alone); a venue of a country
    whose city is unknown keeps the country."""
    head, _, country = place.rpartition(", ")
    if head and fold(head) in fold(venue):
        return venue
    return f"{venue}, {head or country}"


def _venues(text: str):
    """The venues a sentence names, not those in a title ("Senior Minister at the Prime Minister's Office"
    names an office the minister holds a post in, not where anyone met)."""
    for v in _VENUE.finditer(text):
        before = re.search(r"([A-Za-z-]+)\s+$", text[max(0, v.start() - 30) : v.start()])
        if not (before and before.group(1).lower() in TITLE_HEADS):
            yield v


def _venue(m: re.Match[str]) -> str:
    """A venue as named: "Hyderabad House" after a city's possessive, "Prime Minister's Office" whole."""
    owner = m.group("owner")
    if owner and not lookup(owner):
        return m.group(0)[m.start("owner") - m.start() :]
    return m.group("venue")


def _venue_elsewhere(m, sentences, people, code: str | None, alone: bool) -> str:
    """The venue of a meeting whose own sentences name none: the first venue of a sentence about its
    participants ("B stated, standing alongside A at the Kremlin"), or about one of them when it is the
    article's only meeting, that names no city of another country."""
    parts = set(m.participants)
    need = 1 if alone else min(2, len(parts))
    for i, s in enumerate(sentences):
        if i in m.sentences or len(parts & {men.person for men in people.info[i].mentions}) < need:
            continue
        v = next(_venues(s.text), None)
        if v and _venue_in(_venue(v), code):
            if code is None or all(c.city.code == code for c in find_cities(s.text)):
                return _venue(v)
    return ""


def _only_city(sentences, people, code: str):
    """The city of country ``code`` the article names: its only one, or its capital among several
    (leaders meet in capitals); else None. A city the text does not name is never supplied."""
    found = {}
    for i, s in enumerate(sentences):
        for c in find_cities(s.text):
            if (
                c.city.code == code
                and not _in_name(people, i, c.start)
                and not _BODY_AFTER.match(s.text, c.end)
            ):
                found.setdefault(c.city.name, c)
    if len(found) == 1:
        return next(iter(found.values()))
    return found.get(capital(code) or "")


def _in_name(people, idx: int, pos: int) -> bool:
    """Whether ``pos`` of sentence ``idx`` lies in a person's name ("Chairman Vuong Dinh Hue" is no city)."""
    return any(
        men.start <= pos < men.end and men.kind in {"name", "short"} for men in people.info[idx].mentions
    )


def _inherit_places(meets, delegations: dict) -> None:
    """A meeting whose sentences name no place took place where its visit did, or where the meeting before
    it with one of the same people did ("A met B in Samarkand ... on the sidelines A also met C")."""
    previous = None
    for m in sorted(meets, key=lambda m: min(m.sentences, default=0)):
        if m.remote:
            continue
        if not m.place:
            d = delegations.get(m.delegation_key or "")
            if d is not None and d.place:
                m.place = d.place
            elif previous is not None and previous.place and set(previous.participants) & set(m.participants):
                m.place = previous.place
        previous = m


def _one_place_of_the_two_sides(meets, people) -> None:
    """A meeting no words place, between officials of the same countries as the article's placed meetings,
    took place where they all did: a report on a visit to Tokyo names the leaders' talks there and adds,
    placing it nowhere, that the two defence ministers met the day before."""
    placed = [m for m in meets if m.place and not m.remote]
    places = {m.place for m in placed}
    if len(places) != 1:
        return
    sides = {_country_of(people, k) for m in placed for k in m.participants}
    for m in meets:
        if m.place or m.remote:
            continue
        own = {_country_of(people, k) for k in m.participants}
        if None not in own and len(own) > 1 and own <= sides:
            m.place = next(iter(places))


# a gathering that brings leaders to a city, and the "in" that places it: "on the sidelines of the G20
# summit in Osaka", "the forum in Vladivostok", "the summit held in the port city of Busan", a meeting
# named as a gathering ("the APEC Economic Leaders' Meeting in Danang")
_GATHERING = re.compile(
    r"\b(?:[Ss]ummit|[Ff]orum|[Cc]onference|[Ss]idelines|(?<=[\w'\u2019]\s)Meeting)\b[^.;:]{0,50}?\bin\s+"
    r"(?:the\s+)?(?:[a-z]+\s+){0,2}(?:(?:city|capital)\s+of\s+)?$"
)
# or the city first: "met leaders in Lima on the sidelines of the summit"
_GATHERING_AFTER = re.compile(
    r"^[^.;:]{0,50}?\b(?:on\s+the\s+sidelines|at\s+the\s+[\w\s-]{0,30}?[Ss]ummit)\b"
)


def _at_the_gathering(meets, sentences, people) -> None:
    """Meetings no words place, in an article about a summit or a forum held in one city it names, took
    place there, on its sidelines."""
    cities = {}
    for i, s in enumerate(sentences):
        for c in find_cities(s.text):
            before, after = s.text[max(0, c.start - 90) : c.start], s.text[c.end :]
            if (_GATHERING.search(before) or _GATHERING_AFTER.match(after)) and not _in_name(
                people, i, c.start
            ):
                cities.setdefault(c.city.name, c)
    if len(cities) != 1:
        return
    city = next(iter(cities.values()))
    for m in meets:
        if not m.place and not m.remote:
            m.place = place_value(city.text, city.city.code)


def visits_to_gatherings(meets, delegs, people, home: str | None, sentences, named: set, main=None) -> None:
    """Meetings placed in a country (one the text names) none of their sides belongs to, of the time the
    article reports (``main``): "A met B on the sidelines of the forum in Lisbon ... later A held talks
    with C there". The one the article follows from such meeting to meeting, at more of them than anyone
    else, is on a visit to that country, which they belong to; a meeting abroad alone gives no visit (the
    sides' own trips to a summit are not always the article's news)."""
    abroad = []
    for m in meets:
        code = _guests_only(m, people, home)
        if code and code in named and _current(m, main) and not _elsewhere(m, code, sentences):
            abroad.append((m, code))
    count: dict[str, int] = {}
    for m, _code in abroad:
        for k in m.participants:
            count[k] = count.get(k, 0) + 1
    most = sorted(count.items(), key=lambda kv: -kv[1])[:2]
    if not most or most[0][1] < 2 or (len(most) > 1 and most[1][1] == most[0][1]):
        return  # one meeting alone, or no one the article follows from meeting to meeting
    for m, code in abroad:
        if most[0][0] in m.participants:
            d = _gathering_visit(delegs, people.get(most[0][0]), code, m)
            m.delegation_key = m.delegation_key or d.key


def _guests_only(m, people, home: str | None) -> str | None:
    """The country of a meeting held where none of its participants is at home, each of a country the
    text states (or the side it leaves unmarked), none an envoy; else None."""
    if m.remote or m.one_side or m.earlier or not m.place:
        return None
    code = m.place_country or _place_country(m.place)
    persons = [people.get(k) for k in m.participants]
    countries = {p.country for p in persons}
    if code is None or code in countries or None in countries or len(countries) < 2:
        return None
    for p in persons:
        if (p.country_strength < 2 and p.country != home) or resident_envoy(p.titles):
            return None
    return code


def _current(m, main) -> bool:
    """Whether a meeting is of the time the article reports: not dated another year or month."""
    if m.date is None or main is None:
        return True
    if m.date.year != main.year:
        return False
    return m.date.month is None or main.month is None or m.date.month == main.month


def _elsewhere(m, code: str, sentences) -> bool:
    """Whether a meeting's own sentences name a city of another country than the one it is placed in
    ("A will fly on to Madrid for talks with B", a meeting placed where the visit before it was)."""
    return any(
        c.city.code != code and fold(c.text) not in fold(m.place)
        for i in m.sentences
        if 0 <= i < len(sentences)
        for c in find_cities(sentences[i].text)
        if not names_another_country(c)
    )


def _place_country(place: str) -> str | None:
    """The country of a settled place ("Kuala Lumpur, Malaysia", "Malaysia")."""
    last = place.rpartition(", ")[2]
    hits = place_countries(last)
    return country_by_name(last) or (hits[0].code if hits else None)


def _gathering_visit(delegs, head, code: str, m):
    """The visit of ``head`` to country ``code`` (or his side's main one there), added when there is none."""
    for d in delegs:
        if d.to_country == code and (d.head == head.key or (d.from_country == head.country and d.primary)):
            return d
    city = m.place.rpartition(", ")[0] if ", " in m.place else m.place
    d = Deleg(key=_new_key(delegs), from_country=head.country, to_country=code, head=head.key)
    d.place = place_value(city, code)
    d.sentences = {i: {"head", "to_country"} for i in sorted(m.sentences)[:1]}
    delegs.append(d)
    return d


def _new_key(delegs) -> str:
    taken = {d.key for d in delegs}
    return next(f"del{n}" for n in range(len(delegs) + 1, 2 * len(delegs) + 2) if f"del{n}" not in taken)


def _country_of(people, key: str) -> str | None:
    person = people.get(key) if key else None
    return person.country if person else None


# ---------------------------------------------------------------- agreements


def _event_of(a, meets, delegs):
    """The meeting an agreement was signed at: one its signatories attended, else the talks reported in
    the sentences just before its own; else the visit under way."""
    idx = min(a.sentences) if a.sentences else -1
    if a.signatories:
        for m in meets:
            if set(a.signatories) & set(m.participants):
                return m, None
    near = [m for m in meets if m.sentences and min(m.sentences) <= idx and idx - max(m.sentences) <= 3]
    if near:
        return max(near, key=lambda m: max(m.sentences)), None
    visits = [d for d in delegs if d.primary]
    if len(visits) == 1:
        return None, visits[0]
    return None, None


def _known(sides, orgs) -> int:
    """How many of the sides name a body or a country the article knows."""
    return sum(bool(orgs.find(x) or country_by_name(x)) for x in sides)


def _cut_rank(sides, orgs) -> tuple[bool, int]:
    """A cut that ends no comma list early, then one with more sides known, is the better."""
    return not re.search(r",\s+(?:(?!\band\b)[^,])+$", sides[0]), _known(sides, orgs)


def _split_between(text: str, orgs) -> tuple[str, str] | None:
    """ "between A and B": the cut at the "and" that leaves a known body or country on each side."""
    cuts = [cut_at(text, i) for i in range(len(text)) if text.startswith(" and ", i)]
    if not cuts:
        return None
    best = max(cuts, key=lambda c: (_known(c[:2], orgs), *cut_score(text, *c)))
    return best[0], best[1]


def _side_country(org, side: str, people) -> str | None:
    """A side's country: its body's, the state named before it ("India's Ministry of ..."), else its
    office holders'."""
    m = _BEFORE.search(side.split("'s ")[0] + "'s ") if "'s " in side else None
    code = org.country or (country_by_name(m.group("name")) if m and m.group("name") else None)
    return code or next((p.country for p in people.persons if p.org == org.key and p.country), None)


def _other_side(bodies, sides, pair, people) -> None:
    """Two bodies an agreement stands between, one of a known country of the article's pair: the other is
    of the other country ("between the Federal Agency for Tourism and ..." in a text on two states)."""
    if len(bodies) != 2 or len(pair) != 2 or bodies[0] is bodies[1]:
        return
    codes = [_side_country(o, x.replace("\u2019", "'"), people) for o, x in zip(bodies, sides, strict=True)]
    for i in (0, 1):
        known = codes[1 - i]
        if codes[i] is None and bodies[i].country is None and known in pair:
            bodies[i].country = pair[1] if known == pair[0] else pair[0]


# lower-case words after a side's name: "the Lakeland Institute involving 40 students"
_LOWER_TAIL = re.compile(r"\s+(?!(?:of|and|for|on|in|the|de|la|du)\b)[a-z]\w*\b.*$")


def _without_tail(side: str) -> str:
    """A side cut before the lower-case words that run past its name ("the United Kingdom covering 300
    nurses"), unless they end with a body's head word ("the Russian digital development ministry")."""
    m = _LOWER_TAIL.search(side)
    if m and fold(m.group()).split()[-1] not in ORG_HEADS:
        return side[: m.start()]
    return side


# a dated dateline before a sentence's subject: "CITY, May 4 (Agency) - The Ministry of X ..."
_DATELINE_LEAD = re.compile(r"^[^()]*?\d[^()]*?(?:\([^)]*\))?\s*[-\u2013\u2014]\s+")
_BRACKETED_ACRONYM = re.compile(r"\s*\((?P<acronym>[A-Z][A-Za-z]{1,7})\)$")


def _side_name(side: str) -> tuple[str, str]:
    """A side's name and the acronym bracketed after it, without the dateline that opens its sentence and
    the lower-case words that run past it: "May 4 (Agency) - The Lakeland Chamber of Commerce (LCC)" ->
    ("Lakeland Chamber of Commerce", "LCC")."""
    side = _DATELINE_LEAD.sub("", side.strip())
    side = _without_tail(re.sub(r"^[Tt]he\s+", "", side).strip())
    m = _BRACKETED_ACRONYM.search(side)
    return (side[: m.start()], m.group("acronym")) if m else (side, "")


_SIDE_NAME = re.compile(r"^(?:[A-Z]|(?:city|province|region|prefecture|state)\s+of\s+[A-Z])")


def _side_body(side: str, a, orgs, people):
    """A side of "between A and B" that names a body the text has not named otherwise ("between the
    Hanoi University of Science and Technology and ..."): that body, registered from the title's
    sentence. A state, a person or words that name no particular body are none."""
    side, acronym = _side_name(side)
    known = (orgs.by_acronym(acronym) if acronym else None) or (orgs.find(side) if acronym else None)
    if known:
        return known  # "the Lakeland Chamber of Commerce (LCC)": the body named with its acronym
    short = re.match(r"([A-Z]{2,6})\s+of\s+", side)
    if short and orgs.by_acronym(short.group(1)):
        return orgs.by_acronym(short.group(1))  # "the NA of Vietnam": the National Assembly (NA)
    if not _SIDE_NAME.match(side) or country_by_name(side) or generic(side) or is_state(side):
        return None
    if any(fold(side) in {fold(p.name), *map(fold, p.aliases())} for p in people.persons):
        return None
    return orgs.add(side, min(a.sentences) if a.sentences else -1, acronym)


def link_agreements(agrs, meets, delegs, people, orgs, main: PartialDate | None = None, pair=()) -> None:
    """Each agreement's event (meeting or visit), signing date and parties.

    A signed agreement the text gives no date for takes its event's date, else the day of the event
    the article reports (``main``) when the signing is that news; else it stays undated. Parties are the
    bodies "between" names, else the bodies of the people who signed (or of the two sides of the talks it
    closed), else the countries.
    """
    for a in agrs:
        if a.state == "signed" and main and a.signed_on and main.year - a.signed_on.year >= 2:
            a.state, a.primary = "referenced", False  # "signed a ceasefire in 2020", told years later
        if a.state == "signed" and not a.signatories and a.sentences:
            a.signatories = _the_two(people, _sentence_text(people, min(a.sentences)))
        meeting, visit = _event_of(a, meets, delegs) if a.state == "signed" else (None, None)
        if meeting and not a.signatories:
            a.signatories = _the_sides_of(a, meeting, people)
        a.meeting = meeting.key if meeting else None
        a.delegation = visit.key if visit else (meeting.delegation_key if meeting else None)
        _date_signing(a, meeting, visit, agrs, meets, main)
        _link_parties(a, meeting, people, orgs, pair)


def _visit_span(visit) -> PartialDate:
    """The date a visit gives a document signed during it: its day, else its month, else its year."""
    s, e = visit.start, visit.end or visit.start
    if s == e:
        return s
    if (s.year, s.month) == (e.year, e.month):
        return type(s)(s.year, s.month)
    return type(s)(s.year)


def _date_signing(a, meeting, visit, agrs, meets, main: PartialDate | None) -> None:
    """An agreement's signing date when the text gives none: from an anniversary, its event, the one day
    of its visit's meetings, a sibling of its ceremony, or (the article's news) the article's date."""
    if a.signed_on is None and a.anniversary and main is not None:
        # "the 30th anniversary of the X Treaty": signed that many years before the article's year
        a.signed_on = PartialDate(main.year - a.anniversary)
    if a.state == "signed" and a.signed_on is None:
        if meeting and meeting.date:
            a.signed_on = meeting.date
        elif visit and visit.start:
            a.signed_on = _visit_span(visit)
    if visit and a.signed_on and a.signed_on.precision != "day":
        # signed during the visit, on the one day all its dated meetings were held
        days = {m.date for m in meets if m.delegation_key == visit.key and m.date and m.date.day}
        if len(days) == 1 and next(iter(days)).iso().startswith(a.signed_on.iso()):
            a.signed_on = next(iter(days))
    if a.signed_on is None and a.ceremony is not None:
        # one of several documents signed at one ceremony: the ceremony's date, if a sibling has it
        a.signed_on = next((b.signed_on for b in agrs if b.ceremony == a.ceremony and b.signed_on), None)
    if a.signed_on is None and a.state == "signed" and a.primary and main is not None:
        a.signed_on = main  # as precisely as the article's own date is known ("2023" if only that)


def _link_parties(a, meeting, people, orgs, pair) -> None:
    """An agreement's parties: the bodies its "between" names (re-cut when a better cut names more), else
    none when it names states; else the bodies of its signatories or of its meeting's participants."""
    a.party_orgs = []
    if len(a.parties_text) == 2 and not all(orgs.find(x) for x in a.parties_text):
        split = _split_between(" and ".join(a.parties_text), orgs)
        if split and _cut_rank(split, orgs) > _cut_rank(a.parties_text, orgs):
            a.parties_text = list(split)
    named = [orgs.find(x) or _side_body(x, a, orgs, people) for x in a.parties_text]
    if a.parties_text and all(named):
        a.party_orgs = [o.key for o in named]
        _other_side(named, a.parties_text, pair, people)
        return
    states = [country_by_name(x) for x in a.parties_text]
    if a.parties_text and all(o or c for o, c in zip(named, states, strict=True)):
        return  # "between Vietnam and the Eurasian Economic Union": a state and a body, as named
    subject = _subject_bodies(a, people, orgs)
    if subject:
        a.party_orgs = subject
        return
    if not a.parties_text and len(a.party_countries) < 2:
        a.party_countries = _cities_countries(a, people) or a.party_countries
    by_country = _signers_bodies(a, meeting, people)
    if len(by_country) < 2 and a.sentences:
        by_country = _two_bodies_named(people, orgs, _sentence_text(people, min(a.sentences)))
    if len(by_country) >= 2:  # one side's body alone is no list of parties: the countries then
        a.party_orgs = list(by_country.values())


# two bodies that sign as the sentence's subject: "The Ministry of X of A and the Ministry of Y of B signed
# a memorandum on ...", "Lakeland Airways and Ruritania Air will sign a deal"
_SUBJECT_SIGNS = re.compile(
    r"(?:^|[,;]\s+|\b(?:while|when|where|as)\s+)(?P<subj>(?:[Tt]he\s+)?[A-Z][^,;:]*?\s+and\s+(?:the\s+)?[A-Z](?:[^,;:]|,\s+(?=[A-Z]))*?)"
    r"\s+(?:(?:on|in)\s+\w+(?:\s+\d{1,2})?\s+)?(?:(?:have|has|also|jointly|will|are\s+to|agreed\s+to)\s+)*"
    r"(?:signed|sign|inked|sealed|concluded|exchanged)\b"
)


# a body that signs a document "with" another: "Lakeland Power signed a memorandum on ... with the Ruritania
# Ministry of Energy on Monday"
_SIGNS_WITH = re.compile(
    r"(?:^|[,;]\s+)(?P<a>(?:[Tt]he\s+)?[A-Z][^,;:]*?)\s+(?:(?:has|have|also)\s+)*(?:signed|inked|concluded)\b"
    r"[^.;]*?\bwith\s+(?P<b>(?:the\s+)?[A-Z][^,.;]*?)(?=\s+(?:on|in|at|during|after|to)\s|[,.;]|$)"
)


def _subject_bodies(a, people, orgs) -> list[str]:
    """The two bodies that sign the document as the sentence tells it: its subject ("A and B signed"), or
    its subject and the body it signs "with"; none where they name a person or a state (by its name, or by
    a capital or other well-known city standing for its government: "Brasilia and Buenos Aires signed")."""
    if not a.sentences:
        return []
    idx = min(a.sentences)
    text = _sentence_text(people, idx)
    sides = _signing_sides(text, a.title, people.info[idx].mentions, orgs)
    if sides is None or any(country_by_name(x) or _capital_or_big_city(x) for x in sides):
        return []
    bodies = [orgs.find(x) or _side_body(x, a, orgs, people) for x in sides]
    if not all(bodies) or bodies[0] is bodies[1]:
        return []
    return [o.key for o in bodies]


# two cities that sign as the sentence's subject: "The cities of A and B signed a twinning agreement",
# "A and B have inked a sister-city deal"
_CITIES_SIGN = re.compile(
    r"(?:^|[,;]\s+)(?:[Tt]he\s+(?:two\s+)?(?P<kind>cities|towns|municipalities)\s+of\s+)?"
    r"(?P<a>[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,2})\s+and\s+"
    r"(?P<b>[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,2})"
    r"\s+(?:(?:have|has|also|jointly|on\s+\w+)\s+)*(?:signed|inked|sealed|concluded)\b"
)


def _cities_countries(a, people) -> list[str]:
    """The countries of two cities of two countries that sign a document as the sentence's subject, named
    as cities or each a city of some size that is no country's name; none when no such pair signs."""
    if not a.sentences:
        return []
    m = _CITIES_SIGN.search(_sentence_text(people, min(a.sentences)))
    if m is None:
        return []
    sides = [m.group("a"), m.group("b")]
    cities = [lookup(x) for x in sides]
    if any(c is None or country_by_name(x) for c, x in zip(cities, sides, strict=True)):
        return []
    if not m.group("kind") and any(c.population < _CITY_SIZE for c in cities):
        return []
    codes = [c.code for c in cities]
    return codes if codes[0] != codes[1] else []


_CITY_SIZE = 100_000


def _capital_or_big_city(name: str) -> bool:
    city = lookup(name)
    return city is not None and well_known(city)


def _one_body(subject: str, orgs) -> bool:
    """Whether a signing's subject with an "and" inside is the whole name of one body the text names, with
    its acronym bracketed after it ("the Chamber of Commerce and Industry (CCI)")."""
    name, acronym = _side_name(subject)
    return bool(acronym) and " and the " not in name and orgs.find(name) is not None


def _signing_sides(text: str, title: str, mentions, orgs) -> tuple[str, str] | None:
    """The words that name the two sides of a signing, before the document's title, where no person is
    named."""
    m = _SUBJECT_SIGNS.search(text)
    if m and _one_body(m.group("subj"), orgs):
        m = None  # "The Chamber of Commerce and Industry (CCI) signed ... with ...": one body, with its "and"
    groups = ["subj"] if m else ["a", "b"]
    m = m or _SIGNS_WITH.search(text)
    if m is None or text.find(title.split()[0], m.end(groups[0])) < 0:
        return None
    if any(m.start(g) <= x.start < m.end(g) for x in mentions for g in groups):
        return None
    if groups == ["subj"]:
        return _split_between(m.group("subj").removeprefix("The ").removeprefix("the "), orgs)
    return m.group("a").removeprefix("The "), m.group("b").removeprefix("the ")


def _signers_bodies(a, meeting, people) -> dict[str | None, str]:
    """The first body of each country among those who signed, else among the meeting's participants."""
    sides = list(a.signatories) or (list(meeting.participants) if meeting else [])
    by_country: dict[str | None, str] = {}
    for k in sides:
        p = people.get(k)
        if p.org and p.country not in by_country:
            by_country[p.country] = p.org
    return by_country


def _two_governments(orgs, pair) -> list[str]:
    """ "The Government of A and the Government of B agreed on five documents": the two governments,
    named together in one sentence, one of each side, are the parties of the documents the text lists
    without naming theirs."""
    if len(pair) != 2:
        return []
    govs = [o for o in orgs.orgs if o.kind == "government" and o.country in pair and not generic(o.name)]
    for o in govs:
        other = [g for g in govs if g.country != o.country and set(g.sentences) & set(o.sentences) - {-1}]
        if len(other) == 1 and sum(g.country == o.country for g in govs) == 1:
            return [o.key, other[0].key] if o.country == pair[0] else [other[0].key, o.key]
    return []


def _sentence_text(people, idx: int) -> str:
    sentences = people.sentences
    return sentences[idx].text if 0 <= idx < len(sentences) else ""


# "the two deputy prime ministers signed": two office holders named by their common title
_THE_TWO = re.compile(r"\b[Tt]he\s+two\s+((?:[A-Za-z-]+\s+){0,3}?[A-Za-z-]+?)s\b")


def _the_two(people, text: str) -> list[str]:
    """The two people of two countries whose titles the sentence names in the plural ("the two Deputy
    Prime Ministers", "the two foreign ministers"); none when the words fit more or fewer people."""
    present = witnesses(text)  # "in the presence of the two presidents": those who watch, not who sign
    m = next((m for m in _THE_TWO.finditer(text) if not any(a <= m.start() < b for a, b in present)), None)
    if not m or fold(m.group(1)).split()[-1] not in TITLE_HEADS:
        return []
    title = fold(m.group(1))
    holds = re.compile(rf"\b{re.escape(title)}\b")
    found = [
        p
        for p in people.persons
        if p.active and not p.history and any(holds.search(fold(t)) for t in p.titles)
    ]
    if len(found) != 2 or len({p.country for p in found}) != 2:
        return []
    return [p.key for p in found]


# the two who held the talks, told as the subject of the signing in the next sentence or a clause of the
# same: "The ministers signed ...", "After the talks, the two sides inked ...", "They then exchanged ..."
_SIDES_SIGNED = re.compile(
    r"(?:^(?:(?:After|Following|At|During|Later|Then|Afterwards)\b[^,]{0,40},\s*)?"
    r"|[,;]\s*(?:and|after\s+which)\s+|\band\s+)"
    r"(?:[Tt]he\s+(?:two\s+)?(?:sides|ministers|leaders|presidents|"
    r"prime\s+ministers|heads\s+of\s+state|counterparts)|[Bb]oth\s+(?:sides|leaders|ministers)|[Tt]hey)"
    r"\s+(?:also\s+|then\s+|later\s+|jointly\s+)?(?:signed|inked|exchanged)\b"
)


def _the_sides_of(a, meeting, people) -> list[str]:
    """The two participants of the talks told in the sentence before (or the same), of two countries, when
    the sentence of the signing makes the two sides its subject."""
    idx = min(a.sentences)
    if not meeting.sentences or not 0 <= idx - max(meeting.sentences) <= 2 or len(meeting.participants) != 2:
        return []
    if not _SIDES_SIGNED.search(_sentence_text(people, idx)):
        return []
    if len({_country_of(people, k) for k in meeting.participants} - {None}) != 2:
        return []
    return list(meeting.participants)


# "the two ministries", "the two localities": the bodies of the two sides
_TWO_BODIES = re.compile(
    r"\b[Tt]he\s+two\s+(?:[a-z-]+\s+)?(ministries|provinces|localities|cities|parliaments|legislatures|"
    r"agencies|governments|regions)\b"
)
_BODY_KINDS = {
    "ministries": {"ministry"}, "parliaments": {"parliament"}, "legislatures": {"parliament"},
    "agencies": {"agency"}, "governments": {"government"},
}  # fmt: skip


def _two_bodies_named(people, orgs, text: str) -> dict[str | None, str]:
    """For "the two ministries sign ...": the body of that kind each side's officials hold posts in, one
    per country (the first named); a local body for "the two provinces" or "the two localities"."""
    m = _TWO_BODIES.search(text)
    if not m:
        return {}
    kinds = _BODY_KINDS.get(m.group(1))
    by_key = {o.key: o for o in orgs.orgs}
    out: dict[str | None, str] = {}
    for p in people.persons:
        org = by_key.get(p.org or "")
        if org is None or not p.active or p.history or p.country in out or generic(org.name):
            continue
        if (org.kind in kinds) if kinds else (org.kind not in {"ministry", "party", "parliament"}):
            out[p.country] = org.key
    return out if len(out) == 2 else {}


# ---------------------------------------------------------------- organizations

_BEFORE = re.compile(r"(?:\b(?P<name>[A-Z][\w.-]*(?:\s+[A-Z][\w-]*)?)['’]s|\bthe\s+(?P<dem>[A-Z][\w-]+))\s+$")


_WORDS = re.compile(r"[\w']+")
_AND_THE = re.compile(r"\s+and\s+the\s+")


def org_name(name: str) -> str:
    """A whole, clean name: no possessive at the end; "the Party Central Committee's Commission for
    External Relations" is that commission."""
    name = clean_place(name)
    head, sep, tail = name.replace("\u2019", "'").rpartition("'s ")
    if sep and tail[:1].isupper() and not generic(tail):
        last = head.split()[-1].lower() if head.split() else ""
        if country_by_name(head):
            name = name[len(head) + len(sep) :]  # the state is the body's country
        elif last in ORG_HEADS:
            name = f"{name[len(head) + len(sep) :]} of the {name[: len(head)].removeprefix('the ')}"
    elif sep and _state_s_own(tail) and country_by_name(head):
        # "Vietnam's National Assembly": the state's own, named as other texts name it
        name = f"{tail} of {country_name(country_by_name(head))}"
    return name.strip()


def _state_s_own(tail: str) -> bool:
    """A common name a state's possessive makes whole: its parliament or its government."""
    return generic(tail) and " and " not in tail and org_kind(tail) in {"parliament", "government"}


def _senders(delegs) -> dict[str, str | None]:
    """Each sending body's key -> the country its visits come from (None when they disagree)."""
    out: dict[str, str | None] = {}
    for d in delegs:
        if d.sending_body:
            out[d.sending_body] = (
                d.from_country if out.get(d.sending_body, d.from_country) == d.from_country else None
            )
    return out


def finish_organizations(orgs, people, sentences, home: str | None, senders: dict | None = None) -> None:
    """Each body's clean name and country: from its name ("Russian Ministry of Health"), the words just
    before it ("Russia's Presidential Executive Office"), the people who hold posts there, the visits it
    sends, else the side the text leaves unmarked, as for people."""
    senders = senders or {}
    holders: dict[str, list[str]] = {}
    for p in people.persons:
        if p.org and p.country and p.active:
            holders.setdefault(p.org, []).append(p.country)
    for o in orgs.orgs:
        o.name = org_name(o.name)
        if o.country is None and not international(o):
            o.country = _body_country(o, sentences, holders.get(o.key, []), senders.get(o.key), home)
        if not any(i >= 0 for i in o.sentences):
            # a body named only inside a title: its holder's sentences are its source
            for p in people.persons:
                if p.org == o.key:
                    o.sentences.extend(i for i, f in p.sentences.items() if "titles" in f)
        if (
            o.country
            and (o.key in holders or o.key in senders)
            and generic(o.name)
            and _named_by_its_words(o)
        ):
            # "Chairwoman of the National Assembly", "Secretary of State": each country has one, named
            # with the country; the text's own words stay an alias ("Department of State" in a US text)
            o.aliases.append(o.name)
            o.name = f"{o.name} of {country_name(o.country)}"
        bare = without_country(o.name)
        if o.country and bare and bare != o.name and not generic(bare) and bare not in o.aliases:
            # the form other articles use once the country is clear: one body under both
            o.aliases.append(bare)
        named = _of_country(o)
        if named and named not in o.aliases:
            o.aliases.append(
                named
            )  # "the Vietnamese National Assembly" is the "National Assembly of Vietnam"


def _body_country(o, sentences, holders: list[str], sender: str | None, home: str | None) -> str | None:
    """A body's country when its name gives none: the words just before it, the city it sits in, its
    holders' country, the country of the visits it sends ("a delegation of the National Assembly"), a
    side's name of a friendship body, else the text's home side for a state body."""
    for i in o.sentences:
        if not 0 <= i < len(sentences):
            continue
        text = sentences[i].text
        at = text.find(o.name)
        m = _BEFORE.search(text[max(0, at - 40) : at]) if at > 0 else None
        code = country_by_name(m.group("name") or m.group("dem")) if m else None
        if code:
            return code
    code = _seat_country(o, sentences)
    if code is None and holders:
        code = max(set(holders), key=holders.count)
    code = code or sender or _pair_body_country(o.name) or _region_country(o.name)
    if code is None and home and o.kind in {"ministry", "government", "parliament", "party", "agency"}:
        code = home
    return code


# a province or region as the body its governor heads: "Chiang Mai Province", "the Province of Siem Reap"
_REGION_BODY = re.compile(
    r"^(?:(?P<a>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})\s+(?:Province|Region|Prefecture|Oblast|Krai|Territory)"
    r"|(?:Province|Region|Prefecture)\s+of\s+(?P<b>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2}))$"
)


def _region_country(name: str) -> str | None:
    """The country of a province or region named after its chief city, as the gazetteer holds the city."""
    m = _REGION_BODY.match(name)
    city = lookup(m.group("a") or m.group("b")) if m else None
    return city.code if city else None


# a body's seat written after its name: "the Institute of Technology, Brisbane", "X University (Perth)"
_SEAT = re.compile(r"\s*(?:,\s*|\()(?P<city>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?)\b")


def _seat_country(org, sentences) -> str | None:
    """The country of the city a body's name is followed by ("the Central Institute, Ranchi, and ...")."""
    for i in org.sentences:
        if not 0 <= i < len(sentences):
            continue
        text = sentences[i].text
        at = text.find(org.name)
        m = _SEAT.match(text, at + len(org.name)) if at >= 0 else None
        if not m:
            continue
        found = find_countries(m.group("city"))
        if found and found[0].kind == "city" and (found[0].start, found[0].end) == (0, len(m.group("city"))):
            return found[0].code
    return None


# a body of one side named after both: "the Canada-China Parliamentary Association" is Canada's
_PAIR_BODY = re.compile(r"^(?P<a>[A-Z][\w]+)\s*[-\u2013]\s*(?P<b>[A-Z][\w]+)\s+(?P<rest>.+)$")
_SIDE_BODY = re.compile(r"\b(?:Association|Friendship|Society|Group|Club|Chamber)\b")


def _pair_body_country(name: str) -> str | None:
    """A friendship group, association or chamber named "A-B ..." belongs to the first country (the other
    side has its own "B-A ..."); a joint commission of the two belongs to neither."""
    m = _PAIR_BODY.match(name)
    if not m or not _SIDE_BODY.search(m.group("rest")):
        return None
    a, b = country_by_name(m.group("a")), country_by_name(m.group("b"))
    return a if a and b and a != b else None


def _of_country(org) -> str:
    """A body named after its country's adjective ("Vietnamese National Assembly") as other texts name it,
    with the country after ("National Assembly of Vietnam"); "" for any other name."""
    found = find_countries(org.name)
    if len(found) != 1 or found[0].start != 0 or found[0].kind != "demonym" or found[0].code != org.country:
        return ""
    rest = org.name[found[0].end :].strip()
    if len(rest.split()) < 2 or " of " in f" {rest} " or not (_named_by_its_words(org) or not generic(rest)):
        return ""
    return f"{rest} of {country_name(org.country)}"


# a city's own body, named by its kind alone: "the municipal People's Committee", "the city Party Committee"
_LOCAL_BODY = re.compile(
    r"^(?:(?:[Mm]unicipal|[Cc]ity)\s+)?(?P<body>(?:Party|People['\u2019]?s?['\u2019]?)\s+(?:Committee|Council))$"
)
_CITY_TITLE = re.compile(r"\b(?:municipal|city)\b", re.I)


def _local_bodies(orgs, people, sentences) -> None:
    """A city's committee its holder's title calls "municipal" ("Chairman of the municipal People's
    Committee") is the committee of the city the article is about: named with that city, as the text
    writes it (the city most named, in its own words or in another of its bodies' names)."""
    for o in orgs.orgs:
        m = _LOCAL_BODY.match(o.name)
        if not m or not o.country:
            continue
        holders = [p for p in people.persons if p.org == o.key]
        if not any(_CITY_TITLE.search(t) for p in holders for t in p.titles):
            continue
        own = {
            i for p in holders for i, f in p.sentences.items() if "titles" in f and 0 <= i < len(sentences)
        }
        here = {
            sentences[i].text[c.start : c.end] for i in own for c in _cities_of(sentences[i].text, o.country)
        }
        if len(here) == 1:
            # "received in the port city of X by Secretary of the municipal Party Committee NAME"
            o.name = f"{here.pop()} {m.group('body')}"
            continue
        named: dict[str, int] = {}
        for s in sentences:
            for c in _cities_of(s.text, o.country):
                form = s.text[c.start : c.end]
                named[form] = named.get(form, 0) + 1
        for other in orgs.orgs:
            local = re.match(
                r"^(?P<place>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}?)\s+(?:Party|People)", other.name
            )
            if other is not o and other.country == o.country and local and not generic(local.group("place")):
                named[local.group("place")] = named.get(local.group("place"), 0) + len(other.sentences)
        if named:
            o.name = f"{max(named, key=named.get)} {m.group('body')}"


def _cities_of(text: str, code: str) -> list:
    return [c for c in find_countries(text) if c.kind == "city" and c.code == code]


def _named_by_its_words(org) -> bool:
    """A body its common words name once its country is known: a parliament or a government ("the
    National Assembly"), or a state's own body ("Department of State", "State Council", "Supreme Court");
    not "the Ministry", nor a party's or a locality's committee ("Party Committee", "People's Committee")."""
    if org.kind in {"parliament", "government"}:
        return True
    words = set(_WORDS.findall(org.name.lower()))
    return (
        bool(words & {"state", "national", "supreme", "federal", "government"})
        and not words & _LOCAL_OR_PARTY
    )


_LOCAL_OR_PARTY = {"party", "committee", "people's", "peoples", "people", *_LEVELS}


# "of", "of the", "of the Republic of", "of the Socialist Republic of" before a country's name
_OF_STATE = re.compile(
    r"\s+of(?:\s+the)?(?:\s+(?:(?:Socialist|Democratic|People['\u2019]s|Islamic|Federal|Arab|Plurinational)\s+)*"
    r"(?:Republic|Kingdom|Federation|Commonwealth|State|Sultanate)\s+of)?\s*$"
)


def without_country(name: str) -> str:
    """ "Ministry of Internal Affairs of the Russian Federation" -> "Ministry of Internal Affairs";
    "Russian Foreign Ministry" -> "Foreign Ministry"; "" when the name is its country's and nothing else."""
    found = [m for m in find_countries(name) if m.kind != "city"]
    if len(found) != 1:
        return ""
    m = found[0]
    before, after = name[: m.start], name[m.end :]
    if after.strip() and not before.strip():
        return after.strip()
    if not after.strip():
        return _OF_STATE.sub("", before).strip()
    return ""


def _one_body_per_country(orgs, people) -> None:
    """A body named without its country and held by people of two countries ("Foreign Minister Wang
    Yi" and "Foreign Minister Bui Thanh Son" both give "Ministry of Foreign Affairs") is one body per
    country: each holder gets his own country's."""
    by_org: dict[str, dict[str, list]] = {}
    for p in people.persons:
        if p.org and p.country and p.active:
            by_org.setdefault(p.org, {}).setdefault(p.country, []).append(p)
    for o in list(orgs.orgs):
        sides = by_org.get(o.key, {})
        if len(sides) < 2 or org_country(o.name):
            continue
        own = o.country if o.country in sides else max(sides, key=lambda c: len(sides[c]))
        o.country = own
        for code, holders in sides.items():
            if code == own:
                continue
            twin = Org(key=f"{o.key}-{code.lower()}", name=o.name, kind=o.kind, country=code)
            for p in holders:
                p.org = twin.key
                twin.sentences.extend(
                    i for i, f in p.sentences.items() if "titles" in f and i not in twin.sentences
                )
            orgs.orgs.append(twin)


def _core(name: str) -> frozenset[str]:
    """The words that tell a body apart, without its country ("Vietnamese Ministry of Home Affairs",
    "Ministry of Home Affairs of the Socialist Republic of Vietnam" and "Ministry of Home Affairs of
    Vietnam" are one ministry)."""
    kept, at = [], 0
    for m in find_countries(name):
        if m.kind != "city":
            kept.append(name[at : m.start])
            at = m.end
    kept.append(name[at:])
    words = _WORDS.findall(" ".join(kept))
    # "affairs" tells no ministry apart: the "Foreign Ministry" is the "Ministry of Foreign Affairs"
    return frozenset(
        w.lower() for w in words if w.lower() not in {"the", "of", "and", "for", "s", "'s", "affairs"}
    )


_KIND_WORDS = {"party", "group", "corporation", "company"}


def _shortened(short: str, whole: str) -> bool:
    """ "State Duma" is "State Duma of the Federal Assembly" cut short; "United Russia" is "United Russia
    Party" without its kind."""
    a, b = fold(short), fold(whole)
    if not b.startswith(a + " "):
        return False
    rest = b[len(a) + 1 :]
    return rest.startswith("of ") or rest in _KIND_WORDS


def _absorb(body, other, *, alias: bool = True) -> None:
    if alias:
        body.aliases.append(other.name)
    body.aliases.extend(a for a in other.aliases if a not in body.aliases)
    body.country = body.country or other.country
    body.acronym = body.acronym or other.acronym
    body.sentences.extend(i for i in other.sentences if i not in body.sentences)


def _two_bodies(name: str) -> bool:
    """ "the Ministry of X of Vietnam and the Ministry of Y of Russia" names two bodies; "the Ministry for
    the Development of the Far East and the Arctic" one."""
    parts = [x.strip() for x in _AND_THE.split(name) if x.strip()]
    return len(parts) >= 2 and all(
        _is_acronym(x) or any(w in ORG_HEADS for w in fold(x).split()) for x in parts
    )


def merge_organizations(orgs, people, agrs, delegs) -> None:
    """One body, one record: forms that differ only by the country's name merge into the fullest; a
    generic form ("the Ministry", "the Party") joins the one whole name of the same kind; states named
    as bodies ("Russian Federation") are no bodies."""
    replace: dict[str, str | None] = {}  # a body's key -> the key of the body it became (None: no body)
    split = _split_two_bodies(orgs, replace)
    kept = _merge_twins(orgs, replace)
    _merge_shortened(kept, replace)
    _merge_portfolio(kept, replace)
    _merge_acronyms(kept, replace)
    _merge_generic(kept, replace)
    if not replace:
        return
    orgs.orgs[:] = kept
    orgs.reindex()
    _repoint(people, agrs, delegs, kept, replace, split)


def _split_two_bodies(orgs, replace: dict[str, str | None]) -> dict[str, list[str]]:
    """A name that holds two bodies ("the Ministry of X of Vietnam and the Ministry of Y of Russia") is
    replaced by one body per part; returns each split name's key -> its parts' keys."""
    split: dict[str, list[str]] = {}
    for o in list(orgs.orgs):
        if not _two_bodies(o.name):
            continue  # "the Ministry for the Development of the Far East and the Arctic": one body
        parts = [x.strip() for x in _AND_THE.split(o.name) if x.strip()]
        orgs.orgs.remove(o)
        split[o.key] = []
        for part in parts:
            new_org = orgs.add(part, o.sentences[0] if o.sentences else -1)
            new_org.sentences.extend(i for i in o.sentences if i not in new_org.sentences)
            split[o.key].append(new_org.key)
        replace[o.key] = split[o.key][0]
    return split


def _merge_twins(orgs, replace: dict[str, str | None]) -> list:
    """Forms with the same words apart from the country's name (and no other country) merge into the
    earlier, under the longer name; a state or plural "Ministries" is no body. Returns the bodies kept."""
    kept = []
    for o in orgs.orgs:
        core = _core(o.name)
        if not core or is_state(o.name) or re.search(r"\bMinistries\b", o.name):
            replace[o.key] = None
            continue
        twin = next(
            (
                k
                for k in kept
                if _core(k.name) == core
                and (k.country or o.country) in {k.country, o.country}
                and (not k.country or not o.country or k.country == o.country)
            ),
            None,
        )
        if twin is not None:
            if len(o.name) > len(twin.name) and " and " not in o.name:
                twin.aliases.append(twin.name)
                twin.name = o.name
                _absorb(twin, o, alias=False)
            else:
                _absorb(twin, o)
            replace[o.key] = twin.key
            continue
        kept.append(o)
    return kept


def _merge_shortened(kept: list, replace: dict[str, str | None]) -> None:
    """A name cut short of the one fuller name of its country ("the State Duma" and "the State Duma of the
    Federal Assembly", "United Russia" and "the United Russia party") is that body."""
    for o in list(kept):
        fuller = [k for k in kept if k is not o and _shortened(o.name, k.name) and k.country == o.country]
        if len(fuller) == 1:
            _absorb(fuller[0], o)
            replace[o.key] = fuller[0].key
            kept.remove(o)


_PORTFOLIO_MINISTRY = re.compile(r"^(?:[A-Z][a-z]+\s+(?:and\s+)?){1,3}Ministry$")


def _merge_portfolio(kept: list, replace: dict[str, str | None]) -> None:
    """A ministry named by its field alone ("Defense Ministry", as "the Vietnamese defense ministry") is the
    one ministry of its country whose name holds its words and more ("Ministry of National Defense")."""
    for o in list(kept):
        if not (o.country and _PORTFOLIO_MINISTRY.match(o.name)):
            continue
        fuller = [
            k
            for k in kept
            if k is not o
            and k.kind == "ministry"
            and k.country == o.country
            and _core(o.name) < _core(k.name)
        ]
        if len(fuller) == 1:
            _absorb(fuller[0], o)
            replace[o.key] = fuller[0].key
            kept.remove(o)


def _merge_acronyms(kept: list, replace: dict[str, str | None]) -> None:
    """An acronym named alone ("KPRF") is the one body that has it ("Communist Party of the Russian
    Federation (KPRF)"), of no other country."""
    for o in list(kept):
        if o.acronym or not _is_acronym(o.name):
            continue
        full = [k for k in kept if k is not o and k.acronym and similar_acronym(k.acronym, o.name)]
        if len(full) == 1 and (not o.country or full[0].country in {None, o.country}):
            _absorb(full[0], o)
            replace[o.key] = full[0].key
            kept.remove(o)


def _merge_generic(kept: list, replace: dict[str, str | None]) -> None:
    """A generic form ("the Ministry", "the National Assembly") is the one whole name of its kind that
    holds it; a generic party of a country whose text names none takes the country's known party."""
    for o in list(kept):
        if not generic(o.name):
            continue
        fuller = _whole_names(o, kept)
        if not fuller and generic_party(o.name) and o.country:
            # "Party General Secretary NAME" where the text names no party: the one party the
            # country's known bodies hold
            o.name = known_party(o.country) or o.name
        if len(fuller) == 1:
            fuller[0].sentences.extend(i for i in o.sentences if i not in fuller[0].sentences)
            replace[o.key] = fuller[0].key
            kept.remove(o)


def _whole_names(o, kept: list) -> list:
    """The bodies that name a generic form whole: same kind and country, every word of the common name in
    theirs ("the Ministry", "the National Assembly"), not a unit of it ("Party Central Committee" is no
    commission of it); of several, those ending on its words, else those not named with "and"."""
    own = set(fold(o.name).split()) - {"the", "of", "and", "for", *_LEVELS}
    fuller = [
        k
        for k in kept
        if k is not o
        and k.kind == o.kind
        and not generic(k.name)
        and (not o.country or k.country == o.country)
        and own <= set(fold(k.name).split())
    ]
    if len(fuller) > 1:
        # "the municipal People's Committee" is the one "... People's Committee" named
        tail = " ".join(w for w in fold(o.name).split() if w not in {"the", *_LEVELS})
        fuller = [k for k in fuller if fold(k.name).endswith(" " + tail)] or [
            k
            for k in fuller
            if " and " not in k.name  # "the Party and State" is no party's name
        ]
    return fuller


def _merged_key(key, replace: dict[str, str | None]):
    """Where a body's key ends up after the merges: followed through ``replace`` (None: no body)."""
    seen = set()
    while key in replace and key not in seen:
        seen.add(key)
        key = replace[key]
    return key


def _repoint(people, agrs, delegs, kept: list, replace: dict[str, str | None], split: dict) -> None:
    """Officials, visits and agreements point at the merged bodies; the holder of a split name takes its
    part of his own country, and an agreement takes every part."""
    by_key = {o.key: o for o in kept}
    for p in people.persons:
        if p.org in split:
            # "the Ministry of Culture and the Peruvian Embassy": each holder's own country's part
            parts = (_merged_key(k, replace) for k in split[p.org])
            own = [k for k in parts if k in by_key and by_key[k].country == p.country]
            p.org = own[0] if own else p.org
        if p.org:
            p.org = _merged_key(p.org, replace)
    for d in delegs:
        if d.sending_body:
            d.sending_body = _merged_key(d.sending_body, replace)
    for a in agrs:
        keys = [x for k in a.party_orgs for x in split.get(k, [k])]
        a.party_orgs = list(dict.fromkeys(k for k in (_merged_key(k, replace) for k in keys) if k))


def exported_organizations(orgs, used: set[str], signing: set[int], sentences=(), visits=frozenset()) -> list:
    """The bodies worth proposing: every one the records use (held by an official, sending a visit, a
    party), every other whole name with a country in a sentence where an agreement is signed (the
    companies and agencies that sign), and those that host a visit; not every body the text names in
    passing."""
    out = []
    for o in orgs.orgs:
        if not any(i >= 0 for i in o.sentences):
            continue
        if generic(o.name) or _two_bodies(o.name):
            continue
        if o.key in used or (o.country and len(o.name) > 3 and signing.intersection(o.sentences)):
            out.append(o)
        elif (
            o.country
            and len(o.name) > 3
            and (_hosts(o, sentences) or _delegation_source(o, sentences, visits))
        ):
            out.append(o)
    return out


# a body as the host of a visit: "X's Foreign Ministry hosted a delegation of ...", "the delegation visited
# the ministry of trade"; the visit's words, not any meeting ("the ministry received a letter")
_VISITORS = r"(?:a|an|the)\s+(?:[\w'\u2019-]+\s+){0,4}?(?:delegations?|team|visitors?|guests?|lawmakers|MPs)"
_VISITORS += r"\b"
_HOST_VERB = r"\s+(?:hosted|received|welcomed)\s+" + _VISITORS
# a place toured on the side of a visit (an embassy, an academy, a company) is no host of it
_VISITED_KINDS = {"ministry", "party", "parliament"}
# the acronym a body's name may be followed by: "the Lakeland Trade Council (LTC) hosted ..."
_ITS_ACRONYM = r"(?:\s*\([A-Z][A-Za-z]{1,7}\))?"
_VISITED = r"\b(?:visited|toured)\s+(?:the\s+)?(?:[A-Z][\w'\u2019-]*\s+)?"


# the body whose invitation a visit answers: "... is visiting X at the invitation of the Ministry of Y"
_INVITED_BY = r"\b[Ii]nvitation\s+(?:of|from)\s+(?:the\s+)?"
# a ministry or a parliament (a party's committee or council inviting is no host the records keep)
_INVITING_KINDS = {"ministry", "parliament"}


def _hosts(org, sentences) -> bool:
    """Whether a sentence of the body has it host a visit: the subject of "hosted/received/welcomed a
    delegation (team, visitors)", the ministry, party or parliament a visitor "visited" or "toured", or the
    body at whose invitation the visit is paid."""
    for i in org.sentences:
        if not 0 <= i < len(sentences):
            continue
        # its own name alone: an alias may be the short name another country's body also answers to
        name, text = re.escape(org.name), sentences[i].text
        if re.search(rf"\b{name}{_ITS_ACRONYM}{_HOST_VERB}", text, re.I):
            return True
        if org.kind in _VISITED_KINDS and re.search(rf"{_VISITED}{name}\b", text, re.I):
            return True
        if org.kind in _INVITING_KINDS and re.search(rf"{_INVITED_BY}{name}(?![\w'\u2019-]|\s+[A-Z])", text):
            return True
    return False


# the body a delegation is "of" or "from", none of whose members is named: "received a delegation of the
# National Assembly of X", "a business delegation from the Y Chamber of Commerce (YCC) will visit"
_DELEGATION_OF = r"\b(?:delegation|team|mission)\s+(?:of|from)\s+(?:the\s+)?"


def _delegation_source(org, sentences, visits) -> bool:
    """Whether a sentence that tells of no visit (``visits``: those that do) names the body as the one a
    delegation is of or from, by a name that tells its country (a country the text leaves to be guessed is
    no ground to propose a body); a visit told sends its own body."""
    name = re.escape(org.name)
    return any(
        re.search(rf"{_DELEGATION_OF}{name}(?![\w'\u2019-]|\s+[A-Z])", sentences[i].text)
        and _told_country(org, sentences[i].text) == org.country
        for i in org.sentences
        if 0 <= i < len(sentences) and i not in visits
    )


_STATE_AFTER = re.compile(r"\s+of\s+(?:the\s+)?(?P<name>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)")


def _told_country(org, text: str) -> str | None:
    """The country a body's name tells, or the words around it in the sentence: "Lakeland's ... ", "the
    Ruritanian ...", "... of Ruritania"."""
    at = text.find(org.name)
    before = _BEFORE.search(text[max(0, at - 40) : at]) if at > 0 else None
    after = _STATE_AFTER.match(text, at + len(org.name)) if at >= 0 else None
    return (
        org_country(org.name)
        or (country_by_name(before.group("name") or before.group("dem")) if before else None)
        or (country_by_name(after.group("name")) if after else None)
    )


# a body as the sender of a visit: "The Senate of X sent a delegation led by ...", "a team from the
# Ministry of Y headed by ..."
_SENDS = r"\s+(?:sent|dispatched)\s+(?:a|an|its)\s+(?:[\w'\u2019-]+\s+){0,3}?(?:delegation|team|mission)\b"
_FROM = r"\b(?:delegation|team|mission)\s+(?:from|of)\s+(?:the\s+)?(?:[A-Z][\w'\u2019-]*\s+)?"


def subject_senders(delegs, orgs, sentences) -> None:
    """A visit with no sending body takes the body its sentences name as sending it ("The Senate of X sent a
    delegation led by ...", "a team from the Ministry of Y headed by ..."), one body of its country (or
    of none) alone."""
    for d in delegs:
        if d.sending_body or not d.from_country:
            continue
        own = [o for o in orgs.orgs if o.country in {None, d.from_country}]
        found = {o.key for o in own if _sends(o, d.sentences, sentences)}
        if len(found) == 1:
            d.sending_body = found.pop()


def _sends(org, idxs, sentences) -> bool:
    for i in set(idxs).intersection(org.sentences):
        if not 0 <= i < len(sentences):
            continue
        name, text = re.escape(org.name), sentences[i].text
        if re.search(rf"\b{name}{_SENDS}", text) or re.search(rf"{_FROM}{name}\b", text):
            return True
    return False


def sending_body(head, orgs) -> str | None:
    """A visit's sending body when the text names none: the body its head holds a post in, if that is
    a ministry, a party, a parliament, a government or an agency (not a university he also teaches at)."""
    if not head.org:
        return None
    org = next((o for o in orgs.orgs if o.key == head.org), None)
    if (
        org
        and org.kind in {"ministry", "party", "parliament", "government", "agency"}
        and not generic(org.name)
    ):
        return org.key
    return None


# officials present at an event of a visit: "A, B and C also attended the ceremony", "in the presence of
# A", or signing there: "Minister A and his counterpart B signed a memorandum on ..."
_PRESENT = re.compile(
    r"\b(?:attended|(?:was|were)\s+(?:also\s+)?present|took\s+part\s+in|joined\s+(?:the\s+)?(?:talks|meeting|"
    r"ceremony|event|reception)|in\s+the\s+presence\s+of|witnessed|signed|inked)\b"
)


# the one who reports the event is not among those present ("A said that ... in the presence of B")
_SPEAKER = re.compile(r"\s*,?\s*(?:\w+\s+){0,2}?(?:said|says|told|stated|announced)\b")


def present_members(delegs, people, sentences) -> None:
    """A visit's members the text names only as present at its events: the officials of the visiting
    country who "also attended the ceremony", "were present", witnessed or signed something in a sentence of
    the visit or after it, when the article reports one visit from that country."""
    primary = [d for d in delegs if d.primary and d.head and d.from_country]
    for d in primary:
        if sum(e.from_country == d.from_country for e in primary) != 1 or not d.sentences:
            continue
        for i in range(min(d.sentences), len(sentences)):
            if not _PRESENT.search(sentences[i].text):
                continue
            for men in people.info[i].mentions:
                p = people.get(men.person)
                if (
                    men.kind in {"name", "short"}
                    and p.country == d.from_country
                    and p.active
                    and not p.history
                    and p.key != d.head
                    and p.key not in d.members
                    and not _SPEAKER.match(sentences[i].text, men.end)
                ):
                    d.members.append(p.key)
                    d.cite(i, "members")


def link(art, people, orgs, recs, main: PartialDate | None = None) -> None:
    """Stage 6: every link across records, in order (places first: agreements and bodies use them);
    ``main`` is the date of the event the article reports."""
    settle_places(
        recs.meetings,
        recs.delegations,
        art.header.dateline_place,
        art.sentences,
        people,
        art.header.dateline_country,
        art.header.dateline_venue,
    )
    named = {c.code for s in art.sentences for c in find_countries(s.text)} | {art.header.dateline_country}
    visits_to_gatherings(recs.meetings, recs.delegations, people, recs.home, art.sentences, named, main)
    present_members(recs.delegations, people, art.sentences)
    _one_body_per_country(orgs, people)  # before agreements: each side's ministry is a party of its own
    link_agreements(recs.agreements, recs.meetings, recs.delegations, people, orgs, main, recs.pair)
    subject_senders(recs.delegations, orgs, art.sentences)
    finish_organizations(orgs, people, art.sentences, recs.home, _senders(recs.delegations))
    _local_bodies(orgs, people, art.sentences)
    merge_organizations(orgs, people, recs.agreements, recs.delegations)
    _party_leaders(orgs, people)
    _envoys(orgs, people)
    for a in recs.agreements:
        if not a.party_orgs and not a.parties_text:
            a.party_orgs = _two_governments(orgs, recs.pair)
    by_key = {o.key: o for o in orgs.orgs}
    for d in recs.delegations:
        head = people.get(d.head) if d.head else None
        if not head or not d.sending_body:
            continue
        if head.org is None or _unit_of(by_key.get(head.org), by_key.get(d.sending_body)):
            # "a delegation of the Ministry of Home Affairs led by Minister Le Vinh Tan": his ministry;
            # "the Senate's delegation, headed by NAME, chair of the Budget Committee": the committee is
            # the senate's, and the senate his body
            head.org = d.sending_body


def _unit_of(unit, body) -> bool:
    """A unit named alone ("the Foreign Affairs Committee") that the sending body, a parliament, a
    ministry or an agency (not a party: its commissions are bodies of their own), holds: the unit names
    no body of its own it belongs to."""
    if unit is None or body is None or unit is body or body.kind not in _HOLDING:
        return False
    if unit.country and body.country and unit.country != body.country:
        return False
    alone = " of " not in f" {unit.name} " and not institution(unit.name)
    return unit.kind == "agency" and alone and bool(_UNIT_WORD.search(unit.name))


_HOLDING = {"ministry", "parliament", "agency"}


def _envoys(orgs, people) -> None:
    """An ambassador or consul whose country is known only now works at the one mission of his country
    the text names ("Ambassador NAME" and "the Vietnamese Embassy in Moscow")."""
    for p in people.persons:
        mission = envoy_mission(p, orgs)
        if mission:
            p.org = mission.key


# a party's leading posts, named without the party ("General Secretary NAME", "the party chief")
_PARTY_POST = re.compile(
    r"(?:(?:Party|CPV|CPC)\s+)?(?:General\s+Secretary|Secretary[- ]General|First\s+Secretary)|"
    r"Party\s+(?:chief|leader|secretary|chairman)",
    re.I,
)


def _party_leaders(orgs, people) -> None:
    """Someone titled only by a party's leading post ("General Secretary NAME") works for the one party of
    his country the text names."""
    parties: dict[str, list] = {}
    for o in orgs.orgs:
        if o.kind == "party" and o.country and not generic_party(o.name):
            parties.setdefault(o.country, []).append(o)
    for p in people.persons:
        if p.org or not p.country or len(parties.get(p.country, ())) != 1:
            continue
        if any(_PARTY_POST.fullmatch(bare_title(t)) for t in p.titles):
            p.org = parties[p.country][0].key
