"""Linking across records, once every record stands: places, sending bodies, organizations' countries
and sources, agreements' signing dates and the events they were signed at.

Each function takes the records of the earlier stages and completes them in place.
"""

from __future__ import annotations

import re

from .countries import country_by_name, country_name, place_countries
from .places import capital, clean_place, find_cities, lookup

# A building or a room where officials meet: "at the Kremlin", "at the Presidential Palace".
_VENUE = re.compile(
    r"\b(?:at|in)\s+(?:the\s+)?(?P<venue>(?:[A-Z][\w'-]*\s+){0,3}"
    r"(?:Palace|House|Kremlin|Hall|Headquarters|headquarters|Office|Building|Villa|Residence|Secretariat))\b"
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
    country = country_name(code) if code else ""
    named_capital = _CAPITAL.match(place)
    if named_capital and country_by_name(named_capital.group("dem")):
        place = capital(country_by_name(named_capital.group("dem"))) or ""
    if not place:
        return country
    city = lookup(place)
    if city is None:
        hits = place_countries(place)
        if hits and hits[0].kind != "city":
            return country or clean_place(place)  # "Russia", "Russia's Tver Oblast": the country
        if not hits:
            return country or place
    if city and code and city.code != code:
        return country
    if not country or country.lower() in place.lower():
        return place
    return f"{place}, {country}"


def settle_places(meets, delegs, dateline_place: str, sentences) -> None:
    """The most specific place of each meeting and visit: its own sentence's venue and city, else the
    dateline's city when it lies in the same country, else the visit's city; always with the country
    ("Kremlin, Moscow, Russia")."""
    dateline = lookup(clean_place(dateline_place)) if dateline_place else None
    by_key = {d.key: d for d in delegs}
    for m in meets:
        if m.remote:
            m.place = ""
            continue
        code = m.place_country
        texts = [sentences[i].text for i in sorted(m.sentences) if 0 <= i < len(sentences)]
        city = lookup(clean_place(m.place)) if m.place else None
        if city is None and not (m.place and place_countries(m.place)):
            named = [c for t in texts for c in find_cities(t) if code is None or c.city.code == code]
            if named:
                m.place, code, city = named[0].text, named[0].city.code, named[0].city
                m.place_country = code
        if city is None and not m.place and dateline and dateline.code == code:
            m.place = clean_place(dateline_place)
        venue = next((v.group("venue") for t in texts for v in _VENUE.finditer(t)), "")
        m.place = place_value(m.place, code)
        if venue and m.place and venue.lower() not in m.place.lower() and not place_countries(venue):
            m.place = f"{venue}, {m.place}"
    meeting_cities: dict[str, set[str]] = {}
    for m in meets:
        d = by_key.get(m.delegation_key or "")
        if d and m.place:
            meeting_cities.setdefault(d.key, set()).add(m.place)
    for d in delegs:
        place = d.place
        if not place or not lookup(clean_place(place)):
            cities = {c.split(", ")[-2] for c in meeting_cities.get(d.key, set()) if ", " in c}
            if len(cities) == 1:
                place = next(iter(cities))
            elif d.primary and dateline and dateline.code == d.to_country:
                place = clean_place(dateline_place)
        d.place = place_value(place, d.to_country)
