"""The article's date: header, dateline and text, with the year inferred when none is written."""

from __future__ import annotations

import datetime
import functools
import itertools
import re

from relations.editorial.vocabulary import Flag

from ..proposals import PartialDate
from .dates import (
    _FUTURE,
    FUTURE_TENSE,
    SCHEDULED_PRESENT,
    DateMention,
    YearVote,
    best_year,
    find_dates,
    range_end,
    resolve,
    safe_date,
    year_votes,
)


def _weekday_of(year: int, month: int | None, day: int | None) -> int | None:
    try:
        return datetime.date(year, month or 0, day or 0).weekday()
    except ValueError:
        return None


def _dateline_on_weekday(head, weekday: int | None, y: int) -> bool:
    """Whether the dateline's day in year ``y`` falls on the weekday the lead writes."""
    if weekday is None or not head.dateline_month:
        return False
    try:
        return datetime.date(y, head.dateline_month, head.dateline_day).weekday() == weekday
    except ValueError:
        return False


def _article_year_votes(art, texts: list[str], pair: frozenset[str] | None) -> list[YearVote]:
    """The votes on the article's year of its title and body, and of its photo captions' full dates."""
    votes = year_votes(texts, pair)
    # a photo caption's full date ("... in Hiroshima on May 19, 2023") names the story's year too
    captions = [s.text for s in art.sentences if s.kind == "caption"]
    votes += [
        YearVote(v.lo, v.hi, 1.5, True, "caption date", v.named)
        for v in year_votes(captions, pair)
        if v.why == "explicit date"
    ]
    return votes


class DateContext:
    def __init__(self, art, pair: frozenset[str] | None) -> None:
        self.art = art
        self.flags: list[str] = []
        self.evidence: set[int] = set()
        self.year: int | None = None
        self.conflict = False
        self._mentions: dict[int, list[DateMention]] = {}
        body = [s for s in art.sentences if s.kind in {"body", "title"}]
        weekday_check = functools.partial(_dateline_on_weekday, art.header, self._lead_weekday(body[:4]))
        votes = _article_year_votes(art, [s.text for s in body], pair)
        inferred, _score, strong = best_year(votes, weekday_check)
        self._settle_year(votes, inferred, strong, body[:4])
        if self.conflict:
            self.flags.append(Flag.DATE_CONFLICT)
        # the reference date for "on Tuesday", "last month"
        self.ref: PartialDate | None = None
        self.ref_aside = False
        self._settle_reference()
        self.main: PartialDate | None = None

    def _lead_weekday(self, lead) -> int | None:
        """The first weekday the title and the lead's first sentences write ("arrived on Tuesday")."""
        for s in lead:
            first = next((d for d in self.mentions(s.index) if d.kind == "weekday"), None)
            if first is not None and first.weekday is not None:
                return first.weekday
        return None

    def _settle_year(self, votes: list[YearVote], inferred: int | None, strong: bool, lead) -> None:
        """The article's year: the dateline's, else the header's (unless the text outweighs it), else the one
        the text's years give, pinned by a weekday written with its date."""
        head = self.art.header
        if head.dateline_year:
            self.year = head.dateline_year
        elif head.header_date:
            self._year_against_header(head.header_date, votes, inferred, strong)
        elif inferred:
            self.year = self._pinned_year(lead, inferred)
            self.flags.append(Flag.YEAR_INFERRED)

    def _year_against_header(
        self, hd: datetime.date, votes: list[YearVote], inferred: int | None, strong: bool
    ) -> None:
        """The header's year, unless strong evidence of another or a past event dated after the header
        (a conflict either way)."""
        self.year = hd.year
        later = self._later_past_date(hd)
        header_backed = any(v.strong and v.lo <= hd.year <= v.hi for v in votes)
        # a year written in passing further down ("since the war began on 24 February 2022") does
        # not outweigh the publication date: only strong evidence from the lead or a stated period does
        overriding = any(v.strong and v.weight >= 3 and v.lo <= (inferred or 0) <= v.hi for v in votes)
        if strong and overriding and inferred != hd.year and not header_backed:
            self.year, self.conflict = inferred, True
        elif later:
            self.year, self.conflict = later.year, True

    def _settle_reference(self) -> None:
        """The reference date for relative dates: the dateline's day, else the header's, else a caption's day
        or the year alone (a caption's day being read with weekdays either side of it)."""
        head = self.art.header
        if head.dateline_month and self.year:
            self.ref = safe_date(self.year, head.dateline_month, head.dateline_day)
        elif head.header_date and not self.conflict:
            hd = head.header_date
            self.ref = PartialDate(hd.year, hd.month, hd.day)
        elif self.year:
            self.ref = self._caption_date() or PartialDate(self.year)
            # a caption's day is not the page's: the story's weekdays may fall either side of it
            self.ref_aside = self.ref.precision == "day"

    def _pinned_year(self, lead, inferred: int) -> int:
        """The year near ``inferred`` whose calendar fits a weekday written with its date in the lead
        ("arrived on Tuesday, May 21"): the text's years only bound the article, the weekday pins it."""
        for s in lead:
            found = self.mentions(s.index)
            for a, b in zip(found, found[1:], strict=False):
                if not (a.kind == "weekday" and b.kind == "day" and b.year is None):
                    continue
                if not re.fullmatch(r",?\s*(?:the\s+)?", s.text[a.end : b.start]):
                    continue
                fits = [
                    y
                    for y in range(inferred - 3, inferred + 4)
                    if _weekday_of(y, b.month, b.day) == a.weekday
                ]
                if fits:
                    return min(fits, key=lambda y: (abs(y - inferred), -y))
        return inferred

    def _caption_date(self) -> PartialDate | None:
        """The day a photo caption or the lead gives with the article's year ("... in Hanoi on August 10,
        2014"): the reference for "on Saturday" when the page gives no date of its own."""
        lead = [s for s in self.art.sentences if s.kind == "body"][:4]
        for s in [*(s for s in self.art.sentences if s.kind == "caption"), *lead]:
            for d in self.mentions(s.index):
                if d.kind == "day" and d.year == self.year:
                    return safe_date(d.year, d.month, d.day)
        return None

    def _later_past_date(self, hd: datetime.date) -> datetime.date | None:
        latest = None
        for s in self.art.sentences:
            if s.kind != "body":
                continue
            for d in self.mentions(s.index):
                if d.year and d.month and d.kind in {"day", "range", "month"}:
                    try:
                        day = datetime.date(d.year, d.month, d.day or 1)
                    except ValueError:
                        continue
                    if day > hd and not _FUTURE.search(s.text):
                        latest = max(latest, day) if latest else day
        return latest

    def mentions(self, idx: int) -> list[DateMention]:
        if idx not in self._mentions:
            self._mentions[idx] = find_dates(self.art.sentences[idx].text)
        return self._mentions[idx]

    def date_of(
        self, idx: int, text: str, ranges: bool = False
    ) -> tuple[PartialDate | None, PartialDate | None]:
        """The date a sentence gives (or a range's start and end when ``ranges``)."""
        if (
            idx is None or text != self.art.sentences[idx].text
            if 0 <= idx < len(self.art.sentences)
            else True
        ):
            found = find_dates(text)
        else:
            found = self.mentions(idx)
        # the tense is the whole sentence's: a piece of it ("on Wednesday for a visit") is read in place
        full, offset = text, 0
        if 0 <= idx < len(self.art.sentences) and text != self.art.sentences[idx].text:
            found_at = self.art.sentences[idx].text.find(text)
            if found_at >= 0:
                full, offset = self.art.sentences[idx].text, found_at
        own, datelines = self._apart_from_the_dateline(idx, offset, found)
        if ranges:
            for d in own + datelines:
                if d.kind == "range" or d.end_weekday is not None:
                    future = still_to_come(full, offset + d.start)
                    start = resolve(d, self.year, self.ref, future=future, nearest=self.ref_aside)
                    return start, range_end(d, start)
        for group, kind in itertools.product((own, datelines), _KINDS_IN_TURN):
            for d in group:
                if d.kind == kind:
                    future = still_to_come(full, offset + d.start)
                    value = resolve(d, self.year, self.ref, future=future, nearest=self.ref_aside)
                    if value is not None:
                        return value, None
        if not found and offset == 0 and 0 < idx < len(self.art.sentences) and _ON_THAT_OCCASION.match(full):
            # "During the visit, A met B": the occasion the sentence before dates
            before = self.art.sentences[idx - 1]
            if before.kind == "body" and not _ON_THAT_OCCASION.match(before.text):
                return self.date_of(idx - 1, before.text)
        return None, None

    def _apart_from_the_dateline(
        self, idx: int, offset: int, found: list[DateMention]
    ) -> tuple[list[DateMention], list[DateMention]]:
        """The dates of a sentence (or of its piece at ``offset``): its own, and the dateline's it opens
        with. "CITY, May 8 (Agency) - A met B on Wednesday" tells of Wednesday; the dateline's day dates the
        sentence only when it gives no other."""
        span = self.art.header.dateline_span
        if span is None or not 0 <= idx < len(self.art.sentences):
            return found, []
        start = self.art.sentences[idx].start + offset
        own = [d for d in found if not span[0] <= start + d.start < span[1]]
        return own, [d for d in found if d not in own]

    def settle(self, meets) -> None:
        """Decide the article's date: the first dated meeting, else the dateline, else the header."""
        head = self.art.header
        if self.year is None:
            self.flags.append(Flag.DATE_MISSING)
            self.main = None
            return
        lead = self._lead()
        if head.header_date and self.conflict and not head.dateline_month:
            found = self._day_against_header(lead)
        else:
            found = (
                self._day_of_the_lead(lead)
                or self._first_meeting_day(meets)
                or self._span_of_the_lead(lead)
                or self._dateline_day()
                or self._header_day()
                or self._caption_day()
                or self._date_in_the_lead(lead)
                or (PartialDate(self.year), [])
            )
        self.main, evidence = found
        self.evidence.update(evidence)

    # Each step below answers (the article's date, the sentences that give it), or None to leave it to
    # the next.

    def _day_against_header(self, lead) -> tuple[PartialDate | None, list[int]]:
        """The header's date is not the story's: a day the lead writes out in the year the text gives
        ("received ... on March 17" under a header of February), else the year alone."""
        day = next((d for d in self.mentions(lead.index) if d.kind == "day"), None) if lead else None
        value = resolve(day, self.year, None) if day else None
        main = value if value and value.precision == "day" else PartialDate(self.year)
        return main, [lead.index] if main is value else []

    def _day_of_the_lead(self, lead) -> tuple[PartialDate | None, list[int]] | None:
        """A day or weekday the lead gives for its news (its bracketed dates last; not the day of a report,
        nor a span of weekdays "from Monday to Wednesday"), of these days."""
        if lead is None:
            return None
        own, datelines = self._apart_from_the_dateline(lead.index, 0, self.mentions(lead.index))
        for d in _asides_last(lead.text, own) + datelines:
            if _reported_on(lead.text, d.start):
                continue
            if d.kind in {"day", "weekday"} and d.end_weekday is None:
                future = still_to_come(lead.text, d.start)
                value = resolve(d, self.year, self.ref, future=future, nearest=self.ref_aside)
                if value and value.precision == "day" and self._of_these_days(value):
                    return value, [lead.index]
        return None

    def _first_meeting_day(self, meets) -> tuple[PartialDate | None, list[int]] | None:
        """The day of the first meeting dated to the day, not one told of as earlier."""
        for m in meets:
            if m.date and m.date.precision == "day" and not m.earlier:
                return m.date, m.sentences
        return None

    def _span_of_the_lead(self, lead) -> tuple[PartialDate | None, list[int]] | None:
        """The days of a visit the lead tells of as over before the page's date."""
        span = self._span_before_the_page(lead) if lead is not None else None
        return (span, [lead.index]) if span is not None else None

    def _dateline_day(self) -> tuple[PartialDate | None, list[int]] | None:
        """The dateline's day (or month), given by the story's first sentence."""
        head = self.art.header
        if not head.dateline_month:
            return None
        first = next((s.index for s in self.art.sentences if s.kind == "body"), None)
        return safe_date(self.year, head.dateline_month, head.dateline_day), [] if first is None else [first]

    def _header_day(self) -> tuple[PartialDate | None, list[int]] | None:
        """The header's date, when the text does not contradict it."""
        hd = self.art.header.header_date
        if not hd or self.conflict:
            return None
        return PartialDate(hd.year, hd.month, hd.day), []

    def _caption_day(self) -> tuple[PartialDate | None, list[int]] | None:
        """A photo caption's day, the reference date when the page gives none."""
        return (self.ref, []) if self.ref and self.ref.precision == "day" else None

    def _date_in_the_lead(self, lead) -> tuple[PartialDate | None, list[int]] | None:
        """A date the lead gives (or a span's start: "visited Russia on October 13-16, 2008") of these
        days, else the day the next sentences give."""
        if lead is None:
            return None
        value, _ = self.date_of(lead.index, lead.text)
        if value is None:
            value, _ = self.date_of(lead.index, lead.text, ranges=True)
        if value and self._of_these_days(value):
            return value, [lead.index]
        opening = self._day_in_the_opening(lead)
        if opening is not None:
            value, idx = opening
            return value, [idx]
        return None

    def _of_these_days(self, value: PartialDate) -> bool:
        """Whether a date the lead writes with its year can be the news: not one recalled from decades
        before ("Forty years ago, on 3 May 1981, ...")."""
        return self.year is None or abs(value.year - self.year) <= 1

    def _day_in_the_opening(self, lead) -> tuple[PartialDate, int] | None:
        """The day (or a span's first day) the story's next sentences give when its lead gives none ("the
        minister spoke at a dinner for the envoys on 9 May"), in the article's year and not of something
        still to come or long past ("last came on May 3")."""
        body = self.art.sentences
        after = [s for s in body if s.kind == "body" and s.index > lead.index and _prose(s.text)]
        for s in after[:_OPENING]:
            if FUTURE_TENSE.search(s.text) or _LONG_PAST.search(s.text):
                continue
            for d in self.mentions(s.index):
                if d.kind not in {"day", "range"} or d.day is None or d.year not in {None, self.year}:
                    continue
                value = resolve(d, self.year, self.ref, nearest=self.ref_aside)
                if value and value.precision == "day":
                    return value, s.index
        return None

    def _span_before_the_page(self, lead) -> PartialDate | None:
        """The days of a visit the lead tells of as over before the page's own date ("toured X from
        March 3-5" under a page dated March 8): the story's event is the span, not the page's day; its
        month when the span lies in one month (which of its days the rest took place on is not told), else
        its first day."""
        page = self._page_day()
        if page is None or FUTURE_TENSE.search(lead.text):
            return None
        for d in self.mentions(lead.index):
            if d.kind != "range" or d.day is None:
                continue
            first = resolve(d, self.year, self.ref, nearest=self.ref_aside)
            last = range_end(d, first)
            if first is None or last is None or first.precision != "day" or last.precision != "day":
                continue
            if last.as_date() < page:
                return PartialDate(first.year, first.month) if first.month == last.month else first
        return None

    def _page_day(self) -> datetime.date | None:
        """The day the page is dated: its dateline's, else its header's."""
        head = self.art.header
        if head.dateline_month and head.dateline_day and self.year:
            day = safe_date(self.year, head.dateline_month, head.dateline_day)
            return day.as_date() if day and day.precision == "day" else None
        if head.header_date and not self.conflict:
            return head.header_date
        return None

    def _lead(self):
        """The story's first sentence: the first of the body that reads as prose, past the page's menus,
        labels and agency tags ("World", "Select the city", "Hanoi /Agency/.")."""
        body = [s for s in self.art.sentences if s.kind == "body"]
        span = self.art.header.dateline_span
        if span and body and span[0] >= body[0].start:
            # a dateline read further down the page than the story's start opens the story
            dated = next((s for s in body if s.end > span[0]), None)
            if dated is not None:
                return dated
        return next((s for s in body if _prose(s.text)), body[0] if body else None)

    def main_month(self) -> PartialDate | None:
        if self.main is None:
            return None
        return PartialDate(self.main.year, self.main.month) if self.main.month else self.main


# the kinds of date a sentence is dated by, in turn
_KINDS_IN_TURN = ("day", "weekday", "relative", "month", "year")
_PROSE_WORDS = 6
_OPENING = 3  # the sentences after an undated lead that still tell its news
# a sentence about an earlier occasion: "... last visited on May 3", "... first met on 3 May 2019"
_LONG_PAST = re.compile(r"\b(?:last|previous|earlier|ago|former|recalled|since|first\s+met)\b", re.I)
# a sentence that opens on the occasion the one before told of: "During the trip, ...", "After arrival, ..."
_ON_THAT_OCCASION = re.compile(
    r"\s*(?:During|Throughout|In\s+the\s+course\s+of|On|Upon|After|Following)\s+(?:the|that|this)?\s*"
    r"(?:trip|visit|stay|arrival|tour|journey)\b"
)


def _prose(text: str) -> bool:
    """A sentence of the story rather than a page's label: six words or more, ending as sentences do."""
    text = text.rstrip()
    return len(text.split()) >= _PROSE_WORDS and text[-1:] in {".", "!", "?", '"', "'", ")"}


def _asides_last(text: str, found: list[DateMention]) -> list[DateMention]:
    """The dates of a sentence, those in brackets after the rest: a bracketed date tells when something
    the sentence names falls ("a gala for Founders' Day (May 5) took place on May 2"), not its own event."""
    return sorted(found, key=lambda d: _in_brackets(text, d.start))


# the day of a report rather than of its news: "..., the agency reported Monday", "officials said on Friday"
_REPORTED = re.compile(r"\b(?:reported|said|says|stated|told\s+(?:\w+\s+){1,3}?)(?:\s+on)?\s+$", re.I)


def _reported_on(text: str, pos: int) -> bool:
    return bool(_REPORTED.search(text, max(0, pos - 40), pos))


def _in_brackets(text: str, pos: int) -> bool:
    return text.rfind("(", 0, pos) > text.rfind(")", 0, pos)


_CLAUSE_START = re.compile(r"[,;:]\s|\b(?:and|but|while|before|after|that)\s")
_PAST_VERB = re.compile(
    r"\b(?:\w{3,}ed|met|held|had|made|took|went|was|were|came|left|paid|gave|spoke|told|began|flew)\b", re.I
)


def still_to_come(text: str, pos: int) -> bool:
    """Whether a date at ``pos`` of a sentence is still to come: the sentence speaks of the future ("will",
    "is due to", a journey in the present with its day: "leaves Tuesday") and the clause that leads to the
    date is not in the past ("who arrived on Monday, will ...")."""
    will = FUTURE_TENSE.search(text) or SCHEDULED_PRESENT.search(text)
    return bool(will) and not _past_clause(text, pos)


def _past_clause(text: str, pos: int) -> bool:
    """Whether the clause that leads to ``pos`` is in the past ("which arrived on Wednesday, will travel");
    the words of its future ("is scheduled to", "is expected to") are no past verbs."""
    starts = [m.end() for m in _CLAUSE_START.finditer(text, 0, pos)]
    clause = FUTURE_TENSE.sub(lambda m: " " * len(m.group(0)), text[starts[-1] if starts else 0 : pos])
    return bool(_PAST_VERB.search(clause))
