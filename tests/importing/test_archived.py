"""An archived record is never changed by an import: not by a re-import, not by accepted new text, not by
another article that names it. The report says what it left as it is."""

import pytest
from django.forms.models import model_to_dict

from people.models import Official
from relations.editorial import workflow
from relations.editorial.models import PendingChange
from relations.models import Delegation, Meeting
from tests.importing.helpers import GOOD, import_, write
from tests.importing.test_article_text import user

pytestmark = pytest.mark.django_db

CHANGED = "A working visit\nLe Vinh Tan (VN) visits RU.\nLe Vinh Tan (VN) visits CN.\n"


def state() -> dict:
    """Everything an import could change on the archived records, with what hangs off them."""
    found = {}
    for model in (Official, Delegation, Meeting):
        for record in model.objects.filter(status="archived").order_by("pk"):
            row = model_to_dict(record) | {"updated_at": record.updated_at}
            row |= {"search_text": record.search_text, "imported_values": record.imported_values}
            # What a citation says, not where: accepted new text moves every citation with its quote.
            row["citations"] = sorted(record.citations.values_list("article_id", "quote", "fields"))
            if model is Official:
                row["aliases"] = sorted(record.aliases.values_list("name", flat=True))
                row["positions"] = sorted(record.positions.values_list("title", "first_seen", "last_seen"))
            found[(model.__name__, record.pk)] = row
    return found


@pytest.fixture
def archived(tmp_path, fake_extractor):
    """An imported article whose records a publisher archived."""
    path = write(tmp_path, "a.txt", GOOD)
    import_(path)
    publisher = user("publisher")
    for model in (Official, Delegation, Meeting):
        workflow.archive(model.objects.all(), by=publisher)
    return path


def test_a_reimport_of_changed_text_leaves_archived_records_as_they_are(archived):
    before = state()
    archived.write_text(CHANGED)
    code, out, _ = import_(archived)
    assert code == 0
    assert "0 new, 0 updated, 0 unchanged, 0 failed, 1 held for review" in out
    assert state() == before

    # A publisher accepts the new text: the importer proposes again from it, and still leaves them.
    change = PendingChange.objects.get(kind=PendingChange.Kind.TEXT)
    changed = workflow.publish_change(change, by=user("publisher"))
    assert state() == before  # its citations moved with their quote, as accepted text moves every one
    assert Delegation.objects.filter(status="draft", to_country="CN").exists()  # the new visit is a draft
    delegation = Delegation.objects.get(status="archived")
    assert f"left as they are: {delegation} (archived: purpose)" in changed
    # The archived head's new citation (the sentence of the new visit) waits for a publisher.
    waiting = {
        (c.content_type.model, c.object_id): [
            row["fields"]["quote"] for row in c.proposed["children"]["citations"]
        ]
        for c in PendingChange.objects.filter(kind=PendingChange.Kind.EDIT, state=PendingChange.State.PENDING)
    }
    assert CHANGED.splitlines()[2] in waiting[("official", Official.objects.get().pk)]


def test_another_article_describing_an_archived_record_otherwise_leaves_it_and_says_so(
    archived, tmp_path, monkeypatch
):
    from relations.importing import run
    from relations.importing.proposals import (
        DelegationProposal,
        Evidence,
        Extraction,
        OfficialProposal,
        PartialDate,
    )

    delegation = Delegation.objects.get()
    Delegation.objects.filter(pk=delegation.pk).update(start_date="2020-05-04", start_precision="day")
    before = state()

    def extract(text):  # the same head and direction in the same week, with another place and a new alias
        ev = Evidence(0, len(text.splitlines()[0]), ("name",))
        official = OfficialProposal(
            key="o", name="Le Vinh Tan", aliases=["Tan"], country="VN", titles=["Deputy Minister"],
            flags=["country guessed"], confidence=0.2, evidence=[ev],
        )  # fmt: skip
        visit = DelegationProposal(
            key="d", from_country="VN", to_country="RU", head="o", place="Kazan", purpose="A visit",
            start=PartialDate(2020, 5, 6), evidence=[ev],
        )  # fmt: skip
        return Extraction(title="B", date=PartialDate(2020, 5, 6), officials=[official], delegations=[visit])

    monkeypatch.setattr(run, "extract", extract)
    code, out, _ = import_(write(tmp_path, "b.txt", "Another report of the visit\n"))
    assert code == 0 and "1 new" in out
    assert state() == before
    assert Delegation.objects.count() == 1  # recognised as the archived visit, not proposed again
    assert (
        "Left as they are: 1 published or archived record the articles describe otherwise "
        f"(a publisher or an editor changes them): {delegation} (archived: place)"
    ) in out
