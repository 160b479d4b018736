"""Stage 7, proposals: the linked records as the proposals the writer saves, each citing its sentences."""

from __future__ import annotations

import re
from collections import Counter

from relations.editorial.vocabulary import Flag

from ..proposals import (
    AgreementProposal,
    DelegationProposal,
    Evidence,
    Extraction,
    MeetingProposal,
    OfficialProposal,
    OrganizationProposal,
)
from . import linking
from .countries import country_by_name, country_name, find_countries
from .mentions import Mentions
from .names import fold
from .organizations import org_country
from .records import Records


def _evidence(sentences, cited: dict[int, set[str]]) -> list[Evidence]:
    out = []
    for idx in sorted(cited):
        if 0 <= idx < len(sentences):
            s = sentences[idx]
            out.append(Evidence(s.start, s.end, tuple(sorted(cited[idx]))))
    return out


# scholars and analysts quoted on the relations hold no office in them ("director of the Lowy Institute's
# Southeast Asia Program", "a professor of political science")
_ACADEMIC = re.compile(
    r"\b(?:institute|university|college|think[- ]tank|programs?|programmes?|studies|professor|scholar|"
    r"analyst|researcher|research\s+fellow|fellow|lecturer|political\s+science|academy\s+of\s+sciences)\b",
    re.I,
)


# the words that present someone as a commentator where no title does ("scholar NAME", "NAME, senior
# specialist at the University of X", "Russian studies expert Dr NAME")
_PRESENTED = re.compile(r"\b(?:experts?|scholars?|analysts?|commentators?|observers?)\b", re.I)


def _commentator(p, people, sentences) -> bool:
    """Someone quoted for a view, not for an office: every title academic, or presented as an expert."""
    if p.titles and all(_ACADEMIC.search(t) for t in p.titles):
        return True
    for idx in sorted(p.sentences):
        for men in people.info[idx].mentions:
            if men.person == p.key and men.kind == "name":
                text = sentences[idx].text
                before, after = text[max(0, men.start - 60) : men.start], text[men.end : men.end + 90]
                if p.titles:
                    return bool(_PRESENTED.search(before))  # "scholar NAME, Deputy Director of ..."
                around = before + " " + re.split(r"\s(?:said|told|says|noted|added)\b", after)[0]
                return bool(_ACADEMIC.search(around) or _PRESENTED.search(around))
    return False


# a leader's spouse, who comes along on a visit but holds no office in it: "his wife NAME", "First Lady
# NAME", "the Sultan and his consort, NAME"
_CONSORT = re.compile(
    r"\b(?:(?:his|her)\s+(?:wife|husband|spouse|consort)|[Ff]irst\s+[Ll]ady|[Qq]ueen\s+[Cc]onsort)"
    r"\s*,?\s*(?:(?:Her\s+Majesty|Madam|Mrs\.?|Ms\.?)\s+)?$"
)
# a queen named beside her king, as his consort: "received by the King and Queen NAME", "the Sultan and
# Her Majesty Queen NAME"
_QUEEN_BESIDE_KING = re.compile(
    r"\b(?:King|Sultan|Emperor|Emir|Agong)\b[^.;]{0,40}?\s+and\s+(?:(?:Her\s+Majesty|the)\s+)?Queen\s+$"
)
# royal styles that stand before a ruler's one name: "Sultan NAME", "King NAME"
_ROYAL_STYLES = ("Sultan", "King", "Emir", "Queen")


def _styled_forms(p) -> list[str]:
    """A ruler known by one name is written with the style: "Sultan NAME" for a sultan titled so."""
    if " " in p.name:
        return []
    styles = [t.split()[-1] for t in p.titles if t.split() and t.split()[-1] in _ROYAL_STYLES]
    return [f"{styles[0]} {p.name}"] if styles else []


def _consort(p, people, sentences) -> bool:
    """Someone the text introduces as a leader's spouse, where it first names them."""
    for idx in sorted(p.sentences):
        for men in people.info[idx].mentions:
            if men.person == p.key and men.kind == "name":
                text = sentences[idx].text
                before = text[max(0, men.start - 40) : men.start]
                if re.search(r"\b[Ff]irst\s+$", before) and text.startswith("Lady ", men.start):
                    return True  # "First Lady NAME" read with "Lady" as the name's first word
                wider = text[max(0, men.start - 90) : men.start]
                return bool(_CONSORT.search(before) or _QUEEN_BESIDE_KING.search(wider))
    return False


def propose(art, people, orgs, mentions: Mentions, records: Records) -> Extraction:
    """The article's proposals: officials, organizations, delegations, meetings, agreements."""
    sentences = art.sentences
    ex = _extraction(art, mentions.dates)
    active = _active_people(people, records, sentences)
    active_keys = {p.key for p in active}
    used_orgs = {p.org for p in active if p.org}  # the bodies the proposals name, which are proposed too
    ex.officials.extend(_official(p, sentences) for p in active)
    for d in records.delegations:
        _fill_sending_body(d, people, orgs)
        if d.sending_body:
            used_orgs.add(d.sending_body)
        ex.delegations.append(_delegation(d, active_keys, sentences))
    ex.meetings.extend(_meeting(m, active_keys, sentences) for m in records.meetings)
    ex.agreements.extend(_agreements(records, orgs, mentions.pair, active_keys, used_orgs, sentences))
    ex.organizations.extend(_organizations(orgs, used_orgs, records, sentences))
    return ex


def _extraction(art, dates) -> Extraction:
    """The proposals' frame: the article's title (its first words where it has none), dateline and date."""
    return Extraction(
        title=art.header.title or _fallback_title(art),
        dateline_place=art.header.dateline_place,
        date=dates.main,
        date_flags=list(dates.flags),
        date_evidence=_evidence(art.sentences, {i: {"date"} for i in dates.evidence}),
    )


def _active_people(people, records: Records, sentences) -> list:
    """The people proposed as officials: active now, neither a commentator (unless a record names them)
    nor a leader's spouse."""
    delegs, meets, agrs = records.delegations, records.meetings, records.agreements
    in_records = {d.head for d in delegs} | {k for d in delegs for k in d.members}
    in_records |= {k for m in meets for k in m.participants} | {k for a in agrs for k in a.signatories}
    return [
        p
        for p in people.persons
        if p.active
        and not p.history
        and (p.key in in_records or not _commentator(p, people, sentences))
        and not _consort(p, people, sentences)
    ]


def _official(p, sentences) -> OfficialProposal:
    """An official as proposed: confident of the country where the text says it more than once."""
    return OfficialProposal(
        key=p.key,
        name=p.name,
        aliases=p.aliases() + _styled_forms(p),
        country=p.country,
        titles=p.titles,
        organization=p.org,
        confidence=0.9 if p.country_strength >= 2 else 0.6,
        flags=[Flag.COUNTRY_GUESSED] if p.country_strength == 1 else [],
        evidence=_evidence(sentences, p.sentences),
    )


def _fill_sending_body(d, people, orgs) -> None:
    """A main visit's sending body, where the text names none: the body its head holds a post in."""
    if d.sending_body is None and d.head and d.primary:
        d.sending_body = linking.sending_body(people.get(d.head), orgs)


def _delegation(d, active_keys: set[str], sentences) -> DelegationProposal:
    """A delegation as proposed, its head and members only among the officials proposed."""
    return DelegationProposal(
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
        flags=_delegation_flags(d),
        confidence=0.8 if d.explicit else 0.6,
        evidence=_evidence(sentences, d.sentences),
    )


def _delegation_flags(d) -> list[Flag]:
    """In passing, and the dates missing when the text gives the visit neither its first nor its last day
    (an editor looks them up rather than trusts the article's)."""
    flags = [] if d.primary else [Flag.IN_PASSING]
    return flags + [Flag.DATE_MISSING] if d.start is None and d.end is None else flags


def _meeting(m, active_keys: set[str], sentences) -> MeetingProposal:
    """A meeting as proposed, its participants only among the officials proposed."""
    return MeetingProposal(
        key=m.key,
        date=m.date,
        place=m.place,
        participants=[k for k in m.participants if k in active_keys],
        delegation=m.delegation_key,
        confidence=0.7,
        evidence=_evidence(sentences, m.sentences),
    )


def _agreements(records: Records, orgs, pair, active_keys, used_orgs: set[str], sentences) -> list:
    """The agreements as proposed, each with its parties; the bodies among them join ``used_orgs``."""
    agrs = records.agreements
    if not agrs:
        return []
    spelling = _spellings(sentences)
    valid_keys = {d.key for d in records.delegations}
    out = []
    for a in agrs:
        state_names = _state_names(a, spelling)
        parties, named_states = _named_parties(a, orgs)
        used_orgs.update(parties)
        if not parties and len(a.party_countries) < 2 and len(pair) == 2:
            a.party_countries = list(pair)  # no sides named: the two states the article is about
        states = a.party_countries if not parties else named_states
        names = {c: state_names[c] for c in states if c in state_names}
        out.append(_agreement(a, parties, states, names, active_keys, valid_keys, sentences))
    return out


def _state_names(a, spelling: dict[str, str]) -> dict[str, str]:
    """How to write each party state: as the document names it ("between the Russian Federation and
    ..."), else as the article spells it most."""
    state_names = dict(spelling)
    for name in a.parties_text:
        code = country_by_name(name)
        if code:
            state_names[code] = name.removeprefix("the ")
    return state_names


def _named_parties(a, orgs) -> tuple[list[str], list[str]]:
    """The bodies that are a document's parties (those linked, else those its sides name) and the states
    its sides name, when they are a state and a body ("between Vietnam and the Eurasian Economic Union");
    a state named is added to its party countries."""
    parties = list(a.party_orgs)
    named_states: list[str] = []
    if parties:
        return parties, named_states
    for name in a.parties_text:
        code = country_by_name(name)
        if code:
            named_states.append(code)
            if code not in a.party_countries:
                a.party_countries.append(code)
            continue
        org = _party_org(name, orgs)
        if org:
            parties.append(org.key)
    return parties, named_states


def _party_org(name: str, orgs):
    """The body a side names: one known, else an acronym taken as a body ("between the CPV and the
    CPRF"), else none."""
    org = orgs.find(name)
    if org is None and re.fullmatch(r"[A-Z][A-Za-z]{1,7}", name.strip()):
        org = orgs.by_acronym(name.strip()) or orgs.add(name.strip(), -1, name.strip())
        if org.country is None:
            org.country = org_country(name.strip())
    return org


def _agreement(a, parties, states, names, active_keys, valid_keys, sentences) -> AgreementProposal:
    """An agreement as proposed, its signatories among the officials, its visit one proposed."""
    return AgreementProposal(
        key=a.key,
        title=a.title,
        kind=a.kind,
        state=a.state,
        signed_on=a.signed_on,
        period_start=a.period_start,
        period_end=a.period_end,
        parties=parties,
        party_countries=states,
        party_country_names=names,
        signatories=[k for k in a.signatories if k in active_keys],
        meeting=a.meeting,
        delegation=a.delegation if a.delegation in valid_keys else None,
        primary=a.primary,
        flags=[] if a.primary else [Flag.IN_PASSING],
        confidence=0.7,
        evidence=_evidence(sentences, a.sentences),
    )


def _organizations(orgs, used_orgs: set[str], records: Records, sentences) -> list[OrganizationProposal]:
    """The bodies proposed, as the linking stage picks them: those the other proposals name, and those
    with a country named where a document is signed or a delegation of theirs is told of."""
    signing = {i for a in records.agreements if a.state == "signed" for i in a.sentences}
    visits = {i for d in records.delegations for i in d.sentences}
    return [
        OrganizationProposal(
            key=o.key,
            name=o.name,
            acronym=o.acronym,
            country=o.country,
            kind=o.kind,
            aliases=[a for a in dict.fromkeys(o.aliases) if a != o.name],
            evidence=_evidence(sentences, {i: {"name"} for i in o.sentences if i >= 0}),
        )
        for o in linking.exported_organizations(orgs, used_orgs, signing, sentences, visits)
    ]


def _spellings(sentences) -> dict[str, str]:
    """How the article spells each country's usual name, its most frequent form ("Việt Nam", "Viet Nam" for
    Vietnam); another name ("Soviet Union", "Russian Federation") is no spelling of it. A text that never
    writes the usual name keeps the name it does write most ("Turkey", "UAE"), but a two-letter
    abbreviation ("US", "U.S.") gives way to the usual name."""
    usual: dict[str, Counter] = {}
    other: dict[str, Counter] = {}
    for s in sentences:
        for m in find_countries(s.text):
            form = s.text[m.start : m.end]
            if m.kind != "name":
                continue
            if _squeezed(form) == _squeezed(country_name(m.code)):
                usual.setdefault(m.code, Counter())[form] += 1
            elif len(re.sub(r"[\W_]", "", form)) > 2:
                other.setdefault(m.code, Counter())[form] += 1
    counts = {**other, **usual}
    return {code: c.most_common(1)[0][0] for code, c in counts.items()}


def _squeezed(name: str) -> str:
    return "".join(fold(name).split())


def _fallback_title(art) -> str:
    for s in art.sentences:
        if s.kind in {"body", "caption"}:
            words = s.text.split()
            title = " ".join(words[:16])
            return title + ("..." if len(words) > 16 else "")
    return ""
