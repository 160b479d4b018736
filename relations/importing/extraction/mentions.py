"""Stage 2, mentions: the countries the article is about, its dateline's country and its dates.

Countries, demonyms and cities are found sentence by sentence (``countries``, ``places``); the two most
named make the article's pair. Dates are read against the publication date (``articledate``, ``dates``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .articledate import DateContext
from .countries import find_countries, place_countries
from .text import agency_country


@dataclass(slots=True)
class Mentions:
    pair: list[str]  # the two countries most named, most named first
    mentioned: set[str]  # every country named
    dates: DateContext
    dateline_code: str | None  # the country of the dateline's place
    outlet_code: str | None = None  # the country of the national news agency credited, when it is named

    def other(self, code: str | None) -> str | None:
        """The other country of the pair."""
        if len(self.pair) == 2 and code in self.pair:
            return self.pair[1] if code == self.pair[0] else self.pair[0]
        return None


def find(art) -> Mentions:
    counts: Counter[str] = Counter()
    for s in art.sentences:
        for c in find_countries(s.text):
            counts[c.code] += 1 if c.kind != "city" else 0.5
    ranked = [c for c, _ in counts.most_common()]
    pair = ranked[:2]
    mentioned = set(counts)

    dates = DateContext(art, frozenset(pair) if len(pair) == 2 else None)
    dateline_code = None
    if art.header.dateline_country:
        dateline_code = art.header.dateline_country
    elif art.header.dateline_place:
        hits = place_countries(art.header.dateline_place)
        dateline_code = hits[0].code if hits else None
    outlet = agency_country(art.original)
    return Mentions(pair, mentioned, dates, dateline_code, outlet if outlet in mentioned else None)
