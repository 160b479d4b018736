"""Extract officials, organisations, delegations, meetings and agreements from one article's text.

Pure: standard library only, no database, no network. ``extract(text)`` returns a
:class:`relations.importing.proposals.Extraction` whose records cite the sentences they came from.
"""

from __future__ import annotations

import re
from collections import Counter

from ..proposals import (
    FLAG_COUNTRY_GUESSED,
    FLAG_IN_PASSING,
    AgreementProposal,
    DelegationProposal,
    Evidence,
    Extraction,
    MeetingProposal,
    OfficialProposal,
    OrganizationProposal,
)
from . import agreements as agreements_mod
from . import delegations as delegations_mod
from . import linking
from . import meetings as meetings_mod
from .articledate import DateContext
from .countries import country_by_name, find_countries, place_countries
from .document import build
from .names import shape_country
from .organizations import OrgRegistry, org_country
from .people import People

__all__ = ["extract"]


def _evidence(sentences, cited: dict[int, set[str]]) -> list[Evidence]:
    out = []
    for idx in sorted(cited):
        if 0 <= idx < len(sentences):
            s = sentences[idx]
            out.append(Evidence(s.start, s.end, tuple(sorted(cited[idx]))))
    return out


def extract(text: str) -> Extraction:
    """Everything the article says about official contacts, as proposals for the editors."""
    art = build(text)
    sentences = art.sentences
    orgs = OrgRegistry()
    people = People(sentences, orgs)

    # the countries the article is about
    counts: Counter[str] = Counter()
    for s in sentences:
        for c in find_countries(s.text):
            counts[c.code] += 1 if c.kind != "city" else 0.5
    ranked = [c for c, _ in counts.most_common()]
    pair = ranked[:2]
    mentioned = set(counts)

    dates = DateContext(art, frozenset(pair) if len(pair) == 2 else None)

    delegs = delegations_mod.detect(sentences, people, orgs, dates.date_of)

    def other(code: str | None) -> str | None:
        if len(pair) == 2 and code in pair:
            return pair[1] if code == pair[0] else pair[0]
        return None

    # countries of people: title (3), context (2), then name shape (1)
    for p in people.persons:
        if p.country is None:
            for f in p.forms:
                code = shape_country(f)
                if code and code in mentioned:
                    p.set_country(code, 1)
                    break
    # a delegation's head belongs to the delegation's country; its destination is not his
    for d in delegs:
        if d.head:
            head = people.get(d.head)
            if d.from_country:
                head.set_country(d.from_country, 2)
            elif head.country_strength <= 1 and d.to_country and head.country == d.to_country:
                head.country, head.country_strength = other(d.to_country), 1
            elif head.country is None and d.to_country:
                head.set_country(other(d.to_country), 1)

    def country_of(key: str) -> str | None:
        return people.get(key).country

    meets = meetings_mod.detect(sentences, people, dates.date_of, country_of)
    # a person of unknown country met someone of one side: the other side
    for m in meets:
        known = [country_of(k) for k in m.participants if country_of(k)]
        for k in m.participants:
            p = people.get(k)
            if p.country is None and known:
                guess = other(known[0]) if len(set(known)) == 1 else None
                if guess:
                    p.set_country(guess, 1)

    dateline_code = None
    if art.header.dateline_place:
        hits = place_countries(art.header.dateline_place)
        dateline_code = hits[0].code if hits else None

    def delegation_for(code: str, to: str | None) -> delegations_mod.Deleg:
        for d in delegs:
            if d.from_country == code and d.primary and (to is None or d.to_country in {None, to}):
                return d
        d = delegations_mod.Deleg(key=f"del{len(delegs) + 1}", from_country=code, to_country=to)
        delegs.append(d)
        return d

    meeting_deleg: dict[str, str] = {}
    order = sorted(people.persons, key=lambda p: p.first)

    def location(m) -> str | None:
        if m.remote:
            return None  # a phone call or video talks happen in no one country
        loc = m.place_country
        if loc is None:
            for d in delegs:
                if d.to_country and (d.head in m.participants or set(d.members) & set(m.participants)):
                    return d.to_country
        if loc is None:
            loc = dateline_code
        if loc is None:
            prim = [d for d in delegs if d.primary and d.to_country]
            loc = prim[0].to_country if prim else None
        return loc

    # delegations a meeting names without their head ("met with a delegation of Vietnam")
    for m in meets:
        loc = location(m)
        m.place_country = loc
        for code in m.delegation_refs:
            d = delegation_for(code, loc if loc != code else None)
            meeting_deleg[m.key] = d.key
            if d.to_country is None and loc and loc != code:
                d.to_country = loc
            d.sentences.setdefault(min(m.sentences), set()).add("from_country")
    for d in delegs:
        if d.head is None and d.from_country:
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
    for m in meets:
        loc = m.place_country
        for code in m.delegation_refs:
            d = delegation_for(code, None)
            if d.head and d.head not in m.participants:
                m.participants.append(d.head)
        if m.guests:
            for d in delegs:
                if d.primary and d.head and (loc is None or d.to_country == loc):
                    if d.head not in m.participants:
                        m.participants.append(d.head)
                    break
        countries_here = {country_of(k) for k in m.participants}
        if loc and loc in countries_here and not m.remote:
            # an ambassador or consul posted to the host country lives there: no delegation
            visitors = [
                k
                for k in m.participants
                if country_of(k) and country_of(k) != loc and not _resident_envoy(people.get(k).titles)
            ]
            if visitors:
                vc = country_of(visitors[0])
                heads = [d.head for d in delegs if d.head in visitors]
                head = heads[0] if heads else visitors[0]
                d = None
                for e in delegs:
                    if e.head == head or (e.from_country == vc and e.to_country in {None, loc} and e.primary):
                        d = e
                        break
                if d is None:
                    d = delegations_mod.Deleg(
                        key=f"del{len(delegs) + 1}", from_country=vc, to_country=loc, head=head
                    )
                    delegs.append(d)
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
                    if k != d.head and k not in d.members:
                        d.members.append(k)
                d.sentences.setdefault(min(m.sentences), set()).update({"head", "to_country"})
                meeting_deleg[m.key] = d.key

    # someone of unknown country at a meeting, not a visitor: of the host country
    visiting = {k for d in delegs for k in [d.head, *d.members] if k}
    for m in meets:
        for k in m.participants:
            p = people.get(k)
            if p.country is None and m.place_country and k not in visiting:
                p.set_country(m.place_country, 1)

    _unmarked_people(people, pair, other, dateline_code, delegs)

    # fill in delegations
    for d in delegs:
        if d.head is None and d.from_country:
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
        if d.from_country is None and d.head:
            d.from_country = country_of(d.head)
        if d.to_country is None and d.from_country:
            d.to_country = other(d.from_country)
        if d.to_country is None and d.place:
            hits = find_countries(d.place)
            d.to_country = hits[0].code if hits else None
    delegs = [
        d for d in delegs if d.head and d.from_country and d.to_country and d.from_country != d.to_country
    ]
    # one delegation per head
    seen: dict[str, delegations_mod.Deleg] = {}
    kept = []
    for d in delegs:
        if d.head in seen:
            e = seen[d.head]
            if d.primary and not e.primary:
                # the visit the article reports wins over an earlier one mentioned in passing
                e.primary, e.start, e.end = True, d.start, d.end
            elif d.primary or not e.primary:
                e.start, e.end = e.start or d.start, e.end or d.end
            e.members.extend(k for k in d.members if k not in e.members and k != e.head)
            for k, v in d.sentences.items():
                e.sentences.setdefault(k, set()).update(v)
            continue
        seen[d.head] = d
        kept.append(d)
    delegs = kept
    valid_keys = {d.key for d in delegs}

    # meetings: two sides at least
    final_meets = []
    for m in meets:
        parts = list(dict.fromkeys(m.participants))
        if len(parts) < 2:
            continue
        codes = {country_of(k) for k in parts}
        if len(codes) == 1 and None not in codes:
            continue
        m.participants = parts
        if any(set(parts) == set(e.participants) for e in final_meets):
            continue
        final_meets.append(m)
    meets = final_meets

    # the article's date and the meetings' dates
    dates.settle(meets)
    for m in meets:
        if m.date is None and dates.main is not None:
            m.date = dates.main_month() if m.earlier else dates.main

    # a visit dated to a month before the article's own: mentioned in passing
    main = dates.main
    for d in delegs:
        h = d.hint
        if d.primary and h and main and main.month and (h.year, h.month or 12) < (main.year, main.month):
            d.primary = False
            d.start = d.start or h
            d.end = d.end or (h if h.precision == "month" else None)

    agrs = agreements_mod.detect(sentences, people, dates.date_of)
    for m in meets:
        m.delegation_key = meeting_deleg.get(m.key)
    linking.settle_places(meets, delegs, art.header.dateline_place, sentences)
    linking.link_agreements(agrs, meets, delegs, people, orgs, pair)
    linking.finish_organizations(orgs, people, sentences, _home(people, pair, other, dateline_code, delegs))
    linking.merge_organizations(orgs, people, agrs, delegs)

    # ---------------------------------------------------------------- proposals
    ex = Extraction(
        title=art.header.title or _fallback_title(art),
        dateline_place=art.header.dateline_place,
        date=dates.main,
        date_flags=list(dates.flags),
        date_evidence=_evidence(sentences, {i: {"date"} for i in dates.evidence}),
    )
    used_orgs: set[str] = set()
    active = [p for p in people.persons if p.active and not p.history]
    for p in active:
        flags = [FLAG_COUNTRY_GUESSED] if p.country_strength == 1 else []
        if p.org:
            used_orgs.add(p.org)
        ex.officials.append(
            OfficialProposal(
                key=p.key,
                name=p.name,
                aliases=p.aliases(),
                country=p.country,
                titles=p.titles,
                organization=p.org,
                confidence=0.9 if p.country_strength >= 2 else 0.6,
                flags=flags,
                evidence=_evidence(sentences, p.sentences),
            )
        )
    active_keys = {p.key for p in active}
    for d in delegs:
        if d.sending_body is None and d.head and d.primary:
            d.sending_body = linking.sending_body(people.get(d.head), orgs)
        if d.sending_body:
            used_orgs.add(d.sending_body)
        ex.delegations.append(
            DelegationProposal(
                key=d.key,
                from_country=d.from_country,
                to_country=d.to_country,
                head=d.head if d.head in active_keys else None,
                members=[k for k in d.members if k in active_keys],
                sending_body=d.sending_body,
                start=d.start,
                end=d.end,
                place=d.place,
                primary=d.primary,
                flags=[] if d.primary else [FLAG_IN_PASSING],
                confidence=0.8 if d.explicit else 0.6,
                evidence=_evidence(sentences, d.sentences),
            )
        )
    for m in meets:
        ex.meetings.append(
            MeetingProposal(
                key=m.key,
                date=m.date,
                place=m.place,
                participants=[k for k in m.participants if k in active_keys],
                delegation=meeting_deleg.get(m.key) if meeting_deleg.get(m.key) in valid_keys else None,
                confidence=0.7,
                evidence=_evidence(sentences, m.sentences),
            )
        )
    for a in agrs:
        parties = list(a.party_orgs)
        for name in a.parties_text if not parties else ():
            code = country_by_name(name)
            if code:
                if code not in a.party_countries:
                    a.party_countries.append(code)
                continue
            org = orgs.find(name)
            if org is None and re.fullmatch(r"[A-Z][A-Za-z]{1,7}", name.strip()):
                # "between the CPV and the CPRF": an acronym party
                org = orgs.by_acronym(name.strip()) or orgs.add(name.strip(), -1, name.strip())
                if org.country is None:
                    org.country = org_country(name.strip())
            if org:
                parties.append(org.key)
        used_orgs.update(parties)
        if not parties and len(a.party_countries) < 2 and len(pair) == 2:
            a.party_countries = list(pair)
        ex.agreements.append(
            AgreementProposal(
                key=a.key,
                title=a.title,
                kind=a.kind,
                state=a.state,
                signed_on=a.signed_on,
                period_start=a.period_start,
                period_end=a.period_end,
                parties=parties,
                party_countries=a.party_countries if not parties else [],
                signatories=[k for k in a.signatories if k in active_keys],
                meeting=a.meeting,
                delegation=a.delegation if a.delegation in valid_keys else None,
                primary=a.primary,
                flags=[] if a.primary else [FLAG_IN_PASSING],
                confidence=0.7,
                evidence=_evidence(sentences, a.sentences),
            )
        )
    for o in linking.exported_organizations(orgs, used_orgs):
        ex.organizations.append(
            OrganizationProposal(
                key=o.key,
                name=o.name,
                acronym=o.acronym,
                country=o.country,
                kind=o.kind,
                aliases=[a for a in dict.fromkeys(o.aliases) if a != o.name],
                evidence=_evidence(sentences, {i: {"name"} for i in o.sentences if i >= 0}),
            )
        )
    return ex


def _unmarked_people(people: People, pair: list[str], other, dateline_code: str | None, delegs) -> None:
    """People the text gives no country: news copy marks the foreign side ("the visiting Chinese Vice
    Premier") and leaves its own side unmarked, so the unmarked belong to the side nobody marked; when
    both sides are marked, to the country where the events take place."""
    home = _home(people, pair, other, dateline_code, delegs)
    if home is None:
        return
    for p in people.persons:
        if p.country is None and p.active and not p.history:
            p.set_country(home, 1)


def _home(people: People, pair: list[str], other, dateline_code: str | None, delegs) -> str | None:
    """The side the text leaves unmarked: its own."""
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


def _resident_envoy(titles: list[str]) -> bool:
    return any(
        re.search(r"\b(?:ambassador|consul|charg[eé]|envoy|representative)\b", t, re.I) for t in titles
    )


def _fallback_title(art) -> str:
    for s in art.sentences:
        if s.kind in {"body", "caption"}:
            words = s.text.split()
            title = " ".join(words[:16])
            return title + ("..." if len(words) > 16 else "")
    return ""
