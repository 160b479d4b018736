"""The importer's page in the admin: upload article files, run the pipeline, show its summary.

``relations.importing`` is the one package that may import every app, so it plugs its page into the admin
site (``admin:article-import``) rather than the articles' admin importing the pipeline.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import reversion
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, TooManyFilesSent, ValidationError
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views import defaults

from relations.importing import run
from relations.models import Article


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
        limit = settings.ARTICLE_UPLOAD_MAX_FILES
        if len(uploads) > limit:
            raise ValidationError(
                f"{len(uploads)} files chosen: at most {limit} at once. Import them in several uploads, "
                "or put them in a folder and run manage.py import_articles on it."
            )
        names = Counter(Path(upload.name).stem for upload in uploads)
        twice = sorted(upload.name for upload in uploads if names[Path(upload.name).stem] > 1)
        if twice:
            raise ValidationError(
                f"These files would be one article (the same name without .txt): {', '.join(twice)}. "
                "Nothing was imported; rename or leave out all but one of each."
            )
        for upload in uploads:
            if not upload.name.lower().endswith(".txt"):
                raise ValidationError(f"{upload.name}: only .txt files can be imported.")
            if upload.size > self.max_bytes:
                raise ValidationError(
                    f"{upload.name} is {filesizeformat(upload.size)}; "
                    f"the limit is {filesizeformat(self.max_bytes)}."
                )
        return uploads


def too_many_files_message() -> str:
    return (
        f"More than {settings.DATA_UPLOAD_MAX_NUMBER_FILES} files chosen: at most "
        f"{settings.ARTICLE_UPLOAD_MAX_FILES} at once. Nothing was imported. Import them in several uploads, "
        "or put them in a folder and run manage.py import_articles on it."
    )


def import_files_view(request, *, refused: str = ""):
    """Upload article files and run the importer on them; show its summary.

    ``refused``: the upload could not be read (see :func:`bad_request`); the page shows why, unbound.
    """
    if not request.user.has_perm("relations.add_article"):
        raise PermissionDenied
    max_bytes = getattr(settings, "ARTICLE_MAX_BYTES", 1024 * 1024)
    report = None
    if refused:
        form = ArticleFilesForm(max_bytes=max_bytes)
    else:
        form = ArticleFilesForm(request.POST or None, request.FILES or None, max_bytes=max_bytes)
    if request.method == "POST" and not refused and form.is_valid():
        files = [(f.name, f.read()) for f in form.cleaned_data["files"]]
        with reversion.create_revision():
            reversion.set_user(request.user)
            reversion.set_comment(f"Imported {len(files)} article file(s) in the admin.")
            report = run.import_articles(files=files, dry_run=form.cleaned_data["dry_run"], by=request.user)
        level = messages.WARNING if report.failed else messages.SUCCESS
        messages.add_message(request, level, report.summary_lines()[0])
    context = {
        **admin.site.each_context(request),
        "opts": Article._meta,
        "title": "Import article files",
        "form": form,
        "report": report,
        "max_bytes": max_bytes,
        "max_files": settings.ARTICLE_UPLOAD_MAX_FILES,
        "refused": refused,
        "review_queue_url": reverse("admin:review-queue"),
    }
    status = 400 if refused else 200
    return TemplateResponse(request, "admin/relations/article/import_files.html", context, status=status)


def bad_request(request, exception):
    """The site's 400 handler. An upload to the import page with more files than Django reads in one request
    (``DATA_UPLOAD_MAX_NUMBER_FILES``) fails before any view runs: answer with the import page and its
    limit, rather than a bare "Bad Request"."""
    user = getattr(request, "user", None)
    if (
        isinstance(exception, TooManyFilesSent)
        and request.path == reverse("admin:article-import")
        and user is not None
        and user.is_active
        and user.is_staff
        and user.has_perm("relations.add_article")
    ):
        response = import_files_view(request, refused=too_many_files_message())
        return response.render()
    return defaults.bad_request(request, exception)


admin.site.add_view("articles/import-files/", import_files_view, name="article-import")
