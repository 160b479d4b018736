"""import_articles: read files, extract, resolve and write, one transaction per article."""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import reversion
from django.conf import settings
from django.db import transaction

from relations.editorial.search import update_planner_statistics
from relations.importing.extraction import extract
from relations.importing.reading import Source, find_sources, iter_articles
from relations.importing.resolving import Resolver
from relations.importing.writing import ArticleWriter
from relations.models import Article

log = logging.getLogger(__name__)
RECORD_TYPES = ("officials", "organizations", "delegations", "meetings", "agreements")


@dataclass
class ImportReport:
    new: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    created: Counter = field(default_factory=Counter)
    matched: Counter = field(default_factory=Counter)
    elapsed: float = 0.0
    dry_run: bool = False

    @property
    def readable(self) -> int:
        return len(self.new) + len(self.updated) + len(self.unchanged)

    def summary_lines(self) -> list[str]:
        lines = [
            f"Articles: {len(self.new)} new, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.failed)} failed"
            + (" (dry run: nothing was saved)" if self.dry_run else ""),
            "Records proposed: "
            + ", ".join(f"{self.created[t]} {t}" for t in RECORD_TYPES)
            + (f"; existing records cited again: {sum(self.matched.values())}" if self.matched else ""),
            f"Elapsed: {self.elapsed:.2f} s"
            + (f" ({self.readable / self.elapsed:.0f} articles/s)" if self.elapsed and self.readable else ""),
        ]
        return lines


def import_articles(
    *,
    paths: Iterable[Path] | None = None,
    files: Iterable[tuple[str, bytes]] | None = None,
    dry_run: bool = False,
    progress: Callable[[int, int, str], None] | None = None,
    on_article: Callable[[str, str, str], None] | None = None,
) -> ImportReport:
    """Import article files from ``paths`` (files or folders) and/or uploaded ``files`` (name, bytes).

    Each article is saved in its own transaction: a failure costs only that article. With ``dry_run``,
    everything runs inside one transaction that is rolled back.
    ``on_article(state, name, detail)`` is called for every article (state: new, updated, unchanged,
    failed, warning); ``progress(done, total, name)`` after each.
    """
    started = time.perf_counter()
    report = ImportReport(dry_run=dry_run)
    notify = on_article or (lambda state, name, detail: None)
    sources, problems = find_sources(paths or [])
    sources += [Source(name=name, data=data) for name, data in files or []]
    for name, reason in problems:
        report.failed.append((name, reason))
        notify("failed", name, reason)
    with transaction.atomic():
        _import_sources(sources, report, notify, progress)
        if dry_run:
            transaction.set_rollback(True)
    if (report.new or report.updated) and not dry_run:
        update_planner_statistics()
    report.elapsed = time.perf_counter() - started
    return report


def _import_sources(sources, report: ImportReport, notify, progress) -> None:
    known = dict(Article.objects.values_list("content_hash", "key"))
    keys = {key: content_hash for content_hash, key in known.items()}
    resolver = None  # loaded on the first article that needs it
    total = len(sources)
    for done, (source, article) in enumerate(iter_articles(sources, max_bytes=settings.ARTICLE_MAX_BYTES), 1):
        if isinstance(article, str):
            report.failed.append((source.name, article))
            notify("failed", source.name, article)
        elif keys.get(article.key) == article.content_hash:
            report.unchanged.append(source.name)
            notify("unchanged", source.name, "")
        elif article.content_hash in known:
            report.unchanged.append(source.name)
            notify("unchanged", source.name, f"same text as article {known[article.content_hash]!r}")
        else:
            resolver = resolver or Resolver.load()
            try:
                extraction = extract(article.text)
                # History records the importer's changes to records that existed before (see writing.py);
                # a record it creates is dated by created_at and cites its article.
                with transaction.atomic(), reversion.create_revision(manage_manually=True):
                    reversion.set_comment(f"Re-imported from {source.name}")
                    existing = Article.objects.filter(key=article.key).first()
                    outcome = ArticleWriter(resolver).write(article, extraction, existing)
            except Exception as exc:
                log.exception("import of %s failed", source.name)
                reason = f"{type(exc).__name__}: {exc}"
                report.failed.append((source.name, reason))
                notify("failed", source.name, reason)
                resolver = None  # it may hold records that were rolled back
            else:
                (report.new if outcome.state == "new" else report.updated).append(source.name)
                report.created.update(outcome.created)
                report.matched.update(outcome.matched)
                known[article.content_hash] = article.key
                keys[article.key] = article.content_hash
                counts = ", ".join(f"{n} {t}" for t, n in outcome.created.items() if n) or "no new records"
                notify(outcome.state, source.name, counts)
                for warning in outcome.warnings:
                    report.warnings.append((source.name, warning))
                    notify("warning", source.name, warning)
        if progress:
            progress(done, total, source.name)
