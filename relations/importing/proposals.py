"""The seam between extraction and writing: plain data, no database.

The extractor (``relations.importing.extraction.extract``) turns an article's text into an
:class:`Extraction`; the writer (``relations.importing.writing``) resolves and saves it. Records
refer to each other by ``key``, a string that is unique within one extraction.

Every record carries ``evidence``: the sentences it came from, as character spans into the
article text (the text exactly as the extractor received it), each naming the fields it supports.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from relations.editorial.vocabulary import Precision, format_partial


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date known to the day, the month or only the year."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        datetime.date(self.year, self.month or 1, self.day or 1)  # raises on 2023-02-30

    @property
    def precision(self) -> str:
        return Precision.DAY if self.day else Precision.MONTH if self.month else Precision.YEAR

    def as_date(self) -> datetime.date:
        """The first day the partial date covers (how it is stored, beside its precision)."""
        return datetime.date(self.year, self.month or 1, self.day or 1)

    def iso(self) -> str:
        """ISO 8601 at its precision: ``2019``, ``2019-08`` or ``2019-08-07``."""
        return format_partial(self.as_date(), self.precision)

    def __str__(self) -> str:
        return self.iso()


@dataclass(frozen=True, slots=True)
class Evidence:
    """A sentence of the article: ``text[start:end]``, and the fields of a record it supports."""

    start: int
    end: int
    fields: tuple[str, ...] = ()


@dataclass(slots=True)
class Proposal:
    key: str
    confidence: float = 0.5
    flags: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(slots=True)
class OrganizationProposal(Proposal):
    name: str = ""
    acronym: str = ""
    country: str | None = None  # ISO 3166-1 alpha-2
    kind: str = "other"  # ministry, agency, party, parliament, government, company, academic, other
    aliases: list[str] = field(default_factory=list)
    parent: str | None = None  # key of another OrganizationProposal


@dataclass(slots=True)
class OfficialProposal(Proposal):
    name: str = ""  # the fullest form, with the text's diacritics, given name first
    aliases: list[str] = field(default_factory=list)  # other forms used in the text
    country: str | None = None
    titles: list[str] = field(default_factory=list)  # as written
    organization: str | None = None  # key of an OrganizationProposal


@dataclass(slots=True)
class DelegationProposal(Proposal):
    from_country: str | None = None
    to_country: str | None = None
    head: str | None = None  # key of an OfficialProposal
    members: list[str] = field(default_factory=list)
    sending_body: str | None = None  # key of an OrganizationProposal
    host_body: str | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    place: str = ""
    purpose: str = ""
    primary: bool = True  # False: a visit only mentioned in passing


@dataclass(slots=True)
class MeetingProposal(Proposal):
    date: PartialDate | None = None
    place: str = ""
    participants: list[str] = field(default_factory=list)  # official keys
    delegation: str | None = None  # key of a DelegationProposal
    topics: str = ""


@dataclass(slots=True)
class AgreementProposal(Proposal):
    title: str = ""  # as written
    kind: str = "other"  # treaty, agreement, memorandum, programme, plan, minutes, contract, other
    state: str = "signed"  # proposed, draft, signed, in_force, expired, referenced
    signed_on: PartialDate | None = None
    place: str = ""
    period_start: int | None = None
    period_end: int | None = None
    parties: list[str] = field(default_factory=list)  # organization keys
    party_countries: list[str] = field(default_factory=list)  # states as parties, alpha-2
    party_country_names: dict[str, str] = field(default_factory=dict)  # code -> the text's name
    signatories: list[str] = field(default_factory=list)  # official keys
    delegation: str | None = None
    meeting: str | None = None
    primary: bool = True


@dataclass(slots=True)
class Extraction:
    """Everything proposed from one article."""

    title: str = ""
    dateline_place: str = ""
    date: PartialDate | None = None  # the main event's date
    date_flags: list[str] = field(default_factory=list)
    date_evidence: list[Evidence] = field(default_factory=list)
    organizations: list[OrganizationProposal] = field(default_factory=list)
    officials: list[OfficialProposal] = field(default_factory=list)
    delegations: list[DelegationProposal] = field(default_factory=list)
    meetings: list[MeetingProposal] = field(default_factory=list)
    agreements: list[AgreementProposal] = field(default_factory=list)
