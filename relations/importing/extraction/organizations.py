"""Organisations: ministries, agencies, parties, parliaments named in the text, with acronyms."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from relations.editorial.search import fold_key

from .countries import country_by_name, find_countries
from .dates import MONTHS, WEEKDAYS
from .names import Token, fold
from .titles import HONORIFICS, INSTITUTIONS, INTERNATIONAL, ORG_HEADS, PORTFOLIOS, TITLE_HEADS

_CONNECT = {"of", "for", "on", "and", "in"}
_ACRONYM = re.compile(r"^[A-Z][A-Za-z]{1,7}$")
_APOSTROPHES = {"'", "\u2019"}
# Words after "in" or "on" that start a date, not the rest of a name ("the Government in May").
_WHEN = set(MONTHS) | set(WEEKDAYS)
# Words of a local body's level, written in lower case inside its name ("Hanoi municipal Party Committee").
_LEVELS = {"provincial", "municipal", "city", "district", "regional", "prefectural"}
# Forms of address before a person's name, which no body's name goes on with.
_ADDRESS = {"comrade", "mr", "mrs", "ms", "madam", "dr", "sir", "his", "her"} | HONORIFICS
_DOCUMENTS = {"mou", "memorandum", "agreement", "treaty", "protocol", "accord", "contract"}
# Bodies whose name goes on with the place they sit in: "the Russian Embassy in Hanoi".
_SEATED = {"embassy", "consulate", "mission"}


@dataclass(slots=True)
class Org:
    key: str
    name: str
    kind: str
    acronym: str = ""
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    sentences: list[int] = field(default_factory=list)


def _is_acronym(tok: str) -> bool:
    upper = sum(c.isupper() for c in tok)
    return bool(_ACRONYM.match(tok)) and upper >= 2 and upper >= len(tok) - 2


def _cap(tok: Token) -> bool:
    return tok.is_word and tok.is_cap


def _shouting(tok: Token) -> bool:
    """A word of a heading in capitals ("HISTORY"), not an acronym ("PCC")."""
    return len(tok.text) >= 5 and tok.text.isupper()


def _article(tokens: list[Token], i: int) -> bool:
    """ "A Turkish Foreign Ministry statement", "An Interior Ministry source": the article that opens a
    sentence, no word of the name ("An Giang Provincial People's Committee" keeps its "An")."""
    low = tokens[i].low
    nxt = tokens[i + 1].low if i + 1 < len(tokens) else ""
    return low == "a" or (low == "an" and nxt[:1] in set("aeiou"))


def _demonym(tok: Token) -> bool:
    """A country's adjective standing alone ("Russian"): the side before an "and", no word of a name."""
    return any(m.kind == "demonym" and m.end - m.start == len(tok.text) for m in find_countries(tok.text))


def _goes_on(tokens: list[Token], j: int, head: str) -> bool:
    """Whether the connector at ``j`` ("of", "on", "in"...) joins the next capitalised words to the name:
    "Committee on Foreign Affairs", "Embassy in Hanoi", but not "the Kremlin in Moscow" or "the
    Government in May"."""
    nxt = tokens[j + 1].low
    if nxt in _WHEN:
        return False
    return tokens[j].low != "in" or head in _SEATED


def _step_back(tokens: list[Token], i: int, blocked: set[int]) -> int:
    """Where a name whose first word so far is ``i`` starts once the word before joins it; ``i`` when
    it does not."""
    p = tokens[i - 1]
    if i - 1 in blocked:
        return i
    if _cap(p) and p.low not in TITLE_HEADS:
        return i - 1
    if p.text == "s" and i >= 3 and tokens[i - 2].text in _APOSTROPHES and _cap(tokens[i - 3]):
        return i - 2
    if p.text in _APOSTROPHES and i >= 2 and _cap(tokens[i - 2]) and tokens[i - 2].text.endswith("s"):
        return i - 1
    if i < 2 or not _cap(tokens[i - 2]) or tokens[i - 2].low in TITLE_HEADS:
        return i
    if p.low in _LEVELS and p.is_word and i - 2 not in blocked:
        return i - 1  # "Nghe An provincial People's Committee": a place's own body
    if p.low in {"of", "for"} or (p.low == "and" and not _demonym(tokens[i - 2])):
        return i - 1  # "Ministry of Trade and Industry", but "both Russian and United Russia Party leaders"
    return i


def _start(tokens: list[Token], k: int, blocked: set[int]) -> int:
    """The first token of the name headed at ``k``: the capitalised words and joins before it; a post's
    own office takes the post ("the Prime Minister's Office", "the President's Office")."""
    i = k
    while i > 0:
        back = _step_back(tokens, i, blocked)
        if back == i:
            break
        i = back
    if (
        i >= 3
        and tokens[i].text in _APOSTROPHES
        and tokens[i + 1].text == "s"
        and tokens[i - 1].low in TITLE_HEADS
    ):
        while i > 0 and i - 1 not in blocked and _cap(tokens[i - 1]):
            i -= 1
    return i


def org_spans(tokens: list[Token], blocked: set[int]) -> list[tuple[int, int]]:
    """Token spans [i, j) of organisation names; ``blocked`` holds token indexes of person names."""
    spans: list[tuple[int, int]] = []
    for k in range(len(tokens)):
        if not _heads_a_name(tokens, k, blocked):
            continue
        i = _first_word(tokens, k, blocked)
        j = _trim_end(tokens, k, _before_a_title(tokens, k, _name_end(tokens, k, blocked)))
        if sum(_shouting(t) for t in tokens[i:j]) >= 2:
            continue  # a heading in capitals, not a name
        spans.append((i, j))
    return _merged(spans)


def _heads_a_name(tokens: list[Token], k: int, blocked: set[int]) -> bool:
    """Whether token ``k`` is a head word in capitals ("Ministry", "Embassy") outside a person's name."""
    tok = tokens[k]
    return _cap(tok) and (tok.low in ORG_HEADS or tok.low in INSTITUTIONS) and k not in blocked


def _first_word(tokens: list[Token], k: int, blocked: set[int]) -> int:
    """The name's first token: its start, past the joins, marks and a sentence's article that open it."""
    i = _start(tokens, k, blocked)
    while i < k and (tokens[i].low in _CONNECT or not tokens[i].is_word or _article(tokens, i)):
        i += 1
    return i


def _name_end(tokens: list[Token], k: int, blocked: set[int]) -> int:
    """Where the name headed at ``k`` ends: it goes on word by word while each step allows."""
    j = k + 1
    while j < len(tokens):
        nxt = _step_forward(tokens, j, k, blocked)
        if nxt is None:
            break
        j = nxt
    return j


def _step_forward(tokens: list[Token], j: int, k: int, blocked: set[int]) -> int | None:
    """Where the name headed at ``k`` goes on to from token ``j``, or None when it ends before ``j``."""
    n = len(tokens)
    t, head = tokens[j], tokens[k]
    if j in blocked or t.low in _ADDRESS or t.low in _DOCUMENTS:
        # "... Central Committee Comrade NAME": a form of address opens the name; "the X
        # Railways MoU": a document of the body, no part of it
        return None
    if _cap(t) and t.low not in TITLE_HEADS and not (_shouting(t) and not _shouting(head)):
        return j + 1
    if inner_acronym(tokens, j):
        return j + inner_acronym(tokens, j)
    if t.low in _CONNECT | {"the"} and j + 1 < n and (_cap(tokens[j + 1]) or tokens[j + 1].low == "the"):
        return _joined(tokens, j, k)
    if (
        t.text in _APOSTROPHES
        and j + 1 < n
        and tokens[j + 1].text == "s"
        and j + 2 < n
        and _cap(tokens[j + 2])
    ):
        return j + 2
    if t.text in _APOSTROPHES and tokens[j - 1].text.endswith("s"):
        return j + 1
    if t.text == "," and j + 2 < n and _cap(tokens[j + 1]) and tokens[j + 1].low not in TITLE_HEADS:
        return _comma_list_end(tokens, j)
    return None


def inner_acronym(tokens: list[Token], j: int) -> int:
    """ "the Green Party (GP) Central Committee", "the Office of the X Party (XP)'s Central Committee":
    how many tokens from ``j`` an acronym bracketed inside a name takes (its brackets and the
    possessive after them) when the capitalised words after it end on a body's head; 0 otherwise."""
    n = len(tokens)
    if not (
        j + 3 < n and tokens[j].text == "(" and _is_acronym(tokens[j + 1].text) and tokens[j + 2].text == ")"
    ):
        return 0
    k = j + 3
    if k + 1 < n and tokens[k].text in _APOSTROPHES and tokens[k + 1].text == "s":
        k += 2
    end = k
    while end < n and _cap(tokens[end]) and tokens[end].low not in TITLE_HEADS:
        end += 1
    return k - j if end > k and tokens[end - 1].low in ORG_HEADS else 0


_INNER_ACRONYM = re.compile(r"\s*\([A-Z][A-Za-z]{1,7}\)(?:['\u2019]s)?(?=\s+[A-Z])")


def without_inner_acronyms(text: str) -> str:
    """ "Office of the X Party (XP)'s Central Committee" -> "Office of the X Party Central Committee"."""
    return _INNER_ACRONYM.sub("", text)


def _joined(tokens: list[Token], j: int, k: int) -> int | None:
    """Past the connector at ``j`` when it joins the next words to the name headed at ``k``, else None."""
    head = tokens[k]
    if tokens[j + 1].low in TITLE_HEADS or not _goes_on(tokens, j, head.low):
        return None
    if tokens[j].low == "and" and j == k + 1 and _is_acronym(head.text):
        return None  # "the CPV and United Russia": an acronym is a whole name
    if (
        tokens[j].low == "and"
        and _demonym(tokens[j + 1])
        and not (j + 2 < len(tokens) and _cap(tokens[j + 2]))
    ):
        return None  # "the X Central Committee and Chinese president": a title follows, no name
    return j + 1


def _comma_list_end(tokens: list[Token], j: int) -> int | None:
    """ "Ministry of Culture, Sports and Tourism": the "and" closing a comma list of capitalised words from
    the comma at ``j``, or None when no "and" closes it."""
    n = len(tokens)
    look = j + 1
    while look < n and (_cap(tokens[look]) or tokens[look].text == ","):
        look += 1
    if look < n and tokens[look].low == "and" and look + 1 < n and _cap(tokens[look + 1]):
        return look
    return None


def _before_a_title(tokens: list[Token], k: int, j: int) -> int:
    """ "the Presidential Administration and Presidential Spokesman": a name followed by a title ends
    before the last "and", which opens the title."""
    if j < len(tokens) and _cap(tokens[j]) and tokens[j].low in TITLE_HEADS:
        last_and = max((x for x in range(k + 1, j) if tokens[x].low == "and"), default=None)
        if last_and is not None:
            return last_and
    return j


def _trim_end(tokens: list[Token], k: int, j: int) -> int:
    """The name's end without the connectors, articles, apostrophes and commas it would end on."""
    while j > k + 1 and (
        tokens[j - 1].low in _CONNECT | {"the"} or tokens[j - 1].text in {*_APOSTROPHES, ","}
    ):
        j -= 1
    return j


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans in order, those that overlap joined into one."""
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


# A ministry written in small letters, as many papers print it, next to the country it belongs to: "Seoul's
# foreign ministry", "the Vietnamese defence ministry", "Indonesia's ministry of trade", "the defence
# ministry of Mongolia". Its portfolio: small-letter words of a ministry's field ("and" between them).
_FIELD_WORDS = PORTFOLIOS | {
    "national", "defense", "mineral", "natural", "rural", "development", "public", "social", "emergency",
    "emergencies", "digital", "youth", "sports", "commerce", "foreign", "home", "external",
}  # fmt: skip
_WORD = r"(?:" + "|".join(sorted(_FIELD_WORDS)) + r")"
_FIELD = rf"{_WORD}(?:(?:\s+and\s+|\s+){_WORD}){{0,3}}"
_OWNED_BEFORE = re.compile(
    rf"(?:['\u2019]s)?\s+(?:(?P<field>{_FIELD})\s+ministry\b(?!\s+of\s+(?:the\s+)?[A-Z])"
    rf"|ministry\s+of\s+(?P<field2>{_FIELD}))(?![\w-])"
)
_OWNED_AFTER = re.compile(rf"\b(?P<field>{_FIELD})\s+ministry\s+of\s+(?:the\s+)?$")


def small_letter_ministries(text: str) -> list[tuple[str, str]]:
    """The ministries a sentence names in small letters with their country, as (name, country code):
    "Seoul's foreign ministry" -> ("Foreign Ministry", "KR"), "Indonesia's ministry of trade" ->
    ("Ministry of Trade", "ID"), "the defence ministry of Mongolia" -> ("Defence Ministry", "MN")."""
    out = []
    for c in find_countries(text):
        after = (
            _OWNED_BEFORE.match(text, c.end)
            if c.kind != "name" or text[c.end : c.end + 2] in {"'s", "\u2019s"}
            else None
        )
        before = (
            _OWNED_AFTER.search(text[max(0, c.start - 60) : c.start])
            if c.kind in {"name", "possessive"}
            else None
        )
        if after and after.group("field"):
            out.append((_titled(after.group("field")) + " Ministry", c.code))
        elif after:
            out.append(("Ministry of " + _titled(after.group("field2")), c.code))
        elif before:
            out.append((_titled(before.group("field")) + " Ministry", c.code))
    return out


def _titled(words: str) -> str:
    return " ".join(w if w == "and" else w.capitalize() for w in words.split())


#: Each of ``INSTITUTIONS`` as a whole-word pattern, compiled once.
_INSTITUTION_WORDS = [(re.compile(rf"\b{re.escape(inst)}\b"), code) for inst, code in INSTITUTIONS.items()]


# Words that alone name no particular body ("the Party Committee", "the Ministry", "the Senate").
_GENERIC = {
    "the", "of", "and", "for", "ministry", "party", "committee", "central", "national", "state", "people's",
    "peoples", "people", "provincial", "city", "municipal", "senate", "assembly", "council", "government",
    "department", "office", "commission", "agency", "service", "administration", "secretariat", "presidium",
    "politburo", "bureau", "board", "standing", "executive", "federal", "supreme", "general", "union",
    "group", "company", "bank", "university", "institute", "headquarters", "cabinet", "parliament",
}  # fmt: skip


_NAME_WORDS = re.compile(r"[\w']+")


def generic(name: str) -> bool:
    """Whether a name only says what kind of body it is ("the Party Committee", "the Ministry")."""
    return all(w in _GENERIC for w in _NAME_WORDS.findall(name.lower()))


def org_country(name: str) -> str | None:
    found = find_countries(name)
    codes = {m.code for m in found}
    if len(codes) == 1:
        return codes.pop()
    if len(codes) > 1:
        # "the Russian Embassy in Hanoi": an embassy is its sender's
        return found[0].code if re.search(r"\b(?:Embassy|Consulate)\b", name) else None
    f = fold(name)
    for pattern, code in _INSTITUTION_WORDS:
        if pattern.search(f):
            return code
    return None


_STATE_WORDS = {"democratic", "republic", "people's", "people\u2019s", "peoples", "socialist", "federation",
                "kingdom", "islamic", "federal", "arab", "united", "the", "of"}  # fmt: skip


def is_state(name: str) -> bool:
    """A state's name or a piece of one ("Russian Federation", "Democratic Republic"): no body."""
    words = name.lower().split()
    return bool(country_by_name(name)) or (len(words) >= 2 and all(w in _STATE_WORDS for w in words))


def org_kind(name: str) -> str:
    """The kind of body a name heads: "Ministry of Foreign Affairs of the Russian Federation" is a ministry
    (the state's name is no part of the kind)."""
    kept, at = [], 0
    for m in find_countries(name):
        kept.append(name[at : m.start])
        at = m.end
    kept.append(name[at:])
    words = fold(" ".join(kept)).split() or fold(name).split()
    for w in reversed(words):
        w = w.strip(",'")
        if w in ORG_HEADS:
            return ORG_HEADS[w]
    for w in words:
        if w in ORG_HEADS:
            return ORG_HEADS[w]
    return "other"


def similar_acronym(a: str, b: str) -> bool:
    """ "KRPF" ~ "KPRF": same letters, at most one transposition or substitution."""
    a, b = a.upper(), b.upper()
    if a == b:
        return True
    if len(a) != len(b) or len(a) < 3:
        return False
    if sorted(a) == sorted(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 2
    return sum(x != y for x, y in zip(a, b, strict=True)) <= 1 and len(a) >= 4


class OrgRegistry:
    def __init__(self) -> None:
        self.orgs: list[Org] = []
        self._by_key: dict[str, Org] = {}
        self._made = 0  # bodies made so far: a key is never given twice, though bodies merge away

    def add(self, name: str, sentence: int, acronym: str = "") -> Org:
        name = " ".join(name.split()).strip(" ,'")
        if name.lower().startswith("the "):
            name = name[4:]
        k = fold_key(name)
        org = self._by_key.get(k)
        if org is None:
            self._made += 1
            org = Org(key=f"org{self._made}", name=name, kind=org_kind(name), country=org_country(name))
            self.orgs.append(org)
            self._by_key[k] = org
        if acronym and not org.acronym:
            org.acronym = acronym
        if sentence not in org.sentences:
            org.sentences.append(sentence)
        return org

    def by_acronym(self, acronym: str) -> Org | None:
        for org in self.orgs:
            if org.acronym and org.acronym == acronym:
                return org
        for org in self.orgs:
            if org.acronym and similar_acronym(org.acronym, acronym):
                return org
        return None

    def reindex(self) -> None:
        """After merging: every name and alias of the bodies kept."""
        self._by_key = {fold_key(n): o for o in reversed(self.orgs) for n in [*o.aliases, o.name]}

    def find(self, name: str) -> Org | None:
        return self._by_key.get(fold_key(name.removeprefix("the ")))


# A unit inside a body: "International Cooperation Department of the Ministry of Justice".
_UNIT = (
    r"(?:Department|Directorate|Division|Office|Bureau|Committee|Commission|Secretariat|Section|Board|Unit)"
)
_UNIT_WORD = re.compile(rf"\b{_UNIT}\b")
_OF = re.compile(r"\s+of\s+(?:the\s+)?")
_CENTRAL_COMMITTEE_OF = re.compile(r"^(?:the\s+)?Central\s+Committee\s+of\s+(?:the\s+)?(?P<body>.+)$")
_CENTRAL_COMMITTEE = re.compile(r"^(?:the\s+)?(?P<body>.+?)\s+Central\s+Committee$")
# "Duma Committee on Education", "Federation Council Committee on Science": a parliament's committee
_HOUSE_COMMITTEE = re.compile(
    r"^(?:the\s+)?(?P<body>(?:[A-Z][\w-]*\s+)*?(?:Duma|Senate|Parliament|Assembly|Congress|Council))"
    r"\s+(?:[A-Z][\w-]*\s+)*Committee\b"
)
_PARTY_WORDS = re.compile(r"\b(?:Party|Front|League)\b")


def institution(name: str) -> str:
    """The body a unit belongs to, when the unit is part of a ministry, a parliament or a party's central
    committee: the office holder's organization is that body, the unit stays in the title.

    "Second Asian Department of the Foreign Ministry" -> "Foreign Ministry"; "Secretary of the KPRF Central
    Committee" -> "KPRF"; "Central Committee of the Communist Party of Cuba" -> "Communist Party of Cuba";
    "Duma Committee on Education" -> "Duma". A unit of any other body ("People's Committee of X province",
    "Commission for External Relations of the Party Central Committee") is a body of its own: "".
    """
    name = " ".join(name.split())
    m = _CENTRAL_COMMITTEE_OF.match(name) or _CENTRAL_COMMITTEE.match(name)
    if m:
        body = m.group("body")
        party = _is_acronym(body) or (
            _PARTY_WORDS.search(body) and not generic_party(body) and not _UNIT_WORD.search(body)
        )
        return body if party else ""
    head, sep, tail = name.replace("\u2019", "'").rpartition("'s ")
    if sep and _UNIT_WORD.search(tail) and org_kind(head) in {"ministry", "parliament"}:
        return name[: len(head)]  # "the Foreign Ministry's Third Asian Department"
    for m in _OF.finditer(name):
        body = name[m.end() :]
        lead = _OF.split(body, maxsplit=1)[0]
        if _UNIT_WORD.search(name[: m.start()]) and org_kind(lead) in {"ministry", "parliament"}:
            return body
    m = _HOUSE_COMMITTEE.match(name)
    if m and (org_kind(m.group("body")) == "parliament" or fold(m.group("body")) in INSTITUTIONS):
        return m.group("body")
    return ""


def international(org: Org) -> bool:
    """An international body ("United Nations", "ASEAN"), which no country's holders make theirs."""
    return org.acronym in INTERNATIONAL or org.name in INTERNATIONAL or org.name in INTERNATIONAL.values()


def generic_party(name: str) -> bool:
    """ "Party", "the Communist Party": a party not named."""
    return fold(name).removeprefix("the ") in {"party", "communist party", "front"}


_LOWER_WORDS = {"of", "the", "and", "for", "in", "on"}


def known_party(code: str) -> str | None:
    """The one party the known bodies (``INSTITUTIONS``) give a country, by its name ("Communist Party of
    Vietnam"), or None when they give none or several."""
    names = [k for k, c in INSTITUTIONS.items() if c == code and "party" in k.split() and not _is_acronym(k)]
    if len(names) != 1:
        return None
    return " ".join(w if w in _LOWER_WORDS else w[:1].upper() + w[1:] for w in names[0].split())
