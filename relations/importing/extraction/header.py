"""The head of an article: a ``date YYYY-MM-DD`` header, a title line, a photo caption, a dateline."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from .countries import country_by_name, is_city, place_countries
from .dates import MONTH_PATTERN, month_number
from .text import AGENCIES, paragraphs

_HEADER = re.compile(r"^[\s\ufeff]*date\s+(\d{4})-(\d{2})-(\d{2})\b[ \t]*")
_CAPTION = re.compile(
    r"\((?:Photo|Source|Image)\b|\((?:R|L|right|left|centre|center)\)"
    # a credit after a colon: "... on Wednesday. Image: Jane Roe/AP"
    r"|(?:^|[.!?]\s+)(?:Photo|Image|Picture)(?:\s+credit)?\s*:\s*\S",
    re.I,
)
_CREDIT = re.compile(r"\((?:Photo|Source|Image)\b[^)\n]*\)", re.I)
_STORY_LENGTH = 100  # characters after a photo credit that make the rest of its line the story
_PLACE = r"[A-ZÀ-Ỹ][\w'.]*(?:[ -][A-ZÀ-Ỹa-zà-ỹ][\w'.]*){0,3}"
_DATELINE = re.compile(
    rf"^(?P<place>{_PLACE}(?:,\s*(?!{MONTH_PATTERN}\b){_PLACE})?)"
    rf"(?:,\s*(?:(?P<month>{MONTH_PATTERN})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month2>{MONTH_PATTERN})\b\.?)(?:,?\s*(?P<year>\d{{4}}))?)?"
    rf"\.?\s*(?P<tag>\((?:{AGENCIES})\)|/(?:{AGENCIES})/\.?|,\s*(?:{AGENCIES})(?:\s+News)?(?:\s+Agency)?\.(?=\s))?"
    # an agency the list does not know, in brackets after a date: "(Northwire)", "(NWA)"
    r"(?P<bracket>\s*\([A-Z][A-Za-z.&' -]{1,30}\)(?=\s|-))?"
    rf"\s*(?P<dash>[-\u2013\u2014]{{1,2}}|:(?=\s|[A-ZÀ-Ỹ]))?\s*"
)


@dataclass(slots=True)
class Header:
    header_date: datetime.date | None = None
    header_span: tuple[int, int] | None = None
    title: str = ""
    title_span: tuple[int, int] | None = None
    caption_spans: tuple[tuple[int, int], ...] = ()
    dateline_place: str = ""
    dateline_venue: str = ""  # a stamp's venue before its city: "The Kremlin" of "..., The Kremlin, Moscow"
    dateline_country: str | None = None  # the country a dateline names after its place: "BALI, Indonesia"
    dateline_month: int | None = None
    dateline_day: int | None = None
    dateline_year: int | None = None
    dateline_span: tuple[int, int] | None = None
    body_start: int = 0


def parse_header_date(text: str) -> tuple[datetime.date | None, int]:
    m = _HEADER.match(text)
    if not m:
        return None, 0
    try:
        return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3))), m.end()
    except ValueError:
        return None, m.end()


def match_dateline(line: str, relaxed: bool = False) -> re.Match[str] | None:
    """A dateline at the start of ``line``: "MOSCOW, April 6, 2012 (VNA) -", "HÀ NỘI -", "Đà Nẵng (VNA) -".

    ``relaxed`` also reads a dated one that ends with an agency the list does not know ("(Northwire)"), with
    an agency's name after a comma ("..., 2021, Kyodo News.") or with a colon ("Jakarta, May 4: ...")."""
    m = _DATELINE.match(line)
    if not m:
        return None
    place = m.group("place")
    has_date = bool(m.group("month") or m.group("month2"))
    relaxed = relaxed and has_date
    has_tag = bool(m.group("tag")) and (relaxed or not m.group("tag").startswith(","))
    if m.group("bracket"):
        if not relaxed:
            return None
        has_tag = True
    if not (m.group("dash") or has_tag):
        return None
    all_caps = _capitals(place) or _capital_city_of_country(place)
    # "Jakarta: ...", "Nairobi — ...": a well-known city in title case opening the story
    city_colon = bool(m.group("dash")) and place.istitle() and is_city(place.split(",")[0])
    if m.group("dash") == ":" and not (
        (not has_date and ((all_caps and place_countries(place.split(",")[0].title())) or city_colon))
        or (relaxed and is_city(place.split(",")[0].title()))
    ):
        # "NEW DELHI: ..." and "Jakarta: ..." are datelines; "UPDATE: ...", "Note: ...", "Russia: ..." are not
        return None
    if not (has_date or has_tag or all_caps or city_colon):
        return None
    if len(place.split()) > 6:
        return None
    return m


def _capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _capital_city_of_country(place: str) -> bool:
    """ "NAYPYITAW, Myanmar -": a city in capitals followed by its country's name in title case."""
    city, _, country = place.partition(",")
    return _capitals(city) and bool(country_by_name(country.strip()))


# a clock time after a date, with its half of the day and its zone: "18:32 MYT", "05:02 PM", "10:15 GMT+7"
_TIME = (
    r"\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{2,4})?(?:\s*[+-]\d{1,2}(?::?\d{2})?)?"
)
_DATE_LINE = re.compile(
    r"^(?:(?:[A-Za-z][\w .:|/-]{0,40}?[:|]|/*[\w-]+(?:\.[\w-]+)+)\s*)?"
    r"(?:(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})|(?P<d2>\d{1,2})[./](?P<m2>\d{1,2})[./](?P<y2>\d{4}))"
    rf"(?:[ T,]+{_TIME})?[\s|]*$",
)


def _date_line(line: str) -> datetime.date | None:
    """A short line that only gives a publication date: "Source: Xinhua | 2024-11-03 20:15:42"."""
    m = _DATE_LINE.match(line.strip()) if len(line) < 90 else None
    if not m:
        return None
    y, mo, d = (
        (m.group("y"), m.group("m"), m.group("d"))
        if m.group("y")
        else (m.group("y2"), m.group("m2"), m.group("d2"))
    )
    if not m.group("y") and int(mo) > 12 >= int(d):
        mo, d = d, mo  # "09/21/2021": a day past twelve puts the month first
    try:
        return datetime.date(int(y), int(mo), int(d))
    except ValueError:
        return None


# a publication stamp in the page's furniture: "7 May 2018", "Published March 24,2021",
# "March 17, 2022 19:11", "Updated: 12 June 2019, 10:15 GMT"
_STAMP_LINE = re.compile(
    rf"^(?:(?:[A-Z][\w-]*\.?\s+){{0,2}}(?:Published|Updated|Posted|Last\s+updated)?(?:\s+on)?:?\s*)?"
    # an agency in brackets and the time before the date: "(Xinhua) 18:26, October 23, 2013"
    rf"(?:\([A-Z][\w .-]*\)\s*)?(?:{_TIME},?\s+)?"
    # a weekday glued to the date: "Wed,Oct 23,2013"
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,\s*)?"
    rf"(?:(?P<m>{MONTH_PATTERN})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s*(?P<y>\d{{4}})"
    # "11 november / 2017": a page that writes the month in small letters and sets the year apart
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>(?i:{MONTH_PATTERN}))\.?,?\s+(?:/\s+)?(?P<y2>\d{{4}})"
    rf"|(?P<y3>\d{{4}})\s+(?P<m3>{MONTH_PATTERN})\.?\s+(?P<d3>\d{{1,2}}))"
    rf"(?:[ T,|-]+{_TIME})?\.?\s*$"
)
# the same stamp opening a paragraph after an agency's name: "NEWS-AGENCY. October 28, 2009. The two ..."
_STAMP_LEAD = re.compile(
    rf"^[A-Z][A-Z-]{{2,}}(?:\s+[A-Z][A-Z-]+){{0,2}}\.?\s+(?P<m>{MONTH_PATTERN})\.?\s+(?P<d>\d{{1,2}}),\s*"
    r"(?P<y>\d{4})\.\s"
)


# a transcript's date and place on a line of their own: "May 10, 2025, The Kremlin, Moscow"
_STAMP_PLACE = re.compile(
    # a weekday before and a clock time after: "Monday, May 10, 2025, 6:40 p.m. Lakeside, Ruritania"
    r"^(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+)?"
    rf"(?P<m>{MONTH_PATTERN})\.?\s+(?P<d>\d{{1,2}}),\s*(?P<y>\d{{4}}),\s+(?:{_TIME}\s+)?"
    r"(?P<place>(?:The\s+)?[A-ZÀ-Ỹ][\w'.-]*(?:(?:\s+|,\s+)(?:of\s+(?:the\s+)?)?[A-ZÀ-Ỹ][\w'.-]*){0,5})$"
)


# a byline or an "Updated" label with the date somewhere in it: "By Jane Roe | Updated: 3 March 2021, 10:15",
# "by NEWSDESK30 September 2019 Last updated at 08:09 AM" (a page that glues the date to the name)
_BYLINE_STAMP = re.compile(r"^(?:By|by)\s|\b(?:Published|Updated|Posted)\b")
_DATE_IN_LINE = re.compile(
    rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{MONTH_PATTERN})\.?,?\s+(?P<y2>\d{{4}})\b"
    rf"|\b(?P<m>{MONTH_PATTERN})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s*(?P<y>\d{{4}})\b"
)


# a stamp in figures opening a paragraph, the story glued on: "Updated: 2011-03-04 10:15 LAKESIDE -- ..."
_STAMP_OPENING = re.compile(r"^(?:Published|Updated|Posted)\s*:?\s*(\d{4})-(\d{2})-(\d{2})\b")


def _stamp(line: str) -> datetime.date | None:
    """The publication date a short furniture line (or an agency's opening) gives, else None."""
    line = line.strip()
    opening = _STAMP_OPENING.match(line)
    if opening:
        try:
            return datetime.date(*(int(g) for g in opening.groups()))
        except ValueError:
            return None
    m = _STAMP_LINE.match(line) if len(line) < 60 else None
    m = m or _STAMP_LEAD.match(line) or _STAMP_PLACE.match(line)
    if not m and len(line) < 90 and _BYLINE_STAMP.search(line):
        m = _DATE_IN_LINE.search(line)
    if not m:
        return _date_line(line)
    groups = m.groupdict()
    month = month_number(groups.get("m") or groups.get("m2") or groups.get("m3"))
    day = int(groups.get("d") or groups.get("d2") or groups.get("d3"))
    try:
        return datetime.date(int(groups.get("y") or groups.get("y2") or groups.get("y3")), month, day)
    except ValueError:
        return None


def _is_furniture(line: str) -> bool:
    """A short line of the page around the story (a label, a byline, a repeated title): no sentence."""
    stripped = line.strip()
    return len(stripped) <= 100 and stripped[-1] not in '.!?"”'


def _is_title_line(line: str) -> bool:
    stripped = line.strip()
    if not stripped or len(stripped) > 170:
        return False
    return stripped[-1] not in ".!?:;," and not stripped.endswith('"')


def parse_header(clean: str) -> Header:
    """Find the header date, title, caption and dateline in ``clean`` (the cleaned article text)."""
    head = Header()
    date, pos = parse_header_date(clean)
    if pos:
        head.header_date = date
        head.header_span = (0, pos)
    lines = paragraphs(clean, pos, limit=4)
    captions = []
    body = lines[0][0] if lines else pos
    i = 0
    seen_dateline = False
    while i < len(lines) and i < 3:
        s, e = lines[i]
        line = clean[s:e]
        line_date = _date_line(line)
        if line_date:
            if head.header_date is None:
                head.header_date = line_date
            captions.append((s, e))
            i, body = i + 1, _start_of(lines, i + 1, e)
            continue
        original_has_caption = _CAPTION.search(line)
        dm = None if seen_dateline else match_dateline(line)
        if dm:
            seen_dateline = True
            _set_dateline(head, dm, s)
            rest_start = s + dm.end()
            rest = clean[rest_start:e]
            if i + 1 < len(lines) and _is_title_line(rest) and not head.title:
                head.title, head.title_span = rest.strip(), (rest_start, e)
                i, body = i + 1, _start_of(lines, i + 1, e)
                continue
            body = rest_start
            break
        if original_has_caption:
            story = _story_after_caption(clean, s, e)
            if story is not None:
                # "... (Photo: VNA)Hanoi (VNA) - The Prime Minister received ...": caption, then the story
                captions.append((s, story))
                dm = None if seen_dateline else match_dateline(clean[story:e])
                if dm:
                    _set_dateline(head, dm, story)
                body = story + (dm.end() if dm else 0)
                break
            captions.append((s, e))
            i, body = i + 1, _start_of(lines, i + 1, e)
            continue
        if not head.title and i + 1 < len(lines) and _is_title_line(line):
            head.title, head.title_span = line.strip(), (s, e)
            i, body = i + 1, _start_of(lines, i + 1, e)
            continue
        body = s
        break
    _page_furniture(clean, pos, head, captions, body)
    head.caption_spans = tuple(captions)
    return head


def _start_of(lines: list[tuple[int, int]], i: int, end: int) -> int:
    """Where line ``i`` starts, or ``end`` (the last line's end) when there is none."""
    return lines[i][0] if i < len(lines) else end


def _stamp_venue(parts: list[str]) -> str:
    """The venue a publication stamp names before its city ("March 3, 2024, The Kremlin, Moscow"), or "".

    Only a place of several words or a capital "The" counts as a venue, never a country or a region's
    city ("Lakeside, Ruritania" names no venue)."""
    if len(parts) < 2 or not is_city(parts[-1]):
        return ""
    venue = parts[-2]
    if place_countries(venue) or not venue[:1].isupper() or is_city(venue):
        return ""
    return venue if len(venue.split()) > 1 else ""


def _story_after_caption(clean: str, s: int, e: int) -> int | None:
    """Where the story starts on a caption's line when pages glue the two together, or None.

    The story follows the last photo credit that still has a paragraph's worth of text after it (the
    text between two credits is a second caption).
    """
    for credit in reversed(list(_CREDIT.finditer(clean, s, e))):
        start = credit.end()
        while start < e and clean[start].isspace():
            start += 1
        if e - start >= _STORY_LENGTH:
            return start
    return None


@dataclass(slots=True)
class _Furniture:
    """What reading the lines of a page's furniture has found so far."""

    clean: str
    head: Header
    captions: list
    body: int  # where the story was found to start before the furniture was read
    # a page that gives its own dateline alone on a line may open the story with the story's own
    # ("VIETNAM, September 5 -" then "JAKARTA - ..."): the story's place is the events'
    in_furniture: bool
    # "Minister A gestures at a forum ..." then "CITY, Country - ...": a caption, then the dateline
    caption_first: tuple[int, int] | None = None


def _page_furniture(clean: str, pos: int, head: Header, captions: list, body: int) -> None:
    """A page's furniture before the story: its publication stamp, and a dateline opening the first paragraph.

    Saved pages put labels, bylines, a repeated title and the publication stamp ("Published March 24,
    2021", "7 May 2018", "2022-04-15 00:06") before or just after the first paragraph; the stamp is the
    publication date when no header gave one, and a dateline ("BEIJING, April 14 (Xinhua) --") may open
    the first paragraph after the furniture.
    """
    head.body_start = body
    lines = _first_lines(clean, pos)
    in_furniture = head.dateline_span is None or _alone(clean, head.dateline_span[1])
    page = _Furniture(clean, head, captions, body, in_furniture)
    for s, e, line in lines:
        if _took_stamp(page, s, e, line) or _took_city_line(page, s, e, line):
            continue
        _read_opening(page, s, e, line)
    if head.dateline_month is None:
        _dated_dateline_further_down(clean, head, lines)


def _first_lines(clean: str, pos: int) -> list[tuple[int, int, str]]:
    """The first twelve lines from ``pos`` that are not blank: their start, end and stripped text."""
    lines = []
    for m in re.finditer(r"[^\n]+", clean[pos:]):
        s, e = m.start() + pos, m.end() + pos
        text = clean[s:e].strip()
        if text:
            lines.append((s, e, text))
        if len(lines) >= 12:
            break
    return lines


def _took_stamp(page: _Furniture, s: int, e: int, line: str) -> bool:
    """Whether the line is the page's publication stamp (read only when no header gave a date): its date
    is the header's, the place it names the dateline's when there is none, and a short line a caption."""
    head = page.head
    stamp = _stamp(line) if head.header_date is None else None
    if not stamp:
        return False
    head.header_date = stamp
    placed = _STAMP_PLACE.match(line)
    if placed and head.dateline_span is None:
        parts = [p.strip() for p in placed.group("place").split(",")]
        # "Lakeside, Republic of Ruritania": the city before its country
        country = [c for c in place_countries(parts[-1]) if c.kind != "city"]
        last = parts[-2] if len(parts) > 1 and country and not is_city(parts[-1]) else parts[-1]
        head.dateline_place = last
        head.dateline_venue = _stamp_venue(parts)
    if _is_furniture(line) and (s, e) not in page.captions:
        page.captions.append((s, e))
    return True


def _took_city_line(page: _Furniture, s: int, e: int, line: str) -> bool:
    """Whether the line is a city's name alone in capitals before the story ("ANKARA"): its dateline."""
    head = page.head
    if not (page.in_furniture and s >= page.body and not head.dateline_place and _city_line(line)):
        return False
    head.dateline_place = line.title()
    page.captions.append((s, e))
    return True


def _read_opening(page: _Furniture, s: int, e: int, line: str) -> None:
    """The first paragraph of prose past the furniture ends it, with the dateline that may open it; a first
    one without a dateline may be a photo's caption before the story's dateline (it stays text), after
    which only a dateline in capitals opens the story."""
    if not page.in_furniture or _is_furniture(line) or s < page.body:
        return
    dm = match_dateline(line)
    if dm is None and page.caption_first is None and not page.head.dateline_place:
        page.caption_first = (s, e)
        return
    page.in_furniture = False
    if dm and page.caption_first is not None and not _capitals(dm.group("place").split(",")[0]):
        dm = None
    if dm:
        ofs = s + (e - s - len(page.clean[s:e].lstrip()))
        _set_dateline(page.head, dm, ofs)
        if page.caption_first is None:
            page.head.body_start = max(page.body, ofs + dm.end())


def _dated_dateline_further_down(clean: str, head: Header, lines: list[tuple[int, int, str]]) -> None:
    """A dated dateline further down, past a caption or a teaser the page puts first ("TOKYO, May 4, 2021,
    Northwire. The ...", "HANOI, May 4. /TASS/.") or in a form the story's opening is not read for
    ("Lakeside, May 4: ..."): its day is the story's (its place may be the agency's home rather than the
    story's: the place stays as read); the text stays where it is."""
    for s, e, line in lines:
        dm = match_dateline(line, relaxed=True)
        if dm and (dm.group("month") or dm.group("month2")) and s >= head.body_start:
            _set_dateline(head, dm, s + (e - s - len(clean[s:e].lstrip())), with_place=False)
            break


def _city_line(line: str) -> bool:
    """A line that is only a city's name in capitals ("ANKARA", "NEW DELHI")."""
    return len(line) <= 30 and line.isupper() and is_city(line.title())


def _alone(clean: str, pos: int) -> bool:
    """Nothing but blanks from ``pos`` to the end of its line."""
    end = clean.find("\n", pos)
    return not clean[pos : end if end >= 0 else len(clean)].strip()


def _set_dateline(head: Header, m: re.Match[str], offset: int, with_place: bool = True) -> None:
    """Record a dateline's span and date, and (``with_place``) its place and the country named after it."""
    if with_place:
        place, *rest = (part.strip() for part in m.group("place").split(","))
        head.dateline_country = country_by_name(rest[0]) if rest else None
        letters = [c for c in place if c.isalpha()]
        if letters and all(c.isupper() for c in letters):
            place = place.title()
        head.dateline_place = place
    head.dateline_span = (offset, offset + m.end())
    if m.group("month") or m.group("month2"):
        head.dateline_month = month_number(m.group("month") or m.group("month2"))
        head.dateline_day = int(m.group("day") or m.group("day2"))
        if m.group("year"):
            head.dateline_year = int(m.group("year"))
