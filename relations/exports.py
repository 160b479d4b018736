"""The reports of delegations and meetings: one definition each, for every export of them."""

from __future__ import annotations

from django.db.models import F

from relations.editorial.exports import Report, country_cell, join
from relations.editorial.vocabulary import format_partial
from relations.models import Delegation, Meeting, default_title

# The fields a delegation's title is written from when it has none of its own.
TITLE_FIELDS = ("title", "from_country", "to_country", "start_date", "start_precision")


def delegation_title(values) -> str:
    """``str(delegation)`` from the values of ``TITLE_FIELDS``, without building the delegation."""
    title, *rest = values
    return title or default_title(*rest)


class DelegationReport(Report):
    model = "relations.Delegation"
    name = "delegations"
    fields = (*TITLE_FIELDS, "end_date", "end_precision", "place")
    columns = {
        "id": lambda d, _: d.pk,
        "title": lambda d, _: delegation_title(getattr(d, name) for name in TITLE_FIELDS),
        "from_country": lambda d, _: country_cell(d.from_country),
        "to_country": lambda d, _: country_cell(d.to_country),
        "head": lambda d, _: d.head_name,
        "members": lambda d, rel: join(rel["members"][d.pk]),
        "sending_body": lambda d, _: d.sending_body_name,
        "start_date": lambda d, _: format_partial(d.start_date, d.start_precision),
        "end_date": lambda d, _: format_partial(d.end_date, d.end_precision),
        "location": lambda d, _: d.place,
    }

    def expressions(self):
        return {"head_name": self.name_of("head"), "sending_body_name": self.name_of("sending_body")}

    def related(self):
        return {"members": self.names_of(Delegation.members)}


def _meeting_delegation(m) -> str:
    if not m.delegation_shown:
        return ""
    return delegation_title(getattr(m, f"delegation_{name}") for name in TITLE_FIELDS)


class MeetingReport(Report):
    """Meetings; in the public CSV a meeting's delegation is named only if it is published."""

    model = "relations.Meeting"
    name = "meetings"
    fields = ("date", "date_precision", "place")
    columns = {
        "id": lambda m, _: m.pk,
        "date": lambda m, _: format_partial(m.date, m.date_precision),
        "location": lambda m, _: m.place,
        "participants": lambda m, rel: join(rel["participants"][m.pk]),
        "delegation": lambda m, _: _meeting_delegation(m),
    }

    def expressions(self):
        # The delegation's status where it is named (public: published only), else "" or None.
        shown = {"delegation_shown": self.name_of("delegation", "status")}
        return shown | {f"delegation_{name}": F(f"delegation__{name}") for name in TITLE_FIELDS}

    def related(self):
        return {"participants": self.names_of(Meeting.participants)}
