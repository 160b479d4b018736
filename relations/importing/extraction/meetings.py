"""Meetings, talks, receptions, phone calls and working sessions between officials."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..proposals import PartialDate
from .countries import find_countries, place_countries
from .dates import find_dates
from .names import single_matches
from .people import Mention
from .places import lookup

_TRIGGER = re.compile(
    r"\b(?:met|meets|meeting\s+with|(?<=['\u2019]s\s)(?:separate\s+)?meetings\s+with|"
    # a meeting the text announces: "will meet NAME", "is scheduled to meet her counterpart, NAME"
    r"(?:will|would|shall|(?:scheduled|due|set|slated|expected|plans?)\s+to)\s+(?:also\s+)?meet(?:\s+with)?(?=\s)|"
    # "is meeting A on Tuesday": the present of a meeting to come
    r"(?:is|are)\s+(?:also\s+)?meeting(?:\s+with)?(?=\s+(?-i:[A-Z])|\s+(?:the|his|her)\s)|(?:held|holds|had|hold|holding|have|has|having)\s+(?:a\s+)?(?:working\s+|phone\s+|telephone\s+|online\s+)?"
    r"(?:talks|meeting|session|conversation|call|consultations|video\s+conference|videoconference|video\s+call)|(?:talks|consultations)\s+(?:with|between)|working\s+session\s+with|"
    r"worked\s+with|(?<!\bto\s)working\s+with|(?:received|receives|receiving)(?!\s+(?:an?|the|his|her|their)\s+"
    # a letter, message or call received: "received a congratulatory message from A" is no meeting
    r"(?:[\w-]+\s+){0,2}?(?:letters?|messages?|cables?|telegrams?|notes?|greetings|congratulations|invitations?|"
    r"(?:tele)?phone\s+calls?|calls?)\b)|(?:paid|pays?|paying)\s+(?:a\s+|separate\s+)?"
    r"(?:courtesy|farewell|introductory)\s+(?:calls?|visits?)\s+(?:on|to)|(?:courtesy|farewell)\s+call\s+on|(?:called|phoned|rang)\s+(?:up\s+)?(?:his|her|their)\s+(?:\w+\s+){0,2}counterparts?|"
    r"hosted|(?:(?:will|to|would|shall)\s+host|hosts)(?=\s+(?:visiting\s+|his\s+|her\s+)?(?-i:[A-Z])[\w.-]*\s+(?-i:[A-Z]))|"
    r"co-chaired|phone\s+(?:call|talks)|telephone\s+(?:call|talks)|in\s+a\s+meeting|during\s+(?:the\s+)?talks|"
    r"(?:at|after|following|during)\s+(?:the\s+|their\s+)?(?:summit|bilateral|official)\s+talks|summit\s+with|"
    r"(?:at|after|following)\s+(?:the\s+|their\s+)?talks|at\s+the\s+(?:working\s+)?(?:session|meeting)\s+with|"
    r"took\s+part\s+in\s+a\s+(?:working\s+)?meeting\s+with|a\s+meeting\s+was\s+held\s+between|"
    r"told\s+visiting|witnessed\s+the\s+signing|"
    # a signing, not "the documents signed between the two countries" or "a pact was signed in 2001"
    r"(?<!\bdocuments\s)(?<!\bagreements\s)(?<!\bdeals\s)(?<!\bpacts\s)(?<!\btreaties\s)(?<!\bcontracts\s)"
    r"(?:(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)(?<!\bbe\s)signed|signed(?=\s+by\b))|"
    r"(?:presented|presents|presenting)\s+(?:his|her|their)\s+(?:letters\s+of\s+credence|credentials)|"
    r"(?:at|in|during|after|following)\s+(?:the|an?|their)\s+(?:[\w\"\u201c\u201d-]+\s+){0,4}?bilateral\s+(?:meeting|talks)|"
    r"during\s+their\s+(?:\w+\s+)?talks|"
    # frames of real news copy: a call or a talk, a joint appearance, the passive voice
    r"(?:held|holds|hold|had|has)\s+(?:a\s+)?(?:telephone|phone|video)\s+(?:talk|conversation|call)|"
    r"(?:spoke|speaks|talked|talks)\s+(?:by\s+(?:tele)?phone\s+|over\s+the\s+(?:tele)?phone\s+|on\s+the\s+(?:tele)?phone\s+)?(?:with|to)|"
    r"(?:tele)?phone\s+conversation\s+with|conversation\s+with|"
    # "the recent phone talk between A and B", "they spoke on the phone", "at a reception for NAME"
    r"(?:tele)?phone\s+(?:talks?|conversations?|calls?)\s+between|"
    r"(?:spoke|speak|talked)\s+(?:by|over|on)\s+(?:the\s+)?(?:tele)?phone\b(?!\s+(?:with|to)\b)|"
    r"(?:at|during)\s+(?:a|the)\s+reception\s+(?:for|in\s+honou?r\s+of)|"
    # a reception, banquet or welcome ceremony given for a guest, its place or day between ("made the remark
    # at a reception in Hanoi on May 5 for NAME", "to give a state banquet in honour of NAME")
    r"(?:at|during|hosted|hosting|hosts|host|gave|gives|give|held|holds|hold|presided\s+over)\s+(?:a|an|the)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:reception|banquet|dinner|luncheon|welcom(?:e|ing)\s+ceremony)\s+"
    r"(?:(?:in|at|on)\s+[^,;]{1,40}?\s+)?(?:for|in\s+honou?r\s+of)(?=\s)|"
    # one welcomed by name: "A warmly welcomed B", "A welcomes visiting B" (not "welcomed B's proposal")
    r"(?:welcomed|welcomes|welcoming|greeted|greets|greeting)(?=\s+(?:the\s+(?=(?-i:President|Prime|Vice|King|Queen|"
    r"Crown|Chancellor|Premier|Emir|Amir|Sultan|Speaker|Chairman|Governor|Secretary|Minister|Deputy)\b))?"
    r"(?:visiting\s+)?(?>(?-i:[A-Z])[\w.-]*(?:\s+(?-i:[A-Z])[\w.-]*)*)"
    r"(?=\s*(?:[,.;:(]|$)|\s+(?:and|of|on|in|at|to|with|who|as|during|upon)\s))|"
    r"reached\s+out\s+to|"
    # a foreign ministry's readout names the meeting by its two countries: "held a Japan-India Foreign
    # Ministers' Meeting with A", "held a Japan-Chile Summit Telephone Talk with A"
    r"(?:held|holds|hold|had)\s+(?:an?\s+)?(?-i:[A-Z][\w.]*-[A-Z][\w.]*(?:\s+[A-Z][\w'\u2019]*){0,4}?\s+"
    r"(?:Meeting|Talks?|Conference|Summit))\s+with|"
    # the guest or a counterpart briefed: "A briefed visiting B on the talks", "was briefed by his host" (not
    # "briefed the Prime Minister", often one of the same side)
    r"(?:(?:was|were)\s+)?(?:briefed|briefs)(?:\s+by)?(?=\s+(?:the\s+)?visiting\s|\s+(?:his|her|their)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:counterparts?|hosts?|guests?)\b)|"
    # everyday news words for a meeting: "had a tete-a-tete with A", "held a bilateral with A", "sat down
    # with A", "conferred with A", "held discussions with A", "had lunch with A", "granted an audience to A",
    # "accorded a ceremonial welcome to A", "took a call from A", "told A by phone", "A and B gave a joint
    # press conference"
    r"(?:had|has|have|held|holds|hold|having|holding)\s+(?:an?\s+)?(?:[\w-]+\s+)?"
    r"(?:t[e\u00ea]te-[a\u00e0]-t[e\u00ea]te|bilateral|one-on-one)\s+with|"
    r"(?:sat|sit|sits|sitting)\s+down\s+with|(?:conferred|confers|conferring)\s+with|"
    r"(?:held|holds|hold|holding|had|has|have|having)\s+discussions\s+with|"
    r"(?:had|has|have|having|hold|held|holds)\s+(?:a\s+)?(?:working\s+|private\s+|official\s+)?"
    r"(?:breakfast|lunch|dinner|luncheon)\s+with|(?:lunched|dined|breakfasted)\s+with|"
    r"(?:granted|grants|grant|gave|gives|give)\s+(?:an\s+)?(?:private\s+|special\s+)?audience\s+to|"
    r"(?:was|were)\s+accorded\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?(?:welcome|reception)\s+by|"
    r"(?:accorded|accords|extended|extends|gave|gives)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?welcome\s+to"
    r"(?=\s+(?:the\s+)?(?:visiting\s+)?(?-i:[A-Z]))|"
    r"(?:received|receives|receive|took|takes)\s+(?:an?\s+)?(?:[\w-]+\s+)?(?:(?:tele)?phone\s+|video\s+)?call\s+from|"
    r"(?:by|over|on)\s+the\s+(?:tele)?phone|by\s+(?:tele)?phone|"
    r"(?:gave|give|gives|giving|held|hold|holds|holding)\s+(?:a\s+)?joint\s+(?:press|news)\s+(?:conference|briefing)|"
    # "played host to A", "A joined B for talks", "chatted with A", "had a brief exchange with A", "was the
    # guest of A" (not "the guest of honour"), "called A on Monday" (a call), "A and B held a summit", "A
    # discussed the railway with his counterpart B", a clause that opens on the meeting ("Meeting A, B said");
    # not a handshake, often one at a gathering of many
    r"(?:played|plays|play|playing)\s+host\s+to|(?:joined|joins|join)(?=\s+[^.;:]{3,80}?\s+for\s+(?:[\w-]+\s+)?"
    r"(?:talks|meetings?|discussions|lunch|dinner|breakfast)\b)|(?:chatted|chats|chatting)\s+with|"
    r"(?:had|has|have|held)\s+(?:an?\s+)?(?:[\w-]+\s+)?(?:exchange|chat)"
    r"(?:\s+of\s+views)?\s+with|(?:was|were|is|will\s+be)\s+the\s+guest\s+of(?!\s+honou?r)|"
    r"(?:called|rang)(?=\s+(?:(?-i:[A-Z])[\w.-]*\s+){1,6}(?:on|to|and|late|earlier|yesterday|today|last)\s)|"
    r"(?:held|holds|hold|holding|had|have|has)\s+(?:a\s+|an\s+|their\s+)?(?:[\w-]+\s+){0,2}?summit"
    r"(?=\s+(?:in|on|at|with|meeting|via|by|over)\b)|"
    r"discussed\s+(?:[\w-]+\s+){1,6}?with(?=\s+(?:his|her|their)\s+(?:[\w-]+\s+){0,2}?counterparts?\b)|"
    r"(?<![\w,]\s)(?-i:Meeting|Hosting)\s+(?:with\s+)?(?=(?:the\s+)?(?:visiting\s+)?(?-i:[A-Z])[^,;]{3,80},)|"
    r"(?:since|after|at|during|in)\s+their\s+(?:last\s+|previous\s+|first\s+)?(?:meeting|talks)\s+(?=in|on|at)|"
    # "At the start of their meeting, A called B ...", "at the end of the talks"
    r"(?:at|towards?)\s+the\s+(?:beginning|start|outset|opening|end|close)\s+of\s+(?:their|the)\s+(?:meeting|talks)|"
    r"joint\s+(?:press|news)\s+(?:conference|briefing)\s+with|"
    r"(?:called|calls|calling)\s+on|(?:was|were)\s+(?:[\w-]+\s+){0,4}?received\s+by|(?:was|were)\s+witnessed\s+by|exchanged\s+views\s+with|"
    r"bilateral\s+(?:meeting|talks)\s+with|(?:meeting|talks|summit|discussions|conversation)\s+between|"
    # "the meeting of A and B": two named after "of", joined by "and"
    r"(?:meeting|talks|summit)\s+of(?=\s+(?-i:[A-Z])[^,;.()]{0,80}?\s(?-i:and)\s)|"
    r"(?:hold|held|holds|had)\s+(?:an?\s+)?(?:bilateral\s+|official\s+|summit\s+|delegation-level\s+|wide-ranging\s+)+"
    r"(?:talks|meeting|discussions|consultations)|"
    # leaders before the press together, talks named by the two countries, talks led by both sides
    r"(?:made|make|makes|making|gave|delivered)\s+(?:joint\s+)?(?:press\s+)?(?:statements|remarks)\s+"
    r"(?:for|to)\s+the\s+(?:press|media)|statements\s+to\s+the\s+(?:press|media)|"
    r"(?:after|following|during|at)\s+(?:the\s+|their\s+)?[A-Z][\w]*-[A-Z][\w]*\s+(?:summit\s+|official\s+)?talks|"
    r"talks\s+(?:were\s+)?(?:led|co-chaired|chaired)\s+by|"
    r"(?:greeted|welcomed)(?=\s+(?:his|her|their|the\s+visiting)?\s*(?:[A-Z][\w-]*\s+){0,6}counterparts?\b)|"
    # "was welcomed at the airport by A, B and C": a place may come between the verb and "by"
    r"(?:was|were)\s+(?:\w+ly\s+)?(?:greeted|welcomed)(?:\s+and\s+\w+)?(?:\s+(?:at|in)\s+[^,.;]{1,60}?)?\s+by|"
    # "A and his Y counterpart, Deputy Minister B, attended the forum": the two together (who attended a
    # meeting, talks or a summit take part in that one)
    r"and\s+(?:his|her)\s+[A-Z][\w-]*\s+counterparts?,?\s+(?:[A-Z][\w.'-]*,?\s+){1,7}(?:on\s+\w+\s+)?(?:also\s+)?"
    r"(?:discussed|agreed|reviewed|exchanged\s+views|co-chaired|witnessed|visited|toured|opened|"
    r"attended(?!\s+(?:the|a|an|their)\s+(?:[\w'-]+\s+){0,4}?(?:meeting|talks|summit|session|retreat)s?\b))|"
    r"(?:hold|held|holds|holding|had|have|has)\s+(?:separate\s+|bilateral\s+|several\s+|closed-door\s+|brief\s+|"
    r"further\s+|a\s+series\s+of\s+)*meetings\s+with|"
    # "to hold several bilateral meetings at the forum, including with A"
    r"meetings\s+(?:on|at|during)\s+[^.;]{0,60}?,\s+including\s+with|"
    # talks with a word on how they went: "had in-depth talks", "held a cordial and frank meeting", "had a
    # brief one-on-one "conversation"" (the word quoted)
    r"(?:hold|held|holds|holding|had|have|has)\s+(?:an?\s+)?(?:(?:in-depth|fruitful|productive|cordial|friendly|"
    r"constructive|frank|candid|extensive|detailed|lengthy|long|formal|informal|private|one-on-one|restricted|"
    r"virtual|face-to-face|in-person|closed-door|t[e\u00ea]te-[a\u00e0]-t[e\u00ea]te|"
    r"expanded|high-level|substantive|useful|warm|successful|good|brief|short|first|second|third|\w+(?:-\w+)+)\s+"
    r"(?:and\s+)?)+[\"\u201c]?(?:(?:tele)?phone\s+|video\s+)?(?:talks|meeting|discussions|consultations|conversation)|"
    # a meeting in a clause of its own: "closed his visit by meeting NAME", "after meeting with NAME"
    r"(?:by|after|before|while|when)\s+meeting\s+(?:with\s+)?(?=[A-Z])|"
    # said in a call: "A and B exchanged views ... during the 15-minute call", "In phone talks, A ..."
    r"(?:during|in)\s+(?:the\s+|their\s+|a\s+)?(?:[\w-]+\s+){0,2}?(?:call|(?:tele)?phone\s+(?:talks|conversation))|"
    # informal contacts and meetings told as a purpose: "had brief interactions with A", "travels to B to meet
    # NAME", "stops in C for talks with NAME", "talks were also held among A, B and C", "said so in talks"
    r"(?:had|held|has|have|hold)\s+(?:an?\s+)?(?:[\w-]+\s+)?interactions?\s+with|during\s+a\s+meeting|"
    r"to\s+meet(?:\s+with)?(?=\s+(?-i:[A-Z]|(?:the|his|her|their)\s+[A-Z]))|for\s+(?:a\s+)?(?:[\w-]+\s+)?(?:talks|meetings?)\s+with|"
    r"talks\s+(?:were|was)\s+(?:also\s+)?held\s+(?:among|between)|in\s+(?:their\s+|the\s+)?talks(?=\s+(?:on|earlier|later|in|at)\b|[,.])|"
    # "the telephonic conversation between A and B", "A phoned B", "A's discussions with B", "a brief
    # encounter with her counterpart B"
    r"telephonic\s+(?:talks?|conversations?|calls?)\s+(?:between|with)|(?:phoned|telephoned)(?=\s+(?:the\s+)?[A-Z])|"
    r"(?<=['\u2019]s\s)(?:discussions|talks|conversation)\s+with|(?:had|held)\s+(?:an?\s+)?(?:[\w-]+\s+)?encounter\s+with)\b",
    re.I,
)
# a photo caption that reports a meeting in the present tense ("Party General Secretary A (R) receives B",
# "Minister A welcomes his Thai counterpart B", "A and B at their meeting in Hanoi on May 3")
_CAPTION_MEETING = re.compile(
    r"\b(?:(?:receives|meets(?:\s+with)?|hosts|welcomes|greets|holds\s+talks\s+with|talks\s+with)"
    r"\s+(?:(?:his|her|the|newly-[\w-]+|visiting)\s+)?[A-Z]|at\s+(?:their|the)\s+(?:\w+\s+)?(?:meeting|talks)\b)"
)
# a frame that may name one side only and the other in the next sentences ("At talks in Moscow, A ...")
_OPEN = re.compile(r"\b(?:talks|session|meeting|meet)\b", re.I)
# a guest referred back to after the meeting words: "B received him", "B welcomed the visiting minister"
_OBJECT_BEFORE = re.compile(
    r"\s+(?:him|her|the\s+(?:visiting\s+)?(?:guests?|visitors?)|the\s+visiting\s+[a-z][\w-]*)\b", re.I
)
# a reception told in a clause before its host: "While receiving A in Hanoi, the leader said ..."
_RECEIVING_FIRST = re.compile(r"\s*(?:while|when|upon|on)\s+receiving$", re.I)
# a guest received by his title alone, named in the next sentences ("A hosted a reception for the Governor of
# X on May 5. ... Governor B said ..."): the meeting takes its other side from them
_GUEST_BY_TITLE = re.compile(
    r"(?:received|receives|receiving|hosted|hosts|hosting)\s+(?:an?\s+(?:[\w-]+\s+)?reception\s+"
    r"(?:for|in\s+honou?r\s+of)\s+)?(?:the\s+)?(?:(?:visiting|outgoing|new|newly[-\s]appointed)\s+)?"
    r"(?-i:[A-Z])",
    re.I,
)
_COURTESY = re.compile(r"\bcourtesy\s+(?:call|visit)s?\b", re.I)
_APPEND = re.compile(
    r"\b(?:(?:was|were)\s+(?:also\s+)?attended\s+by|attended\s+the\s+(?:talks|meeting|session)|"
    r"(?:also\s+)?took\s+part\s+in\s+the\s+(?:talks|meeting|session)|represented\s+the\s+\w+\s+side|"
    r"(?:was|were)\s+also\s+present)\b",
    re.I,
)
_REMOTE = re.compile(
    r"\b(?:phone|telephone|telephonic|video|videoconference|online|virtual|virtually|teleconference)\b|"
    r"\bvia\s+(?:video|a\s+video|zoom)|(?<!courtesy\s)\bcall\b(?!\s+on\b)|\b(?:phoned|telephoned|rang)\b|"
    r"\bcalled\s+(?:up\s+)?(?:his|her|their)\s+(?:\w+\s+){0,2}counterpart|^(?:called|rang)$",
    re.I,
)
_EARLIER = re.compile(r"\b(?:earlier|previously|before|results\s+of)\b", re.I)
_POSSESSIVE_BEFORE = re.compile(r"\b(?:his|her|their)\s+(?:\w+\s+)?$", re.I)
_AT_ORG = re.compile(
    r"\b(?:at|At)\s+the\s+((?:[A-Z][\w'-]*\s+(?:of\s+(?:the\s+)?|for\s+|on\s+)?)*[A-Z][\w'-]*)"
)


@dataclass(slots=True)
class Meet:
    key: str
    participants: list[str] = field(default_factory=list)
    date: PartialDate | None = None
    place: str = ""
    place_country: str | None = None
    sentences: dict[int, set[str]] = field(default_factory=dict)
    open: bool = False
    earlier: bool = False
    delegation_refs: list[str] = field(default_factory=list)  # demonym codes of "a delegation of X" objects
    guests: bool = False
    signing: bool = False
    remote: bool = False  # phone call, video or online talks: nobody travelled
    delegation_key: str | None = None  # the visit it belongs to
    one_side: bool = False  # "A and B will meet their counterparts": those named are of one side
    own_month: bool = False  # dated by a month named right after the meeting's words ("their meeting in May")
    hosts: list[str] = field(default_factory=list)  # several of one side one person met in one frame
    two_sides: bool = False  # "A and his Y counterpart B", "talks between A and B": A and B are not one side
    before: bool = False  # told as the sides' earlier meeting ("they last met in June"): another occasion
    here: bool = False  # "met here", "talks here": in the dateline's place

    def cite(self, idx: int, *fields: str) -> None:
        self.sentences.setdefault(idx, set()).update(fields)


# a country's possessive before its city: "in China's Tianjin", "in Russia's Kazan"
_OWNED_CITY = re.compile(r"^(?:the\s+)?[A-ZÀ-Ỹ][\w-]*['\u2019]s\s+(?P<city>.+)$")
# "in the capital Hanoi", "in the Chinese port city of Tianjin", "in the capital city of Moscow"
_CITY_OF = r"(?:the\s+(?:[\w-]+\s+){0,2}?(?:capital|city|town|port)(?:\s+city)?(?:\s+of)?,?\s+)?"


def _place(text: str, start: int) -> tuple[str, str | None]:
    cut = re.search(r",\s+(?:who|which|where)\b|\bproposed\b|\bsuggested\b|\bhoped\b|\binvited\b", text)
    if cut:
        text = text[: cut.start()]
    m = re.search(
        rf"\bin\s+{_CITY_OF}((?:the\s+)?[A-ZÀ-Ỹ][\w'-]*(?:\s+[A-ZÀ-Ỹ][\w'-]*){{0,3}})", text[start:]
    )
    while m:
        place = m.group(1)
        owned = _OWNED_CITY.match(place)
        if owned and lookup(owned.group("city")):
            place = owned.group("city")  # "in China's Tianjin": the city
        elif re.match(r"\s+capital\b", text[start + m.end() :]):
            place += " capital"  # "in the Uzbek capital": its capital, not the country
        hits = place_countries(place)
        if hits and hits[0].start == (4 if place.startswith("the ") else 0):
            return place, hits[0].code
        m = re.search(
            rf"\bin\s+{_CITY_OF}((?:the\s+)?[A-ZÀ-Ỹ][\w'.-]*(?:\s+[A-ZÀ-Ỹ][\w'.-]*){{0,2}})",
            text[start + m.end() :],
        )
        start = start + (m.start() if m else 0)
        break
    at = _AT_ORG.search(text)
    if at and re.search(
        r"Ministry|Duma|Centre|Center|Council|Office|Palace|House|Kremlin|Committee", at.group(1)
    ):
        hits = find_countries(at.group(1))
        return at.group(1), hits[0].code if hits else None
    return "", None


# a journey told before a meeting in its sentence: "A will travel to X to meet B", "A flew to X for talks"
_TRAVEL_TO = re.compile(
    r"\b(?:travel(?:s|led|ed|ling|ing)?|fl(?:y|ies|ew|ying)|head(?:s|ed|ing)?|(?:go|goes|went|going)|"
    r"c(?:o|a)me|comes|coming)\s+to\s+(?=(?:the\s+)?[A-ZÀ-Ỹ])"
)


def _travelled_to(text: str, before: int) -> tuple[str, str | None]:
    """The place a meeting's sentence names its people travelling to before it is told ("A would travel to
    X on Friday, during which he would hold talks with B"): the meeting takes place there."""
    for t in _TRAVEL_TO.finditer(text, 0, before):
        if ";" in text[t.end() : before]:
            continue
        m = re.match(r"(?:the\s+)?([A-ZÀ-Ỹ][\w'-]*(?:\s+[A-ZÀ-Ỹ][\w'-]*){0,3})", text[t.end() :])
        hits = place_countries(m.group(1)) if m else []
        if hits and hits[0].start == 0:
            return m.group(1), hits[0].code
    return "", None


_HOST = re.compile(r"(?:(?:will|to|would|shall)\s+host|hosts)$", re.I)

# a meeting said not to happen: "A will not meet B", "neither A nor B will hold meetings with ..."
_NEGATED = re.compile(
    r"(?:\bnot|\bnever|\bcannot|n['\u2019]t|\bneither\b[^,;]*\bnor\b[^,;]*?)\s+(?:[\w-]+\s+){0,3}$|"
    # a meeting called off, turned down or only asked for: "cancelled a planned meeting with A", "declined to
    # meet A", "has requested a meeting with A"
    r"\b(?:cancell?(?:ed|s)?|call(?:ed|s)?\s+off|postpon(?:ed|es)|declin(?:ed|es)|refus(?:ed|es)|"
    r"reject(?:ed|s)|turn(?:ed|s)?\s+down|request(?:ed|s)?|sought|seeks?|ask(?:ed|s)?\s+for)\s+"
    r"(?:(?:to|an?|the|his|her|their|planned|scheduled|proposed|expected|possible)\s+){0,3}$",
    re.I,
)

_PASSING = re.compile(
    r"\bhad\s+(?:attended|paid|held|visited)\b|\brecalled\b|\blast\s+(?:year|month)\b", re.I
)


def detect(sentences, people, date_of, country_of) -> list[Meet]:
    """The meetings of an article: each sentence's meeting words, clause by clause, one record per pair of
    sides (a second report of the same sides, on no other occasion, adds its sentence to the first)."""
    out: list[Meet] = []
    last: Meet | None = None
    last_idx = -10
    greetings: list[Meet] = []
    speakers = _speakers(sentences, people)
    for idx, s in enumerate(sentences):
        if s.kind not in {"body", "title"} and not (s.kind == "caption" and _CAPTION_MEETING.search(s.text)):
            continue
        text = s.text
        info = people.info[idx]
        mentions = [m for m in info.mentions if not people.get(m.person).history]
        mentions = _with_first_person(text, idx, mentions, speakers.get(idx))
        trig = _TRIGGER.search(text) or (_CAPTION_MEETING.search(text) if s.kind == "caption" else None)
        app = _APPEND.search(text)
        if app and out and not (trig and trig.start() < app.start() and "meeting with" in trig.group(0)):
            target = last if last is not None and idx - last_idx <= 2 else out[0]
            _append_attendees(target, idx, mentions)
            continue
        if not trig and last is not None and idx - last_idx <= 2 and _where_held(last, idx, text, date_of):
            continue
        if not trig:
            pair = _greeting(text, mentions, country_of) or _joint_subject(text, mentions, country_of)
            pair = pair or _name_pair(text, people, country_of)
            if pair:
                greeting = Meet(key="", participants=pair, date=date_of(idx, text, ranges=False)[0])
                greeting.place, greeting.place_country = _place(text, 0)
                greeting.cite(idx, "participants", "date")
                greetings.append(greeting)
            continue
        ctx = _Context(idx, sentences, people, date_of, country_of, out)
        found = _sentence_meetings(ctx, text, trig, app, mentions)
        if found is not None:
            last, last_idx = found, idx
    # a transcript's greeting, or two speakers of one event, is a meeting the text reports in no other words
    for g in greetings + _event_speakers(sentences, people, country_of):
        if not any(set(g.participants) <= set(e.participants) for e in out):
            g.key = f"meet{len(out) + 1}"
            out.append(g)
    return out


# a sentence on where and when the talks just told were held: "The talks were held in Riyadh on Tuesday",
# "The meeting took place at the Foreign Ministry"
_HELD = re.compile(
    r"^\s*(?:The|Their|These|This)\s+(?:[\w-]+\s+){0,2}?(?:talks|meetings?|discussions|summit)\s+"
    r"(?:(?:was|were)\s+held|took\s+place)\b"
)


def _where_held(last: Meet, idx: int, text: str, date_of) -> bool:
    """The place and day a sentence of its own gives the meeting told just before, when that one's own
    sentence gave none; whether the sentence was such."""
    held = _HELD.match(text)
    if held is None or last.remote:
        return False
    if not last.place:
        last.place, last.place_country = _place(text, held.end())
    if last.date is None:
        last.date = date_of(idx, text, ranges=False)[0]
    last.cite(idx, "date")
    return True


# a speaker framed as one of those at an event: "Speaking at the ceremony, A said", "Addressing the forum, A",
# "At the closing ceremony, A expressed", "On behalf of the delegation, A", "For his part, A"; "A, for his
# part, said"
_EVENT_FRAME = re.compile(
    r"^\s*(?:(?:Speaking|Addressing)\s+(?:at\s+|to\s+)?the\s+[^,;]{2,60},|"
    r"At\s+the\s+(?:[\w-]+\s+){0,3}(?:ceremony|event|forum|celebration|function|gathering|reception)\b[^,;]{0,60},|"
    r"On\s+behalf\s+of\s+[^,;]{2,80},|For\s+(?:his|her)\s+part,)\s*",
    re.I,
)
_FOR_PART = re.compile(r"\s*,\s+for\s+(?:his|her)\s+part,", re.I)
_SPEECH_VERB = re.compile(
    r"[^.;]{0,120}?\b(?:said|says|affirmed|emphasi[sz]ed|stressed|expressed|highlighted|noted|underlined|"
    r"described|spoke|told|thanked|hoped|added|praised|appreciated|welcomed|congratulated)\b",
    re.I,
)


def _event_speakers(sentences, people, country_of) -> list[Meet]:
    """Two officials of different countries who speak in turn at one event, one of them framed as a speaker
    there ("Speaking at the event, A said ..." and "B, for his part, said ..." or "B affirmed ...", within
    four sentences): the two met there. Those met in words of their own are met already."""
    spoke: list[tuple[int, str, bool]] = []  # (sentence, speaker, framed)
    for idx, s in enumerate(sentences):
        if s.kind != "body":
            continue
        named = [m for m in people.info[idx].mentions if m.kind in {"name", "short", "description"}]
        named = [m for m in named if not people.get(m.person).history]
        if not named:
            continue
        first = named[0]
        frame = _EVENT_FRAME.match(s.text)
        lead = frame.end() if frame else 0
        if first.start - lead > 120 or not _SPEECH_VERB.match(s.text, first.end):
            continue
        framed = bool(frame) or bool(_FOR_PART.match(s.text, first.end))
        spoke.append((idx, first.person, framed))
    out: list[Meet] = []
    for idx, a, framed in spoke:
        mine = country_of(a)
        others = [
            (abs(jdx - idx), jdx > idx, jdx, b)
            for jdx, b, _ in spoke
            if 0 < abs(jdx - idx) <= 4 and country_of(b) not in {None, mine}
        ]
        if not framed or mine is None or not others:
            continue
        _, _, jdx, b = min(others)  # the nearest, the one before on a tie ("B, for his part, ...")
        if not any({a, b} <= set(m.participants) for m in out):
            meet = Meet(key="", participants=[a, b])  # the day of the event, told elsewhere
            meet.cite(idx, "participants")
            meet.cite(jdx, "participants")
            out.append(meet)
    return out


def _sentence_meetings(ctx: _Context, text: str, trig, app, mentions) -> Meet | None:
    """Records the meetings of one sentence with meeting words, clause by clause; the last one recorded.
    "A's meeting with B was attended by C and D": the meeting of A and B (one told before, if any), which C
    and D join."""
    if app is not None and trig.start() < app.start():
        before = [m for m in mentions if m.start < app.start()]
        last = _clauses_meetings(ctx, text, trig, before)
        if last is not None:
            _append_attendees(last, ctx.idx, [m for m in mentions if m.start >= app.end()])
            return last
    return _clauses_meetings(ctx, text, trig, mentions)


def _clauses_meetings(ctx: _Context, text: str, trig, mentions) -> Meet | None:
    last = None
    for a, b, clause in _clauses(text, trig, mentions):
        for meet in _clause_meetings(ctx, text, clause, [m for m in mentions if a <= m.start < b]):
            last = _record(ctx.out, meet)
    return last


# a transcript's speaker line: "Mr. A, Minister for X: Thank you ..." names its speaker before the colon
_TRANSCRIPT_SPEAKER = re.compile(r"^[^:\"\u201c]{2,120}:\s")
_FIRST_PERSON = re.compile(r"\b(?:I|my|me)\b")


def _speakers(sentences, people) -> dict[int, str]:
    """Who speaks each sentence of a transcript: the one a paragraph's speaker line names, until a
    paragraph opens on another speaker line ("Reporter: ..." names no one of the story)."""
    out: dict[int, str] = {}
    speaker, paragraph = None, None
    for idx, s in enumerate(sentences):
        if s.paragraph != paragraph:
            paragraph = s.paragraph
            line = _TRANSCRIPT_SPEAKER.match(s.text)
            if line:
                named = [
                    m
                    for m in people.info[idx].mentions
                    if m.end <= line.end() and m.kind in {"name", "short"}
                ]
                speaker = named[0].person if named else None
        if speaker is not None:
            out[idx] = speaker
    return out


def _with_first_person(text: str, idx: int, mentions, speaker: str | None) -> list:
    """A transcript's "I", "my" and "me" as its speaker ("after my meeting with A, I called on B")."""
    if speaker is None:
        return mentions
    line = _TRANSCRIPT_SPEAKER.match(text)
    extra = [
        Mention(speaker, idx, w.start(), w.end(), "pronoun")
        for w in _FIRST_PERSON.finditer(text, line.end() if line else 0)
        if not any(m.start <= w.start() < m.end for m in mentions)
    ]
    return sorted([*mentions, *extra], key=lambda m: m.start) if extra else mentions


def _append_attendees(target: Meet, idx: int, mentions) -> None:
    """ "The talks were also attended by A and B": those named join the meeting told just before."""
    for m in mentions:
        if m.person not in target.participants:
            target.participants.append(m.person)
    target.cite(idx, "participants")


@dataclass(slots=True)
class _Context:
    """What reading one sentence's meetings needs of the article: its sentences, people, dates and the
    meetings found so far."""

    idx: int
    sentences: list
    people: object
    date_of: object
    country_of: object
    out: list[Meet]


def _record(out: list[Meet], meet: Meet) -> Meet:
    """The record a meeting joins: one found before with the same sides, not set apart as another occasion
    (it takes this one's date and place when it has none, and its sentences); else the meeting as a new
    record."""
    same = next(
        (
            e
            for e in out
            if set(e.participants) == set(meet.participants)
            and meet.participants
            and not other_occasion(e, meet)
        ),
        None,
    )
    if same is not None:
        same.date = same.date or meet.date
        if not same.place and meet.place:
            # "A and B agreed ... In their meeting in Moscow, they ...": the place a later word gives
            same.place, same.place_country = meet.place, meet.place_country
        for k, v in meet.sentences.items():
            same.sentences.setdefault(k, set()).update(v)
        return same
    meet.key = f"meet{len(out) + 1}"
    out.append(meet)
    return meet


def _clause_meetings(ctx: _Context, text: str, trig, mentions) -> Iterator[Meet]:
    """The meetings one clause reports with its meeting words ``trig``: one for each group ``_calls`` sees,
    less those naming too few sides. Each is yielded before the next is read, so that the next can take its
    missing side from the meetings recorded so far."""
    signing = "sign" in trig.group(0).lower()
    mentions = _before_other_sides(text, trig, _not_speakers(text, trig, mentions))
    persons = _sides(ctx, text, trig, mentions)
    for group in _calls(trig, text, persons, mentions, ctx.country_of):
        meet = _meeting(ctx, text, trig, group, persons, mentions, signing)
        if meet is not None:
            yield meet


def _before_other_sides(text: str, trig, mentions):
    """Those named before a second meeting that names its own sides ("A's meeting with B came a day after
    the summit between C and D was announced"): the sides of the first are not those of the second."""
    for t in _TRIGGER.finditer(text, trig.end()):
        if _between(text, t):
            before = [m for m in mentions if m.start < t.start()]
            return before or mentions  # the first names none: the second's sides are its own
    return mentions


def _between(text: str, trig) -> bool:
    """Meeting words that name their sides after "between": "the meeting between A and B", and so "after
    the talks between A and B" (the words end before "between")."""
    return bool(
        re.search(r"\b(?:between|(?:meeting|talks|summit)\s+of)$", trig.group(0), re.I)
        or re.match(r"\s+between\s", text[trig.end() :])
    )


def _sides(ctx: _Context, text: str, trig, mentions) -> list[str]:
    """Who a clause says met, in order: after "his/her/their" before the meeting words, its owner and those
    named after them ("A said his talks with B ..."); after "between", those named after it; else everyone
    named; "the two leaders" alone, the last two of different countries named before."""
    persons: list[str] = []
    pos = _POSSESSIVE_BEFORE.search(text[: trig.start()])
    if pos:
        pron = [
            m
            for m in mentions
            if m.kind == "pronoun" and m.start >= pos.start() - 1 and m.start <= trig.start()
        ]
        head = [m for m in mentions if m.start < pos.start()]
        if pron:
            persons.append(pron[0].person)
        elif head:
            persons.append(head[0].person)
        for m in mentions:
            if m.start > trig.start() and m.person not in persons:
                persons.append(m.person)
    else:
        for m in mentions:
            if m.person not in persons:
                persons.append(m.person)
    if _between(text, trig):
        # "Dr A said the meeting between B and C was timely": the sides are named after "between"
        sides = list(dict.fromkeys(m.person for m in mentions if m.start > trig.start()))
        if len(sides) >= 2:
            persons = sides
    if len(persons) < 2 and _both_named_later(text, trig):
        persons = _pair_before(ctx.idx, ctx.people, ctx.country_of, persons)
    return persons


def _meeting(ctx: _Context, text: str, trig, group, persons, mentions, signing) -> Meet | None:
    """One meeting of ``group``, with its kind, date and place, its missing side looked for around it; None
    when it names too few sides to be one (or is a signing, or a meeting only recalled, of one named)."""
    meet = Meet(key="", participants=group, signing=signing)
    meet.hosts = _hosts(trig, text, group, mentions)
    meet.remote = bool(_REMOTE.search(trig.group(0))) or bool(
        _REMOTE.search(text[max(0, trig.start() - 40) : trig.end() + 90])
        and not re.search(r"courtesy\s+call", text, re.I)
    )
    _delegation_sides(meet, text, trig)
    if (signing and len(persons) < 2) or _NEGATED.search(text, max(0, trig.start() - 120), trig.start()):
        return None
    named = {m.person for m in mentions if m.kind in {"name", "short"}}
    if _PASSING.search(text) and len(named) < 2:
        return None
    if _HOST.match(trig.group(0)) and not any(0 <= trig.start() - m.end <= 25 for m in mentions):
        return None  # "China will host A": a country hosts, no one named meets A
    if len(persons) + len(meet.delegation_refs) + int(meet.guests) < 2:
        if len(persons) == 1 and (
            _OPEN.search(trig.group(0))
            or _RECEIVING_FIRST.fullmatch(text, 0, trig.end())
            or _GUEST_BY_TITLE.match(text, trig.start())
            or _OBJECT_BEFORE.match(text, trig.end())
        ):
            meet.open = True
        else:
            return None
    meet.one_side = bool(
        re.match(r"\s*(?:\w+\s+){0,2}their\s+(?:[\w-]+\s+)?counterparts\b", text[trig.end() :])
    ) and all(m.start < trig.start() for m in mentions if m.person in group)
    meet.two_sides = len(group) == 2 and (
        _between(text, trig)
        or any(
            0 <= m.start - c.end() <= 3 and m.person in group
            for c in _COUNTERPART.finditer(text)
            for m in mentions
        )
    )
    _date_and_place(meet, ctx, text, trig)
    meet.before = bool(meet.date and _BEFORE_MEETING.search(text))
    meet.cite(ctx.idx, "participants", "date")
    if meet.open:
        _other_side(meet, ctx, text, trig)
    return meet


def _delegation_sides(meet: Meet, text: str, trig) -> None:
    """A side told as a delegation rather than a person: "received a delegation of X", "met with the X
    delegation" (its country), "the guests", "The Tver delegation also met Y" (the visitors)."""
    after = text[trig.start() :]
    dref = re.search(
        r"\bdelegation\s+(?:of|from)\s+(?:the\s+)?([^,.;]*?)(?=\s+(?:led|headed)\b|,|\.|$)", after
    )
    if dref and not re.search(r"\b(?:led|headed)\s+by\b", after):
        hits = find_countries(dref.group(1))
        if hits:
            meet.delegation_refs.append(hits[0].code)
    # "met with the Chinese delegation", "The Russian delegation was welcomed by A": its head is a side
    dem = re.search(
        r"\bwith\s+the\s+(\w+)\s+delegation\b|^(?:.*?\s)?[Tt]he\s+(\w+)\s+delegation\s+(?:was|were)\b", text
    )
    if dem:
        hits = find_countries(dem.group(1) or dem.group(2))
        if hits:
            meet.delegation_refs.append(hits[0].code)
    if re.search(r"\bthe\s+guests?\b|\bthe\s+visitors?\b", text, re.I):
        meet.guests = True
    # "The Tver delegation also met X": the visiting delegation, named by its origin, is a side
    if re.search(
        r"\b[Tt]he\s+(?:[A-ZÀ-Ỹ][\w'-]*\s+){0,3}(?:[a-z][\w-]*\s+)?delegation\s+(?:also\s+|then\s+|later\s+)?"
        r"(?:met|held|had|worked|paid|visited|called)\b",
        text,
    ):
        meet.guests = True


def _date_and_place(meet: Meet, ctx: _Context, text: str, trig) -> None:
    """The day, month or place a meeting's sentence gives it, and whether it is told as earlier news."""
    meet.date = _meeting_date(ctx.idx, text, trig, ctx.date_of)
    dates = find_dates(text)
    if _same_day_as_before(text, dates):
        meet.date = _day_before(ctx, {"day", "weekday"}) or meet.date
    elif _NEXT_DAY.search(text) and not any(d.kind in {"day", "weekday", "month"} for d in dates):
        # "The next day, A met B in Osaka": the day after the one the sentences before gave
        before = _day_before(ctx, {"day", "weekday"})
        meet.date = _next_day(before) if before is not None else meet.date
    meet.own_month = bool(meet.date and meet.date.precision == "month") and any(
        d.kind == "month" and trig.end() <= d.start <= trig.end() + 40 for d in dates
    )
    # "Earlier, A and B met ...": the news of the day, told in order (not a meeting of the past)
    meet.earlier = (
        bool(_EARLIER.search(text))
        and not re.search(r"same\s+day", text, re.I)
        and not re.match(r"\s*Earlier(?:\s+on)?,", text)
    )
    meet.place, meet.place_country = _place(text, 0)
    if not meet.place:
        meet.place, meet.place_country = _travelled_to(text, trig.start())
    # a wire service's "met here Tuesday", "on the sidelines of the meeting here": the dateline's place
    meet.here = not meet.place and bool(_HERE.search(text, trig.start(), trig.end() + 100))


_HERE = re.compile(r"\bhere\b(?!\s+and\s+there)")


def _same_day_as_before(text: str, dates) -> bool:
    """A sentence dated only by "the same day" ("Later the same day, A met B", "later that day"): the day
    of the one before."""
    same = any(
        d.kind == "relative" and re.search(r"same\s+day", text[d.start : d.end], re.I) for d in dates
    ) or re.search(r"\b(?:later|earlier)\s+that\s+day\b|\bthat\s+same\s+day\b", text, re.I)
    return bool(same) and not any(d.kind in {"day", "weekday", "month"} for d in dates)


_NEXT_DAY = re.compile(r"\b(?:the\s+(?:next|following)\s+day|a\s+day\s+later)\b", re.I)


def _next_day(day: PartialDate) -> PartialDate:
    after = day.as_date() + datetime.timedelta(days=1)
    return PartialDate(after.year, after.month, after.day)


def _day_before(ctx: _Context, kinds=frozenset({"day"})) -> PartialDate | None:
    """The day "the same day" refers back to: of the nearest sentence before that names one ("A arrived on May
    3. B received him the same day")."""
    for j in range(ctx.idx - 1, max(-1, ctx.idx - 4), -1):
        text = ctx.sentences[j].text
        if any(d.kind in kinds for d in find_dates(text)):
            day = ctx.date_of(j, text, ranges=False)[0]
            if day is not None and day.day:
                return day
    return None


def _other_side(meet: Meet, ctx: _Context, text: str, trig) -> None:
    """The missing side of a meeting with one named: the one addressed ("You will meet A"), the one the
    story follows ("During a meeting with A, the two leaders ..."), or the next one of another country."""
    if re.search(r"\b[Yy]ou\b", text[: trig.start()]):
        _addressee(meet, ctx.idx, ctx.sentences, ctx.people, ctx.country_of)
    if meet.open and _OBJECT_BEFORE.match(text, trig.end()):
        # "B received him": the guest is the one of another country the story followed
        _partner(meet, ctx.idx, ctx.out, ctx.people, ctx.country_of)
    back = _BACK_REF.match(text)
    if (
        meet.open
        and back
        and trig.start() < back.end()
        and _one_named(ctx, text, _after_comma(text, back.end()))
    ):
        # "During the talks, B said ...": the other side is the one the story told before
        _partner(meet, ctx.idx, ctx.out, ctx.people, ctx.country_of)
    if meet.open and _UNNAMED_SIDE.search(text) and not _UNNAMED_SIDE.search(text[: trig.start()]):
        # "During a meeting with A, the two leaders ...": the other is the one the story follows
        _partner(meet, ctx.idx, ctx.out, ctx.people, ctx.country_of)
    if meet.open:
        _close(meet, ctx.idx, ctx.sentences, ctx.people, ctx.country_of)


def _one_named(ctx: _Context, text: str, subject: int) -> bool:
    """Whether a sentence names one person alone, the subject its opening phrase leads to."""
    mentions = [m for m in ctx.people.info[ctx.idx].mentions if not ctx.people.get(m.person).history]
    persons = {m.person for m in mentions}
    return len(persons) == 1 and any(subject <= m.start <= subject + 60 for m in mentions)


# a clause on one of those named, set off by commas: "B, who arrived on Sunday for a visit, ..."
_WHO_CLAUSE = re.compile(r",\s+who\s+[^,;]*,")


def _outside_who_clauses(idx: int, text: str, trig, date_of) -> PartialDate | None:
    """The day a meeting's sentence gives outside a clause on one of its people ("A hosted B, who arrived
    on Sunday, at the palace on Monday": Monday); None when it gives none there, or the words are inside."""
    spans = [(c.start(), c.end()) for c in _WHO_CLAUSE.finditer(text)]
    if not spans or any(a <= trig.start() < b for a, b in spans):
        return None
    days = [d for d in find_dates(text) if d.kind in {"day", "weekday"}]
    inside = [d for d in days if any(a <= d.start < b for a, b in spans)]
    if not inside or len(inside) == len(days):
        return None
    blank = text
    for a, b in spans:
        blank = blank[:a] + " " * (b - a) + blank[b:]
    return date_of(idx, blank, ranges=False)[0]


def _meeting_date(idx: int, text: str, trig, date_of) -> PartialDate | None:
    """The day of a meeting: of two days its sentence gives, the one told after its words ("(Agency, 16th
    September) A will hold talks with B on September 27"), and not one of a clause on one of its people."""
    outside = _outside_who_clauses(idx, text, trig, date_of)
    if outside is not None:
        return outside
    days = [d for d in find_dates(text) if d.kind == "day"]
    if len(days) >= 2 and days[0].start < trig.start() < days[-1].start:
        after = date_of(idx, text[trig.start() :], ranges=False)[0]
        if after is not None:
            return after
    return date_of(idx, text, ranges=False)[0]


# "his Iranian counterpart NAME": one of the other side
_COUNTERPART = re.compile(r"\b(?:his|her)\s+(?:[\w.-]+\s+){0,3}?counterpart\b", re.I)

# where a sentence's second report begins: "A and B met C, and D held talks with E"
_CLAUSE = re.compile(r"(?:,|;)\s+(?:and\s+|while\s+|whereas\s+)?(?=[A-Z])|;\s+")


def _clauses(text: str, trig, mentions) -> list[tuple[int, int, re.Match]]:
    """The reports of one sentence: one clause each when each names its own subject before its own meeting
    words ("A and B also met C, and D held talks with the visitor"); else the sentence as one."""
    cuts = [0] + [c.end() for c in _CLAUSE.finditer(text, trig.end())] + [len(text)]
    parts = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        t = _TRIGGER.search(text, a, b)
        if t is None:
            continue
        if not any(a <= m.start < t.start() and m.kind != "pronoun" for m in mentions):
            return [(0, len(text), trig)]
        parts.append((a, b, t))
    if len(parts) < 2:
        return [(0, len(text), trig)]
    return parts


_SPEAKER = re.compile(r"\b(?:said|says|added|noted|wrote)\s*$", re.I)


def _not_speakers(text: str, trig, mentions):
    """Who speaks about a meeting after it takes no part in it ("receiving A will be 'a test', said B")."""
    return [m for m in mentions if not (m.start > trig.end() and _SPEAKER.search(text[: m.start]))]


_BOTH = re.compile(
    r"\b(?:the\s+two|both)\s+(?:(?:deputy|vice)\s+)?(?:leaders|presidents|prime\s+ministers|premiers|PMs|FMs|"
    r"(?:foreign\s+|defen[cs]e\s+)?ministers|"
    r"heads\s+of\s+(?:state|government)|speakers|chairmen|chairs)\b|"
    # "The two met on May 3", "the two men", "the pair"
    r"\bthe\s+two(?=\s+(?:also\s+|then\s+|later\s+|first\s+|have\s+|had\s+|will\s+)?(?:met|meet|held|hold|had|"
    r"talked|spoke|discussed|agreed|exchanged)\b)|\bthe\s+two\s+(?:men|women)\b|\bthe\s+pair\b",
    re.I,
)


# a sentence opening on talks told before: "During the talks on Tuesday, ...", "At the meeting, ...", "In
# their phone call, ..."
_BACK_REF = re.compile(
    r"\s*(?:During|At|In|After|Following)\s+(?:the|their|these)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:talks|meetings?|discussions|call|conversation)\b"
)


def _both_named_later(text: str, trig) -> bool:
    """The sides of a meeting told as "the two": before its words ("The two leaders met ..."), or after
    words that say "their" or open the sentence on talks told before ("In their meeting on May 3, the two
    ministers agreed ...", "During the talks, the two ministers ...")."""
    if _BOTH.search(text[: trig.end()]):
        return True
    if re.search(r"\btheir\b", trig.group(0), re.I) and _BOTH.search(text, trig.end()):
        return True
    back = _BACK_REF.match(text)
    return bool(back and trig.start() < back.end() and _BOTH.match(text, _after_comma(text, back.end())))


def _after_comma(text: str, pos: int) -> int:
    """Where the words after an opening phrase's comma begin ("During the talks on Tuesday, ..."); -1 if the
    phrase runs on."""
    comma = re.match(r"[^,.;:()]{0,40},\s*", text[pos:])
    return pos + comma.end() if comma else len(text)


# a meeting whose words name one side, the sentence speaking of both: "During a meeting with A, the two
# leaders welcomed ...", "In the meeting with A, they agreed ..."
_UNNAMED_SIDE = re.compile(
    r"\b(?:the\s+two|both)\s+(?:sides|leaders|presidents|prime\s+ministers|premiers|(?:foreign\s+)?ministers|"
    r"heads\s+of\s+(?:state|government))\b|,\s+they\b"
)


def _partner(meet: Meet, idx: int, out: list[Meet], people, country_of) -> None:
    """The other side of a meeting with one named: of another country, the one who took part in most of
    the meetings before, else the last one named before."""
    mine = country_of(meet.participants[0])
    seen = [
        k
        for e in out
        if len(e.participants) >= 2
        for k in dict.fromkeys(e.participants)
        if k not in meet.participants and (country_of(k) is None or country_of(k) != mine)
    ]
    if seen:
        best = max(dict.fromkeys(seen), key=seen.count)
    else:
        pair = _pair_before(idx - 1, people, country_of, list(meet.participants))
        if len(pair) < 2:
            return
        best = pair[1]
    if mine is None or best in meet.participants:
        return
    meet.participants.append(best)
    meet.open = False


def _pair_before(idx: int, people, country_of, persons: list[str]) -> list[str]:
    """ "The two leaders met ...": the last two people of different countries named before, nearest first."""
    pair = list(persons)
    for j in range(idx, max(-1, idx - 4), -1):
        for m in reversed(people.info[j].mentions):
            if m.person in pair or people.get(m.person).history:
                continue
            countries = {country_of(p) for p in pair}
            if country_of(m.person) is None or country_of(m.person) in countries:
                continue
            pair.append(m.person)
            if len(pair) == 2:
                return pair
    return persons


def different_days(a: PartialDate | None, b: PartialDate | None) -> bool:
    """Two meetings of the same people on days the text sets apart are two meetings."""
    return bool(a and b and a.day and b.day and a != b)


def other_occasion(a: Meet, b: Meet) -> bool:
    """Two meetings of the same people the text sets apart: on two days, or in two months when one of them
    is dated by a month right after its own words ("met in Jakarta on Monday ... since their meeting in
    Labuan Bajo in May"; a month further on may date something else: "since his election in May")."""
    if different_days(a.date, b.date):
        return True
    if (a.before or b.before) and _apart(a.date, b.date):
        return True
    x, y = a.date, b.date
    return bool(
        (a.own_month or b.own_month)
        and x
        and y
        and x.month
        and y.month
        and (x.year, x.month) != (y.year, y.month)
    )


def _apart(a: PartialDate | None, b: PartialDate | None) -> bool:
    """Two dates that cannot be one day: of different years, months or days, each as precise as it is
    (June and August 18 are apart; August and August 18 are not). A missing date is apart from a given
    one: the meeting told without a date is the day's news, the earlier one has its own."""
    if a is None or b is None:
        return (a is None) != (b is None)
    if a.year != b.year:
        return True
    if a.month and b.month and a.month != b.month:
        return True
    return bool(a.day and b.day and a.day != b.day)


# a meeting told as the sides' earlier one: "they last met in Rome", "as they met at the summit in June",
# "since they first met", "at their previous meeting in May" ("the first meeting of its kind" is this one)
_BEFORE_MEETING = re.compile(
    r"\b(?:last|previously|first|earlier)\s+met\b|\b(?:as|when)\s+they\s+(?:had\s+)?met\b|"
    r"\b(?:their|the)\s+(?:last|previous|earlier)\s+(?:(?:face-to-face|in-person|bilateral)\s+)?"
    r"(?:meeting|talks|encounter)\b",
    re.I,
)


_EACH = re.compile(r"[^.;]*?\b(?:respectively|separately)\b", re.I)


# "Among the ministers who called on A were B and C": a list of those who met A, named after its verb
_AMONG_WHO = re.compile(r"\bamong\s+(?:the|those)\b[^.;]*?\bwho\s+(?:also\s+)?$", re.I)
_LIST_VERB = re.compile(r"\s(?:were|was|are|is|included|include)\s")


def _inverted_calls(trig, text: str, mentions) -> list[list[str]]:
    """The meetings of an inverted list, one with each named after its verb ("Among the envoys who met A
    on Monday were B of X and C of Y": B met A, C met A); none when the sentence is no such list."""
    if not _AMONG_WHO.search(text[: trig.start()]):
        return []
    verb = _LIST_VERB.search(text, trig.end())
    if verb is None:
        return []
    host = [m.person for m in mentions if trig.end() <= m.start < verb.start() and m.kind != "pronoun"]
    guests = [m.person for m in mentions if m.start >= verb.end() and m.kind != "pronoun"]
    guests = [k for k in dict.fromkeys(guests) if k not in host]
    if not host or not guests:
        return []
    return [[k, host[0]] for k in guests]


def _calls(trig, text: str, persons: list[str], mentions, country_of) -> list[list[str]]:
    """The meetings one sentence reports: courtesy calls on several hosts are one call on each ("He also
    paid courtesy calls on President A and Prime Minister B"), and so are meetings with several ("He will
    hold meetings with A, B and C"), and so are the calls of visitors from
    different countries on one host ("A of China and B of Saudi Arabia called on C"); any other frame
    is one meeting."""
    inverted = _inverted_calls(trig, text, mentions)
    if inverted:
        return inverted
    before = [m for m in mentions if m.start < trig.start() and m.kind != "pronoun"]
    callers_in_order = list(dict.fromkeys(m.person for m in before))
    each = _EACH.match(text, trig.end())
    theirs = re.match(
        r"\s*(?:with\s+|to\s+)?their\s+(?:respective\s+)?(?:[\w-]+\s+)?counterparts\b", text[trig.end() :]
    )
    if len(callers_in_order) == 2 and theirs:
        # "A and B reached out to their counterparts C and D": A met C, B met D
        hosts = [m.person for m in mentions if m.start > trig.start() and m.kind in {"name", "short"}]
        hosts = [h for h in dict.fromkeys(hosts) if h not in callers_in_order]
        if len(hosts) == 2:
            return [[c, h] for c, h in zip(callers_in_order, hosts, strict=True)]
    if len(callers_in_order) >= 2 and each:
        # "A and B also met with C, respectively": a meeting of each with C
        hosts = list(dict.fromkeys(m.person for m in mentions if trig.start() < m.start < each.end()))
        hosts = [h for h in hosts if h not in callers_in_order]
        if len(hosts) == 1:
            return [[c, hosts[0]] for c in callers_in_order]
    if re.fullmatch(r"(?:called|calls|calling)\s+on", trig.group(0), re.I) and len(callers_in_order) >= 2:
        hosts = [m.person for m in mentions if m.start > trig.start() and m.person not in callers_in_order]
        # each caller's own words name his country: "Chinese Foreign Minister A and Saudi Minister B"
        countries, prev_end = {}, 0
        for m in before:
            if m.person not in countries:
                hits = find_countries(text[prev_end : m.start])
                countries[m.person] = country_of(m.person) or (hits[-1].code if hits else None)
            prev_end = m.end
        codes = set(countries.values())
        if len(set(hosts)) == 1 and len(codes) == len(callers_in_order) and None not in codes:
            return [[c, hosts[0]] for c in callers_in_order]
    callers = {m.person for m in mentions if m.start < trig.start()}
    if _COURTESY.search(trig.group(0)) or re.search(r"\bmeetings\s+with$", trig.group(0), re.I):
        hosts = [
            m.person
            for m in mentions
            if m.start > trig.start() and m.kind in {"name", "short"} and m.person not in callers
        ]
        hosts = list(dict.fromkeys(hosts))
        if len(callers) != 1 or len(hosts) < 2:
            return [persons]
        caller = next(iter(callers))
        return [[caller, h] for h in hosts]
    if len(callers) != 1 or _between(text, trig):
        return [persons]
    groups = _objects(trig, text, mentions, callers, country_of)
    if len(groups) < 2:
        return [persons]
    caller = next(iter(callers))
    return [[caller, *g] for g in groups]


def _hosts(trig, text: str, group: list[str], mentions) -> list[str]:
    """Those one person met in one active frame, named in full ("the visitor met President A and Prime
    Minister B"): the records make it a meeting with each when they are his hosts, of the country they
    met in ("he was met by A and B" is one welcome)."""
    if re.search(r"\b(?:was|were)\s+(?:[\w-]+\s+){0,2}$", text[: trig.start()]) or trig.group(0).endswith(
        "by"
    ):
        return []
    callers = [k for k in dict.fromkeys(m.person for m in mentions if m.start < trig.start()) if k in group]
    named = [k for k in group if k not in callers]
    if len(callers) == 1:
        full = {m.person for m in mentions if m.start > trig.start() and m.kind == "name"}
    else:
        # "A and B had a meeting with C": those before the verb, when the one after it is the guest
        full = {m.person for m in mentions if m.start < trig.start() and m.kind == "name"}
        callers, named = named, callers
    if len(callers) != 1 or len(named) < 2 or not set(named) <= full:
        return []
    return named


def _objects(trig, text: str, mentions, callers, country_of) -> list[list[str]]:
    """Those one person met, one group a meeting: each verb of its own ("held talks with A and met with B
    and C"), and within one verb's list, leaders of different countries ("met A of Laos and B of Mongolia
    on the sidelines"); those of one side named together ("met A and his deputy B") meet him together."""
    end = _object_list_end(text, trig.end())
    starts = [trig.start()] + [t.start() for t in _TRIGGER.finditer(text, trig.end(), end)]
    groups: list[list[str]] = []
    for i, a in enumerate(starts):
        b = starts[i + 1] if i + 1 < len(starts) else end
        named = [m.person for m in mentions if a < m.start < b and m.kind in {"name", "short"}]
        named = [k for k in dict.fromkeys(named) if k not in callers]
        codes = [country_of(k) for k in named]
        if len(named) >= 2 and None not in codes and len(set(codes)) == len(codes):
            groups.extend([k] for k in named)
        elif named:
            groups.append(named)
    return groups


# where the list of those one person met ends: a clause about them or about their companions
_LIST_END = re.compile(
    r",?\s+(?:who|whose|which|where|when)\b|\b(?:accompanied|joined|attended|flanked)\s+by\b|"
    r"\b(?:including|along\s+with|together\s+with|and\s+(?:his|her|their)\s+(?:delegation|wife|spouse))\b|"
    r"\b(?:to\s+discuss|discussed|said|agreed|stressed|hailed)\b",
    re.I,
)


def _object_list_end(text: str, pos: int) -> int:
    m = _LIST_END.search(text, pos)
    return m.start() if m else len(text)


def _addressee(meet: Meet, idx: int, sentences, people, country_of) -> None:
    """ "You will also hold talks with President A", said to a guest: the one addressed is the nearest
    person of another country named before (a transcript's "Dear Comrade B")."""
    mine = country_of(meet.participants[0])
    found = []
    for j in range(idx - 1, max(-1, idx - 20), -1):
        for m in reversed(people.info[j].mentions):
            c = country_of(m.person)
            if m.kind in {"name", "short"} and c and c != mine and not people.get(m.person).history:
                found.append((j, m))
    # one greeted by name ("Good afternoon, comrade A", "Dear Mr B") rather than one only spoken of
    greeted = [(j, m) for j, m in found if _greeted(sentences[j].text[: m.start], m)]
    if greeted or found:
        j, m = (greeted or found)[0]
        meet.participants.append(m.person)
        meet.cite(j, "participants")
        meet.open = False


def _greeted(before: str, m) -> bool:
    """The mention is greeted by name ("Good afternoon, comrade A"), not spoken of by the title that stands
    before a style ("greetings to the President of X, comrade B")."""
    v = _VOCATIVE.search(before)
    title = m.title.strip(" ,")
    return bool(v) and not (title and before[: v.start()].rstrip(" ,").endswith(title))


# a transcript's speaker line: "A. Surname: ..."
_SPEAKER_LINE = re.compile(r"\s*(?:[A-Z][\w.'-]*\s+){0,3}[A-Z][\w.'-]*\s*:\s+")
_FRIEND_AFTER = re.compile(r",\s+(?:my\s+)?(?:dear|good|old)\s+(?:friend|colleague|comrade)", re.I)


def _greeting(text: str, mentions, country_of) -> list[str] | None:
    """A speaker of a transcript greeting one of another country by name ("B. Name: Dear Mr. C, my dear
    friend!"): the two met."""
    line = _SPEAKER_LINE.match(text)
    named = [m for m in mentions if m.kind in {"name", "short"}]
    if not line or not named or named[0].start != 0 or named[0].end > line.end():
        return None
    speaker = named[0].person
    for m in named[1:]:
        if m.person == speaker or country_of(m.person) in {None, country_of(speaker)}:
            continue
        if _VOCATIVE.search(text[: m.start]) or _FRIEND_AFTER.match(text, m.end):
            return [speaker, m.person]
    return None


# a meeting named by the two sides' family names: "the Kiprono-Tesfaye meeting", "the A-B phone call"
_NAME_PAIR = re.compile(
    r"\b((?-i:[A-Z])[\w'.]+)[-\u2013]((?-i:[A-Z])[\w'.]+)\s+(?:(?:summit|bilateral|official|phone|telephone)\s+)?"
    r"(?:meeting|talks|summit|call|conversation|encounter)\b",
    re.I,
)


def _name_pair(text: str, people, country_of) -> list[str] | None:
    """Two people named before, of different countries, whose family names name a meeting ("The
    Kiprono-Tesfaye meeting lasted three hours"): the two met. Country pairs ("the Kenya-Ethiopia talks")
    name no one."""
    m = _NAME_PAIR.search(text)
    if m is None:
        return None
    pair = [_named_before(people, w) for w in m.groups()]
    if None in pair or pair[0] == pair[1]:
        return None
    codes = [country_of(k) for k in pair]
    return pair if None not in codes and codes[0] != codes[1] else None


def _named_before(people, word: str) -> str | None:
    """The one person already named whose first or last name is ``word``."""
    scored = [(single_matches(word, p.forms), p.key) for p in people.persons if not p.history]
    best = [k for sc, k in scored if sc == 2]
    return best[0] if len(best) == 1 else None


# what two leaders named together as one subject do when they meet: "A and B today discussed ..."
_JOINT_VERB = re.compile(
    r"(?:\s*\([^)]*\))?,?\s+(?:(?:today|yesterday|also|jointly|on\s+[A-Z]\w+)\s+)?"
    r"(?:discussed|exchanged\s+views|reviewed|agreed)\b"
)


def _joint_subject(text: str, mentions, country_of) -> list[str] | None:
    """Two of different countries named together as a sentence's subject of talks ("Speaker A and Head of
    the Y Parliament B today discussed ways to ..."): the two met. The first named opens the sentence (after
    a dateline), the second follows "and" with no verb between."""
    named = [m for m in mentions if m.kind == "name"]
    if len(named) < 2:
        return None
    a, b = named[0], named[1]
    between = text[a.end : b.start]
    if (
        a.person == b.person
        or not re.match(r"\s+and\s", between)
        or re.search(r"[,;]|\b(?:who|said|says)\b", between)
    ):
        return None
    if not _JOINT_VERB.match(text, b.end):
        return None
    codes = [country_of(a.person), country_of(b.person)]
    if codes == [None, None] or codes[0] == codes[1]:
        return None  # one of a country the text leaves unsaid may be of the other side
    return [a.person, b.person]


_VOCATIVE = re.compile(
    r"(?:^|[,:]\s*|\b[Dd]ear\s+)(?:[Cc]omrade|Mr\.?|Mrs\.?|Ms\.?|Madam|[Dd]ear|Your\s+Excellency)\s+$"
)


def _close(meet: Meet, idx: int, sentences, people, country_of) -> None:
    """A meeting with one named side ("At talks in Moscow, Minister Hùng thanked...") takes the next
    person of another country named within the next two sentences."""
    if meet.participants:
        mine = country_of(meet.participants[0])
        for j in range(idx + 1, min(idx + 3, len(sentences))):
            for m in people.info[j].mentions:
                c = country_of(m.person)
                if m.person not in meet.participants and c and c != mine and not people.get(m.person).history:
                    meet.participants.append(m.person)
                    meet.cite(j, "participants")
                    meet.open = False
                    break
            if not meet.open:
                break
