import json
import resource
import tempfile
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, reset_queries

from relations.importing.run import import_articles
from relations.models import Article
from relations.scale.synthetic import articles

SAMPLE = 20  # articles imported to count queries per article


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Command(BaseCommand):
    help = (
        "Import benchmark: articles/s and peak memory for generated corpora, new and unchanged, and queries "
        "per article on an empty and on a full database. Empties the configured database: use a throw-away "
        "one."
    )

    def add_arguments(self, parser):
        parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--output", type=Path, help="Write the numbers to this JSON file.")
        parser.add_argument("--yes", action="store_true", help="Empty a database that holds articles.")

    def handle(self, *args, sizes, seed, output, yes, **options):
        call_command("migrate", verbosity=0)
        if Article.objects.exists() and not yes:
            raise CommandError(
                "the database holds articles: point DATABASE_URL at a throw-away one, or --yes"
            )
        work = Path(tempfile.mkdtemp(prefix="import-bench-"))
        sample = self._write(work / "sample", SAMPLE, seed=seed + 999)
        call_command("flush", "--no-input", verbosity=0)
        empty_queries = self._queries_per_article(sample)
        rows = []
        for size in sizes:
            call_command("flush", "--no-input", verbosity=0)
            folder = self._write(work / f"articles-{size}", size, seed=seed + size)
            base = rss_mb()
            first = import_articles(paths=[folder], extract_ahead=True)
            peak = rss_mb() - base
            again = import_articles(paths=[folder], extract_ahead=True)
            rows.append(
                {
                    "articles": size,
                    "new_per_s": round(len(first.new) / first.elapsed, 1),
                    "unchanged_per_s": round(len(again.unchanged) / again.elapsed, 1),
                    "peak_rss_added_mb": round(peak, 1),
                    "queries_per_article_full_db": round(self._queries_per_article(sample), 1),
                    "failed": len(first.failed),
                    "records": dict(first.created),
                }
            )
            self.stdout.write(f"  {size} articles done")
        self.stdout.write(f"database: {connection.vendor}")
        header = f"{'articles':>9} {'new/s':>8} {'unchanged/s':>12} {'peak MB':>8} {'queries/article':>16}"
        self.stdout.write(header + f" {'failed':>7}")
        for r in rows:
            self.stdout.write(
                f"{r['articles']:>9} {r['new_per_s']:>8} {r['unchanged_per_s']:>12} "
                f"{r['peak_rss_added_mb']:>8} {r['queries_per_article_full_db']:>16} {r['failed']:>7}"
            )
        self.stdout.write(f"queries per article on an empty database: {empty_queries:.1f}")
        if output:
            output.write_text(
                json.dumps({"rows": rows, "queries_per_article_empty_db": empty_queries}, indent=2)
            )

    @staticmethod
    def _write(folder: Path, n: int, *, seed: int) -> Path:
        folder.mkdir(parents=True)
        for name, text in articles(n, seed=seed):
            (folder / name).write_text(text, encoding="utf-8")
        return folder

    @staticmethod
    def _queries_per_article(folder: Path) -> float:
        """Import the sample in a rolled-back run and count its queries."""
        connection.force_debug_cursor = True
        reset_queries()
        try:
            report = import_articles(paths=[folder], dry_run=True)
            return len(connection.queries) / max(1, len(report.new))
        finally:
            connection.force_debug_cursor = False
