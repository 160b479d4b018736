"""The editorial workflow: the one place where a record's status changes.

``draft`` → ``review`` → ``published`` → ``archived``, and back to ``draft`` for corrections. The admin's
change form, its bulk actions, the review queue and any script call these verbs; each one checks the
permission on the server (raising ``PermissionDenied``), records a django-reversion revision with a
comment, and returns how many records it changed. Records already in the target state, or in a state the
transition does not start from, are left alone and not counted.

Editors may submit (``change_<model>``); publishing, unpublishing and archiving need ``publish_<model>``.
"""

from __future__ import annotations

from dataclasses import dataclass

import reversion
from django.apps import apps
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone

from relations.editorial import publication
from relations.editorial.vocabulary import Status

User = AbstractBaseUser | AnonymousUser


@dataclass(frozen=True)
class Transition:
    name: str
    label: str  # what the history says, e.g. "Published"
    sources: frozenset[str]
    target: str
    permission: str  # "change" or "publish"


DRAFT, REVIEW, PUBLISHED, ARCHIVED = Status.DRAFT, Status.REVIEW, Status.PUBLISHED, Status.ARCHIVED
TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in (
        Transition("submit", "Submitted for review", frozenset({DRAFT}), REVIEW, "change"),
        Transition("publish", "Published", frozenset({DRAFT, REVIEW, ARCHIVED}), PUBLISHED, "publish"),
        Transition("unpublish", "Unpublished", frozenset({PUBLISHED}), DRAFT, "publish"),
        Transition("archive", "Archived", frozenset({DRAFT, REVIEW, PUBLISHED}), ARCHIVED, "publish"),
        # Editors may take back what they submitted; a published or archived record needs a publisher.
        Transition(
            "return_to_draft", "Returned to draft", frozenset({REVIEW, PUBLISHED, ARCHIVED}), DRAFT, "change"
        ),
    )
}

PUBLIC_STATES = frozenset({Status.PUBLISHED, Status.ARCHIVED})


def changes_public(t: Transition) -> bool:
    """Whether the transition can change what the public sees: into or out of the published state."""
    return t.target == PUBLISHED or PUBLISHED in t.sources


def permission_name(model: type[models.Model], action: str) -> str:
    """``"people.publish_official"`` for ``(Official, "publish")``."""
    opts = model._meta
    return f"{opts.app_label}.{action}_{opts.model_name}"


def can(user: User | None, transition: str, model: type[models.Model], *, current: str | None = None) -> bool:
    """Whether ``user`` may apply ``transition`` to records of ``model`` (in state ``current``, if given)."""
    if user is None or not user.is_active:
        return False
    t = TRANSITIONS[transition]
    needed = [permission_name(model, "change")]
    if t.permission == "publish" or (t.name == "return_to_draft" and current in PUBLIC_STATES):
        needed.append(permission_name(model, "publish"))
    return user.has_perms(needed)


def can_merge(user: User | None, model: type[models.Model]) -> bool:
    """Whether ``user`` may merge records of ``model``: a merge changes one and deletes the others."""
    if user is None or not user.is_active:
        return False
    return user.has_perms([permission_name(model, "change"), permission_name(model, "delete")])


def allowed_transitions(user: User | None, obj: models.Model) -> list[Transition]:
    """The transitions ``user`` may apply to ``obj`` now: what the change form offers as buttons."""
    return [
        t
        for t in TRANSITIONS.values()
        if obj.status in t.sources and can(user, t.name, type(obj), current=obj.status)
    ]


class DraftDependencies(Exception):
    """Publishing would show records that point to unpublished ones (a draft head, member, body...)."""

    def __init__(self, records: list[models.Model]):
        self.records = records
        super().__init__(
            "Not published: these records it points to are not published yet: "
            + ", ".join(describe(r) for r in records)
            + ". Publish them first, or publish together with them."
        )


def describe(record: models.Model) -> str:
    status = Status(record.status).label.lower() if record.status in Status.values else record.status
    return f"{record._meta.verbose_name} “{record}” ({status})"


def draft_dependencies(records) -> list[models.Model]:
    """The unpublished records that ``records`` point to (``publish_needs``), and those they point to."""
    found: dict[tuple[type, int], models.Model] = {}
    seen = {(type(r), r.pk) for r in records}
    todo = list(records)
    while todo:
        record = todo.pop()
        for name in getattr(type(record), "publish_needs", ()):
            f = record._meta.get_field(name)
            if f.many_to_many:
                targets = list(getattr(record, name).exclude(status=Status.PUBLISHED))
            else:
                target = getattr(record, name)
                targets = [target] if target is not None and target.status != Status.PUBLISHED else []
            for target in targets:
                key = (type(target), target.pk)
                if key not in seen:
                    seen.add(key)
                    found[key] = target
                    todo.append(target)
    return sorted(found.values(), key=lambda r: (r._meta.verbose_name, str(r)))


def reindex_dependents(model: type[models.Model], pks) -> None:
    """Refresh the search text of records whose search words include names of ``model``'s ``pks``: a
    record is found by the names of published records only, so a status change there changes it."""
    from relations.editorial.models import EditorialModel

    pks = list(pks)
    if not pks:
        return
    for other in apps.get_models():
        if not issubclass(other, EditorialModel):
            continue
        for name in other.search_related:
            f = other._meta.get_field(name)
            if (f.many_to_one or f.many_to_many) and f.related_model is model:
                found = other._default_manager.filter(**{f"{name}__in": pks}).values_list("pk", flat=True)
                other.reindex_all(set(found))


def _apply(name: str, queryset: models.QuerySet, *, by: User | None, comment: str, dependencies=None) -> int:
    t = TRANSITIONS[name]
    model = queryset.model
    manager = model._default_manager
    if not can(by, name, model):
        raise PermissionDenied(f"You may not {name.replace('_', ' ')} {model._meta.verbose_name_plural}.")
    with transaction.atomic(), reversion.create_revision():
        rows = manager.select_for_update().filter(pk__in=queryset.values("pk"), status__in=t.sources)
        pks = list(rows.values_list("pk", flat=True))
        if not pks:
            return 0
        if name == "return_to_draft" and manager.filter(pk__in=pks, status__in=PUBLIC_STATES).exists():
            if not can(by, name, model, current=Status.PUBLISHED):
                raise PermissionDenied("Only a publisher may return a published or archived record to draft.")
        if t.target == Status.PUBLISHED and dependencies is not None:
            needed = draft_dependencies(list(manager.filter(pk__in=pks)))
            if needed and not dependencies:
                raise DraftDependencies(needed)
            _publish_dependencies(needed, by=by)
        now = timezone.now()
        manager.filter(pk__in=pks).update(status=t.target, updated_at=now)
        if t.target == PUBLISHED:  # the first release is kept: a later one is a correction
            manager.filter(pk__in=pks, published_at__isnull=True).update(published_at=now)
        if changes_public(t):
            publication.changed()
        # What search finds a record by follows what is published: the record's own words, and theirs.
        model.reindex_all(pks)
        reindex_dependents(model, pks)
        for obj in manager.filter(pk__in=pks):
            reversion.add_to_revision(obj)
        reversion.set_user(by if by is not None and by.is_authenticated else None)
        reversion.set_comment(f"{t.label}. {comment}".strip() if comment else f"{t.label}.")
    return len(pks)


def _publish_dependencies(records: list[models.Model], *, by: User | None) -> None:
    by_model: dict[type, list[int]] = {}
    for record in records:
        by_model.setdefault(type(record), []).append(record.pk)
    refused = [str(m._meta.verbose_name_plural) for m in by_model if not can(by, "publish", m)]
    if refused:
        raise PermissionDenied(f"You may not publish the {', '.join(refused)} this record points to.")
    for model, pks in by_model.items():
        manager = model._default_manager
        manager.select_for_update().filter(pk__in=pks).exists()
        now = timezone.now()
        manager.filter(pk__in=pks).update(status=Status.PUBLISHED, updated_at=now)
        manager.filter(pk__in=pks, published_at__isnull=True).update(published_at=now)
        model.reindex_all(pks)
        reindex_dependents(model, pks)
        for obj in manager.filter(pk__in=pks):
            reversion.add_to_revision(obj)


def submit(queryset: models.QuerySet, *, by: User | None, comment: str = "") -> int:
    """Draft → in review: an editor vouches for the record."""
    return _apply("submit", queryset, by=by, comment=comment)


def publish(
    queryset: models.QuerySet, *, by: User | None, comment: str = "", with_dependencies: bool = False
) -> int:
    """Draft, in review or archived → published: the record appears on the public site.

    A record that points to unpublished ones (``publish_needs``: a delegation's head, members and bodies,
    a meeting's participants, an agreement's parties) is refused with their names
    (:class:`DraftDependencies`), unless ``with_dependencies``: then they are published with it, in the
    same transaction and revision.
    """
    return _apply("publish", queryset, by=by, comment=comment, dependencies=with_dependencies)


def unpublish(queryset: models.QuerySet, *, by: User | None, comment: str = "") -> int:
    """Published → draft: taken off the public site for corrections."""
    return _apply("unpublish", queryset, by=by, comment=comment)


def archive(queryset: models.QuerySet, *, by: User | None, comment: str = "") -> int:
    """→ archived: kept, but no longer shown."""
    return _apply("archive", queryset, by=by, comment=comment)


def return_to_draft(queryset: models.QuerySet, *, by: User | None, comment: str = "") -> int:
    """In review, published or archived → draft, for corrections."""
    return _apply("return_to_draft", queryset, by=by, comment=comment)


VERBS = {
    "submit": submit,
    "publish": publish,
    "unpublish": unpublish,
    "archive": archive,
    "return_to_draft": return_to_draft,
}


def apply(
    name: str, queryset: models.QuerySet, *, by: User | None, comment: str = "", with_dependencies=False
) -> int:
    """Apply the transition called ``name`` (one of ``TRANSITIONS``)."""
    if name == "publish":
        return publish(queryset, by=by, comment=comment, with_dependencies=with_dependencies)
    return VERBS[name](queryset, by=by, comment=comment)


# ------------------------------------------------------------------ pending changes


class ChangeConflict(ValidationError):
    """The live record moved on, on the same fields, since the pending change was made."""


#: How accepted new article text is applied (set by ``relations.importing``, which re-reads the article);
#: called as ``apply(article, text, by=user)`` inside the publishing transaction.
_text_applier = None


def set_text_applier(function) -> None:
    global _text_applier
    _text_applier = function


def text_applier():
    """How accepted new article text is applied (None where no importer registered one)."""
    return _text_applier


def may_decide(user: User | None, change) -> bool:
    """Whether ``user`` may publish or reject ``change``: ``publish_<model>`` of the record it changes."""
    model = change.content_type.model_class()
    return user is not None and user.is_active and user.has_perm(permission_name(model, "publish"))


def _decided(change, by: User | None, state: str, note: str) -> None:
    change.state = state
    change.decided_by = by if by is not None and by.is_authenticated else None
    change.decided_at = timezone.now()
    change.decision_note = note
    change.save(update_fields=["state", "decided_by", "decided_at", "decision_note"])


def _locked_pending(change, by: User | None):
    from relations.editorial.models import PendingChange

    if not may_decide(by, change):
        raise PermissionDenied("Only a publisher may publish or reject a pending change.")
    change = PendingChange.objects.select_for_update().get(pk=change.pk)
    if change.state != PendingChange.State.PENDING:
        raise ValidationError(f"This change was already {change.get_state_display().lower()}.")
    return change


def publish_change(change, *, by: User | None, note: str = "") -> list[str]:
    """Apply a pending change to the live record: what it changed, field by field, and nothing else.

    Refused (:class:`ChangeConflict`) where the live record changed the same field since; the publisher
    then rejects it, and the editor makes it again on the live version. Returns what changed.
    """
    from relations.editorial.pending import apply_version, differences, version_of

    with transaction.atomic(), reversion.create_revision():
        change = _locked_pending(change, by)
        model = change.content_type.model_class()
        record = model._default_manager.select_for_update().filter(pk=change.object_id).first()
        if record is None:
            raise ValidationError("The record this change was made to no longer exists; reject it.")
        if change.kind == change.Kind.TEXT:
            if _text_applier is None:
                raise ValidationError("New article text cannot be applied here.")
            changed = _text_applier(record, change.proposed["text"], by=by) or ["text"]
        else:
            found = differences(model, change.base, change.proposed, version_of(record))
            conflicts = [d.label for d in found if d.conflict]
            if conflicts:
                raise ChangeConflict(
                    "The live record changed since this change was made, on the same "
                    f"{'field' if len(conflicts) == 1 else 'fields'}: {', '.join(conflicts)}. "
                    "Reject it, and make the change again on the live version."
                )
            changed = apply_version(record, change.base, change.proposed)
            record.refresh_from_db()
            if hasattr(record, "reindex"):
                record.reindex()
                reindex_dependents(model, [record.pk])
        _decided(change, by, change.State.PUBLISHED, note)
        publication.changed()  # the live record (or a cited article's text) changed
        if reversion.is_registered(model):
            reversion.add_to_revision(record)
        author = change.created_by or "the importer"
        reversion.set_user(by if by is not None and by.is_authenticated else None)
        reversion.set_comment(
            f"Published a change by {author} from {change.created_at:%Y-%m-%d %H:%M} ({change.route}): "
            f"{', '.join(changed)}."
        )
    return changed


def reject_change(change, *, by: User | None, note: str = "") -> None:
    """Drop a pending change: the live record stays as it is."""
    with transaction.atomic():
        change = _locked_pending(change, by)
        _decided(change, by, change.State.REJECTED, note)
