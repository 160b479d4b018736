"""People: who is named, with which titles, and every later reference to them (short forms, pronouns)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from relations.editorial.search import fold_key

from .countries import country_by_name, find_countries, is_city
from .names import (
    NAME_PARTICLES,
    Token,
    fold,
    fold_tokens,
    forms_match,
    given_first,
    is_initial,
    name_token_ok,
    shape_country,
    single_matches,
    tokenize,
)
from .organizations import (
    _UNIT_WORD,
    OrgRegistry,
    _cap,
    _is_acronym,
    generic,
    inner_acronym,
    institution,
    is_state,
    org_spans,
    small_letter_ministries,
    without_inner_acronyms,
)
from .text import DIGRAPH_INITIALS, Sentence
from .titles import (
    HONORIFICS,
    INSTITUTIONS,
    INTERNATIONAL,
    INTERNATIONAL_POSTS,
    NON_NAME,
    ORG_HEADS,
    PORTFOLIOS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    has_title_head,
    is_seat_of_office,
    ministry_from_title,
    national_title,
    split_titles,
)

REPORT_VERBS = {
    "said", "says", "noted", "notes", "stressed", "affirmed", "emphasised", "emphasized", "thanked", "held",
    "holds", "met", "meets", "received", "receives", "told", "added", "proposed", "suggested", "welcomed",
    "expressed", "highlighted", "underlined", "underscored", "agreed", "praised", "lauded", "informed",
    "briefed", "asked", "urged", "called", "hoped", "shared", "spoke", "visited", "signed", "attended",
    "focused", "focussed", "took", "paid", "pledged", "invited", "accepted", "recalled", "reiterated",
    "congratulated", "appreciated", "reviewed", "discussed", "presented", "confirmed", "announced", "wished",
    "hailed", "acknowledged", "co-chaired", "chaired", "leads", "heads", "explained", "stated", "insisted",
    "meeting", "holding", "guided", "emphasises", "stresses", "thanks", "voiced", "briefs", "had", "has",
    "arrived", "arrives", "departed", "landed",
}  # fmt: skip
_AFTER_NOT_PERSON = set(ORG_HEADS) | {"state", "national", "federal", "international", "economic",
    "province", "provincial", "city", "municipal", "mausoleum", "museum", "district", "town", "port",
    "people", "peoples", "people's", "street", "square", "airport", "station", "region", "krai", "oblast",
    "island", "islands", "river", "lake", "bay", "hydropower", "plant", "space", "field", "canal", "monument",
    "memorial", "statue",
}  # fmt: skip
_HISTORY = {"late", "birth", "monument", "statue", "mausoleum", "memory", "exhibition", "portrait", "museum", "tribute",  # noqa: E501
            "bust", "legacy", "teachings", "testament", "memorial", "birthday", "named", "thought",
            "nurtured", "founded", "forged", "cultivated", "founders", "founder"}  # fmt: skip
# a year long past in the sentence: the people in it act as history ("first arrived in Moscow in 1923")
_OLD_YEAR = re.compile(r"\b(?:1[89]\d\d|19[0-7]\d)\b")
_OPENERS = {
    "according",
    "speaking",
    "welcoming",
    "meanwhile",
    "also",
    "however",
    "following",
    "under",
    "after",
    "before",
    "during",
    "at",
    "in",
    "on",
    "while",
    "when",
    "earlier",
    "later",
    "today",
    "thanks",
    "opening",
    "addressing",
    "receiving",
    "congratulating",
    "as",
    "by",
    "with",
    "for",
}
_ENGLISH = re.compile(
    r"(?:ing|tion|sion|ment|ness|ity|ies|ers|ics|ure|ance|ence|ism|ship|ways|ogy|ary|ery|ory|ions|als)$"
)
_ORG_LOWER = {
    "city",
    "province",
    "provincial",
    "municipal",
    "central",
    "district",
    "party",
    "committee",
    "state",
}
_CONNECT_LEFT = {"of", "the", "for", "and", "on", "its", "to"}
# "NAME of Benin", "NAME of the Republic of Korea": the country after the name
_OF_COUNTRY = re.compile(
    r"\s+of\s+(?:the\s+)?([A-ZÀ-Ỹ][\w'-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-ZÀ-Ỹ][\w'-]*){0,3})"
)
_INCLUDING = re.compile(
    r"\bof\s+(?:the\s+)?(?P<country>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}),?\s+(?:including|such\s+as)\s+"
)
_LIST_END = re.compile(r"[;:]|\.\s|\s(?:and|while|but)\s+(?:the\s+)?[a-z]")
# the style of a state before its name: "the Federal Republic of Nigeria", "the Kingdom of Spain"
_STATE_STYLE = re.compile(
    r"(?:(?:Federal|Socialist|Democratic|People's|Islamic|Arab|United|Plurinational|Bolivarian|Hashemite|"
    r"Cooperative|Republic|Kingdom|Sultanate|State|Principality)\s+)+of\s+(?:the\s+)?"
)
_OF_BODY = re.compile(
    r",?\s+of\s+(?:the\s+)?(?:ruling\s+|opposition\s+)?([A-ZÀ-Ỹ][\w'-]*(?:\s+(?:of\s+(?:the\s+)?|and\s+)?"
    r"[A-ZÀ-Ỹ][\w'-]*){0,7})"
)
_VISIT_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:visit|trip|tour|stay)\b", re.I)
_HOST_VERB = re.compile(r"\b(?:received|receives|welcomed|welcomes|hosted|hosts|greeted|greets)\b")
_OBJECT_BEFORE = re.compile(
    r"\b(?:(?:invitation|behalf|request)\s+of|by|with)\s+(?:(?:his|her|the)\s+)?(?:[A-Z][\w.'-]*\s+){0,6}$"
)
# a guest told by the words around his name: "B received A", "visiting A", "A arrived in X"
_GUEST_BEFORE = re.compile(
    r"\b(?:received|receives|receiving|welcomed|welcomes|welcoming|hosted|hosts|hosting|visiting)\s+"
    r"(?:(?:his|her|the)\s+)?(?:visiting\s+)?(?:[A-Z][\w.'-]*\s+){0,6}$"
)
_GUEST_AFTER = re.compile(
    r"(?:,[^,]{0,80},)?\s+(?:has\s+|had\s+)?(?:arrived|arrives|is\s+on|was\s+on|began|begins|is\s+paying|"
    r"was\s+paying|paid|pays|is\s+visiting|was\s+visiting|visited)\b"
)
_EVENT_NOUNS = {
    "talks",
    "meeting",
    "visit",
    "trip",
    "call",
    "conversation",
    "statement",
    "statements",
    "remarks",
}
# before a full name, they make it a person's ("Sen. NAME", "Smt NAME")
_HONORIFICS = {"comrade", "mr", "mrs", "ms", "madam", "dr", "sen", "smt", "shri"}
_SHEIKH = {"sheikh", "sheikha", "shaikh", "sayyid", "sayyida"}  # styles before an Arab full name
_HOST_VERBS = {"received", "receives", "met", "meets", "hosted", "hosts", "welcomed"}
# a meeting's frame before a name makes it a participant's ("met with NAME", "talks between NAME and NAME"),
# and a delegation's its head's ("the delegation, headed by NAME", "a delegation of the X Party led by NAME")
_MET_BEFORE = re.compile(
    r"(?:\b(?:met|meet|meets|meeting|meetings|talks|received|receives|receiving|hosted|hosts|called\s+on)"
    r"\s+(?:with\s+)?|\b[Dd]elegation(?:\s+(?:of|from)\s+[^.;,]{1,80}?)?,?\s+(?:headed|led)\s+by\s+|"
    r"\b(?:meeting|talks)\s+between\s+(?:(?:[A-Z][\w'-]*\s+){2,4}and\s+)?)$"
)
# a style inside a title phrase, which is no part of the title: "President His Highness Sheikh NAME"
_STYLES = re.compile(
    r"\b(?:(?:His|Her|Their)\s+(?:Royal\s+)?(?:Highness|Majesty|Excellency)|H\.?R\.?H\.?|Sheikha?|Shaikh|Sayyida?)(?:\b|$)"
)
_RANKS = {"lieut", "lt", "gen", "col", "maj", "brig", "adm", "capt", "cmdr"}
_COMMON_WORDS = {
    "the",
    "a",
    "an",
    "long",
    "nam",
    "ha",
    "to",
    "do",
    "in",
    "on",
    "my",
    "mai",
    "hang",
    "lam",
    "than",
}
_COUNTERPART = re.compile(
    r"\b(?:his|her|their|its|the)\s+(?:(?:new|newly[ -]appointed|incoming|visiting)\s+)?"
    r"(?P<dem>[A-ZÀ-Ỹ][\w.-]*(?:\s+[A-ZÀ-Ỹ][\w-]*)?\s+)?counterparts?"
    r"(?:\s+(?:from|of)\s+(?:the\s+)?(?P<of>[A-ZÀ-Ỹ][\w-]*(?:\s+[A-ZÀ-Ỹ][\w-]*)?))?,?\s+"  # "from Peru, NAME"
)
_KNOWN_BODIES = re.compile(
    r"\b("
    + "|".join(
        re.escape(k).replace(r"\ ", r"\s+")
        for k in sorted(INSTITUTIONS, key=len, reverse=True)
        if not re.search(r"\b(?:of|the|committee|front|union|party|agency|assembly)\b", k) and k.isascii()
    )
    + r")\b",
    re.I,
)
_PRONOUNS = {"he": "m", "she": "f", "his": "m", "her": "f", "him": "m"}
# "her" as an object, not a possessive: "received her on May 5", "met her and ...", "thanked her."
_AFTER_OBJECT = {
    "on", "at", "in", "to", "for", "with", "and", "as", "during", "after", "before", "from", "by", "that",
    "about", "into", "warmly", "again", "personally", "later", "earlier", "today", "yesterday",
}  # fmt: skip
# a title in the plural, which the names after it share: "Deputy Prime Ministers A and B"
_PLURAL_TITLE = re.compile(r"\b(?:Ministers|Secretaries|Presidents|Governors|Ambassadors|Senators|Deputies)$")
# what a speaker says about someone else: "... told reporters that", "... said on Monday that"
_REPORTED = re.compile(
    r"(?:,[^,]{0,60},)?\s+(?:\w+\s+)?(?:told|said|says|announced|added|noted|confirmed)\b[^.;\"]{0,40}?\bthat\s+"
)
_DIPLOMATIC = re.compile(r"\b(?:foreign|external|ambassador|envoy|diplomat|consul|charg[eé])", re.I)
# "Peru's chief trade negotiator NAME": a country's possessive before a title written in lower case
_POSSESSIVE_TITLE = re.compile(
    r"(?P<title>(?P<country>\b[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})['’]s\s+(?:[a-z][\w-]*\s+){0,3}"
    # the post after an envoy's title: "Peru's ambassador in Malaysia NAME", "X's envoy to the UN NAME"
    r"(?P<head>[a-z][\w-]*)(?:\s+(?:to|in)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?),?\s+$"
)
_DESC = re.compile(
    r"\b[Tt]he\s+(?:visiting\s+|top\s+|chief\s+)?(?P<dem>(?!(?:Deputy|Vice|State|Foreign|Prime|First)\b)(?:[A-Z][a-z]+|US|UK|U\.S\.)\s+)?"
    r"(?:top\s+(?=diplomat))?"
    r"(?P<mod>(?i:(?:deputy\s+|vice\s+|state\s+|foreign\s+|prime\s+|first\s+)*)(?:[A-Z][a-z]+\s+){0,2})"
    r"(?P<role>(?i:minister|official|guest|guests|host|hosts|pm|ambassador|governor|chairman|chairwoman|"
    r"secretary|leader|visitor|visitors|envoy|president|premier|mayor|co-chairs|head|diplomat))\b"
)


@dataclass(slots=True)
class Person:
    key: str
    forms: list[str]
    titles: list[str] = field(default_factory=list)
    country: str | None = None
    country_strength: int = 0  # 3 title, 2 context, 1 guessed
    org: str | None = None  # org key
    org_name: str = ""
    sentences: dict[int, set[str]] = field(default_factory=dict)
    first: tuple[int, int] = (0, 0)
    counterpart_of: str | None = None  # "A ... and his counterpart B": B's key holds A's
    history: bool = False
    active: bool = False  # does something in the text (not only named)

    @property
    def name(self) -> str:
        best = self.forms[0]
        for f in self.forms[1:]:
            if _name_weight(f) > _name_weight(best):
                best = f
        return given_first(best)

    def aliases(self) -> list[str]:
        name = self.name
        out = []
        for f in self.forms:
            if (
                f != name
                and fold_key(f) != fold_key(name)
                or (f != name and f not in out and fold(f) != fold(name))
            ):
                if f not in out:
                    out.append(f)
        # forms that differ from the name only by diacritics are aliases too
        for f in self.forms:
            if f != name and f not in out:
                out.append(f)
        return out

    def set_country(self, code: str | None, strength: int) -> None:
        if code and strength > self.country_strength:
            self.country, self.country_strength = code, strength


def _name_weight(form: str) -> tuple[int, int]:
    toks = fold_tokens(form)
    full = sum(len(t) > 1 for t in toks)
    accents = sum(1 for c in form if ord(c) > 127)
    return (full, accents)


@dataclass(slots=True)
class Mention:
    person: str
    sentence: int
    start: int
    end: int
    kind: str  # name, short, pronoun, description
    title: str = ""


@dataclass(slots=True)
class Run:
    i: int
    j: int  # token span [i, j)
    text: str
    start: int
    end: int
    person_like: bool
    title: str = ""
    title_start: int = -1
    appositive: str = ""
    licensed: bool = False
    history: bool = False
    possessive: bool = False


@dataclass(slots=True)
class SentenceInfo:
    tokens: list[Token]
    runs: list[Run]
    mentions: list[Mention] = field(default_factory=list)


# The words of a headline written in title case ("Putin Had Telephone Conversation With Dung") that are
# no part of a name.
_HEADLINE_WORDS = REPORT_VERBS | {
    "had", "has", "have", "hold", "holds", "telephone", "phone", "conversation", "conversations", "talks",
    "talk", "with", "meeting", "meet", "call", "calls", "visit", "visits", "visiting", "receive", "welcome",
    "welcomes", "greets", "greeted", "host", "hosts", "hosted", "to", "for", "on", "in", "and", "of", "the",
    "a", "an", "at", "new", "ties", "relations", "cooperation", "partnership", "between", "by", "over",
    # a headline's verbs in the present ("A and B Declare Strategic Partnership")
    "declare", "declares", "sign", "signs", "agree", "agrees", "discuss", "discusses", "vow", "vows",
    "pledge", "pledges", "seek", "seeks", "eye", "eyes", "urge", "urges", "launch", "launches", "boost",
    "boosts", "strengthen", "strengthens", "reaffirm", "reaffirms", "hail", "hails", "affirm", "affirms",
}  # fmt: skip


def _headline_words(tokens: list[Token]) -> set[int]:
    """In a title-case headline, the indices of the common words that break runs of names."""
    words = [t for t in tokens if t.is_word and len(t.text) > 3]
    if len(words) < 4 or sum(t.is_cap for t in words) < 0.8 * len(words):
        return set()
    return {
        k
        for k, t in enumerate(tokens)
        if t.is_cap and t.low in _HEADLINE_WORDS and not (t.low == "to" and _name_follows(tokens, k))
    }


def _styled_word(info: SentenceInfo, r: Run) -> str:
    """The one name of "Sheikh NAME", a style and a single word; else ""."""
    toks = info.tokens[r.i : r.j]
    if len(toks) == 2 and toks[0].low in _SHEIKH and toks[1].is_word:
        return toks[1].text
    return ""


def _own_title(title: str) -> str:
    """ "French President and Kenyan leader": two states' titles, two people's; the last is the name's."""
    parts = re.split(r"\s+and\s+", title)
    if len(parts) == 2:
        states = [{c.code for c in find_countries(x) if c.kind != "city"} for x in parts]
        # "Ambassador to Chile and Peru": two countries one title serves, not two titles
        if all(states) and not states[0] & states[1] and has_title_head(parts[1]):
            return parts[1]
    return title


def _names_country(text: str) -> bool:
    """The words name a country (or its people) as a whole: "South Korea", not a city or a word in it."""
    return any(c.kind != "city" and c.start == 0 and c.end == len(text) for c in find_countries(text))


def _name_follows(tokens: list[Token], k: int) -> bool:
    """The Vietnamese family name To before a given name ("To Lam"), not "Putin To Visit Hanoi"."""
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    return bool(nxt and nxt.is_cap and nxt.low not in _HEADLINE_WORDS and not find_countries(nxt.text))


def _glued_city(c, tokens: list[Token], k: int) -> bool:
    """A one-word city right after a capitalised word is a name's last word ("Vuong Dinh Hue")."""
    return (
        c.kind == "city"
        and k >= 1
        and tokens[k - 1].is_cap
        and tokens[k - 1].is_word
        and tokens[k - 1].end + 1 >= tokens[k].start
        and tokens[k].start == c.start
        and tokens[k].end >= c.end
    )


def _runs(tokens: list[Token], stop: set[int] = frozenset()) -> list[tuple[int, int]]:
    """The runs of name words in the sentence, as token spans; no run crosses an index in ``stop``."""
    spans = []
    k = 0
    while k < len(tokens):
        start = k
        k = _run_end(tokens, start, stop)
        if k > start:
            spans.append((start, k))
        else:
            k += 1
    return spans


class _Step(NamedTuple):
    """What one token does to the run of name words it is read in: how many tokens the run takes, and
    whether it reads on after them."""

    width: int
    more: bool


_ENDS = _Step(0, False)  # the token is no name word: the run ends before it
_TAKES = _Step(1, True)  # a name word: the run takes it and reads on
_TAKES_LAST = _Step(1, False)  # the run takes it and ends after it
_TAKES_INITIAL = _Step(2, True)  # an initial and its full stop: the run takes both and reads on


def _run_end(tokens: list[Token], start: int, stop: set[int]) -> int:
    """Where the run of name words opened at ``start`` ends (``start`` itself when none opens there)."""
    k = start
    while k < len(tokens):
        step = _name_step(tokens, start, k, stop)
        k += step.width
        if not step.more:
            break
    return k


def _name_step(tokens: list[Token], start: int, k: int, stop: set[int]) -> _Step:
    """What token ``k`` does to the run opened at ``start``, the first rule that applies deciding."""
    if k in stop or _senior_rank(tokens, k) or _short_rank(tokens, start, k):
        return _ENDS
    if _word_inside_name(tokens, start, k) or _inner_particle(tokens, start, k):
        return _TAKES
    if _article_name(tokens, start, k):
        return _TAKES
    if _vietnamese_family_name(tokens, start, k) or _given_name_before_bin(tokens, start, k):
        return _TAKES
    if _name_before_verb(tokens, start, k) or _regnal_number(tokens, start, k):
        return _TAKES_LAST
    if _initial_with_stop(tokens, start, k):
        return _TAKES_INITIAL
    if _family_name_he(tokens, start, k) or _initial_without_stop(tokens, k):
        return _TAKES
    if _name_word(tokens, k) and not _lone_capitals(tokens, k):
        return _TAKES
    return _ENDS


def _senior_rank(tokens: list[Token], k: int) -> bool:
    """ "Sen. Lieut. Gen. NAME": "Sen" before a rank is a senior rank, not the surname Sen."""
    n = len(tokens)
    return tokens[k].text == "Sen" and k + 2 < n and tokens[k + 1].text == "." and tokens[k + 2].low in _RANKS


def _short_rank(tokens: list[Token], start: int, k: int) -> bool:
    """ "Secretary General Sen. NAME", "Colonel Kav. NAME": a rank written short after a title opens no
    name; "Kh.Batbold", the full stop glued to the next word, is a name with its initial."""
    n = len(tokens)
    t = tokens[k]
    return (
        k == start
        and k > 0
        and tokens[k - 1].low in TITLE_HEADS | _RANKS
        and 2 <= len(t.text) <= 4
        and k + 2 < n
        and tokens[k + 1].text == "."
        and tokens[k + 1].start == t.end
        and tokens[k + 2].start > tokens[k + 1].end
        and name_token_ok(tokens[k + 2])
    )


def _word_inside_name(tokens: list[Token], start: int, k: int) -> bool:
    """ "Nguyen Van The": "The", "To" or "Do" after a capitalised word of the run is a name's word."""
    return tokens[k].text in {"The", "To", "Do"} and k > start and tokens[k - 1].is_cap


def _inner_particle(tokens: list[Token], start: int, k: int) -> bool:
    """ "Faisal bin Farhan", "Ursula von der Leyen": a particle inside a name, a name word after it."""
    n = len(tokens)
    t = tokens[k]
    return (
        t.text in NAME_PARTICLES
        and k > start
        and k + 1 < n
        and tokens[k + 1].start == t.end + 1
        and (
            name_token_ok(tokens[k + 1])
            or (tokens[k + 1].text in NAME_PARTICLES and k + 2 < n and name_token_ok(tokens[k + 2]))
        )
    )


# an Arabic family name glued to its article: "al-Harbi", "el-Din", "as-Sabah", "bin-Zayed"
_ARTICLE_NAME = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an|ud|bin)-[A-Z][\w'-]*")


def _article_name(tokens: list[Token], start: int, k: int) -> bool:
    """ "Faisal al-Harbi", "Hossam el-Din Mahmoud": an article in small letters and a name, inside a name."""
    return k > start and bool(_ARTICLE_NAME.fullmatch(tokens[k].text)) and tokens[k - 1].is_cap


def _vietnamese_family_name(tokens: list[Token], start: int, k: int) -> bool:
    """ "General Secretary To Lam", "President of Vietnam To Lam": "To" or "Do" opening a run after a title,
    a name and "and", or a country is a Vietnamese family name."""
    n = len(tokens)
    t = tokens[k]
    return (
        t.text in {"To", "Do"}
        and k == start
        and 0 < k < n - 1
        and name_token_ok(tokens[k + 1])
        and tokens[k + 1].start == t.end + 1
        and (
            tokens[k - 1].low in TITLE_HEADS | {"comrade", "counterpart"}
            or (tokens[k - 1].low == "and" and k >= 2 and name_token_ok(tokens[k - 2]))
            or (k >= 2 and tokens[k - 2].low == "of" and bool(find_countries(tokens[k - 1].text)))
            or (k >= 2 and tokens[k - 1].text == "," and tokens[k - 2].low in TITLE_HEADS)
        )
    )


def _given_name_before_bin(tokens: list[Token], start: int, k: int) -> bool:
    """ "Prince Sultan bin Khalid", "Sultan bin Ahmed Al Jaber": "Sultan" opening a run right before "bin"
    ("son of") and a name is a given name, not the ruler's title ("Sultan Haitham bin Tarik")."""
    n = len(tokens)
    return (
        tokens[k].text == "Sultan"
        and k == start
        and k + 2 < n
        and tokens[k + 1].text in {"bin", "ibn"}
        and name_token_ok(tokens[k + 2])
    )


def _name_before_verb(tokens: list[Token], start: int, k: int) -> bool:
    """ "The affirmed ...": "The", "To" or "Do" opening a run before a reporting verb, a past tense or an
    apostrophe is a name that is also a word, and the run ends with it."""
    if not (tokens[k].text in {"The", "To", "Do"} and k == start and k + 1 < len(tokens)):
        return False
    nxt = tokens[k + 1].low
    return (
        tokens[k + 1].text == "'"
        or nxt in REPORT_VERBS
        or (nxt.endswith("ed") and len(nxt) > 4 and not nxt.endswith("eed"))
    )


_REGNAL = {"II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII"}


def _regnal_number(tokens: list[Token], start: int, k: int) -> bool:
    """ "King Abdullah II", "Tupou VI": a monarch's number after his name ends the name."""
    return tokens[k].text in _REGNAL and k > start and tokens[k - 1].is_cap and tokens[k - 1].is_word


def _initial_with_stop(tokens: list[Token], start: int, k: int) -> bool:
    """An initial and its full stop before a capitalised word ("V. Putin"); a two-letter initial ("Kh.")
    after another initial's full stop or glued to the word after its own."""
    n = len(tokens)
    t = tokens[k]
    return (
        (
            is_initial(t.text)
            or (t.text in DIGRAPH_INITIALS and k > start and tokens[k - 1].text == ".")
            or (t.text in DIGRAPH_INITIALS and k + 2 < n and tokens[k + 1].end == tokens[k + 2].start)
        )
        and k + 1 < n
        and tokens[k + 1].text == "."
        and k + 2 < n
        and tokens[k + 2].is_cap
    )


def _family_name_he(tokens: list[Token], start: int, k: int) -> bool:
    """ "Vice Premier He Lifeng": "He" opening a run after a title, a name word after it, is a family name,
    not the pronoun."""
    n = len(tokens)
    return (
        tokens[k].text == "He"
        and k == start
        and k > 0
        and tokens[k - 1].low in TITLE_HEADS
        and k + 1 < n
        and name_token_ok(tokens[k + 1])
    )


def _initial_without_stop(tokens: list[Token], k: int) -> bool:
    """ "Dr S Jaishankar": a capital letter alone before a name word is an initial written without its
    full stop ("A" or "I" only before another such initial)."""
    t = tokens[k]
    if t.text in {"A", "I"}:  # "A K Rahman": the article or pronoun is an initial before another one
        return (
            k + 1 < len(tokens) and tokens[k + 1].start == t.end + 1 and _initial_without_stop(tokens, k + 1)
        )
    return (
        len(t.text) == 1
        and t.text.isupper()
        and k + 1 < len(tokens)
        and tokens[k + 1].start == t.end + 1
        and name_token_ok(tokens[k + 1])
        and tokens[k + 1].text[1:].islower()
    )


def _name_word(tokens: list[Token], k: int) -> bool:
    """The token can be a word of a name, and is no acronym shorter than four letters."""
    t = tokens[k]
    return name_token_ok(t) and not (_is_acronym(t.text) and len(t.text) < 4)


def _lone_capitals(tokens: list[Token], k: int) -> bool:
    """An all-capital word with no name word written in small letters on either side: an all-capital
    surname ("TSUKAMOTO Hiroshi") is one only beside such a word."""
    t = tokens[k]
    if not (t.text.isupper() and len(t.text) > 1):
        return False
    near = [tokens[x] for x in (k - 1, k + 1) if 0 <= x < len(tokens)]
    return not any(name_token_ok(x) and not x.text.isupper() for x in near)


def _malay_royal_style(tokens: list[Token], j: int) -> bool:
    """A run that opens the style of a Malay ruler, "Yang di-Pertuan Agong" ("he who is made lord"), whose
    "Yang" is no name though capitalised: the token after it is "di-Pertuan" or "Dipertuan"."""
    return j < len(tokens) and tokens[j - 1].text == "Yang" and tokens[j].low in {"di-pertuan", "dipertuan"}


def _abbreviation(tokens: list[Token], k: int) -> str:
    """The abbreviation written with full stops that starts at token ``k`` ("U.S.", "U.K."), or ""."""
    j = k
    while (
        j + 1 < len(tokens)
        and len(tokens[j].text) == 1
        and tokens[j].text.isupper()
        and tokens[j + 1].text == "."
    ):
        if tokens[j].end != tokens[j + 1].start:
            break
        j += 2
    return "".join(t.text for t in tokens[k:j]) if j - k >= 4 else ""


# the kind of a region, written in small letters after its name: "the Tula oblast", "Kursk region"
_PLACE_KINDS = {"region", "oblast", "province", "krai", "district", "prefecture", "county", "state"}


def _place_kind_in_title(tokens: list[Token], k: int) -> bool:
    """Token ``k - 1`` is a region's kind in small letters after the region's capitalised name, inside a
    title that goes on to its head: "Governor of Russia's Kaluga oblast NAME", "head of the X province"."""
    if k < 2 or tokens[k - 1].text not in _PLACE_KINDS or not tokens[k - 2].is_cap:
        return False
    back = [t.low for t in tokens[max(0, k - 7) : k - 1]]
    return "of" in back and any(w in TITLE_HEADS for w in back)


def _countries_listed(tokens: list[Token], k: int) -> bool:
    """ "Ambassador to Chile and Peru NAME": two countries joined by "and" inside one title."""
    return (
        k >= 2
        and tokens[k - 1].low == "and"
        and bool(find_countries(tokens[k - 2].text))
        and bool(find_countries(tokens[k].text))
        and not any(t.low in TITLE_HEADS | TITLE_MODIFIERS for t in tokens[k : k + 2])
    )


def _head_of_body(tokens: list[Token], k: int, end: int) -> bool:
    """``tokens[k:end]`` is a title of one head and the body it heads, ending on the body's capitalised
    name or acronym: "Minister of Foreign Affairs and Cooperation", "head of the Department of the CPV"."""
    return (
        end - k >= 3
        and tokens[k].low in TITLE_HEADS
        and not tokens[k].low.endswith("s")
        and tokens[k + 1].low in {"of", "for"}
        and tokens[end - 1].is_word
        and tokens[end - 1].is_cap
    )


def _field_listed(tokens: list[Token], i: int) -> bool:
    """The capitalised words from ``i`` go on with "and" and another capitalised word: a body's fields
    listed ("Committee for Floods, Disaster Relief and Search and Rescue"), not a person's name."""
    e = i
    while e < len(tokens) and tokens[e].is_word and tokens[e].is_cap:
        e += 1
    return e + 1 < len(tokens) and tokens[e].low == "and" and tokens[e + 1].is_cap


def _portfolio_after_head(tokens: list[Token], k: int) -> bool:
    """The portfolio word at ``k`` (in small letters) ends one named after a title's head and "of" or "for":
    "secretary of defence", "state minister for foreign affairs", "minister of trade and industry"."""
    x = k - 1
    while x >= 0 and (tokens[x].low in PORTFOLIOS or tokens[x].low == "and") and k - x < 4:
        x -= 1
    return x >= 1 and tokens[x].low in {"of", "for"} and tokens[x - 1].low in TITLE_HEADS


def _title_word(tokens: list[Token], k: int, end: int) -> bool:
    """Token ``k - 1`` is a word a title phrase is made of: capitalised, a title's head or modifier, a body's
    word in small letters, an honorific, or a portfolio beside its head ("defence minister NAME")."""
    p = tokens[k - 1]
    low = p.low
    portfolio = low in PORTFOLIOS and (
        any(t.low in TITLE_HEADS for t in tokens[k:end])  # "defence minister NAME"
        or _portfolio_after_head(tokens, k - 1)  # "secretary of defence", "minister for foreign affairs"
    )
    return p.is_word and (
        p.is_cap
        or low in TITLE_HEADS
        or low in TITLE_MODIFIERS
        or low in _ORG_LOWER
        or low in HONORIFICS
        or portfolio
    )


def _connector_ends_title(tokens: list[Token], k: int, blocked: set[int]) -> bool:
    """The small word at token ``k - 1`` ends the title instead of joining it: "to" after a word in small
    letters, "and" between a name and the next person's title ("Deshpande and Russian Minister ...")."""
    low = tokens[k - 1].low
    if low == "to" and not (k >= 2 and tokens[k - 2].is_cap):
        return True
    return bool(
        low == "and"
        and k >= 2
        and name_token_ok(tokens[k - 2])
        # "General Secretary of the Party of Vietnam and President NAME": two titles
        and not (
            k >= 4
            and tokens[k - 3].low == "of"
            and k - 4 not in blocked
            and tokens[k].low in TITLE_HEADS
            and find_countries(tokens[k - 2].text)
        )
        and (
            tokens[k].low in TITLE_HEADS
            or tokens[k].low in TITLE_MODIFIERS
            or find_countries(_abbreviation(tokens, k) or tokens[k].text)
        )
        and not _countries_listed(tokens, k)
    )


def _mark_step(tokens: list[Token], k: int, end: int) -> int:
    """How many tokens a title goes on left over the mark at token ``k - 1`` (an apostrophe, a hyphen inside
    a word, a short rank's or country's full stop, a bracketed acronym); 0 when the mark ends the title."""
    p = tokens[k - 1]
    if p.text == "'" or (
        p.text == "-" and k >= 2 and tokens[k - 2].end == p.start and (k == end or p.end == tokens[k].start)
    ):
        return 1  # "Secretary-General", but not "CITY -- Minister": a dateline's dash ends the title
    if p.text == "." and k >= 2 and tokens[k - 2].low in _RANKS | {"sen", "snr"}:
        return 1  # "Minister Sen. Lieut. Gen. NAME": ranks written short
    if (
        p.text == "."
        and k >= 2
        and len(tokens[k - 2].text) == 1
        and tokens[k - 2].text.isupper()
        and tokens[k - 2].end == p.start
        and (k == end or p.end == tokens[k].start or tokens[k].is_cap)
    ):
        return 1  # "U.S. Secretary of State NAME": a country written short
    if (
        p.text == ")"
        and k >= 4
        and tokens[k - 3].text == "("
        and _is_acronym(tokens[k - 2].text)
        and tokens[k - 4].is_word
        and tokens[k - 4].is_cap
    ):
        return 3  # "the Senate (DPR) Speaker NAME", not "(AGENCY) Kenyan President NAME": a credit
    if (
        p.text == ")"
        and k >= 4
        and tokens[k - 4].text == "("
        and _is_acronym(tokens[k - 3].text)
        and _is_acronym(tokens[k - 2].text)
    ):
        return 4  # "Head of the House of Representatives (DPR RI) NAME": an acronym of two words
    if p.text == "s" and k >= 2 and tokens[k - 2].text == "'":
        return 1
    return 0


def _unit_in_body(tokens: list[Token], k: int, end: int) -> bool:
    """Tokens ``k - 2`` and ``k - 1`` are the "in the" between a body's unit and the body inside a title:
    "Chairman of the Friendship Group in the National Assembly", "Head of the Faction in the Parliament"."""
    return (
        k >= 3
        and k < end
        and tokens[k - 1].low == "the"
        and tokens[k - 2].low == "in"
        and tokens[k].is_cap
        and tokens[k - 3].is_cap
        and tokens[k - 3].low in ORG_HEADS
    )


def _segment_step(tokens: list[Token], k: int, end: int, blocked: set[int]) -> int:
    """How many tokens the title phrase ending at ``end`` takes in left of token ``k``; 0 where it stops."""
    p = tokens[k - 1]
    if k - 1 in blocked:
        return 0
    if _title_word(tokens, k, end):
        # a preposition written with a capital ("During", "At") is no part of a title
        return 0 if p.low in {"at", "in", "on", "with", "by", "during", "after", "while"} and p.is_cap else 1
    if _place_kind_in_title(tokens, k):
        return 1  # "Governor of Russia's Tula oblast NAME": a region's kind in small letters
    if (
        p.low == "in"
        and p.is_word
        and k < end
        and tokens[k].is_cap
        and k >= 2
        and tokens[k - 2].is_cap
        and tokens[k - 2].is_word
    ):
        return 1  # "Consul General of Russia in Ulaanbaatar NAME"
    if _unit_in_body(tokens, k, end):
        return 2  # "Chairman of the Friendship Group in the National Assembly NAME"
    if p.low == "the" and k >= 2 and tokens[k - 2].is_word and tokens[k - 2].low not in _CONNECT_LEFT:
        return 0  # "On Tuesday the Chairman of X NAME": an article after a word that no title joins opens it
    if p.low in _CONNECT_LEFT and p.is_word:
        return 0 if _connector_ends_title(tokens, k, blocked) else 1
    return _mark_step(tokens, k, end)


def _trim_title_start(tokens: list[Token], k: int, end: int) -> int:
    """The title phrase's first token once the small words, openers and marks it starts with are dropped."""
    while k < end and (
        tokens[k].low in _CONNECT_LEFT | _OPENERS
        or not tokens[k].is_word
        or not (
            tokens[k].is_cap
            or tokens[k].low in TITLE_HEADS
            or tokens[k].low in TITLE_MODIFIERS
            or tokens[k].low in PORTFOLIOS
        )
    ):
        k += 1
    return k


def _title_segment(tokens: list[Token], end: int, blocked: set[int]) -> int:
    """The first token of the title words ending right before token ``end`` (no comma crossed), or ``end``."""
    k = end
    while k > 0:
        step = _segment_step(tokens, k, end, blocked)
        if not step:
            break
        k -= step
    return _trim_title_start(tokens, k, end)


def _comma_listed_start(tokens: list[Token], i: int, blocked: set[int]) -> int:
    """Where the title before the comma at ``i - 1`` starts, taking in a portfolio listed with commas
    ("Minister of Education, Culture, Research and Technology, NAME")."""
    k = _title_segment(tokens, i - 1, blocked)
    for _ in range(4):
        if k < 2 or tokens[k - 1].text != "," or k - 2 in blocked or tokens[k].low in TITLE_HEADS:
            break
        prev = _title_segment(tokens, k - 1, blocked)
        if prev >= k - 1:
            break
        k = prev
        if any(tokens[x].low in TITLE_HEADS and tokens[x + 1].low == "of" for x in range(k, i - 2)):
            break
    else:
        k = _title_segment(tokens, i - 1, blocked)
    return k


def _titled_before_comma(tokens: list[Token], k: int, i: int) -> bool:
    """``tokens[k : i - 1]``, set off from the name at ``i`` by a comma, reads as the name's title."""
    return (
        k < i - 1
        and (
            tokens[i - 2].low in TITLE_HEADS
            or (
                bool(find_countries(tokens[i - 2].text))
                and any(t.low in TITLE_HEADS for t in tokens[k : i - 1])
            )
            # "Chairman of the National Assembly, NAME": a title naming its body
            or (
                tokens[k].low in TITLE_HEADS
                and any(t.low == "of" for t in tokens[k : i - 1])
                and tokens[i - 2].low in ORG_HEADS
            )
            or any(t.text == "," for t in tokens[k : i - 1])
            # "the Minister of Trade and Industry, NAME", "the head of the X Department of the CPV, NAME"
            or (_head_of_body(tokens, k, i - 1) and not _field_listed(tokens, i))
            # "the British State Secretary for Education, NAME": a title opening with its country
            or (
                bool(find_countries(tokens[k].text))
                and any(t.low in TITLE_HEADS for t in tokens[k + 1 : i - 1])
            )
        )
    )


def _articles_refusing_title(tokens: list[Token], k: int, i: int) -> set[str]:
    """The articles that, before the title at ``k`` set off by a comma from the name at ``i``, make it no
    title of the name's: only "a"/"an" for a title opening with its head or country before a name set off in
    turn ("headed by the secretary of X, NAME, arrived"), else "the" too ("with the Russian minister, Tam
    affirmed" is a clause of its own)."""
    end = i + 1 if i < len(tokens) and tokens[i].low in _HONORIFICS else i  # ", comrade NAME,"
    while (
        end < len(tokens)
        and tokens[end].is_word
        and (tokens[end].is_cap or tokens[end].low in NAME_PARTICLES)
    ):
        end += 1
    set_off = end - i >= 2 and (end == len(tokens) or tokens[end].text in {",", ".", ";", ")", "and"})
    opens = tokens[k].low in TITLE_HEADS or bool(find_countries(tokens[k].text))
    return {"a", "an"} if opens and set_off else {"the", "a", "an"}


def _title_before_comma(tokens: list[Token], i: int, blocked: set[int]) -> int:
    """The first token of a title set off by a comma before the name at ``i`` ("President of Belarus,
    Alexander Lukashenko, arrived"), or ``i`` when the words before the comma are no title of the name's;
    a comma before the title may close an opening phrase ("Speaking at the event, Minister of X, NAME")."""
    k = _comma_listed_start(tokens, i, blocked)
    if not any(t.low in TITLE_HEADS for t in tokens[k : i - 1]):
        k = _title_segment(tokens, i - 1, blocked)
    before = tokens[k - 1] if k > 0 else None
    if _titled_before_comma(tokens, k, i) and (
        before is None
        or (before.text == "," and _opening_phrase(tokens, k - 1))
        or (
            before.text != ","
            and before.low not in _articles_refusing_title(tokens, k, i)
            and not name_token_ok(before)
        )
    ):
        return k
    return i


def _opening_phrase(tokens: list[Token], c: int) -> bool:
    """The sentence's words before the comma at ``c`` are an opening phrase of its own, with no comma and no
    name in it: "Speaking at the event, Minister of X, NAME said"."""
    return (
        c >= 2
        and tokens[0].low in _OPENERS
        and not any(t.text == "," for t in tokens[1:c])
        and not any(name_token_ok(t) for t in tokens[1:c])
    )


def _head_of_body_after_the(tokens: list[Token], k: int, i: int) -> bool:
    """ "the Chairman of the State Duma NAME", "the President of the Republic NAME": after "the", a title
    that opens with its head and the body it heads, right before the name; in small letters, the region it
    heads ("the governor of the Kursk region NAME")."""
    region = tokens[i - 1].low in _PLACE_KINDS and tokens[i - 2].is_cap
    return (
        tokens[k - 1].low == "the"
        and k + 2 < i
        and tokens[k].low in TITLE_HEADS
        and (tokens[k].is_cap or region)
        and tokens[k + 1].low in {"of", "for"}
    )


def _comma_joined_titles(tokens: list[Token], k: int, blocked: set[int]) -> int:
    """Where the titles joined by commas to the one at ``k`` start: "Secretary of X, Head of Y NAME"."""
    while k >= 2 and tokens[k - 1].text == "," and k - 2 not in blocked:
        prev = _title_segment(tokens, k - 1, blocked)
        before = tokens[prev - 1].low if prev > 0 else ""
        if (
            prev < k - 1
            and tokens[prev].is_cap
            and before not in {"the", "a", "an"}
            and has_title_head(" ".join(t.text for t in tokens[prev : k - 1]))
        ):
            k = prev
        else:
            break
    return k


def _title_left(tokens: list[Token], i: int, blocked: set[int]) -> int:
    """Index of the first token of the title phrase that ends right before token ``i``, or ``i``."""
    k = _title_segment(tokens, i, blocked)
    if k >= i and i >= 2 and tokens[i - 1].text == "," and i - 2 not in blocked:
        # "President of Belarus, Alexander Lukashenko, arrived": a title set off by a comma
        return _title_before_comma(tokens, i, blocked)
    if k >= i or tokens[i - 1].low in _CONNECT_LEFT:
        return i
    if (
        k > 0
        and tokens[k - 1].low in {"the", "a", "an"}
        and tokens[i - 1].low not in TITLE_HEADS
        and not (i >= 2 and tokens[i - 2].low in {"to", "in", "of"} and find_countries(tokens[i - 1].text))
        and not _head_of_body_after_the(tokens, k, i)
    ):
        return i  # but "the Russian Ambassador to Vietnam NAME" keeps its title
    k = _comma_joined_titles(tokens, k, blocked)
    if not any(t.low in TITLE_HEADS for t in tokens[k:i]):
        k = _listed_portfolio(tokens, k, blocked)
    return k


def _listed_portfolio(tokens: list[Token], k: int, blocked: set[int]) -> int:
    """The start of "Minister of A, B, and C NAME": a ministry's fields listed with commas, the last of
    them right before the name; ``k`` is where that last field starts. ``k`` itself if no head is found."""
    start = k
    for _ in range(4):
        comma = k - 2 if k >= 2 and tokens[k - 1].low == "and" else k - 1
        if comma < 1 or tokens[comma].text != "," or comma - 1 in blocked:
            return start
        prev = _title_segment(tokens, comma, blocked)
        if prev >= comma or not tokens[prev].is_cap:
            return start
        k = prev
        if any(
            t.low in TITLE_HEADS and u.low in {"of", "for"}
            for t, u in zip(tokens[k:comma], tokens[k + 1 : comma], strict=False)
        ):
            return k
    return start


def _appositive(tokens: list[Token], j: int, blocked: set[int]) -> tuple[int, int]:
    """Token span of a title after a name: "NAME, head of the Federal Archive Agency of Russia"."""
    n = len(tokens)
    # "Comrade NAME - General Secretary of the ...": a title set off by a dash as by a comma
    if j >= n or tokens[j].text not in {",", "-", "\u2013", "\u2014"}:
        return (j, j)
    start = _appositive_start(tokens, j + 1)
    k, opened_with_country = _past_title_country(tokens, start)
    if k >= n or not (
        tokens[k].low in TITLE_HEADS
        or (tokens[k].low in TITLE_MODIFIERS and k + 1 < n)
        or _body_before_head(tokens, k)
        or (opened_with_country and _word_before_head(tokens, k))
    ):
        return (j, j)
    k = _appositive_title_end(tokens, k, blocked)
    if k is None:
        return (j, j)  # the phrase belongs to the next name
    while k > start and (
        tokens[k - 1].low in _CONNECT_LEFT | {"in"} or tokens[k - 1].text in {",", "'", "-"}
    ):
        k -= 1
    listed = k + 1 < n and tokens[k].low == "and" and k + 1 in blocked  # "NAME, title of X and NAME"
    if opened_with_country and k < n and not listed and tokens[k].text not in {",", ".", ";", ":", "("}:
        return (j, j)  # "President A, Saudi prince discuss ...": two subjects, not a title
    if not listed and _clause_reaches_next_name(tokens, j, k, blocked):
        return (j, j)  # the phrase belongs to the next name
    return (start, k)


def _body_before_head(tokens: list[Token], k: int) -> bool:
    """ "NAME, Politburo Member and ...", "NAME, Alternate Member of ...": one or two capitalised words of a
    body or a rank before the title's head, the head written with a capital too."""
    for h in (k + 1, k + 2):
        if h >= len(tokens) or not all(t.is_word and t.is_cap for t in tokens[k : h + 1]):
            return False
        if tokens[h].low in TITLE_HEADS:
            return not any(find_countries(t.text) for t in tokens[k:h])
    return False


def _appositive_start(tokens: list[Token], k: int) -> int:
    """Where the title after a name's comma or dash starts: past "who is (also)", "who was" and articles."""
    n = len(tokens)
    if k + 1 < n and tokens[k].low == "who" and tokens[k + 1].low in {"is", "was"}:
        k += 2
        if k < n and tokens[k].low == "also":
            k += 1
    while k < n and tokens[k].low in {"the", "a", "an"}:
        k += 1
    if (
        k + 1 < n
        and tokens[k].low in {"visiting", "new", "newly-appointed", "incoming", "outgoing"}
        and not _whole_country(f"{tokens[k].text} {tokens[k + 1].text}")  # "the New Zealand minister"
    ):
        k += 1  # "NAME, the visiting Cuban minister of trade": the guest's title after the participle
    return k


def _past_title_country(tokens: list[Token], k: int) -> tuple[int, bool]:
    """The index after the country a title opens with ("Saudi Minister of Defence", "Costa Rica's Vice
    President"), and whether there was one; ``k`` and False if none."""
    n = len(tokens)
    for e in (k + 1, k + 2, k + 3):  # "Danish", "South Korean", "United Arab Emirates"
        if (
            e < n
            and all(t.is_word and t.is_cap for t in tokens[k:e])
            and (
                tokens[e].low in TITLE_HEADS
                or tokens[e].low in TITLE_MODIFIERS
                or _word_before_head(tokens, e)  # "the Danish development minister"
                or _body_before_head(tokens, e)  # "the Danish Trade Minister"
            )
            and _whole_country(" ".join(t.text for t in tokens[k:e]))
        ):
            return e, True
    # the title opens with its country's possessive
    for size in (1, 2, 3):
        e = k + size
        if (
            e + 2 < n
            and tokens[e].text in {"'", "\u2019"}
            and tokens[e + 1].text == "s"
            and all(t.is_cap for t in tokens[k:e])
            and _names_country(" ".join(t.text for t in tokens[k:e]))
            and (tokens[e + 2].low in TITLE_HEADS or tokens[e + 2].low in TITLE_MODIFIERS)
        ):
            return e + 2, True
    return k, False


def _whole_country(words: str) -> bool:
    """The words are one country's name or adjective, nothing more: "Danish", "South Korean", "Sri Lanka",
    a city-state's name ("Singapore"), but no other city's."""
    found = find_countries(words)
    return any(c.start == 0 and c.end == len(words) and c.kind != "city" for c in found) or bool(
        country_by_name(words)
    )


def _word_before_head(tokens: list[Token], k: int) -> bool:
    """Token ``k`` is a word in small letters right before a title's head: "development minister"."""
    t = tokens[k]
    return t.is_word and t.text.islower() and k + 1 < len(tokens) and tokens[k + 1].low in TITLE_HEADS


def _appositive_title_end(tokens: list[Token], k: int, blocked: set[int]) -> int | None:
    """Where the title's words from ``k`` end (capitalised words, title words, connectors, a comma before
    another title or a listed name); None if they reach a token of the next name."""
    n = len(tokens)
    while k < n:
        t = tokens[k]
        if k - 1 in range(1, n) and tokens[k - 1].low == "and" and k in blocked:
            return k - 1  # "NAME, Foreign Minister of X and NAME": the title ends before the next name
        if k in blocked:
            return None
        if t.is_word and (
            t.is_cap
            or t.low in TITLE_HEADS | TITLE_MODIFIERS | PORTFOLIOS  # "minister of foreign affairs"
            or t.low in _CONNECT_LEFT | {"in"}
            or _word_before_head(tokens, k)  # "development minister"
        ):
            k += 1
        elif t.text in {"'", "-"} or (t.text == "s" and tokens[k - 1].text == "'"):
            k += 1
        elif inner_acronym(tokens, k):
            k += inner_acronym(tokens, k)  # "head of the X Party (XP) Central Committee"
        elif (
            t.text == ","
            and k + 1 < n
            and (
                tokens[k + 1].low in TITLE_HEADS
                or (tokens[k + 1].is_cap and k + 2 < n and tokens[k + 2].low == "and")
            )
        ):
            k += 1
        else:
            break
    return k


def _clause_reaches_next_name(tokens: list[Token], j: int, k: int, blocked: set[int]) -> bool:
    """The rest of the title's clause, from ``k`` to its punctuation, reaches a token of the next name; a
    dashed title ("NAME - General Secretary of X received B") ends at its verb, before any."""
    look = k
    while look < len(tokens) and tokens[look].text not in {",", ".", ";", ":", "(", '"'}:
        if look in blocked:
            return True
        if tokens[j].text != "," and tokens[look].is_word and not tokens[look].is_cap:
            return False
        look += 1
    return False


# a nickname quoted inside a full name, "Ana "Nana" Lopes", or bracketed after it, "Ana Lopes (Nana)"
_QUOTED_NICKNAME = re.compile(
    r"\b(?P<given>[A-ZÀ-Ỹ][\w'-]+)\s+[\"“](?P<nick>[A-ZÀ-Ỹ][a-z][\w'-]*)[\"”]\s+(?P<surname>[A-ZÀ-Ỹ][\w'-]+)\b"
)
_BRACKETED_NICKNAME = re.compile(
    r"\b(?P<full>[A-ZÀ-Ỹ][\w'-]+(?:\s+[A-ZÀ-Ỹ][\w'-]+)+)\s+\((?P<nick>[A-ZÀ-Ỹ][a-z][\w'-]*)\)"
)


def _nickname_pairs(text: str) -> list[tuple[str, str, str]]:
    """(full name, nickname, folded given name) of each nickname the sentence gives with a full name."""
    out = []
    for m in _QUOTED_NICKNAME.finditer(text):
        out.append((f"{m.group('given')} {m.group('surname')}", m.group("nick"), fold(m.group("given"))))
    for m in _BRACKETED_NICKNAME.finditer(text):
        words = m.group("full").split()
        while words and words[0].lower() in NON_NAME:
            words.pop(0)  # "President Ana Lopes (Nana)": the title before the name
        if len(words) >= 2 and not any(w.lower() in NON_NAME for w in words):
            out.append((" ".join(words), m.group("nick"), fold(words[0])))
    return out


# "his Vietnamese counterpart NAME": a counterpart right before a name makes it a person's
_COUNTERPART_BEFORE = re.compile(
    r"\bcounterparts?(?:\s+(?:from|of)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?,?\s+(?:[A-Z][\w.-]*\s+){0,2}$"
)


def _run_stops(s: Sentence, tokens: list[Token]) -> set[int]:
    """The tokens no name runs across: a place's words (not a one-word city glued to a name), and in a
    title or headline its common words."""
    places = find_countries(s.text)
    stop = {
        k
        for k, t in enumerate(tokens)
        for c in places
        if c.start <= t.start < c.end and not _glued_city(c, tokens, k)
    }
    if s.kind == "title" or not s.text.rstrip().endswith((".", "!", "?", ":", '"', "”", ")")):
        stop |= _headline_words(tokens)  # the title, or a headline below the page's furniture
    return stop


def _trim_run_start(text: str, tokens: list[Token], i: int, j: int) -> int:
    """The first token of the run ``[i, j)`` past the words before its name: the English words ending a
    body's name, a style ("Sheikh"), a place before a name of a known shape."""
    prev = tokens[i - 1] if i > 0 else None
    while (
        j - i >= 3
        and prev is not None
        and prev.low not in TITLE_HEADS
        and (prev.is_cap or prev.low in {"of", "and", "for", "on"})
        and _ENGLISH.search(tokens[i].text.lower())
        and len(tokens[i].text) >= 6
    ):
        i += 1
    if j - i >= 3 and tokens[i].low in _SHEIKH:
        i += 1  # "Sheikh Mohamed bin Zayed": a style ("Sheikh Hasina" is a name)
    if j - i >= 3 and prev is not None and prev.low == "of" and tokens[i].low in _HOUSE_MEMBERS:
        i += 1  # "Speaker of the House of Representatives NAME": the chamber's word, then the name
    # "the province of Khanh Hoa Le Duc Vinh": a place, then a name of a known shape
    if j - i >= 3 and i >= 1 and tokens[i - 1].low == "of":
        for cut in (i + 1, i + 2):
            if j - cut >= 2 and shape_country(text[tokens[cut].start : tokens[j - 1].end]):
                if not shape_country(text[tokens[i].start : tokens[j - 1].end]) or cut == i + 2:
                    i = cut
                    break
    return i


def _body_word_after(tokens: list[Token], j: int, text: str) -> bool:
    """The run ending before token ``j`` names a body or a place by the word after it ("the Central
    Agencies' Bloc", "X Province", "X's mausoleum"), not a person ("President Putin's state visit")."""
    after = tokens[j].low if j < len(tokens) else ""
    plural_owner = (  # "the Central Agencies' Bloc"
        after == "'" and j + 1 < len(tokens) and tokens[j + 1].low in _AFTER_NOT_PERSON and text.endswith("s")
    )
    if not (
        plural_owner
        or after in _AFTER_NOT_PERSON
        or (after == "'" and j + 2 < len(tokens) and tokens[j + 2].low in _AFTER_NOT_PERSON)
    ):
        return False
    k2 = j + 1 if plural_owner else j + 2 if after == "'" else j
    # "President Putin's state visit", "his state visit": a person's visit, not a body
    return not (
        k2 + 1 < len(tokens)
        and tokens[k2].low == "state"
        and tokens[k2 + 1].low in {"visit", "visits", "trip"}
    )


# the members a chamber of parliament is named after: "House of Representatives", "Chamber of Deputies"
_HOUSE_MEMBERS = {"representatives", "deputies", "commons", "lords", "councillors", "councilors", "delegates"}


def _person_like(tokens: list[Token], i: int, j: int, text: str) -> bool:
    """The run ``[i, j)`` could be a person's name: not after an article, and no body, city, seat of
    office, royal style, initials alone or states in the plural."""
    before = tokens[i - 1].low if i > 0 else ""
    return not (
        before in {"the", "a", "an"}
        or _body_word_after(tokens, j, text)
        or (is_city(text) and not (i > 0 and tokens[i - 1].low in TITLE_HEADS))
        or is_seat_of_office(text)  # "Cheong Wa Dae said": the office, named by its building
        or _malay_royal_style(tokens, j)  # "Yang di-Pertuan Agong": the Malay king's style, not a name
        or not any(len(t.text) > 1 for t in tokens[i:j] if t.is_word)  # "H.E.": initials, no name of its own
        or (text.endswith("s") and " " not in text and _names_country(text[:-1]))  # "the two Koreas": states
        or (before == "of" and text.lower() in _HOUSE_MEMBERS)  # "the House of Representatives of X"
        or _plural_after_adjective(tokens, i, j)  # "the Federation of Indian Chambers of ..."
    )


def _plural_after_adjective(tokens: list[Token], i: int, j: int) -> bool:
    """A single plural word after a country's adjective or name inside a body's name ("the Federation of
    Indian Chambers of Commerce", "Ministry of X and Moroccan Expatriates"): a common noun, no person."""
    if j - i != 1 or i < 2 or not tokens[i].text.endswith("s"):
        return False
    country = find_countries(tokens[i - 1].text)
    return (
        bool(country) and country[0].kind in {"demonym", "name"} and tokens[i - 2].low in {"of", "and", "for"}
    )


def _sentence_info(s: Sentence) -> SentenceInfo:
    """The sentence's tokens and its runs of capitalised words, each marked whether it could be a person."""
    tokens = tokenize(s.text)
    spans = [(_trim_run_start(s.text, tokens, i, j), j) for i, j in _runs(tokens, _run_stops(s, tokens))]
    runs = []
    for i, j in spans:
        text = s.text[tokens[i].start : tokens[j - 1].end]
        poss = j + 1 < len(tokens) and tokens[j].text == "'" and tokens[j + 1].text == "s"
        person_like = _person_like(tokens, i, j, text)
        runs.append(Run(i, j, text, tokens[i].start, tokens[j - 1].end, person_like, possessive=poss))
    return SentenceInfo(tokens, runs)


def _bracketed_acronym(tokens: list[Token], b: int) -> str:
    """The acronym bracketed right after a body's name that ends before token ``b`` ("... (ASEAN)"), or ""."""
    if (
        b + 2 < len(tokens)
        and tokens[b].text == "("
        and _is_acronym(tokens[b + 1].text)
        and tokens[b + 2].text == ")"
    ):
        return tokens[b + 1].text
    return ""


def _honorific_start(tokens: list[Token], i: int) -> int:
    """Where an honorific right before the name at ``i`` starts ("Politburo member comrade NAME", "the
    Chairman of X, Mr. NAME"): the title, if any, ends before it; ``i`` when there is none."""
    h = i - 1 if i >= 2 and tokens[i - 1].text == "." and tokens[i - 1].start == tokens[i - 2].end else i
    return h - 1 if h >= 2 and tokens[h - 1].low in _HONORIFICS - {"sen"} and tokens[h - 1].is_word else i


def _set_title_and_appositive(text: str, tokens: list[Token], r: Run, blocked: set[int]) -> None:
    """Give the run the title phrase before it (when a title's head or a rank is in it) and the title set
    off after it."""
    h = _honorific_start(tokens, r.i)
    k = _title_left(tokens, h, blocked)
    if k < h:
        phrase = _STYLES.sub(" ", text[tokens[k].start : tokens[h - 1].end])
        phrase = " ".join(phrase.split())
        if has_title_head(phrase, ranks=True):  # "Rear Adm. NAME": a rank names an officer
            r.title, r.title_start = phrase, k
    a, b = _appositive(tokens, r.j, blocked)
    if b > a:
        r.appositive = text[tokens[a].start : tokens[b - 1].end]


def _word_after_run(tokens: list[Token], r: Run) -> str:
    """The word after the run (past a possessive's "s"); "said" for ", who", ", whose", which tell of him."""
    nxt = tokens[r.j].low if r.j < len(tokens) else ""
    if r.possessive and r.j + 2 < len(tokens):
        nxt = tokens[r.j + 2].low
    if nxt == "," and r.j + 1 < len(tokens):
        nxt2 = tokens[r.j + 1].low
        if nxt2 in {"who", "whose"}:
            nxt = "said"
    return nxt


def _licensed(text: str, tokens: list[Token], r: Run) -> bool:
    """The run is a person by what surrounds it: a title, a reporting verb, an honorific, a speaker's line,
    an event of his, a counterpart or a meeting before it."""
    nxt = _word_after_run(tokens, r)
    two = (r.j - r.i) >= 2
    return (
        bool(r.title or r.appositive)
        or (nxt in REPORT_VERBS and two)
        or (r.i > 0 and tokens[r.i - 1].low in _HONORIFICS and two)
        or (r.i > 1 and tokens[r.i - 1].text == "." and tokens[r.i - 2].low in _HONORIFICS and two)
        # a transcript's speaker line, "Mikhail Mishustin: Good afternoon" (a line of its own,
        # "Reader Notice:", is the page's furniture)
        or (r.i == 0 and nxt == ":" and two and r.j + 1 < len(tokens))
        # "Mikhail Mishustin's talks with ...", "X's visit to ..."
        or (r.possessive and nxt in _EVENT_NOUNS and two)
        # "his Vietnamese counterpart Vo Minh Khang"
        or (two and bool(_COUNTERPART_BEFORE.search(text[max(0, r.start - 60) : r.start])))
        # the other side of a meeting: "met with Takeo Kawamura of the LDP"
        or (two and bool(_MET_BEFORE.search(text[max(0, r.start - 120) : r.start])))
        or (two and _owner_before(tokens, r.i))
    )


_OWNER = re.compile(r"\b([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})'s\s+$")


def _owner_country(text: str, start: int) -> str | None:
    """The country whose possessive stands right before a name ("South Korea's NAME"), or None."""
    m = _OWNER.search(text, max(0, start - 40), start)
    words = m.group(1).split() if m else []
    owners = [" ".join(words[k:]) for k in range(len(words))]
    return next(filter(None, map(country_by_name, owners)), None)


def _owner_before(tokens: list[Token], i: int, paired: bool = True) -> bool:
    """ "the African Union's Ana Rojas": a full name right after the possessive of a body (its name ending
    on the body's head word) is the person it sends; after a country's, only in a list of such names, one
    per country ("Chile's Ana Rojas and Peru's Luis Soto"): alone it names anyone of that country."""
    if i < 3 or tokens[i - 1].text != "s" or tokens[i - 2].text != "'" or not tokens[i - 3].is_cap:
        return False
    if tokens[i - 3].low in ORG_HEADS and tokens[i - 3].low not in _PLACE_KINDS:
        return True
    owners = (
        " ".join(t.text for t in tokens[i - 2 - size : i - 2]) for size in (1, 2, 3) if i - 2 - size >= 0
    )
    if not any(country_by_name(owner) for owner in owners):  # "Singapore's" too, a city that is a state
        return False
    return not paired or _paired_owner(tokens, i)


def _paired_owner(tokens: list[Token], i: int) -> bool:
    """Another full name in the sentence stands after a country's possessive ("Chile's A met Peru's B")."""
    return any(
        x != i and x + 1 < len(tokens) and tokens[x + 1].is_cap and _owner_before(tokens, x, False)
        for x in range(3, len(tokens))
    )


def _shares_plural_title(tokens: list[Token], r: Run, prev_run: Run | None) -> bool:
    """ "Deputy Prime Ministers A and B": an untitled run after "and" shares the plural title before it."""
    return (
        not r.title
        and (r.j - r.i) >= 2
        and prev_run is not None
        and prev_run.j == r.i - 1
        and tokens[r.i - 1].low == "and"
        and bool(_PLURAL_TITLE.search(prev_run.title))
    )


# a plural title shared out, in order, over the states and the names listed with it: "the foreign
# ministers of Armenia and Azerbaijan, A and B", "A, B and C, the Prime Ministers of X, Y and Z", "his
# Jordanian and Iraqi counterparts, A and B"
_PLURAL_HEADS = {"chairmen": "chairman", "chairwomen": "chairwoman", "secretaries": "secretary"}
_BEFORE_PLURAL_HEAD = PORTFOLIOS | set(TITLE_MODIFIERS) - {"former"}


def _singular_head(word: str) -> str:
    """ "Ministers" -> "Minister", "counterparts" -> "counterpart"; "" for a word that is no plural head."""
    low = word.lower()
    single = _PLURAL_HEADS.get(low) or (low[:-1] if low[:-1] in TITLE_HEADS | {"counterpart"} else "")
    if not low.endswith(("s", "men")) or not single:
        return ""
    return single.capitalize() if word[:1].isupper() else single


def _state_list(tokens: list[Token], k: int) -> tuple[list[str], int]:
    """The states listed from token ``k`` ("Latvia, Lithuania and Estonia", "Jordanian and Iraqi") and the
    index after the last of them."""
    states, end, n = [], k, len(tokens)
    while k < n:
        size = next(
            (z for z in (3, 2, 1) if all(t.is_word and t.is_cap for t in tokens[k : k + z]) and k + z <= n
             and _whole_country(" ".join(t.text for t in tokens[k : k + z]))),
            0,
        )  # fmt: skip
        if not size:
            break
        states.append(" ".join(t.text for t in tokens[k : k + size]))
        end = k + size
        k = _joined(tokens, end)
    return states, end


def _joined(tokens: list[Token], k: int) -> int:
    """The index past a list's joint at ``k`` (", ", " and ", ", and "), or ``k`` if there is none."""
    k += 1 if k < len(tokens) and tokens[k].text == "," else 0
    return k + 1 if k < len(tokens) and tokens[k].low == "and" else k


def _name_list(runs: list[Run], tokens: list[Token], k: int, forward: bool) -> list[Run]:
    """The full names listed from token ``k`` on (or ending right before it), in the text's order."""
    full = [r for r in runs if r.person_like and r.j - r.i >= 2]
    out: list[Run] = []
    while True:
        r = next((r for r in full if (r.i if forward else r.j) == k), None)
        if r is None:
            return out if forward else out[::-1]
        out.append(r)
        k = _joined(tokens, r.j) if forward else next(
            (x for x in (r.i - 1, r.i - 2) if x >= 0 and _joined(tokens, x) == r.i and x < r.i), -1
        )  # fmt: skip
        if k == r.j:
            return out if forward else out[::-1]


def _names_each_of_a_state(runs: list[Run], tokens: list[Token], k: int) -> list[Run]:
    """The full names listed from token ``k``, each followed by its state: "A of X and B of Y"."""
    out: list[Run] = []
    while r := next((r for r in runs if r.person_like and r.j - r.i >= 2 and r.i == k), None):
        if r.j >= len(tokens) or tokens[r.j].low != "of":
            break
        states, end = _state_list(tokens, r.j + 1)
        if len(states) != 1:
            break
        out.append(r)
        k = _joined(tokens, end)
    return out


def _listed_title(tokens: list[Token], runs: list[Run], k: int) -> tuple[list[str], list[Run]]:
    """The titles, one per state, that the plural title at token ``k`` gives, and the names they go to."""
    single = _singular_head(tokens[k].text) if tokens[k].is_word else ""
    if not single:
        return [], []
    start = k
    while start > 0 and tokens[start - 1].is_word and tokens[start - 1].low in _BEFORE_PLURAL_HEAD:
        start -= 1
    title = " ".join([t.text for t in tokens[start:k]] + [single])
    n = len(tokens)
    each = _names_each_of_a_state(runs, tokens, k + 1)
    if len(each) >= 2:  # "Prime Ministers A of X and B of Y"
        return [title] * len(each), each
    if k + 1 < n and tokens[k + 1].low == "of":  # "the ministers of X and Y, A and B"
        states, after = _state_list(tokens, k + 2)
        titles = [f"{title} of {s}" for s in states]
    else:  # "his X and Y counterparts, A and B"
        states, after = next(
            ((st, k + 1) for x in range(max(0, start - 9), start) for st, e in [_state_list(tokens, x)]
             if e == start and len(st) >= 2),
            ([], k + 1),
        )  # fmt: skip
        titles = [f"{s} {title}" for s in states]
    if len(states) < 2:
        return [], []
    names = _name_list(runs, tokens, _joined(tokens, after), True) if after < n else []
    if not names and start >= 3 and tokens[start - 1].low == "the" and tokens[start - 2].text == ",":
        names = _name_list(runs, tokens, start - 2, False)  # "A and B, the ministers of X and Y"
    return (titles, names) if len(names) == len(states) else ([], [])


def _share_listed_titles(tokens: list[Token], runs: list[Run]) -> None:
    """Give each name of a list the title its place in the list gives it."""
    for k in range(len(tokens)):
        titles, names = _listed_title(tokens, runs, k)
        for title, r in zip(titles, names, strict=True):
            r.title, r.title_start, r.appositive, r.licensed = title, -1, "", True


def _set_possessive_title(text: str, tokens: list[Token], r: Run) -> None:
    """ "Peru's chief trade negotiator NAME": a title in small letters after a country's possessive."""
    if (r.j - r.i) < 2 or (r.title and not r.title.islower()):
        return
    m = _POSSESSIVE_TITLE.search(text[max(0, r.start - 80) : r.start])
    if m and m.group("head") in TITLE_HEADS and _names_country(m.group("country")):
        offset = max(0, r.start - 80)
        k = next(x for x, t in enumerate(tokens) if t.start >= offset + m.start("title"))
        r.title, r.title_start, r.licensed = m.group("title"), k, True


def _in_history(text: str, tokens: list[Token], r: Run, prev_history: bool) -> bool:
    """The run names someone of the past: a word of memory before him ("the late", "statue of"), a year long
    past in the sentence, or "and" after someone of the past ("founded by President A and President B")."""
    start = r.title_start if r.title_start >= 0 else r.i
    window = [t.low for t in tokens[max(0, start - 4) : start + 1]]
    if any(w in _HISTORY for w in window) or (r.title and fold(r.title).startswith("late ")):
        return True
    if _OLD_YEAR.search(text) and not re.search(r"\b(?:19[89]\d|20\d\d)\b", text):
        return True
    return prev_history and start >= 1 and tokens[start - 1].low == "and"


def _read_titles(text: str, info: SentenceInfo) -> None:
    """Give each person-like run of the sentence its titles, whether it is surely a person (licensed), and
    whether it is someone of the past."""
    tokens = info.tokens
    blocked = {k for r in info.runs if r.person_like and r.j - r.i >= 2 for k in range(r.i, r.j)}
    prev_history = False
    prev_run = None
    for r in info.runs:
        if not r.person_like:
            continue
        others = blocked - set(range(r.i, r.j))
        _set_title_and_appositive(text, tokens, r, others)
        r.licensed = _licensed(text, tokens, r)
        if _shares_plural_title(tokens, r, prev_run):
            r.title, r.licensed = prev_run.title, True
        _set_possessive_title(text, tokens, r)
        prev_run = r
        if _in_history(text, tokens, r, prev_history):
            r.history = True
        prev_history = r.history
    _share_listed_titles(tokens, info.runs)


def _record_titles(p: Person, idx: int, r: Run) -> None:
    """Note that sentence ``idx`` names the person, and add the titles the run's title and apposition give."""
    fields = p.sentences.setdefault(idx, set())
    fields.add("name")
    for t in filter(None, (r.title, r.appositive)):
        for title in split_titles(_own_title(t)):
            title = re.sub(r"^(?:its|their|his|her)\s+", "", title)
            title = re.sub(r"\s+(?:Dr|Mr|Mrs|Ms|Prof|Sen|H\.E|Comrade)\.?$", "", title)
            if " " not in title and title.islower():
                continue
            counterpart = title.endswith(" counterpart")  # "Iraqi counterpart", a list's share of a title
            if (has_title_head(title) or counterpart) and title not in p.titles and len(title) < 200:
                p.titles.append(title)
                fields.add("titles")


def _pronoun_ref(text: str, t: Token, mentions: list[Mention], focus: str | None) -> str | None:
    """Whom the pronoun ``t`` means: for "his"/"her" the first person the sentence names (but the guest
    received for "his visit"), for "he"/"she" in small letters the first person named before it, else the
    person the story is about."""
    low = t.text.lower()
    earlier = sorted((m for m in mentions if m.start < t.start), key=lambda m: m.start)
    if low == "him" or (low == "her" and _object_pronoun(text, t)):
        # "B received him": not the clause's subject, but the one the story follows, when not named before
        return focus if focus not in {m.person for m in earlier} else None
    if low in {"his", "her"} and not earlier:
        subject = _subject_after_opening(text, t, mentions)
        if subject:
            return subject
    if low in {"his", "her"} and earlier:
        ref = earlier[0].person
        if _VISIT_AFTER.match(text, t.end):
            # "A received B during his visit": the visit is the guest's
            host = _HOST_VERB.search(text, earlier[0].end, t.start)
            guests = [m for m in earlier if host and m.start >= host.end()]
            ref = guests[0].person if guests else ref
        return ref
    if low in {"he", "she"} and earlier and not t.is_cap:
        return earlier[0].person
    return focus


def _object_pronoun(text: str, t: Token) -> bool:
    """ "her" as an object ("received her on May 5", "thanked her."), not a possessive ("her visit")."""
    nxt = re.match(r"\s*([\w-]+|\S)?", text[t.end :]).group(1)
    return nxt is None or not nxt[0].isalpha() or nxt.lower() in _AFTER_OBJECT


# a sentence that opens on a phrase before its subject: "In a talk with his counterpart B, A said ...",
# "Meeting his counterpart B, A ...", "During her visit, A ..."
_OPENING_PHRASE = re.compile(
    r"\s*(?:(?:In|At|On|During|After|Before|With|Following|Upon)\b|[A-Z][a-z]+ing\b)"
)


def _subject_after_opening(text: str, t: Token, mentions: list[Mention]) -> str | None:
    """For "his"/"her" in a sentence's opening phrase, named nowhere before it: the subject after the
    phrase's comma, the first person named there who is not named inside the phrase."""
    comma = text.find(", ", t.end)
    if comma < 0 or not _OPENING_PHRASE.match(text) or "," in text[: t.start]:
        return None
    inside = {m.person for m in mentions if t.end <= m.start < comma}
    after = sorted((m for m in mentions if m.start > comma and m.person not in inside), key=lambda m: m.start)
    if after and after[0].start - comma < 40:
        return after[0].person
    return None


def _add_pronouns(
    text: str, info: SentenceInfo, idx: int, mentions: list[Mention], taken: set[int], focus: str | None
) -> None:
    """Add to ``mentions`` each pronoun of the sentence outside a name, with the person it means."""
    for t in info.tokens:
        low = t.text.lower()
        if low in _PRONOUNS and t.is_word and t.start not in taken:
            ref = _pronoun_ref(text, t, mentions, focus)
            if ref:
                mentions.append(Mention(ref, idx, t.start, t.end, "pronoun"))


def _next_focus(text: str, mentions: list[Mention], focus: str | None) -> str | None:
    """The person the story goes on about after the sentence: its subject, unless it is a quotation."""
    # a description of someone named before ("the Foreign Office Minister met ...") may be the subject
    named = [m for m in mentions if m.kind in {"name", "short", "description"}]
    if re.match(r"\s*[\"\u201c]", text) and focus is not None:
        return focus  # a quotation is somebody's words: its people are not what the story goes on about
    if mentions and mentions[0].kind == "pronoun" and mentions[0].start == 0:
        # "He is visiting X at the invitation of B": the sentence goes on about its subject
        return mentions[0].person
    comma = text.find(", ")
    if named and comma > 0 and _OPENING_PHRASE.match(text):
        # "Meeting his counterpart A in X, B said ...": the subject follows the opening phrase
        named = [m for m in named if m.start > comma][:1] or named
    if named:
        # the sentence's subject: "Upon the invitation of A, B attended ..." is about B
        subjects = [m for m in named if not _OBJECT_BEFORE.search(text[: m.start][-30:])]
        subjects = subjects or named
        if len(subjects) >= 2 and _REPORTED.fullmatch(text, subjects[0].end, subjects[1].start):
            # "aide A told reporters that B will ...": the report is about B
            subjects = subjects[1:]
        return subjects[0].person
    if mentions:
        return mentions[0].person
    return focus


class People:
    def __init__(self, sentences: list[Sentence], orgs: OrgRegistry) -> None:
        self.sentences = sentences
        self.orgs = orgs
        self.persons: list[Person] = []
        self.info: list[SentenceInfo] = []
        self._analyse()

    # ------------------------------------------------------------ registry

    def get(self, key: str) -> Person:
        return next(p for p in self.persons if p.key == key)

    def _find(self, form: str) -> Person | None:
        best = None
        for p in self.persons:
            if any(forms_match(form, f) for f in p.forms):
                best = p
        return best

    def _new(self, form: str, sent: int, pos: int) -> Person:
        p = Person(key=f"off{len(self.persons) + 1}", forms=[form], first=(sent, pos))
        self.persons.append(p)
        return p

    # ------------------------------------------------------------ analysis

    def _analyse(self) -> None:
        """Read the sentences' names, titles and bodies; register the people; resolve every mention (names,
        descriptions, pronouns); then give the people their countries."""
        for idx, s in enumerate(self.sentences):
            info = _sentence_info(s)
            self.info.append(info)
            self._register_bodies(idx, s.text, info)
        for s, info in zip(self.sentences, self.info, strict=True):
            _read_titles(s.text, info)
        self._introduce_full_names()
        self._nicknames()
        self._one_word_hosts()
        self._fold_single_words()
        self._resolve_mentions()
        for p in self.persons:
            if p.sentences and not p.history:
                p.active = True
        self._titles_to_countries()
        self._countries_after_names()
        self._listed_countries()
        self._including_lists()
        self._counterparts()

    def _register_bodies(self, idx: int, text: str, info: SentenceInfo) -> None:
        """Add the sentence's organisations: the spans no person-like run takes, with a bracketed acronym,
        and the bodies known by a proper name alone ("Rosatom", "the Kremlin", "United Russia")."""
        tokens = info.tokens
        blocked = {k for r in info.runs if r.person_like for k in range(r.i, r.j)}
        for a, b in org_spans(tokens, blocked):
            name = text[tokens[a].start : tokens[b - 1].end]
            self.orgs.add(without_inner_acronyms(name), idx, _bracketed_acronym(tokens, b))
            inner = next((k for k in range(a, b) if inner_acronym(tokens, k)), None)
            if inner is not None:
                self._register_acronym_owner(tokens, text, a, inner, idx)
        for m in _KNOWN_BODIES.finditer(text):
            known = m.group(1).isupper() and self.orgs.by_acronym(m.group(1))
            if m.group(1)[:1].isupper() and fold(m.group(1)) != "vna" and not known:
                self.orgs.add(m.group(1), idx)
        for name, code in small_letter_ministries(text):
            # "Seoul's foreign ministry": the country's, unless the name is another country's already
            found = self.orgs.find(name)
            if found is None or found.country in {None, code}:
                self.orgs.add(name, idx).country = code

    def _register_acronym_owner(self, tokens: list[Token], text: str, a: int, k: int, idx: int) -> None:
        """The body an acronym bracketed inside a name stands for: the words before it whose initials it
        spells ("Green Party of Utopia" in "the Youth Department of the Green Party of Utopia (GPU) Central
        Committee"), else all of them when they name no unit of a body."""
        acronym = tokens[k + 1].text
        letters = [c for c in acronym if c.isupper()]
        start = next(
            (
                s
                for s in range(a, k)
                if [t.text[0] for t in tokens[s:k] if _cap(t)] == letters and _cap(tokens[s])
            ),
            None,
        )
        if start is None and not _UNIT_WORD.search(text[tokens[a].start : tokens[k - 1].end]):
            start = a
        if start is not None:
            self.orgs.add(text[tokens[start].start : tokens[k - 1].end], idx, acronym)

    def _introduce_full_names(self) -> None:
        """Pass 1: the people introduced by a licensed run, most by a full name."""
        for idx, info in enumerate(self.info):
            for r in info.runs:
                if r.person_like and r.licensed:
                    self._introduce(idx, info, r)

    def _introduce(self, idx: int, info: SentenceInfo, r: Run) -> None:
        """Register the run's person, or add the run as a form of someone already registered."""
        nwords = sum(1 for t in info.tokens[r.i : r.j] if t.is_word)
        p = self._find(r.text)
        if p is None:
            if nwords < 2 and not self._titled_single_word(info, r):
                return
            styled = _styled_word(info, r)
            if styled and any(single_matches(styled, q.forms) for q in self.persons):
                return  # "Sheikh Hamad" after "Sheikh Hamad bin Khalifa": pass 2 finds him
            p = self._new(r.text, idx, r.start)
            p.history = r.history
        elif r.text not in p.forms and nwords >= 2:
            p.forms.append(r.text)
        if not r.history:
            p.history = False

    def _titled_single_word(self, info: SentenceInfo, r: Run) -> bool:
        """A one-word run introduces someone only right after a title's head, as no common word and no
        registered person's name."""
        return (
            bool(r.title)
            and fold(r.text) not in _COMMON_WORDS
            and r.i != 0
            and info.tokens[r.i - 1].low in TITLE_HEADS
            and not any(single_matches(r.text, q.forms) for q in self.persons)
        )

    def _fold_single_words(self) -> None:
        """A single word introduced before the full name: fold into the full name."""
        singles = [p for p in self.persons if len(fold_tokens(p.forms[0])) == 1]
        for p in singles:
            for q in self.persons:
                if (
                    q is not p
                    and len(fold_tokens(q.forms[0])) > 1
                    and single_matches(p.forms[0], q.forms) == 2
                ):
                    q.forms.extend(f for f in p.forms if f not in q.forms)
                    self.persons.remove(p)
                    break

    def _resolve_mentions(self) -> None:
        """Pass 2: every mention of each sentence (names, then descriptions, then pronouns), carrying the
        person the story is about from sentence to sentence."""
        focus: str | None = None
        for idx, (s, info) in enumerate(zip(self.sentences, self.info, strict=True)):
            mentions, taken = self._name_mentions(idx, info)
            # descriptions, then pronouns ("the prime minister told B of his meeting with C")
            self._add_descriptions(s.text, idx, mentions, focus)
            _add_pronouns(s.text, info, idx, mentions, taken, focus)
            mentions.sort(key=lambda m: m.start)
            info.mentions = mentions
            focus = _next_focus(s.text, mentions, focus)

    def _name_mentions(self, idx: int, info: SentenceInfo) -> tuple[list[Mention], set[int]]:
        """The sentence's mentions by name (full or short), and the character positions they take."""
        mentions: list[Mention] = []
        taken: set[int] = set()
        for r in info.runs:
            nwords = sum(1 for t in info.tokens[r.i : r.j] if t.is_word and not is_initial(t.text))
            p = self._run_person(idx, info, r, nwords)
            if p is None:
                continue
            kind = "name" if nwords >= 2 else "short"
            if kind == "short" and r.text not in p.forms and fold(r.text) not in {fold(f) for f in p.forms}:
                p.forms.append(r.text)
            mentions.append(Mention(p.key, idx, r.start, r.end, kind, r.title or r.appositive))
            taken.update(range(r.start, r.end))
            _record_titles(p, idx, r)
        return mentions, taken

    def _run_person(self, idx: int, info: SentenceInfo, r: Run, nwords: int) -> Person | None:
        """The registered person the run names: by a full name (a new form added), by one word, or by the
        one name after a style."""
        p = None
        if nwords >= 2 or (r.j - r.i) >= 2:
            p = self._find(r.text)
            if p is not None and r.text not in p.forms:
                p.forms.append(r.text)
        if p is None and r.j - r.i >= 1:
            p = self._short(r, info, idx)
        if p is None and _styled_word(info, r):
            # "Sheikh Hamad": the style and one name of someone named in full before
            word = info.tokens[r.j - 1]
            p = self._short(Run(r.j - 1, r.j, word.text, word.start, word.end, True), info, idx)
        return p

    def _add_descriptions(self, text: str, idx: int, mentions: list[Mention], focus: str | None) -> None:
        """Add to ``mentions`` each description outside a name ("the Russian minister") and whom it means."""
        for m in _DESC.finditer(text):
            if any(m.start() <= x.start < m.end() for x in mentions):
                continue
            if re.match(r"['\u2019]s\s+Office\b", text[m.end() :]):
                continue  # "a statement from the Prime Minister's Office": his office, not him
            if self._in_title(idx, m.start("role")):
                continue  # "the Minister of Education, NAME": the title of the name after it
            ref = self._describe(m, idx, mentions, focus)
            if ref:
                mentions.append(Mention(ref, idx, m.start(), m.end(), "description"))

    def _in_title(self, idx: int, pos: int) -> bool:
        """Whether ``pos`` lies in the title read before a name of sentence ``idx``."""
        info = self.info[idx]
        return any(
            0 <= r.title_start and info.tokens[r.title_start].start <= pos < r.start for r in info.runs
        )

    def _countries_after_names(self) -> None:
        """ "President NAME of Indonesia", "Foreign Minister NAME of Japan": the country after the name; and
        the body named after it."""
        for s, info in zip(self.sentences, self.info, strict=True):
            for men in info.mentions:
                if men.kind != "name":
                    continue
                after = _OF_COUNTRY.match(s.text, men.end)
                hits = find_countries(after.group(1)) if after else []
                if hits and (hits[0].start == 0 or _STATE_STYLE.fullmatch(after.group(1)[: hits[0].start])):
                    self.get(men.person).set_country(hits[0].code, 3)
                self.get(men.person).set_country(_owner_country(s.text, men.start), 3)
                self._body_after(men, s.text)

    def _including_lists(self) -> None:
        """ "members of the ruling family of Qatar, including A, B and C": a named state's people listed."""
        for s, info in zip(self.sentences, self.info, strict=True):
            for m in _INCLUDING.finditer(s.text):
                if not _names_country(m.group("country")):
                    continue
                code = find_countries(m.group("country"))[0].code
                stop = _LIST_END.search(s.text, m.end())
                end = stop.start() if stop else len(s.text)
                for men in info.mentions:
                    if men.kind == "name" and m.end() <= men.start < end:
                        self.get(men.person).set_country(code, 2)

    def _counterparts(self) -> None:
        """ "his Vietnamese counterpart NAME": the first person named right after a counterpart."""
        for s, info in zip(self.sentences, self.info, strict=True):
            for m in _COUNTERPART.finditer(s.text):
                men = next(
                    (
                        x
                        for x in info.mentions
                        if x.kind in {"name", "short"} and m.end() <= x.start <= m.end() + 30
                    ),
                    None,
                )
                if men is not None:
                    self._counterpart_named(self.get(men.person), m, info, s.text)

    def _counterpart_named(self, p: Person, m: re.Match[str], info: SentenceInfo, text: str) -> None:
        """The person named as a counterpart: a demonym gives the country (and the office, if untitled);
        without one, he is named "counterpart" and is the other side of the subject before."""
        hits = find_countries(m.group("dem") or "")
        named = [c for c in find_countries(m.group("of") or "") if c.kind != "city"]
        if named and not hits:
            p.set_country(named[0].code, 3)  # "his counterpart from Peru, NAME"
        if hits:
            p.set_country(hits[0].code, 3)
            if not p.titles:
                self._counterpart_title(p, m, info, text)
            return
        if not p.titles:
            # "his counterpart NAME", "her Northern counterpart NAME": named so
            dem = (m.group("dem") or "").strip()
            p.titles.append(f"{dem} counterpart" if dem else "counterpart")
        # the other side's: the subject the counterpart is of
        earlier = (x.person for x in info.mentions if x.end <= m.start() and x.person != p.key)
        p.counterpart_of = next(earlier, None)

    def _listed_countries(self) -> None:
        """ "Turkish Minister of Trade A and Minister of Energy B": a title in a list that names no state
        is of the state the list's first title names."""
        for s, info in zip(self.sentences, self.info, strict=True):
            names = sorted((m for m in info.mentions if m.kind == "name"), key=lambda m: m.start)
            for a, b in zip(names, names[1:], strict=False):
                first, second = self.get(a.person), self.get(b.person)
                if first.country_strength < 3 or second.country_strength >= 2 or first is second:
                    continue
                between = _LISTED_TITLE.match(s.text, a.end, b.start)
                if (
                    between
                    and has_title_head(between.group("title"))
                    and not find_countries(between.group("title"))
                ):
                    second.set_country(first.country, 2)

    def _counterpart_title(self, p: Person, m: re.Match[str], info: SentenceInfo, text: str) -> None:
        """ "Prime Minister A of X and his Y counterpart B": B holds the same office in Y ("Y Prime
        Minister"), and "Y counterpart" is how the text names him."""
        dem = " ".join(m.group("dem").split())
        before = [
            men
            for men in info.mentions
            if men.end <= m.start() and self.get(men.person).titles and men.person != p.key
        ]
        office = bare_title(self.get(before[-1].person).titles[0]) if before else ""
        # India's "External Affairs Minister" is a foreign minister elsewhere
        office = re.sub(r"\bExternal\s+Affairs\s+Minister\b", "Foreign Minister", office, flags=re.I)
        title = f"{dem} {office}" if office else ""
        p.titles.extend(t for t in (title, f"{dem} counterpart") if t)
        idx = next((i for i, x in enumerate(self.info) if x is info), None)
        if idx is not None:
            p.sentences.setdefault(idx, set()).add("titles")
        org = title_org(title, self.orgs) if office else None
        if org and not p.org:
            p.org, p.org_name = org

    def _nicknames(self) -> None:
        """A leader's nickname given with the full name: "President Ana "Nana" Lopes", "Ana Lopes (Nana)".
        The nickname and the full name are one person's forms; a person registered by the nickname or by
        the given name alone joins the full name's."""
        for s in self.sentences:
            for full, nick, given in _nickname_pairs(s.text):
                if find_countries(nick) or fold(nick) in _COMMON_WORDS:
                    continue
                p = self._find(full)
                alone = [
                    q
                    for q in self.persons
                    if q is not p and fold_tokens(q.forms[0]) in ([fold(nick)], [given])
                ]
                if p is None and not alone:
                    continue
                if p is None:
                    p = alone.pop(0)
                    p.forms.insert(0, full)
                for q in alone:
                    p.forms.extend(f for f in q.forms if f not in p.forms)
                    p.history = p.history and q.history
                    self.persons.remove(q)
                if nick not in p.forms:
                    p.forms.append(nick)

    def _one_word_hosts(self) -> None:
        """A leader the text calls by one name only ("Anwar received NAME"): a single word that receives or
        meets someone, is named again and again, and is no place, common word or part of a known name."""
        counts: dict[str, int] = {}
        for info in self.info:
            for r in info.runs:
                if r.j - r.i == 1:
                    counts[r.text] = counts.get(r.text, 0) + 1
        for idx, info in enumerate(self.info):
            for r in info.runs:
                nxt = info.tokens[r.j].low if r.j < len(info.tokens) else ""
                if (
                    r.j - r.i != 1
                    or nxt not in _HOST_VERBS
                    or not r.person_like
                    or r.history
                    or counts[r.text] < 3
                    or not r.text[:1].isupper()
                    or r.text.isupper()
                    or fold(r.text) in _COMMON_WORDS
                    or find_countries(r.text)
                    or any(single_matches(r.text, q.forms) for q in self.persons)
                ):
                    continue
                self._new(r.text, idx, r.start)

    def _short(self, r: Run, info: SentenceInfo, idx: int) -> Person | None:
        """A single word (or a title and a word) that refers to someone already named."""
        word = r.text
        if " " in word.strip():
            return None
        low = fold(word)
        if low in _COMMON_WORDS or len(low) < 2:
            nxt = info.tokens[r.j] if r.j < len(info.tokens) else None
            verbish = nxt is not None and (
                nxt.text == "'"
                or nxt.low in REPORT_VERBS
                or (nxt.low.endswith("ed") and len(nxt.low) > 4 and not nxt.low.endswith("eed"))
            )
            if not verbish and not r.title:
                return None
        scored = [(single_matches(word, p.forms), p) for p in self.persons]
        best = max((s for s, _ in scored), default=0)
        if best == 0:
            return None
        cands = [p for s, p in scored if s == best]
        if len(cands) == 1:
            return cands[0]
        return None

    def _describe(self, m: re.Match[str], idx: int, mentions: list[Mention], focus: str | None) -> str | None:
        role = m.group("role").lower()
        dem = (m.group("dem") or "").strip()
        code = None
        mod = (m.group("mod") or "").strip().lower()
        if dem:
            hits = find_countries(dem)
            if not hits:
                acr = self.orgs.by_acronym(dem)
                code = acr.country if acr else None
                if code is None:
                    # no country: a word of the title ("the Home Minister", "the Foreign Office Minister")
                    mod = f"{dem.lower()} {mod}".strip()
            else:
                code = hits[0].code
        if role in {"guest", "guests", "host", "hosts", "visitor", "visitors", "co-chairs", "head"}:
            return None  # resolved with the delegations
        cands = []
        untitled = []  # "his Russian counterpart NAME ... the Russian minister": no title of his own yet
        for p in self.persons:
            if p.history or p.first > (idx, m.start()):
                continue  # "the top diplomat will hold talks with Minister A": someone named before
            if code and p.country and p.country != code:
                continue
            if code and not p.country:
                cand_code = self._title_country(p)
                if cand_code and cand_code != code:
                    continue
            if role not in {"official", "leader", "diplomat"}:
                titles = " ".join(p.titles).lower()
                if not titles and code:
                    untitled.append(p)
                if role not in titles and not (role == "pm" and "prime minister" in titles):
                    continue
                if mod and mod not in titles and not (mod == "prime" and "prime minister" in titles):
                    continue
            cands.append(p)
        if not cands and len(untitled) == 1:
            cands = untitled
        if code:
            strict = [p for p in cands if (p.country or self._title_country(p)) == code]
            if not strict and len(untitled) == 1 and untitled[0] not in cands:
                strict = untitled
            cands = strict or cands
        if role == "diplomat":
            # "the Lao diplomat": of those who could be meant, one whose post is in foreign affairs
            envoys = [p for p in cands if _DIPLOMATIC.search(" ".join(p.titles))]
            cands = envoys or cands
        cands = self._fitting(m, idx, mentions, cands)
        return self._most_recent(cands, m.start(), idx, mentions, focus) if cands else None

    def _most_recent(self, cands: list[Person], pos: int, idx: int, mentions: list[Mention], focus) -> str:
        """The candidate named last before ``pos``; of those one sentence names, the one it is about."""
        last_seen: dict[str, int] = {}
        for info_idx in range(0, idx + 1):
            for mm in self.info[info_idx].mentions if info_idx < idx else mentions:
                if info_idx < idx or mm.start < pos:
                    last_seen[mm.person] = info_idx
        cands.sort(key=lambda p: (last_seen.get(p.key, -1), p.key == focus))
        return cands[-1].key

    def _fitting(self, m: re.Match[str], idx: int, mentions: list[Mention], cands: list[Person]) -> list:
        """Of the people a description could mean, those its sentence allows: not one named in the phrase
        that opens the sentence before it ("Meeting his counterpart A, the leader said"); for "the visiting
        minister" one told as a guest before ("B received A", "A arrived in X")."""
        text = self.sentences[idx].text
        comma = text.find(", ")
        if 0 < comma < m.start() <= comma + 2 and _OPENING_PHRASE.match(text):
            opening = {x.person for x in mentions if x.start < comma}
            cands = [p for p in cands if p.key not in opening]
        if m.group(0).lower().split()[1:2] == ["visiting"]:
            guests = self._guests(idx)
            # no guest told among several: which one visits is not known
            told = [p for p in cands if p.key in guests]
            cands = told or (cands if len(cands) == 1 else [])
        return cands

    def _guests(self, idx: int) -> set[str]:
        """The people the sentences up to ``idx`` tell as guests: received, hosted, visiting or arriving."""
        guests = set()
        for s, info in zip(self.sentences[: idx + 1], self.info[: idx + 1], strict=False):
            for x in info.mentions:
                if _GUEST_BEFORE.search(s.text[: x.start]) or _GUEST_AFTER.match(s.text, x.end):
                    guests.add(x.person)
        return guests

    # ------------------------------------------------------------ countries and organisations

    def _body_after(self, men: Mention, text: str) -> None:
        """ "NAME of the ruling Liberal Democratic Party": the body named after the name employs him."""
        p = self.get(men.person)
        m = _OF_BODY.match(text, men.end)
        if p.org or not m:
            return
        words = m.group(1).split()
        for n in range(len(words), 0, -1):
            for i in range(n):
                org = self.orgs.find(" ".join(words[i:n]))
                if org is None or is_state(org.name):
                    continue
                if i:
                    # "the Liberal Democratic Party" read as "Democratic Party": the name the text gives whole
                    org.aliases.append(org.name)
                    org.name = " ".join(words[:n])
                    self.orgs.reindex()
                p.org, p.org_name = org.key, org.name
                return

    def _title_country(self, p: Person) -> str | None:
        for title in p.titles:
            code = title_country(title, self.orgs)
            if code:
                return code
        return None

    def _titles_to_countries(self) -> None:
        for p in self.persons:
            code = self._title_country(p)
            if code:
                p.set_country(code, 3)
            else:
                # a guess: the text marks no side by it, but only one state styles an office so ("Secretary
                # of State NAME", "External Affairs Minister NAME")
                p.set_country(next(filter(None, map(national_title, p.titles)), None), 1)
            # the first body a title names, past a common name another title outdoes ("member of the
            # Party Central Committee, Deputy Head of its Organisation Commission": the commission)
            found = [org for org in (title_org(t, self.orgs) for t in p.titles) if org]
            if found and not p.org:
                p.org, p.org_name = next((o for o in found if not generic(o[1])), found[0])
            mission = envoy_mission(p, self.orgs)
            if mission:
                p.org, p.org_name = mission.key, mission.name


def envoy_mission(p: Person, orgs: OrgRegistry):
    """The mission an ambassador or consul with no body yet works at: the one embassy or consulate of his
    country the text names ("the Russian Ambassador to Vietnam" and "the Russian Embassy in Hanoi")."""
    if p.org or not p.country or not any(_ENVOY.search(t) for t in p.titles):
        return None
    missions = [o for o in orgs.orgs if _MISSION.search(o.name) and o.country == p.country]
    return missions[0] if len(missions) == 1 else None


def bare_title(title: str) -> str:
    """An office without its state: "Vietnamese Prime Minister" and "Prime Minister of Vietnam" are
    "Prime Minister"; "" when the title names a body of its own ("Chairman of the X Committee")."""
    found = [c for c in find_countries(title) if c.kind != "city"]
    out = title
    for c in reversed(found):
        out = out[: c.start] + out[c.end :]
    out = re.sub(r"['’]s\b|\s+of\s+(?:the\s+)?$", "", " ".join(out.split())).strip(" ,")
    out = re.sub(r"\s+of(?:\s+the)?$", "", out)
    out = re.sub(r"^(?:the|a|an)\s+", "", out, flags=re.I)
    if not has_title_head(out) or re.search(r"\b(?:of|for)\b", out):
        return ""
    return out


def title_country(title: str, orgs: OrgRegistry) -> str | None:
    """The country a title names: "Russian Deputy Minister", "of Vietnam", "Vietnam's", an organisation's."""
    ambassador = bool(re.search(r"\b(ambassador|envoy|consul|representative|attach)", title, re.I))
    for m in find_countries(title):
        before = title[max(0, m.start - 8) : m.start].lower()
        if ambassador and re.search(r"\bto\s+(the\s+)?$", before):
            continue
        return m.code
    for tok in re.findall(r"\b[A-Z][A-Za-z]{1,7}\b", title):
        if _is_acronym(tok):
            org = orgs.by_acronym(tok)
            if org and org.country:
                return org.country
    for org in orgs.orgs:
        if org.country and len(org.name) > 6 and fold(org.name) in fold(title):
            return org.country
    from .organizations import org_country

    return org_country(title)


def _names_in_title(name: str, title: str) -> bool:
    """A body's name stands in a title: a longer name anywhere, a short proper name ("Sejm", "Duma") as a
    whole word ("Speaker of the Sejm"); not a common word alone ("Army Chief")."""
    if len(name) > 4:
        return fold(name) in fold(title)
    short = fold(name)
    proper = short in INSTITUTIONS or short not in ORG_HEADS
    return (
        len(name) >= 3
        and proper
        and not generic(name)
        and bool(re.search(rf"\b{re.escape(short)}\b", fold(title)))
    )


def title_org(title: str, orgs: OrgRegistry) -> tuple[str, str] | None:
    title = without_inner_acronyms(title)
    best = None
    for org in orgs.orgs:
        # "Deputy Minister of Internal Affairs of the Russian Federation": the state is no body
        if _names_in_title(org.name, title) and not is_state(org.name):
            if best is None or len(org.name) > len(best.name):
                best = org
    if best:
        body = _institution_org(best, orgs)
        return body.key, body.name
    for tok in re.findall(r"\b[A-Z][A-Za-z]{1,7}\b", title):
        if _is_acronym(tok):
            org = orgs.by_acronym(tok)
            if org:
                return org.key, org.name
    m = _INTERNATIONAL_TITLE.match(title)
    if m and m.group("acronym") in INTERNATIONAL and m.group("post").lower() in INTERNATIONAL_POSTS:
        # "UN Secretary-General", "WHO Director-General": the international body, of no country
        acronym = m.group("acronym")
        org = orgs.by_acronym(acronym) or orgs.add(INTERNATIONAL[acronym], -1, acronym)
        return org.key, org.name
    name = ministry_from_title(title)
    if name:
        org = orgs.find(name) or orgs.add(name, -1)
        return org.key, org.name
    m = _GOVERNOR.search(title)
    region = (m.group("region") or m.group("region2")) if m else ""
    places = find_countries(region)
    if m and not any(c.kind != "city" or (c.start, c.end) == (0, len(region)) for c in places):
        # "Governor of Irkutsk Oblast", "Governor of Moscow province": the region's administration, named
        # as the region (a city's name in it is the region's, a state's is not)
        org = orgs.find(region) or orgs.add(region, -1)
        if org.kind == "other":
            org.kind = "government"
        return org.key, org.name
    return None


_INTERNATIONAL_TITLE = re.compile(r"^(?:the\s+)?(?P<acronym>[A-Z]{2,6})\s+(?P<post>[\w-]+)")
# the next title of a list, up to the next name: ", Minister of Energy " or " and Minister of Energy "
_LISTED_TITLE = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?P<title>[A-Z][^,;()\"]*?)\s*$")
_ENVOY = re.compile(r"\b(?:Ambassador|Consul|Charg[ée] d'Affaires)\b", re.I)
_MISSION = re.compile(r"\b(?:Embassy|Consulate)\b")
_GOVERNOR = re.compile(
    r"\b[Gg]overnor\s+of\s+(?:the\s+)?(?:[A-Z][\w-]*['’]s\s+)?(?P<region>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*"
    r"(?:\s+(?:province|prefecture|region|oblast|krai|state))?)$"
    # the head of a region that names itself so: "Head of the Republic of Buryatia", "Head of Tver Region"
    r"|\b[Hh]ead\s+of\s+(?:the\s+)?(?P<region2>Republic\s+of\s+[A-Z][\w-]*"
    r"|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s+(?:[Pp]rovince|[Pp]refecture|[Rr]egion|[Oo]blast|[Kk]rai))$"
)


def _institution_org(org, orgs: OrgRegistry):
    """The body a unit belongs to (``organizations.institution``), found among the article's bodies or
    added with the unit's sentences; else the unit itself."""
    name = institution(org.name)
    if not name:
        return org
    body = orgs.find(name)
    if _is_acronym(name):
        # the party that has the acronym, not a unit of it that the text names with it
        body = next((o for o in [orgs.by_acronym(name)] if o and not _UNIT_WORD.search(o.name)), body)
    if body is None:
        # "Duma" in "the Duma Committee on Education" is the "State Duma" named elsewhere
        f = fold(name)
        body = next(
            (
                o
                for o in orgs.orgs
                if o is not org
                and fold(o.name).endswith(" " + f)
                and not any(w in ORG_HEADS for w in fold(o.name)[: -len(f)].split())
            ),
            None,
        )
    if body is None:
        body = orgs.add(name, org.sentences[0] if org.sentences else -1, name if _is_acronym(name) else "")
    body.sentences.extend(i for i in org.sentences if i not in body.sentences)
    return body
