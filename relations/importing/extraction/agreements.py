"""Agreements (treaties, memoranda, programmes, plans): state, period, parties and signatories."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from relations.editorial.search import fold_tokens

from ..proposals import PartialDate
from .countries import country_by_name, find_countries, is_city
from .dates import FUTURE_TENSE, MONTH_PATTERN, WEEKDAYS, month_number
from .people import People
from .titles import ORG_HEADS

_PLURAL_DOCS = r"(?:agreements|memoranda|memorandums|MoUs|MOUs|treaties|protocols|contracts)"
_KIND = re.compile(
    # a tally of documents of two kinds: "12 agreements and memoranda of understanding"
    rf"\b({_PLURAL_DOCS}\s+and\s+{_PLURAL_DOCS}(?:\s+of\s+understanding)?|"
    # (before a bracketed short name, "memoranda of understanding (MoU)", the short name names them)
    r"memoranda\s+of\s+understanding(?!\s*\()|memoranda(?!\s*\(|\s+of\s+understanding\s*\()|"
    r"memorandums?\s+of\s+understanding|memorandums?\s+of\s+cooperation|memorandum|MoU|MOU|agreements?|treaty|"
    r"programme|program|plan|roadmap|road\s+map|protocol|minutes|contract|exchange\s+of\s+notes|accord|pacts?|(?<!great\s)(?<!good\s)(?<!\bbig\s)deals?(?!\s+of\b)|"
    r"convention(?!\s+(?:cent(?:er|re)|hall|complex)\b)|declaration|letters?\s+of\s+intent|joint\s+statement|joint\s+communiqu[eé]|statement(?=\s+(?:on|of)\b))\b",
    re.I,
)
KINDS = {
    "memorandum": "memorandum", "mou": "memorandum", "agreement": "agreement", "agreements": "agreement",
    "treaty": "treaty", "programme": "programme", "program": "programme", "plan": "plan", "roadmap": "plan",
    "road map": "plan", "protocol": "minutes", "minutes": "minutes", "contract": "contract",
    "exchange of notes": "other", "accord": "agreement", "convention": "treaty", "declaration": "other",
    "joint statement": "other", "statement": "other", "pact": "agreement", "pacts": "agreement",
    "deal": "agreement", "deals": "agreement",
    "letter of intent": "memorandum", "letters of intent": "memorandum",
}  # fmt: skip
_WEAK = {
    "programme",
    "program",
    "plan",
    "roadmap",
    "road map",
    "minutes",
    "contract",
    "declaration",
    "accord",
}
_LEFT_MODIFIERS = {
    "cooperation", "intergovernmental", "interdepartmental", "inter-governmental", "free", "trade", "bilateral",  # noqa: E501
    "framework", "joint", "action", "investment", "cultural", "economic", "military", "defence", "technical",
    "comprehensive", "strategic", "partnership", "friendship", "border", "visa", "exemption", "loan", "credit",  # noqa: E501
    "peace", "security", "transport", "aviation", "tourism", "education", "training", "exchange", "sister",
    "twinning", "master", "general", "long-term", "five-year", "three-year", "annual", "work", "working",
    "implementation", "integrated", "overall", "industrial", "energy", "gas", "oil", "nuclear",
}  # fmt: skip
_BOUNDARY = {
    "signed", "which", "that", "was", "were", "is", "are", "has", "had", "have", "will", "would", "could",
    "should", "can", "may", "as", "at", "during", "before", "after", "by", "from", "until", "since", "when",
    "where", "who", "while", "expires", "expired", "once", "prepared", "handed", "last", "next", "this",
    "to", "along", "within", "under", "being", "reached", "concluded", "and", "but", "so", "witnessed",
    "amid", "amidst", "despite", "include", "includes", "including", "more", "signing", "earlier", "later",
    "yesterday", "today",
}  # fmt: skip
_WORD = re.compile(r"\d+(?:[.,]\d+)+|[^\s,;:.()\"]+|[,;:.()\"]")
_STATE_LEFT = [
    (
        "draft",
        re.compile(
            r"\bdraft\b(?!\s+(?:a|an|the)\b)|\bnegotiations?\s+on\b|\bfinali[sz]e\b|\bnegotiat\w*|\binitiall?ed\b"
            r"|\bworking\s+on\b",
            re.I,
        ),
    ),
    (
        "proposed",
        re.compile(
            r"\b(?:propos\w*|suggest\w*|consider|draft\s+(?:a|an|the)|drafting|draw\s+up|conclude|sign|preparing|"
            r"prepare|adopt|approve|agreed\s+to|should|would|invited|plan\s+to|plans\s+to|could|possible|(?:to\s+be|will\s+be)\s+signed)\b",
            re.I,
        ),
    ),
    (
        "signed",
        re.compile(
            # an anniversary marked of a document's signing looks back at an older one: referenced
            r"(?<!\bbe\s)\bsigned\b|\b(?:sealed|struck|clinched|renewed)\b|\bexchanged\s+(?:the\s+)?(?:signed\s+)?(?:documents|copies|texts)\s+of\b|(?<!anniversary\sof\sthe\s)(?<!anniversary\sof\s)\bsigning\s+of\b|\binked\b|\bexchange[ds]?\s+the\s+signed\b|\bconcluded\b|"
            r"\bsigning\s+ceremony\s+(?:for|of)\b|\bexchange\s+of\s+documents\s+(?:for|on)\b|"
            r"\badopted\b|\badoption\s+of\b|\bput\s+(?:pen\s+to\s+paper\s+on|(?:their|his|her)\s+signatures?\s+(?:to|on))\b",
            re.I,
        ),
    ),
    (
        "referenced",
        re.compile(
            r"\banniversary\s+of\b|\bimplementation\s+of\b|\breferred\s+to\b|\bunder\s+the\b"
            # a document the sides already have, put to work: "agreed to effectively implement the X",
            # "exploiting the X", "coordinate in enforcing the X"
            r"|\b(?:implement(?:s|ed|ing)?|carry(?:ing)?\s+out|carried\s+out|enforc(?:e|es|ed|ing)|exploit(?:s|ed|ing)?"
            r"|utili[sz](?:e|es|ed|ing)|mak(?:e|ing)\s+(?:good|full|the\s+most)\s+(?:use\s+)?of)"
            r"\s+(?:the|their|its|this|these|existing)\s+(?:[\w-]+\s+){0,2}$",
            re.I,
        ),
    ),
]
# "a joint statement (on ... until 2030) was adopted", "the plan has been signed": agreed by both sides
_WAS_SIGNED = re.compile(
    r"^[^.;,]{0,40}?\b(?:was|were|(?:has|have)\s+been)\s+(?:adopted|approved|signed|inked)\b"
    r"(?![^.;]*\b(?:(?:19|20)\d\d|ago)\b)",  # "was signed in Moscow in 2001" is an older one
    re.I,
)
# a participle after the name that dates its signing to the days of the news: "The accord on X, signed by
# A and B on Tuesday, ...", "the deal, inked yesterday", "A defence pact signed on Monday by ..."
_SIGNED_THIS_WEEK = re.compile(
    r"^\s*,?\s*(?:(?:which|that)\s+(?:was|were)\s+)?(?:signed|inked)\b[^.;]{0,80}?"
    rf"\b(?:on\s+(?:{'|'.join(WEEKDAYS)})|yesterday|today|earlier\s+(?:today|this\s+week))\b",
    re.I,
)
_STATE_RIGHT = [
    (
        "referenced",
        re.compile(
            r"^[^.;]{0,40}?\bsigned\s+(?:in\s+(?:\w+\s+)?\d{4}|last\s+\w+|\w+\s+years?\s+ago)|^[^.;]{0,30}?"
            r"\bin\s+force\b|^[^.;]{0,60}\bexpires?\b",
            re.I,
        ),
    ),
    ("signed", _WAS_SIGNED),
    ("signed", _SIGNED_THIS_WEEK),
    (
        "draft",
        re.compile(
            r"^[^.;]{0,120}?\b(?:under\s+consideration|under\s+review|being\s+reviewed|(?:is|are)\s+to\s+be\s+signed|"
            r"being\s+negotiated|been\s+agreed\s+at\s+expert)",
            re.I,
        ),
    ),
]
_LIST_START = re.compile(
    r"^\s*(?:They|(?:The|These|Those)\s+(?:\w+\s+){0,2}(?:documents?|agreements|deals|pacts|MoUs|accords)"
    r"(?:\s+signed)?)\s+(?:include|included|includes|are|were|cover|covered)\b|^\s*Among\s+(?:them|the\s+documents)\b"
)
_MULTILATERAL = re.compile(r"(?:UN|U\.N\.|United\s+Nations)\b")
_CEREMONY = re.compile(r"\bsigning\s+ceremony\b", re.I)
_DOCUMENTS = r"(?:documents|agreements|deals|pacts|MoUs|memoranda|accords|contracts)"
_SIGNED_SEVERAL = re.compile(
    r"\bsigned\s+(?:\w+\s+){0,2}(?:documents?|agreements|deals|pacts|MoUs|memoranda|accords|contracts)\b"
    # "List of 7 MoUs signed between A and B", "the exchange of documents", "exchanged six agreements"
    rf"|\b{_DOCUMENTS}\s+(?:were\s+)?signed\b(?!\s+(?:in\s+\d{{4}}|last\b|\w+\s+years?\s+ago))"
    rf"|\bexchange\s+of\s+(?:the\s+)?(?:signed\s+)?{_DOCUMENTS}|\bexchanged\s+(?:the\s+)?(?:\w+\s+)?{_DOCUMENTS}"
    # "the two governments agreed on five cooperation agreements": as many documents concluded
    rf"|\bagreed\s+on\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d{{1,2}})\s+(?:[\w-]+\s+)?{_DOCUMENTS}"
)
# a list's item that opens with its document: "MoU on ...", "Memorandum of Understanding between ..."
_ITEM_START = re.compile(
    r"^\s*(?:(?:An?|The)\s+)?(?:MoU|MOU|Memorandum|Agreement|Protocol|Treaty|Programme|Program|Contract)\b"
)
_PERIOD = re.compile(
    r"\b(?:for|in|during)\s+(?:the\s+(?:period\s+)?)?((?:19|20)\d\d)\s*-\s*((?:19|20)?\d\d)\b"
)
_LEADING_PERIOD = re.compile(r"((?:19|20)\d\d)\s*-\s*((?:19|20)?\d\d)\b")
# a period of one year or up to a year: "plan for 2023", "vision until 2030", "plan up to 2030"
_YEAR_PERIOD = re.compile(
    r"\b(?:(?P<for>for)(?:\s+the\s+year)?|(?:up\s+)?(?:until|till|to)|by|through)\s+"
    r"(?P<year>(?:19|20)\d\d)\b(?!\s*[-\u2013/]|\s+(?:and|or|to)\s+(?:19|20)\d\d)"
)


def _period(title: str) -> tuple[int | None, int | None]:
    """The years a document's title says it covers: "for 2019-2022", "in the 2018-2020 period", "the
    2021-2025 action plan" (first and last year), "for 2023" (that year), "until 2030" (up to that year,
    from no year given)."""
    per = _PERIOD.search(title) or _LEADING_PERIOD.match(title)
    if per:
        b = per.group(2)
        return int(per.group(1)), int(b) if len(b) == 4 else int(per.group(1)[:2] + b)
    one = _YEAR_PERIOD.search(title)
    if not one:
        return None, None
    year = int(one.group("year"))
    return (year, year) if one.group("for") else (None, year)


# a joint statement the two sides put out together: "issued a joint statement", "the joint statement
# released after the talks", "the leaders approved a joint statement on ..."
_STATEMENT_ISSUED = re.compile(
    r"\b(?:issued|released|approved|endorsed)\s+(?:a|an|the|their)?\s*(?:[\w-]+\s+){0,2}joint\s+(?:statement|communiqu[eé])\b"
    r"|\bjoint\s+(?:statement|communiqu[eé])\s+(?:issued|released|approved|endorsed)\b",
    re.I,
)


# a statement both sides adopted or signed, "joint" left unsaid: "the leaders adopted a statement on ...",
# "signed a statement of partnership" (a body's own statement is issued or released, never adopted)
_STATEMENT_ADOPTED = re.compile(r"\b(?:jointly\s+)?(?:adopted|signed|inked)\s+(?:a|the|their)\s+$", re.I)


def _adopted_statement(text: str, start: int) -> bool:
    """A statement "on ..." that the sides adopted together, which is their joint statement."""
    return bool(_STATEMENT_ADOPTED.search(text[max(0, start - 30) : start]))


def _issued_statement(text: str, start: int, end: int) -> bool:
    """A joint statement the sides issued, not one only quoted as a source ("according to a joint
    statement issued after the talks")."""
    if re.search(
        r"\baccording\s+to\s+(?:a|an|the)\s+(?:[\w-]+\s+)?$", text[max(0, start - 40) : start], re.I
    ):
        return False
    return bool(_STATEMENT_ISSUED.search(text[max(0, start - 40) : end + 60]))


_ANNIVERSARY = re.compile(
    r"\b(\d{1,3})(?:st|nd|rd|th)\s+anniversary\s+of\s+(?:the\s+)?(?:signing\s+of\s+(?:the\s+)?)?$"
)
_NEXT_YEAR = re.compile(r"\bnext\s+year\b")
# a participle after a document's name that dates it: "the Lakeside Accord, signed by both ministers on
# 3 May 2009", "the X Treaty, which was signed in Lakeside in May 2001"
_SIGNED_THEN = re.compile(
    r"\s*,?\s*(?:(?:which|that)\s+(?:was|were)\s+)?signed\b[^.;]{0,80}?"
    r"(?:\b(?:on|in)\s+(?=[A-Z\d])|\s(?=last\s+year\b|(?:a|one|two|three|four|five|\d+)\s+years?\s+ago\b))"
)
# the years an anniversary spans, in brackets after the document: "the 20th anniversary of the X Accord
# (March 2003 - 2023)"
_SPAN_OF_YEARS = re.compile(rf"\s*\((?:({MONTH_PATTERN})\s+)?(\d{{4}})\s*[-\u2013]\s*\d{{4}}\)")
# the month a document named in passing dates from, right after its name at a clause's end: "carrying out
# the minutes of the 5th session in May 2019."
_IN_MONTH = re.compile(rf"\s+in\s+({MONTH_PATTERN})\.?\s+((?:19|20)\d\d)\s*(?=[.;,]|$)")
_LEADING_YEAR = re.compile(r"^((?:19|20)\d\d)\s+(?![-\u2013])")
_SIGNED_IN = re.compile(r"\bsigned\s+in\s+(?:\w+\s+)?(\d{4})\b|\bin\s+force\s+since\s+(\d{4})")


# a signing that names how many documents it produced: "signed six agreements", "five pacts were exchanged"
_COUNT = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2}|several)\s+(?:[\w-]+\s+){0,2}?"
    r"(agreements|documents|MoUs|MOUs|memoranda|memorandums|pacts|deals|accords)\b",
    re.I,
)
_SIGNING = re.compile(r"\b(?:signed|sign|signing|exchanged|inked|concluded)\b", re.I)
_ORDINALS = r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|other|last|final"
# each document of such a signing, one by one: "The second document ...", "the fourth one was between ..."
_ENUMERATED = re.compile(
    rf"\b(?:[Tt]he|[Aa])\s+(?:(?P<ord>{_ORDINALS})\s+(?P<noun>agreement|document|memorandum|MoU|MOU|pact|deal|accord|one)"
    r"|(?P<noun2>document|pact|deal)(?=\s+(?:on|for|to|regarding|concerning|related)\b))\b"
)
_COPULA = re.compile(
    r"\s(?:was|were|is)\s+(?=(?:related\s+to|about|for|on|to|regarding|concerning|between)\b)"
)


def _enumerated(text: str, noun_of_count: str, people_info) -> list[tuple[int, int, str, str]]:
    """The documents a sentence enumerates after a counted signing: (start, end, title, parties part)."""
    found = list(_ENUMERATED.finditer(text))
    out = []
    for i, m in enumerate(found):
        limit = found[i + 1].start() if i + 1 < len(found) else len(text)
        noun = m.group("noun") or m.group("noun2")
        if noun == "one":
            noun = noun_of_count
        seg_start = m.end()
        seg = text[seg_start:limit]
        cop = re.match(r"\s*(?:that\s+)?(?:was|were|is)\s+(?!signed\b)", seg)
        signed = re.match(r"\s*(?:that\s+)?(?:was\s+|were\s+)?signed\s+(by|between)\b", seg)
        if cop:
            purpose_at = cop.end()
        elif signed and signed.group(1) == "between":
            purpose_at = signed.start(1)
        elif signed:
            c = _COPULA.search(seg)
            if c:
                purpose_at = c.end()
            else:
                ends = [men.end - seg_start for men in people_info.mentions if seg_start <= men.start < limit]
                if not ends:
                    continue
                purpose_at = max(ends)
        else:
            purpose_at = 0
        purpose = seg[purpose_at:]
        cut = re.search(r",?\s+while\b|;|,?\s+and\s+(?:the|a)\s*$|\.\s*$|\s+and\s*$", purpose)
        purpose = purpose[: cut.start()] if cut else purpose
        purpose = " ".join(purpose.split()).strip(" ,")
        if not re.match(r"(?:related\s+to|about|for|on|to|regarding|concerning|between)\b", purpose):
            continue
        if len(purpose.split()) < 2:
            continue
        out.append((m.start(), limit, f"{noun} {purpose}", purpose))
    return out


def _parties_between(title: str) -> list[str]:
    """The two sides of "between A, City, and B, City, to ...": split at ", and" before a bare "and"."""
    m = re.search(r"\bbetween\s+(?:the\s+)?(.+)", title)
    if not m:
        return []
    rest = m.group(1)
    for sep in (r",\s+and\s+(?:the\s+)?", r"\s+and\s+the\s+", r"\s+and\s+"):
        parts = re.split(sep, rest, maxsplit=1)
        if len(parts) == 2:
            first = parts[0].split(",")[0].strip()
            second = re.split(r",|\s+(?:to|for|on|in)\s", parts[1])[0].strip()
            return [first, second] if first and second else []
    return []


# where the second side of "between A and B" ends: a complement that goes on in lower case ("on trade",
# "for 2015-2018"), a clause after a comma, or the end of the title
_SIDES_END = re.compile(
    r"\s+(?:on|for|in|to|regarding|concerning|at|with)\s+(?=[a-z0-9])(?!the\s+[A-Z])|,\s+(?=[a-z])|$"
)
_PAREN_NAME = re.compile(r"\s*\([A-Z][\w-]{1,15}\)")


def between_sides(title: str) -> list[str]:
    """The two sides of "between A and B" in a document's title, with capitalised complements that are part
    of a side's name ("the Federal Service for Hydrometeorology") and without a bracketed short name; the
    cut at the first "and the", else at the first "and" (the linking stage re-cuts with the bodies it
    knows)."""
    m = re.search(r"\bbetween\s+(?:the\s+)?(.+)", title)
    if not m:
        return []
    rest = _PAREN_NAME.sub("", m.group(1))
    rest = rest[: _SIDES_END.search(rest).start()].strip(" ,")
    cuts = [cut_at(rest, i) for i in range(len(rest)) if rest.startswith(" and ", i)]
    cuts = [c for c in cuts if c[0] and c[1]]
    return list(max(cuts, key=lambda c: cut_score(rest, *c))[:2]) if cuts else []


# "the Vietnam-EAEU free trade agreement", "the U.S.-North Korea agreement": two sides joined by a dash
_COMPOUND = re.compile(
    r"(?:^|(?<=\s))(?P<a>(?:[A-Z][\w.]*\s+){0,3}?[A-Z][\w.]*)\s*[-\u2013]\s*(?P<b>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)"
)
# the words of a document's own name, where the second side of such a compound ends
_DOCUMENT_WORDS = re.compile(
    r"\b(?:free|trade|agreements?|treaty|fta|memorandum|mou|protocol|plan|programme|program|joint|declaration|"
    r"statement|cooperation|partnership|comprehensive|strategic|peace|military|defen[cs]e|deal|pact|accord)\b",
    re.I,
)


_LEFT_SIDE = re.compile(r"(?<![\w.])(?:[A-Z][\w.]*\s+){0,3}[A-Z][\w.]*\s*[-\u2013]\s*$")


def compound_sides(title: str) -> list[str]:
    """The two sides a title names before its document, joined by a dash ("Vietnam - Eurasian Economic
    Union Free Trade Agreement"), without the document's own words."""
    m = _COMPOUND.search(title)
    if not m:
        return []
    b, rest = m.group("b"), title[m.end() :]
    end = _DOCUMENT_WORDS.search(b)
    if end:
        b = b[: end.start()].strip()
    elif not _DOCUMENT_WORDS.match(rest.lstrip()):
        return []  # "the Phnom Penh-Bavet expressway": a road's ends, not the document's sides
    sides = [m.group("a"), b]
    named = [[c for c in find_countries(x) if c.start == 0 and c.end == len(x)] for x in sides]
    if not b or any(
        (whole and whole[0].kind == "demonym") or (not whole and is_city(x))
        for x, whole in zip(sides, named, strict=True)
    ):
        return []  # "a Vietnamese-Cuban joint venture", "the Lima-Cusco road": no sides by their names
    return sides


# "the Lima Bar Association and Tampere Law Society Memorandum on ...": two bodies named before the document
_JOINED = re.compile(
    r"^(?P<a>[A-Z][\w.'-]*(?:\s+(?:of|for|and|[A-Z][\w.'-]*))*?(?:\s*\([A-Z]{2,8}\))?)\s+and\s+"
    r"(?P<b>[A-Z][\w.'-]*(?:\s+(?:of|for|[A-Z][\w.'-]*))*)"
)


def joined_sides(title: str) -> list[str]:
    """The two sides a title opens with, joined by "and" before its document, both named in capitals
    ("Lima Bar Association and Tampere Law Society MoU"); not a title that joins two documents."""
    m = _JOINED.match(title)
    if not m:
        return []
    a, b = m.group("a"), m.group("b")
    end = _DOCUMENT_WORDS.search(b)
    if end:
        b = b[: end.start()].strip()
    if (
        not b
        or _DOCUMENT_WORDS.search(a)
        or not _DOCUMENT_WORDS.match(title[m.start("b") + len(b) :].lstrip())
    ):
        return []
    return [_PAREN_NAME.sub("", a).strip(), b]  # a side's bracketed short name is no part of its name


def cut_at(text: str, i: int) -> tuple[str, str, int]:
    """The two sides of ``text`` cut at the " and " at ``i`` (the second without its "the")."""
    left, right = text[:i].strip(), text[i + 5 :].strip()
    return left, right.removeprefix("the "), i


def cut_score(text: str, left: str, right: str, i: int) -> tuple[bool, bool, bool, int]:
    """How well a cut of "A and B" parts two names: a comma list ends at its own "and" ("Ministry of
    Trade, Industry and Energy and ..."); the second side opens with "the" and a capital, or with its
    state's name ("... and Vietnam's Ministry of ..."); among equals, the first cut."""
    whole = not re.search(r",\s+(?:(?!\band\b)[^,])+$", left)
    the = right[:1].isupper() and text[i + 5 : i + 9] == "the "
    state_first = bool(re.match(r"[A-Z][\w ]*?['\u2019]s\s", right)) or any(
        m.start == 0 and m.kind != "city" for m in find_countries(right)
    )
    return whole, the, state_first, -i


@dataclass(slots=True)
class Agr:
    key: str
    title: str
    kind: str
    state: str = "referenced"
    period_start: int | None = None
    period_end: int | None = None
    signed_on: PartialDate | None = None
    parties_text: list[str] = field(default_factory=list)
    party_countries: list[str] = field(default_factory=list)
    signatories: list[str] = field(default_factory=list)
    sentences: dict[int, set[str]] = field(default_factory=dict)
    primary: bool = True
    party_orgs: list[str] = field(default_factory=list)  # organization keys, once linked
    meeting: str | None = None  # the meeting it was signed at
    delegation: str | None = None  # the visit it was signed during
    ceremony: int | None = None  # the sentence of the counted signing it was one of ("signed six agreements")
    anniversary: int | None = None  # years since its signing, in the year the text marks them
    plural: bool = False  # named in the plural ("cooperation agreements"): several documents at once


_ACRONYM_AFTER = re.compile(r"\s*(?:[A-Za-z]{2,6}|[A-Z][\w-]{1,15})\s*\)")


# the purpose that names a document right after its kind: "an agreement to expand and deepen ties", "a
# memorandum to promote trade" (a lower-case verb, no article nor number)
_PURPOSE_VERB = re.compile(
    r"\s+(?!(?:the|a|an|be|its|their|his|her|this|that|\d)\b)[a-z]{3,}\b(?!\s+(?:of|to)\b)"
)


_CLOSING_YEAR = re.compile(r"\s+(?:19|20)\d\d\b(?!\s*[-\u2013/])")


def _closing_year(word: str, text: str, pos: int) -> bool:
    """ "until 2030", "to 2030", "by 2030" after a document's name: the last year it covers, part of it."""
    return word in {"until", "till", "to", "by", "through"} and bool(_CLOSING_YEAR.match(text, pos))


# the value of a deal or contract, between its kind word and what it is for: "a deal worth 2 billion
# dollars for ...", "a contract valued at $300m to build ..."
_WORTH = re.compile(
    r"\s+(?:worth|valued\s+at)\s+(?:(?:about|around|some|nearly|almost|over|more\s+than|up\s+to|an\s+estimated)\s+)?"
    r"(?:(?:US|A|C|HK|S|NZ)?[$\u20ac\u00a3\u00a5]\s?)?\d[\d.,]*\s*(?:(?:million|billion|trillion|bn|mln|m)\b\s*)?"
    r"(?:(?:(?:US|U\.S\.|Australian|Canadian)\s+)?dollars|euros?|pounds(?:\s+sterling)?|yuan|rupees|yen|r[ou]+bles|"
    r"USD|EUR|RMB)?(?=\s+(?:for|on|to|with)\b)",
    re.I,
)


def _span(text: str, m: re.Match[str]) -> tuple[int, int] | None:
    """Extend a kind word to the agreement's name: modifiers before, complements after (past a value
    told between them, which counts as a modifier)."""
    kind = m.group(1).lower()
    if _no_document_named(text, m, kind):
        return None
    start, mods = _left_edge(text, m.start())
    worth = _WORTH.match(text, m.end())
    mods += bool(worth)
    reach = _right_edge(text, worth.end() if worth else m.end())
    end = _without_tail(text, start, reach.end)
    compound = _compound_start(text, m.start()) if kind not in _WEAK else None
    if compound is not None and compound < start:
        # "signed a visa waiver agreement": a name of common nouns, taken where the document is signed or
        # to come (one only spoken of that has no other words of a name is too vague to be one)
        if not _too_bare(text, m, kind, start, end, mods, reach.complements) or _state(
            text, compound, end, 0
        ) in {"signed", "draft", "proposed"}:
            start, mods = compound, mods + 1
    if _too_bare(text, m, kind, start, end, mods, reach.complements):
        return None
    return start, end


# what opens the name of a deal: a determiner or a number
_DEAL_OPENS = {"a", "an", "the", "their", "its", "this", "two", "three", "four", "five", "six", "seven",
               "eight", "nine", "ten", "several"}  # fmt: skip


_DEAL_VERBS = {"of", "signed", "inked", "sealed", "struck", "clinched", "concluded", "exchanged"}


def _deal_noun(before: str) -> bool:
    """Whether "deal" is a noun: a determiner or a number opens it, at most four words before it, none
    of them a verb or a word that ends a name ("the sides will deal with": the verb)."""
    for n, word in enumerate(reversed(re.findall(r"[\w-]+", before))):
        low = word.lower()
        if low in _DEAL_OPENS or low.isdigit() or (n == 0 and low in _DEAL_VERBS):
            return True  # "signed a grain deal", "two deals", "the signing of deals"
        if n == 4 or low in _BOUNDARY or low in {"must", "to", "they", "we"}:
            return False
    return False


# "agreement" with no determiner after a verb of coming to it or "in": the sides' consent, no document
_CONSENT = re.compile(
    r"\b(?:reach(?:ed|es|ing)?|c[oa]me\s+to|coming\s+to|in|by\s+mutual|in\s+full|broad)\s+$", re.I
)


def _no_document_named(text: str, m: re.Match[str], kind: str) -> bool:
    """Whether the kind word names no new document: one named before and spoken of, minutes of time, or
    one side's own plan."""
    if re.match(
        r"'s\b|\s+(?!(?:on|of|for|between|with|in|to|regarding|concerning|signed)\b)[a-z]+(?:s|ed)\b",
        text[m.end() :],
    ):
        # "the treaty's role", "the agreement underscores ...", "the pact followed the talks": the text goes
        # on about a document it named
        if re.search(
            r"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:(?:newly|recently|just|new|signed|landmark|same)\s+){0,2}$",
            text[max(0, m.start() - 30) : m.start()],
        ):
            return True
    if m.group(1) == "agreement" and _CONSENT.search(text[max(0, m.start() - 30) : m.start()]):
        return True  # "reached agreement on the need to ...", "in agreement with": consent, no document
    if kind in {"deal", "deals"} and not _deal_noun(text[max(0, m.start() - 60) : m.start()]):
        return True  # "to deal with", "the sides will deal with": the verb
    if kind == "minutes" and re.search(
        r"\b(?:\d+|few|several|two|three|four|five|ten|fifteen|twenty|thirty|forty|fifty|sixty)\s+(?:more\s+)?$",
        text[max(0, m.start() - 20) : m.start()],
        re.I,
    ):
        return True  # "they spoke for 40 minutes": time, not a meeting's record
    # "Australia's plan", "the institute's programme": one side's own, no agreement
    return kind in _WEAK and bool(
        re.search(r"[\w.-]+'s\s+(?:[\w-]+\s+){0,3}$", text[max(0, m.start() - 60) : m.start()])
    )


def _left_edge(text: str, kind_start: int) -> tuple[int, int]:
    """Where the name starts, taking in the modifiers before its kind word ("free trade", capitalised
    words, "and" between them, its years); and how many modifiers it took."""
    start = kind_start
    mods = 0
    for w in reversed(list(re.finditer(r"[\w'-]+", text[:kind_start]))):
        word = w.group(0)
        if text[w.end() : start].strip() and not _acronym_gap(text, w, start):
            break
        if word.lower() in _BOUNDARY and word.lower() != "and":
            break  # "Signed Protocol on ...": a verb opening the sentence is no part of the name
        if word.lower() in _LEFT_MODIFIERS or (word[:1].isupper() and word.lower() not in {"the", "a", "an"}):
            start = w.start()
            mods += 1
        elif _YEARS_WORD.fullmatch(word):
            start = w.start()  # "the 1994 treaty", "the 2021-2025 action plan": its year, no modifier
        elif word.lower() == "and" and mods:
            start = w.start()
        else:
            break
    while text[start:].lower().startswith("and "):
        start += 4
    return start, mods


# the words that open a noun phrase before a document named by a compound of common nouns ("a visa
# waiver agreement", "their grain supply deal"), and the adjectives that only describe it ("a new ...")
_DETERMINERS = {"a", "an", "the", "their", "its", "two", "three", "four", "five", "both"}
_DESCRIBING = {
    "new", "old", "similar", "previous", "earlier", "existing", "such", "important", "landmark", "historic",
    "significant", "major", "key", "relevant", "current", "recent", "first", "second", "final", "same",
    "possible", "proposed", "draft", "signed", "preliminary", "tentative", "verbal", "broad", "mutual",
    "further", "additional", "another", "other", "respective", "said", "big", "great", "good", "formal",
    "informal", "specific", "concrete", "certain", "various", "several", "many", "some", "separate",
    "initial", "corresponding", "necessary", "long-awaited", "bilateral", "multilateral",
}  # fmt: skip
_YEARS_WORD = re.compile(r"(?:19|20)\d\d(?:-(?:19|20)?\d\d)?")


_DURATION_WORD = re.compile(r"\d{1,3}-(?:year|month|day)")


def _compound_start(text: str, kind_start: int) -> int | None:
    """Where a name of common nouns before the kind word starts ("a double taxation avoidance agreement":
    "double"), when a determiner opens it (adjectives that only describe the document left out); none
    where no determiner stands within four words."""
    words = list(re.finditer(r"[\w'-]+", text[max(0, kind_start - 80) : kind_start]))
    offset = max(0, kind_start - 80)
    start, pos, taken = None, kind_start, 0
    for w in reversed(words):
        word, low = w.group(0), w.group(0).lower()
        if text[offset + w.end() : pos].strip():
            return None  # a comma or bracket inside: no one noun phrase
        if low in _DETERMINERS or ((low in _DESCRIBING or _DURATION_WORD.fullmatch(low)) and taken):
            return start if taken else None  # "a 15-year gas supply deal": its term describes it
        if low in _BOUNDARY or low in _DESCRIBING or taken == 4 or not re.fullmatch(r"[a-z][a-z-]+", word):
            return None
        start, pos, taken = offset + w.start(), offset + w.start(), taken + 1
    return None


def _acronym_gap(text: str, w: re.Match[str], start: int) -> bool:
    """Whether only a bracket around a short name stands between ``w`` and the name's start, within a
    capitalised name ("Lakeland Press Agency (LPA) Memorandum")."""
    gap = text[w.end() : start].strip()
    if gap == ")":
        return bool(re.fullmatch(r"[A-Z]{2,8}", w.group(0))) and text[: w.start()].endswith("(")
    return gap == "(" and w.group(0)[:1].isupper() and bool(re.match(r"[A-Z]{2,8}\)", text[start:]))


@dataclass(slots=True)
class _Reach:
    """How far a name runs after its kind word, read word by word."""

    end: int  # the end of the last word taken into the name
    complements: int = 0  # the complements taken ("on trade", "for 2019-2022", "to expand ...")
    words: int = 0  # the words taken
    in_acronym: bool = False  # inside a bracketed short name ("(MoU)")


def _right_edge(text: str, kind_end: int) -> _Reach:
    """How far the name runs after its kind word, taking in its complements."""
    reach = _Reach(kind_end)
    for w in _WORD.finditer(text, kind_end):
        step = _next_word(text, w, reach)
        if step == "stop":
            break
        if step == "take":
            reach.words += 1
            reach.end = w.end()
    return reach


def _next_word(text: str, w: re.Match[str], reach: _Reach) -> str:
    """What the next word does to the name: "skip" it (a bracketed short name, a comma inside a list),
    "stop" the name before it, or "take" it in."""
    word = w.group(0)
    low = word.lower()
    if reach.in_acronym:
        reach.in_acronym = word != ")"
        return "skip"
    if word == "(" and _ACRONYM_AFTER.match(text, w.end()):
        reach.in_acronym = True  # "memorandum of understanding (MoU) on ...": the name goes on
        return "skip"
    if word[0] in "-–" and word[1:2].isupper():
        return "stop"  # "a Memorandum of Understanding -MoU": an acronym glued on with a dash ends the name
    if word in {",", ";", ":", ".", "(", ")", '"'}:
        return "skip" if word == "," and reach.complements and _list_goes_on(text, w.end(), reach) else "stop"
    if _stops_at_boundary(text, w, reach):
        return "stop"
    if _name_ends_before(text, w.end(), low):
        return "stop"
    if low in {"on", "of", "for", "between", "with", "in"}:
        reach.complements += 1
    if re.fullmatch(r"\d{4}\s*-\s*\d{2,4}", word) or re.fullmatch(r"\d{4}-\d{2,4}", word):
        reach.complements += 1
    return "take"


def _list_goes_on(text: str, pos: int, reach: _Reach) -> bool:
    """Whether a comma inside a complement opens a list that goes on to its "and" ("on trade, investment
    and energy"), part of the name."""
    rest = text[pos:]
    nxt = re.match(r"\s*([\w'-]+)", rest)
    return bool(
        nxt
        and nxt.group(1).lower() not in _BOUNDARY
        and re.match(r"(?:\s*[\w'-]+(?:\s+[\w'-]+)?\s*,)*\s*[\w'-]+(?:\s+[\w'-]+)?,?\s+and\b", rest)
        and not re.match(r"\s*(?:a|an|the)\s", rest)
        and reach.words < 25
    )


# a second document named by its capitalised name after "and": "... on fishing and Lakeland Press Agency
# (LPA) and Ruritania Radio Agreement on ..."
_NEXT_NAMED = re.compile(
    r"\s+[A-Z][\w.'-]*(?:\s+(?:[A-Z][\w.'-]*|\([A-Z]{2,8}\)|and|of|for))*?\s+"
    r"(?:Agreement|Memorandum|MoU|MOU|Treaty|Protocol|Programme|Program|Plan|Contract|Declaration|Accord|Letter)\b"
)


# "and" opening a clause of the sentence's subject after a document's name: "... for rural schools and
# spoke about the plan", "... on fishing and said that ..."
_AND_CLAUSE = re.compile(
    r"\s+(?:[a-z]+ed|spoke|said|told|held|met|gave|took|made|saw|went|was|were|is|are|has|have|will)"
    r"\s+(?:the|a|an|about|that|his|her|their|its|with|to|in|on)\b"
)


def _states_joined(text: str, w: re.Match[str]) -> bool:
    """Whether "and" joins two states that the document's own name gives as its sides ("the Lakeland and
    Ruritania Free Trade Agreement"): one name, not a second document."""
    before = re.search(r"([A-Z][\w'-]*)\s*$", text[: w.start()])
    after = re.match(r"\s+([A-Z][\w'-]*)", text[w.end() :])
    return bool(before and after and country_by_name(before.group(1)) and country_by_name(after.group(1)))


def _stops_at_boundary(text: str, w: re.Match[str], reach: _Reach) -> bool:
    """Whether a word that ends a name ("signed", "which", "to", "and") ends this one; "to" may go on to
    a capitalised side or say what the document is for (counted as a complement), "and" may join two
    complements, and "until 2030" is the name's last year."""
    low = w.group(0).lower()
    if (
        low not in _BOUNDARY
        or (
            low == "and"
            and reach.complements
            and not re.match(r"\s+(?:a|an)\s", text[w.end() :])
            and not _AND_CLAUSE.match(text, w.end())
            and not (_NEXT_NAMED.match(text, w.end()) and not _states_joined(text, w))
        )
        or _closing_year(low, text, w.end())
    ):
        return False
    if low == "to" and re.match(r"\s+(?:the\s+)?[A-Z]", text[w.end() :]) and reach.complements:
        return False
    if low == "to" and reach.words == 0 and _PURPOSE_VERB.match(text, w.end()):
        reach.complements += 1  # "an agreement to expand cooperation between A and B": what it is for
        return False
    return True


# a city after "in", then the sentence's end or what follows a name: where a document was signed
_CITY_THEN = re.compile(
    r"\s+([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)(?=\s*(?:[,.;]|$|\s+(?:on|today|yesterday|in|at|after|during)\b))"
)
_DURATION = re.compile(r"\s+(?:another|a\s+further|further)?\s*(?:\w+\s+)?(?:more\s+)?years\b")


def _name_ends_before(text: str, pos: int, low: str) -> bool:
    """Whether the word ``low`` opens what follows the name: a side ("on the Russian side"), the other
    signer ("with his counterpart"), a date ("on Friday")."""
    if low == "on" and re.match(r"\s+the\s+\w+\s+side\b", text[pos:]):
        return True
    if re.match(
        {
            "in": r"\s+the\s+presence\s+of\b",
            "on": r"\s+the\s+(?:sidelines|margins?)\s+of\b",
            "following": r"\s+(?:the|their|its)\s+(?:[\w-]+\s+)?(?:talks|meeting|visit)\b",
        }.get(low, "$^"),
        text[pos:],
    ):
        return True  # "signed a deal on trade in the presence of ...", "... on the sidelines of the forum"
    city = _CITY_THEN.match(text, pos)
    if low == "in" and city and is_city(city.group(1)):
        return True  # "signed a memorandum on trade in Lakeside on Friday": where it was signed
    if low == "for" and _DURATION.match(text, pos):
        return True  # "renewed the agreement on X for another ten years": how long, no part of its name
    if low == "with" and re.match(
        r"\s+(?:the\s+)?[A-Z][\w.-]*(?:['\u2019]s)?\s+(?:[A-Z][\w.-]*\s+)*?[A-Z]", text[pos:]
    ):
        return True  # "signed a memorandum on trade with the Lakeland Ministry of Energy": the other side
    if low in {"with", "and"} and re.match(r"\s+(?:his|her|their)\s", text[pos:]):
        return True  # "signed a memorandum on trade with his counterpart NAME": the signing's other side
    # "signed the X Agreement on Friday": the date is no part of the name
    return low in {"on", "in"} and bool(
        re.match(
            rf"\s+(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|{MONTH_PATTERN}\b|\d(?!\d{{3}}\s*-\s*\d))",
            text[pos:],
        )
    )


def _without_tail(text: str, start: int, end: int) -> int:
    """The name's end without the small words it ended on ("the", "and", "of", ...)."""
    while True:
        tail = re.search(r"\s+(?:the|a|an|and|of|on|for|in|with|between)$", text[start:end], re.I)
        if not tail:
            return end
        end = start + tail.start()


# a document signed by the words just before its name: "signed an accord on ...", "inked a declaration on"
_SIGNED_JUST_BEFORE = re.compile(r"\b(?:signed|inked|sealed|concluded)\s+(?:a|an)\s+$")


# kinds that name no document alone ("the agreement", "a deal"): a modifier or a complement is needed
_NEEDS_WORDS = {"agreement", "agreements", "memorandum", "treaty", "protocol", "deal", "deals"}


def _too_bare(
    text: str, m: re.Match[str], kind: str, start: int, end: int, mods: int, complements: int
) -> bool:
    """Whether the name is too bare to be an agreement: a weak kind ("plan", "programme") without a period,
    capitals, cooperation or modifiers; an agreement without modifiers or complements; "the MoU" named
    before."""
    if kind in _WEAK or kind in _NEEDS_WORDS:
        title = text[start:end]
        has_period = bool(_PERIOD.search(title))
        caps = m.group(1)[:1].isupper()
        if kind in _WEAK and not (
            has_period or caps or "cooperation" in title.lower() or mods or complements
        ):
            return True
        if kind in {"program", "programme", "plan"} and not (
            complements or has_period or re.search(r"\b(?:cooperation|joint)\b", title, re.I)
        ):
            return True  # "the Asia Program" of an institute, "an action plan": one side's, no agreement
        if kind in _WEAK and not (has_period or caps or "cooperation" in title.lower() or " of " in title):
            if not mods and not (
                complements and _SIGNED_JUST_BEFORE.search(text[max(0, start - 40) : start])
            ):
                return True  # "signed an accord on water", "inked a declaration on youth": named enough
        if kind in _NEEDS_WORDS and not (mods or complements):
            return True
        if kind in {"deal", "deals"} and not (
            mods or re.match(r"\s+(?:on|to|for|between)\b", text[m.end() :])
        ):
            return True  # "a new deal with its neighbours": what it is for left unsaid
    # "the MoU was inked by ...": the memorandum named before, by its short name
    return (
        kind == "mou"
        and not (mods or complements)
        and bool(re.search(r"\b(?:the|this|that)\s+$", text[:start], re.I))
    )


# a time before the article's own, given before a document the sentence says was signed
_PAST_BEFORE = re.compile(
    r"\b(?:(?:of\s+)?last\s+year|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+years?\s+ago)\b",
    re.I,
)


def _recalled_signing(text: str, start: int, end: int) -> bool:
    """Whether the sentence says the document "was signed" at a time it places before the article's."""
    return bool(_PAST_BEFORE.search(text[:start]) and _WAS_SIGNED.search(text[end : end + 160]))


# a signing put off, told after the document's name: "The signing of X was postponed", "... has been delayed"
_PUT_OFF = re.compile(
    r"^[^.;]{0,80}?\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:postponed|delayed|put\s+off|deferred|"
    r"called\s+off|cancell?ed)\b",
    re.I,
)


def _state(text: str, start: int, end: int, prev_end: int) -> str | None:
    left = text[prev_end:start]
    best, best_pos = None, -1
    for state, pattern in _STATE_LEFT:
        for m in pattern.finditer(left):
            if m.end() > best_pos or (m.end() == best_pos and state == "draft"):
                best, best_pos = state, m.end()
    right = text[end : end + 160]
    if _PUT_OFF.match(right):
        return "proposed"  # "the signing of X was postponed": still to be signed
    for state, pattern in _STATE_RIGHT:
        if pattern.search(right):
            if state == "signed" and _recalled_signing(text, start, end):
                return "referenced"  # "in May last year, a plan ... was signed": an older signing recalled
            if state in {"referenced", "signed"} or best in {None, "referenced", "proposed"}:
                return state
    return best


@dataclass(slots=True)
class _Count:
    """A signing that counts its documents ("signed six agreements"), which later sentences may enumerate."""

    noun: str  # what it counts, in the singular ("agreement", "MoU")
    date: PartialDate | None  # the day the counting sentence gives
    sentence: int


@dataclass(slots=True)
class _Reading:
    """The documents found so far, what a sentence leaves to the next, and what every step reads."""

    people: People
    date_of: Callable
    out: list[Agr] = field(default_factory=list)
    prev_state: str | None = None  # the state the sentence before left, which a list after it inherits
    signed_at: int = -10  # the last sentence that reports documents signed ("signed four documents")
    counted: _Count | None = None  # the last counted signing
    tallies: list[Agr] = field(default_factory=list)  # the counts of documents signed unnamed
    bare: Agr | None = None  # a document signed unnamed ("They signed a memorandum."), the next may name

    def add(self, a: Agr, idx: int) -> None:
        """``a`` merged into the document it names again (the longer title kept), else kept as a new one."""
        for e in self.out:
            if _similar(e.title, a.title) >= 0.7 or _abbreviated(a.title, e.title) or _restated(a, e):
                if len(a.title) > len(e.title):
                    e.title = a.title
                e.sentences.setdefault(idx, set()).update({"title"})
                return
        a.key = f"agr{len(self.out) + 1}"
        self.out.append(a)


@dataclass(slots=True)
class _Sentence:
    """One body sentence that names documents, as the steps read it."""

    idx: int
    text: str
    signers: list[str]  # the people it names, who sign what it reports signed
    state: str | None  # the state of the document named last, which the next one without its own takes
    prev_end: int = 0  # where the document named last ends


def detect(sentences, people: People, date_of) -> list[Agr]:
    """The agreements the body sentences name, each once. ``date_of(idx, text)`` resolves a sentence's
    dates."""
    r = _Reading(people, date_of)
    for idx, sentence in enumerate(sentences):
        if sentence.kind != "body":
            r.prev_state = None
            continue
        _read_sentence(r, idx, sentence.text)
    if any(not a.plural for a in r.out):  # a count of documents stands alone only in a text naming none
        r.out = [a for a in r.out if not any(a is t for t in r.tallies)]
    return _without_tallies(r.out)


def _read_sentence(r: _Reading, idx: int, text: str) -> None:
    """One body sentence: the documents of a counted signing it enumerates, a signing it counts, the
    documents it names, and the state it leaves to the next sentence."""
    bare, r.bare = r.bare, None
    if bare is not None and _named_after(r, bare, idx, text):
        return
    taken = _enumerated_documents(r, idx, text) + _elided_documents(r, idx, text)
    r.counted = _counted_signing(r, idx, text) or r.counted
    found = _named_documents(text, taken)
    signing = bool(_SIGNED_SEVERAL.search(text) or _CEREMONY.search(text))
    if signing:
        r.signed_at = idx
    if not found:
        # "They signed four documents." / "The signing ceremony was witnessed by ...", then the list
        r.prev_state = "signed" if signing else None
        _signing_told_again(r, idx, text)
        r.bare = _signed_unnamed(r, idx, text) or _tally(r, idx, text)
        if r.bare is not None and r.bare.plural:
            r.add(r.bare, idx)  # kept only where the text names no document
            r.tallies.append(r.bare)
        return
    present = witnesses(text)
    signers = list(
        dict.fromkeys(
            m.person
            for m in r.people.info[idx].mentions
            if m.kind in {"name", "short", "pronoun"} and not any(a <= m.start < b for a, b in present)
        )
    )
    s = _Sentence(idx, text, signers, _inherited_state(r, idx, text))
    for start, end, kind in found:
        a = _document(r, s, start, end, kind)
        if a is not None:
            r.add(a, idx)
    r.prev_state = "signed" if _SIGNED_SEVERAL.search(text) else s.state


# those who watch a signing, not its signatories: "in the presence of the two presidents", "witnessed by
# A and B", "A and B witnessed the signing of ..."
_PRESENT_AT = re.compile(r"\b(?:in\s+the\s+presence\s+of|witnessed\s+by)\b[^,.;]*")
_WITNESSED = re.compile(r"(?:^|[,;]\s*)(?P<subj>[^,;]+?)\s+(?:also\s+|jointly\s+)?witnessed\b")


def witnesses(text: str) -> list[tuple[int, int]]:
    """Where the sentence names those present at a signing, who are none of its signatories."""
    spans = [(m.start(), m.end()) for m in _PRESENT_AT.finditer(text)]
    return spans + [(m.start("subj"), m.end("subj")) for m in _WITNESSED.finditer(text)]


# a document signed with no words to name it, what it is told in the next sentence: "They also signed a
# memorandum. The document covers ...", "The sides signed an agreement on Monday. The agreement aims to ..."
_SIGNED_BARE = re.compile(
    r"\b(?:signed|inked|concluded|sealed)\s+(?:a|an|the)\s+(?:new\s+)?(document|memorandum|MoU|agreement|treaty|deal|"
    r"pact|accord|protocol)(?=\s*[.;]|\s+(?:on|in|at)\s+(?:[A-Z]\w+|\d{1,2})(?:\s+\d{1,2})?\s*[.;])"
)
_WHAT_IT_IS = re.compile(
    r"^\s*(?:The|This|That|These|Those)\s+(?:new\s+|two\s+|signed\s+)?(documents?|memorandum|MoUs?|agreements?|treaty|"
    r"deals?|pacts?|accords?|protocols?|memoranda)\s+"
    r"(?:(?P<on>covers?|concerns?|focus(?:es)?\s+on|deals?\s+with|provides?\s+for|envisages?)"
    r"|(?P<to>aims?\s+to|seeks?\s+to|(?:is|are)\s+(?:aimed|designed|intended)\s+to))\s+(?P<what>[^.;:]+?)\s*(?:[.;:]|$)"
)


def _signed_unnamed(r: _Reading, idx: int, text: str) -> Agr | None:
    """A document the sentence says was signed without a word to name it, held for the next sentence."""
    m = _SIGNED_BARE.search(text)
    if m is None or witnesses(text) or FUTURE_TENSE.search(text[: m.start()]):
        return None
    a = Agr(key="", title=m.group(1), kind=_kind_named(m.group(1).lower()), state="signed")
    a.signed_on = r.date_of(idx, text, ranges=False)[0]
    names = [x.person for x in r.people.info[idx].mentions if x.kind in {"name", "short", "pronoun"}]
    a.signatories = [p for p in dict.fromkeys(names) if not r.people.get(p).history][:4]
    a.sentences[idx] = {"state"}
    return a


# documents signed that the text counts without naming them: "signed three agreements", "exchanged 12 MoUs
# on trade", "witnessed the signing of eight documents" (a ceremony "for agreements", uncounted, is too
# vague: it cost a record on the unseen set)
_TALLY = re.compile(
    r"\b(?:signed|inked|exchanged|concluded|signing\s+of|signing\s+ceremony\s+for)\s+(?:the\s+)?(?P<name>(?P<n>(?:two|three|four|"
    r"five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2}|several|a\s+number\s+of|a\s+series\s+of|a\s+package\s+of)\s+)?"
    r"(?:[a-z-]+\s+)?(?P<noun>agreements|documents|MoUs|MOUs|memoranda|memorandums|pacts|deals|accords|contracts))\b"
)


def _tally(r: _Reading, idx: int, text: str) -> Agr | None:
    """One record for the documents a signing counts without naming them ("12 agreements", "three MoUs on
    trade"), signed on the sentence's day; none for a signing to come or documents signed before."""
    m = _TALLY.search(text)
    if m is None or not m.group("n"):
        return None
    if FUTURE_TENSE.search(text[: m.start()]) or _PAST_BEFORE.search(text) or "anniversary" in text:
        return None
    end = _without_tail(text, m.start("name"), _right_edge(text, m.end("noun")).end)
    noun = m.group("noun").lower()
    a = Agr(key="", title=" ".join(text[m.start("name") : end].split()), kind=_kind_named(noun.rstrip("s")))
    a.state, a.plural = "signed", True
    a.signed_on = r.date_of(idx, text, ranges=False)[0]
    a.sentences[idx] = {"title", "state"}
    return a


def _named_after(r: _Reading, a: Agr, idx: int, text: str) -> bool:
    """The document signed unnamed in the sentence before, named by what the sentence says it is for
    ("The memorandum covers X": "memorandum on X"); whether the sentence named it."""
    m = _WHAT_IT_IS.match(text)
    if m is None or len(m.group("what").split()) > 12 or (a.plural != m.group(1).endswith("s")):
        return False
    if a.plural:  # "They signed 12 agreements. The documents cover X": "12 agreements on X"
        a.title = f"{a.title} on {m.group('what')}" if m.group("on") and " on " not in a.title else a.title
        a.sentences[idx] = {"title"}
        return True
    word = m.group(1) if m.group(1).lower() != "document" else a.title  # its kind word, held till now
    a.title = f"{word} {'on' if m.group('on') else 'to'} {m.group('what')}"
    a.kind = _kind_named(word.lower())
    a.sentences[idx] = {"title"}
    r.add(a, idx)
    return True


# a document named just before, its signing told in a sentence of its own: "The memorandum was signed by
# A and B", "The deal, signed on Tuesday by ..."
_TOLD_AGAIN = re.compile(
    r"^\s*(?:The|This)\s+(?:[\w-]+\s+)?(memorandum|MoU|agreement|treaty|deal|pact|accord|protocol|roadmap|plan|document)"
    r"\s*(?:,\s*|\s+(?:was|were)\s+)signed\b(?=[^.;]{0,60}?\b(?:by|on)\b)"
)


def _signing_told_again(r: _Reading, idx: int, text: str) -> None:
    """The signatories and day that a sentence gives for the signing of the one document of its kind
    signed in the two sentences before, where it names none of its own."""
    m = _TOLD_AGAIN.match(text)
    if not m:
        return
    kind = _kind_named(m.group(1).lower())
    recent = [
        a
        for a in r.out
        if (a.kind == kind or m.group(1) == "document")
        and a.state == "signed"
        and max(a.sentences) >= idx - 2
    ]
    if len(recent) != 1:
        return
    a = recent[0]
    if not a.signatories:
        names = [x.person for x in r.people.info[idx].mentions if x.kind in {"name", "short"}]
        a.signatories = [p for p in dict.fromkeys(names) if not r.people.get(p).history][:4]
    day = r.date_of(idx, text, ranges=False)[0]
    if day is not None and (a.signed_on is None or a.signed_on.precision != "day"):
        a.signed_on = day
    a.sentences.setdefault(idx, set()).add("state")


def _enumerated_documents(r: _Reading, idx: int, text: str) -> list[tuple[int, int]]:
    """The documents of the last counted signing that the sentence enumerates one by one ("The second
    document is on ..."), each kept as signed; where they stand in the sentence."""
    if r.counted is None:
        return []
    taken = []
    for start, end, title, _purpose in _enumerated(text, r.counted.noun, r.people.info[idx]):
        taken.append((start, end))
        r.out.append(_counted_document(r, r.counted, idx, text, start, end, title))
    return taken


def _counted_document(
    r: _Reading, count: _Count, idx: int, text: str, start: int, end: int, title: str
) -> Agr:
    """One document of a counted signing: signed on the sentence's day (else the count's), between the
    sides its title names, by those its part of the sentence names."""
    a = Agr(key=f"agr{len(r.out) + 1}", title=title, kind=_kind_of(title), state="signed")
    a.signed_on = r.date_of(idx, text, ranges=False)[0] or count.date
    a.parties_text = _parties_between(title)
    a.signatories = [
        m.person
        for m in r.people.info[idx].mentions
        if start <= m.start < end and m.kind in {"name", "short"} and not r.people.get(m.person).history
    ][:4]
    a.sentences[idx] = {"title", "state"}
    a.ceremony = count.sentence
    return a


def _counted_signing(r: _Reading, idx: int, text: str) -> _Count | None:
    """A signing the sentence counts ("signed six agreements"), with what it counts and its day."""
    cm = _COUNT.search(text)
    if not (cm and _SIGNING.search(text)):
        return None
    noun = cm.group(1).lower()
    noun = {"memoranda": "memorandum", "memorandums": "memorandum", "mous": "MoU"}.get(noun, noun.rstrip("s"))
    return _Count(noun, r.date_of(idx, text, ranges=False)[0], idx)


# the documents of a counted signing listed after a colon or a dash by what each is for, their noun left
# unsaid: "signed three agreements: on visa waiver, on cooperation in agriculture and on culture"
_ELIDED_LIST = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:[\w-]+\s+)?"
    r"(?P<noun>agreements|memoranda(?:\s+of\s+understanding)?|memorandums(?:\s+of\s+understanding)?|MoUs|"
    r"treaties|protocols|documents|deals|pacts|accords)(?:\s+(?:on|in)\s+[A-Z]\w+(?:\s+\d{1,2})?)?"
    r"(?:\s*(?:\s[-\u2013]|,\s+namely)|[^:.;]{0,120}?:)\s*"
    r"(?P<items>(?:on|for|to|in\s+the\s+field\s+of|regarding|concerning)\s[^.;:]+)",
    re.I,
)
# documents in the plural, what each is for told with its own preposition: "memoranda of understanding on
# tourism and on health", "agreements on education and on water supply"
_ELIDED_PAIR = re.compile(
    r"\b(?P<noun>agreements|memoranda(?:\s+of\s+understanding)?|memorandums(?:\s+of\s+understanding)?|MoUs|"
    r"treaties|protocols|deals|pacts|accords)\s+(?P<items>on\s+[^.;:]+?,?\s+and\s+on\s+[^.;:]+)",
    re.I,
)
_ELIDED_ITEM = re.compile(
    r"(?:^|,\s*(?:and\s+)?|\s+and\s+)(?=(?:on|for|in\s+the\s+field\s+of|regarding|concerning)\s)", re.I
)
_SINGULAR = {"memoranda": "memorandum", "memorandums": "memorandum", "mous": "MoU", "treaties": "treaty"}


def _elided_documents(r: _Reading, idx: int, text: str) -> list[tuple[int, int]]:
    """The documents of a list that leaves out their noun ("three agreements: on X, on Y and on Z",
    "agreements on X and on Y"), each one document, in the state the counting words give it; where the
    list stands in the sentence."""
    m = _ELIDED_LIST.search(text) or _ELIDED_PAIR.search(text)
    if not m:
        return []
    words = m.group("noun").split()
    noun = _SINGULAR.get(words[0].lower(), words[0].lower().rstrip("s"))
    noun = " ".join([noun if noun != "document" else "agreement", *words[1:]])
    items = [x for x in _ELIDED_ITEM.split(m.group("items")) if x.strip()]
    if len(items) < 2:
        return []
    state = _state(text, m.start(), m.start("items"), 0) or "referenced"
    present = witnesses(text)
    signers = [
        x.person
        for x in r.people.info[idx].mentions
        if x.kind in {"name", "short"}
        and not r.people.get(x.person).history
        and not any(a <= x.start < b for a, b in present)
    ]
    for item in items:
        title = f"{noun} {_closing(item)}"
        a = Agr(key="", title=title, kind=_kind_named(noun.split()[0].lower()), state=state)
        a.period_start, a.period_end = _period(title)
        if state == "signed":
            a.signed_on = r.date_of(idx, text, ranges=False)[0]
            a.signatories = list(dict.fromkeys(signers))[:4]
            a.ceremony = idx
        a.sentences[idx] = {"title", "state"}
        a.primary = state != "referenced"
        r.add(a, idx)
    return [(m.start(), m.end())]


def _closing(item: str) -> str:
    """An item of a list without what follows it in the sentence ("on culture on Friday")."""
    item = " ".join(item.split()).strip(" ,")
    cut = re.search(
        rf"\s+(?:on|in)\s+(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|{MONTH_PATTERN}\b)"
        r"|,?\s+(?:during|after|following|in\s+the\s+presence\s+of|at\s+the|the\s+\w+\s+said)\b",
        item,
    )
    return item[: cut.start()] if cut else item


def _named_documents(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """The documents the sentence names by a kind word (start, end, kind word), outside those ``taken``."""
    found: list[tuple[int, int, str]] = []
    for m in _KIND.finditer(text):
        if found and (m.start() < found[-1][1] or text[found[-1][1] : m.start()].strip() in {"-", "–"}):
            continue  # inside the name before, or its acronym glued on with a dash
        if any(a <= m.start() < b for a, b in taken):
            continue
        sp = _span(text, m)
        if sp is None:
            continue
        start = _after_previous(text, sp[0], found[-1][1] if found else 0)
        kind = m.group(1).lower()
        kind = "agreements" if " and " in kind else kind
        found.append((start, sp[1], "joint statement" if kind.startswith("joint communiqu") else kind))
    return found


def _after_previous(text: str, start: int, prev_end: int) -> int:
    """A name's start, not inside the document named before it ("a letter on training and Lakeland Radio
    Agreement": the second opens after "and")."""
    if start >= prev_end:
        return start
    joint = re.match(r"\s*(?:,\s*)?(?:and\s+)?", text[prev_end:])
    return prev_end + joint.end()


def _inherited_state(r: _Reading, idx: int, text: str) -> str | None:
    """The state a sentence's documents take where the words around them give none: "signed" for the
    items of a list of documents signed just before, else none."""
    if _ITEM_START.match(text) and idx - r.signed_at <= 2 and not _SIGNED_SEVERAL.search(text):
        # the items of a list of documents signed, given after the signing: "... signed seven MoUs.
        # List of MoUs: MoU on ..., MoU on ..."
        return "signed"
    if _LIST_START.search(text):
        # "They signed three documents. The documents were signed after talks ... The documents
        # include": the list is of the documents signed up to three sentences before
        return "signed" if r.prev_state is None and idx - r.signed_at <= 3 else r.prev_state
    return None


def _document(r: _Reading, s: _Sentence, start: int, end: int, kind: str) -> Agr | None:
    """The document named at ``start:end``, with its state, sides, period, signing and signatories; none
    for a statement of one side, a multilateral convention only invoked or a statement only spoken of."""
    st = _document_state(s, start, end, kind)
    if st is None:
        return None
    s.state, s.prev_end = st, end
    a = _named_agreement(s.text, start, end, kind, st)
    if st == "signed":
        a.signed_on = r.date_of(s.idx, s.text, ranges=False)[0]
        a.signatories = [p for p in s.signers if not r.people.get(p).history][:4]
    _signed_before(r, s, a, start, end)
    if not a.parties_text and len(a.party_countries) < 2:
        a.party_countries = _states_signing(s.text, end) or a.party_countries
        a.parties_text = [] if len(a.party_countries) == 2 else _bodies_signing(s.text, end)
    if kind in {"deal", "deals"} and st != "signed" and " between " not in a.title:
        return None  # "to seek an arms deal with its ally", "the TPP deal": a deal not signed is too vague
    if _MULTILATERAL.match(_LEADING_YEAR.sub("", a.title, count=1)) and st != "signed":
        return None  # "the UN Convention on the Law of the Sea", invoked: no agreement of the two sides
    if kind in {"joint statement", "statement"} and st != "signed":
        return None  # a statement only spoken of records talks; it is no agreement
    a.primary = st != "referenced"
    a.sentences[s.idx] = {"title", "state"}
    return a


# the two states a document was signed by or between, told after its name: "A deal for ... was signed
# between Lakeland and Ruritania", "The accord, inked by Lakeland and Ruritania on Monday, ..."
_SIGNED_BETWEEN = re.compile(
    r"\s*,?\s*(?:(?:was|were|has\s+been|have\s+been)\s+)?(?:signed|inked|concluded|sealed)\s+"
    r"(?:(?:on|in|at)\s+(?:[\w-]+\s+){1,3}?)?(?:between|by)\s+(?:the\s+)?(?P<a>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3})"
    r"\s+and\s+(?:the\s+)?(?P<b>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3})"
)


# two bodies a document was signed between, told after its name: "... was signed between the Ministry of X
# of Lakeland and the Y Agency of Ruritania on Monday"
_SIGNED_BETWEEN_BODIES = re.compile(
    r"\s*,?\s*(?:was|were|has\s+been|have\s+been)\s+(?:signed|inked|concluded)\s+between\s+(?P<rest>[^.;]+)"
)
_SIDES_STOP = re.compile(
    rf"\s+(?:on\s+(?:{'|'.join(WEEKDAYS)}|{MONTH_PATTERN}|\d)|in\s+[A-Z]|at\s+|yesterday|today|last|this|during)\b|,\s+[a-z]",
    re.I,
)


def _bodies_signing(text: str, end: int) -> list[str]:
    """The two bodies the words after a document's name say it was signed between, each named by a body's
    head word ("Ministry", "Service", "University")."""
    m = _SIGNED_BETWEEN_BODIES.match(text, end)
    if m is None:
        return []
    rest = m.group("rest")
    stop = _SIDES_STOP.search(rest)
    sides = between_sides("between " + (rest[: stop.start()] if stop else rest))
    heads = [{w.lower() for w in re.findall(r"[A-Za-z]+", x)} & ORG_HEADS.keys() for x in sides]
    return sides if len(sides) == 2 and all(heads) else []


def _states_signing(text: str, end: int) -> list[str]:
    """The two states the words after a document's name say signed it, when both are states' names."""
    m = _SIGNED_BETWEEN.match(text, end)
    codes = [country_by_name(m.group(g)) for g in ("a", "b")] if m else []
    return codes if all(codes) and len(set(codes)) == 2 else []


# the years since the sides signed an older document, told with a gerund: "the 30th anniversary of both
# countries signing a treaty", "20 years since the ministries signing the accord"
_ANNIVERSARY_SIGNING = re.compile(
    r"(?:\b(\d{1,3})(?:st|nd|rd|th)\s+)?\b(?:anniversary\s+of|years\s+(?:of|since))\s+(?:[\w'-]+\s+){0,4}?signing\s+(?:of\s+)?(?:a|an|the|their)\s+$",
    re.I,
)


def _document_state(s: _Sentence, start: int, end: int, kind: str) -> str | None:
    """A document's state: as the words around it say, else as the document before it in the sentence
    (or the list it is an item of), else referenced; a joint statement issued is signed; none for a
    statement only one side made."""
    if kind == "statement" and not _adopted_statement(s.text, start):
        return None  # "the ministry's statement on the visit": one side's word, no document of both
    st = _state(s.text, start, end, s.prev_end) or s.state or "referenced"
    if _ANNIVERSARY_SIGNING.search(s.text[max(0, start - 100) : start]):
        st = "referenced"  # "marking 20 years of the two states signing a border treaty": an older one
    if kind in {"joint statement", "statement"} and (
        _issued_statement(s.text, start, end) or kind == "statement"
    ):
        st = "signed"  # "the two sides issued a joint statement": both put their names to it
    return st


def _named_agreement(text: str, start: int, end: int, kind: str, state: str) -> Agr:
    """The document named at ``start:end`` as its name describes it: title, kind, number, period, sides."""
    title = " ".join(_WORTH.sub("", text[start:end], count=1).split())
    a = Agr(key="", title=title, kind=_kind_named(kind), state=state)
    # "two memoranda of understanding (MoU)": the short form of documents named in the plural
    bracketed = text[:start].endswith("(") and text.startswith(")", end)
    plural_memoranda = kind.startswith(("memorandums", "memoranda"))
    a.plural = kind in {"agreements", "pacts", "deals"} or plural_memoranda or bracketed
    a.period_start, a.period_end = _period(title)
    lead = _LEFT_SIDE.search(text[max(0, start - 60) : start])  # "the Vietnam - [EAEU FTA]"
    a.parties_text = (
        between_sides(title) or compound_sides((lead.group(0) if lead else "") + title) or joined_sides(title)
    )
    for c in find_countries(title):
        if c.code not in a.party_countries and c.kind in {"name", "possessive"}:
            a.party_countries.append(c.code)
    return a


def _signed_before(r: _Reading, s: _Sentence, a: Agr, start: int, end: int) -> None:
    """The signing of an older document the sentence dates: an anniversary of it, "signed on ..." or
    "signed in 2001" after its name."""
    text = s.text
    ann = _ANNIVERSARY.search(text[max(0, start - 60) : start]) or _ANNIVERSARY_SIGNING.search(
        text[max(0, start - 100) : start]
    )
    if ann and ann.group(1) is None:
        ann = None  # "years since the two signing a treaty": no count of years
    if ann:
        # "the 25th anniversary of the Treaty on ...": signed that many years before the year marked
        # (the day the sentence gives is the anniversary's)
        a.anniversary = int(ann.group(1)) - (1 if _NEXT_YEAR.search(text) else 0)
        a.signed_on = None
        span = _SPAN_OF_YEARS.match(text, end)
        if span:
            month = month_number(span.group(1)) if span.group(1) else None
            a.signed_on = PartialDate(int(span.group(2)), month)
    then = _SIGNED_THEN.match(text, end)
    if then:
        a.signed_on = r.date_of(s.idx, text[then.end() : then.end() + 40], ranges=False)[0] or a.signed_on
    sm = _SIGNED_IN.search(text[end : end + 60])
    if sm:
        a.signed_on = PartialDate(int(sm.group(1) or sm.group(2)))
    if a.state == "referenced" and a.signed_on is None and _recalled_signing(text, start, end):
        a.signed_on = r.date_of(s.idx, text, ranges=False)[0]  # "in May last year, ... was signed"
    year = _LEADING_YEAR.match(a.title)
    if year and a.signed_on is None and a.state != "signed" and a.kind not in {"plan", "programme"}:
        a.signed_on = PartialDate(int(year.group(1)))  # "the 1994 treaty on friendship": signed that year
    month = _IN_MONTH.match(text, end)
    if month and a.signed_on is None:
        a.signed_on = PartialDate(int(month.group(2)), month_number(month.group(1)))


def _without_tallies(agrs: list[Agr]) -> list[Agr]:
    """Documents named in the plural are one agreement only where they stand for a signing the text
    itemises nowhere ("the two sides signed cooperation agreements between A and B"): agreements only
    spoken of ("carrying out the existing agreements", "free trade agreements") are none, nor is a tally
    of documents the text also names one by one without naming its sides, nor a second tally of the same
    signing."""
    singles = any(a.state == "signed" and not a.plural for a in agrs)
    out, tallied = [], False
    for a in agrs:
        tally = singles and not re.search(r"\bbetween\b", a.title)
        if a.plural and (a.state != "signed" or tally or tallied):
            continue
        tallied = tallied or a.plural
        out.append(a)
    for i, a in enumerate(out):
        a.key = f"agr{i + 1}"
    return out


def _kind_of(title: str) -> str:
    m = _KIND.search(title)
    if not m:
        return "other"
    return _kind_named(m.group(1).lower())


def _kind_named(word: str) -> str:
    """The kind of document a kind word names ("memorandums of understanding": a memorandum)."""
    return "memorandum" if word.startswith("memorand") else KINDS.get(word, "other")


def _restated(a: Agr, b: Agr) -> bool:
    """Whether one of two documents of a kind is the other named again by its bare name ("the cooperation
    agreement" after "a cooperation agreement between A and B", a heading's "Joint Declaration"): all its
    words in the other's title, and no complement of its own."""
    stop = {"the", "of", "and", "for", "on", "in", "a", "an", "between", "to"}
    short, whole = sorted((a.title, b.title), key=len)
    words = set(fold_tokens(short))
    own = words - stop - set(fold_tokens(" ".join(_KIND.findall(short))))  # "the MoU" alone: any of them
    return (
        a.kind == b.kind
        and a.plural == b.plural
        and not words & {"of", "on", "for", "between", "with", "in", "to"}
        and bool(own)
        and words - stop <= set(fold_tokens(whole))
    )


def _abbreviated(short: str, whole: str) -> bool:
    """Whether ``short`` names ``whole`` again with its name's initials ("the treaty on TTP" after "a
    treaty on the Transfer of Textile Patterns"): an acronym for capitalised words of ``whole``, the
    other words found in it."""
    stop = {"the", "of", "and", "for", "on", "in", "a", "an", "between", "to"}
    words = [w for w in re.findall(r"[\w'-]+", short) if w.lower() not in stop]
    acronyms = [w for w in words if re.fullmatch(r"[A-Z]{2,6}", w)]
    long_words = re.findall(r"[\w'-]+", whole)
    known = {w.lower() for w in long_words}
    return (
        bool(acronyms)
        and all(_initials_of(a, long_words) for a in acronyms)
        and all(w.lower() in known for w in words if w not in acronyms)
    )


def _initials_of(acronym: str, words: list[str]) -> bool:
    """Whether ``acronym`` spells the initials of a run of capitalised ``words`` (a word in lower case
    between them may give its letter or not: "Transfer of Prisoners", TOP or TP)."""
    for first in range(len(words)):
        i, j = 0, first
        while words[first][0].isupper() and j < len(words) and i < len(acronym):
            if words[j][0].upper() == acronym[i]:
                i += 1
            elif words[j][0].isupper():
                break
            j += 1
        if i == len(acronym):
            return True
    return False


def _similar(a: str, b: str) -> float:
    stop = {"the", "of", "and", "for", "on", "in", "a", "an", "between", "to"}
    ta, tb = set(fold_tokens(a)) - stop, set(fold_tokens(b)) - stop
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / len(ta | tb)
