"""Import and export in the admin: safe formats, an upload limit, resources that respect the workflow.

django-import-export's own formula escaping (``IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT``) only strips a
leading ``=``. Spreadsheets also run cells that start with ``+``, ``-``, ``@``, a tab or a carriage return,
so these formats neutralise all of them the way OWASP recommends: a leading apostrophe, which spreadsheets
show as text and do not evaluate.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from import_export.formats import base_formats
from import_export.forms import ImportForm

from relations.editorial import Status

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

#: The largest CSV file the admin accepts for import (bytes).
IMPORT_MAX_BYTES = getattr(settings, "ADMIN_IMPORT_MAX_BYTES", 2 * 1024 * 1024)


def neutralise(value):
    """``'=1+2`` for ``=1+2``: a cell a spreadsheet shows as text instead of evaluating."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeFormatMixin:
    """Escape on every export, whatever the setting says: an export is opened in a spreadsheet."""

    def _escape_formulae(self, dataset):
        _escape(dataset)  # idempotent: a neutralised cell starts with ' and is left alone

    def export_data(self, dataset, **kwargs):
        _escape(dataset)
        return super().export_data(dataset, **kwargs)


class SafeCSV(SafeFormatMixin, base_formats.CSV):
    pass


class SafeXLSX(SafeFormatMixin, base_formats.XLSX):
    pass


def _escape(dataset) -> None:
    for _ in range(len(dataset)):
        row = dataset.lpop()
        dataset.append([neutralise(cell) for cell in row])


EXPORT_FORMATS = [f for f in (SafeCSV, SafeXLSX) if f.is_available()]  # XLSX needs openpyxl
IMPORT_FORMATS = [base_formats.CSV]


class LimitedImportForm(ImportForm):
    """The import form, refusing files larger than ``IMPORT_MAX_BYTES``."""

    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        if upload.size > IMPORT_MAX_BYTES:
            raise ValidationError(
                f"This file is {filesizeformat(upload.size)}; the limit is "
                f"{filesizeformat(IMPORT_MAX_BYTES)}. Split it into smaller files."
            )
        return upload


class ArticleFilesForm(forms.Form):
    """Upload of article text files for the importer."""

    files = forms.FileField(
        widget=forms.ClearableFileInput(attrs={"allow_multiple_selected": True, "accept": ".txt"}),
        help_text="One or more .txt article files.",
    )
    dry_run = forms.BooleanField(required=False, help_text="Do everything, then roll back: nothing is saved.")

    def __init__(self, *args, max_bytes: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_bytes = max_bytes
        self.fields["files"].widget.attrs["multiple"] = True

    def clean_files(self):
        uploads = self.files.getlist(self.add_prefix("files"))
        if not uploads:
            raise ValidationError("Choose at least one file.")
        for upload in uploads:
            if not upload.name.lower().endswith(".txt"):
                raise ValidationError(f"{upload.name}: only .txt files can be imported.")
            if upload.size > self.max_bytes:
                raise ValidationError(
                    f"{upload.name} is {filesizeformat(upload.size)}; "
                    f"the limit is {filesizeformat(self.max_bytes)}."
                )
        return uploads


class WorkflowGuardMixin:
    """Import refuses status changes the importing user may not make (the server, not the template, decides).

    Editors may import corrections, and move records between draft and review; anything that publishes,
    archives or touches a published or archived record needs ``publish_<model>``. Rows are saved inside the
    admin's reversion revision, so imports show in each record's history.
    """

    def import_instance(self, instance, row, **kwargs):
        before = instance.status if instance.pk else None
        super().import_instance(instance, row, **kwargs)
        user = kwargs.get("user")
        after = instance.status
        if after not in Status.values:
            message = f"Unknown status {after!r}; use one of {', '.join(Status.values)}."
            raise ValidationError({"editorial_status": message})
        public = {Status.PUBLISHED, Status.ARCHIVED}
        opts = instance._meta
        if before != after and (after in public or before in public):
            if user is None or not user.has_perm(f"{opts.app_label}.publish_{opts.model_name}"):
                raise ValidationError(
                    {"editorial_status": f"You may not change the status from {before or 'new'} to {after}."}
                )


def guarded(resource_class):
    """The contract resource, same columns, with the workflow guard."""
    return type(resource_class.__name__, (WorkflowGuardMixin, resource_class), {"__module__": __name__})
