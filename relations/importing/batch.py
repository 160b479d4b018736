"""The writes of several articles, made together: one ``bulk_create`` per table for a batch of articles.

An article's writer (:class:`~relations.importing.writing.ArticleWriter`) hands the rows it adds to a
:class:`WriteBatch` instead of saving them: the records it creates (the article, organizations, officials,
delegations, meetings, agreements) take their primary keys from the batch, so that the aliases, links,
positions and citations that point to them can be written later, and everything goes to the database in
one ``INSERT`` per table when the batch is flushed, with the new citations of published records held for
review (their versions read once for the batch), the articles' history (each article's revision and the
versions of the records it changed, :func:`add_versions`) and the publication version raised once.

What a later article of the batch reads is the same as if every earlier article had been written on its
own, without writing the batch first: a record an earlier article created and a later one finds again (by
key, an organization or official the resolver matched, an agreement of the period, an earlier visit or
meeting) is taken as it waits (:meth:`WriteBatch.waiting_of`, :meth:`WriteBatch.delegation_like`,
:meth:`WriteBatch.meeting_on`: those read from the database come first, their keys being lower), a
position waiting is updated in memory, and the links a record waits with are added to in memory. Only
where the later article changes such a record (it is then saved, in that article's history), or changes a
record whose history follows rows that wait (an official's aliases or positions), does the batch write its
records and rows first (:meth:`WriteBatch.write_waiting`); the held citations, the history and the
publication version are written once, at the end (:meth:`WriteBatch.flush`). Records that existed before
the batch are changed at once, as before.

Primary keys: on SQLite the batch runs inside one write transaction (``BEGIN IMMEDIATE``: no other writer
can insert meanwhile) and counts up from the highest key the table has held (``sqlite_sequence``, so a
deleted record's key is never given again); on PostgreSQL it takes them from the table's sequence, a few
at a time.
"""

from __future__ import annotations

import datetime
import functools
import itertools
from collections import defaultdict
from collections.abc import Callable

from django.core import serializers
from django.db import connections, models, router
from django.utils.encoding import force_str
from reversion.models import Revision, Version

from agreements.models import Agreement
from people.models import FoldedName, Official, OfficialAlias, Organization, OrganizationAlias, Position
from relations.editorial import pending, publication
from relations.editorial.models import PendingChange, SlugPool
from relations.models import Article, Citation, Delegation, Meeting

#: Rows fetched at a time by :func:`rows`.
ROWS_AT_A_TIME = 10_000

#: The tables a flush writes, in this order (foreign keys between them are checked at commit).
RECORDS = (Article, Organization, Official, Delegation, Meeting, Agreement)
#: Keys taken from a PostgreSQL sequence at a time.
SEQUENCE_CHUNK = 64


class WriteBatch:
    def __init__(self, using: str | None = None) -> None:
        self.using = using or router.db_for_write(Article)
        self.vendor = connections[self.using].vendor
        self.new: dict[type[models.Model], dict[int, models.Model]] = defaultdict(dict)
        self.rows: dict[type[models.Model], list[models.Model]] = defaultdict(list)
        self.links: dict[tuple[type[models.Model], int], set[int]] = {}  # (through, record pk) -> pks
        self.positions: dict[tuple[int, str, int | None], Position] = {}  # new ones, by their key
        self.held: list[tuple[list, str, object, bool, Callable[[list[str]], None]]] = []
        self.history: list[tuple[Revision, list[Version]]] = []  # each article's revision and versions
        self.unnamed: list[tuple[models.Model, SlugPool, str]] = []  # new records to give a slug, by name
        self._keys: dict[type[models.Model], list[int]] = {}  # next free key, per model (SQLite)
        self._free: dict[type[models.Model], list[int]] = defaultdict(list)  # keys taken (PostgreSQL)
        self.touched = False  # anything to flush (the publication version included)
        self.flushes = 0
        self.writes = 0  # times the waiting records and rows were written (at each flush too)

    # -------------------------------------------------------------- keys

    def key(self, model: type[models.Model]) -> int:
        """A primary key no row of ``model`` has or had."""
        if self.vendor == "postgresql":
            free = self._free[model]
            if not free:
                table = model._meta.db_table
                column = model._meta.pk.column
                with connections[self.using].cursor() as cursor:
                    cursor.execute(
                        "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                        [connections[self.using].ops.quote_name(table), column, SEQUENCE_CHUNK],
                    )
                    free.extend(sorted((pk for (pk,) in cursor.fetchall()), reverse=True))
            return free.pop()
        counter = self._keys.get(model)
        if counter is None:
            quote = connections[self.using].ops.quote_name
            table = model._meta.db_table
            with connections[self.using].cursor() as cursor:
                cursor.execute(
                    f"SELECT (SELECT seq FROM sqlite_sequence WHERE name = %s), "
                    f"(SELECT MAX({quote(model._meta.pk.column)}) FROM {quote(table)})",
                    [table],
                )
                seq, highest = cursor.fetchone()
            counter = self._keys[model] = [max(seq or 0, highest or 0)]
        counter[0] += 1
        return counter[0]

    # -------------------------------------------------------------- what waits

    def add(self, record: models.Model, *, slugs: SlugPool | None = None) -> None:
        """Queue a new record: it takes its key now, its row goes in at the flush. With ``slugs``, it takes
        a slug from that pool at the flush, under its name as it is now (one statement for the batch's new
        records of a model, rather than one a record)."""
        record.pk = self.key(type(record))
        if isinstance(record, FoldedName):  # written without save(), which folds the name
            record.fold_name()
        self.new[type(record)][record.pk] = record
        if slugs is not None and not record.slug:
            self.unnamed.append((record, slugs, record.slug_base()))
        self.touched = True

    def waiting(self, record: models.Model | None) -> bool:
        """Whether ``record`` is one this batch created and has not written yet."""
        return record is not None and record.pk in self.new.get(type(record), ())

    def add_rows(self, model: type[models.Model], rows) -> None:
        if model is Position:
            for row in rows:
                self.positions.setdefault((row.official_id, row.title, row.organization_id), row)
            return
        rows = list(rows)
        if rows:
            self.rows[model] += rows
            self.touched = True
        through = getattr(model._meta, "auto_created", None)
        if through:  # a many-to-many table: remember what links wait, per record
            own, other = (f.attname for f in model._meta.fields if f.is_relation)
            for row in rows:
                self.links.setdefault((model, getattr(row, own)), set()).add(getattr(row, other))

    def add_held(self, held: list, *, route: str, user, waiting: bool, then: Callable[[list[str]], None]):
        """New citations of published or archived records, held for review at the flush; ``then`` gets
        the names of the records that got a pending change."""
        self.held.append((held, route, user, waiting, then))
        self.touched = True

    def add_history(self, revision: Revision, versions: list[Version]) -> None:
        """An article's revision (its comment and date) and the versions of the records it changed."""
        if versions:
            self.history.append((revision, versions))
            self.touched = True

    def followed_waiting(self, record: models.Model) -> bool:
        """Whether rows the record's history follows (an official's aliases and positions, an
        organization's aliases, a delegation's meetings) wait here: its version would miss them."""
        pk = record.pk
        if isinstance(record, Official):
            return any(a.official_id == pk for a in self.rows.get(OfficialAlias, ())) or any(
                key[0] == pk for key in self.positions
            )
        if isinstance(record, Organization):
            return any(a.organization_id == pk for a in self.rows.get(OrganizationAlias, ()))
        if isinstance(record, Delegation):
            return any(m.delegation_id == pk for m in self.new.get(Meeting, {}).values())
        return False

    def delegation_like(self, head_pk: int, from_country, to_country, start, end) -> models.Model | None:
        """The first delegation waiting here (by key) that could be the earlier visit ``_same_delegation``
        looks for: led by ``head_pk``, in that direction, starting between ``start`` and ``end``."""
        return min(
            (
                d
                for d in self.new.get(Delegation, {}).values()
                if d.head_id == head_pk
                and (d.from_country, d.to_country) == (from_country, to_country)
                and d.start_date is not None
                and start <= d.start_date <= end
            ),
            key=lambda d: d.pk,
            default=None,
        )

    def meeting_on(self, day: datetime.date, official_pks: list[int]) -> models.Model | None:
        """The first meeting waiting here (by key) that took place on ``day`` with every one of
        ``official_pks``."""
        through = Meeting.participants.through
        wanted = set(official_pks)
        return min(
            (
                m
                for m in self.new.get(Meeting, {}).values()
                if m.date == day and wanted <= self.links.get((through, m.pk), set())
            ),
            key=lambda m: m.pk,
            default=None,
        )

    def waiting_of(self, model: type[models.Model], pks) -> dict[int, models.Model]:
        """The records of ``model`` with these keys that wait here, by key: an earlier article of the
        batch created them, and they are as a read after writing them would give (their slug, their
        timestamps and the keys of related records aside, which they take when written)."""
        queued = self.new.get(model) or {}
        return {pk: queued[pk] for pk in pks if pk in queued}

    # -------------------------------------------------------------- writing

    def flush(self) -> None:
        """Write everything that waits: the records and rows (:meth:`write_waiting`), then the held
        citations, the history and the publication version, once for the batch."""
        if not self.touched:
            return
        self.write_waiting()
        self._hold()
        self._write_history()
        publication.changed(using=self.using)
        self.touched = False
        self.flushes += 1

    def write_waiting(self) -> None:
        """Write the new records, then the rows pointing to them: what a later article's read must find.
        The held citations and the history wait for :meth:`flush` (no article reads them, and a published
        record's version, which a held citation starts from, is what it was when the batch began: the
        importer never changes it)."""
        self._name()
        for model in RECORDS:
            records = list(self.new.get(model, {}).values())
            if records:
                insert(model, records, using=self.using)
        self.new.clear()
        for row in self.positions.values():
            self.rows[Position].append(row)
        self.positions.clear()
        for model, rows in self.rows.items():
            if rows:  # a link, alias or position another article added meanwhile is kept as it is
                insert(model, rows, ignore=model is not Citation, using=self.using)
        self.rows.clear()
        self.links.clear()
        self.writes += 1

    def _name(self) -> None:
        """The slugs of the new records, in the order they were made, as :meth:`SlugPool.take` gives them
        one at a time."""
        by_model: dict[tuple[type[models.Model], int], list] = defaultdict(list)
        for record, pool, base in self.unnamed:
            by_model[(type(record), id(pool))].append((record, pool, base))
        for (model, _), named in by_model.items():
            slugs = named[0][1].take_many(model, [base for _, _, base in named])
            for (record, _, _), slug in zip(named, slugs, strict=True):
                record.slug = slug
        self.unnamed.clear()

    def _write_history(self) -> None:
        """The revisions and versions reversion would save one article at a time, in one INSERT each."""
        if not self.history:
            return
        for revision, versions in self.history:
            revision.pk = self.key(Revision)
            for version in versions:
                version.revision_id = revision.pk
        insert(Revision, [revision for revision, _ in self.history], using=self.using)
        insert(Version, [version for _, versions in self.history for version in versions], using=self.using)
        self.history.clear()

    def _hold(self) -> None:
        if not self.held:
            return
        everyone = [record for held, *_ in self.held for record, _ in held]
        made = pending.hold_many_citations_of(
            [(held, route, user, waiting) for held, route, user, waiting, _ in self.held],
            records=everyone,
            # in one INSERT written once, as the batch's rows: building it through the ORM cost more than
            # the rest of holding them
            create=lambda changes: insert(PendingChange, changes, using=self.using),
        )
        for (*_, then), records in zip(self.held, made, strict=True):
            then([str(record) for record in records])
        self.held.clear()


# ---------------------------------------------------------------- history


def add_versions(versions: dict, record: models.Model, *, using: str) -> None:
    """Add to ``versions`` ((content type, object id) -> unsaved ``Version``) what
    ``reversion.add_to_revision(record)`` adds to the revision under way, in the same order and with the
    same content: the record serialized as registered, then the records it follows (an official's aliases
    and positions, an organization's aliases, a delegation's meetings), each once. Written with the batch
    (:meth:`WriteBatch.add_history`), without the read reversion makes first of whether each still exists:
    the importer just saved or read them."""
    from reversion.revisions import _follow_relations, _get_content_type, _get_options

    model_db = router.db_for_write(type(record), instance=record)

    def add(obj: models.Model, explicit: bool) -> None:
        if obj.pk is None:
            return
        options = _get_options(type(obj))
        content_type = _get_content_type(type(obj), using)
        object_id = force_str(getattr(obj, options.object_id_field))
        if (content_type, object_id) in versions and not explicit:
            return
        versions[(content_type, object_id)] = Version(
            content_type=content_type,
            object_id=object_id,
            db=model_db,
            format=options.format,
            serialized_data=serializers.serialize(
                options.format,
                (obj,),
                fields=options.fields,
                use_natural_foreign_keys=options.use_natural_foreign_keys,
            ),
            object_repr=force_str(obj),
        )
        for followed in _follow_relations(obj):
            add(followed, False)

    add(record, True)


# ---------------------------------------------------------------- reads every article makes


@functools.cache
def _select(model: type[models.Model], alias: str) -> tuple[str, list, list]:
    """``SELECT <every column> FROM <table>`` for ``model``, its field names and each column's converters."""
    connection = connections[alias]
    quote = connection.ops.quote_name
    fields = list(model._meta.concrete_fields)
    columns = ", ".join(f"{quote(model._meta.db_table)}.{quote(f.column)}" for f in fields)
    converters = []
    for f in fields:
        col = f.get_col(model._meta.db_table)
        converters.append(
            [(c, col) for c in connection.ops.get_db_converters(col) + f.get_db_converters(connection)]
        )
    return f"SELECT {columns} FROM {quote(model._meta.db_table)}", [f.attname for f in fields], converters


def read(model: type[models.Model], where: str, params, *, using: str | None = None) -> list[models.Model]:
    """The records of ``model`` matching ``where`` (SQL, with ``%s`` for ``params``), as the ORM would build
    them (``from_db``, each column converted): the reads an import makes for every article, written once
    per model, since building each through the ORM cost several times running it."""
    using = using or router.db_for_write(model)  # the primary: what this transaction wrote
    select, names, converters = _select(model, using)
    with connections[using].cursor() as cursor:
        cursor.execute(f"{select} {where}", list(params))
        rows = cursor.fetchall()
    return [_built(model, names, converters, row, using) for row in rows]


def read_with(
    model: type[models.Model], related: str, where: str, params, *, using: str | None = None
) -> list[models.Model]:
    """:func:`read`, each record with the one its foreign key ``related`` points to, read in the same
    statement and cached on it, as ``select_related(related)`` gives it."""
    using = using or router.db_for_write(model)
    field = model._meta.get_field(related)
    other = field.related_model
    select, names, converters = _select(model, using)
    other_select, other_names, other_converters = _select(other, using)
    columns = other_select.removeprefix("SELECT ").split(" FROM ")[0]
    join = f"LEFT OUTER JOIN {table(other, using=using)} ON {table(other, other._meta.pk.name, using=using)}"
    join += f" = {table(model, related, using=using)}"
    sql = f"{select.replace(' FROM ', f', {columns} FROM ', 1)} {join} {where}"
    with connections[using].cursor() as cursor:
        cursor.execute(sql, list(params))
        rows = cursor.fetchall()
    found = []
    for row in rows:
        record = _built(model, names, converters, row[: len(names)], using)
        target = None
        if getattr(record, field.attname) is not None:
            target = _built(other, other_names, other_converters, row[len(names) :], using)
        record._state.fields_cache[field.name] = target
        found.append(record)
    return found


def _built(model, names, converters, row, using: str) -> models.Model:
    connection = connections[using]
    values = list(row)
    for i, pairs in enumerate(converters):
        for convert, col in pairs:
            values[i] = convert(values[i], col, connection)
    return model.from_db(using, names, values)


def rows(model, *names: str, where: str = "", params=(), order: str = ""):
    """The columns ``names`` of the rows of ``model`` as plain tuples (``where``: SQL naming each column
    ``{field}``, with ``%s`` for ``params``), unordered unless ``order`` names a field, streamed
    ``ROWS_AT_A_TIME`` at a time (read when first asked for): the reads of every name or article a run
    makes, where the ORM's rows cost several times as much. The rows of a chunk are handed on at C speed
    (``chain``), not one by one through Python."""
    connection = connections[router.db_for_write(model)]  # what the import's transaction sees
    quote = connection.ops.quote_name
    column = {f.name: quote(f.column) for f in model._meta.concrete_fields}
    sql = f"SELECT {', '.join(column[name] for name in names)} FROM {quote(model._meta.db_table)}"
    if where:
        sql += " WHERE " + where.format(**column)
    if order:
        sql += f" ORDER BY {column[order]}"
    return itertools.chain.from_iterable(_chunks(connection, sql, list(params)))


def _chunks(connection, sql: str, params: list):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        while chunk := cursor.fetchmany(ROWS_AT_A_TIME):
            yield chunk


def table(model: type[models.Model], field: str | None = None, *, using: str | None = None) -> str:
    """``model``'s table, or ``table.column`` of ``field``, quoted for raw SQL."""
    quote = connections[using or router.db_for_write(model)].ops.quote_name
    name = quote(model._meta.db_table)
    return f"{name}.{quote(model._meta.get_field(field).column)}" if field else name


def placeholders(values) -> str:
    return ", ".join(["%s"] * len(values))


def _binding_on_the_server(connection):
    """A cursor of ``connection`` (PostgreSQL) that sends the parameters apart from the statement, in
    binary where the driver can (Django's own ``server_side_binding`` cursor, wrapped as Django wraps
    every cursor, so that the statement is counted and logged): an array of a column's values is
    written by the driver's C code rather than quoted value by value into the statement's text."""
    from django.db.backends.postgresql.base import ServerBindingCursor

    connection.ensure_connection()
    return connection._prepare_cursor(ServerBindingCursor(connection.connection))


@functools.cache
def _unnest(model: type[models.Model], alias: str, with_key: bool, ignore: bool) -> str:
    """On PostgreSQL, the INSERT of any number of rows of ``model``: a parameter a column, an array of
    its values (``unnest`` takes them row by row, in order). A statement of a parameter a value is
    parsed again by the driver at every run (psycopg keeps what it parsed only of statements of up to
    50 parameters): a batch's INSERTs spent more time there than in the database."""
    connection = connections[alias]
    quote = connection.ops.quote_name
    fields = _fields_of(model, with_key)
    columns = ", ".join(quote(f.column) for f in fields)
    arrays = ", ".join(f"%s::{f.cast_db_type(connection)}[]" for f in fields)
    tail = " ON CONFLICT DO NOTHING" if ignore else ""
    return f"INSERT INTO {quote(model._meta.db_table)} ({columns}) SELECT * FROM unnest({arrays}){tail}"


@functools.cache
def _insert(model: type[models.Model], alias: str, with_key: bool, ignore: bool, count: int) -> str:
    """The INSERT of ``count`` rows of ``model`` (its fields as :func:`_fields_of` lists them)."""
    connection = connections[alias]
    quote = connection.ops.quote_name
    fields = _fields_of(model, with_key)
    columns = ", ".join(quote(f.column) for f in fields)
    values = ", ".join([f"({', '.join(['%s'] * len(fields))})"] * count)
    head, tail = "INSERT INTO", ""
    if ignore:
        head, tail = (
            ("INSERT OR IGNORE INTO", "")
            if connection.vendor == "sqlite"
            else (head, " ON CONFLICT DO NOTHING")
        )
    return f"{head} {quote(model._meta.db_table)} ({columns}) VALUES {values}{tail}"


@functools.cache
def _fields_of(model: type[models.Model], with_key: bool) -> list:
    return [f for f in model._meta.concrete_fields if with_key or not f.primary_key]


#: Fields whose ``get_db_prep_save`` gives a value of these types (or None) back as it is, on either
#: database: preparing the 17,000 values of a batch's INSERTs field by field was a tenth of its CPU.
_AS_IS: dict[type[models.Field], tuple[type, ...]] = {
    **dict.fromkeys((models.CharField, models.TextField, models.SlugField), (str,)),
    **dict.fromkeys(
        (
            models.IntegerField,
            models.SmallIntegerField,
            models.BigIntegerField,
            models.PositiveIntegerField,
            models.PositiveSmallIntegerField,
            models.PositiveBigIntegerField,
            models.AutoField,
            models.BigAutoField,
            models.SmallAutoField,
        ),
        (int,),
    ),
}


@functools.cache
def kept_as_is(field: models.Field) -> tuple[type, ...]:
    """The types of value ``field`` writes as they are (its class exactly one of ``_AS_IS``, or a foreign
    key to such a field, whose own preparation is its target's); () for any other field (a subclass may
    prepare its values otherwise: a country, a date on SQLite, JSON)."""
    if (
        isinstance(field, models.ForeignKey)
        and type(field).get_db_prep_save is models.ForeignKey.get_db_prep_save
    ):
        return kept_as_is(field.target_field)
    return _AS_IS.get(type(field), ())


def insert(model: type[models.Model], objs: list, *, ignore: bool = False, using: str) -> None:
    """``bulk_create(objs, ignore_conflicts=ignore)`` for rows whose keys are all set or all not: the same
    values (each field's ``pre_save`` and ``get_db_prep_save``), in statements of as many rows as
    ``bulk_create`` puts in one (written once per model and number of rows). Building the INSERT of a
    batch through the ORM cost several times what the database spends writing it; and a statement a row
    (``executemany``) cost SQLite, where an insert's trigger writes the row's words into the search index,
    three times as much as rows written together: the index writes its pending words at every
    statement."""
    with_key = objs[0].pk is not None
    if any((obj.pk is not None) != with_key for obj in objs):
        model._default_manager.db_manager(using).bulk_create(objs, ignore_conflicts=ignore)
        return
    connection = connections[using]
    fields = _fields_of(model, with_key)
    plan = [(f, kept_as_is(f)) for f in fields]
    rows = []
    for obj in objs:
        row = []
        for f, kinds in plan:
            value = f.pre_save(obj, True)
            row.append(
                value
                if kinds and (value is None or type(value) in kinds)
                else f.get_db_prep_save(value, connection)
            )
        rows.append(row)
        obj._state.adding, obj._state.db = False, using
    if connection.vendor == "postgresql":
        columns = [list(column) for column in zip(*rows, strict=True)]
        with _binding_on_the_server(connection) as cursor:
            cursor.execute(_unnest(model, using, with_key, ignore), columns)
        return
    size = max(1, connection.ops.bulk_batch_size(fields, objs))
    with connection.cursor() as cursor:
        for start in range(0, len(rows), size):
            chunk = rows[start : start + size]
            cursor.execute(
                _insert(model, using, with_key, ignore, len(chunk)), [v for row in chunk for v in row]
            )
