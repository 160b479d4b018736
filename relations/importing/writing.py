"""Writing one article's proposals: resolve them against the database, save drafts and citations.

Never parses text. A record an editor published or archived is never changed (its new citations wait for
a publisher, and the report names it where the article describes it otherwise); a field an editor changed
is kept (``imported_values`` holds what the importer last wrote, so a difference is an editor's work).

An article costs a constant number of queries, whatever the database holds and however many records it
names: the records it matches are read in one query per type, the rows it adds (aliases, positions,
many-to-many links, citations) are written in one ``bulk_create`` per table, and new records take their
slugs from a :class:`~relations.editorial.models.SlugPool` the run shares. Records it creates are written
one by one (each needs its key for the next), as are existing ones it changes.
"""

from __future__ import annotations

import copy as copy_module
import datetime
import functools
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

import reversion
from django.contrib.contenttypes.models import ContentType
from django.db import connection, models
from django.utils import timezone, translation
from reversion.models import Revision

from agreements.models import Agreement
from people.models import Official, OfficialAlias, Organization, OrganizationAlias, Position
from relations.editorial import pending
from relations.editorial.models import SlugPool
from relations.editorial.search import fold_key, fold_tokens
from relations.editorial.vocabulary import (
    LOW_CONFIDENCE_BELOW,
    PUBLIC_STATES,
    Flag,
    Precision,
    format_partial,
)
from relations.importing.batch import WriteBatch, add_versions, placeholders, read, read_with, table
from relations.importing.proposals import Evidence, Extraction, OfficialProposal, PartialDate
from relations.importing.reading import ArticleFile
from relations.importing.resolving import Resolver, compare_names
from relations.models import Article, Citation, Delegation, Meeting


@dataclass
class ArticleOutcome:
    state: str  # "new", "updated" or "unchanged"
    article: Article | None = None
    created: Counter = field(default_factory=Counter)  # records created, per type
    matched: Counter = field(default_factory=Counter)  # existing records the article also supports
    warnings: list[str] = field(default_factory=list)
    # Published records the article also cites: their new citations wait for a publisher (pending changes).
    held_citations: list[str] = field(default_factory=list)
    # Published or archived records the article describes otherwise, left as they are: "name (fields)".
    kept: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- editor-safe assignment


def _plain(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    if hasattr(value, "code"):  # django-countries Country
        return value.code or ""
    if value is None:
        return ""
    return value


def locked(record: models.Model) -> bool:
    """A record the importer never changes: one a publisher released (published) or archived."""
    return record.pk is not None and record.status in PUBLIC_STATES


def _untouched(record: models.Model, stored: dict, name: str, current: Any) -> bool:
    return record.pk is None or (stored[name] == current if name in stored else current in ("", None))


def imported_differences(record: models.Model, values: dict[str, Any]) -> list[str]:
    """The fields :func:`apply_imported` would change on ``record`` were it not locked (no change made)."""
    stored = record.imported_values or {}
    found = []
    for name, value in values.items():
        current = _plain(getattr(record, name))
        if _untouched(record, stored, name, current) and current != _plain(value):
            found.append(name.removesuffix("_id"))
    return found


def apply_imported(record: models.Model, values: dict[str, Any]) -> bool:
    """Set ``values`` (attribute names → values) where no editor has been at work; True if anything changed.

    A new record takes every value. An existing one takes a value only where the field still holds what
    the importer last wrote (or was never written and is empty); a published or archived record takes
    nothing.
    """
    if locked(record):
        return False
    stored = dict(record.imported_values or {})
    changed = False
    for name, value in values.items():
        current, new = _plain(getattr(record, name)), _plain(value)
        if _untouched(record, stored, name, current):
            if current != new:
                setattr(record, name, value)
                changed = True
            stored[name] = new
    if stored != record.imported_values:
        record.imported_values = stored
        changed = True
    return changed


def add_imported_relations(record: models.Model, name: str, pks: list[int]) -> None:
    """Add ``pks`` to a many-to-many field, except ones an editor removed after an earlier import."""
    if locked(record) or not pks:
        return
    stored = record.imported_values.setdefault(name, [])
    manager = getattr(record, name)
    removed_by_editor = set(stored) - set(manager.values_list("pk", flat=True)) if stored else set()
    new = [pk for pk in dict.fromkeys(pks) if pk not in removed_by_editor]
    if new:
        manager.add(*new)
    record.imported_values[name] = sorted(set(stored) | set(pks))


def remember(record: models.Model, versions: dict | None = None, *, using: str = "default") -> None:
    """Record an importer's change to an existing record in its history: into ``versions``, which the
    batch writes as the article's revision (``batch.add_versions``), or else into reversion's revision
    under way (a publisher accepting new text for an article)."""
    if reversion.is_registered(type(record)):
        if isinstance(record, Official):  # its history holds its positions, each named with its body
            _read_followed(record, using)
        if versions is None:
            reversion.add_to_revision(record)
        else:
            add_versions(versions, record, using=using)


def _changes(record, values: dict[str, Any], flags: list[str], confidence: float, words: list[str]) -> bool:
    """Whether :meth:`ArticleWriter._save` would change ``record`` (tried on a copy of it)."""
    copy = copy_module.copy(record)  # each step sets new values rather than changing the old ones
    changed = apply_imported(copy, values)
    changed |= merge_flags(copy, flags, confidence)
    return changed | copy.merge_search_words([*copy.local_search_words(), *words])


def _read_followed(official: Official, using: str) -> None:
    """What ``prefetch_related(Prefetch("positions", select_related("organization")), "aliases")`` caches
    on ``official`` (unless cached already, as it does), in the same order (the models' own), read in two
    statements written once."""
    cache = official.__dict__.setdefault("_prefetched_objects_cache", {})
    pk = [official.pk]
    if "positions" not in cache:
        position = functools.partial(table, Position, using=using)
        where = (
            f"WHERE {position('official')} = %s ORDER BY {position('last_seen')} DESC, {position('title')}"
        )
        _cache(official, "positions", read_with(Position, "organization", where, pk, using=using))
    if "aliases" not in cache:
        alias = functools.partial(table, OfficialAlias, using=using)
        where = f"WHERE {alias('official')} = %s ORDER BY {alias('name')}"
        _cache(official, "aliases", read(OfficialAlias, where, pk, using=using))


def _cache(record: models.Model, name: str, found: list) -> None:
    """``found`` as the rows of ``record``'s related manager ``name``, as prefetching leaves them."""
    rows = getattr(record, name).get_queryset()
    rows._result_cache, rows._prefetch_done = found, True
    record._prefetched_objects_cache[name] = rows


def merge_flags(record, flags: list[str], confidence: float) -> bool:
    """Add the importer's flags to a record's; True if any is new."""
    if locked(record):
        return False
    flags = list(flags)
    if confidence < LOW_CONFIDENCE_BELOW:
        flags.append(Flag.LOW_CONFIDENCE)
    merged = list(dict.fromkeys([*(record.flags or []), *flags]))
    changed = merged != (record.flags or [])
    record.flags = merged
    return changed


#: how coarse each precision is: the vocabulary lists them finest first
_COARSENESS = {precision: rank for rank, precision in enumerate(Precision)}


def _blurs(
    date: datetime.date | None, precision: str, known: datetime.date | None, known_precision: str
) -> bool:
    """Whether a reported date says less than the one on record and nothing against it: none at all, or
    the month or year the recorded date falls in."""
    if known is None:
        return False
    if date is None:
        return True
    coarser = _COARSENESS.get(precision, 0) > _COARSENESS.get(known_precision, 0)
    return coarser and format_partial(date, precision) == format_partial(known, precision)


def _place_blurs(place: str, known: str) -> bool:
    """Whether a reported place says less than the one on record: none, or only words of it ("Vietnam"
    for "Hanoi, Vietnam")."""
    return bool(known) and set(fold_tokens(place)) <= set(fold_tokens(known))


def refined(
    record: models.Model, values: dict[str, Any], dates: dict[str, str], keep: tuple[str, ...]
) -> dict:
    """The values another article reports for a record already on file, where they add to it rather than
    blur it: an empty value, a date's month or year, or a country for its city keep what the record says.

    An article read again replaces what it said before; another report of the same visit or meeting (a
    wire story of the day, a summary a week later) is often vaguer than the first and must not undo it.
    ``dates`` maps each date field to its precision field; ``keep`` names the fields an empty value
    leaves alone; ``place`` is compared word by word.
    """
    values = dict(values)
    for name, precision in dates.items():
        known, known_precision = getattr(record, name), getattr(record, precision)
        if _blurs(values[name], values[precision], known, known_precision):
            values[name], values[precision] = known, known_precision
    if "place" in values and _place_blurs(values["place"], record.place):
        values["place"] = record.place
    for name in keep:
        if values[name] in (None, "") and getattr(record, name) not in (None, ""):
            values[name] = getattr(record, name)
    return values


def _certain_country(p: OfficialProposal) -> str | None:
    """The country an article gives an official, unless it only guessed it (from the outlet's side or the
    dateline): a guessed one neither keeps apart a namesake on record nor replaces the record's country."""
    return None if Flag.COUNTRY_GUESSED in p.flags else p.country or None


DELEGATION_DATES = {"start_date": "start_precision", "end_date": "end_precision"}


def _date_values(prefix: str, value: PartialDate | None, precision_field: str) -> dict[str, Any]:
    return {prefix: value.as_date() if value else None, precision_field: value.precision if value else ""}


# ---------------------------------------------------------------- the writer


class ArticleWriter:
    def __init__(
        self,
        resolver: Resolver,
        *,
        now: datetime.datetime | None = None,
        by=None,
        slugs: SlugPool | None = None,
        origin: str = "",
        batch: WriteBatch | None = None,
        history: str = "",
    ) -> None:
        self.resolver = resolver
        self.now = now or timezone.now()
        self.by = by  # who imports: the author of the pending changes it makes
        self.slugs = slugs or SlugPool()  # shared by the articles of a run
        self.origin = origin  # the file's resolved path (Article.source_file), "" for an upload
        # The writes of a run's batch of articles (flushed by the run), or this article's own.
        self.batch = batch
        # The comment of the revision the batch writes for the records this article changes; without
        # one, the changes go into reversion's revision under way.
        self.history = history
        self._types = {
            m: ContentType.objects.get_for_model(m)
            for m in (Official, Organization, Delegation, Meeting, Agreement)
        }

    def write(self, source: ArticleFile, extraction: Extraction, existing: Article | None) -> ArticleOutcome:
        outcome = ArticleOutcome(state="updated" if existing else "new", warnings=list(source.warnings))
        self.outcome = outcome
        own = self.batch is None
        if own:
            self.batch = WriteBatch()
        article = self._save_article(source, extraction, existing, outcome)
        outcome.article = article
        self.article = article
        self.new_article = existing is None
        self.text = source.text
        self.citations: dict[tuple[int, int, int, int], set[str]] = defaultdict(set)
        self.cited: dict[tuple[int, int], models.Model] = {}
        self.seen = article.published_on
        self.created: dict[type, set[int]] = defaultdict(set)  # pks of the records this article created
        self.rows: dict[type, list[models.Model]] = defaultdict(list)  # rows to add, per model, in bulk
        self.versions: dict | None = {} if self.history else None  # the history of the records changed
        orgs = self._organizations(extraction, outcome)
        people = self._officials(extraction, orgs, outcome)
        delegations = self._delegations(extraction, people, orgs, outcome)
        meetings = self._meetings(extraction, people, delegations, outcome)
        self._agreements(extraction, people, orgs, delegations, meetings, outcome)
        self._add_rows()
        self._save_citations()
        if self.versions:  # as reversion dates a revision: when it began
            self.batch.add_history(
                Revision(date_created=self.now, comment=self.history), list(self.versions.values())
            )
        # A new or changed article has a public page, and its citations show on published records' pages:
        # the batch raises the publication version when it writes.
        self.batch.touched = True
        if own:
            self.batch.flush()
            self.batch = None
        return outcome

    # -------------------------------------------------------------- article

    def _save_article(self, source, extraction, existing, outcome) -> Article:
        date = extraction.date
        values = {
            "title": extraction.title[:500],
            "dateline_place": extraction.dateline_place[:200],
            "published_on": date.as_date() if date else None,
            "date_precision": date.precision if date else "",
        }
        review = bool(extraction.date_flags) or date is None
        if existing is None:
            article = Article(key=source.key, text=source.text, content_hash=source.content_hash, **values)
            article.source_file = self.origin
            article.import_flags = list(extraction.date_flags)
            article.imported_values = {name: _plain(value) for name, value in values.items()}
            article.needs_review = review
            article.imported_at = self.now
            self.batch.add(article)
            return article
        article = existing
        old_text = article.text
        stored = article.import_flags
        # An editor may have corrected the title or the date: keep what differs from the earlier import.
        imported = dict(article.imported_values)
        for name, value in values.items():
            if name not in imported or _plain(getattr(article, name)) == imported[name]:
                setattr(article, name, value)
                imported[name] = _plain(value)
        article.imported_values = imported
        article.text = source.text
        article.content_hash = source.content_hash
        article.import_flags = list(dict.fromkeys([*stored, *extraction.date_flags]))
        article.needs_review = article.needs_review or review
        article.imported_at = self.now
        lost = self._relocate_citations(article, old_text, source.text)
        if lost:
            article.needs_review = True
            article.import_flags.append(f"{lost} citation(s) no longer found in the new text")
            outcome.warnings.append(f"{lost} citation(s) of the earlier version are no longer in the text")
        if self.origin:
            article.source_file = self.origin
        article.save()
        return article

    @staticmethod
    def _relocate_citations(article: Article, old_text: str, new_text: str) -> int:
        lost = 0
        moved = []
        for citation in article.citations.all():
            at = new_text.find(citation.quote)
            if at < 0:
                lost += 1
            elif at != citation.start:
                citation.start, citation.end = at, at + len(citation.quote)
                moved.append(citation)
        Citation.objects.bulk_update(moved, ["start", "end"])
        return lost

    # -------------------------------------------------------------- saving

    @staticmethod
    def _pick(model, match, known: dict, proposal, outcome: ArticleOutcome, label: str):
        """The known record a match points to, or a new one; with the proposal's flags."""
        record = known.get(match.pk) if match else None
        flags = list(proposal.flags)
        if match and not match.certain:
            flags.append(f"{Flag.POSSIBLE_DUPLICATE}: {match.reason}")
        return ArticleWriter._found_or_new(model, record, proposal, outcome, label), flags

    @staticmethod
    def _found_or_new(model, record, proposal, outcome: ArticleOutcome, label: str):
        """The record found for a proposal, or a new one; counted as matched or created."""
        if record is None:
            outcome.created[label] += 1
            return model(confidence=proposal.confidence)
        outcome.matched[label] += 1
        return record

    def _save(
        self,
        record,
        values: dict[str, Any],
        flags: list[str],
        confidence: float,
        words: list[str],
        relations=None,
    ) -> bool:
        """Apply values, flags and search words where no editor is at work; save, and log a change.

        The search text grows with the names the writer holds, so saving needs no query for them. A new
        record takes its slug from the run's pool, and the many-to-many ``relations`` (name → pks) are
        recorded as imported before its one INSERT (their rows go in bulk, :meth:`_add_rows`).
        False for a published or archived record, which the importer never changes: where the article
        describes it otherwise, the report names it.
        """
        if locked(record):
            differences = imported_differences(record, values)
            if differences:
                self.outcome.kept.append(
                    f"{record} ({record.get_status_display().lower()}: {', '.join(differences)})"
                )
            return False
        if self.batch.waiting(record) and record.pk not in self.created[type(record)]:
            # An earlier article of the batch created it. Unchanged, it stays as it waits; a change is
            # made as to the record read back after writing it (saved, in this article's history).
            if _changes(record, values, flags, confidence, words):
                self.batch.write_waiting()
                record.refresh_from_db(using=self.batch.using)
        is_new = record.pk is None
        changed = apply_imported(record, values)
        changed |= merge_flags(record, flags, confidence)
        changed |= record.merge_search_words([*record.local_search_words(), *words])
        if is_new:
            for name, pks in (relations or {}).items():
                if pks:
                    record.imported_values[name] = sorted(set(pks))
            self.batch.add(record, slugs=self.slugs)  # written at the flush, as it is then, with its slug
            self.created[type(record)].add(record.pk)
            for name, pks in (relations or {}).items():
                self._link(record, name, pks)
        elif changed and not self.batch.waiting(record):
            record.save(refresh_search=False)
            if self.batch.followed_waiting(record):  # its history holds them: write them first
                self.batch.write_waiting()
            remember(record, self.versions, using=self.batch.using)
        return True

    def _link(self, record, name: str, pks: list[int]) -> None:
        """Queue the rows of a new record's many-to-many field ``name`` to ``pks``."""
        relation = record._meta.get_field(name)
        through = relation.remote_field.through
        own, other = relation.m2m_field_name(), relation.m2m_reverse_field_name()
        self.rows[through] += [
            through(**{f"{own}_id": record.pk, f"{other}_id": pk}) for pk in dict.fromkeys(pks)
        ]

    def _add_rows(self) -> None:
        """Hand the rows the article adds (aliases, links of new records) to the batch, which writes them in
        one INSERT per table."""
        for model, rows in self.rows.items():
            self.batch.add_rows(model, rows)
        self.rows.clear()

    def _read(self, model, pks) -> dict:
        """The records of ``model`` with these keys, by key: those an earlier article of the batch created
        as they wait to be written, the others read."""
        pks = list(dict.fromkeys(pk for pk in pks if pk is not None))
        if not pks:
            return {}
        found = self.batch.waiting_of(model, pks)
        rest = [pk for pk in pks if pk not in found]
        if rest:
            found.update(
                (record.pk, record)
                for record in read(model, f"WHERE {table(model, 'id')} IN ({placeholders(rest)})", rest)
            )
        return found

    def _upsert(self, record, values, proposal, relations: dict[str, list[int]], words: list[str]) -> None:
        """Save a delegation, meeting or agreement with its many-to-many relations, editor-safe."""
        is_new = record.pk is None
        if not self._save(record, values, proposal.flags, proposal.confidence, words, relations) or is_new:
            return
        before = {name: list(record.imported_values.get(name, [])) for name in relations}
        if self.batch.waiting(record):  # created by this article or an earlier one of the batch: no editor
            for name, pks in relations.items():  # has seen it; as add_imported_relations, in the batch
                if not pks:
                    continue
                stored = record.imported_values.setdefault(name, [])
                self._link(record, name, [pk for pk in dict.fromkeys(pks) if pk not in stored])
                record.imported_values[name] = sorted(set(stored) | set(pks))
            return
        for name, pks in relations.items():
            add_imported_relations(record, name, pks)
        if any(record.imported_values.get(name, []) != before[name] for name in relations):
            record.save(update_fields=["imported_values"], refresh_search=False)

    # -------------------------------------------------------------- evidence

    def cite(self, record: models.Model, evidence: list[Evidence], *extra: Evidence) -> None:
        ct = self._types[type(record)].pk
        self.cited[(ct, record.pk)] = record
        for ev in [*evidence, *extra]:
            if 0 <= ev.start < ev.end <= len(self.text):
                self.citations[(ct, record.pk, ev.start, ev.end)].update(ev.fields)

    def _save_citations(self) -> None:
        """Save the article's citations. A published or archived record gets none live: its new citations
        wait for a publisher as a pending change to it (like any change to it), so neither its page nor the
        article's shows them until accepted. The batch names those records in the outcome
        (``held_citations``) when it writes."""
        existing = {
            (c.content_type_id, c.object_id, c.start, c.end): c
            for c in ([] if self.new_article else Citation.objects.filter(article=self.article))
        }
        new, changed = [], []
        held: dict[tuple[int, int], list[dict]] = defaultdict(list)
        for (ct, pk, start, end), fields in self.citations.items():
            found = existing.get((ct, pk, start, end))
            if self.cited[(ct, pk)].status in PUBLIC_STATES:
                if found is None:
                    held[(ct, pk)].append(
                        {
                            "article": self.article.pk,
                            "quote": self.text[start:end],
                            "start": start,
                            "end": end,
                            "fields": sorted(fields),
                        }
                    )
                continue
            if found is None:
                new.append(
                    Citation(
                        article=self.article,
                        content_type_id=ct,
                        object_id=pk,
                        quote=self.text[start:end],
                        start=start,
                        end=end,
                        fields=sorted(fields),
                    )
                )
            elif not fields <= set(found.fields):
                found.fields = sorted(fields | set(found.fields))
                changed.append(found)
        self.batch.add_rows(Citation, new)
        Citation.objects.bulk_update(changed, ["fields"])
        route = f"article import ({self.article.key})"
        if not self.new_article:
            pending.supersede(route)
        if held:
            outcome = self.outcome

            def then(names: list[str]) -> None:
                outcome.held_citations = names

            # Read as they are: the writer never changes a published or archived record.
            self.batch.add_held(
                [(self.cited[key], rows) for key, rows in held.items()],
                route=route,
                user=self.by,
                waiting=not self.new_article,  # no change waits yet with citations of an article just created
                then=then,
            )

    def _cited_here(self, model) -> models.QuerySet | list:
        if self.new_article:
            return []
        ids = Citation.objects.filter(article=self.article, content_type=self._types[model]).values(
            "object_id"
        )
        return model.objects.filter(pk__in=ids)

    # -------------------------------------------------------------- organizations

    def _organizations(self, extraction: Extraction, outcome: ArticleOutcome) -> dict[str, Organization]:
        found: dict[str, Organization] = {}
        matches = {}
        for p in extraction.organizations:
            match = self.resolver.match_organization(
                p.name, acronym=p.acronym, country=p.country, aliases=p.aliases
            )
            matches[p.key] = match
        known = self._read(Organization, [m.pk for m in matches.values() if m])
        for p in extraction.organizations:
            org, flags = self._pick(Organization, matches[p.key], known, p, outcome, "organizations")
            values = {"name": p.name, "acronym": p.acronym, "country": p.country or "", "kind": p.kind}
            self._save(org, values, flags, p.confidence, p.aliases)
            self._add_org_aliases(org, [p.name, *p.aliases])
            self.resolver.add_organization(
                org.pk, p.name, acronym=p.acronym, country=p.country, aliases=p.aliases
            )
            self.cite(org, p.evidence)
            found[p.key] = org
        for p in extraction.organizations:
            parent = found.get(p.parent) if p.parent else None
            org = found[p.key]
            if (
                parent
                and parent.pk != org.pk
                and apply_imported(org, {"parent_id": parent.pk})
                and not self.batch.waiting(org)
            ):
                org.save(update_fields=["parent", "imported_values"], refresh_search=False)
        return found

    def _add_org_aliases(self, org: Organization, names: list[str]) -> None:
        if locked(org):
            return
        have = self.resolver.organizations.forms_of(org.pk) | {fold_key(org.name)}
        new = {fold_key(n): n for n in names if fold_key(n) and fold_key(n) not in have}
        self.rows[OrganizationAlias] += [
            OrganizationAlias(organization=org, name=n, name_folded=k) for k, n in new.items()
        ]

    # -------------------------------------------------------------- officials

    def _officials(self, extraction, orgs, outcome) -> dict[str, Official]:
        found: dict[str, Official] = {}
        matches = {
            p.key: self.resolver.match_official([p.name, *p.aliases], _certain_country(p))
            for p in extraction.officials
        }
        known = self._read(Official, [m.pk for m in matches.values() if m])
        for p in extraction.officials:
            official, flags = self._pick(Official, matches[p.key], known, p, outcome, "officials")
            values = {"country": p.country or ""} | ({"name": p.name} if official.pk is None else {})
            if official.pk is not None and not _certain_country(p) and official.country:
                values["country"] = official.country  # a guess does not undo what is on record
            self._save(official, values, flags, p.confidence, [p.name, *p.aliases, *p.titles])
            known[official.pk] = official
            self._add_aliases(official, [p.name, *p.aliases])
            self.resolver.add_official(official.pk, [p.name, *p.aliases], p.country)
            self.cite(official, p.evidence)
            found[p.key] = official
        self._positions(extraction, found, orgs)
        return found

    def _add_aliases(self, official: Official, names: list[str]) -> None:
        if locked(official):
            return
        have = self.resolver.officials.forms_of(official.pk) | {official.name_folded}
        new = {}
        for name in names:
            key = fold_key(name)
            if key and key not in have and name != official.name:
                new[key] = OfficialAlias(
                    official=official, name=name, name_folded=key, kind=alias_kind(name, official.name)
                )
        # Forms that fold alike but differ in diacritics are kept too, as spellings.
        self.rows[OfficialAlias] += new.values()

    def _positions(self, extraction, found: dict[str, Official], orgs) -> None:
        wanted = {}
        for p in extraction.officials:
            official = found[p.key]
            if locked(official):
                continue
            org = orgs.get(p.organization) if p.organization else None
            for title in p.titles:
                title = title.strip()[:400]
                if title:
                    wanted[(official.pk, title, org.pk if org else None)] = official
        if not wanted:
            return
        # An official this article created holds no position yet: only the others' are read.
        older = sorted({k[0] for k in wanted} - self.created[Official])
        where = f"WHERE {table(Position, 'official')} IN ({placeholders(older)})"
        existing = {
            (pos.official_id, pos.title, pos.organization_id): pos
            for pos in (read(Position, where, older) if older else ())
        }
        waiting = self.batch.positions  # added by earlier articles of the batch, not written yet
        seen = self.seen
        new, changed = [], []
        for key in wanted:
            pos = existing.get(key)
            if pos is None and key in waiting:  # its row is written with the dates it has then
                pos = waiting[key]
                if seen:
                    pos.first_seen = min(filter(None, [pos.first_seen, seen]))
                    pos.last_seen = max(filter(None, [pos.last_seen, seen]))
                continue
            if pos is None:
                new.append(
                    Position(
                        official_id=key[0],
                        title=key[1],
                        organization_id=key[2],
                        first_seen=seen,
                        last_seen=seen,
                    )
                )
            elif seen and (
                pos.first_seen is None
                or seen < pos.first_seen
                or pos.last_seen is None
                or seen > pos.last_seen
            ):
                pos.first_seen = min(filter(None, [pos.first_seen, seen]))
                pos.last_seen = max(filter(None, [pos.last_seen, seen]))
                changed.append(pos)
        self.batch.add_rows(Position, new)
        Position.objects.bulk_update(changed, ["first_seen", "last_seen"])

    # -------------------------------------------------------------- delegations

    def _delegations(self, extraction, people, orgs, outcome) -> dict[str, Delegation]:
        found = {}
        here = list(self._cited_here(Delegation))
        for p in extraction.delegations:
            if not p.from_country or not p.to_country:
                continue
            head = people.get(p.head)
            record = self._same_delegation(here, p, head, self.created[Official], self.batch)
            record = self._found_or_new(Delegation, record, p, outcome, "delegations")
            body = orgs.get(p.sending_body) if p.sending_body else None
            host = orgs.get(p.host_body) if p.host_body else None
            values = {
                "from_country": p.from_country,
                "to_country": p.to_country,
                "head_id": head.pk if head else None,
                "sending_body_id": body.pk if body else None,
                "host_body_id": host.pk if host else None,
                **_date_values("start_date", p.start, "start_precision"),
                **_date_values("end_date", p.end, "end_precision"),
                "place": p.place[:200],
                "purpose": p.purpose,
                "primary": p.primary,
            }
            if p.start and p.end and p.end.as_date() < p.start.as_date():
                values.update(_date_values("end_date", None, "end_precision"))
            if record.pk is not None and record not in here:  # the same visit, as another article tells it
                values = refined(record, values, DELEGATION_DATES, ("sending_body_id", "host_body_id"))
            values["title"] = delegation_title(p.from_country, p.to_country, head)
            members = [people[k] for k in p.members if k in people]
            words = [o.name for o in (head, body, host, *members) if o]
            self._upsert(record, values, p, {"members": [m.pk for m in members]}, words)
            self.cite(record, p.evidence)
            found[p.key] = record
            here.append(record)
        return found

    @staticmethod
    def _same_delegation(
        here: list[Delegation], p, head, new_officials=(), batch: WriteBatch | None = None
    ) -> Delegation | None:
        """The delegation already on record that ``p`` describes: same direction and head, close dates."""
        for record in here:
            if (record.from_country, record.to_country) == (p.from_country, p.to_country) and (
                record.head_id == (head.pk if head else None)
            ):
                return record
        if head is None or p.start is None or head.pk in new_officials:  # a new head led nothing before
            return None
        start = p.start.as_date()
        window = datetime.timedelta(days=31 if p.start.precision == Precision.DAY else 62)
        day = connection.ops.adapt_datefield_value
        found = read(
            Delegation,
            f"WHERE {table(Delegation, 'head')} = %s AND {table(Delegation, 'from_country')} = %s "
            f"AND {table(Delegation, 'to_country')} = %s AND {table(Delegation, 'start_date')} >= %s "
            f"AND {table(Delegation, 'start_date')} <= %s ORDER BY {table(Delegation, 'id')} LIMIT 1",
            [head.pk, p.from_country, p.to_country, day(start - window), day(start + window)],
        )
        if found or batch is None:
            return found[0] if found else None
        # One an earlier article of the batch reported, waiting to be written (its key is above any read).
        return batch.delegation_like(head.pk, p.from_country, p.to_country, start - window, start + window)

    # -------------------------------------------------------------- meetings

    def _meetings(self, extraction, people, delegations, outcome) -> dict[str, Meeting]:
        found = {}
        cited = [] if self.new_article else self._cited_here(Meeting).prefetch_related("participants")
        here = [(m, {x.pk for x in m.participants.all()}) for m in cited]
        made = []  # (meeting, participants, date) this article created: their links are not written yet
        for p in extraction.meetings:
            pks = list(dict.fromkeys(people[k].pk for k in p.participants if k in people))
            if not pks:
                continue
            record = next((m for m, them in here if them >= set(pks)), None)
            if record is None and self._may_meet_elsewhere(p, pks):
                day = p.date.as_date()
                record = next((m for m, them, on in made if on == day and them >= set(pks)), None)
                if record is None and not set(pks) & self.created[Official]:  # new officials met no one
                    record = self._same_meeting_elsewhere(p, pks, self.batch)
            record = self._found_or_new(Meeting, record, p, outcome, "meetings")
            delegation = delegations.get(p.delegation) if p.delegation else None
            names = [people[k].name for k in p.participants if k in people]
            values = {
                "title": meeting_title(names),
                **_date_values("date", p.date, "date_precision"),
                "place": p.place[:200],
                "topics": p.topics,
                "delegation_id": delegation.pk if delegation else None,
            }
            is_new = record.pk is None
            if not is_new and record not in (m for m, _ in here):  # the same meeting, told elsewhere
                values = refined(record, values, {"date": "date_precision"}, ("delegation_id", "topics"))
            self._upsert(record, values, p, {"participants": pks}, names)
            if is_new and record.pk is not None and p.date:
                made.append((record, set(pks), p.date.as_date()))
            self.cite(record, p.evidence)
            found[p.key] = record
        return found

    @staticmethod
    def _may_meet_elsewhere(p, pks: list[int]) -> bool:
        """Whether a meeting reported elsewhere can be this one: known to the day, two people or more."""
        return p.date is not None and p.date.precision == Precision.DAY and len(pks) >= 2

    @staticmethod
    def _same_meeting_elsewhere(p, pks: list[int], batch: WriteBatch | None = None) -> Meeting | None:
        through = Meeting.participants.through
        links = f"{table(through)} WHERE {table(through, 'official')} = %s"
        candidates = read(
            Meeting,
            f"WHERE {table(Meeting, 'date')} = %s AND {table(Meeting, 'id')} IN "
            f"(SELECT {table(through, 'meeting')} FROM {links}) ORDER BY {table(Meeting, 'id')}",
            [connection.ops.adapt_datefield_value(p.date.as_date()), pks[0]],
        )
        participants = defaultdict(set)
        if candidates:
            for meeting, official in through.objects.filter(
                meeting__in=[m.pk for m in candidates]
            ).values_list("meeting_id", "official_id"):
                participants[meeting].add(official)
        found = next((m for m in candidates if set(pks) <= participants[m.pk]), None)
        if found is not None or batch is None:
            return found
        # One an earlier article of the batch reported, waiting to be written (its key is above any read).
        return batch.meeting_on(p.date.as_date(), pks)

    # -------------------------------------------------------------- agreements

    def _agreements(self, extraction, people, orgs, delegations, meetings, outcome) -> None:
        here = list(self._cited_here(Agreement))
        for p in extraction.agreements:
            if not p.title.strip():
                continue
            key = fold_key(p.title)
            record = next((a for a in here if fold_key(a.title) == key), None)
            if record is None and p.state != "referenced" and p.period_start:
                # The same document reported by another article: same period, same words in its title.
                found = self.resolver.match_agreement(p.title, p.period_start, p.period_end)
                record = self._read(Agreement, [found]).get(found) if found is not None else None
            record = self._found_or_new(Agreement, record, p, outcome, "agreements")
            delegation = delegations.get(p.delegation) if p.delegation else None
            meeting = meetings.get(p.meeting) if p.meeting else None
            values = {
                "title": p.title.strip()[:500],
                "kind": p.kind,
                "state": p.state,
                **_date_values("signed_on", p.signed_on, "signed_precision"),
                "signed_place": p.place[:200],
                "period_start": p.period_start,
                "period_end": p.period_end
                if p.period_end and p.period_end >= (p.period_start or 0)
                else None,
                "party_countries": sorted(set(p.party_countries)),
                "party_country_names": {
                    c: n[:100] for c, n in p.party_country_names.items() if c in p.party_countries
                },
                "delegation_id": delegation.pk if delegation else None,
                "meeting_id": meeting.pk if meeting else None,
                "primary": p.primary,
            }
            parties = [orgs[k] for k in p.parties if k in orgs]
            signatories = [people[k] for k in p.signatories if k in people]
            relations = {"parties": [o.pk for o in parties], "signatories": [o.pk for o in signatories]}
            words = [w for o in parties for w in (o.name, o.acronym)] + [o.name for o in signatories]
            self._upsert(record, values, p, relations, words)
            if record.pk is not None:
                self.resolver.add_agreement(record.pk, record.title, record.period_start, record.period_end)
            self.cite(record, p.evidence)
            here.append(record)


def alias_kind(alias: str, name: str) -> str:
    a, n = fold_key(alias).split(), fold_key(name).split()
    if sorted(a) == sorted(n):
        return OfficialAlias.Kind.SPELLING if a == n else OfficialAlias.Kind.TRANSLITERATION
    if set(a) < set(n) or len(a) < len(n):
        return OfficialAlias.Kind.SHORT_FORM
    if compare_names(alias, name) == "likely":
        return OfficialAlias.Kind.MISSPELLING
    return OfficialAlias.Kind.SPELLING


def delegation_title(from_country: str, to_country: str, head: Official | None) -> str:
    language = translation.get_language()
    origin, destination = (_country_name(code, language) for code in (from_country, to_country))
    title = f"Delegation from {origin} to {destination}"
    return f"{title}, led by {head.name}" if head else title


@functools.lru_cache(maxsize=1024)
def _country_name(code: str, language: str | None) -> str:
    """A country's name in ``language`` (django-countries translates it anew every time it is asked)."""
    from django_countries import countries

    return countries.name(code) or code


#: A meeting's title names at most this many participants; the rest are counted ("and 7 others").
TITLE_NAMES = 3


def meeting_title(names: list[str]) -> str:
    """ "Meeting with A", "Meeting of A, B and C", or past three names "Meeting of A, B and 7 others"
    (the meeting's page lists every participant)."""
    names = list(dict.fromkeys(names))
    if not names:
        return "Meeting"
    if len(names) == 1:
        return f"Meeting with {names[0]}"
    if len(names) > TITLE_NAMES:
        return f"Meeting of {names[0]}, {names[1]} and {len(names) - 2} others"
    return f"Meeting of {', '.join(names[:-1])} and {names[-1]}"
