import json
import shutil
import tempfile
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from relations.scale.benchmark import report_lines, run_benchmark


class Command(BaseCommand):
    help = (
        "Scale benchmark: generate N delegations and the rest into the configured (empty) database, serve "
        "the site with gunicorn on loopback, and measure page latency against a trivial view, queries per "
        "page, the CSV export and the import. Use a throw-away database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=int, default=100_000, help="N: how many delegations.")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--output", type=Path, help="Write the numbers to this JSON file.")
        parser.add_argument(
            "--reuse", action="store_true", help="Measure the records already in the database."
        )
        parser.add_argument("--requests", type=int, default=20, help="Requests per page (rounds).")
        parser.add_argument(
            "--import-articles", type=int, default=100, help="Generated articles to time the import on."
        )
        parser.add_argument(
            "--load-seconds", type=float, default=10.0, help="Seconds of each throughput run (4 workers)."
        )

    def handle(
        self, *args, scale, seed, output, reuse, requests, import_articles, load_seconds, verbosity, **options
    ):
        if scale < 1 or requests < 1:
            raise CommandError("--scale and --requests must be at least 1")
        progress = self.stderr.write if verbosity >= 1 else (lambda message: None)
        call_command("migrate", verbosity=0)
        work = Path(tempfile.mkdtemp(prefix="benchmark-"))
        try:
            results = run_benchmark(
                scale=scale,
                seed=seed,
                reuse=reuse,
                rounds=requests,
                import_articles=import_articles,
                work=work,
                progress=progress,
                load_seconds=load_seconds,
            )
        except (ValueError, RuntimeError) as error:
            raise CommandError(f"{error} (gunicorn's log: {work / 'gunicorn.log'})") from error
        for line in report_lines(results):
            self.stdout.write(line)
        if output:
            output.write_text(json.dumps(results, indent=2, ensure_ascii=False, default=str))
            self.stdout.write(self.style.SUCCESS(f"Wrote {output}"))
        shutil.rmtree(work, ignore_errors=True)
        missed = [key for key, ok in results["targets"].items() if not ok]
        if missed:
            self.stdout.write(self.style.WARNING(f"Targets missed: {', '.join(missed)}"))
