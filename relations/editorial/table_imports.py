"""Table imports (django-import-export) inside the editorial workflow, from the admin or the command line.

- :class:`WorkflowGuardMixin`: every contract resource has it (``ReportResource``), so an import through
  one, whatever runs it (the admin's import page, ``manage.py import``, a shell), keeps a change to a
  published or archived record for a publisher as a pending change, writes drafts and records in review
  directly, and refuses a status change the importing user may not make. With no user (the command line)
  it acts as an editor: nothing it imports becomes public without a publisher.
- :func:`refusal`: why ``manage.py import`` refuses a resource. A plain resource (``people.Official`` gives
  django-import-export's ``ModelResource`` of all fields) would write a record around the review; only a
  guarded resource imports the project's models.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError

from relations.editorial import pending, workflow
from relations.editorial.vocabulary import PUBLIC_STATES, Status

#: Apps outside the project whose rows are still the editorial record: a history row could fake a revert.
GUARDED_APPS = {"reversion"}


class WorkflowGuardMixin:
    """Import refuses status changes the importing user may not make (the server, not the template, decides).

    Editors may import corrections, and move records between draft and review; anything that publishes,
    archives or touches a published or archived record needs ``publish_<model>``. A blank status keeps the
    record's (a new record is a draft). In the admin, rows are saved inside its reversion revision, so
    imports show in each record's history. ``import_data(..., route=...)`` names the route a pending change
    records ("CSV import" unless given).
    """

    def import_instance(self, instance, row, **kwargs):
        before = instance.status if instance.pk else None
        instance._editorial_live_status = before
        super().import_instance(instance, row, **kwargs)
        user = kwargs.get("user")
        if not instance.status:
            instance.status = before or Status.DRAFT
        after = instance.status
        if after not in Status.values:
            message = f"Unknown status {after!r}; use one of {', '.join(Status.values)}."
            raise ValidationError({"editorial_status": message})
        opts = instance._meta
        if before != after and (after in PUBLIC_STATES or before in PUBLIC_STATES):
            if user is None or not user.has_perm(f"{opts.app_label}.publish_{opts.model_name}"):
                raise ValidationError(
                    {"editorial_status": f"You may not change the status from {before or 'new'} to {after}."}
                )

    # A row that changes a public record the user may not publish becomes a pending change (the save
    # and its many-to-many links run in a savepoint that is read back and rolled back).

    def _holds_back(self, instance, is_create, **kwargs) -> bool:
        status = getattr(instance, "_editorial_live_status", None)
        return not is_create and pending.holds_back(kwargs.get("user"), type(instance), status)

    def save_instance(self, instance, is_create, row, **kwargs):
        instance._editorial_is_create = is_create
        if not self._holds_back(instance, is_create, **kwargs):
            super().save_instance(instance, is_create, row, **kwargs)

    def save_m2m(self, instance, row, **kwargs):
        is_create = getattr(instance, "_editorial_is_create", True)
        if not self._holds_back(instance, is_create, **kwargs):
            super().save_m2m(instance, row, **kwargs)
            if instance.pk and not (kwargs.get("dry_run") and not self._is_using_transactions(kwargs)):
                # The row's many-to-many links were saved after the record: its search text, and that of
                # the records that name it, follow them.
                instance.reindex()
                workflow.reindex_dependents(type(instance), [instance.pk])
            return None
        user, route = kwargs.get("user"), kwargs.get("route") or "CSV import"
        with pending.capture(type(instance), instance.pk, user=user, route=route) as held:
            super().save_instance(instance, is_create, row, **kwargs)
            super().save_m2m(instance, row, **kwargs)
            held.saved = not (kwargs.get("dry_run") and not self._is_using_transactions(kwargs))
        if held.change is not None:
            self.held_changes = [*getattr(self, "held_changes", []), held.change]


def guarded(resource_class):
    """``resource_class`` with the workflow guard (itself where it has it already)."""
    if issubclass(resource_class, WorkflowGuardMixin):
        return resource_class
    return type(resource_class.__name__, (WorkflowGuardMixin, resource_class), {"__module__": __name__})


def is_editorial(model) -> bool:
    """Whether ``model``'s rows are part of the editorial record: a model of the project's own apps (or of
    ``GUARDED_APPS``), which changes only through the workflow."""
    config = model._meta.app_config
    root = Path(settings.BASE_DIR).resolve() / config.name.split(".")[0]  # not one installed in a venv there
    return config.label in GUARDED_APPS or Path(config.path).resolve().is_relative_to(root)


def refusal(resource_class, *, contract: str = "") -> str:
    """Why ``manage.py import`` refuses ``resource_class`` ("" where it may import): a resource of an
    editorial model that lacks the workflow guard would write around the review. ``contract`` names the
    model's contract resource, where it has one."""
    model = getattr(resource_class._meta, "model", None)
    if model is None or issubclass(resource_class, WorkflowGuardMixin) or not is_editorial(model):
        return ""
    label = model._meta.label
    if label == "relations.Article":
        return (
            "articles are imported from their files (manage.py import_articles, or the admin's upload "
            "page), so that a change to the text published records cite waits for review"
        )
    if contract:
        return (
            f"{label} records are imported only with {contract} (the columns manage.py export writes), "
            "which keeps a change to a published record for a publisher and publishes nothing"
        )
    return (
        f"{label} rows are not imported from a table: they change in the admin, where a change to a "
        "published record waits for a publisher"
    )
