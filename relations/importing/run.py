"""import_articles: read files, extract, resolve and write, a batch of articles per transaction.

The articles of a batch (``BATCH``) are written together, in one transaction, each table's new rows in
one INSERT (``relations.importing.batch``); the same proposals as written one at a time. No transaction
surrounds the run: another writer waits for one batch at most, and a run stopped by Ctrl-C or SIGTERM
keeps every finished batch; the same command again recognises their articles as unchanged and goes on
from where it stopped. Should an article of a batch fail, the batch is rolled back and its articles are
written again one per transaction, so that the failure costs only that article. Only ``dry_run`` wraps
the run in one transaction, to roll it back.

With ``extract_ahead`` (the command's runs), a run of ``AHEAD_FROM`` articles or more has another process
extract its articles while this one writes: extraction is pure (text in, proposals out), so the writer
takes each article's proposals as it comes to the article, while the next ones are being read. The same
proposals, in the same order, as extracted here.
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from people.merging import counted
from relations.editorial import pending
from relations.editorial.models import SlugPool
from relations.editorial.search import update_planner_statistics
from relations.importing.batch import WriteBatch, rows
from relations.importing.extraction import extract
from relations.importing.reading import ArticleError, ArticleFile, Source, find_sources, iter_articles
from relations.importing.resolving import Resolver
from relations.importing.writing import ArticleWriter
from relations.models import Article, Citation

log = logging.getLogger(__name__)
RECORD_TYPES = ("officials", "organizations", "delegations", "meetings", "agreements")


@dataclass
class ImportReport:
    new: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    held: list[str] = field(default_factory=list)  # new text for an article published records cite
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    created: Counter = field(default_factory=Counter)
    matched: Counter = field(default_factory=Counter)
    held_citations: list[str] = field(default_factory=list)  # published records whose new citations wait
    kept: list[str] = field(default_factory=list)  # published or archived records described otherwise
    elapsed: float = 0.0
    dry_run: bool = False
    stopped_at: str = ""  # the file being imported when the run was interrupted
    done: int = 0  # files dealt with (of total) when it ended
    total: int = 0

    @property
    def readable(self) -> int:
        return len(self.new) + len(self.updated) + len(self.unchanged) + len(self.held)

    def summary_lines(self) -> list[str]:
        lines = [
            f"Articles: {len(self.new)} new, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.failed)} failed"
            + (f", {len(self.held)} held for review" if self.held else "")
            + (" (dry run: nothing was saved)" if self.dry_run else ""),
            "Records proposed: "
            + ", ".join(counted(self.created[t], t) for t in RECORD_TYPES)
            + (f"; existing records cited again: {sum(self.matched.values())}" if self.matched else ""),
            f"Elapsed: {self.elapsed:.2f} s"
            + (f" ({self.readable / self.elapsed:.0f} articles/s)" if self.elapsed and self.readable else ""),
        ]
        if self.kept:
            lines.append(
                f"Left as they are: {counted(len(self.kept), 'published or archived records')} the articles "
                "describe otherwise (a publisher or an editor changes them): " + "; ".join(self.kept)
            )
        if self.held_citations:
            lines.append(
                f"New citations of {len(self.held_citations)} published record(s) wait for a publisher "
                "(pending changes): their pages and the articles' show them once accepted."
            )
        if self.stopped_at:
            lines.append(
                f"Stopped at {self.stopped_at} ({self.done} of {self.total} files done): every article "
                "before it is saved, that one and the rest are not. Run the same import again to go on from "
                "there."
            )
        return lines


def import_articles(
    *,
    paths: Iterable[Path] | None = None,
    files: Iterable[tuple[str, bytes]] | None = None,
    dry_run: bool = False,
    progress: Callable[[int, int, str], None] | None = None,
    on_article: Callable[[str, str, str], None] | None = None,
    by=None,
    extract_ahead: bool = False,
) -> ImportReport:
    """Import article files from ``paths`` (files or folders) and/or uploaded ``files`` (name, bytes).

    Articles are saved and committed a batch at a time: a failure costs only that article, and an
    interruption (KeyboardInterrupt, which the command raises on SIGTERM too) keeps the finished batches
    and sets ``stopped_at`` to the first article of the one under way. With ``dry_run``, everything runs
    inside one transaction that is rolled back.
    ``on_article(state, name, detail)`` is called for every article (state: new, updated, unchanged,
    held, failed, warning); ``progress(done, total, name)`` after each. ``extract_ahead`` lets a long run
    extract in another process, ahead of the writer (not for a process that serves requests: it forks).

    New text for an article that published records cite is not written: the article keeps the text those
    citations quote, and the new text waits for a publisher as a pending change (made ``by`` this user).
    """
    started = time.perf_counter()
    report = ImportReport(dry_run=dry_run)
    notify = on_article or (lambda state, name, detail: None)
    sources, problems = find_sources(paths or [])
    sources += [Source(name=name, data=data) for name, data in files or []]
    for name, reason in [*problems, *_refused_keys(sources)]:
        report.failed.append((name, reason))
        notify("failed", name, reason)
    refused = {name for name, _ in report.failed}
    sources = [source for source in sources if source.name not in refused]
    with _extractor(ahead=extract_ahead and len(sources) >= AHEAD_FROM) as extracting:
        if dry_run:
            with transaction.atomic():
                _import_sources(sources, report, notify, progress, by, extracting)
                transaction.set_rollback(True)
        else:
            _import_sources(sources, report, notify, progress, by, extracting)
    if (report.new or report.updated) and not dry_run:
        update_planner_statistics()
    report.elapsed = time.perf_counter() - started
    return report


def _refused_keys(sources: list[Source]) -> list[tuple[str, str]]:
    """Files refused for their key: one that several files of the run share, or one too long to store."""
    by_key = defaultdict(list)
    for source in sources:
        by_key[source.key].append(source.name)
    limit = Article._meta.get_field("key").max_length
    refused = []
    for key, names in by_key.items():
        if len(names) > 1:
            for name in names:
                others = ", ".join(n for n in names if n != name) or name
                refused.append(
                    (
                        name,
                        f"has the article key {key!r}, as {others} in this import does: rename one of them",
                    )
                )
        elif len(key) > limit:
            refused.append(
                (
                    names[0],
                    f"its article key (its path without .txt) is {len(key):,} characters, over {limit}",
                )
            )
    return refused


#: Articles written together: in one transaction, each table's new rows in one INSERT (see batch.py).
BATCH = 100
#: A run of this many articles or more may extract them in another process (``extract_ahead``).
AHEAD_FROM = 10


@contextmanager
def _extractor(*, ahead: bool) -> Iterator[Callable[[str], Future]]:
    """``extracting(text)``: a future of ``extract(text)``. Here and now; or, ``ahead``, in one other
    process (forked, so it starts with what this one has loaded), in the order asked, while this one
    writes what came before."""
    if not ahead or "fork" not in multiprocessing.get_all_start_methods():
        yield _extracted_here
        return
    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
    try:
        yield lambda text: pool.submit(_extract, text)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _extract(text: str):
    """The extractor as this module names it, looked up when called (in the other process too)."""
    return extract(text)


def _extracted_here(text: str) -> Future:
    done: Future = Future()
    try:
        done.set_result(_extract(text))
    except Exception as exc:
        done.set_exception(exc)
    return done


def _proposals(source, extracting: Future):
    """The article's extraction, or ("failed", why) when the extractor raised."""
    try:
        return extracting.result()
    except Exception as exc:
        log.error("extraction of %s failed", source.name, exc_info=exc)
        return ("failed", f"{type(exc).__name__}: {exc}")


@dataclass
class _Run:
    """What a run's articles share: the report, the resolver and slugs, and the articles already known."""

    report: ImportReport
    notify: Callable
    progress: Callable | None
    by: object
    # What the database held of the keys and texts of the run's files when asked (:func:`_learn`), and
    # what the run made of them since.
    known: dict = field(default_factory=dict)  # content hash -> key
    keys: dict = field(default_factory=dict)  # key -> content hash
    keys_before: set = field(default_factory=set)  # the keys articles had before the run wrote any
    asked: tuple[set, set] = field(default_factory=lambda: (set(), set()))  # the hashes and keys asked
    resolver: Resolver | None = None  # loaded on the first article that needs it
    slugs: SlugPool = field(default_factory=SlugPool)  # the slugs new records take, read once

    def reset(self) -> None:
        """Forget what may hold records that were rolled back."""
        self.resolver, self.slugs = None, SlugPool()


def _import_sources(sources, report: ImportReport, notify, progress, by, extracting) -> None:
    state = _Run(report, notify, progress, by)
    report.total = len(sources)
    batch: list = []  # (done, source, article, extraction) to write together, then what to report
    waiting: set[str] = set()  # the texts (content hashes) of the batch's articles
    files = enumerate(iter_articles(sources, max_bytes=settings.ARTICLE_MAX_BYTES), 1)
    try:
        while chunk := list(itertools.islice(files, BATCH)):
            _learn(state, [article for _, (_, article) in chunk if not isinstance(article, str)])
            for done, (source, article) in chunk:
                if not isinstance(article, str) and article.content_hash in waiting:
                    # The text of an article of the batch: the same article only if that one is written.
                    _write_batch(state, batch)
                    batch, waiting = [], set()
                if isinstance(article, str):
                    batch.append((done, source, ("failed", article)))
                elif state.keys.get(article.key) == article.content_hash:
                    batch.append((done, source, ("unchanged", "")))
                elif article.content_hash in state.known:
                    same = f"same text as article {state.known[article.content_hash]!r}"
                    batch.append((done, source, ("unchanged", same)))
                else:  # its proposals are taken when the batch comes to write it
                    batch.append((done, source, (article, extracting(article.text))))
                    waiting.add(article.content_hash)
                    # A later file of the run with the same text is the same article.
                    state.known[article.content_hash] = article.key
                    state.keys[article.key] = article.content_hash
                if sum(1 for *_, what in batch if not isinstance(what[0], str)) >= BATCH:
                    _write_batch(state, batch)
                    batch, waiting = [], set()
        _write_batch(state, batch)
    except KeyboardInterrupt:  # every batch before this one is committed; this one was rolled back
        report.stopped_at = sources[report.done].name if report.done < len(sources) else "the end"


#: Keys or texts asked of the database in one statement.
ASKED_AT_A_TIME = 400


def _learn(state: _Run, articles: list) -> None:
    """What the database holds of these files' keys and texts (the text of an article with the key, the
    key of an article with the text), read for a run's files a chunk at a time rather than every article
    at the start (25,000 at N = 100,000, for a hundred files). As the run would have read it at its
    start: an article the run has written since has a key and text asked before, which are not read
    again (what the run made of them stands)."""
    hashes_asked, keys_asked = state.asked
    hashes = sorted({a.content_hash for a in articles} - hashes_asked)
    keys = sorted({a.key for a in articles} - keys_asked)
    found = []
    for start in range(0, max(len(hashes), len(keys)), ASKED_AT_A_TIME):
        some_hashes, some_keys = (
            hashes[start : start + ASKED_AT_A_TIME],
            keys[start : start + ASKED_AT_A_TIME],
        )
        where = " OR ".join(
            f"{{{name}}} IN ({', '.join(['%s'] * len(values))})"
            for name, values in (("content_hash", some_hashes), ("key", some_keys))
            if values
        )
        found += rows(Article, "content_hash", "key", where=where, params=[*some_hashes, *some_keys])
    for content_hash, key in found:
        if content_hash not in hashes_asked:
            state.known[content_hash] = key
        if key not in keys_asked:
            state.keys[key] = content_hash
            state.keys_before.add(key)
    hashes_asked.update(hashes)
    keys_asked.update(keys)


def _write_batch(state: _Run, batch: list) -> None:
    """Write the articles of ``batch`` in one transaction, then report each in order. Should one fail, the
    transaction is rolled back and each is written again in its own, so that only that one is lost."""
    todo = [(source, what) for _, source, what in batch if not isinstance(what[0], str)]
    outcomes = {}
    if len(todo) > 1:
        try:
            with transaction.atomic():
                writes = WriteBatch()
                for source, (article, extracting) in todo:
                    proposals = _proposals(source, extracting)
                    outcomes[source.name] = (
                        proposals
                        if isinstance(proposals, tuple)
                        else _result(_write(state, source, article, proposals, writes))
                    )
                writes.flush()
        except KeyboardInterrupt:
            raise
        except Exception:
            log.info("a batch of %d articles failed: writing them one by one", len(todo), exc_info=True)
            state.reset()
            outcomes = {}
    for done, source, what in batch:  # each written alone is reported at once, as a stop may follow
        if isinstance(what[0], str):
            _report(state, source, *what)
        else:
            article, extracting = what
            if source.name not in outcomes:
                proposals = _proposals(source, extracting)
                outcomes[source.name] = (
                    proposals
                    if isinstance(proposals, tuple)
                    else _write_alone(state, source, article, proposals)
                )
            if outcomes[source.name][0] in ("failed", "held"):  # a later file with its text is tried again
                state.known.pop(article.content_hash, None)
                state.keys.pop(article.key, None)
            _report(state, source, *outcomes[source.name])
        state.report.done = done
        if state.progress:
            state.progress(done, state.report.total, source.name)


def _write_alone(state: _Run, source, article, extraction) -> tuple:
    """Write one article in its own transaction; what to report of it."""
    try:
        with transaction.atomic():
            outcome = _write(state, source, article, extraction, None)
    except ArticleError as exc:
        return ("failed", str(exc))
    except Exception as exc:
        log.exception("import of %s failed", source.name)
        state.reset()  # the resolver and slugs may hold records that were rolled back
        return ("failed", f"{type(exc).__name__}: {exc}")
    return _result(outcome)


def _result(outcome) -> tuple:
    """What to report of a written article: its outcome, or ("held", why) for new text held for review."""
    return ("held", outcome) if isinstance(outcome, str) else (outcome,)


def _write(state: _Run, source, article, extraction, writes: WriteBatch | None):
    """Write one article (its outcome), or hold its new text (why, a string); inside a transaction.

    History records the importer's changes to records that existed before (see writing.py): a revision an
    article, written with its batch; a record it creates is dated by created_at and cites its article.
    Inside a revision already under way (the admin's upload page), the changes go into that one instead,
    as reversion gathers them.
    """
    comment = f"Re-imported from {source.name}"
    if reversion.is_active():
        with reversion.create_revision(manage_manually=True, atomic=False):
            reversion.set_comment(comment)
            return _write_article(state, source, article, extraction, writes, history="")
    return _write_article(state, source, article, extraction, writes, history=comment)


def _write_article(state: _Run, source, article, extraction, writes: WriteBatch | None, *, history: str):
    state.resolver = state.resolver or Resolver.load()
    # A key no article had when the run began is a new article.
    existing = Article.objects.filter(key=article.key).first() if article.key in state.keys_before else None
    _check_origin(source, existing)
    held = _hold_if_cited(existing, article, source, state.by)
    if held:
        return held
    writer = ArticleWriter(
        state.resolver, by=state.by, slugs=state.slugs, origin=source.origin, batch=writes, history=history
    )
    return writer.write(article, extraction, existing)


def _report(state: _Run, source, what, detail: str = "") -> None:
    report, notify = state.report, state.notify
    if isinstance(what, str):
        if what == "failed":
            report.failed.append((source.name, detail))
        else:
            getattr(report, what).append(source.name)
        notify(what, source.name, detail)
        return
    outcome = what
    (report.new if outcome.state == "new" else report.updated).append(source.name)
    report.created.update(outcome.created)
    report.matched.update(outcome.matched)
    report.held_citations += outcome.held_citations
    report.kept += outcome.kept
    counts = ", ".join(counted(n, t) for t, n in outcome.created.items() if n) or "no new records"
    notify(outcome.state, source.name, counts)
    for warning in outcome.warnings:
        report.warnings.append((source.name, warning))
        notify("warning", source.name, warning)


def _check_origin(source: Source, existing: Article | None) -> None:
    """Refuse a file whose key belongs to an article imported from another file that is still there.

    ``2022/001.txt`` and ``2023/001.txt`` imported one at a time both have the key ``001``: the second is
    refused, naming the first, rather than replacing its text. A file that moved (the old path is gone)
    keeps its article.
    """
    if (
        existing is None
        or not source.origin
        or not existing.source_file
        or existing.source_file == source.origin
    ):
        return
    if Path(existing.source_file).is_file():
        raise ArticleError(
            f"has the article key {existing.key!r} of the article imported from {existing.source_file}: "
            "import the folder that holds both, so that each keeps its folder in its key, or rename one"
        )


def _hold_if_cited(existing: Article | None, article, source, by) -> str:
    """Keep new text for an article that published records cite as a pending change; why, or ""."""
    if existing is None or not pending.cited_by_public(existing):
        return ""
    change = pending.hold_text(
        existing, article.text, content_hash=article.content_hash, source=source.name, user=by
    )
    return f"published records cite this article: its new text waits for review (pending change #{change.pk})"


def apply_article_text(article: Article, text: str, *, by=None) -> list[str]:
    """Accepted new text for ``article``: citations it no longer contains go, the others move with their
    quote, and the importer proposes again from the new text (as a re-import would)."""
    source = ArticleFile(key=article.key, name=article.key, text=text)
    other = Article.objects.filter(content_hash=source.content_hash).exclude(pk=article.pk).first()
    if other is not None:
        raise ValidationError(f"Article {other.key!r} has the same text; reject this change.")
    lost = [c.pk for c in article.citations.all() if c.quote not in text]
    Citation.objects.filter(pk__in=lost).delete()
    outcome = ArticleWriter(Resolver.load()).write(source, extract(text), article)
    return (
        ["text"]
        + ([f"{len(lost)} citation(s) no longer in the text removed"] if lost else [])
        + [f"left as they are: {record}" for record in outcome.kept]
    )
