"""Live and pending versions of a published record.

A save by someone without ``publish_<model>`` on a published (or archived) record never reaches the live
row. Whatever the route (the change form with its inlines, a history revert, a CSV import), the change is
made as usual inside a savepoint, read back as a *version* (the record's fields, its many-to-many links
and the rows its inlines edit), and rolled back; the version is kept as a
:class:`~relations.editorial.models.PendingChange` next to the live version it was made from. A
publisher sees the field-by-field difference in the review queue and publishes or rejects it through
``relations.editorial.workflow``.

A version is plain JSON (Django's "python" serializer, then JSON): ``{"fields": {...}, "children":
{relation: [{"pk": ..., "fields": {...}}, ...]}}``. Rows an inline added carry ``"pk": None``: their
primary keys were rolled back with the savepoint and may be taken by then.
"""

from __future__ import annotations

import contextlib
import functools
import json
import logging
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils.encoding import is_protected_type

from relations.editorial.models import PendingChange
from relations.editorial.vocabulary import PUBLIC_STATES

log = logging.getLogger(__name__)

# Fields a version leaves out: bookkeeping, derived, or changed only through the workflow.
# An article's text changes only as a whole, reviewed as new text (``PendingChange.Kind.TEXT``).
SKIPPED = {
    "created_at", "updated_at", "published_at", "search_text", "status", "name_folded",
    "text", "content_hash",
}  # fmt: skip


def holds_back(user, model: type[models.Model], status: str | None) -> bool:
    """Whether a save by ``user`` of a ``model`` record whose live status is ``status`` must wait for a
    publisher: the record is public (published or archived) and ``user`` lacks ``publish_<model>``."""
    if status not in PUBLIC_STATES:
        return False
    opts = model._meta
    return user is None or not user.has_perm(f"{opts.app_label}.publish_{opts.model_name}")


def pending_for(obj: models.Model):
    """The changes to ``obj`` that wait for a publisher, oldest first."""
    return PendingChange.objects.filter(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        state=PendingChange.State.PENDING,
    ).select_related("created_by")


def children_of(model: type[models.Model]) -> tuple[str, ...]:
    """The reverse relations that are part of a record's version (what its inlines edit)."""
    return tuple(getattr(model, "version_children", ()))


def _plain(data):
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def _fields(obj: models.Model, skip=()) -> dict:
    """The fields of ``obj`` as Django's "python" serializer writes them, without those a version leaves
    out (``SKIPPED``, ``skip``), made as that serializer makes each (:func:`_serialized_value`) without
    its machinery: an import's held citations serialize hundreds of rows a batch, and the serializer's
    setup cost several times their values (``tests/editorial/test_pending_fields.py`` holds the two to
    the same result)."""
    row = {}
    for one, many in _serialized_fields(type(obj)):
        name = one.name
        if name in SKIPPED or name in skip:
            continue
        if many:  # the prefetched rows, or the keys read now
            prefetched = getattr(obj, "_prefetched_objects_cache", {})
            related = (
                prefetched[name]
                if name in prefetched
                else getattr(obj, name).select_related(None).only("pk").iterator()
            )
            row[name] = [_serialized_value(other, other._meta.pk) for other in related]
        else:
            row[name] = _serialized_value(obj, one)
    return _plain(row)


@functools.cache
def _serialized_fields(model: type[models.Model]) -> list[tuple[models.Field, bool]]:
    """``(field, many)`` for each field the "python" serializer writes of ``model``, in its order: its
    concrete model's local fields, then its many-to-many fields through tables of their own."""
    meta = model._meta.concrete_model._meta
    return [(f, False) for f in meta.local_fields if f.serialize] + [
        (f, True)
        for f in meta.local_many_to_many
        if f.serialize and f.remote_field.through._meta.auto_created
    ]


def _serialized_value(obj: models.Model, field: models.Field):
    value = field.value_from_object(obj)
    return value if is_protected_type(value) else field.value_to_string(obj)


def version_of(obj: models.Model) -> dict:
    """The record as stored now: its fields, many-to-many links and inline rows."""
    model = type(obj)
    found = versions_of(model, [obj.pk])
    if obj.pk not in found:
        raise model.DoesNotExist(f"{model._meta.object_name} {obj.pk} does not exist")
    return found[obj.pk]


def _owner(model: type[models.Model], name: str) -> set[str]:
    """The fields of a child row that point back to its record (left out of a version)."""
    relation = model._meta.get_field(name)
    return {relation.field.name} if hasattr(relation, "field") else {"content_type", "object_id"}


def versions_of(model: type[models.Model], pks, *, records=None) -> dict[int, dict]:
    """The versions of many records of one model (see :func:`version_of`), one query per relation.

    ``records``: the records as just read in the same transaction and unchanged since (an import's), so
    as not to read them again; their many-to-many links are read all the same."""
    pks = list(pks)
    m2m = [f.name for f in model._meta.many_to_many]
    if records is None:
        records = list(model._default_manager.filter(pk__in=pks).prefetch_related(*m2m))
    else:
        models.prefetch_related_objects(records, *m2m)
    children: dict[str, dict[int, list]] = {}
    for name in children_of(model):
        relation = model._meta.get_field(name)
        rows = relation.related_model._default_manager.order_by("pk")
        if hasattr(relation, "field"):  # a foreign key back to the record
            owner = relation.field.attname
            rows = rows.filter(**{f"{owner}__in": pks})
        else:  # a generic relation (citations)
            owner = "object_id"
            rows = rows.filter(content_type=ContentType.objects.get_for_model(model), object_id__in=pks)
        skip = _owner(model, name)
        found = children[name] = defaultdict(list)
        for row in rows:
            found[getattr(row, owner)].append({"pk": row.pk, "fields": _fields(row, skip)})
    return {
        obj.pk: {"fields": _fields(obj), "children": {name: rows[obj.pk] for name, rows in children.items()}}
        for obj in records
    }


def _new_rows_unnumbered(base: dict, proposed: dict) -> dict:
    for name, rows in proposed["children"].items():
        known = {row["pk"] for row in base["children"].get(name, [])}
        for row in rows:
            if row["pk"] not in known:
                row["pk"] = None
    return proposed


class HoldBack(Exception):
    """Raised inside the savepoint to roll a held-back save back."""


@contextlib.contextmanager
def capture(obj_or_model, pk, *, user, route: str):
    """Run a save inside a savepoint and keep what it made of record ``pk`` as a pending change.

    Used as ``with capture(Model, pk, user=..., route=...) as held: ...``; after the block, ``held.change``
    is the new :class:`PendingChange` (None if the save did not go through: ``held.saved`` was never set,
    or nothing differed). The block's writes are rolled back either way.
    """
    model = obj_or_model if isinstance(obj_or_model, type) else type(obj_or_model)
    held = Held()
    with transaction.atomic():
        live = model._default_manager.select_for_update().get(pk=pk)
        base = version_of(live)
        try:
            with transaction.atomic():
                yield held
                if held.saved:
                    held.proposed = version_of(live)
                raise HoldBack
        except HoldBack:
            pass
        if held.saved and held.proposed is not None:
            proposed = _new_rows_unnumbered(base, held.proposed)
            if differences(model, base, proposed):
                held.change = PendingChange.objects.create(
                    content_type=ContentType.objects.get_for_model(model),
                    object_id=pk,
                    kind=PendingChange.Kind.EDIT,
                    route=route,
                    summary=str(live)[:500],
                    base=base,
                    proposed=proposed,
                    base_updated_at=live.updated_at,
                    created_by=user if user is not None and user.is_authenticated else None,
                )


@dataclass
class Held:
    saved: bool = False
    proposed: dict | None = None
    change: PendingChange | None = None


# ------------------------------------------------------------------ comparing versions


@dataclass
class FieldDiff:
    name: str
    label: str
    before: str
    after: str
    now: str = ""  # the live value, where it moved since the change was made
    conflict: bool = False


@dataclass
class ChildDiff:
    relation: str
    label: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[tuple[str, str]] = field(default_factory=list)
    conflict: bool = False


def _rows_key(rows) -> list:
    return sorted(json.dumps(r["fields"], sort_keys=True) for r in rows)


def _display(model, name: str, value, names: Names | None = None) -> str:
    try:
        f = model._meta.get_field(name)
    except Exception:
        return str(value)
    if value in (None, "", []):
        return "—"
    if f.many_to_many or f.many_to_one or f.one_to_one:
        pks = value if isinstance(value, list) else [value]
        if names is not None and f.related_model in names:
            found = names[f.related_model]
        else:
            found = f.related_model._default_manager.in_bulk(pks)
        return ", ".join(str(found.get(pk, f"#{pk} (deleted)")) for pk in pks)
    if f.choices:
        labels = dict(f.flatchoices)
        if isinstance(value, list):
            return ", ".join(str(labels.get(v, v)) for v in value)
        return str(labels.get(value, value))
    if isinstance(value, list):
        return ", ".join(map(str, value))
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _row_label(model, relation: str, row, names: Names | None = None) -> str:
    child = model._meta.get_field(relation).related_model
    parts = []
    for name, value in row["fields"].items():
        if value in (None, "", [], {}):
            continue
        parts.append(f"{name}: {_display(child, name, value, names)}")
    return "; ".join(parts)


#: The names of related records a set of differences shows, per model: {model: {pk: record}}.
Names = dict


def related_names(pairs) -> Names:
    """The records the versions of ``pairs`` (``(model, version)``) point to, one query per related model,
    so that showing their differences runs no query per field or row."""
    wanted: dict = {}

    def collect(model, fields: dict):
        for name, value in fields.items():
            try:
                f = model._meta.get_field(name)
            except Exception:
                continue
            if (f.many_to_many or f.many_to_one or f.one_to_one) and value not in (None, "", []):
                pks = value if isinstance(value, list) else [value]
                wanted.setdefault(f.related_model, set()).update(pks)

    for model, version in pairs:
        collect(model, version["fields"])
        for relation, rows in version.get("children", {}).items():
            child = model._meta.get_field(relation).related_model
            for row in rows:
                collect(child, row["fields"])
    return {related: related._default_manager.in_bulk(pks) for related, pks in wanted.items()}


def differences(
    model, base: dict, proposed: dict, live: dict | None = None, names: Names | None = None
) -> list:
    """What ``proposed`` changes in ``base``, field by field and inline by inline; with ``live``, where
    the live record moved on the same field since (a conflict). ``names`` (``related_names``) spares a
    query per related record shown."""
    out: list = []
    for name, after in proposed["fields"].items():
        before = base["fields"].get(name)
        if after == before:
            continue
        f = model._meta.get_field(name)
        now = live["fields"].get(name) if live else before
        out.append(
            FieldDiff(
                name=name,
                label=str(f.verbose_name),
                before=_display(model, name, before, names),
                after=_display(model, name, after, names),
                now=_display(model, name, now, names) if now != before else "",
                conflict=now not in (before, after),
            )
        )
    for relation, rows in proposed["children"].items():
        old = base["children"].get(relation, [])
        if _rows_key(rows) == _rows_key(old):
            continue
        child_model = model._meta.get_field(relation).related_model
        diff = ChildDiff(relation=relation, label=str(child_model._meta.verbose_name_plural))
        old_by_pk = {r["pk"]: r for r in old}
        new_pks = {r["pk"] for r in rows if r["pk"] is not None}
        for row in rows:
            if row["pk"] is None:
                diff.added.append(_row_label(model, relation, row, names))
            elif row["pk"] in old_by_pk and row["fields"] != old_by_pk[row["pk"]]["fields"]:
                diff.changed.append(
                    (
                        _row_label(model, relation, old_by_pk[row["pk"]], names),
                        _row_label(model, relation, row, names),
                    )
                )
        diff.removed = [
            _row_label(model, relation, r, names) for pk, r in old_by_pk.items() if pk not in new_pks
        ]
        if live is not None:
            # A conflict: a row the change edits or removes was edited or removed live since. Rows added
            # on either side do not conflict (two articles may each add citations to one record).
            now_by_pk = {r["pk"]: r for r in live["children"].get(relation, [])}
            touched = [pk for pk in old_by_pk if pk not in new_pks] + [
                r["pk"] for r in rows if r["pk"] in old_by_pk and r["fields"] != old_by_pk[r["pk"]]["fields"]
            ]
            diff.conflict = any(
                pk not in now_by_pk or now_by_pk[pk]["fields"] != old_by_pk[pk]["fields"] for pk in touched
            )
        out.append(diff)
    return out


# ------------------------------------------------------------------ applying a version


def apply_version(obj: models.Model, base: dict, proposed: dict) -> list[str]:
    """Write onto the live ``obj`` what ``proposed`` changed in ``base`` (fields the change did not touch
    keep their live values). Returns the labels of what changed. The caller locks and checks conflicts."""
    model = type(obj)
    changed_fields = {n: v for n, v in proposed["fields"].items() if base["fields"].get(n) != v}
    labels = []
    if changed_fields:
        data = {"model": model._meta.label_lower, "pk": obj.pk, "fields": changed_fields}
        restored = next(serializers.deserialize("python", [data], ignorenonexistent=True))
        for name in changed_fields:
            f = model._meta.get_field(name)
            if f.many_to_many:
                continue
            setattr(obj, f.attname, getattr(restored.object, f.attname))
            labels.append(str(f.verbose_name))
        obj.save()
        for name, pks in (restored.m2m_data or {}).items():
            getattr(obj, name).set(pks)
            labels.append(str(model._meta.get_field(name).verbose_name))
    for relation, rows in proposed["children"].items():
        old = base["children"].get(relation, [])
        if _rows_key(rows) == _rows_key(old):
            continue
        labels.append(relation)
        rel = model._meta.get_field(relation)
        child = rel.related_model
        owner = {rel.field.attname: obj.pk} if hasattr(rel, "field") and rel.field.model is child else None
        if owner is None:  # a generic relation (citations)
            owner = {"content_type_id": ContentType.objects.get_for_model(model).pk, "object_id": obj.pk}
        keep = {r["pk"] for r in rows if r["pk"] is not None}
        gone = {r["pk"] for r in old} - keep
        child._default_manager.filter(pk__in=gone, **owner).delete()
        old_by_pk = {r["pk"]: r for r in old}
        now = _rows_key(version_of(obj)["children"].get(relation, []))
        for row in rows:
            if row["pk"] in old_by_pk and row["fields"] == old_by_pk[row["pk"]]["fields"]:
                continue  # untouched by the change: the live row stays as it is now
            if row["pk"] is None and _rows_key([row])[0] in now:
                continue  # added live meanwhile, the same
            data = {"model": child._meta.label_lower, "pk": row["pk"], "fields": row["fields"]}
            restored = next(serializers.deserialize("python", [data], ignorenonexistent=True)).object
            for name, value in owner.items():
                setattr(restored, name, value)
            if row["pk"] is not None and not child._default_manager.filter(pk=row["pk"], **owner).exists():
                restored.pk = None  # deleted meanwhile: add it again
            restored.save()
    return labels


# ------------------------------------------------------------------ new text for a cited article


@dataclass
class CitationFate:
    record: object
    status: str
    quote: str
    fate: str  # "stays", "moves" or "is lost"
    start: int
    new_start: int | None


def citation_fates(article, new_text: str) -> list[CitationFate]:
    """What new text does to each citation of ``article``: its quote stays, moves, or is no longer there."""
    fates = []
    for citation in article.citations.select_related("content_type").prefetch_related("record"):
        at = new_text.find(citation.quote)
        fate = "is lost" if at < 0 else "stays" if at == citation.start else "moves"
        record = citation.record
        fates.append(
            CitationFate(
                record=record,
                status=getattr(record, "status", ""),
                quote=citation.quote,
                fate=fate,
                start=citation.start,
                new_start=None if at < 0 else at,
            )
        )
    return fates


def cited_by_public(article) -> bool:
    """Whether a published or archived record cites ``article`` (its text then changes only reviewed)."""
    return bool(public_citers(article))


def public_citers(article) -> list:
    """The published or archived records that cite ``article``, each once."""
    found = {}
    for citation in article.citations.select_related("content_type").prefetch_related("record"):
        record = citation.record
        if getattr(record, "status", None) in PUBLIC_STATES:
            found[(type(record), record.pk)] = record
    return list(found.values())


def text_review(article, new_text: str, *, apply=None) -> dict:
    """The page of a pending article text: a line diff, the citations it would move or lose, and (given
    ``apply``, the workflow's text applier) what accepting it would change in the records
    (:func:`text_effects`)."""
    import difflib

    diff = list(
        difflib.unified_diff(
            article.text.splitlines(), new_text.splitlines(), "published text", "new text", lineterm="", n=1
        )
    )
    fates = citation_fates(article, new_text)
    review = {
        "text_diff": diff,
        "fates": [f for f in fates if f.fate != "stays"],
        "unchanged_citations": sum(1 for f in fates if f.fate == "stays"),
    }
    if apply is not None:
        review["effects"] = text_effects(article, new_text, apply=apply)
    return review


# What a preview leaves out of an article's and a record's fields: the importer's own bookkeeping.
PREVIEW_SKIPPED = {"imported_values", "imported_at"}
# And what a new record's fields leave out: derived from the others, or the importer's score.
NEW_RECORD_SKIPPED = {"slug", "confidence"}


@dataclass
class RecordEffect:
    """What accepting new text would do to one record: create it (a draft), change it, or propose a
    change that waits for a publisher (a published or archived record's new citations)."""

    model: str
    record: str
    pk: int
    status: str
    effect: str  # "new", "changed" or "waits for a publisher"
    fields: list = field(default_factory=list)
    children: list = field(default_factory=list)


@dataclass
class TextEffects:
    article: list = field(default_factory=list)  # FieldDiff of the article's own fields (title, date, ...)
    records: list = field(default_factory=list)  # RecordEffect, by type then name
    refused: str = ""  # why accepting would be refused (the applier's reason)


def _cited(article) -> set[tuple[int, int]]:
    return set(article.citations.order_by().values_list("content_type_id", "object_id"))


def _trimmed(version: dict) -> dict:
    return {
        "fields": {k: v for k, v in version["fields"].items() if k not in PREVIEW_SKIPPED},
        "children": version["children"],
    }


def text_effects(article, new_text: str, *, apply) -> TextEffects:
    """What accepting ``new_text`` for ``article`` would change, worked out by doing it and rolling it back.

    ``apply(article, text, by=None)`` (the workflow's text applier, which re-reads the article) runs inside
    a savepoint; the article's fields, the versions of every record it cites before or after, and the
    pending changes it proposes are read back, then everything is rolled back and the records' versions
    from before are read for comparison. Besides what the applier itself runs: one query per type of
    record, per many-to-many field and inline relation of those types, and per type of related record
    shown; none per record.
    """
    from django.core.exceptions import ValidationError

    model = type(article)
    article_before = _trimmed(versions_of(model, [article.pk])[article.pk])
    effects = TextEffects()
    try:
        trial = _Trial.run(article, new_text, apply)
    except ValidationError as refused:
        effects.refused = " ".join(refused.messages)
        return effects
    except Exception as exc:  # the review page stays up; publishing would meet the same error
        log.exception("previewing new text for article %s failed", article.pk)
        effects.refused = f"It could not be worked out ({type(exc).__name__}): accepting it would fail too."
        return effects
    before, records = _versions_now(set(trial.after) | {(ct, pk) for ct, pk, _, _ in trial.proposals})
    pairs = [(model, article_before), *((_model(ct), v) for (ct, _), v in before.items())]
    pairs += [(_model(ct), base) for ct, _, base, _ in trial.proposals]
    names = _as_text(related_names(pairs))
    for related, found in trial.names.items():
        names[related] = {**names.get(related, {}), **found}
    effects.article = differences(model, article_before, trial.article, names=names)
    effects.records = _record_effects(trial, before, records, names)
    return effects


@dataclass
class _Trial:
    """What the article's new text made, read inside the savepoint before it was rolled back: the article's
    version, the versions of the records it cites before or after (by content type and key), the edits it
    proposes (content type, key, base, proposed) and the names of the records those point to."""

    article: dict = field(default_factory=dict)
    after: dict[tuple[int, int], dict] = field(default_factory=dict)
    proposals: list[tuple[int, int, dict, dict]] = field(default_factory=list)
    names: Names = field(default_factory=dict)

    @classmethod
    def run(cls, article, new_text: str, apply) -> _Trial:
        import reversion

        model, trial = type(article), cls()
        cited_before = _cited(article)
        try:
            with transaction.atomic():
                last = PendingChange.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
                with reversion.create_revision(manage_manually=True):
                    apply(model._default_manager.get(pk=article.pk), new_text, by=None)
                trial.article = _trimmed(versions_of(model, [article.pk])[article.pk])
                for ct, pks in _by_type(cited_before | _cited(article)).items():
                    for pk, version in versions_of(_model(ct), pks).items():
                        trial.after[(ct, pk)] = _trimmed(version)
                for change in PendingChange.objects.filter(pk__gt=last, kind=PendingChange.Kind.EDIT):
                    trial.proposals.append(
                        (change.content_type_id, change.object_id, change.base, change.proposed)
                    )
                # The names of the records the new versions point to, new ones included, while they exist.
                pairs = [(model, trial.article), *((_model(ct), v) for (ct, _), v in trial.after.items())]
                pairs += [(_model(ct), proposed) for ct, _, _, proposed in trial.proposals]
                trial.names = _as_text(related_names(pairs))
                raise HoldBack
        except HoldBack:
            pass
        return trial


def _versions_now(keys) -> tuple[dict[tuple[int, int], dict], dict[tuple[int, int], models.Model]]:
    """The records of ``keys`` (content type, key) that exist now, and their versions as they stand."""
    before: dict[tuple[int, int], dict] = {}
    records: dict[tuple[int, int], models.Model] = {}
    for ct, pks in _by_type(keys).items():
        found = _model(ct)._default_manager.in_bulk(pks)
        for pk, record in found.items():
            records[(ct, pk)] = record
        for pk, version in versions_of(_model(ct), found).items():
            before[(ct, pk)] = _trimmed(version)
    return before, records


def _record_effects(trial: _Trial, before: dict, records: dict, names: Names) -> list[RecordEffect]:
    """The records the new text makes, changes, or proposes changes to (for a publisher to accept)."""
    effects = []
    for key, version in trial.after.items():
        ct, pk = key
        if key not in before:
            fields = [FieldDiff(n, _label(_model(ct), n), "", _display(_model(ct), n, v, names))
                      for n, v in version["fields"].items()
                      if v not in (None, "", [], {}) and n not in NEW_RECORD_SKIPPED]  # fmt: skip
            status = version["fields"].get("status", "")
            effects.append(
                RecordEffect(_verbose(ct), _summary(ct, version), pk, status, "new", fields=fields)
            )
            continue
        found = differences(_model(ct), before[key], version, names=names)
        if found:
            effects.append(_effect(ct, records[key], "changed", found))
    for ct, pk, base, proposed in trial.proposals:
        found = differences(_model(ct), base, proposed, names=names)
        if found and (ct, pk) in records:
            effects.append(_effect(ct, records[(ct, pk)], "waits for a publisher", found))
    effects.sort(key=lambda e: (e.model, e.effect, e.record))
    return effects


def _as_text(names: Names) -> Names:
    return {related: {pk: str(record) for pk, record in found.items()} for related, found in names.items()}


def _by_type(keys) -> dict[int, list[int]]:
    grouped: dict[int, list[int]] = {}
    for ct, pk in sorted(keys):
        grouped.setdefault(ct, []).append(pk)
    return grouped


def _model(ct: int):
    return ContentType.objects.get_for_id(ct).model_class()


def _verbose(ct: int) -> str:
    return str(_model(ct)._meta.verbose_name)


def _label(model, name: str) -> str:
    try:
        return str(model._meta.get_field(name).verbose_name)
    except Exception:
        return name


def _summary(ct: int, version: dict) -> str:
    fields = version["fields"]
    return str(fields.get("title") or fields.get("name") or f"new {_verbose(ct)}")


def _effect(ct: int, record, effect: str, found: list) -> RecordEffect:
    return RecordEffect(
        model=_verbose(ct),
        record=str(record),
        pk=record.pk,
        status=getattr(record, "status", ""),
        effect=effect,
        fields=[d for d in found if isinstance(d, FieldDiff)],
        children=[d for d in found if isinstance(d, ChildDiff)],
    )


def hold_text(article, new_text: str, *, content_hash: str, source: str, user=None):
    """Keep ``new_text`` for ``article`` as a pending change (one per text); the article keeps its own."""
    content_type = ContentType.objects.get_for_model(article)
    waiting = PendingChange.objects.filter(
        content_type=content_type, object_id=article.pk, kind=PendingChange.Kind.TEXT,
        state=PendingChange.State.PENDING,
    )  # fmt: skip
    for change in waiting:
        if change.proposed.get("content_hash") == content_hash:
            return change
    return PendingChange.objects.create(
        content_type=content_type,
        object_id=article.pk,
        kind=PendingChange.Kind.TEXT,
        route=f"article import ({source})"[:100],
        summary=str(article)[:500],
        base={"text": article.text, "content_hash": article.content_hash},
        proposed={"text": new_text, "content_hash": content_hash},
        base_updated_at=article.updated_at,
        created_by=user if user is not None and user.is_authenticated else None,
    )


# ------------------------------------------------------------------ citations an import adds to a live record


def hold_citations(record: models.Model, rows: list[dict], *, route: str, user=None) -> PendingChange | None:
    """Keep new citations of a published (or archived) ``record`` as a pending change to it: its live
    version, its public page and the cited article's page show none of them until a publisher accepts.

    ``rows`` are citation fields (``article``, ``quote``, ``start``, ``end``, ``fields``). Rows the record
    already has, or that a pending change already proposes, are left out; None if nothing is left.
    """
    return hold_many_citations([(record, rows)], route=route, user=user).get(record)


def _citation_key(row) -> tuple:
    f = row["fields"]
    return (f["article"], f["start"], f["end"])


def hold_many_citations(
    held: list[tuple[models.Model, list[dict]]],
    *,
    route: str,
    user=None,
    waiting: bool = True,
    as_read: bool = False,
) -> dict:
    """:func:`hold_citations` for several records (an imported article's), in a few queries: their
    versions one query per model and relation, the changes already waiting in one (``waiting=False``
    skips it where none can hold these rows: the article was created in the same transaction), the new
    ones in one ``bulk_create``. ``as_read``: the records are as read in this transaction, unchanged (see
    :func:`versions_of`). Returns the pending change made for each record that got one."""
    if not held:
        return {}
    records = [record for record, _ in held] if as_read else None
    (made,) = hold_many_citations_of([(held, route, user, waiting)], records=records)
    return made


def hold_many_citations_of(entries, *, records=None, create=None) -> list[dict]:
    """:func:`hold_many_citations` for several articles at once (an import's batch): ``entries`` are
    ``(held, route, user, waiting)``, one per article, and the pending changes are the same as calling it
    for each in turn (a change holds the rows of one article, and a row is told from another by its
    article), made in a few queries for all: the records' versions read once (``records``: as read in this
    transaction and unchanged since, as with ``as_read``), the waiting changes once, the new changes in one
    ``bulk_create`` (or ``create(changes)``: an import's batch writes them as it writes its rows).
    Returns the changes made, per entry, by record."""
    by_model: dict[type[models.Model], dict[int, models.Model]] = {}
    for held, *_ in entries:
        for record, _ in held:
            by_model.setdefault(type(record), {})[record.pk] = record
    if not by_model:
        return [{} for _ in entries]
    bases = _bases(by_model, records)
    types = {model: ContentType.objects.get_for_model(model) for model in by_model}
    base_keys: dict[tuple[int, int], set] = {}
    for model, versions in bases.items():
        for pk, base in versions.items():
            base_keys[(types[model].pk, pk)] = {
                _citation_key(row) for row in base["children"].get("citations", [])
            }
    waiting_keys = _waiting_citation_keys(entries, types)
    made_all, new_changes = [], []
    for held, route, user, wait in entries:
        made = {}
        known: dict[tuple[int, int], set] = {}
        author = user if user is not None and user.is_authenticated else None
        for record, rows in held:
            model = type(record)
            base = bases[model].get(record.pk)
            if base is None:
                continue
            key = (types[model].pk, record.pk)
            if key not in known:
                known[key] = set(base_keys[key]) | (waiting_keys.get(key, set()) if wait else set())
            change = _citations_change(record, rows, base, known[key], types[model], route, author)
            if change is not None:
                made[record] = change
        made_all.append(made)
        new_changes += made.values()
    if new_changes:
        (create or PendingChange.objects.bulk_create)(new_changes)
    return made_all


def _bases(by_model: dict, records) -> dict:
    """The versions of the records of ``by_model`` (model -> key -> record), each read once; ``records``:
    those already read in this transaction and unchanged since."""
    given: dict = {}
    for record in records or ():
        given.setdefault(type(record), {})[record.pk] = record
    return {
        model: versions_of(
            model, list(found), records=list(given[model].values()) if model in given else None
        )
        for model, found in by_model.items()
    }


def _waiting_citation_keys(entries, types: dict) -> dict[tuple[int, int], set]:
    """The citations that pending changes already propose to add, by (content type, key), for the records of
    the entries that wait for them; one query."""
    waiting_keys: dict[tuple[int, int], set] = defaultdict(set)
    asked = {(types[type(r)].pk, r.pk) for held, _, _, wait in entries if wait for r, _ in held}
    if not asked:
        return waiting_keys
    changes = PendingChange.objects.filter(
        content_type__in=types.values(), object_id__in={pk for _, pk in asked},
        kind=PendingChange.Kind.EDIT, state=PendingChange.State.PENDING,
    ).only("content_type_id", "object_id", "proposed")  # fmt: skip
    for change in changes:
        rows_waiting = change.proposed.get("children", {}).get("citations", [])
        waiting_keys[(change.content_type_id, change.object_id)].update(
            _citation_key(row) for row in rows_waiting if not row["pk"]
        )
    return waiting_keys


def _citations_change(record, rows, base: dict, seen: set, content_type, route: str, author):
    """The pending change that adds ``rows`` (citations' fields) to ``record``'s version ``base``, leaving
    out those ``seen`` (which it then counts as seen); ``None`` when nothing is left to add."""
    new = [{"pk": None, "fields": _plain(fields)} for fields in rows]
    new = [row for row in new if _citation_key(row) not in seen]
    if not new:
        return None
    seen.update(_citation_key(row) for row in new)
    proposed = json.loads(json.dumps(base))
    proposed["children"]["citations"] = base["children"].get("citations", []) + new
    return PendingChange(
        content_type=content_type,
        object_id=record.pk,
        kind=PendingChange.Kind.EDIT,
        route=route[:100],
        summary=str(record)[:500],
        base=base,
        proposed=proposed,
        base_updated_at=record.updated_at,
        created_by=author,
    )


def supersede(route: str) -> int:
    """Close the pending changes an earlier import of one article made (``route``), before the article is
    written again: their citations point into its earlier text. The new import proposes them afresh."""
    from django.utils import timezone

    return PendingChange.objects.filter(
        route=route[:100], kind=PendingChange.Kind.EDIT, state=PendingChange.State.PENDING
    ).update(
        state=PendingChange.State.REJECTED,
        decided_at=timezone.now(),
        decision_note="Superseded: the article was imported again with other text.",
    )
