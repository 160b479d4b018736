"""What the import pipeline's tests share: a stand-in extractor, running the command, writing files."""

import re
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import CommandError

from relations.importing.proposals import (
    DelegationProposal,
    Evidence,
    Extraction,
    MeetingProposal,
    OfficialProposal,
    PartialDate,
)
from relations.models import Article

LINE = re.compile(r"^(?P<name>[A-Z][\w ]+) \((?P<country>[A-Z]{2})\) visits (?P<to>[A-Z]{2})\.$", re.M)


def fake_extract(text: str) -> Extraction:
    """A stand-in extractor: each line "Name (VN) visits RU." proposes a visit and a meeting."""
    extraction = Extraction(title=text.splitlines()[0][:80], date=PartialDate(2020, 5, 4))
    for i, m in enumerate(LINE.finditer(text)):
        ev = Evidence(m.start(), m.end(), ("name",))
        extraction.officials.append(
            OfficialProposal(
                key=f"o{i}", name=m["name"], country=m["country"], titles=["Minister"], evidence=[ev]
            )
        )
        extraction.delegations.append(
            DelegationProposal(
                key=f"d{i}",
                from_country=m["country"],
                to_country=m["to"],
                head=f"o{i}",
                purpose=text.splitlines()[0],
                evidence=[ev],
            )
        )
        extraction.meetings.append(MeetingProposal(key=f"m{i}", participants=[f"o{i}"], evidence=[ev]))
    return extraction


def import_(*paths, **options) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    try:
        call_command("import_articles", *map(str, paths), stdout=out, stderr=err, **options)
        code = 0
    except CommandError as exc:
        code = exc.returncode
    return code, out.getvalue(), err.getvalue()


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return path


def visit(name: str) -> str:
    """An article in which ``name`` (VN) visits RU, for `fake_extract`."""
    return f"A visit by {name}\n{name} (VN) visits RU.\n"


def texts() -> dict[str, str]:
    """The text of every article, by key."""
    return dict(Article.objects.values_list("key", "text"))


GOOD = "A visit\nLe Vinh Tan (VN) visits RU.\n"
