"""Articles written in a batch (one transaction, one INSERT per table) propose exactly what they propose
written one at a time: the same records, fields, flags, links, aliases, positions, citations, pending
changes and history."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from reversion.models import Version

from agreements.models import Agreement
from people.models import Official, OfficialAlias, Organization, OrganizationAlias, Position
from relations.editorial.models import PendingChange
from relations.importing import run
from relations.importing.proposals import (
    AgreementProposal,
    DelegationProposal,
    Evidence,
    Extraction,
    MeetingProposal,
    OfficialProposal,
    OrganizationProposal,
    PartialDate,
)
from relations.importing.reading import ArticleFile
from relations.models import Article, Citation, Delegation, Meeting
from relations.scale.benchmark import article_texts
from relations.scale.generate import generate_data

pytestmark = pytest.mark.django_db

RECORDS = (Organization, Official, Delegation, Meeting, Agreement)
ROWS = (OfficialAlias, OrganizationAlias, Position, Citation, PendingChange)
SKIPPED = {"id", "created_at", "updated_at", "imported_at", "search_vector"}


def labels() -> dict:
    """(model, pk) -> a name that does not depend on the keys a database handed out."""
    found = {(Article, pk): f"article {key}" for pk, key in Article.objects.values_list("pk", "key")}
    for model in RECORDS:
        for pk, slug in model.objects.values_list("pk", "slug"):
            found[(model, pk)] = f"{model.__name__} {slug}"
    return found


def snapshot() -> dict:
    names = labels()
    types = {ct.pk: ct.model_class() for ct in ContentType.objects.all()}

    def label(model, pk):
        return names.get((model, pk), pk)

    def row(obj) -> dict:
        out = {}
        for f in obj._meta.concrete_fields:
            if f.name in SKIPPED:
                continue
            value = getattr(obj, f.attname)
            if f.is_relation and value is not None:
                value = label(f.related_model, value)
            out[f.name] = value
        if isinstance(obj, Citation | PendingChange):
            out["object_id"] = label(types[obj.content_type_id], obj.object_id)
        imported = getattr(obj, "imported_values", None) or {}
        for f in obj._meta.concrete_fields:  # the keys of related records the importer last wrote
            if f.is_relation and imported.get(f.attname) not in (None, ""):
                out["imported_values"] = {**out["imported_values"]}
                out["imported_values"][f.attname] = label(f.related_model, imported[f.attname])
        for f in obj._meta.many_to_many:
            out[f.name] = sorted(
                label(f.related_model, pk) for pk in getattr(obj, f.name).values_list("pk", flat=True)
            )
            if f.name in (getattr(obj, "imported_values", None) or {}):
                out["imported_values"] = {**out["imported_values"]}
                out["imported_values"][f.name] = sorted(
                    label(f.related_model, pk) for pk in obj.imported_values[f.name]
                )
        if isinstance(obj, PendingChange):
            for version in (out["base"], out["proposed"]):
                for rows in version["children"].values():
                    for r in rows:
                        if "article" in r["fields"]:
                            r["fields"]["article"] = label(Article, r["fields"]["article"])
        return out

    state = {}
    for model in (Article, *RECORDS, *ROWS):
        state[model.__name__] = sorted((row(obj) for obj in model.objects.all()), key=repr)
    state["history"] = sorted(
        (
            (v.revision.comment, label(types[v.content_type_id], int(v.object_id)), v.object_repr)
            for v in Version.objects.select_related("revision")
        ),
        key=repr,
    )
    return state


def import_(folder, size: int, monkeypatch):
    """Import ``folder`` in batches of ``size``, then roll it back: what it proposed, and its queries."""
    monkeypatch.setattr(run, "BATCH", size)
    with transaction.atomic(), CaptureQueriesContext(connection) as queries:
        report = run.import_articles(paths=[folder])
        state = snapshot()
        transaction.set_rollback(True)
    summary = (report.new, report.updated, report.failed, report.held_citations, report.kept, report.created)
    return summary, state, len(queries)


def batched_as_alone(folder, monkeypatch) -> tuple[tuple, dict, tuple[int, int]]:
    """Import ``folder`` in batches of 100, then one article at a time (each rolled back), and check that both
    proposed the same: the batch's summary and state, and the queries of each run."""
    summary, state, batch_queries = import_(folder, 100, monkeypatch)
    one_summary, one_state, one_queries = import_(folder, 1, monkeypatch)
    assert summary == one_summary
    for name, rows in one_state.items():
        assert state[name] == rows, name
    return summary, state, (batch_queries, one_queries)


def test_a_batch_proposes_what_one_article_at_a_time_does(tmp_path, monkeypatch):
    generate_data(scale=60, seed=3)  # published, archived and draft records the articles name again
    texts = list(article_texts(30, seed=11))
    for name, text in texts + [("again-" + name, text + "\nAgain.\n") for name, text in texts[:5]]:
        (tmp_path / name).write_text(text, encoding="utf-8")
    batch_summary, batch_state, (batch_queries, one_queries) = batched_as_alone(tmp_path, monkeypatch)
    # The run did something worth comparing: new records, records of the database and of the run found
    # again, citations of published records held.
    new, _, failed, held, _, created = batch_summary
    assert len(new) == 35 and not failed and held
    assert created["delegations"] and created["meetings"] and created["agreements"]
    assert len(batch_state["Citation"]) > len(texts)
    assert batch_queries < one_queries / 1.5  # and it wrote in batches


def test_a_failing_article_of_a_batch_costs_only_itself(tmp_path, monkeypatch):
    generate_data(scale=30, seed=3)
    before = Article.objects.count()
    for name, text in article_texts(6, seed=11):
        (tmp_path / name).write_text(text, encoding="utf-8")
    bad = sorted(p.name for p in tmp_path.iterdir())[2]
    real = run.ArticleWriter.write

    def write(self, source, extraction, existing):
        outcome = real(self, source, extraction, existing)  # everything queued, then it fails
        if source.key == bad.removesuffix(".txt"):
            raise RuntimeError("disk full")
        return outcome

    monkeypatch.setattr(run.ArticleWriter, "write", write)
    report = run.import_articles(paths=[tmp_path])
    assert report.failed == [(str(tmp_path / bad), "RuntimeError: disk full")]
    assert len(report.new) == 5
    assert (
        Article.objects.count() == before + 5
        and not Article.objects.filter(key=bad.removesuffix(".txt")).exists()
    )


class CountingPool(run.ProcessPoolExecutor):
    submitted = 0

    def submit(self, *args, **kwargs):
        CountingPool.submitted += 1
        return super().submit(*args, **kwargs)


def ahead_or_not(folder, monkeypatch) -> tuple[dict, dict]:
    """Import ``folder`` extracting in this process, then in another one ahead of the writer (each rolled
    back): what each proposed."""
    monkeypatch.setattr(run, "ProcessPoolExecutor", CountingPool)
    monkeypatch.setattr(CountingPool, "submitted", 0)
    monkeypatch.setattr(run, "AHEAD_FROM", 2)
    outcomes = {}
    for ahead in (False, True):
        with transaction.atomic():
            report = run.import_articles(paths=[folder], extract_ahead=ahead)
            outcomes[ahead] = (sorted(report.new), sorted(report.failed), report.created, snapshot())
            transaction.set_rollback(True)
    return outcomes[False], outcomes[True]


def test_extracting_ahead_in_another_process_proposes_the_same(tmp_path, monkeypatch):
    generate_data(scale=30, seed=3)
    for name, text in article_texts(12, seed=11):
        (tmp_path / name).write_text(text, encoding="utf-8")
    here, ahead = ahead_or_not(tmp_path, monkeypatch)
    assert CountingPool.submitted == 12  # every article was extracted by the other process
    assert len(here[0]) == 12 and here[2]["delegations"]
    assert ahead == here


def test_an_article_the_other_process_fails_to_extract_costs_only_itself(tmp_path, monkeypatch):
    texts = list(article_texts(4, seed=11))
    for name, text in texts:
        (tmp_path / name).write_text(text, encoding="utf-8")
    bad = texts[1][1]
    real = run.extract

    def extract(text):
        if text == bad:
            raise ValueError("no sentence ends")
        return real(text)

    monkeypatch.setattr(run, "extract", extract)  # the other process is forked with it
    here, ahead = ahead_or_not(tmp_path, monkeypatch)
    assert CountingPool.submitted == 4
    assert ahead[1] == here[1] == [(str(tmp_path / texts[1][0]), "ValueError: no sentence ends")]
    assert len(ahead[0]) == 3 and ahead == here


def article(name: str, n: int, sentences: str) -> tuple[ArticleFile, list[Evidence]]:
    """The article file ``<name>-<n>`` reading "Report <n>. <sentences>", and evidence of its whole text."""
    text = f"Report {n}. {sentences}\n"
    evidence = [Evidence(0, len(text) - 1, ("name",))]
    return ArticleFile(key=f"{name}-{n}", name=f"{name}-{n}.txt", text=text), evidence


def reports(n: int):
    """Articles on one visit of known officials: the same visit, meeting and agreement again, Tan's
    position seen on other days; the second names a new official, whom the third names again."""
    file, ev = article(
        "report", n, "Le Vinh Tan visited. He met Ivan Petrov and Anna Sokolova. They signed a plan."
    )
    day = PartialDate(2021, 3, {1: 11, 2: 20, 3: 15}[n])  # the second is the latest
    anna = ["anna"] if n > 1 else []
    officials = [
        OfficialProposal(key="tan", name="Le Vinh Tan", country="VN", titles=["Envoy"], evidence=ev),
        OfficialProposal(key="ivan", name="Ivan Petrov", country="RU", evidence=ev),
    ]
    if anna:
        officials.append(
            OfficialProposal(
                key="anna", name="Anna Sokolova", country="RU", flags=[f"seen in {n}"], evidence=ev
            )
        )
    extraction = Extraction(
        title=f"Report {n}",
        date=day,
        officials=officials,
        delegations=[
            DelegationProposal(
                key="d", from_country="VN", to_country="RU", head="tan", members=anna, start=day, evidence=ev
            )
        ],
        meetings=[
            MeetingProposal(
                key="m", date=PartialDate(2021, 3, 12), participants=["tan", "ivan", *anna],
                evidence=ev,
            )
        ],
        agreements=[
            AgreementProposal(
                key="a", title="Plan of cooperation", period_start=2021, period_end=2025,
                signatories=["tan", *anna], evidence=ev,
            )
        ],
    )  # fmt: skip
    return file, extraction


def test_later_articles_of_a_batch_find_what_earlier_ones_wrote(monkeypatch):
    import reversion

    from relations.editorial.models import SlugPool
    from relations.importing.batch import WriteBatch
    from relations.importing.resolving import Resolver
    from relations.importing.writing import ArticleWriter
    from tests.factories import OfficialFactory

    OfficialFactory(name="Le Vinh Tan", country="VN")
    OfficialFactory(name="Ivan Petrov", country="RU", status="published")  # his new citations are held
    states = []
    for batched in (True, False):
        with transaction.atomic(), CaptureQueriesContext(connection) as queries:
            resolver, slugs = Resolver.load(), SlugPool()
            batch = WriteBatch() if batched else None
            for n in (1, 2, 3):
                with reversion.create_revision(manage_manually=True, atomic=False):
                    ArticleWriter(resolver, slugs=slugs, batch=batch).write(*reports(n), None)
            if batch:
                batch.flush()
            states.append((snapshot(), len(queries)))
            transaction.set_rollback(True)
    (batched, batched_queries), (alone, alone_queries) = states
    for name, rows in alone.items():
        assert batched[name] == rows, name
    # One visit and agreement; the meeting of three is another than the meeting of two.
    assert len(alone["Delegation"]) == len(alone["Agreement"]) == 1 and len(alone["Meeting"]) == 2
    (position,) = alone["Position"]  # Tan's, seen from the first article's day to the second's
    assert (position["first_seen"].day, position["last_seen"].day) == (11, 20)
    assert len(alone["PendingChange"]) == 3
    assert batched_queries < alone_queries


def again(n: int, *, flag: str = ""):
    """Articles on one new visit: the same officials, ministry, visit, meeting and agreement each time;
    with ``flag``, the visit's head is flagged anew."""
    file, ev = article(
        "again", n, "Le Vinh Tan of the Ministry of Works visited. He met Ivan Petrov. They signed."
    )
    day = PartialDate(2021, 3, 12)
    extraction = Extraction(
        title=f"Report {n}",
        date=day,
        organizations=[OrganizationProposal(key="o", name="Ministry of Works", country="VN", evidence=ev)],
        officials=[
            OfficialProposal(
                key="tan", name="Le Vinh Tan", country="VN", organization="o", flags=[flag] if flag else [],
                evidence=ev,
            ),
            OfficialProposal(key="ivan", name="Ivan Petrov", country="RU", evidence=ev),
        ],
        delegations=[
            DelegationProposal(
                key="d", from_country="VN", to_country="RU", head="tan", sending_body="o", start=day,
                evidence=ev,
            )
        ],
        meetings=[MeetingProposal(key="m", date=day, participants=["tan", "ivan"], evidence=ev)],
        agreements=[
            AgreementProposal(
                key="a", title="Plan of cooperation", period_start=2021, period_end=2025, parties=["o"],
                signatories=["tan", "ivan"], evidence=ev,
            )
        ],
    )  # fmt: skip
    return file, extraction


def keyless(revisions: list) -> list:
    """``test_history.history()`` without the records' keys, which a sequence gives anew each time."""
    import json

    def fields(data: str) -> list:
        return [{k: v for k, v in row.items() if k != "pk"} for row in json.loads(data)]

    return [
        (
            comment,
            user,
            date,
            [(model, db, form, fields(data), name) for model, _, db, form, data, name in vs],
        )
        for comment, user, date, vs in revisions
    ]


def test_a_record_an_earlier_article_of_the_batch_created_is_found_as_it_waits(monkeypatch):
    """The second and third articles find the ministry, officials, visit, meeting and agreement the first
    created without the batch writing them first; the fourth flags the visit's head anew, which writes
    them first: the head is saved and his version goes into that article's history. Everything, history
    included, as written one article at a time."""
    import reversion
    from django.utils import timezone

    from relations.editorial.models import SlugPool
    from relations.importing.batch import WriteBatch
    from relations.importing.resolving import Resolver
    from relations.importing.writing import ArticleWriter
    from tests.importing.test_history import NOW, history

    monkeypatch.setattr(timezone, "now", lambda: NOW)
    found = []
    for batched in (True, False):
        with transaction.atomic():
            resolver, slugs, batch = Resolver.load(), SlugPool(), WriteBatch()
            writes = []
            for n, flag in ((1, ""), (2, ""), (3, ""), (4, "seen again")):
                comment = f"Re-imported from again-{n}.txt"
                if batched:
                    ArticleWriter(resolver, slugs=slugs, batch=batch, history=comment).write(
                        *again(n, flag=flag), None
                    )
                    writes.append(batch.writes)
                else:
                    with reversion.create_revision(manage_manually=True, atomic=False):
                        reversion.set_comment(comment)
                        ArticleWriter(resolver, slugs=slugs).write(*again(n, flag=flag), None)
            batch.flush()
            found.append((snapshot(), keyless(history()), writes))
            transaction.set_rollback(True)
    (batched, batched_history, writes), (alone, alone_history, _) = found
    for name, rows in alone.items():
        assert batched[name] == rows, name
    assert batched_history == alone_history
    assert writes == [0, 0, 0, 1]  # found as they wait, until the fourth article changes one
    for model in ("Organization", "Official", "Delegation", "Meeting", "Agreement"):
        assert len(alone[model]) == {"Official": 2}.get(model, 1), model
    (meeting,) = alone["Meeting"]
    assert len(alone["Citation"]) == 4 * 6 and len(meeting["participants"]) == 2
    (head,) = [o for o in alone["Official"] if o["name"] == "Le Vinh Tan"]
    assert head["flags"] == ["seen again"]
    ((comment, *_, versions),) = alone_history  # only the fourth article changed a record it had not made
    assert comment == "Re-imported from again-4.txt" and versions[0][0] == "official"


def test_the_batch_writes_a_tables_rows_in_as_few_statements_as_bulk_create(django_assert_num_queries):
    """A table's waiting rows go in statements of as many rows as ``bulk_create`` puts in one (not a
    statement a row), each row as ``bulk_create`` writes it; a row that is there already is left."""
    import math

    from relations.importing.batch import _fields_of, insert
    from tests.factories import OfficialFactory

    tan = OfficialFactory(name="Le Vinh Tan")
    OfficialAlias.objects.create(official=tan, name="Alias 7", name_folded="alias 7")
    rows = [OfficialAlias(official=tan, name=f"Alias {i}", name_folded=f"alias {i}") for i in range(600)]
    size = min(connection.ops.bulk_batch_size(_fields_of(OfficialAlias, False), rows), 65_535 // 4)
    with django_assert_num_queries(math.ceil(600 / size)):
        insert(OfficialAlias, rows, ignore=True, using="default")
    names = dict(OfficialAlias.objects.filter(official=tan).values_list("name_folded", "name"))
    assert names == {f"alias {i}": f"Alias {i}" for i in range(600)}
    assert set(OfficialAlias.objects.filter(official=tan).values_list("kind", flat=True)) == {
        OfficialAlias._meta.get_field("kind").default
    }
