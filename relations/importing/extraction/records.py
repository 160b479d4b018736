"""Stage 5, records: the event frames of the text become delegations, meetings and agreements.

The frame detectors (``delegations``, ``meetings``, ``agreements``: who visited, received, met, called,
signed, where and when) each read the sentences; this stage joins their frames into records: one visit
per head, a meeting with two sides at least, the visit a meeting belongs to, people's countries from
the events they take part in, and the dates of meetings settled against the article's date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..proposals import PartialDate
from . import agreements as agreements_mod
from . import delegations as delegations_mod
from . import meetings as meetings_mod
from .countries import country_by_name, find_countries
from .mentions import Mentions
from .names import shape_country
from .people import People
from .places import find_cities

_OWNER = re.compile(r"['\u2019]s\b")
# the words of a journey: a delegation named without them, where its own country's dateline stands, is at home
_TRAVEL = re.compile(
    r"\b(?:visit\w*|trip|tour\w*|arriv\w*|travel\w*|journey|came|come|landed|welcom\w*|attend\w*)\b", re.I
)
_SUMMIT = re.compile(r"\bsummit\b|\bsidelines\b", re.I)
# an envoy presenting credentials takes up a post in the host country: no visit
_CREDENTIALS = re.compile(r"\bcredentials\b|\bletters?\s+of\s+credence\b", re.I)


@dataclass(slots=True)
class Records:
    """The records of one article, before linking: frames joined, not yet proposals."""

    delegations: list[delegations_mod.Deleg] = field(default_factory=list)
    meetings: list[meetings_mod.Meet] = field(default_factory=list)
    agreements: list[agreements_mod.Agr] = field(default_factory=list)
    home: str | None = None  # the side the text leaves unmarked
    pair: list[str] = field(default_factory=list)  # the two countries most named


@dataclass(slots=True)
class _Context:
    """What every step of assembling reads: the article's sentences, its people, the countries and dates
    it names, and the national agency whose copy leaves its own side unmarked (once people are placed)."""

    sentences: list
    people: People
    mentions: Mentions
    outlet: str | None = None

    def country_of(self, key: str) -> str | None:
        """The country of the person ``key`` as it stands now."""
        return self.people.get(key).country


def assemble(art, people: People, orgs, mentions: Mentions) -> Records:
    """Delegations, meetings and agreements from the event frames of ``art``'s sentences."""
    ctx = _Context(art.sentences, people, mentions)
    dates = mentions.dates
    delegs = delegations_mod.detect(ctx.sentences, people, orgs, dates.date_of)

    # countries of people: title (3), context (2), then name shape (1)
    _countries_from_name_shapes(people, mentions.mentioned)
    _countries_of_heads(people, delegs, mentions.other)
    _countries_of_counterparts(people, mentions.other)
    meets = meetings_mod.detect(ctx.sentences, people, dates.date_of, ctx.country_of)
    ctx.outlet = _unmarked_outlet(people, mentions.outlet_code)
    _countries_at_meetings(meets, ctx)

    # where meetings take place, and the visits they belong to (meeting key -> delegation key)
    meeting_deleg: dict[str, str] = {}
    order = sorted(people.persons, key=lambda p: p.first)
    _place_meetings(meets, delegs, meeting_deleg, ctx)
    meets = _each_host(meets, meeting_deleg, ctx.country_of)
    for d in delegs:
        if d.head is None and d.from_country:
            _choose_head(d, meets, order)
    for m in meets:
        _bring_heads(m, delegs)
        visitors = _visitors(m, ctx)
        if visitors:
            _join_visit(m, visitors, delegs, meeting_deleg, ctx)

    # the rest of the people's countries
    _countries_of_hosts(meets, delegs, people, mentions.other)
    _countries_of_companions(delegs, people)
    _greetings_senders(ctx.sentences, people)
    _unmarked_people(people, mentions, delegs, ctx)

    # the records: whole visits, one per head and destination; meetings of two sides
    delegs = _complete_visits(delegs, meets, order, ctx)
    delegs = _one_visit_per_head(delegs)
    valid_keys = {d.key for d in delegs}
    meets = _two_sided_meetings(meets, people)

    # the article's date and the meetings' dates
    _date_meetings(meets, ctx)
    _visits_in_passing(delegs, dates.main)

    agrs = agreements_mod.detect(ctx.sentences, people, dates.date_of)
    for m in meets:
        m.delegation_key = meeting_deleg.get(m.key) if meeting_deleg.get(m.key) in valid_keys else None
    _days_of_talks(delegs, meets, ctx.sentences, dates)
    home = _home(people, mentions.pair, mentions.other, mentions.dateline_code, delegs, ctx.outlet)
    return Records(delegs, meets, agrs, home, list(mentions.pair))


def _countries_from_name_shapes(people: People, mentioned: set[str]) -> None:
    """A person the text gives no country: the country his name's shape suggests, if the text names it."""
    for p in people.persons:
        if p.country is None:
            for f in p.forms:
                code = shape_country(f)
                if code and code in mentioned:
                    p.set_country(code, 1)
                    break


def _countries_of_heads(people: People, delegs, other) -> None:
    """A delegation's head belongs to the delegation's country; its destination is not his (nor, when he
    travels to several countries, is the other side of the article's pair his)."""
    destinations: dict[str, set[str]] = {}
    for d in delegs:
        if d.head and d.to_country:
            destinations.setdefault(d.head, set()).add(d.to_country)
    for d in delegs:
        if d.head:
            head = people.get(d.head)
            if d.from_country:
                head.set_country(d.from_country, 2)
            elif len(destinations.get(d.head, ())) > 1:
                continue
            elif head.country_strength <= 1 and d.to_country and head.country == d.to_country:
                head.country, head.country_strength = other(d.to_country), 1
            elif head.country is None and d.to_country:
                head.set_country(other(d.to_country), 1)


def _countries_of_counterparts(people: People, other) -> None:
    """ "A of X ... and his counterpart B": B is of the other side."""
    for p in people.persons:
        q = people.get(p.counterpart_of) if p.counterpart_of else None
        if q is not None and q.country_strength >= 2:
            p.set_country(other(q.country), 2)


def _countries_at_meetings(meets, ctx: _Context) -> None:
    """A person of unknown country who met someone of one side: the other side, or the country the meeting
    takes place in when that is neither ("ISLAMABAD: the Chinese and Saudi ministers called on NAME"), or
    the national agency's own."""
    for m in meets:
        if m.one_side:
            continue
        known = [ctx.country_of(k) for k in m.participants if ctx.country_of(k)]
        here = m.place_country or (ctx.mentions.dateline_code if not m.remote else None)
        for k in m.participants:
            p = ctx.people.get(k)
            if p.country is None and known:
                guess = ctx.mentions.other(known[0]) if len(set(known)) == 1 else None
                if here and here not in known:
                    guess = here
                if ctx.outlet and ctx.outlet not in known:
                    guess = ctx.outlet  # a national agency's copy leaves its own side unmarked
                if guess:
                    p.set_country(guess, 1)


def _delegation_for(delegs: list, code: str, to: str | None) -> delegations_mod.Deleg:
    """The main visit from ``code`` (to ``to``, or anywhere when it is None), added when there is none."""
    for d in delegs:
        if d.from_country == code and d.primary and (to is None or d.to_country in {None, to}):
            return d
    d = delegations_mod.Deleg(key=f"del{len(delegs) + 1}", from_country=code, to_country=to)
    delegs.append(d)
    return d


def _place_meetings(meets, delegs: list, meeting_deleg: dict[str, str], ctx: _Context) -> None:
    """Each meeting's country; a delegation it names without its head ("met with a delegation of
    Vietnam") is a visit there, the meeting's own."""
    for m in meets:
        loc = _meeting_country(m, meets, delegs, ctx)
        m.place_country = loc
        for code in m.delegation_refs:
            d = _delegation_for(delegs, code, loc if loc != code else None)
            meeting_deleg[m.key] = d.key
            if d.to_country is None and loc and loc != code:
                d.to_country = loc
            d.sentences.setdefault(min(m.sentences), set()).add("from_country")


def _meeting_country(m, meets, delegs, ctx: _Context) -> str | None:
    """Where a meeting takes place: its own place or host, a visit it belongs to, a meeting of the same
    day, a city it names, the dateline (unless at a summit), else the article's main visit."""
    if m.remote:
        return None  # a phone call or video talks happen in no one country
    loc = m.place_country or (ctx.mentions.dateline_code if m.here else None)
    loc = loc or _host_country(m, ctx.sentences, ctx.people)
    if loc is None:
        loc = _visit_destination(m, delegs, ctx.mentions.other)
    if loc is None:
        same_day = _same_day_meeting(m, meets)
        if same_day is not None:
            m.place = m.place or same_day.place
            loc = same_day.place_country
    if loc is None:
        loc = _city_country(m, ctx.sentences, ctx.people)
    if loc is None and (not _at_summit(m, ctx.sentences) or _reported_from_third(m, ctx)):
        loc = ctx.mentions.dateline_code
    if loc is None:
        prim = [d for d in delegs if d.primary and d.to_country]
        loc = prim[0].to_country if prim else None
    return loc


def _visit_destination(m, delegs, other) -> str | None:
    """The destination of a visit whose head or members take part in a meeting; else the other side for
    a guest whose visit names no place ("the visiting Saudi Crown Prince")."""
    for d in delegs:
        if d.to_country and (d.head in m.participants or set(d.members) & set(m.participants)):
            return d.to_country
    for d in delegs:
        guest_of = other(d.from_country) if d.to_country is None else None
        if d.head in m.participants and guest_of:
            return guest_of
    return None


def _same_day_meeting(m, meets):
    """ "The same day, A also met B": A's other meeting that day, placed by its own words."""
    return next(
        (
            e
            for e in meets
            if e is not m
            and e.place
            and e.place_country
            and not e.remote
            and m.date
            and m.date.precision == "day"
            and e.date == m.date
            and set(e.participants) & set(m.participants)
        ),
        None,
    )


def _bring_heads(m, delegs: list) -> None:
    """The heads a meeting stands for take part in it: of each delegation it names, and for a meeting
    with "the guests" the head of the main visit to its country."""
    loc = m.place_country
    for code in m.delegation_refs:
        d = _delegation_for(delegs, code, None)
        if d.head and d.head not in m.participants:
            m.participants.append(d.head)
    if m.guests:
        for d in delegs:
            if d.primary and d.head and (loc is None or d.to_country == loc):
                if d.head not in m.participants:
                    m.participants.append(d.head)
                break


def _visitors(m, ctx: _Context) -> list[str]:
    """Those who travelled to a meeting held in a country: those of another country than its, not an
    ambassador or consul posted there (who lives there); none at a call or a presentation of credentials."""
    loc = m.place_country
    countries_here = {ctx.country_of(k) for k in m.participants}
    credentials = any(_CREDENTIALS.search(ctx.sentences[i].text) for i in m.sentences)
    # "A and B will see their Chilean counterparts in Santiago": those named travelled there
    abroad = m.one_side and loc not in countries_here
    if not (loc and (loc in countries_here or abroad) and not m.remote and not credentials):
        return []
    # abroad, those of no known country travel with the others named ("A and Minister B will meet")
    return [
        k
        for k in m.participants
        if (ctx.country_of(k) or abroad)
        and ctx.country_of(k) != loc
        and not resident_envoy(ctx.people.get(k).titles)
    ]


def _join_visit(m, visitors: list[str], delegs: list, meeting_deleg: dict[str, str], ctx: _Context) -> None:
    """The visitors of a meeting are on a visit to its country: their head's (or their country's main one),
    made the one the article reports when the meeting is current; the meeting belongs to it."""
    loc = m.place_country
    vc = next(ctx.country_of(k) for k in visitors if ctx.country_of(k))
    heads = [d.head for d in delegs if d.head in visitors]
    head = heads[0] if heads else visitors[0]
    d = _visit_of(delegs, head, vc, loc)
    if not d.primary and not m.earlier:
        # a current meeting on a visit: the head's earlier trip mentioned in passing gives way
        d.primary = True
        if d.start and m.date and (d.start.year, d.start.month) != (m.date.year, m.date.month):
            d.start = d.end = None
    d.from_country = d.from_country or vc
    d.to_country = d.to_country or loc
    if d.head is None:
        d.head = head
    for k in visitors:
        # guests of another country at the same meeting came on their own visits
        if k != d.head and k not in d.members and ctx.country_of(k) in {None, d.from_country}:
            d.members.append(k)
    d.sentences.setdefault(min(m.sentences), set()).update({"head", "to_country"})
    meeting_deleg[m.key] = d.key


def _visit_of(delegs: list, head: str, code: str, loc: str) -> delegations_mod.Deleg:
    """The visit to ``loc`` (or to no stated place) that ``head`` leads or that is ``code``'s main one;
    a new one when there is none."""
    for e in delegs:
        if e.to_country in {None, loc} and (e.head == head or (e.from_country == code and e.primary)):
            return e
    d = delegations_mod.Deleg(key=f"del{len(delegs) + 1}", from_country=code, to_country=loc, head=head)
    delegs.append(d)
    return d


def _countries_of_hosts(meets, delegs, people: People, other) -> None:
    """Someone of unknown country at a meeting, not a visitor: of the host country; but at a meeting of two
    whose host is already there, he is its guest, of the other side of the article's pair (a third may be
    the spokesman who tells of it: "A received B, spokesman C said")."""
    visiting = {k for d in delegs for k in [d.head, *d.members] if k}
    for m in meets:
        if m.one_side or not m.place_country:
            continue
        for k in m.participants:
            p = people.get(k)
            hosted = m.place_country in {people.get(x).country for x in m.participants if x != k}
            if p.country is None and k not in visiting:
                two = len(m.participants) == 2
                p.set_country(other(m.place_country) if hosted and two else m.place_country, 1)


def _countries_of_companions(delegs, people: People) -> None:
    """Those who accompany a visitor travel with his delegation: "NAME was accompanied by Minister X"; of
    the head's country when the text names the delegation's by him alone ("Indian Minister NAME,
    accompanied by A and B, arrived in X")."""
    for d in delegs:
        head = people.get(d.head) if d.head else None
        code = d.from_country or (head.country if head and head.country_strength >= 2 else None)
        for k in d.members:
            people.get(k).set_country(code, 2)


def _complete_visits(delegs: list, meets, order, ctx: _Context) -> list:
    """Each visit's head, country and destination filled in; only whole visits abroad are kept (not the
    hosts' own side told at home)."""
    at_home: set[int] = set()
    for d in delegs:
        if d.head is None and d.from_country:
            _choose_head(d, meets, order)
        if d.from_country is None and d.head:
            d.from_country = ctx.country_of(d.head)
        if _told_at_home(d, ctx):
            at_home.add(id(d))
        if d.to_country is None and d.from_country:
            d.to_country = ctx.mentions.other(d.from_country)
        if d.to_country is None and d.place:
            hits = find_countries(d.place)
            d.to_country = hits[0].code if hits else None
    return [
        d
        for d in delegs
        if d.head
        and d.from_country
        and d.to_country
        and d.from_country != d.to_country
        and id(d) not in at_home
    ]


def _told_at_home(d, ctx: _Context) -> bool:
    """A main delegation going nowhere named, of the dateline's country, told with no word of a journey:
    the hosts' side ("LIMA: ... At the talks, a host-party delegation headed by A reviewed ...")."""
    sentences = ctx.sentences
    return bool(
        d.primary
        and not d.to_country
        and d.from_country
        and d.from_country == ctx.mentions.dateline_code
        and not d.place
        and not any(_TRAVEL.search(sentences[i].text) for i in d.sentences if 0 <= i < len(sentences))
    )


def _one_visit_per_head(delegs: list) -> list:
    """One visit per head and destination: later ones merge into the first, the one the article reports
    winning over an earlier one mentioned in passing."""
    seen: dict[tuple[str, str], delegations_mod.Deleg] = {}
    kept = []
    for d in delegs:
        if (d.head, d.to_country) in seen:
            e = seen[d.head, d.to_country]
            if d.primary and not e.primary:
                # the visit the article reports wins over an earlier one mentioned in passing
                e.primary, e.start, e.end = True, d.start, d.end
            elif d.primary or not e.primary:
                e.start, e.end = e.start or d.start, e.end or d.end
            e.members.extend(k for k in d.members if k not in e.members and k != e.head)
            for k, v in d.sentences.items():
                e.sentences.setdefault(k, set()).update(v)
            continue
        seen[d.head, d.to_country] = d
        kept.append(d)
    return kept


def _two_sided_meetings(meets, people: People) -> list:
    """The meetings kept: two sides at least, each set of participants once per occasion."""
    final_meets = []
    for m in meets:
        parts = list(dict.fromkeys(m.participants))
        if len(parts) < 2:
            continue
        codes = {people.get(k).country for k in parts}
        guessed = all(people.get(k).country_strength <= 1 for k in parts)
        if len(codes) == 1 and None not in codes and not m.one_side and not m.two_sides and not guessed:
            # one side alone, unless it meets "their counterparts" the text does not name; when no one's
            # country is stated, the guess that puts them on one side is what is doubtful, not the meeting
            continue
        m.participants = parts
        if any(
            set(parts) == set(e.participants) and not meetings_mod.other_occasion(e, m) for e in final_meets
        ):
            continue
        final_meets.append(m)
    return final_meets


def _date_meetings(meets, ctx: _Context) -> None:
    """The article's date and the meetings' dates: a meeting still undated took place on the article's
    day (in its month when told as earlier)."""
    dates = ctx.mentions.dates
    _day_told_apart(meets, ctx.sentences, ctx.people, dates)
    dates.settle(meets)
    for m in meets:
        if m.date is None and dates.main is not None:
            m.date = dates.main_month() if m.earlier else dates.main


def _visits_in_passing(delegs, main: PartialDate | None) -> None:
    """A visit dated to a month before the article's own was mentioned in passing: not the one reported."""
    for d in delegs:
        h = d.hint
        if d.primary and h and main and main.month and (h.year, h.month or 12) < (main.year, main.month):
            d.primary = False
            d.start = d.start or h
            d.end = d.end or (h if h.precision in {"month", "year"} else None)


def _days_of_talks(delegs, meets, sentences, dates) -> None:
    """An undated visit's days from the talks it came for, when their sentence gives them as a span
    ("A held talks with B in X from May 3 to 4"): the visitor was there from the first to the last."""
    for d in delegs:
        if d.start or d.end:
            continue
        for m in meets:
            if m.delegation_key != d.key or m.date is None or m.date.precision != "day":
                continue
            for idx in sorted(m.sentences):
                first, last = dates.date_of(idx, sentences[idx].text, ranges=True)
                if _within(m.date, first, last):
                    d.start, d.end = first, last
                    d.cite(idx, "start")
                    break
            if d.start:
                break


def _within(day: PartialDate, first: PartialDate | None, last: PartialDate | None) -> bool:
    """Whether ``day`` lies in the span of days from ``first`` to ``last``."""
    if first is None or last is None or first.precision != "day" or last.precision != "day":
        return False
    return first.as_date() <= day.as_date() <= last.as_date()


_BEFORE_NOW = re.compile(
    r"\b(?:last|previous|earlier|ago|former|formerly|once|recalled|since|first\s+met|had\s+(?:met|held|visited))\b",
    re.I,
)


# a sentence that adds another event of the day: "On Monday, the guests also toured ..."
_FURTHER = re.compile(r"\b(?:also|then|later|afterwards|next)\b", re.I)


def _day_told_apart(meets, sentences, people, dates, reach: int = 3) -> None:
    """The day of a meeting its own sentence leaves undated, from a nearby sentence that names two of its
    participants with a day ("A held a call with B ... A and B spoke for an hour on Tuesday"): the nearest
    such sentence within ``reach``, unless it tells of an earlier occasion."""
    for m in meets:
        if m.date is not None or m.earlier or len(m.participants) < 2 or not m.sentences:
            continue
        own = sorted(m.sentences)
        near = sorted(
            (
                i
                for i in range(own[0] - reach, own[-1] + reach + 1)
                if 0 <= i < len(sentences) and i not in own
            ),
            key=lambda i: min(abs(i - j) for j in own),
        )
        for i in near:
            s = sentences[i]
            if s.kind != "body" or _BEFORE_NOW.search(s.text) or _FURTHER.search(s.text):
                continue
            named = {x.person for x in people.info[i].mentions if x.kind in {"name", "short"}}
            if len(named & set(m.participants)) < 2:
                continue
            day, _ = dates.date_of(i, s.text)
            if day is not None and day.precision == "day":
                m.date = day
                m.cite(i, "date")
                break


def _unmarked_people(people: People, mentions: Mentions, delegs, ctx: _Context) -> None:
    """People the text gives no country: news copy marks the foreign side ("the visiting Chinese Vice
    Premier") and leaves its own side unmarked, so the unmarked belong to the side nobody marked; when
    both sides are marked, to the country where the events take place. One the text names as a visitor
    ("NAME visited", "a visit from NAME") comes from the other side of the pair."""
    home = _home(people, mentions.pair, mentions.other, mentions.dateline_code, delegs, ctx.outlet)
    if home is None:
        return
    for p in people.persons:
        if p.country is None and p.active and not p.history:
            visitor = mentions.other(home) and _named_as_visitor(p, ctx.sentences, people)
            p.set_country(mentions.other(home) if visitor else home, 1)


# "NAME visited (Hanoi) in 2012", "NAME, then Prime Minister, visited": the name is the visit's subject
_VISITED_AFTER = re.compile(
    r"\s*(?:,[^,.;]{1,60},\s*)?(?:(?:also|last|first|later|once|had|has)\s+)*visited\b"
)
# "received a visit from President NAME", "the visit by NAME"
_VISIT_BEFORE = re.compile(r"\bvisits?\s+(?:from|by)\s+(?:the\s+)?$")


def _named_as_visitor(p, sentences, people: People) -> bool:
    """The text names ``p`` as the subject of "visited" or after "a visit from"/"by"."""
    for idx in sorted(p.sentences):
        text = sentences[idx].text
        for men in people.info[idx].mentions:
            if men.person != p.key or men.kind not in {"name", "short"}:
                continue
            before = text[: men.start].rstrip()
            if men.title and before.endswith(men.title):
                before = before[: -len(men.title)]
            if _VISITED_AFTER.match(text, men.end) or _VISIT_BEFORE.search(before + " " if before else ""):
                return True
    return False


# "A conveyed the greetings of B", "A delivered a message from B", "A conveyed B's warm regards"
_CONVEYED = re.compile(
    r"\b(?:convey|deliver|extend|pass(?:ed|es|ing)?\s+on|br(?:ought|ing|ings|inging))\w*\s+"
    r"(?:(?:the|a|his|her|their|warm|warmest|best|cordial|sincere|personal|special|kind)\s+)*"
)
_SENT = r"(?:greetings|regards|wishes|message|letter)"
_SENT_OF = re.compile(_SENT + r"\s+(?:of|from)\s+(?:\w+\s+){0,4}?$")


def _greetings_senders(sentences, people: People) -> None:
    """One who conveys the greetings or a message of another speaks for his own side: the sender named
    ("A conveyed the greetings of B", "A delivered a message from B", "A conveyed B's regards") is of A's
    country, unless the text states B's."""
    for i, s in enumerate(sentences):
        mentions = people.info[i].mentions
        for verb in _CONVEYED.finditer(s.text):
            before = [x for x in mentions if x.end <= verb.start()]
            after = [x for x in mentions if x.kind in {"name", "short"} and x.start >= verb.end()]
            if not before or not after or after[0].start - verb.end() > 80:
                continue
            between = s.text[verb.end() : after[0].start]
            owner = re.match(r"['\u2019]s\s+(?:\w+\s+){0,2}?" + _SENT, s.text[after[0].end :])
            if not (_SENT_OF.match(between) or (owner and re.fullmatch(r"(?:\w+\s+){0,4}", between))):
                continue
            sender, bearer = people.get(after[0].person), people.get(before[-1].person)
            if bearer is not sender and bearer.country_strength >= 2 and sender.country_strength <= 1:
                sender.set_country(bearer.country, 2)


def _unmarked_outlet(people: People, outlet: str | None) -> str | None:
    """The national agency's country when its copy marks none of its own people ("Foreign Minister NAME");
    where it marks them ("Chinese Premier NAME"), the unmarked are the other side."""
    marked = {p.country for p in people.persons if p.country and p.country_strength >= 2}
    return outlet if outlet and outlet not in marked else None


def _home(
    people: People, pair: list[str], other, dateline_code: str | None, delegs, outlet: str | None = None
) -> str | None:
    """The side the text leaves unmarked: its own, the country of the national agency it credits."""
    if outlet:
        return outlet
    if not pair:
        return None
    marked = {p.country for p in people.persons if p.country and p.country_strength >= 2}
    sides = [c for c in pair if c in marked]
    if len(pair) == 1:
        home = pair[0] if not sides else dateline_code if dateline_code not in sides else None
    elif len(sides) == 1:
        home = other(sides[0])
    elif dateline_code in pair:
        home = dateline_code
    else:
        hosts = [d.to_country for d in delegs if d.primary and d.to_country in pair]
        home = hosts[0] if hosts else pair[0]
    return home


def _at_summit(m, sentences) -> bool:
    """A meeting told as held at a summit ("on the sidelines of the summit"): it takes place where the
    summit's host holds it, not at the dateline."""
    return any(_SUMMIT.search(sentences[i].text) for i in m.sentences if 0 <= i < len(sentences))


def _reported_from_third(m, ctx: _Context) -> bool:
    """Whether a meeting at a summit is reported from a country none of its sides is of (the reporter
    is at the summit, "NEW YORK: A met B on the sidelines of the General Assembly"), naming no city of that
    country."""
    code = ctx.mentions.dateline_code
    countries = [ctx.country_of(k) for k in m.participants]
    if not code or None in countries or code in countries:
        return False
    # a city of that country the text names may be the summit's own ("the summit ended in Danang")
    return not any(c.city.code == code for s in ctx.sentences for c in find_cities(s.text))


def _city_country(m, sentences, people) -> str | None:
    """The country of the first city a meeting's first sentence names ("their meeting on May 3 in Moscow"),
    not a city inside a name or one's government ("Pyongyang's new inquiry"); a later sentence joined to
    the meeting may speak of another event ("... to be held in X next month")."""
    if not m.sentences:
        return None
    i = min(m.sentences)
    text, mentions = sentences[i].text, people.info[i].mentions
    for c in find_cities(text):
        in_name = any(x.start <= c.start < x.end and x.kind in {"name", "short"} for x in mentions)
        # "the Sultan of Brunei": a country's name, though a city goes by it too, is a title's
        if not in_name and not _OWNER.match(text, c.end) and not country_by_name(c.text):
            return c.city.code
    return None


# who hosts: "A received B", "B called on A", "B was received by A"
_RECEIVED = re.compile(r"\b(?:received|receives|welcomed|welcomes|hosted|hosts|greeted|greets)\b")
_CALLED_ON = re.compile(
    r"\b(?:called|calls|paid|pays|made)\s+(?:an?\s+)?(?:(?:courtesy|farewell)\s+(?:call|visit)s?\s+)?on\b"
)
_JOURNEY = re.compile(r"\b(?:visit|visiting|trip|tour|stay|arriv\w*)\b", re.I)


def _host_country(m, sentences, people) -> str | None:
    """The country of the one who hosts a meeting one of its sentences tells as a reception or a call ("A
    received B", "B was received by A", "B paid a courtesy call on A"), when that sentence speaks of no
    journey (a visitor receives people where he travels)."""
    for i in sorted(m.sentences):
        text = sentences[i].text
        if _JOURNEY.search(text):
            continue
        mentions = [x for x in people.info[i].mentions if x.person in m.participants]
        for verb in (*_RECEIVED.finditer(text), *_CALLED_ON.finditer(text)):
            before = [x for x in mentions if x.end <= verb.start()]
            after = [x for x in mentions if x.start >= verb.end()]
            if not before or not after:
                continue
            between = text[verb.end() : after[0].start]
            if len(between) > 60 or re.search(
                r"\b(?:from|was|were|is|are|ambassador|consul|envoy)\b", between, re.I
            ):
                continue  # "the pledge he received from A", "the last leader he received was A", an envoy
            first, second = before[-1].person, after[0].person
            # "B was on Monday formally received by A"
            passive = re.search(r"\b(?:was|were|is|are|being|been)\b", text[before[-1].end : verb.start()])
            host = first if (verb.re is _RECEIVED) != bool(passive) else second
            guest = second if host == first else first
            codes = people.get(host).country, people.get(guest).country
            if None not in codes and codes[0] != codes[1]:
                return codes[0]
    return None


def resident_envoy(titles: list[str]) -> bool:
    return any(
        re.search(r"\b(?:ambassador|consul|charg[eé]|envoy|representative)\b", t, re.I) for t in titles
    )


def _each_host(meets, meeting_deleg: dict[str, str], country_of) -> list:
    """A visitor who met several of his hosts in their country in one frame ("During the visit, A met
    President B and Prime Minister C") met each of them: one meeting a host (one named by a party's or a
    body's title alone stands with the others named: "met Speaker B and C, president of the D Party").
    Those of one side who meet a guest at home together ("the Prime Minister met the visiting ministers A
    and B") stay one meeting."""
    out = []
    for m in meets:
        # a host whose country the text does not say is of the country they met in, when another is
        codes = {country_of(k) for k in m.hosts} - {None} or {None}
        guest = [k for k in m.participants if k not in m.hosts]
        if (
            len(m.hosts) < 2
            or len(guest) != 1
            or codes != {m.place_country}
            or country_of(guest[0]) in codes
            or m.remote
        ):
            out.append(m)
            continue
        for i, host in enumerate(m.hosts):
            each = replace(
                m,
                key=f"{m.key}-{i + 1}",
                participants=[guest[0], host],
                sentences={k: set(v) for k, v in m.sentences.items()},
                delegation_refs=list(m.delegation_refs),
                hosts=[],
            )
            if m.key in meeting_deleg:
                meeting_deleg[each.key] = meeting_deleg[m.key]
            out.append(each)
    return out


def _choose_head(d, meets, order) -> None:
    """A headless visit's head: the first active person of its side, preferring one who meets nowhere else."""
    elsewhere = {
        k
        for m in meets
        if m.place_country and d.to_country and m.place_country != d.to_country
        for k in m.participants
    }
    cands = [
        p
        for p in order
        if p.country == d.from_country and p.active and not p.history and p.key not in d.members
    ]
    pref = [p for p in cands if p.key not in elsewhere] or cands
    if pref:
        d.head = pref[0].key
        d.members = [k for k in d.members if k != d.head]
