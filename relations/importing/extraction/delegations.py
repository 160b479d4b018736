"""Delegations: who travelled where, led by whom, when; stated ("a delegation ... led by") or implied."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..proposals import PartialDate
from .countries import find_countries, is_city, place_countries
from .dates import FUTURE_TENSE, MONTH_PATTERN, find_dates
from .organizations import OrgRegistry, _is_acronym, without_inner_acronyms
from .people import People, SentenceInfo

_DELEGATION = re.compile(r"\bdelegations?\b(?!-)", re.I)  # not "delegation-level talks"
_LED_BY = re.compile(r"\s*\b(?:led|headed)\s+by\b", re.I)
_HEADS = re.compile(
    r"\b(?:heads|leads|headed|led|is\s+leading|was\s+leading|who\s+is\s+heading)\s+(?:a|an|the)\s+", re.I
)
_VISIT = re.compile(
    r"\b(?:(?:official|working|state|friendship|courtesy|\w+-day|first|return)\s+)*(?:visit|trip|tour)\s+(?:of\s+[^.;]{1,140}?\s+)?to\s+(?=[A-ZÀ-Ỹ]|the\s+[A-Z])",
    re.I,
)
_TRAVEL = re.compile(
    r"\b(?:travel|come|go|fly)\s+to\s+|\battend\s+(?:the\s+)?|"
    r"\b(?:(?:scheduled|due|set|slated|expected|plans?)\s+to|last|will)\s+visit(?:ed)?\s+(?=[A-ZÀ-Ỹ])",
    re.I,
)
# an invitation or a call is no visit: "invited the Cuban leader to pay an official visit to Vietnam"
_INVITED = re.compile(r"\binvit(?:ed|es|ing|ation)\b[^.;]*$|\bby\s+(?:phone|telephone|video)\b", re.I)
_PASSING = re.compile(
    r"\blast\s+(?:month|year|week)\b|\bhad\s+(?:paid|visited|attended|led|made|travelled|traveled)\b|"
    r"\b(?:is|are)\s+expected\s+to\s+lead\b|\bhoped?\s+to\s+(?:travel|visit|come)\b|\baccepted\b.*\binvitation\b|"
    r"\bwill\s+lead\b|\bplans?\s+to\s+(?:visit|travel)\b|\bnext\s+(?:year|month)\b|\bearlier\s+this\s+year\b|"
    r"\bin\s+the\s+first\s+(?:half|quarter)\b|\brecalled\b|\b(?:upcoming|forthcoming|previous|past)\s+(?:\w+\s+)?"
    r"(?:visit|trip)|\bpreparations?\s+for\b|\bresults\s+of\s+the\s+(?:\w+\s+)?(?:visit|trip)\b|"
    r"\b(?:scheduled|due|set|slated)\s+to\s+(?:visit|travel|lead|pay)\b|\blast\s+visited\b|"
    r"\bwill\s+(?:visit|pay|travel)\b|\b(?:reached|agreed|achieved)\s+during\s+(?:the\s+)?(?:\w+\s+)?visit\b",
    re.I,
)
# plans given up are no visit: "ditched plans to visit X", "cancelled his trip to X"
_CALLED_OFF = re.compile(
    r"\b(?:ditch|cancel|postpon|scrap|abandon|shelv|call(?:ed|s)?\s+off)\w*\b[^.;]*$", re.I
)
_ARRIVED = re.compile(
    r"\b(?:(?:arrived|arrives|landed|lands|touched\s+down|touches\s+down)\s+(?:here\s+)?(?:in|at)\s+|"
    # an arrival to come: "is due in X on Wednesday", "is set to arrive in X"
    r"(?:is|are)\s+(?:due|(?:set|scheduled|expected)\s+to\s+arrive)\s+in\s+(?=[A-ZÀ-Ỹ])|"
    r"(?:will|(?:is|are)\s+to)\s+arrive\s+(?:here\s+)?in\s+(?=[A-ZÀ-Ỹ])|"
    # an arrival at the dateline's place: "NAME Thursday arrived here on a two-day visit"
    r"(?:arrived|arrives|landed|lands)\s+here\b(?!\s+(?:in|at)\b))",
    re.I,
)
_VISITING = re.compile(
    r"\b(?:(?:is|are)\s+(?:currently\s+)?(?:visiting|touring)\s+(?=[A-ZÀ-Ỹ])|"
    r"(?P<ended>conclud(?:ed|ing|es)|wrap(?:ped|ping|s)\s+up|w(?:ound|inds|inding)\s+up|end(?:ed|s)|complet(?:ed|ing|es))\s+(?:his|her|their|a|the)\s+[^.;]{0,60}?\b(?:visit|trip|tour)\b|"
    # "NAME began a five-day visit to X on Monday", "NAME on May 3 kicked off her tour of X"
    r"(?P<began>began|begins|started|starts|kicked\s+off|kicks\s+off)\s+(?:his|her|their|an?|the)\s+[^.;]{0,60}?\b(?:visit|trip|tour)\b)",
    re.I,
)
_FORMER = re.compile(r"\bthe\s+(former|latter)['\u2019]s\s+(?:[\w-]+\s+){0,3}$")
_WHO_VISITING = re.compile(
    r",?\s*\bwho\s+(?:is|was|are|were)\s+(?:currently\s+|now\s+|then\s+)?(?:visiting|touring)\s+(?=[A-ZÀ-Ỹ])"
)
_VISITING_GUEST = re.compile(r"\bvisiting\s+(?:(?:[A-ZÀ-Ỹ][\w'-]*\.?|of|and|the|for)\s+){0,9}$")
_PLACE_VISIT = re.compile(
    r"\b(?:on|for|during|of)\s+(?:a|an|his|her|their|the)\s+(?:(?:official|working|state|friendship|\w+-day|first)\s+)*"
    r"(?P<place>[A-ZÀ-Ỹ][\w'-]*(?:\s+[A-ZÀ-Ỹ][\w'-]*)?)\s+(?:visit|trip|tour)\b"
)
# "opened her regional tour by visiting the Kingdom of Fiora": a gerund after "by" is the visit itself
_VISITED = re.compile(
    r"\b(?:visited|visits)\s+(?=[A-ZÀ-Ỹ]|the\s+[A-Z])|\bby\s+visiting\s+(?=[A-ZÀ-Ỹ]|the\s+[A-Z])"
)
# the people travelling with a head: "NAME, accompanied by a large business delegation, made a trip to X"
_ENTOURAGE = re.compile(
    r"\b(?:accompanied\s+by|along\s+with|together\s+with|leading|heading|at\s+the\s+head\s+of)\s+"
    r"(?:a|an|the|his|her|their)\s+(?:[\w-]+\s+){0,3}$",
    re.I,
)
_ON_A_VISIT = r"\b(?:on|for)\s+(?:a|an|his|her|their)\s+(?:[\w-]+\s+){0,3}(?:visit|trip|tour|swing|journey)\b"
# a visit's own first or last day: "his visit to X from Monday", "the five-day trip starting Sunday",
# "the four-day visit that ended Saturday"
_VISIT_BOUND = re.compile(
    r"\b(?:visit|trip|tour|stay|swing|journey)\b[^.;,]{0,50}?\b(?:"
    r"(?P<first>(?:starting|beginning|from|(?:began|begins|started|starts|opened|opens)\s+on)\s+)|"
    r"(?:that|which)\s+(?P<last>(?:ended|concluded|wrapped\s+up|(?:runs|lasts|continues|will\s+(?:run|last|continue))"
    r"\s+(?:until|till|through))\s+))"
    # "the mission will wrap up its stay in Lisbon on June 9"
    r"|\bwill\s+(?:wrap\s+up|end|conclude|complete)\s+(?:his|her|their|its|the)\s+(?:[\w-]+\s+){0,3}"
    r"(?:visit|trip|tour|stay)\b[^.;,]{0,40}?(?P<until>\bon\s+)"
)
_AND_TITLE = re.compile(r"\s+and\s+(?:[A-Z][\w.-]*\s+){0,3}")
# a clause before the subject: "During his visit to X, NAME ..."
_FRONTED = re.compile(r"\s*(?:During|On|While|Throughout|In\s+the\s+course\s+of)\s+(?:his|her|their)\b")
# the same clause opening a sentence (or its text after a dateline) with no one named before it: "During a
# visit to X, NAME said", "Speaking during a two-day trip to X, NAME ...", "On a visit to X, NAME ..."
_FRONTED_VISIT = re.compile(
    r"(?:^|[-\u2013\u2014:]\s+)(?:(?:Speaking|Talking)\s+(?:during|on|while\s+on)|During|On|While\s+on|"
    r"In\s+the\s+course\s+of)\s+(?:a|an|the|his|her|their)\s+(?:[\w-]+\s+){0,3}$"
)
# what a visitor came for: "flew into X to take part in a conference"
_TO_ATTEND = r"\bto\s+(?:attend|take\s+part\s+in|participate\s+in|join)\b"
_ACCOMPANIED = re.compile(r"\b(?:was|were|is|are)\s+(?:also\s+)?accompanied\s+by\b", re.I)
_MEMBERS = re.compile(
    r"\b(?:members?\s+of\s+(?:the|his|her|their)\s+(?:[\w-]+\s+){0,2}delegation|delegation\s+(?:also\s+)?(?:included|includes|comprised|comprises|"
    r"comprising|consisting\s+of|made\s+up\s+of)|"
    r"who\s+accompanied|accompanying|travell?ing\s+with\s+(?:him|her|them)|a\s+member\s+of\s+the\s+delegation|represented\s+the\s+\w+\s+side|"
    r"delegation,\s+which\s+includes?|delegation,\s+including|joined\s+the\s+(?:[\w-]+\s+){0,3}delegation|"
    r"on\s+the\s+\w+\s+side\s+(?:were|was))\b",
    re.I,
)

# "Attending the meeting on the Chilean side were A and B": those of one side at a meeting
_ON_THE_SIDE = re.compile(r"\bon\s+the\s+(\w+)\s+side\s+(?:were|was)\b")


@dataclass(slots=True)
class Deleg:
    key: str
    from_country: str | None = None
    to_country: str | None = None
    head: str | None = None
    members: list[str] = field(default_factory=list)
    sending_body: str | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    place: str = ""
    primary: bool = True
    sentences: dict[int, set[str]] = field(default_factory=dict)
    explicit: bool = False
    hint: PartialDate | None = (
        None  # a month or year the sentence gives the visit, checked against the article's
    )

    def cite(self, idx: int, *fields: str) -> None:
        self.sentences.setdefault(idx, set()).update(fields)


_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}


# the length of a visit: "a three-day official visit", "her 2-day trip"
_N_DAY_VISIT = re.compile(
    r"\b(\w+)[- ]day\s+(?:(?:official|working|state|friendship|goodwill)\s+)*(?:visit|trip|tour|stay)\b", re.I
)


# the day a visit is on: "on the third day of her four-day tour", "the final day of her trip"
_DAY_OF = re.compile(
    r"\b(first|second|third|fourth|fifth|sixth|final|last)\s+day\s+of\s+(?:his|her|their|the|a|its)\s+"
)
_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
}  # final, last: the length


# the length of a stay told by the days it lasts: "will stay in Peru for three days", "will be in
# Lakeland for four days", "remains in the capital for 5 days"
_STAY_FOR = re.compile(
    r"\b(?:stay|stays|stayed|remain|remains|remained|(?:will|to)\s+be)\s+(?:in\s+(?:the\s+)?[A-ZÀ-Ỹ][^.;,]{0,50}?\s+)?"
    r"for\s+(\w+)\s+days\b"
)


def _days(text: str) -> int | None:
    """The days a visit lasts, as an "N-day visit" or a stay "for N days" tells them."""
    m = _N_DAY_VISIT.search(text) or _STAY_FOR.search(text)
    n = _NUMBERS.get(m.group(1).lower()) if m else None
    if n is None and m and m.group(1).isdigit():
        n = int(m.group(1))
    return n


def _shift(day: PartialDate, days: int) -> PartialDate:
    moved = datetime.date(day.year, day.month, day.day) + datetime.timedelta(days=days)
    return PartialDate(moved.year, moved.month, moved.day)


def _last_day(start: PartialDate, text: str) -> PartialDate | None:
    """The last day of an "N-day visit" that begins on ``start``."""
    n = _days(text)
    if not n or start.precision != "day":
        return None
    return _shift(start, n - 1)


def _visit_length(d: Deleg, sentences, told: int | None = None) -> None:
    """A visit's missing first or last day from its length ("arrived on Sunday for a two-day visit",
    "concluded a five-day visit today"), when one of its own sentences states the length, else from the
    length ``told`` elsewhere in the article ("... during the five-day trip")."""
    if bool(d.start) == bool(d.end):
        return
    known = d.start or d.end
    if known.precision != "day":
        return
    n = next((n for i in sorted(d.sentences) if (n := _days(sentences[i].text))), None) or told
    if not n or n > 60:
        return
    if d.start:
        d.end = _shift(d.start, n - 1)
    else:
        d.start = _shift(d.end, 1 - n)


def place_after(text: str, pos: int) -> tuple[str, str | None]:
    """The place named at ``pos`` ("Russia", "Moscow", "the Kazakh capital", "the Vietnamese city of Da
    Nang") and its country."""
    kind = _CITY_OF.match(text, pos)
    if kind:
        place, code = place_after(text, kind.end())
        hits = find_countries(kind.group(1))
        return place, code or (hits[0].code if hits else None)
    m = re.match(
        r"(?:the\s+)?((?:[A-ZÀ-Ỹ][\w'.-]*)(?:\s+(?:of\s+(?:the\s+)?)?[A-ZÀ-Ỹ][\w'.-]*){0,4})", text[pos:]
    )  # "Moscow", "the People's Republic of China", "the Republic of the Union of Myanmar"
    if not m:
        m2 = re.match(r"the\s+(\w+)\s+capital", text[pos:])
        if m2:
            hits = place_countries(m2.group(1))
            return m2.group(0), hits[0].code if hits else None
        return "", None
    place = m.group(1)
    hits = place_countries(place)
    return place, hits[0].code if hits else None


_CITY_OF = re.compile(
    r"the\s+([A-ZÀ-Ỹ][\w-]*)\s+(?:city|town|port|province|region|resort)\s+of\s+(?=[A-ZÀ-Ỹ])"
)


def source_country(phrase: str, orgs: OrgRegistry) -> tuple[str | None, str | None]:
    """The country and organisation a delegation's source phrase names ("of the KPRF")."""
    code = None
    phrase = without_inner_acronyms(phrase)  # "of the Office of the X Party (XP)'s Central Committee"
    hits = find_countries(phrase)
    if hits:
        code = hits[0].code
    org_key = None
    best = None
    for org in orgs.orgs:
        if len(org.name) > 3 and org.name in phrase and (best is None or len(org.name) > len(best.name)):
            best = org
    if best is None:
        for tok in re.findall(r"\b[A-Z][A-Za-z]{1,7}\b", phrase):
            if _is_acronym(tok):
                best = orgs.by_acronym(tok) or orgs.find(tok)  # "an ANC delegation": a body so named
                if best:
                    break
    if best is not None:
        org_key = best.key
        if code is None:
            code = best.country
    return code, org_key


def _mentions_between(info, a: int, b: int) -> list:
    return [m for m in info.mentions if a <= m.start < b]


# the company a subject is named with, set off by commas just before its verb: "NAME, accompanied by A
# and B, arrived in X", "NAME, along with his wife, is visiting X"
_COMPANY = re.compile(
    r",\s*(?:(?:who\s+(?:is|was|are|were)\s+)?accompanied\s+by|along\s+with|together\s+with|joined\s+by)\b"
    r"[^;]*?,\s*(?:[a-z][\w-]*\s+){0,4}$"  # its verb's first words: "..., paid a state visit"
)


_COMPANY_LIST = re.compile(
    r",\s*(?:(?:who\s+(?:is|was|are|were)\s+)?accompanied\s+by|along\s+with|together\s+with)\s+(?P<list>[^;]*?),"
    r"\s*(?:[a-z][\w-]*\s+){0,4}?(?:arriv|visit|land|paid|pays|made|makes|is|was|are|were|began|left|travel)"
)

# the members a delegation's head leads, listed before the verb of its visit: "NAME leads a delegation
# comprising A and B on a visit to X"
_LISTED = re.compile(
    r"\bdelegation,?\s+(?:comprising|including|consisting\s+of|made\s+up\s+of)\s+[^;]*?\s+"
    r"(?:on|for)\s+(?:a|an|his|her|their)\s+(?:[\w-]+\s+){0,3}$"
)


def _subject_mentions(text: str, info, pos: int) -> list:
    """The people named before ``pos`` who may be the subject of its verb: not those of a company clause
    closing just before it (a visit of "NAME, accompanied by A and B, arrived" is NAME's)."""
    ms = _mentions_between(info, 0, pos)
    company = _COMPANY.search(text, 0, pos) or _LISTED.search(text, 0, pos)
    if company is None:
        return ms
    return [m for m in ms if not company.start() <= m.start < company.end()] or ms


def _delegation_before(text: str, pos: int, width: int = 80) -> bool:
    """Whether a delegation is named just before ``pos`` as the subject of what follows ("The delegation
    arrived in X", read with the delegation), not as its head's entourage ("NAME, accompanied by a
    delegation, paid a visit to X": his visit)."""
    found = list(_DELEGATION.finditer(text, max(0, pos - width), pos))
    return bool(found) and not _ENTOURAGE.search(text, 0, found[-1].start())


def _same_place(a: Deleg, b: Deleg) -> bool:
    """Whether two frames may be one visit: the same destination, or one of them names none."""
    return not a.to_country or not b.to_country or a.to_country == b.to_country


def _visit_bounds(sentences, people, out: list[Deleg], date_of) -> None:
    """A visit's first or last day where the text ties the day to the visit itself ("during his visit to
    China from Monday", "the five-day trip starting Sunday", "the four-day visit that ended Saturday"):
    the visit of the sentence (the one frame it gives), else the one its last named visitor heads."""
    for idx, s in enumerate(sentences):
        if s.kind != "body":
            continue
        for b in _VISIT_BOUND.finditer(s.text):
            at = next(b.start(g) for g in ("first", "last", "until") if b.group(g))
            first, last = date_of(idx, s.text[at : at + 60], ranges=True)
            if first is None:
                first, _ = date_of(idx, s.text[at : at + 60])
            if first is None or first.precision != "day":
                continue
            last = last or _bound_end(s.text, b, idx, date_of)
            own = [d for d in out if idx in d.sentences and d.head]
            before = [m for m in people.info[idx].mentions if m.start < b.start()]
            heads = {d.head for d in own} if len(own) == 1 else {before[-1].person} if before else set()
            if not heads and _DELEGATION.search(s.text, 0, b.start()):
                # "The delegation will wrap up its visit on May 31": the article's one visit with a head
                main = [d for d in out if d.primary and d.head]
                heads = {main[0].head} if len(main) == 1 else set()
            for d in out:
                if d.head in heads:
                    if b.group("first"):
                        d.start = first
                        d.end = last or (d.end if d.end and d.end.as_date() >= first.as_date() else None)
                    else:
                        d.end = first
                        d.start = d.start if d.start and d.start.as_date() <= first.as_date() else None
                    d.cite(idx, "start")
                    break


# the last day after the first: "The visit began on May 2 and will end on May 5"
_AND_ENDS = re.compile(
    r"\s+and\s+(?:will\s+|is\s+(?:due|set|scheduled)\s+to\s+)?(?:end|ends|ended|conclude[sd]?|wrap(?:s|ped)?\s+up)"
    r"\s+(?=on\s)"
)


def _bound_end(text: str, b: re.Match, idx: int, date_of) -> PartialDate | None:
    """The last day a visit's bound gives after its first ("began on May 2 and will end on May 5")."""
    if not b.group("first"):
        return None
    tail = re.match(r"[^.;,]{0,30}?(?=\s+and\s)", text[b.end() :])
    end = _AND_ENDS.match(text, b.end() + tail.end()) if tail else None
    last = date_of(idx, text[end.end() : end.end() + 30])[0] if end else None
    return last if last is not None and last.precision == "day" else None


# "the Chilean senior senator, who is on a working visit to": a visitor described by his country
_DESCRIBED_VISITOR = re.compile(
    r"\bthe\s+(?P<country>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\s+(?:[\w-]+\s+){0,3}[\w-]+,?\s+who\s+(?:is|was|are|were)\s+(?:currently\s+)?"
    r"(?:on|paying|making)\s+(?:a|an|his|her|their)\s+(?:[\w-]+\s+){0,3}$"
)


_OWN_VISIT = re.compile(
    r"['\u2019]s\s+(?:(?:official|working|state|first|current|ongoing|\w+-day)\s+){0,3}"
    r"(?P<place>[A-ZÀ-Ỹ][\w'-]*\s+)?(?:visit|trip)\b(?!\s+(?:to|of|in)\b)(?!-)"
)


# a visit named by a pronoun: "during his visit", "on her two-day trip", not "his visit to X" (read above)
_DURING_HIS_VISIT = re.compile(
    r"(?:(?<=\bduring\s)|(?<=\bon\s)|(?<=\bthroughout\s))(?:his|her|their)\s+(?:(?:official|working|state|first|current|"
    r"ongoing|\w+-day)\s+){0,3}(?:visit|trip|stay)\b(?!\s+(?:to|of|in|here|there)\b)(?!-)",
    re.I,
)


def _take_over(d: Deleg, pending: Deleg) -> None:
    """What ``pending``, the same delegation named before without its head, told of it."""
    if d.from_country not in {None, pending.from_country}:
        return
    d.from_country = d.from_country or pending.from_country
    d.sending_body = d.sending_body or pending.sending_body
    # a visit named in passing ("which visited India last week") gives no days to the one the text reports
    if pending.primary and (not d.to_country or d.to_country == pending.to_country):
        d.to_country, d.place = pending.to_country, d.place or pending.place
        d.start, d.end = d.start or pending.start, d.end or pending.end
    for k, v in pending.sentences.items():
        d.sentences.setdefault(k, set()).update(v)


# a spouse named after the one who travels: "the King and his wife, NAME, arrived in X"
_SPOUSE = re.compile(
    r"\s+and\s+(?:his|her)\s+(?:wife|husband|spouse|consort)\s*,?\s*(?:[A-Z][\w.'-]*\s+){0,5}$"
)


def _arrival_head(text: str, ms: list):
    """Who arrived: the last person named before the verb, unless that is the spouse who came along."""
    if len(ms) > 1 and _SPOUSE.search(text, ms[-2].end, ms[-1].start) and ms[-2].person != ms[-1].person:
        return ms[-2].person
    return ms[-1].person


def _country_code(word: str) -> str | None:
    hits = find_countries(word)
    return hits[0].code if hits and hits[0].kind != "city" else None


def _named_after_delegation(text: str, ms: list) -> bool:
    """Whether a person is named after the sentence's last "delegation" ("The visiting delegation spoke of
    NAME's visits before the secretary arrived in X": his arrival)."""
    found = list(_DELEGATION.finditer(text))
    return bool(found) and any(x.start > found[-1].end() for x in ms)


@dataclass(slots=True)
class _Sentence:
    """One body sentence as every step reads it."""

    idx: int
    text: str
    info: SentenceInfo  # the people it names, as the people stage resolved them
    passing: bool  # it tells of a visit in passing (recalled, planned, past): its dates are not the report's
    start: PartialDate | None  # the day (or a range's first day) the sentence gives
    end: PartialDate | None  # a range's last day


@dataclass(slots=True)
class _Frames:
    """The frames found so far, and what every step reads besides its sentence."""

    people: People
    orgs: OrgRegistry
    date_of: Callable
    out: list[Deleg] = field(default_factory=list)
    pending: Deleg | None = None  # a delegation named without its head, which a later sentence gives

    def add(self, d: Deleg) -> Deleg:
        """``d`` folded into the frame it repeats, else kept as a new one; the frame it became."""
        for e in self.out:
            if _same_visit(e, d):
                _fold_into(e, d)
                return e
        d.key = f"del{len(self.out) + 1}"
        self.out.append(d)
        return d


def _same_visit(e: Deleg, d: Deleg) -> bool:
    """Whether ``d`` and ``e`` are one visit: the same head going to the same place, or the same side's
    delegation (``d`` headless, or giving the head ``e`` lacked)."""
    # one head, two destinations: two visits ("arrived in X after a two-day trip to Y")
    same_head = d.head and e.head == d.head and _same_place(e, d)
    same_way = e.from_country and (not d.to_country or not e.to_country or d.to_country == e.to_country)
    # the head of a delegation named before without one: "A CPC delegation visited X on ... Headed by
    # NAME, the delegation met ..."
    its_head = d.head and not e.head and d.primary == e.primary and d.from_country in {None, e.from_country}
    return bool(same_head or (same_way and (its_head or (not d.head and e.from_country == d.from_country))))


def _fold_into(e: Deleg, d: Deleg) -> None:
    """What ``d`` adds to ``e``, a frame of the same visit: the fields ``e`` lacks, its sentences, members."""
    e.head = e.head or d.head
    e.from_country = e.from_country or d.from_country
    e.to_country = e.to_country or d.to_country
    e.sending_body = e.sending_body or d.sending_body
    e.start = e.start or d.start
    e.end = e.end or d.end
    e.place = e.place or d.place
    e.primary = (e.primary or d.primary) if e.head == d.head else e.primary
    for k, v in d.sentences.items():
        e.sentences.setdefault(k, set()).update(v)
    for m in d.members:
        if m not in e.members and m != e.head:
            e.members.append(m)
    e.explicit = e.explicit or d.explicit


def detect(sentences, people: People, orgs: OrgRegistry, date_of) -> list[Deleg]:
    """Delegations stated in the text. ``date_of(idx, text)`` resolves date mentions of a sentence."""
    fr = _Frames(people, orgs, date_of)
    for idx, sentence in enumerate(sentences):
        if sentence.kind != "body":
            continue
        text = sentence.text
        start, end = date_of(idx, text, ranges=True)
        s = _Sentence(idx, text, people.info[idx], bool(_PASSING.search(text)), start, end)
        _named_delegations(fr, s)  # "a delegation ... led by NAME"
        _visits(fr, s)  # "NAME is paying a visit to X", "the visit to X by NAME"
        _place_visits(fr, s)  # "NAME, who is on a working Peru visit"
        _visited(fr, s)  # "NAME visited Ashgabat on Nov. 27"
        _arrivals(fr, s)  # "NAME arrived in Moscow on Sunday for a two-day visit"
        _presences(fr, s)  # "NAME is in Bali to attend the summit"
        _journeys(fr, s)  # "NAME left for Lima on Sunday for a state visit"
        _onward_journeys(fr, s)  # "NAME then travelled on to Y"
        _tour_stops(fr, s)  # "NAME embarked on a tour of Africa, starting with Ethiopia"
        _talks_with_sides(fr, s)  # "NAME began talks with Kazakh officials"
        _visitors_described(fr, s)  # "Premier NAME, who was visiting Kenya, met ..."
        _visits_under_way(fr, s)  # "NAME is visiting Lyon", "NAME ended her state visit to Chile"
        _planned_travel(fr, s)  # "hoped to travel to Y"
        _visiting_guests(fr, s)  # "held talks with the visiting Saudi Crown Prince NAME"
        _own_visits(fr, s)  # "during NAME's visit"
        _accompanying(fr, s)  # "NAME was accompanied by A, B and C"
        _delegation_members(fr, s)  # "members of the delegation were A and B"
    _visit_bounds(sentences, people, fr.out, date_of)
    _departures(sentences, people, fr.out, date_of)
    _lengths(sentences, fr.out)
    return fr.out


# ---------------------------------------------------------------- a "delegation" named


def _named_delegations(fr: _Frames, s: _Sentence) -> None:
    """Each "delegation" the sentence names: a frame with its source, head, destination and days."""
    for m in _DELEGATION.finditer(s.text):
        _named_delegation(fr, s, m)


def _named_delegation(fr: _Frames, s: _Sentence, m: re.Match) -> None:
    """The delegation named at ``m``; one without its head waits (``fr.pending``) for a later sentence's."""
    text = s.text
    before = text[max(0, m.start() - 60) : m.start()]
    code, org_key = _delegation_source(text, m, fr.orgs)
    if org_key is None:
        code, org_key = _region_source(text, m, s.idx, fr.orgs, code)
    head, co_heads = _delegation_head(text, m, s.info)
    place, to_code, v = _delegation_destination(text, m)
    d = Deleg(key="", from_country=code, to_country=to_code, head=head, sending_body=org_key, place=place)
    d.explicit = True
    d.primary = not s.passing
    d.members = [k for k in co_heads if k != head]
    _date_delegation(d, s, m, v, fr.date_of)
    if head is None and _waits_for_head(text, m, code, v):
        if d.sending_body or d.from_country or d.start:
            d.cite(s.idx, "from_country")
            fr.pending = d
        return
    if head and fr.pending is not None and re.search(r"\bthe\s+(?:[\w'.-]+\s+){0,3}$", before, re.I):
        # "A party delegation landed in X on June 3 ... The delegation was headed by A":
        # the delegation named before, without its head
        _take_over(d, fr.pending)
        fr.pending = None
    d.cite(s.idx, "from_country", "head")
    if head and code:
        fr.people.get(head).set_country(code, 2)
    fr.add(d)


def _delegation_source(text: str, m: re.Match, orgs: OrgRegistry) -> tuple[str | None, str | None]:
    """The country and body sending the delegation named at ``m``: "a Vietnamese delegation", "a
    delegation of the KPRF", "Russia's State Duma delegation"."""
    before = text[max(0, m.start() - 60) : m.start()]
    # "a Communist Party of China (CPC) delegation": an acronym in brackets is part of the name
    pre = re.search(
        r"(?:\b(?:a|an|the|its|their|his|her)\s+)((?:[\w'.-]+\s+|\([A-Z]{2,}\)\s+){0,5})$",
        before,
        re.I,
    )
    pre_text = pre.group(1) if pre else ""
    after = text[m.end() : m.end() + 200]
    src = re.match(
        r"\s+(?:of|from)\s+((?:the\s+)?[^,;]*?)(?=,|\s+(?:led|headed|is|was|on|to|at|arrived|will|which|who|that|in|had|has)\b|$)",
        after,
    )
    src_text = src.group(1) if src else ""
    code, org_key = source_country(pre_text + " " + src_text, orgs)
    bare = None if pre or org_key else re.search(r"((?:[A-Z][\w'\u2019.-]*\s+){1,5})$", before)
    if bare and re.match(r"\s", text[m.end() : m.end() + 1]):
        # "Russia's State Duma delegation led by ...": a body named with no article sends it
        key = source_country(bare.group(1), orgs)[1]
        org = next((o for o in orgs.orgs if o.key == key), None) if key else None
        if org is not None and (code is None or org.country in {None, code}):
            org_key, code = org.key, code or org.country
    return code, org_key


# "a delegation from Russia's Ulyanovsk region", "a delegation of Quang Ninh province": a region sends it;
# "a delegation from the Lakeland regional administration", "... of the Northport city government": its
# government, named by its level in small letters
_LEVEL = r"(?:[Pp]rovincial|[Rr]egional|[Cc]ity|[Mm]unicipal|[Mm]etropolitan|[Pp]refectural)"
_LOCAL_GOVERNMENT = _LEVEL + r"\s+(?:government|administration)"
_REGION_SOURCE = re.compile(
    r"\s+(?:of|from)\s+(?:the\s+)?(?:(?P<country>[A-ZÀ-Ỹ][\w-]*(?:\s+[A-ZÀ-Ỹ][\w-]*)?)['\u2019]s\s+)?"
    r"(?P<region>(?:[A-ZÀ-Ỹ][\w'-]*\s+){1,3}(?:[Rr]egion|[Pp]rovince|[Oo]blast|[Kk]rai|[Pp]refecture"
    rf"|{_LOCAL_GOVERNMENT}))\b"
)


def _region_source(
    text: str, m: re.Match, idx: int, orgs: OrgRegistry, code: str | None
) -> tuple[str | None, str | None]:
    """The region sending the delegation at ``m`` as a body (its administration), with its country."""
    r = _REGION_SOURCE.match(text, m.end())
    if r is None:
        return code, None
    region = r.group("region")
    hits = find_countries(r.group("country") or "") or place_countries(region)
    code = code or (hits[0].code if hits else None)
    org = orgs.find(region) or orgs.add(region, idx)
    if org.kind == "other":
        org.kind = "government"
    org.country = org.country or code
    return code, org.key


def _delegation_head(text: str, m: re.Match, info: SentenceInfo) -> tuple[str | None, list[str]]:
    """Who leads the delegation named at ``m`` ("led by A", "A, who heads a delegation", "Headed by A, ...
    the delegation", "the head of the X delegation, A"), and those named as leading it with him ("led by
    Senator A and B")."""
    head, co_heads = _led_by(text, m, info)
    if head is None:
        # "NAME, who heads a delegation of ..." / "NAME ... whose delegation"
        hs = _HEADS.search(text[max(0, m.start() - 40) : m.start() + 1])
        ws = re.search(r"\bwhose\s+$", text[max(0, m.start() - 7) : m.start()])
        if hs or ws:
            ms = _mentions_between(info, 0, m.start())
            if ms:
                head = ms[-1].person
    fronted = _LED_BY.match(text) if head is None else None
    if fronted and text.find(",", fronted.end(), m.start()) >= 0:
        # "Headed by NAME, deputy chief of X, the delegation met ...": the clause before names him
        ms = _mentions_between(info, fronted.end(), m.start())
        head = ms[0].person if ms else None
    return head or _titled_head(text, m, info), co_heads


# another body set off before "led by" leads it, not the delegation: "talks with the Chinese delegation,
# the Ruling Party, led by NAME"
_OTHER_LED = re.compile(r"\s*,\s*(?:the\s+)?[A-ZÀ-Ỹ][\w'.-]*(?:\s+(?:of\s+)?[A-ZÀ-Ỹ][\w'.-]*){0,5}\s*,\s*$")


def _led_by(text: str, m: re.Match, info: SentenceInfo) -> tuple[str | None, list[str]]:
    """The one "led by" or "headed by" names after the delegation at ``m``, and those led with him."""
    lb = _LED_BY.search(text, m.end(), min(len(text), m.end() + 220))
    if not lb or _DELEGATION.search(text, m.end(), lb.start()):
        return None, []
    if _OTHER_LED.fullmatch(text, m.end(), lb.start()):
        return None, []
    ms = _mentions_between(info, lb.end(), len(text))
    head = ms[0].person if ms else None
    # "led by Senator A and B": B, named with him, is a member
    co_heads = [
        b.person
        for a, b in zip(ms, ms[1:], strict=False)
        if a.person == head and _AND_TITLE.fullmatch(text, a.end, b.start)
    ]
    return head, co_heads


# "Head of the Lao delegation, NAME, said", "NAME, head of the delegation of X": a head by his title
_HEAD_OF = re.compile(
    r"\b(?:[Hh]ead|[Ll]eader|[Cc]hief)\s+of\s+(?:the|a|an|its|their)\s+(?:[\w'-]+\s+){0,3}$"
)
_APPOSITION = re.compile(r"\s*,?\s*(?:(?:[A-ZÀ-Ỹ][\w.'-]*|of|the|and)\s+){0,6}")


def _titled_head(text: str, m: re.Match, info: SentenceInfo) -> str | None:
    """The person the text calls the head of the delegation at ``m``, named just after the title (its
    source between) or just before it."""
    title = _HEAD_OF.search(text, max(0, m.start() - 60), m.start())
    if title is None:
        return None
    end = m.end()
    source = re.match(r"\s+(?:of|from)\s+(?:the\s+)?(?:[A-ZÀ-Ỹ(][\w'.)-]*\s*){1,8}", text[end:])
    end += source.end() if source else 0
    named = [x for x in info.mentions if x.kind in {"name", "short"}]
    after = next((x for x in named if x.start >= end), None)
    if after and _APPOSITION.fullmatch(text, end, after.start) and "," in text[end : after.start + 1]:
        return after.person
    before = next((x for x in reversed(named) if x.end <= title.start()), None)
    if before and re.fullmatch(r"\s*,\s*(?:the\s+)?", text[before.end : title.start()]):
        return before.person
    return None


def _delegation_destination(text: str, m: re.Match) -> tuple[str, str | None, re.Match | None]:
    """Where the delegation named at ``m`` goes ("on a visit to X", "arrived in X") and its country, with
    the visit phrase when one names it."""
    place, to_code = "", None
    v = _VISIT.search(text, m.end())
    if v:
        place, to_code = place_after(text, v.end())
    else:
        arr = re.search(r"\b(?:arrived|is|are|was)\s+in\s+", text[m.end() :])
        if arr:
            place, to_code = place_after(text, m.end() + arr.end())
    return place, to_code, v


def _date_delegation(d: Deleg, s: _Sentence, m: re.Match, v: re.Match | None, date_of) -> None:
    """The days of the delegation named at ``m``: the sentence's when the text ties them to its visit,
    arrival or stay, and the day it leaves ("leaving ... on Friday")."""
    text, start, end = s.text, s.start, s.end
    if start and not end and s.passing and d.head:
        d.start = start
        d.end = start if start.precision in {"month", "year"} else None
    if start and end and (v or re.search(r"\bfrom\s|\bin\s|\bon\s", text[m.end() :])):
        d.start, d.end = start, end
    if re.search(r"\barrived\b", text[m.end() : m.end() + 80]) and start and not end:
        d.start = start
    lv = re.search(r"\bleaving\s+[^,.]*?\bon\s+(\w+)", text[m.end() :])
    if lv:
        d.end = date_of(s.idx, "on " + lv.group(1), ranges=False)[0]


def _waits_for_head(text: str, m: re.Match, code: str | None, v: re.Match | None) -> bool:
    """Whether a delegation named at ``m`` without its head is left for a later sentence to head: its
    country unknown, or not told on a visit or arriving, and not one the sentence's people meet ("received
    a Lao delegation")."""
    on_visit = v or re.search(r"\b(?:is|are|was)\s+(?:in|on)\b|\barriv", text[m.end() :])
    met = code and re.search(r"\b(?:with|received)\s+(?:a|the)\s+(?:\w+\s+)?delegation", text)
    return (code is None or not on_visit) and not met


# ---------------------------------------------------------------- a visit without the word "delegation"


def _visits(fr: _Frames, s: _Sentence) -> None:
    """Visits without the word "delegation": "NAME is paying a visit to X", "NAME's official visit to X"."""
    visits = list(_VISIT.finditer(s.text))
    for n in range(len(visits)):
        if not _delegation_before(s.text, visits[n].start()):
            _visit(fr, s, visits, n)


def _visit(fr: _Frames, s: _Sentence, visits: list[re.Match], n: int) -> None:
    """The frame of the ``n``th visit phrase of the sentence: its visitor, destination and days."""
    text, v = s.text, visits[n]
    v_start, v_end = _visit_days(s, visits, n, fr.date_of)
    if _invited_only(text, v):
        return
    place, to_code = place_after(text, v.end())
    head = _visit_head(text, v, s.info)
    if head is None:
        _described_visit(fr, s, v, place, to_code, (v_start, v_end))
        return
    d = Deleg(key="", to_country=to_code, head=head, place=place, primary=not s.passing)
    d.explicit = True
    _date_visit(d, s, v, (v_start, v_end), fr.date_of)
    d.cite(s.idx, "head", "to_country")
    fr.add(d)


def _visit_days(s: _Sentence, visits: list[re.Match], n: int, date_of) -> tuple:
    """The days of the ``n``th visit of the sentence: the sentence's, or with several visits in it each
    its own ("A's visit in June and B's in September")."""
    if len(visits) > 1:
        stop = visits[n + 1].start() if n + 1 < len(visits) else len(s.text)
        own = date_of(s.idx, s.text[visits[n].start() : stop], ranges=True)
        if own[0] is not None:
            return own
    return s.start, s.end


def _invited_only(text: str, v: re.Match) -> bool:
    """Whether the visit at ``v`` is one someone is invited to pay ("invited the Cuban leader to pay an
    official visit to Vietnam"), not one under way ("who is paying ...")."""
    return bool(_INVITED.search(text[max(0, v.start() - 120) : v.start()])) and not re.search(
        r"\b(?:is|are|was|were)\s+(?:paying|on|making)\b", text[: v.start()]
    )


def _visit_head(text: str, v: re.Match, info: SentenceInfo) -> str | None:
    """Who pays the visit at ``v``: the one it is "by" or "of", the subject after a fronted clause, "the
    former" or "the latter" of two, else the last person named before it."""
    ms_before = _subject_mentions(text, info, v.start())
    # "the visit to X by NAME", not "During his visit to X, NAME is accompanied by A" (A came along)
    by = re.match(r"[^,;]{0,80}?(?<!accompanied\s)(?<!received\s)(?<!welcomed\s)\bby\s+", text[v.end() :])
    if by and (ms := _mentions_between(info, v.end() + by.end(), len(text))):
        return ms[0].person
    of = re.match(r"(?:\w+\s+){0,3}?of\s+", text[v.start() :]) and " of " in text[v.start() : v.end()]
    if of and (ms := _mentions_between(info, v.start(), v.end() + 1)):
        return ms[0].person
    visit_of = re.search(r"\bvisit\s+of\s+", text[v.start() - 20 if v.start() > 20 else 0 : v.end()])
    if visit_of and (ms := _mentions_between(info, v.start(), len(text))):
        return ms[0].person
    fronted = ms_before and ms_before[-1].kind == "pronoun" and _FRONTED.match(text)
    if fronted or (not ms_before and _FRONTED_VISIT.search(text, 0, v.start())):
        # "During her state visit to Peru, NAME is accompanied by ...", "Speaking during a visit to X,
        # NAME said": the clause's subject
        comma = text.find(",", v.end())
        named = [x for x in _mentions_between(info, comma, len(text)) if x.kind != "pronoun"]
        if comma >= 0 and named:
            return named[0].person
    named = list(dict.fromkeys(x.person for x in ms_before if x.kind in {"name", "short"}))
    which = _FORMER.search(text, max(0, v.start() - 60), v.start())
    if which and len(named) >= 2:
        # "talks between A and B, as part of the former's visit to X": A's
        return named[-2] if which.group(1) == "former" else named[-1]
    return ms_before[-1].person if ms_before else None


def _described_visit(fr: _Frames, s: _Sentence, v: re.Match, place: str, to_code: str | None, days) -> None:
    """A visit whose visitor the sentence describes by his country, named elsewhere ("a dinner for the
    Chilean senator, who is on a working visit to X from June 2-5"): the visit dated here."""
    v_start, v_end = days
    described = _DESCRIBED_VISITOR.search(s.text, max(0, v.start() - 120), v.start())
    code = _country_code(described.group("country")) if described and v_start else None
    if code and to_code and code != to_code and not s.passing:
        d = Deleg(key="", from_country=code, to_country=to_code, place=place, explicit=True)
        d.start, d.end = v_start, v_end
        d.cite(s.idx, "start")
        fr.add(d)


def _date_visit(d: Deleg, s: _Sentence, v: re.Match, days, date_of) -> None:
    """The days of the visit at ``v``: a range the sentence gives, a first day it arrives on, the day of
    the visit it is on ("the third day of her four-day tour"), or a month it is checked against."""
    text, passing = s.text, s.passing
    v_start, v_end = days
    if v_start and not v_end and v_start.precision == "month":
        d.hint = v_start
    if v_start and not v_end and not passing and v_start.precision == "day":
        # "NAME arrived in Phnom Penh on May 3 for a three-day visit": the visit's first day and last
        if re.search(r"\b(?:arriv(?:ed|es|ing)|welcom(?:ed|es|ing|e))\b", text[: v.end()]) or _paid_on(s, v):
            d.start = v_start
            d.end = _last_day(v_start, text[max(0, v.start() - 40) : v.end()])
    day_of = _DAY_OF.search(text, max(0, v.start() - 60), v.end())
    if (v_start is None or v_start.precision != "day") and day_of and not passing:
        # "is now on the third day of her four-day tour": counted back from today
        n, k = _days(text[day_of.start() :]), _ORDINALS.get(day_of.group(1).lower())
        today = date_of(s.idx, "today")[0]
        if n and today and today.precision == "day":
            d.start = _shift(today, 1 - (n if k is None else k))
            d.end = _shift(d.start, n - 1)
    if v_start and v_end:
        d.start, d.end = v_start, v_end
    elif v_start and passing:
        d.start = v_start
        d.end = v_start if v_start.precision in {"month", "year"} else None


# a visit paid, its day told in the clause after it: "NAME paid a one-day visit to X on Sunday"
_PAID = re.compile(
    r"\b(?:paid|pays|(?:is|are)\s+paying|made|makes|(?:is|are)\s+making|conducted|undertook)\s+"
    r"(?:a|an|his|her|their)\s+(?:surprise\s+|brief\s+|short\s+|rare\s+|historic\s+|lightning\s+)?$"
)


def _paid_on(s: _Sentence, v: re.Match) -> bool:
    """Whether the sentence's one day is that of a visit paid at ``v`` ("paid a visit to X on Sunday"), not
    of something else told in another clause ("who paid a visit to X, met Y on Sunday")."""
    if not _PAID.search(s.text, max(0, v.start() - 30), v.start()):
        return False
    clause = re.match(r"[^,;]*", s.text[v.end() :]).group(0)
    return bool(find_dates(clause))


def _place_visits(fr: _Frames, s: _Sentence) -> None:
    """A visit with its place before the noun: "NAME, who is on a working Peru visit from June 2-4"."""
    if s.passing:
        return
    for v in _PLACE_VISIT.finditer(s.text):
        ms_before = _subject_mentions(s.text, s.info, v.start())
        hits = place_countries(v.group("place"))
        if not ms_before or not hits:
            continue
        d = Deleg(key="", to_country=hits[0].code, head=ms_before[-1].person, place=v.group("place"))
        d.explicit = True
        if s.start and s.end:
            d.start, d.end = s.start, s.end
        d.cite(s.idx, "head", "to_country")
        fr.add(d)


# a clause reported after its speaker, whose subject is no one named: "NAME said that last year the
# region's leaders visited X"
_REPORTED = re.compile(
    r"\b(?:said|says|noted|notes|recalled|recalls|added|adds|stated|stressed|told\s+\w+|pointed\s+out)\b"
)


def _visited(fr: _Frames, s: _Sentence) -> None:
    """A visit told by its verb alone: "NAME visited Ashgabat on Nov. 27", "NAME visits Hanoi"."""
    text, start, end = s.text, s.start, s.end
    for v in _VISITED.finditer(text):
        if s.passing or _delegation_before(text, v.start()):
            continue
        ms_before = _subject_mentions(s.text, s.info, v.start())
        place, to_code = place_after(text, v.end())
        if not ms_before or to_code is None or _REPORTED.search(text, ms_before[-1].end, v.start()):
            continue
        if text.startswith("the ", v.end()) and not v.group(0).startswith("by") and not _named(place):
            continue  # "visited the Philippines", not "visited the Kenyan Embassy"
        d = Deleg(key="", to_country=to_code, head=ms_before[-1].person, place=place)
        d.explicit = True
        stops = _next_stops(s, v.end() + len(place), to_code)
        if stops and any(fr.date_of(s.idx, own)[0] for *_, own in stops if own.strip()):
            _stop_days(fr, s, d, stops[0][3])  # each stop its own day
        elif start and end:
            d.start, d.end = start, end
        elif start and start.precision == "day":
            d.start = start
        elif start and start.precision == "month":
            # (a year alone may date another visit the sentence recalls: "her first trip since 2015,
            # when she visited X")
            d.hint = start
        d.cite(s.idx, "head", "to_country")
        fr.add(d)
        _later_stops(fr, s, d, stops)


def _later_stops(fr: _Frames, s: _Sentence, d: Deleg, stops: list) -> None:
    """The visits to the places of ``d``'s journey after its first (``_next_stops``), each with its day."""
    for stop_place, stop_code, _, own in stops[1:]:
        e = Deleg(
            key="", to_country=stop_code, head=d.head, place=stop_place, explicit=True, primary=d.primary
        )
        _stop_days(fr, s, e, own)
        e.cite(s.idx, "head", "to_country")
        fr.add(e)


# the next place of one journey, each with its own days: "visited X on May 4 and then Y on May 6", "X
# on Monday, Y on Tuesday and Z on Wednesday"
_NEXT_STOP = re.compile(
    r"(?P<own>[^;.]{0,40}?)(?:(?:\s*,\s*|\s+)(?:and\s+(?:then\s+|later\s+|afterwards\s+|also\s+)?|then\s+)|"
    r"(?P<comma>\s*,\s*))(?=(?:the\s+)?[A-ZÀ-Ỹ])"
)
_STOP_OWN = re.compile(r"[^;.,]{0,40}")


def _next_stops(s: _Sentence, pos: int, code: str) -> list[tuple[str, str, int, str]]:
    """The places of one journey told after the first, each in another country: ``(place, country,
    start, the words that are its own)`` for the first place (its words up to the next) and each next
    one; none when the sentence names one country."""
    stops: list[tuple[str, str, int, str]] = [("", code, pos, "")]
    seen = {code}
    while (nxt := _NEXT_STOP.match(s.text, pos)) is not None:
        place, to_code = place_after(s.text, nxt.end())
        person = any(nxt.end() <= m.start < nxt.end() + len(place) + 1 for m in s.info.mentions)
        if (
            not place
            or to_code is None
            or to_code in seen
            or person
            or (nxt.group("comma") and not _named(place))
        ):
            break
        stops[-1] = (*stops[-1][:3], nxt.group("own"))
        pos = nxt.end() + len(place)
        stops.append((place, to_code, pos, _STOP_OWN.match(s.text, pos).group(0)))
        seen.add(to_code)
    return stops if len(stops) > 1 else []


def _named(place: str) -> bool:
    """Whether a phrase is a place by its name alone (a country or a city, not "Ethiopian media")."""
    hits = place_countries(place)
    return bool(hits) and hits[0].kind in {"name", "city"} and hits[0].end - hits[0].start == len(place)


def _stop_days(fr: _Frames, s: _Sentence, d: Deleg, own: str) -> None:
    """A stop's days: those its own words give ("Y on May 6"), none otherwise."""
    if not own.strip():
        return
    first, last = fr.date_of(s.idx, own, ranges=True)
    when = first or fr.date_of(s.idx, own)[0]
    if when is not None and when.precision == "day":
        d.start, d.end = when, last


def _arrivals(fr: _Frames, s: _Sentence) -> None:
    """An arrival dates the visit: "NAME arrived in Moscow on Sunday for a two-day visit"."""
    text = s.text
    for a in _ARRIVED.finditer(text):
        ms = [x for x in _subject_mentions(s.text, s.info, a.start()) if x.kind != "pronoun"]
        if s.passing or (_delegation_before(text, a.start(), 120) and not _named_after_delegation(text, ms)):
            continue  # a delegation's arrival is read with the delegation
        when = _arrival_day(fr, s, a, ms)
        # "arrived in Hanoi on a state visit": a visit even when the text gives no day
        on_visit = _PURPOSE.search(text[a.end() : a.end() + 90])
        if not ms or (when is None and not on_visit):
            continue
        place, to_code = place_after(text, a.end())
        if when is None and to_code is None:
            continue
        d = Deleg(key="", to_country=to_code, head=_arrival_head(text, ms), place=place, start=when)
        d.end = _last_day(when, text[a.end() :]) if when else None
        d.explicit = True
        d.cite(s.idx, "head", "start")
        fr.add(d)


# a visitor told where he is and what for: "NAME is in Bali to attend the summit", "who is in Lima for
# talks", "NAME was in Oslo on Monday on a two-day visit"
_PRESENT_IN = re.compile(
    r"\b(?:is|are|was|were)\s+(?:currently\s+|now\s+|also\s+|already\s+)?in\s+(?=(?:the\s+)?[A-ZÀ-Ỹ])"
)
_PURPOSE = re.compile(
    _ON_A_VISIT + "|" + _TO_ATTEND + r"|\bfor\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?"
    r"(?:talks|meetings?|consultations|summit|forum|conference|session|dialogue|visit|trip)\b|"
    r"\bto\s+(?:meet|hold\s+talks)\b"
)


def _presences(fr: _Frames, s: _Sentence) -> None:
    """A visitor the sentence places in a country for a purpose: "NAME is in Bali to attend the summit";
    the days only when the sentence gives a range (being there is no day of arrival)."""
    for p in _PRESENT_IN.finditer(s.text):
        found = _goes_for_a_purpose(s, p, _subject_mentions(s.text, s.info, p.start()))
        if found is None:
            continue
        head, place, to_code, before_purpose = found
        if p.group(0).startswith("w") and _another_stay(fr, s, before_purpose):
            continue
        d = Deleg(key="", to_country=to_code, head=head, place=place, explicit=True)
        if s.start and s.end:
            d.start, d.end = s.start, s.end
        d.cite(s.idx, "head", "to_country")
        fr.add(d)


def _goes_for_a_purpose(s: _Sentence, verb: re.Match, ms: list) -> tuple[str, str, str | None, str] | None:
    """``(head, place, country, words before the purpose)`` where the person named just before ``verb``
    (one of ``ms``) is or goes in a well-known place for a purpose told right after it ("to attend",
    "for talks"); None otherwise, or in a sentence told in passing, or of a delegation."""
    text = s.text
    if s.passing or not ms or verb.start() - ms[-1].end > 40 or _delegation_before(text, verb.start()):
        return None
    place, to_code = place_after(text, verb.end())
    tail = text[verb.end() + len(place) : verb.end() + len(place) + 90]
    purpose = _PURPOSE.search(tail)
    if not _well_known(place) or purpose is None or purpose.start() > 30:
        return None
    return ms[-1].person, place, to_code, tail[: purpose.start()]


def _another_stay(fr: _Frames, s: _Sentence, between: str) -> bool:
    """Whether a past stay ("was in Lima ... for talks") is another, earlier one: dated between the place
    and its purpose by no day ("in 2019"), or by nothing while the sentence gives no day."""
    own, _ = fr.date_of(s.idx, between)
    when = own or s.start
    return when is not None and when.precision != "day" or (own is None and not s.start)


# a visitor setting out for a place: "left for X on Sunday for a state visit", "travelled to X for talks"
_JOURNEY = re.compile(
    r"\b(?:(?:travell?ed|traveled|travels|flew|flies|went|head(?:ed|s)|(?:is|was)\s+heading|jetted\s+off)\s+to|"
    r"fl(?:ew|ies)\s+into|"
    r"(?:left|leaves|departed|departs|set\s+off|sets\s+off|set\s+out)\s+for)\s+(?=[A-ZÀ-Ỹ]|the\s+[A-Z])"
)


def _journeys(fr: _Frames, s: _Sentence) -> None:
    """A visitor setting out for a place he visits, told what for: "NAME left for X on Sunday for a two-day
    state visit", "NAME travelled to X on Tuesday for talks"; its day the first of the visit."""
    for j in _JOURNEY.finditer(s.text):
        ms = [x for x in _subject_mentions(s.text, s.info, j.start()) if x.kind != "pronoun"]
        found = _goes_for_a_purpose(s, j, ms)
        if found is None:
            continue
        head, place, to_code, before_purpose = found
        when, _ = fr.date_of(s.idx, before_purpose)
        d = Deleg(key="", to_country=to_code, head=head, place=place, explicit=True)
        d.start = when if when is not None and when.precision == "day" else None
        d.end = (
            _last_day(d.start, s.text[j.end() + len(place) : j.end() + len(place) + 90]) if d.start else None
        )
        d.cite(s.idx, "head", "to_country", "start")
        fr.add(d)


# a journey's next country, told with no purpose: "then travelled to X", "flew on to X", "proceeded to X"
_ONWARD = re.compile(
    r"\b(?:(?:then|later|next|subsequently)\s+(?:travell?(?:ed|s)|flew|flies|went|goes|head(?:ed|s)|mov(?:ed|es)|"
    r"proceed(?:ed|s)|continu(?:ed|es))\s+(?:on\s+)?to|(?:travell?(?:ed|s)|flew|flies|went|goes|head(?:ed|s)|"
    r"mov(?:ed|es)|continu(?:ed|es)|press(?:ed|es))\s+on(?:wards?)?\s+to|proceed(?:ed|s)\s+to)\s+"
    r"(?=[A-ZÀ-Ỹ]|the\s+[A-Z])"
)
# leaving for the next place as a visit ends: "wrapped up his visit to X before heading to Y", "concluded his
# visit and left for Y"
_ENDED_FOR = re.compile(
    r"\b(?:before\s+|and\s+(?:then\s+)?)(?:head(?:ing|ed)|travell?(?:ing|ed)|fl(?:ying|ew)|mov(?:ing|ed)\s+on|"
    r"left|leaving|depart(?:ing|ed))\s+(?:on\s+)?(?:to|for)\s+(?=[A-ZÀ-Ỹ]|the\s+[A-Z])"
)


def _onward(s: _Sentence) -> list[re.Match]:
    """The places a sentence sends its visitor on to: "then travelled to Y", "wrapped up his visit to X
    before heading to Y"."""
    found = list(_ONWARD.finditer(s.text))
    ended = next((v for v in _VISITING.finditer(s.text) if v.group("ended")), None)
    return found + (list(_ENDED_FOR.finditer(s.text, ended.end())) if ended else [])


def _onward_journeys(fr: _Frames, s: _Sentence) -> None:
    """The next stop of a journey: "After X, NAME travelled on to Y", "He then flew to Y on Friday"; a
    visit there by the one named last before the verb, its day the one its own words give."""
    for j in _onward(s):
        ms = _subject_mentions(s.text, s.info, j.start())
        place, to_code = place_after(s.text, j.end())
        if s.passing or not ms or not _well_known(place) or _delegation_before(s.text, j.start()):
            continue
        if to_code and to_code == fr.people.get(ms[-1].person).country:
            continue  # going home
        d = Deleg(key="", to_country=to_code, head=ms[-1].person, place=place, explicit=True)
        _stop_days(fr, s, d, _STOP_OWN.match(s.text, j.end() + len(place)).group(0))
        d.cite(s.idx, "head", "to_country")
        fr.add(d)


# a tour's first stop or a stop on the way: "embarked on a tour of Africa, starting with Ethiopia", "the
# first leg of her Asian tour is in Laos", "made a stop in Singapore"
_STOP = re.compile(
    r"(?:\b(?:tour|trip|swing|journey)\b[^.;]{0,80}?\b(?:starting|beginning|opening)\s+(?:with|in)|"
    r"\b(?:first|opening)\s+(?:stop|leg)\s+(?:(?:of|on)\s+[^.;,]{0,60}?\s+)?(?:in|at|was|is)|"
    r"\b(?:made|makes|making)\s+a\s+(?:brief\s+|short\s+)?(?:stop|stopover)\s+in|\bstopped\s+(?:over\s+)?in)"
    r"\s+(?=[A-ZÀ-Ỹ]|the\s+[A-Z])"
)


def _tour_stops(fr: _Frames, s: _Sentence) -> None:
    """A stop of a tour is a visit there: "NAME embarked on a tour of Africa on Monday, starting with
    Ethiopia", "NAME made a stop in Singapore on Friday"; the sentence's day its first."""
    for m in _STOP.finditer(s.text):
        ms = _mentions_between(s.info, 0, m.end())  # "the first leg of NAME's tour is in X"
        place, to_code = place_after(s.text, m.end())
        if s.passing or not ms or not _well_known(place) or _delegation_before(s.text, m.start()):
            continue
        d = Deleg(key="", to_country=to_code, head=ms[-1].person, place=place, explicit=True)
        if s.start and s.start.precision == "day":
            d.start, d.end = s.start, s.end
        d.cite(s.idx, "head", "to_country", "start")
        fr.add(d)


# talks with a side named by its country alone: "began talks with Kazakh officials", "held meetings with
# senior Iraqi leaders"
_TALKS_WITH_SIDE = re.compile(
    r"\b(?:held|holds|holding|began|begins|opened|had)\s+(?:[\w-]+\s+){0,2}?(?:talks|meetings|consultations)"
    r"\s+with\s+(?:senior\s+|top\s+)?(?P<dem>[A-ZÀ-Ỹ][\w-]+)\s+(?:government\s+)?(?:officials|leaders|authorities)\b"
)


def _talks_with_sides(fr: _Frames, s: _Sentence) -> None:
    """A visitor holding talks with a country's officials, none named, is visiting that country ("NAME began
    talks with Kazakh officials on Thursday"), unless by phone or video."""
    for t in _TALKS_WITH_SIDE.finditer(s.text):
        ms = _subject_mentions(s.text, s.info, t.start())
        code = _country_code(t.group("dem"))
        if s.passing or not ms or t.start() - ms[-1].end > 40 or code is None:
            continue
        if _INVITED.search(s.text, t.start()) or _delegation_before(s.text, t.start()):
            continue
        d = Deleg(key="", to_country=code, head=ms[-1].person, explicit=True)
        d.cite(s.idx, "head", "to_country")
        fr.add(d)


def _well_known(place: str) -> bool:
    """Whether a place is a country's name or a city the gazetteer knows well (a capital, a big city): one
    a visitor's presence there places, where a small town of the same name elsewhere would mislead."""
    hits = find_countries(place)
    return bool(place) and (any(h.kind != "city" for h in hits) or is_city(place))


# a headline's present tense is the day of the report: "NAME arrives in X; to meet Y tomorrow"
_ARRIVES_TODAY = re.compile(r"(?i:arrives)\b(?![^.;]{0,60}\b(?:on|next|this|from)\s)")
_NOT_YET = re.compile(r"\b(?:when|after|before|once|until|as|if|while)\s+(?:[\w'.-]+\s+){0,5}$", re.I)


def _arrival_day(fr: _Frames, s: _Sentence, a: re.Match, ms: list) -> PartialDate | None:
    """The day of the arrival at ``a``: told after the verb ("arrived in X on Friday"), else just before
    it, around its subject ("NAME Thursday arrived here", "Earlier Thursday, NAME arrived in X"), else
    the day of the report for a headline's "NAME arrives in X"."""
    headline = _ARRIVES_TODAY.match(s.text, a.start()) and not _NOT_YET.search(s.text, 0, a.start())
    if s.start is None and headline:
        today, _ = fr.date_of(s.idx, "today")
        return today if today is not None and today.precision == "day" else None
    when, _ = fr.date_of(s.idx, s.text[a.end() : a.end() + 90])
    if when is None and ms and a.start() - ms[-1].end <= 40:
        # the subject's own words only: between it and the verb, or a short opening before it
        opening = 0 if ms[-1].start <= 60 and len(ms) == 1 else ms[-1].end
        when, _ = fr.date_of(s.idx, s.text[opening : a.start()])
    return when if when is not None and when.precision == "day" else None


def _visitors_described(fr: _Frames, s: _Sentence) -> None:
    """A visitor described by his visit, dated or not: "Premier NAME, who was visiting Kenya, met ..."."""
    if s.passing:
        return
    for v in _WHO_VISITING.finditer(s.text):
        ms = [x for x in _subject_mentions(s.text, s.info, v.start()) if x.kind != "pronoun"]
        place, to_code = place_after(s.text, v.end())
        if not ms or to_code is None or any(e.head == ms[-1].person and e.to_country for e in fr.out):
            continue
        d = Deleg(key="", to_country=to_code, head=ms[-1].person, place=place, explicit=True)
        d.cite(s.idx, "head", "to_country")
        fr.add(d)


def _visits_under_way(fr: _Frames, s: _Sentence) -> None:
    """A visit under way, beginning or ending: "NAME is visiting Lyon and Nice on 8-9 March", "NAME ended
    her three-day state visit to Chile on April 11"."""
    for v in _VISITING.finditer(s.text):
        _visit_under_way(fr, s, v)


def _visit_under_way(fr: _Frames, s: _Sentence, v: re.Match) -> None:
    """The frame of the visit under way at ``v``, dated by the day it is on, begins or ends."""
    text, info = s.text, s.info
    ms = [x for x in _subject_mentions(text, info, v.start()) if x.kind != "pronoun"]
    if s.passing or not ms or _DELEGATION.search(text[: v.start()]):
        return  # "The delegation, which includes NAME, is visiting ...": read with the delegation
    first, last = fr.date_of(s.idx, text[v.end() :], ranges=True)
    if first is None:
        first, _ = fr.date_of(s.idx, text[v.end() :])
    if first is None and (v.group("ended") or v.group("began")):
        # "NAME today flew home after concluding a four-day tour", "NAME on May 3 began a visit":
        # the day is the sentence's
        first, _ = fr.date_of(s.idx, text[: v.start()])
    if not (v.group("ended") or v.group("began")):
        _visiting(fr, s, v, ms[-1].person, (first, last))
        return
    if first is None or first.precision != "day":
        return
    # "A departed after concluding his visit": a participle's visitor is the sentence's subject, and
    # "before wrapping up his visit" gives the day of something else
    participle = re.search(r"ing\b", v.group("ended") or "")
    if participle and re.search(r"\bbefore\s+$", text[: v.start()]):
        return
    d = Deleg(key="", head=(ms[0] if participle else ms[-1]).person)
    if v.group("began"):
        # "A called on B as she started a visit": the verb's own subject, a pronoun as resolved
        d.head = _subject_mentions(text, info, v.start())[-1].person
    if v.group("ended"):
        d.end = last or first
        n = _days(text[v.start() :])
        if n and d.end.precision == "day":
            d.start = _shift(d.end, 1 - n)
    else:
        d.start = first
        d.end = last or _last_day(first, text[v.start() :])
    d.explicit = True
    d.cite(s.idx, "head", "start")
    fr.add(d)


def _visiting(fr: _Frames, s: _Sentence, v: re.Match, head: str, days: tuple) -> None:
    """ "NAME is visiting Lyon and Nice on 8-9 March": dated by the day it is on; undated ("is visiting
    Kenya this week") when the place is a country or a city the gazetteer knows well."""
    first, last = days
    place, to_code = place_after(s.text, v.end())
    dated = first is not None and first.precision == "day"
    if not dated and not _well_known(place):
        return
    d = Deleg(key="", head=head, place=place, to_country=to_code, explicit=True)
    d.start, d.end = (first, last) if dated else (None, None)
    d.cite(s.idx, "head", "start")
    fr.add(d)


def _planned_travel(fr: _Frames, s: _Sentence) -> None:
    """Visits told in passing, planned or past: "to lead a X delegation to Y", "hoped to travel to Y";
    not plans given up."""
    text, start, end = s.text, s.start, s.end
    for t in _TRAVEL.finditer(text):
        if not s.passing or _CALLED_OFF.search(text, max(0, t.start() - 40), t.start()):
            continue
        ms = _subject_mentions(s.text, s.info, t.start())
        if not ms:
            continue
        place, to_code = place_after(text, t.end())
        if not place:
            continue
        d = Deleg(key="", to_country=to_code, head=ms[-1].person, place=place, primary=False)
        stops = _next_stops(s, t.end() + len(place), to_code) if to_code else []
        if stops and any(fr.date_of(s.idx, own)[0] for *_, own in stops if own.strip()):
            _stop_days(fr, s, d, stops[0][3])  # "will visit X on May 5 and then Y on May 7"
        elif start and not end:
            d.start = start
            d.end = start if start.precision in {"month", "year"} else None
        elif start:
            d.start, d.end = start, end  # "will visit X from July 9-12"
        d.cite(s.idx, "head", "to_country")
        d.explicit = True
        fr.add(d)
        _later_stops(fr, s, d, stops)


def _visiting_guests(fr: _Frames, s: _Sentence) -> None:
    """A guest called "visiting": "held talks with the visiting Saudi Crown Prince NAME" is on a visit to
    the host's side."""
    if s.passing:
        return
    for men in s.info.mentions:
        if men.kind != "name":
            continue
        guest = _VISITING_GUEST.search(s.text, max(0, men.start - 90), men.start)
        if guest and not any(e.head == men.person for e in fr.out):
            hits = find_countries(guest.group(0))
            d = Deleg(key="", from_country=hits[0].code if hits else None, head=men.person)
            d.explicit = True
            if s.start and s.end:
                # "held talks with the visiting NAME in X from May 3 to 4": the guest was there those days
                d.start, d.end = s.start, s.end
            d.cite(s.idx, "head")
            fr.add(d)


def _own_visits(fr: _Frames, s: _Sentence) -> None:
    """A visit named by its visitor alone, to the other side: "during NAME's visit", "the minister's
    official trip", "NAME's Vietnam trip" (a destination or a "visit of" is read above)."""
    if s.passing:
        return
    for men in s.info.mentions:
        if men.kind == "pronoun" and _DURING_HIS_VISIT.match(s.text, men.start):
            # "NAME signed five agreements during his visit": his, where the dateline or a host places it
            if not any(e.head == men.person for e in fr.out):
                d = Deleg(key="", head=men.person, explicit=True)
                d.cite(s.idx, "head")
                fr.add(d)
            continue
        own = _OWN_VISIT.match(s.text, men.end)
        if own and men.kind in {"name", "short"} and not any(e.head == men.person for e in fr.out):
            # "NAME's Vietnam trip": the place named before the noun
            hits = place_countries(own.group("place").strip()) if own.group("place") else []
            if own.group("place") and not hits:
                continue
            d = Deleg(key="", head=men.person, explicit=True)
            if hits:
                d.to_country, d.place = hits[0].code, own.group("place").strip()
            d.cite(s.idx, "head")
            fr.add(d)


# ---------------------------------------------------------------- the people with a visit's head


_LIST_CLOSED = re.compile(
    r",\s*(?:who|which|whose|where|when|while|before|after|during|at|in|on|for|to|said|says|held|holds|met|"
    r"meets|told|[a-z]+ed)\b"
)


def _accompanying(fr: _Frames, s: _Sentence) -> None:
    """The people with a visit's head are its members: "NAME was accompanied by A, B and C"."""
    text, info = s.text, s.info
    # (the company between commas first: "NAME, who was accompanied by A, arrived ... for talks with B")
    acc = _COMPANY_LIST.search(text) or _ACCOMPANIED.search(text)
    if not acc or s.passing:
        return
    # a company set off by commas ends at its closing comma: "NAME, accompanied by A and B, arrived in X"
    company = acc.re is _COMPANY_LIST
    # a list ends where a clause follows a comma ("accompanied by A, held talks with B", ", who met B")
    closing = _LIST_CLOSED.search(text, acc.end())
    list_start, list_end = (acc.start("list"), acc.end("list")) if company else (acc.end(), len(text))
    list_end = closing.start() if closing and not company else list_end
    # "He is accompanied by ...": the pronoun's person, as the people stage resolves it
    before = _mentions_between(info, 0, acc.start())
    named = [x for x in before if x.kind != "pronoun"]
    subject = before[-1] if before and (before[-1].kind != "pronoun" or not named) else None
    subject = subject or (named[-1] if named else None)
    target = next((e for e in fr.out if subject and e.head == subject.person), None)
    if target is None:
        return
    for men in _mentions_between(info, list_start, list_end):
        if men.kind in {"name", "short"} and men.person not in (target.head, *target.members):
            target.members.append(men.person)
            target.cite(s.idx, "members")
            if target.from_country:
                fr.people.get(men.person).set_country(target.from_country, 2)


def _delegation_members(fr: _Frames, s: _Sentence) -> None:
    """The members a sentence lists for a delegation ("members of the delegation were A and B", "on the
    Chilean side were A and B"), with the country of the side they are on."""
    text = s.text
    mm = _MEMBERS.search(text)
    if not mm:
        return
    side = re.search(r"represented\s+the\s+(\w+)\s+side", text)
    code = _members_country(text, side)
    target = _members_delegation(fr, s, code, _ON_THE_SIDE.search(text))
    if target is None:
        return
    # the list ends where a clause about something else begins (", who recalled the words of X")
    cut = re.search(
        r",?\s+(?:who|which|whose)\b|\b(?:recalled|quoted|said|told|mentioned|citing|"
        r"words\s+of|memory\s+of|met|received)\b",
        text[mm.end() :],
    )
    list_end = mm.end() + cut.start() if cut else len(text)
    for men in s.info.mentions:
        if men.kind not in {"name", "short"}:
            continue
        if side and men.start > mm.start():
            continue
        if men.start >= list_end and not side:
            continue
        if men.person != target.head and men.person not in target.members:
            target.members.append(men.person)
            target.cite(s.idx, "members")
        code_t = target.from_country or (fr.people.get(target.head).country if target.head else None)
        if code_t:
            fr.people.get(men.person).set_country(code_t, 2)


def _members_country(text: str, side: re.Match | None) -> str | None:
    """The country whose members a sentence lists: "represented the Lao side", "the Russian delegation
    included", "on the Chilean side were"."""
    if side:
        hits = find_countries(side.group(1))
        return hits[0].code if hits else None
    dd = re.search(r"\b(?:the\s+)?(\w+)\s+delegation\s+(?:also\s+)?includ", text, re.I)
    dd = dd or _ON_THE_SIDE.search(text)
    if dd:
        hits = find_countries(dd.group(1))
        return hits[0].code if hits else None
    return None


def _members_delegation(
    fr: _Frames, s: _Sentence, code: str | None, on_side: re.Match | None
) -> Deleg | None:
    """The delegation a sentence's members belong to: of one side at a meeting, that side's visit told
    last; else the visit of their country, the first reported one, or a new one of their country."""
    if on_side:
        # of that side's visits (its head's country, before the records settle it), the one told last; no
        # new one ("on the Peruvian side were": hosts, no delegation)
        ours = [
            e
            for e in fr.out
            if e.primary
            and code in {e.from_country, fr.people.get(e.head).country if e.head else None}
            and min(e.sentences, default=s.idx + 1) <= s.idx
        ]
        return max(ours, key=lambda e: max(i for i in e.sentences if i <= s.idx), default=None)
    target = next((e for e in fr.out if code and e.from_country == code and e.primary), None)
    if target is None:
        prim = [e for e in fr.out if e.primary]
        target = prim[0] if prim else None
    if target is None and code:
        # "The Russian delegation included ...": its head is found with the meetings
        target = fr.add(Deleg(key="", from_country=code, explicit=True))
    return target


# ---------------------------------------------------------------- after every sentence


def _lengths(sentences, out: list[Deleg]) -> None:
    """Each visit's missing first or last day from its length; the one length the article gives belongs
    to its one visit ("Lund flies to Peru on Tuesday ... She will see ... during the four-day trip")."""
    lengths = {n for s in sentences if s.kind == "body" and (n := _days(s.text))}
    # (a delegation named without its head, which no later sentence gave, is no other visit)
    main = [d for d in out if d.primary and d.head] or [d for d in out if d.primary] or out
    told = next(iter(lengths)) if len(lengths) == 1 and len(main) == 1 else None
    for d in out:
        _visit_length(d, sentences, told if d is main[0] else None)


_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# leaving for a place: "left for X on Sunday", "leaves Tuesday for X", "will leave for X later in the day";
# going home: "is scheduled to return home on Monday", "flew back to X on Friday"
_LEAVES = re.compile(
    r"\b(?:(?P<leave>leaves|left|leaving|leave|departs|departed|departing|depart)\b(?P<gap>[^.;,]{0,30}?)\s+for\s+"
    r"(?=[A-ZÀ-Ỹ]|the\s+[A-Z])|(?P<back>return(?:s|ed|ing)?|fl(?:y|ies|ew|ying)\s+back|head(?:s|ed)?\s+back)\s+"
    r"(?:home\b|to\s+(?=[A-ZÀ-Ỹ]))"
    # going home, or leaving with a day and no destination: "left Accra for home", "before flying home on
    # May 4", "He left on Wednesday", "left Rome on March 10" (the place left, if named, in ``gone``)
    r"|(?:leaves|left|departs|departed)\s+(?:(?P<from>[A-ZÀ-Ỹ][\w'-]*(?:\s+[A-ZÀ-Ỹ][\w'-]*)?)\s+)?for\s+home\b"
    r"|fl(?:y|ies|ew|ying)\s+home\b"
    rf"|(?P<gone>leaves|left|departs|departed)(?:\s+(?P<place>[A-ZÀ-Ỹ][\w'-]*(?:\s+[A-ZÀ-Ỹ][\w'-]*)?))?"
    rf"(?=\s+(?:on\s+)?(?:{_WEEKDAY}|{MONTH_PATTERN}\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH_PATTERN})\b"
    # (a place set out for, not that of the visit ended: "left X on Sunday at the end of his visit to X")
    r"(?![^.;]{0,40}\b(?:for|(?<!visit\s)(?<!trip\s)(?<!tour\s)(?<!stay\s)to)\s)))"
)
# the day of the sentence before: "He will leave for X later in the evening"
_LATER_THAT_DAY = re.compile(r"\blater\s+(?:in\s+the|that|the\s+same)\s+(?:day|evening|afternoon|night)\b")


def _departures(sentences, people, out: list[Deleg], date_of) -> None:
    """A visit's first or last day from its visitor's leaving: for a place of the country he visits, the
    first ("had left for New Delhi on Sunday"); for another place or home, the last of the visit he is on
    ("leaves Tuesday for Mongolia", "is scheduled to return home on Monday")."""
    for idx, s in enumerate(sentences):
        if s.kind != "body":
            continue
        for lv in _LEAVES.finditer(s.text):
            ms = _subject_mentions(s.text, people.info[idx], lv.start())
            when = _departure_day(sentences, idx, lv, date_of)
            if ms and when is not None:
                _departure(out, ms[-1].person, lv, s.text, when, idx)


def _departure_day(sentences, idx: int, lv: re.Match, date_of) -> PartialDate | None:
    """The day of the leaving at ``lv``: told with the verb, or the day of the sentence before ("later in
    the evening"); a weekday of a leaving still to come ("will leave") is not past (one told in the present,
    "leaves Tuesday", the dates stage reads as to come)."""
    text = sentences[idx].text
    told = text[lv.start() : lv.end() + 60]
    when, _ = date_of(idx, told)
    if when is None and idx > 0 and _LATER_THAT_DAY.search(text, lv.end()):
        told = sentences[idx - 1].text
        when, _ = date_of(idx - 1, told)
    if when is None or when.precision != "day":
        return None
    today, _ = date_of(idx, "today")
    coming = _WILL.search(text, 0, lv.start())
    if coming and today and today.as_date() > when.as_date():
        # a weekday read as the last one: the next one; any other day already past is misread
        nxt = _shift(when, 7)
        weekday = any(d.weekday is not None for d in find_dates(told))
        return nxt if weekday and nxt.as_date() >= today.as_date() else None
    return when


# the dates stage's words of the future, just before the verb ("will leave", "is due to return")
_WILL = re.compile(rf"(?:{FUTURE_TENSE.pattern})\s+(?:\w+\s+)?$", re.I)


def _departure(out: list[Deleg], head: str, lv: re.Match, text: str, when: PartialDate, idx: int) -> None:
    """The visit of ``head`` that the leaving at ``lv`` on ``when`` begins or ends."""
    code = place_after(text, lv.end())[1] if lv.group("leave") or lv.group("back") else None
    code = None if lv.group(0).endswith("home") else code
    visits = [d for d in out if d.head == head and d.to_country and d.primary]
    left = place_countries(lv.group("place") or lv.group("from") or "")
    if left and left[0].code not in {d.to_country for d in visits}:
        return  # "left Oslo on Monday": setting out from home, or from another country
    going = next((d for d in visits if lv.group("leave") and code and d.to_country == code), None)
    if going is not None:
        if going.start is None and (going.end is None or going.end.as_date() >= when.as_date()):
            going.start = when
            going.cite(idx, "start")
        return
    staying = [d for d in visits if d.to_country != code]
    if len(staying) != 1 or staying[0].end is not None:
        return
    d = staying[0]
    if d.start is None or d.start.as_date() <= when.as_date():
        d.end = when
        d.cite(idx, "end")
