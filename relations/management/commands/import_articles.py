import signal
import sys
from contextlib import contextmanager
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from relations.importing.run import import_articles

PROGRESS_MIN = 20  # show a progress bar on a terminal from this many files
STOPPED = 3  # exit status of a run stopped by Ctrl-C or SIGTERM


@contextmanager
def sigterm_as_interrupt():
    """SIGTERM stops the run as Ctrl-C does: the article under way rolls back, the finished ones stay."""

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread: leave the signal alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


class Command(BaseCommand):
    help = "Extract officials, delegations, meetings and agreements from article files (*.txt) as drafts."

    def add_arguments(self, parser):
        parser.add_argument(
            "paths", nargs="+", type=Path, help="Article files or folders (searched for *.txt)."
        )
        parser.add_argument("--dry-run", action="store_true", help="Do everything, then roll back.")

    def handle(self, *args, paths, dry_run, verbosity, **options):
        styles = {
            "new": self.style.SUCCESS,
            "updated": self.style.SUCCESS,
            "unchanged": str,
            "held": self.style.WARNING,
            "failed": self.style.ERROR,
            "warning": self.style.WARNING,
        }

        def on_article(state, name, detail):
            if state == "failed":
                self.stderr.write(self.style.ERROR(f"{name}: {detail}"))
            elif state == "warning":
                self.stderr.write(self.style.WARNING(f"{name}: warning: {detail}"))
            elif verbosity >= 2 or (verbosity >= 1 and (state == "held" or dry_run and state != "unchanged")):
                self.stdout.write(styles[state](f"{state:>9}  {name}" + (f"  ({detail})" if detail else "")))

        bar = sys.stderr.isatty() and verbosity >= 1

        def progress(done, total, name):
            if bar and total >= PROGRESS_MIN:
                width = 30
                filled = width * done // total
                sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
                if done == total:
                    sys.stderr.write("\n")

        with sigterm_as_interrupt():
            report = import_articles(
                paths=paths, dry_run=dry_run, progress=progress, on_article=on_article, extract_ahead=True
            )
        if bar and report.stopped_at:
            sys.stderr.write("\n")
        if verbosity >= 1 or report.failed or report.stopped_at:
            for line in report.summary_lines():
                self.stdout.write(line)
        if report.stopped_at:
            raise CommandError("stopped before the end", returncode=STOPPED)
        if not report.readable:
            raise CommandError("no article could be read", returncode=1)
        if report.failed:
            raise CommandError(f"{len(report.failed)} article(s) failed", returncode=2)
