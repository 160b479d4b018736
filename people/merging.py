"""Merging duplicate officials and organizations into one survivor, and suggesting likely duplicates.

A merge moves everything that points at the merged records to the survivor (aliases, positions, citations,
delegation headships and memberships, meeting participations, signatures, parties, sent and hosted
delegations, child organizations), keeps the merged names as aliases of the survivor (so a later import
maps them to it), deletes the merged records and records one reversion revision. It is one transaction.

One function, :func:`merge`, does it for both models; a :class:`MergePlan` per model says what points at
it. The records of other apps are named by string (``apps.get_model``): ``people`` imports no other app's
code but ``relations``' core and models.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import reversion
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone

from people.models import Official, OfficialAlias, Organization, OrganizationAlias, Position
from relations.editorial import publication, workflow
from relations.editorial.models import SlugHistory
from relations.editorial.search import fold_key
from relations.editorial.similarity import similarity
from relations.editorial.vocabulary import PUBLIC_STATES, Flag
from relations.editorial.workflow import can_merge
from relations.models import Citation


def _singular(plural: str) -> str:
    """ "aliases" → "alias", "child bodies" → "child body", "delegations led" → "delegation led": the
    nouns a merge counts, each word in the singular."""
    return " ".join(_singular_word(word) for word in plural.split())


def _singular_word(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("ses"):
        return word[:-2]
    return word[:-1] if word.endswith("s") else word


def counted(n: int, plural: str) -> str:
    """ "1 alias", "2 aliases", "1 delegation sent"."""
    return f"{n} {plural if n != 1 else _singular(plural)}"


@dataclass
class MergeResult:
    survivor: models.Model
    merged: list[str]  # "name (#pk)" of each merged record
    moved: dict[str, int]

    def summary(self) -> str:
        parts = [counted(n, what) for what, n in self.moved.items() if n]
        return f"Merged {', '.join(self.merged)} into {self.survivor} (#{self.survivor.pk})" + (
            f"; moved {', '.join(parts)}." if parts else "."
        )


def check_merge_permission(model: type[models.Model], user) -> None:
    """Merging changes the survivor and deletes the others (``workflow.can_merge``)."""
    if not can_merge(user, model):
        raise PermissionDenied(f"You may not merge {model._meta.verbose_name_plural}.")


def _others(model, survivor, others: Iterable, *, by=None) -> list:
    pks = {o.pk for o in others} - {survivor.pk}
    if not pks:
        raise ValidationError("Choose at least one record to merge into the survivor.")
    # Lock the rows and read them fresh: nobody changes them while we move what points at them.
    model._default_manager.select_for_update().filter(pk__in=[survivor.pk, *pks]).exists()
    found = list(model._default_manager.filter(pk__in=pks).order_by("pk"))
    # A merge changes the live survivor and removes the others' pages: with a published one, a publisher's.
    live = [r for r in [survivor, *found] if r.status in PUBLIC_STATES]
    if live and by is not None and not by.has_perm(workflow.permission_name(model, "publish")):
        names = ", ".join(f"{r} (#{r.pk})" for r in live)
        raise PermissionDenied(f"Only a publisher may merge published or archived records: {names}.")
    return found


def _keep_addresses(survivor, others) -> None:
    """The merged records' addresses (and the ones they kept from earlier) now answer for the survivor."""
    SlugHistory.remember(survivor, [o.slug for o in others], also_from=[o.pk for o in others])


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
    pointing = model._default_manager.filter(**{f"{field}__in": other_pks})
    if model._meta.get_field(field).related_model is model:
        pointing = pointing.exclude(pk=survivor_pk)  # a record never points at itself
    pks = set(pointing.values_list("pk", flat=True))
    if pks:
        model._default_manager.filter(pk__in=pks).update(
            **{f"{field}_id": survivor_pk}, updated_at=timezone.now()
        )
    return pks


def _merge_aliases(alias_model, owner_field: str, survivor, others, new_alias: dict) -> int:
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
            alias_model.objects.create(**{owner_field: survivor}, name=other.name, **new_alias)
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


def _merge_positions(owner: str, survivor_pk: int, other_pks: list[int]) -> int:
    """Move the positions of ``owner`` ("official" or "organization") to the survivor, merging any that
    would break UniqueConstraint(official, title, organization)."""
    owner_id = f"{owner}_id"
    key_fields = [name for name in ("official_id", "title", "organization_id") if name != owner_id]
    positions = Position.objects.filter(**{f"{owner}__in": [survivor_pk, *other_pks]})
    moved = 0
    kept: dict = {}
    # The survivor's own positions first: they stay, and the others merge into them.
    for position in sorted(positions, key=lambda p: (getattr(p, owner_id) != survivor_pk, p.pk)):
        k = tuple(getattr(position, name) for name in key_fields)
        if k in kept:
            _merge_position_into(position, kept[k])
            continue
        if getattr(position, owner_id) != survivor_pk:
            setattr(position, owner_id, survivor_pk)
            position.save()
            moved += 1
        kept[k] = position
    return moved


def _fill_blanks(survivor, others, names: Iterable[str]) -> None:
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
        if not (f.startswith(Flag.POSSIBLE_DUPLICATE) and any(n and n in fold_key(f) for n in folded))
    ]  # fmt: skip
    survivor.confidence = max([survivor.confidence, *(o.confidence for o in others)])
    note = f"Merged from {', '.join(merged)} on {timezone.now():%Y-%m-%d}."
    survivor.review_note = f"{survivor.review_note}\n{note}".strip()
    return merged


def _reindex(model, pks) -> None:
    model.reindex_all(pks)
    for obj in model._default_manager.filter(pk__in=pks):
        reversion.add_to_revision(obj)


@dataclass(frozen=True)
class Pointer:
    """Records that point at the merged model: ``label``'s foreign key or many-to-many ``field``.

    ``moved`` names the count in the merge's summary; pointers that share it count their records once.
    ``shown`` names them on the merge page, which counts what would move before the merge.
    """

    label: str
    field: str
    moved: str
    shown: str
    many: bool = False

    def count(self, record) -> int:
        return apps.get_model(self.label)._default_manager.filter(**{self.field: record}).count()


@dataclass(frozen=True)
class MergePlan:
    model: type[models.Model]
    alias_model: type[models.Model]
    owner: str  # the field of aliases and positions that names the record: "official", "organization"
    pointers: tuple[Pointer, ...]
    fill: tuple[str, ...]  # fields the survivor takes from the others where its own is blank
    new_alias: dict = field(default_factory=dict)  # the fields of an alias made from a merged name
    tidy: Callable[[models.Model, list], None] = lambda survivor, others: None

    def preview(self, record) -> list[tuple[str, int]]:
        """What merging ``record`` away would move, for the merge page: (what, how many), in order."""
        return [
            ("aliases", self.alias_model.objects.filter(**{self.owner: record}).count()),
            ("positions", Position.objects.filter(**{self.owner: record}).count()),
            ("citations", Citation.objects.for_object(record).count()),
            *((pointer.shown, pointer.count(record)) for pointer in self.pointers),
        ]


def _tidy_official(survivor: Official, others: list[Official]) -> None:
    """A head is not also a member of the delegation they lead."""
    Delegation = apps.get_model("relations", "Delegation")
    Delegation.members.through.objects.filter(
        official_id=survivor.pk, delegation__head_id=survivor.pk
    ).delete()


def _tidy_organization(survivor: Organization, others: list[Organization]) -> None:
    """No organization is its own parent; a known kind beats "other"."""
    if survivor.parent_id in {o.pk for o in others}:
        survivor.parent = None
    if survivor.kind == Organization.Kind.OTHER:
        survivor.kind = next((o.kind for o in others if o.kind != Organization.Kind.OTHER), survivor.kind)


OFFICIALS = MergePlan(
    model=Official,
    alias_model=OfficialAlias,
    owner="official",
    pointers=(
        Pointer("relations.Delegation", "head", "headships", "delegations led"),
        Pointer("relations.Delegation", "members", "memberships", "delegation memberships", many=True),
        Pointer("relations.Meeting", "participants", "meetings", "meetings", many=True),
        Pointer("agreements.Agreement", "signatories", "signatures", "agreements signed", many=True),
    ),
    fill=("country", "note"),
    new_alias={"kind": OfficialAlias.Kind.SPELLING},
    tidy=_tidy_official,
)
ORGANIZATIONS = MergePlan(
    model=Organization,
    alias_model=OrganizationAlias,
    owner="organization",
    pointers=(
        Pointer("relations.Delegation", "sending_body", "delegations", "delegations sent"),
        Pointer("relations.Delegation", "host_body", "delegations", "delegations hosted"),
        Pointer("agreements.Agreement", "parties", "agreements", "agreements", many=True),
        Pointer("people.Organization", "parent", "children", "child bodies"),
    ),
    fill=("acronym", "country", "website"),
    tidy=_tidy_organization,
)


def _move_pointer(pointer: Pointer, survivor, other_pks: list[int]) -> tuple[type[models.Model], set[int]]:
    """Re-point ``pointer``'s records at the survivor: the pointing model and the pks it changed."""
    model = apps.get_model(pointer.label)
    if pointer.many:
        through = getattr(model, pointer.field).through
        touched = _move_m2m(through, model._meta.get_field(pointer.field).m2m_reverse_field_name(),
                            survivor.pk, other_pks)  # fmt: skip
        model._default_manager.filter(pk__in=touched).update(updated_at=timezone.now())
        return model, touched
    return model, _move_fk(model, pointer.field, survivor.pk, other_pks)


def merge(plan: MergePlan, survivor, others: Iterable, *, by) -> MergeResult:
    """Merge ``others`` into ``survivor`` as ``plan`` says; see the module's docstring."""
    model = plan.model
    check_merge_permission(model, by)
    with transaction.atomic(), reversion.create_revision():
        survivor = model._default_manager.get(pk=survivor.pk)
        others = _others(model, survivor, others, by=by)
        other_pks = [o.pk for o in others]
        for other in others:  # their last state, so the merge can be looked up (and undone by hand)
            reversion.add_to_revision(other)
        moved = {"aliases": _merge_aliases(plan.alias_model, plan.owner, survivor, others, plan.new_alias)}
        moved["positions"] = _merge_positions(plan.owner, survivor.pk, other_pks)
        moved["citations"] = _move_citations(survivor, others)
        touched: dict[str, set[int]] = {}
        reindexed: dict[type[models.Model], set[int]] = defaultdict(set)
        for pointer in plan.pointers:
            pointing, pks = _move_pointer(pointer, survivor, other_pks)
            touched[pointer.moved] = touched.get(pointer.moved, set()) | pks
            reindexed[pointing] |= pks
        moved.update({what: len(pks) for what, pks in touched.items()})
        _fill_blanks(survivor, others, plan.fill)
        plan.tidy(survivor, others)
        merged = _finish_survivor(survivor, others)
        _keep_addresses(survivor, others)
        model._default_manager.filter(pk__in=other_pks).delete()
        survivor.save()
        survivor.reindex()
        reversion.add_to_revision(survivor)
        for pointing, pks in reindexed.items():
            _reindex(pointing, pks)
        publication.changed()  # the merged records' pages go, the survivor's and its relations' change
        result = MergeResult(survivor=survivor, merged=merged, moved=moved)
        reversion.set_user(by)
        reversion.set_comment(result.summary())
    return result


def merge_officials(survivor: Official, others: Iterable[Official], *, by) -> MergeResult:
    return merge(OFFICIALS, survivor, others, by=by)


def merge_organizations(survivor: Organization, others: Iterable[Organization], *, by) -> MergeResult:
    return merge(ORGANIZATIONS, survivor, others, by=by)


# ------------------------------------------------------------------ suggestions


@dataclass(frozen=True)
class Suggestion:
    a: int
    b: int
    a_name: str
    b_name: str
    score: float
    reason: str


ALIKE = 0.86


def name_similarity(a: str, b: str, *, at_least: float = ALIKE) -> float:
    """How alike two folded names are as strings, 0 to 1, or 0 when below ``at_least``.

    Both finders, officials' and organizations', ask the project's one similarity function."""
    ratio = similarity(a, b)
    return ratio if ratio >= at_least else 0.0


def _similar(a: str, b: str) -> tuple[float, str] | None:
    """How alike two folded names of officials are, and why; None if not alike enough to suggest."""
    if a == b:
        return 1.0, "same name once folded"
    ta, tb = a.split(), b.split()
    if sorted(ta) == sorted(tb):
        return 0.97, "same words in another order"
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if len(short) >= 2 and set(short) <= set(long_) and {short[0], short[-1]} <= {long_[0], long_[-1]}:
        return 0.9, "shorter form of the same name"
    ratio = name_similarity(a, b)
    return (round(ratio, 2), "spelled almost alike") if ratio else None


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


# ------------------------------------------------------------------ organizations

# Words that say nothing of which body it is: left out when names are compared word by word.
ORGANIZATION_STOPWORDS = frozenset({"of", "the", "and", "for", "in", "on", "to", "a"})
# Other names of the countries an organization's name may end with ("… of the Russian Federation").
COUNTRY_NAMES = {
    "RU": ("russia", "russian federation", "the russian federation"),
    "VN": ("vietnam", "viet nam", "socialist republic of vietnam", "the socialist republic of vietnam"),
}


def _country_names(code: str) -> list[str]:
    from django_countries import countries

    names = {fold_key(countries.name(code) or "")} | set(COUNTRY_NAMES.get(code, ()))
    return sorted((n for n in names if n), key=len, reverse=True)


def without_country(folded: str, code: str) -> tuple[str, bool]:
    """The folded name without a trailing "of <its country>" (or "<country>'s" in front); and whether
    there was one."""
    for name in _country_names(code) if code else ():
        for suffix in (f" of the {name}", f" of {name}"):
            if folded.endswith(suffix) and len(folded) > len(suffix):
                return folded[: -len(suffix)], True
        prefix = f"{name} s "
        if folded.startswith(prefix):
            return folded[len(prefix) :], True
    return folded, False


def _content_words(folded: str) -> list[str]:
    return [w for w in folded.split() if w not in ORGANIZATION_STOPWORDS]


def _initials(folded: str) -> str:
    return "".join(w[0] for w in _content_words(folded))


@dataclass(frozen=True)
class _Org:
    pk: int
    name: str
    folded: str
    country: str
    acronym: str
    parent: int | None
    core: str  # the folded name without "of <country>"
    words: frozenset


def _org_alike(x: _Org, y: _Org) -> tuple[float, str] | None:
    """Why two organizations are likely one, or None: built for bodies, not people (no surnames)."""
    if x.country and y.country and x.country != y.country:
        return None
    if x.parent and y.parent and x.parent != y.parent:  # parts of different bodies
        return None
    same_parent = " under the same parent" if x.parent and x.parent == y.parent else ""
    if x.folded == y.folded:
        return 1.0, f"same name once folded{same_parent}"
    if x.core == y.core:
        return 0.95, f"same name but for “of <country>”{same_parent}"
    for a, b in ((x, y), (y, x)):
        if a.acronym and a.acronym in (b.acronym, b.folded, _initials(b.core), _initials(b.folded)):
            return 0.92, f"“{a.acronym.upper()}” is the other's acronym{same_parent}"
    cx, cy = _content_words(x.core), _content_words(y.core)
    if cx and sorted(cx) == sorted(cy):
        return 0.9, f"same words in another order{same_parent}"
    # Spelled almost alike: the same words but one, and that one a misspelling, not another word
    # ("Home Affairs" and "Foreign Affairs" are two ministries).
    if len(cx) == len(cy):
        differing = [(a, b) for a, b in zip(sorted(cx), sorted(cy), strict=True) if a != b]
        if len(differing) == 1 and name_similarity(*differing[0], at_least=0.75):
            ratio = name_similarity(x.core, y.core)
            if ratio:
                return round(ratio, 2), f"spelled almost alike{same_parent}"
    return None


def suggest_organization_duplicates(
    queryset: models.QuerySet, *, limit: int = 200, window: int = 8, only: int | None = None
) -> list[Suggestion]:
    """Pairs of likely duplicate organizations: the same name once "of <country>", word order, an
    acronym or a misspelling are set aside, in one country and not under two different parents.

    Records are blocked by their country and by each key that makes them alike (the name without its
    country, its sorted words, its initials, its acronym); neighbours in name order (``window``) are
    compared for misspellings. ``only``: just the suggestions that involve this pk.
    """
    orgs = []
    for pk, name, folded, country, acronym, parent in queryset.order_by().values_list(
        "pk", "name", "name_folded", "country", "acronym", "parent_id"
    ):
        core, _ = without_country(folded, country)
        words = frozenset(_content_words(core))
        orgs.append(_Org(pk, name, folded, country, fold_key(acronym), parent, core, words))
    blocks: dict[tuple, list[_Org]] = defaultdict(list)
    for org in orgs:
        keys = {
            ("core", org.core),
            ("words", tuple(sorted(org.words))),
            ("initials", _initials(org.core)),
            ("initials", _initials(org.folded)),
        }
        if org.acronym:
            keys.add(("initials", org.acronym))
        if " " not in org.folded:  # a name that may be an acronym
            keys.add(("initials", org.folded))
        for key in keys:
            if key[1]:
                blocks[key].append(org)
    by_name = sorted(orgs, key=lambda o: (o.country, o.core, o.pk))
    for i, org in enumerate(by_name):  # misspellings: neighbours in name order
        blocks[("near", i // window)].append(org)
        blocks[("near, shifted", (i + window // 2) // window)].append(org)
    seen: dict[tuple[int, int], Suggestion] = {}
    for block in blocks.values():
        if len(block) < 2:
            continue
        for i, x in enumerate(block):
            for y in block[i + 1 :]:
                pair = (min(x.pk, y.pk), max(x.pk, y.pk))
                if x.pk == y.pk or pair in seen or (only is not None and only not in pair):
                    continue
                alike = _org_alike(x, y)
                if alike:
                    first, second = (x.name, y.name) if x.pk < y.pk else (y.name, x.name)
                    seen[pair] = Suggestion(pair[0], pair[1], first, second, alike[0], alike[1])
    return sorted(seen.values(), key=lambda s: (-s.score, s.a_name, s.a, s.b))[:limit]
