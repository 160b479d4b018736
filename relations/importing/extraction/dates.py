"""Dates in text ("August 7", "from August 4-10", "on Tuesday", "last month") and year inference."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from ..proposals import PartialDate

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
    "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
MONTH_PATTERN = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
)
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}

_M = MONTH_PATTERN
_WD = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_D = r"(\d{1,2})(?:st|nd|rd|th)?"
# what joins a range's ends: a hyphen, an en or em dash as typeset pages print it, or a word
_TO = r"(?:-|\u2013|\u2014|to|through|until|and)"
_Y = r"(?:,?\s+(\d{4}))?"
_PATTERNS = [
    # from 21 February through 3 March
    ("dmdm", re.compile(rf"\b{_D}\s+({_M})\.?\s*{_TO}\s*{_D}\s+({_M})\.?{_Y}")),
    # from February 21 to March 3
    ("mdmd", re.compile(rf"\b({_M})\.?\s+{_D}\s*{_TO}\s*({_M})\.?\s+{_D}{_Y}")),
    # August 4-10, 2019
    ("mdd", re.compile(rf"\b({_M})\.?\s+{_D}\s*{_TO}\s*{_D}\b{_Y}")),
    # 4-10 August 2019
    ("ddm", re.compile(rf"\b{_D}\s*{_TO}\s*{_D}\s+({_M})\b\.?{_Y}")),
    ("md", re.compile(rf"\b({_M})\.?\s+{_D}\b{_Y}")),
    ("dm", re.compile(rf"\b{_D}\s+({_M})\b\.?{_Y}")),
    # from one month to the next: "in late June and early July this year", "from March to May 2019"
    (
        "mm",
        re.compile(
            rf"\b(?:in|from|between|during)\s+(?:early\s+|mid-|late\s+)?({_M})\s+(?:and|to|through|until|-|\u2013)\s+"
            rf"(?:early\s+|mid-|late\s+)?({_M})\b(?:\s+(last|this|next)\s+year\b|,?\s+(\d{{4}}))?"
        ),
    ),
    # a month named against the article's year: "in June last year", "May this year", "last December"
    ("mrel", re.compile(rf"\b(?:early\s+|mid-|late\s+)?({_M})\s+(?:of\s+)?(last|this|next)\s+year\b")),
    ("mlast", re.compile(rf"\b[Ll]ast\s+({_M})\b(?!\s+\d)")),
    (
        "my",
        re.compile(
            rf"\b(?:in|since|from|of|until|by|In)\s+(?:early\s+|mid-|late\s+)?({_M})(?:\s+(\d{{4}}))?\b"
        ),
    ),
    # a year alone: "her visit to Lima in 2013" (not a span of years, "in 2019-2021")
    ("year", re.compile(r"\b[Ii]n\s+((?:19|20)\d\d)\b(?!\s*(?:-|\u2013|to\s)\s*\d)")),
    # days with no month, of the month the page is dated in: "from 3 to 5", "from the 12th to the 14th,"
    (
        "dd",
        re.compile(
            rf"\b[Ff]rom\s+(?:the\s+)?{_D}\s*(?:-|\u2013|to|until|till|through)\s*(?:the\s+)?{_D}\b"
            r"(?=\s*(?:[,;.)]|$)(?![,.]\d)|\s+(?:at|in|on|for|and|when|with|inclusive)\b(?!\s+\d))"
        ),
    ),
    # a visit's days by weekday: "from Monday to Wednesday"
    ("wdwd", re.compile(rf"\b[Ff]rom\s+({_WD})\s+(?:to|until|till|through)\s+({_WD})\b")),
    # two days running: "on Tuesday and Wednesday"
    ("wdand", re.compile(rf"\b({_WD})\s+and\s+({_WD})\b")),
    # a weekday alone, as wires write it after any word: "met NAME Monday", "in the capital Saturday"
    ("wd", re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")),
]
# a quantity that changes, whose numbers are no days: "rose from 3 to 5", "the number of ... from 3 to 5"
_QUANTITY_BEFORE = re.compile(
    r"\b(?:r[io]s(?:e|en|es|ing)|increas\w*|gr[eo]w\w*|f[ae]ll\w*|declin\w*|dropp?\w*|jump\w*|climb\w*|"
    r"rais\w*|cut|cuts|reduc\w*|expand\w*|doubl\w*|number|share|rate|ranks?|ranking|score|aged?|"
    r"percent|per\s+cent|points?|seats?|members|people|years?|hours?|grades?|levels?)\b[^.;]*$"
)
# days named after a weekday that are no date: "Good Friday", "Black Friday", "Super Tuesday"
_NAMED_DAY = re.compile(r"\b(?:Good|Black|Holy|Super|Cyber|Ash|Easter|Maundy|Palm|Bloody|Blue|Giving)\s+$")
# which groups of a range's pattern give its month, day, year, last month and last day
_RANGE_GROUPS = {
    "dmdm": (1, 0, 4, 3, 2), "mdmd": (0, 1, 4, 2, 3), "mdd": (0, 1, 3, 0, 2), "ddm": (2, 0, 3, 2, 1),
}  # fmt: skip
_RELATIVE = re.compile(
    r"\b(?P<rel>(?:earlier|later)\s+(?:the\s+)?same\s+day|the\s+same\s+day|earlier\s+in\s+the\s+day|today|"
    r"yesterday|last\s+month|last\s+year|the\s+past\s+year|next\s+year|this\s+year|next\s+month|"
    r"earlier\s+this\s+month|later\s+this\s+month|earlier\s+this\s+year|(?:earlier\s+|later\s+)?this\s+week|"
    r"last\s+week|this\s+(?:morning|afternoon|evening)|tonight|"
    r"the\s+day\s+before\s+yesterday|(?:\d{1,2}|two|three|four|five|six)\s+days\s+ago)\b",
    re.I,
)


@dataclass(slots=True)
class DateMention:
    start: int
    end: int
    kind: str  # day, range, month, year, weekday, relative
    month: int | None = None
    day: int | None = None
    year: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    weekday: int | None = None
    relative: str = ""
    end_weekday: int | None = None  # "from Monday to Wednesday"


def month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _int(value: str | None) -> int | None:
    return int(value) if value else None


def find_dates(text: str) -> list[DateMention]:
    """Date expressions in one sentence, left to right, without overlaps."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if not free(m.start(), m.end()):
                continue
            g = m.groups()
            if kind in _RANGE_GROUPS:
                mo, da, ye, end_mo, end_da = (g[i] for i in _RANGE_GROUPS[kind])
                d = DateMention(m.start(), m.end(), "range", month_number(mo), int(da), _int(ye),
                                month_number(end_mo), int(end_da))  # fmt: skip
            elif kind == "md":
                if g[0] == "May" and not re.match(r"\d", text[m.start(2) : m.start(2) + 1]):
                    continue
                d = DateMention(m.start(), m.end(), "day", month_number(g[0]), int(g[1]), _int(g[2]))
            elif kind == "dm":
                d = DateMention(m.start(), m.end(), "day", month_number(g[1]), int(g[0]), _int(g[2]))
            elif kind == "mm":
                rel = f"{g[2]} year" if g[2] else ""
                d = DateMention(m.start(), m.end(), "range", month_number(g[0]), None, _int(g[3]),
                                month_number(g[1]), None, relative=rel)  # fmt: skip
            elif kind == "mrel":
                d = DateMention(m.start(), m.end(), "month", month_number(g[0]), relative=f"{g[1]} year")
            elif kind == "mlast":
                d = DateMention(m.start(), m.end(), "month", month_number(g[0]), relative="last")
            elif kind == "my":
                if g[0] == "May" and not g[1] and not re.match(r"\s*(?:[.,;]|$)", text[m.end() :]):
                    continue  # "in May" ends a clause; "in May be" is no month
                d = DateMention(m.start(), m.end(), "month", month_number(g[0]), None, _int(g[1]))
            elif kind == "year":
                d = DateMention(m.start(), m.end(), "year", year=int(g[0]))
            elif kind in {"dd", "wdand"}:
                if (d := _days_without_a_month(kind, m, text)) is None:
                    continue
            elif kind == "wdwd":
                d = DateMention(m.start(), m.end(), "weekday", weekday=WEEKDAYS[g[0].lower()],
                                end_weekday=WEEKDAYS[g[1].lower()])  # fmt: skip
            else:
                if _NAMED_DAY.search(text, max(0, m.start() - 10), m.start()):
                    continue
                d = DateMention(m.start(), m.end(), "weekday", weekday=WEEKDAYS[g[0].lower()])
            if d.day is not None and not 1 <= d.day <= 31:
                continue
            found.append(d)
            taken.append((m.start(), m.end()))
    for m in _RELATIVE.finditer(text):
        if free(m.start(), m.end()):
            rel = " ".join(m.group("rel").lower().split())
            found.append(DateMention(m.start(), m.end(), "relative", relative=rel))
            taken.append((m.start(), m.end()))
    found.sort(key=lambda d: d.start)
    return found


def _days_without_a_month(kind: str, m: re.Match, text: str) -> DateMention | None:
    """Days a sentence names with no month: "from 3 to 5" (not a quantity: "rose from 3 to 5"), "on Tuesday
    and Wednesday" (two days running)."""
    g = m.groups()
    if kind == "dd":
        if int(g[0]) >= int(g[1]) or _QUANTITY_BEFORE.search(text, max(0, m.start() - 60), m.start()):
            return None
        return DateMention(m.start(), m.end(), "range", None, int(g[0]), None, None, int(g[1]))
    first, last = WEEKDAYS[g[0].lower()], WEEKDAYS[g[1].lower()]
    if (last - first) % 7 != 1:
        return None
    return DateMention(m.start(), m.end(), "weekday", weekday=first, end_weekday=last)


def safe_date(year: int | None, month: int | None = None, day: int | None = None) -> PartialDate | None:
    if year is None:
        return None
    try:
        return PartialDate(year, month, day if month else None)
    except ValueError:
        try:
            return PartialDate(year, month)
        except ValueError:
            return None


# a sentence about what is still to come: its weekday is the next one, not the last
FUTURE_TENSE = re.compile(
    r"\b(?:will|(?:is|are)\s+(?:set|scheduled|due|expected|going)\s+to|(?:is|are)\s+to|plans\s+to|"
    r"(?:is|are)\s+(?:due|expected)\s+in\s+(?=[A-Z]))\b",
    re.I,
)

# a journey told in the present with its day, as news tells a timetable: "leaves Tuesday for X", "arrives in X
# on Friday", "departs on Monday": the day is still to come
SCHEDULED_PRESENT = re.compile(
    r"(?:\b(?:leaves|departs|returns|flies|heads|arrives|travels)\b(?:\s+(?:for|to|in|from|home|back)\b[^,;.]{0,40}?)?"
    # a visit begun or ended in the present with its day: "begins a three-day visit to X on Sunday"
    r"|\b(?:begins|starts|kicks\s+off|wraps\s+up|winds\s+up|concludes|ends)\s+(?:his|her|their|an?|the)\s+"
    r"[^,;.]{0,60}?\b(?:visit|trip|tour)\b[^,;.]{0,40}?"
    # a visit lasting to a day: "that runs until Friday"
    r"|\b(?:runs|lasts|continues)\s+(?:until|till|through))"
    r"\s+(?:on\s+)?(?=(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
)


def resolve(
    mention: DateMention,
    year: int | None,
    ref: PartialDate | None,
    *,
    future: bool = False,
    nearest: bool = False,
) -> PartialDate | None:
    """The date (start of a range) a mention names, given the article's year and reference date; a weekday
    in a sentence about the future (``future``) is the next such day, and one read against a day that
    is not the page's own (``nearest``: a photo caption's) the nearest such day either side of it."""
    if mention.kind in {"month", "range"} and mention.relative:
        return _named_month(mention, ref)
    if mention.kind == "range" and mention.month is None and mention.day:
        return _day_of_the_page_s_month(mention.day, ref, future)
    if mention.kind in {"day", "range", "month"}:
        return _calendar_date(mention, year, ref)
    if mention.kind == "year":
        return PartialDate(mention.year)
    if mention.kind == "weekday":
        return _weekday_date(mention, ref, future=future, nearest=nearest)
    if mention.kind == "relative":
        return _relative_date(mention.relative, ref)
    return None


def _day_of_the_page_s_month(day: int, ref: PartialDate | None, future: bool) -> PartialDate | None:
    """A day named with no month ("from 3 to 5"): of the reference day's month, or of the next month when
    the day is to come and already past in it, or of the month before when it is past and still to come."""
    if ref is None or ref.precision != "day":
        return None
    month, year = ref.month, ref.year
    if future and day < ref.day:
        month, year = (month + 1, year) if month < 12 else (1, year + 1)
    elif not future and day > ref.day:
        month, year = (month - 1, year) if month > 1 else (12, year - 1)
    return safe_date(year, month, day)


def _calendar_date(mention: DateMention, year: int | None, ref: PartialDate | None) -> PartialDate | None:
    """The date a day, range or month names: in the year it writes, else the article's (a range's start
    in the year before when it runs over the new year; a month well after the reference's in the year
    before)."""
    y = mention.year or year
    if mention.kind == "range" and mention.year and mention.end_month and mention.month:
        y = mention.year - (1 if mention.month > mention.end_month else 0)
    elif not mention.year and ref and ref.month and mention.month:
        # a month well after the reference month belongs to the year before ("in December", written in
        # January)
        if mention.month - ref.month > 6:
            y = (year or ref.year) - 1
    return safe_date(y, mention.month, mention.day)


def _weekday_date(
    mention: DateMention, ref: PartialDate | None, *, future: bool, nearest: bool
) -> PartialDate | None:
    """The day a weekday names against a reference day: the last such day (the next when ``future``, the
    nearest either side when ``nearest``); none without a reference day."""
    if ref is None or ref.precision != "day":
        return None
    base = ref.as_date()
    if nearest and not future:
        return _nearest_weekday(base, mention.weekday)
    for back in range(0, 7):
        d = base + datetime.timedelta(days=back) if future else base - datetime.timedelta(days=back)
        if d.weekday() == mention.weekday:
            return PartialDate(d.year, d.month, d.day)
    return None


# relative words naming the reference day itself
_SAME_DAY = {
    "today", "the same day", "earlier the same day", "later the same day", "earlier in the day",
    "later same day", "earlier same day", "this morning", "this afternoon", "this evening", "tonight",
}  # fmt: skip


def _relative_date(rel: str, ref: PartialDate | None) -> PartialDate | None:
    """The date a relative word ("yesterday", "last month", "next year") names against the reference date."""
    if ref is None:
        return None
    if rel in _SAME_DAY:
        return ref
    if rel in _DAYS_OFF and ref.precision == "day":
        d = ref.as_date() + datetime.timedelta(days=_DAYS_OFF[rel])
        return PartialDate(d.year, d.month, d.day)
    if rel.endswith("days ago") and ref.precision == "day":
        n = rel.split()[0]
        d = ref.as_date() - datetime.timedelta(days=int(n) if n.isdigit() else _NUMBER_WORDS[n])
        return PartialDate(d.year, d.month, d.day)
    if rel.endswith("week") and ref.precision == "day":
        return _week_of(ref.as_date() + datetime.timedelta(weeks=_WEEKS_OFF.get(rel.split()[0], 0)))
    if rel == "last month" and ref.month:
        m, y = (ref.month - 1, ref.year) if ref.month > 1 else (12, ref.year - 1)
        return PartialDate(y, m)
    if rel in {"last year", "the past year"}:
        return PartialDate(ref.year - 1)
    if rel in {"this year", "earlier this year"}:
        return PartialDate(ref.year)
    if rel in {"earlier this month", "later this month"} and ref.month:
        return PartialDate(ref.year, ref.month)
    if rel == "next year":
        return PartialDate(ref.year + 1)
    if rel == "next month" and ref.month:
        m, y = (ref.month + 1, ref.year) if ref.month < 12 else (1, ref.year + 1)
        return PartialDate(y, m)
    return None


# relative words naming a day a number of days from the reference day, and a week a number of weeks from its
_DAYS_OFF = {"yesterday": -1, "the day before yesterday": -2}
_WEEKS_OFF = {"last": -1}
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _week_of(day: datetime.date) -> PartialDate:
    """The week (Monday to Sunday) of ``day`` as precisely as a date can hold it: its month, or its year
    when it runs over the end of a month, or neither when over the end of a year."""
    monday = day - datetime.timedelta(days=day.weekday())
    sunday = monday + datetime.timedelta(days=6)
    if (monday.year, monday.month) == (sunday.year, sunday.month):
        return PartialDate(monday.year, monday.month)
    return PartialDate(monday.year) if monday.year == sunday.year else None


def _nearest_weekday(base: datetime.date, weekday: int | None) -> PartialDate:
    """The day of ``weekday`` nearest ``base``, the earlier of two as near."""
    after = (weekday - base.weekday()) % 7
    shift = after if after < 7 - after else after - 7
    d = base + datetime.timedelta(days=shift)
    return PartialDate(d.year, d.month, d.day)


def _named_month(mention: DateMention, ref: PartialDate | None) -> PartialDate | None:
    """A month the text places against the reference date: "June last year" is in the year before the
    reference's, "last December" is the latest December before the reference's month."""
    if ref is None:
        return None
    shift = {"last year": -1, "this year": 0, "next year": 1}.get(mention.relative)
    if shift is not None:
        return safe_date(ref.year + shift, mention.month)
    if ref.month is None:
        return None
    return safe_date(ref.year - (0 if mention.month < ref.month else 1), mention.month)


def range_end(mention: DateMention, start: PartialDate | None) -> PartialDate | None:
    if mention.end_weekday is not None and start is not None and start.precision == "day":
        last = start.as_date() + datetime.timedelta(
            days=(mention.end_weekday - start.as_date().weekday()) % 7
        )
        return PartialDate(last.year, last.month, last.day)
    if mention.kind != "range" or start is None:
        return None
    if mention.end_month is None and mention.end_day and start.precision == "day":
        # "from 3 to 5": the last day in the first day's month (or the next, "from 28 to 2")
        nxt = start.month + (1 if mention.end_day < start.day else 0)
        return safe_date(start.year + (nxt > 12), (nxt - 1) % 12 + 1, mention.end_day)
    y = start.year + (1 if mention.end_month and mention.month and mention.end_month < mention.month else 0)
    return safe_date(y, mention.end_month, mention.end_day)


# ---------------------------------------------------------------- year inference

_YEAR = re.compile(r"(?<![\d$.,-])(19[5-9]\d|20[0-4]\d)(?![\d%])")
_LATEST_YEAR = 2049  # the last year _YEAR reads
_PERIOD = re.compile(
    r"\b(?:for|in|during|over|of)\s+(?:the\s+)?(?:period\s+)?(?:of\s+)?(20\d\d|19\d\d)\s*-\s*(20\d\d|19\d\d|\d\d)\b"
)
_FIRST_MONTHS = re.compile(
    r"\b(?:first|last)\s+(?:\w+\s+){0,2}(?:months?|quarters?|half|weeks?)\s+of\s+(?:this\s+year\s*\(?)?(\d{4})",
    re.I,
)
_FISCAL = re.compile(r"\bfiscal\s+(?:year\s+)?(\d{4})\s*-\s*(\d{2,4})\b", re.I)
_SINCE = re.compile(r"\bsince\s+(?:early\s+|late\s+|mid-)?(?:" + MONTH_PATTERN + r"\s+)?(\d{4})\b")
_FUTURE = re.compile(
    r"\b(will|would|shall|scheduled|plans?|planned|planning|expected|expects|to be held|to take place|"
    r"next|upcoming|coming|suggested|proposed|propose|target|aims?|aiming|hopes?|going to|"
    r"is to|are to|set for|"
    r"invited|invitation|prepare|preparing|ahead)\b",
    re.I,
)
_PAST_STAT = re.compile(
    r"\b(reached|hit|totall?ed|stood at|amounted|grew|rose|increased?|increase|fell|exceeded|was|were|had|"
    r"recorded|welcomed|noted|turnover|trade)\b",
    re.I,
)
_SIGN_WORDS = re.compile(r"\bsign(?:ed|ing)?\b|\binked\b|\bconclude", re.I)
_DRAFT_WORDS = re.compile(
    r"\bdraft|under consideration|under review|being reviewed|negotiat|propos|suggest", re.I
)
# a plan or programme being carried out: the article is written within its years
_UNDER_WAY = re.compile(r"\bimplement(?:s|ing|ation)?\b|\bunder\s+way\b|\bunderway\b|\bin\s+progress\b", re.I)
_EXPIRES = re.compile(r"\bexpir\w*\s+(?:at\s+)?the\s+end\s+of\s+this\s+year|\bends?\s+this\s+year", re.I)

# Well-known anchors for "the Nth anniversary of ...": years of diplomatic relations of Vietnam and of
# Russia with some partners, and a few historic events often commemorated.
DIPLOMATIC_RELATIONS: dict[frozenset[str], int] = {
    frozenset({"VN", "RU"}): 1950, frozenset({"VN", "CN"}): 1950, frozenset({"VN", "LA"}): 1962,
    frozenset({"VN", "KH"}): 1967, frozenset({"VN", "CU"}): 1960, frozenset({"VN", "JP"}): 1973,
    frozenset({"VN", "IN"}): 1972, frozenset({"VN", "KR"}): 1992, frozenset({"VN", "US"}): 1995,
    frozenset({"VN", "FR"}): 1973, frozenset({"VN", "DE"}): 1975, frozenset({"VN", "GB"}): 1973,
    frozenset({"VN", "AU"}): 1973, frozenset({"VN", "SG"}): 1973, frozenset({"VN", "TH"}): 1976,
    frozenset({"VN", "ID"}): 1955, frozenset({"VN", "MY"}): 1973, frozenset({"VN", "PH"}): 1976,
    frozenset({"VN", "MM"}): 1975, frozenset({"VN", "KZ"}): 1992, frozenset({"VN", "BY"}): 1992,
    frozenset({"VN", "UA"}): 1992, frozenset({"VN", "EG"}): 1963, frozenset({"VN", "IT"}): 1973,
    frozenset({"VN", "CA"}): 1973, frozenset({"VN", "MN"}): 1954, frozenset({"VN", "KP"}): 1950,
    frozenset({"VN", "PL"}): 1950, frozenset({"VN", "CZ"}): 1950, frozenset({"VN", "HU"}): 1950,
    frozenset({"VN", "BG"}): 1950, frozenset({"VN", "RO"}): 1950, frozenset({"VN", "DZ"}): 1962,
    frozenset({"RU", "CN"}): 1949, frozenset({"RU", "IN"}): 1947, frozenset({"RU", "JP"}): 1956,
    frozenset({"RU", "KZ"}): 1992, frozenset({"RU", "EG"}): 1943, frozenset({"RU", "LA"}): 1960,
    frozenset({"RU", "US"}): 1933,
}  # fmt: skip
EVENTS: list[tuple[re.Pattern[str], int]] = [
    (re.compile(r"October Revolution", re.I), 1917),
    (re.compile(r"victory (?:over|in) (?:fascism|the Great Patriotic War)|Great Patriotic War", re.I), 1945),
    (re.compile(r"Communist Party of Vi[eệ]t ?Nam|CPV", re.I), 1930),
]


@dataclass(slots=True)
class YearVote:
    lo: int
    hi: int
    weight: float
    strong: bool = False
    why: str = ""
    named: int | None = None  # the year the text writes, when the vote stands for one


# what an anniversary of the two countries' relations names: "of diplomatic relations", "of the ties"; a
# name in capitals is some other body's ("the Andean-Nordic Partnership Relations")
_OF_RELATIONS = re.compile(r"\b[Dd]iplomatic\b|\b(?:relations|ties)\b")
# an anniversary of a document, which has its own year: "of the Treaty on Friendly Relations"
_OF_A_DOCUMENT = re.compile(
    r"\s*(?:the\s+)?(?:signing\s+of\s+(?:the\s+)?)?(?:Treaty|Agreement|Declaration|Convention|Memorandum|Charter)\b",
    re.I,
)


def _anniversary_votes(sentence: str, pair: frozenset[str] | None) -> list[YearVote]:
    votes = []
    for m in re.finditer(
        r"\b(\d{1,3})(?:st|nd|rd|th)\s+anniversary\s+of\b(?P<rest>[^.;]{0,160})", sentence, re.I
    ):
        n = int(m.group(1))
        rest = m.group("rest")
        anchor = None
        y = _YEAR.search(rest)
        if y:
            anchor = int(y.group(1))
            if anchor + n > _LATEST_YEAR:  # "the 70th anniversary of ties in 2020": the year it falls in
                anchor -= n
        elif _OF_RELATIONS.search(rest) and not _OF_A_DOCUMENT.match(rest) and pair:
            anchor = DIPLOMATIC_RELATIONS.get(pair)
        else:
            for pattern, year in EVENTS:
                if pattern.search(rest):
                    anchor = year
                    break
        if anchor is None:
            continue
        a = anchor + n
        around = sentence[max(0, m.start() - 120) : m.end() + 80].lower()
        if re.search(r"\ba year after\b|\blast year\b|\bthe previous year\b", around):
            votes.append(YearVote(a + 1, a + 1, 2, True, "anniversary last year"))
        elif "next year" in around:
            votes.append(YearVote(a - 1, a - 1, 2, True, "anniversary next year"))
        elif re.search(r"this year|marking|marked|mark|celebrat|in the year of|falls", around):
            if re.search(r"\bwill\b|prepare|preparing|upcoming|coming|scheduled|\bplan", around) and (
                "this year" not in around
            ):
                votes.append(YearVote(a - 1, a, 1.5, False, "anniversary ahead"))
            else:
                votes.append(YearVote(a, a, 2, True, "anniversary this year"))
        else:
            votes.append(YearVote(a - 1, a, 1, False, "anniversary"))
    return votes


_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_NUMBER_WORD = (
    r"(?:(?:"
    + "|".join(_TENS)
    + r")(?:[- ](?:"
    + "|".join(_UNITS[1:10])
    + r"))?|"
    + "|".join(reversed(_UNITS[1:]))
    + r"|a|one)"
)


def number_of(word: str) -> int | None:
    """The number a figure or a word writes: "70", "seventy", "seventy-five", "a"."""
    word = word.lower().replace(" ", "-")
    if word.isdigit():
        return int(word)
    if word == "a":
        return 1
    tens, _, unit = word.partition("-")
    if tens in _TENS and (not unit or unit in _UNITS[1:10]):
        return 20 + 10 * _TENS.index(tens) + (_UNITS.index(unit) if unit else 0)
    return _UNITS.index(word) if word in _UNITS else None


# "Forty years ago, on 3 May 1981, ...", "in 1981, 40 years ago": the year then, and so the year now
_YEARS_AGO = re.compile(rf"\b(\d{{1,3}}|{_NUMBER_WORD})\s+years?\s+ago\b", re.I)


def _years_ago_votes(sentence: str) -> list[YearVote]:
    votes = []
    for m in _YEARS_AGO.finditer(sentence):
        n = number_of(m.group(1))
        near = _YEAR.search(sentence, m.end(), m.end() + 40)
        if near is None:
            before = list(_YEAR.finditer(sentence, max(0, m.start() - 40), m.start()))
            near = before[-1] if before else None
        if n and near:
            y = int(near.group(1)) + n
            votes.append(YearVote(y, y, 3, True, "years ago"))
    return votes


# the year a figure of last year is measured against: "9 percent more than that of 2011", "compared with
# 2011", "grew to 7 billion last year from 3 billion in 2006"
_LAST_YEAR = re.compile(r"\blast\s+year\b", re.I)
_OVER_BASE = re.compile(
    r"\b(?:over|compared\s+(?:with|to)|than)\s+(?:(?:that|those)\s+(?:of|in)\s+|in\s+)?$", re.I
)
_FROM_BASE = re.compile(r"\bfrom\s+(?:[^,.;]|[.,]\d){0,40}?\bin\s+$", re.I)


def _base_of_last_year(sentence: str, year: re.Match[str]) -> YearVote | None:
    """A year a figure of "last year" is compared against lies before last year: the year after it
    (year on year) or some years after it (from a base further back) is last year."""
    if not _LAST_YEAR.search(sentence):
        return None
    y = int(year.group(1))
    before = sentence[max(0, year.start() - 60) : year.start()]
    if _OVER_BASE.search(before):
        return YearVote(y + 2, y + 2, 1.5, False, "base of last year's figure")
    if _FROM_BASE.search(before):
        return YearVote(y + 2, y + 7, 0.5, False, "earlier base of last year's figure")
    return None


def _period_votes(s: str) -> list[YearVote]:
    """The article's year from a span of years the sentence names: a document's that expires this year, a
    draft's, a signed one's, one being carried out."""
    votes: list[YearVote] = []
    for m in _PERIOD.finditer(s):
        a = int(m.group(1))
        b_raw = m.group(2)
        b = int(b_raw) if len(b_raw) == 4 else int(m.group(1)[:2] + b_raw)
        if b < a:
            continue
        around = s[max(0, m.start() - 200) : m.end() + 80]
        if _EXPIRES.search(s[m.end() : m.end() + 80]):
            votes.append(YearVote(b, b, 3, True, "period expires this year"))
        elif _DRAFT_WORDS.search(around) and not re.search(r"\bsigned\b", around):
            votes.append(YearVote(a - 2, a, 1, False, "period of a draft"))
        elif _SIGN_WORDS.search(around):
            votes.append(YearVote(a - 1, a, 2, True, "period of a signed document"))
        elif _UNDER_WAY.search(around):
            votes.append(YearVote(a, b, 1, False, "period under way"))
    return votes


_LEAD_SENTENCES = 5  # the title and the story's first sentences, where its news is told
# an event named with its year: "the Lakeside Trade Forum 2016", "at LTF 2016", "the Harbour Summit 2019"
_EVENT_YEAR = re.compile(
    r"(?:\b[A-Z][\w'-]*\s+){0,4}\b(?:Forum|Summit|Conference|Congress|Expo|Games|Cup|Dialogue|Week|Festival|"
    r"Fair|Exhibition|Olympics|Meeting|Assembly|Show|Session|[A-Z][A-Z\d]{1,5})\s+$"
)


def _event_of_the_year(sentence: str, year: re.Match[str], lead: bool) -> bool:
    """Whether the title or the lead names its event with the year ("the Lakeside Forum 2016"): the news
    is that year's event; further down, such a name may recall an earlier one, and a page's copyright
    line gives the year it was saved rather than written."""
    before = sentence[max(0, year.start() - 60) : year.start()]
    return (
        lead
        and bool(_EVENT_YEAR.search(before))
        and not re.search(r"copyright|\u00a9", before, re.I)
        and not re.match(r"\s*(?:-|\u2013|to\b)", sentence[year.end() :])
    )


# the figures of eleven months or more come out in the year's last weeks or early the next
_LATE_MONTHS = re.compile(r"(?:first|last)\s+(?:11|eleven|12|twelve)\s+months", re.I)


def year_votes(sentences: list[str], pair: frozenset[str] | None) -> list[YearVote]:
    """Evidence about the article's year, from the text's own years and anniversaries."""
    votes: list[YearVote] = []
    for position, s in enumerate(sentences):
        votes.extend(_first_months_votes(s))
        votes.extend(_fiscal_votes(s))
        votes.extend(_period_votes(s))
        votes.extend(_since_votes(s))
        votes.extend(_anniversary_votes(s, pair))
        votes.extend(_years_ago_votes(s))
        votes.extend(_explicit_date_votes(s, lead=position < 3))
        votes.extend(_named_year_votes(s, lead=position < _LEAD_SENTENCES))
    return votes


def _first_months_votes(s: str) -> list[YearVote]:
    """The year whose first (or last) months the sentence gives figures for; eleven or twelve months' may
    come out early the next."""
    votes: list[YearVote] = []
    for m in _FIRST_MONTHS.finditer(s):
        y = int(m.group(1))
        late = _LATE_MONTHS.match(m.group(0))
        votes.append(YearVote(y, y + 1 if late else y, 3, True, "first months of"))
    return votes


def _fiscal_votes(s: str) -> list[YearVote]:
    """A fiscal year's end year, or the year after it."""
    votes: list[YearVote] = []
    for m in _FISCAL.finditer(s):
        end = m.group(2)
        y = int(end) if len(end) == 4 else int(m.group(1)[:2] + end)
        votes.append(YearVote(y, y + 1, 1.5, False, "fiscal year"))
    return votes


def _since_votes(s: str) -> list[YearVote]:
    """A year "since" which something holds lies before the article's."""
    return [YearVote(int(m.group(1)) + 1, 2100, 0.5, False, "since") for m in _SINCE.finditer(s)]


def _explicit_date_votes(s: str, lead: bool) -> list[YearVote]:
    """An event date written with its year ("October 13-16, 2008", "on 12 March 2013") names the year,
    strongly in the first sentences; a past month with its year ("in July 2012") places the article in
    it or soon after."""
    votes: list[YearVote] = []
    for d in find_dates(s):
        if d.year and d.year >= 1990 and d.month and d.day and d.kind in {"day", "range"}:
            votes.append(YearVote(d.year, d.year, 3 if lead else 1.5, True, "explicit date"))
        elif d.year and d.year >= 1990 and d.month and d.kind == "month" and not _FUTURE.search(s):
            votes.append(YearVote(d.year, d.year + 2, 0.5, False, "dated past month"))
    return votes


def _named_year_votes(s: str, lead: bool) -> list[YearVote]:
    """The votes of the years the sentence writes on their own ("in 2026", "this year 2019", "APEC 2017")."""
    votes: list[YearVote] = []
    for m in _YEAR.finditer(s):
        before = s[max(0, m.start() - 60) : m.start()]
        if _read_elsewhere(s, m, before):
            continue
        vote = _named_year_vote(s, m, before, lead)
        if vote is not None:
            votes.append(vote)
    return votes


def _read_elsewhere(s: str, m: re.Match[str], before: str) -> bool:
    """Whether a year is part of what another rule reads (a span, an anniversary, "since", a fiscal year,
    "months of") and so gives no vote of its own."""
    if re.search(r"\d\s*-\s*$|anniversary|\bsince\s+$|fiscal\s+$|months of\s+$", before, re.I):
        return True
    return bool(re.match(r"\s*-\s*\d", s[m.end() : m.end() + 4]))


def _named_year_vote(s: str, m: re.Match[str], before: str, lead: bool) -> YearVote | None:
    """The vote of one year the sentence writes, by what the words before it make of it."""
    y = int(m.group(1))
    if re.search(r"\b(?:by|before|ahead\s+of)\s+$", before) and _FUTURE.search(s):
        # a target year ("by 2030", "well ahead of 2025") lies some years after the article
        return YearVote(y - 7, y - 1, 0.5, False, "target year")
    if re.search(r"\b(?:the|this)\s+year\s+$", before, re.I):
        return YearVote(y, y, 3, True, "the year named")
    if _event_of_the_year(s, m, lead=lead):
        return YearVote(y, y, 1, False, "event of the year", y)
    if _FUTURE.search(s) and re.search(
        # "in 2026", "by the end of 2025", "in November 2017" (a month still to come)
        rf"\b(in|by|of|for|before the end of|until)\s+(the\s+\w+\s+of\s+)?(?:{MONTH_PATTERN}\s+)?$",
        before,
    ):
        return YearVote(y - 2, y, 0.75, False, "future year", y)
    if base := _base_of_last_year(s, m):
        return base
    if re.search(
        r"\b(trade|turnover|export|import|investment|figure|tourists|visitors)\b", s, re.I
    ) and re.search(r"\b(in|of|for)\s+$", before):
        return YearVote(y + 1, y + 1, 1.5, False, "full-year statistic")
    if _PAST_STAT.search(s) and re.search(r"\b(in|of)\s+$", before):
        return YearVote(y, y + 3, 0.5, False, "past year")
    if 1990 <= y <= 2039:
        return _year_named(s, m, before, y)
    return None


def _year_named(s: str, m: re.Match[str], before: str, y: int) -> YearVote:
    """Any other year the text names: the article is near it (decides only with a weekday); a past month's
    year ("in July 2010") or a span's ("the 2010 to 2015 government") is no year the article is written in
    more than the years after it."""
    spans = re.search(rf"{MONTH_PATTERN}\.?\s+$|\d{{4}}\s+to\s+$", before) or re.match(
        r"\s+to\s+\d{4}", s[m.end() :]
    )
    return YearVote(y - 1, y + 1, 0.2, False, "year named", None if spans else y)


def best_year(votes: list[YearVote], weekday_check=None) -> tuple[int | None, float, bool]:
    """The best-supported year: (year, its score, whether strong evidence backs it)."""
    if not votes:
        return None, 0.0, False
    candidates = set()
    for v in votes:
        if v.hi - v.lo <= 6:
            candidates.update(range(v.lo, v.hi + 1))
    if weekday_check is not None:
        # a weekday with the dateline's day narrows the year to a few candidates
        candidates.update(y for y in range(1990, 2036) if weekday_check(y))
    if not candidates:
        return None, 0.0, False
    scored = []
    for y in sorted(candidates):
        score = sum(v.weight for v in votes if v.lo <= y <= v.hi)
        strong = any(v.strong and v.lo <= y <= v.hi for v in votes)
        bonus = 0.6 if weekday_check and weekday_check(y) else 0.0
        # between years equally supported, the one the text names itself ("APEC 2017" thrice) rather than
        # one a named year only allows
        named = sum(v.weight for v in votes if v.named == y)
        scored.append((score + bonus, strong, named, y))
    scored.sort(key=lambda t: (t[0], t[1], t[2], -abs(t[3] - 2020)), reverse=True)
    top = scored[0]
    if top[0] < 0.75:
        return None, top[0], False
    return top[3], top[0], top[1]
