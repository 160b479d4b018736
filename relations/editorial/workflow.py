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
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
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


def _apply(name: str, queryset: models.QuerySet, *, by: User | None, comment: str) -> int:
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
        now = timezone.now()
        manager.filter(pk__in=pks).update(status=t.target, updated_at=now)
        if t.target == PUBLISHED:  # the first release is kept: a later one is a correction
            manager.filter(pk__in=pks, published_at__isnull=True).update(published_at=now)
        if changes_public(t):
            publication.changed()
        for obj in manager.filter(pk__in=pks):
            reversion.add_to_revision(obj)
        reversion.set_user(by if by is not None and by.is_authenticated else None)
        reversion.set_comment(f"{t.label}. {comment}".strip() if comment else f"{t.label}.")
    return len(pks)


def submit(queryset: models.QuerySet, *, by: User | None, comment: str = "") -> int:
    """Draft → in review: an editor vouches for the record."""
    return _apply("submit", queryset, by=by, comment=comment)


def publish(queryset: models.QuerySet, *, by: User | None, comment: str = "") -> int:
    """Draft, in review or archived → published: the record appears on the public site."""
    return _apply("publish", queryset, by=by, comment=comment)


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


def apply(name: str, queryset: models.QuerySet, *, by: User | None, comment: str = "") -> int:
    """Apply the transition called ``name`` (one of ``TRANSITIONS``)."""
    return VERBS[name](queryset, by=by, comment=comment)
