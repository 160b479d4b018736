"""Merging duplicate officials and organizations into one survivor, and suggesting likely duplicates.

A merge moves everything that points at the merged records to the survivor (aliases, positions, citations,
delegation headships and memberships, meeting participations, signatures, parties, sent and hosted
delegations, child organizations), keeps the merged names as aliases of the survivor (so a later import
maps them to it), deletes the merged records and records one reversion revision. It is one transaction.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import reversion
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone

from people.models import Official, OfficialAlias, Organization, OrganizationAlias, Position
from relations.editorial import publication
from relations.editorial.search import fold_key
from relations.models import Citation

POSSIBLE_DUPLICATE = "possible duplicate"


@dataclass
class MergeResult:
    survivor: models.Model
    merged: list[str]  # "name (#pk)" of each merged record
    moved: dict[str, int]

    def summary(self) -> str:
        parts = [f"{n} {what}" for what, n in self.moved.items() if n]
        return f"Merged {', '.join(self.merged)} into {self.survivor} (#{self.survivor.pk})" + (
            f"; moved {', '.join(parts)}." if parts else "."
        )


def check_merge_permission(model: type[models.Model], user) -> None:
    """Merging changes the survivor and deletes the others: it needs both permissions."""
    opts = model._meta
    needed = [f"{opts.app_label}.change_{opts.model_name}", f"{opts.app_label}.delete_{opts.model_name}"]
    if user is None or not user.is_active or not user.has_perms(needed):
        raise PermissionDenied(f"You may not merge {opts.verbose_name_plural}.")


def _others(model, survivor, others: Iterable) -> list:
    pks = {o.pk for o in others} - {survivor.pk}
    if not pks:
        raise ValidationError("Choose at least one record to merge into the survivor.")
    # Lock the rows and read them fresh: nobody changes them while we move what points at them.
    model._default_manager.select_for_update().filter(pk__in=[survivor.pk, *pks]).exists()
    return list(model._default_manager.filter(pk__in=pks).order_by("pk"))


def _move_citations(survivor, others) -> int:
    content_type = ContentType.objects.get_for_model(survivor)
    existing = {
        (c.article_id, c.start, c.end): c
        for c in Citation.objects.filter(content_type=content_type, object_id=survivor.pk)
    }
    moved = 0
    for citation in Citation.objects.filter(content_type=content_type, object_id__in=[o.pk for o in others]):
        key = (citation.article_id, citation.start, citation.end)
        if key in existing:  # the unique span constraint: keep one, with the fields of both
            kept = existing[key]
            fields = list(dict.fromkeys([*(kept.fields or []), *(citation.fields or [])]))
            if fields != kept.fields:
                kept.fields = fields
                kept.save(update_fields=["fields"])
            citation.delete()
        else:
            citation.object_id = survivor.pk
            citation.save(update_fields=["object_id"])
            existing[key] = citation
            moved += 1
    return moved


def _move_m2m(through: type[models.Model], field: str, survivor_pk: int, other_pks: list[int]) -> set[int]:
    """Re-point rows of an auto-created through table; drop those the survivor already has.

    Returns the pks of the records on the other side (delegations, meetings, agreements) that changed.
    """
    other_side = next(f.attname for f in through._meta.concrete_fields if f.is_relation and f.name != field)
    have = set(through.objects.filter(**{f"{field}_id": survivor_pk}).values_list(other_side, flat=True))
    touched = set()
    for row in through.objects.filter(**{f"{field}_id__in": other_pks}).order_by("pk"):
        owner = getattr(row, other_side)
        touched.add(owner)
        if owner in have:
            row.delete()
        else:
            setattr(row, f"{field}_id", survivor_pk)
            row.save()
            have.add(owner)
    return touched


def _move_fk(model: type[models.Model], field: str, survivor_pk: int, other_pks: list[int]) -> set[int]:
    pks = set(model._default_manager.filter(**{f"{field}__in": other_pks}).values_list("pk", flat=True))
    if pks:
        model._default_manager.filter(pk__in=pks).update(
            **{f"{field}_id": survivor_pk}, updated_at=timezone.now()
        )
    return pks


def kind_if_any(alias_model) -> dict:
    return {"kind": OfficialAlias.Kind.SPELLING} if alias_model is OfficialAlias else {}


def _merge_aliases(alias_model, owner_field: str, survivor, others) -> int:
    """The others' aliases and names become the survivor's aliases (one per folded form)."""
    have = {fold_key(survivor.name)} | set(
        alias_model.objects.filter(**{owner_field: survivor}).values_list("name_folded", flat=True)
    )
    added = 0
    for other in others:
        for alias in alias_model.objects.filter(**{owner_field: other}).order_by("pk"):
            if alias.name_folded in have:
                alias.delete()
            else:
                setattr(alias, owner_field, survivor)
                alias.save()
                have.add(alias.name_folded)
                added += 1
        if fold_key(other.name) not in have:
            alias_model.objects.create(**{owner_field: survivor}, name=other.name, **kind_if_any(alias_model))
            have.add(fold_key(other.name))
            added += 1
    return added


def _merge_position_into(position: Position, kept: Position) -> None:
    def pick(a, b, fn):
        values = [v for v in (a, b) if v is not None]
        return fn(values) if values else None

    kept.start_date = pick(kept.start_date, position.start_date, min)
    kept.end_date = pick(kept.end_date, position.end_date, max)
    kept.first_seen = pick(kept.first_seen, position.first_seen, min)
    kept.last_seen = pick(kept.last_seen, position.last_seen, max)
    kept.save()
    position.delete()


def _merge_positions(positions: models.QuerySet, *, key, owned, move) -> int:
    """Move positions, merging any that would break UniqueConstraint(official, title, organization).

    ``owned(p)``: the position already belongs to the survivor; ``move(p)``: make it the survivor's.
    """
    moved = 0
    kept: dict = {}
    # The survivor's own positions first: they stay, and the others merge into them.
    for position in sorted(positions, key=lambda p: (not owned(p), p.pk)):
        k = key(position)
        if k in kept:
            _merge_position_into(position, kept[k])
            continue
        if not owned(position):
            move(position)
            position.save()
            moved += 1
        kept[k] = position
    return moved


def _fill_blanks(survivor, others, names: list[str]) -> None:
    for name in names:
        if getattr(survivor, name) in ("", None):
            value = next((getattr(o, name) for o in others if getattr(o, name) not in ("", None)), None)
            if value is not None:
                setattr(survivor, name, value)


def _finish_survivor(survivor, others) -> list[str]:
    merged = [f"{o.name} (#{o.pk})" for o in others]
    folded = {fold_key(o.name) for o in others}
    # The duplicate the importer suspected is resolved: drop flags that name a merged record.
    survivor.flags = [
        f for f in survivor.flags or []
        if not (f.startswith(POSSIBLE_DUPLICATE) and any(n and n in fold_key(f) for n in folded))
    ]  # fmt: skip
    survivor.confidence = max([survivor.confidence, *(o.confidence for o in others)])
    note = f"Merged from {', '.join(merged)} on {timezone.now():%Y-%m-%d}."
    survivor.review_note = f"{survivor.review_note}\n{note}".strip()
    return merged


def _reindex(model, pks) -> None:
    model.reindex_all(pks)
    for obj in model._default_manager.filter(pk__in=pks):
        reversion.add_to_revision(obj)


def merge_officials(survivor: Official, others: Iterable[Official], *, by) -> MergeResult:
    """Merge ``others`` into ``survivor``; see the module's docstring."""
    from agreements.models import Agreement
    from relations.models import Delegation, Meeting

    check_merge_permission(Official, by)
    with transaction.atomic(), reversion.create_revision():
        survivor = Official.objects.get(pk=survivor.pk)
        others = _others(Official, survivor, others)
        other_pks = [o.pk for o in others]
        for other in others:  # their last state, so the merge can be looked up (and undone by hand)
            reversion.add_to_revision(other)
        moved = {"aliases": _merge_aliases(OfficialAlias, "official", survivor, others)}
        moved["positions"] = _merge_positions(
            Position.objects.filter(official__in=[survivor.pk, *other_pks]),
            key=lambda p: (p.title, p.organization_id),
            owned=lambda p: p.official_id == survivor.pk,
            move=lambda p: setattr(p, "official_id", survivor.pk),
        )
        moved["citations"] = _move_citations(survivor, others)
        headed = _move_fk(Delegation, "head", survivor.pk, other_pks)
        joined = _move_m2m(Delegation.members.through, "official", survivor.pk, other_pks)
        met = _move_m2m(Meeting.participants.through, "official", survivor.pk, other_pks)
        signed = _move_m2m(Agreement.signatories.through, "official", survivor.pk, other_pks)
        # A head is not also a member of the delegation they lead.
        Delegation.members.through.objects.filter(
            official_id=survivor.pk, delegation__head_id=survivor.pk
        ).delete()
        moved.update(
            headships=len(headed), memberships=len(joined), meetings=len(met), signatures=len(signed)
        )
        _fill_blanks(survivor, others, ["country", "note"])
        merged = _finish_survivor(survivor, others)
        Official.objects.filter(pk__in=other_pks).delete()
        survivor.save()
        survivor.reindex()
        reversion.add_to_revision(survivor)
        Delegation.objects.filter(pk__in=joined).update(updated_at=timezone.now())
        Meeting.objects.filter(pk__in=met).update(updated_at=timezone.now())
        Agreement.objects.filter(pk__in=signed).update(updated_at=timezone.now())
        _reindex(Delegation, headed | joined)
        _reindex(Meeting, met)
        _reindex(Agreement, signed)
        publication.changed()  # the merged records' pages go, the survivor's and its relations' change
        result = MergeResult(survivor=survivor, merged=merged, moved=moved)
        reversion.set_user(by)
        reversion.set_comment(result.summary())
    return result


def merge_organizations(survivor: Organization, others: Iterable[Organization], *, by) -> MergeResult:
    """Merge ``others`` into ``survivor``; see the module's docstring."""
    from agreements.models import Agreement
    from relations.models import Delegation

    check_merge_permission(Organization, by)
    with transaction.atomic(), reversion.create_revision():
        survivor = Organization.objects.get(pk=survivor.pk)
        others = _others(Organization, survivor, others)
        other_pks = [o.pk for o in others]
        for other in others:
            reversion.add_to_revision(other)
        moved = {"aliases": _merge_aliases(OrganizationAlias, "organization", survivor, others)}
        # Positions are keyed by (official, title, organization): merge those that now coincide.
        officials = Position.objects.filter(organization__in=other_pks).values("official_id")
        moved["positions"] = _merge_positions(
            Position.objects.filter(official__in=officials, organization__in=[survivor.pk, *other_pks]),
            key=lambda p: (p.official_id, p.title),
            owned=lambda p: p.organization_id == survivor.pk,
            move=lambda p: setattr(p, "organization_id", survivor.pk),
        )
        moved["citations"] = _move_citations(survivor, others)
        sent = _move_fk(Delegation, "sending_body", survivor.pk, other_pks)
        hosted = _move_fk(Delegation, "host_body", survivor.pk, other_pks)
        parties = _move_m2m(Agreement.parties.through, "organization", survivor.pk, other_pks)
        children = set(Organization.objects.filter(parent__in=other_pks).values_list("pk", flat=True))
        Organization.objects.filter(pk__in=children - {survivor.pk}).update(
            parent_id=survivor.pk, updated_at=timezone.now()
        )
        moved.update(
            delegations=len(sent | hosted), agreements=len(parties), children=len(children - {survivor.pk})
        )
        _fill_blanks(survivor, others, ["acronym", "country", "website"])
        if survivor.parent_id in other_pks:
            survivor.parent = None
        if survivor.kind == Organization.Kind.OTHER:
            survivor.kind = next((o.kind for o in others if o.kind != Organization.Kind.OTHER), survivor.kind)
        merged = _finish_survivor(survivor, others)
        Organization.objects.filter(pk__in=other_pks).delete()
        survivor.save()
        survivor.reindex()
        reversion.add_to_revision(survivor)
        Agreement.objects.filter(pk__in=parties).update(updated_at=timezone.now())
        _reindex(Delegation, sent | hosted)
        _reindex(Agreement, parties)
        _reindex(Organization, children - {survivor.pk})
        publication.changed()  # the merged records' pages go, the survivor's and its relations' change
        result = MergeResult(survivor=survivor, merged=merged, moved=moved)
        reversion.set_user(by)
        reversion.set_comment(result.summary())
    return result


# ------------------------------------------------------------------ suggestions


@dataclass(frozen=True)
class Suggestion:
    a: int
    b: int
    a_name: str
    b_name: str
    score: float
    reason: str


def _similar(a: str, b: str) -> tuple[float, str] | None:
    """How alike two folded names are, and why; None if not alike enough to suggest."""
    if a == b:
        return 1.0, "same name once folded"
    ta, tb = a.split(), b.split()
    if sorted(ta) == sorted(tb):
        return 0.97, "same words in another order"
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if len(short) >= 2 and set(short) <= set(long_) and {short[0], short[-1]} <= {long_[0], long_[-1]}:
        return 0.9, "shorter form of the same name"
    matcher = difflib.SequenceMatcher(None, a, b)
    if matcher.real_quick_ratio() < 0.86 or matcher.quick_ratio() < 0.86:  # cheap upper bounds first
        return None
    ratio = matcher.ratio()
    if ratio >= 0.86:
        return round(ratio, 2), "spelled almost alike"
    return None


def suggest_duplicates(
    queryset: models.QuerySet, *, limit: int = 200, window: int = 8, only: int | None = None
) -> list[Suggestion]:
    """Pairs of likely duplicates among officials or organizations: close folded names in one country.

    Records are blocked by (country, surname), where the surname is the first or the last word of the
    folded name (Vietnamese names put it first, Russian ones last); within a block each name is compared
    with its next ``window`` neighbours in sorted order, so the cost stays linear on large tables.
    ``only``: just the suggestions that involve this pk.
    """
    rows = list(queryset.order_by().values_list("pk", "name", "name_folded", "country"))
    blocks: dict[tuple, list] = defaultdict(list)
    for row in rows:
        words = row[2].split()
        if not words:
            continue
        for surname in {words[0], words[-1]}:
            if len(surname) > 1:
                blocks[(row[3], surname)].append(row)
    seen: dict[tuple[int, int], Suggestion] = {}
    if only is not None:  # one record against everyone in its blocks: linear, no window needed
        mine = next((row for row in rows if row[0] == only), None)
        words = mine[2].split() if mine else []
        for surname in {words[0], words[-1]} if words else ():
            for other in blocks.get((mine[3], surname), []):
                pair = (min(only, other[0]), max(only, other[0]))
                if other[0] != only and pair not in seen and (alike := _similar(mine[2], other[2])):
                    first, second = (mine[1], other[1]) if only < other[0] else (other[1], mine[1])
                    seen[pair] = Suggestion(pair[0], pair[1], first, second, alike[0], alike[1])
        return sorted(seen.values(), key=lambda s: (-s.score, s.a_name, s.a, s.b))[:limit]
    for block in blocks.values():
        block.sort(key=lambda r: (r[2], r[0]))
        for i, (pk, name, folded, _) in enumerate(block):
            for other in block[i + 1 : i + 1 + window]:
                pair = (min(pk, other[0]), max(pk, other[0]))
                if pair[0] == pair[1] or pair in seen:
                    continue
                alike = _similar(folded, other[2])
                if alike:
                    first, second = (name, other[1]) if pk < other[0] else (other[1], name)
                    seen[pair] = Suggestion(pair[0], pair[1], first, second, alike[0], alike[1])
    return sorted(seen.values(), key=lambda s: (-s.score, s.a_name, s.a, s.b))[:limit]
