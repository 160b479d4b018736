"""django-import-export's ``import``, inside the editorial workflow.

Same arguments and formats as the library's command, which this one replaces (``relations`` comes before
``import_export`` in ``INSTALLED_APPS``). The project's models are imported only through their contract
resources (``people.resources.OfficialResource`` and the like), whose workflow guard keeps a change to a
published or archived record as a pending change for a publisher and refuses any status change into or
out of public; anything else of the project (``people.Official``, which would give the library's plain
resource of every field, citations, articles, history) is refused, naming the file and the reason.
"""

import importlib
import sys

import reversion
from django.contrib import admin
from django.core.management.base import CommandError
from import_export.command_utils import get_format_class, get_resource_class
from import_export.results import RowResult

from relations.editorial.table_imports import refusal

library = importlib.import_module("import_export.management.commands.import")  # "import" is a keyword


def contract_resource(model) -> str:
    """The dotted path of ``model``'s contract resource (its admin's), or ""."""
    model_admin = admin.site.get_model_admin(model) if admin.site.is_registered(model) else None
    for resource_class in getattr(model_admin, "resource_classes", None) or []:
        return f"{resource_class.__module__}.{resource_class.__qualname__}"
    return ""


class Command(library.Command):
    help = (
        "Import a table into a model through its contract resource (e.g. people.resources.OfficialResource): "
        "changes to published records wait for a publisher; nothing is published."
    )

    def handle(self, *args, resource, import_file_name, interactive, dry_run, raise_errors, **options):
        name = import_file_name
        resource_class = get_resource_class(resource)
        model = getattr(resource_class._meta, "model", None)
        why = refusal(resource_class, contract=contract_resource(model) if model else "")
        if why:
            raise CommandError(f"{name}: not imported: {why}.")
        if interactive and input("Are you sure you want to import the data? [yes/no]: ") != "yes":
            raise CommandError("Import cancelled.")
        format_class = get_format_class(options.get("format"), name, options.get("encoding"))
        dataset = format_class.create_dataset(read(name, format_class))
        loaded = resource_class()
        with reversion.create_revision():
            reversion.set_comment(f"Imported from {name} (manage.py import).")
            result = loaded.import_data(
                dataset,
                dry_run=dry_run,
                raise_errors=raise_errors,
                use_transactions=True,  # a file is saved whole or not at all
                rollback_on_validation_errors=True,
                route=f"manage.py import ({name})"[:100],
            )
        if dry_run:
            self.stderr.write(self.style.NOTICE("--dry-run: nothing was saved."))
        problems = errors_of(result)
        if problems:
            self.stderr.write(self.style.ERROR(f"{name}: not imported, nothing was saved:"))
            for problem in problems:
                self.stderr.write(self.style.ERROR(f"  {problem}"))
            sys.exit(1)
        totals = result.totals
        plural = loaded._meta.model._meta.verbose_name_plural
        self.stderr.write(
            self.style.NOTICE(
                f"{name}: {totals[RowResult.IMPORT_TYPE_NEW]} new, {totals[RowResult.IMPORT_TYPE_UPDATE]} "
                f"updated, {totals[RowResult.IMPORT_TYPE_SKIP]} skipped {plural}."
            )
        )
        held = getattr(loaded, "held_changes", [])
        if held and not dry_run:
            self.stderr.write(
                self.style.WARNING(
                    f"{len(held)} of them published: the changes wait for a publisher (pending change "
                    f"{', '.join(f'#{c.pk}' for c in held)}); the public site shows the published version."
                )
            )


def read(name: str, format_class):
    """The file's content as its format reads it (``-``: standard input); a file that cannot be read is
    refused with its name and the reason."""
    if name == "-":
        return sys.stdin.buffer.read() if format_class.is_binary() else sys.stdin.read()
    try:
        with open(name, format_class.get_read_mode()) as file:
            return file.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise CommandError(f"{name}: not read: {exc}") from exc


def errors_of(result) -> list[str]:
    """What stopped the import, one line each: the file's own errors and each row's, by line; else the
    rows that did not validate."""
    if result.has_errors():
        lines = [str(error.error) for error in result.base_errors]
        rows = result.row_errors()
        return lines + [f"line {line}: {error.error}" for line, errors in rows for error in errors]
    if result.has_validation_errors():
        return [f"line {row.number}: {row.error_dict}" for row in result.invalid_rows]
    return []
