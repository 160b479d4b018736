import time

from django.core.management.base import BaseCommand, CommandError

from relations.scale.generate import generate_data, holds_records


class Command(BaseCommand):
    help = (
        "Fill the database with made-up records: N delegations and meetings, N/2 officials, N/3 agreements, "
        "organizations, articles and citations, in every editorial status. Reproducible with --seed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=int, required=True, help="N: how many delegations.")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--add", action="store_true", help="Add to a database that already holds records."
        )

    def handle(self, *args, scale, seed, add, verbosity, **options):
        if scale < 1:
            raise CommandError("--scale must be at least 1")
        if holds_records() and not add:
            raise CommandError("the database already holds records: use a fresh one, or --add")
        progress = self.stdout.write if verbosity >= 2 else None
        started = time.perf_counter()
        created = generate_data(scale=scale, seed=seed, progress=progress)
        elapsed = time.perf_counter() - started
        rows = sum(created.values())
        summary = ", ".join(f"{n} {name}" for name, n in created.items())
        self.stdout.write(self.style.SUCCESS(f"{summary} in {elapsed:.1f} s ({rows / elapsed:.0f} rows/s)"))
