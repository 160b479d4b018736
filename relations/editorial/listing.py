"""The published records a list row shows of a relation to many (an agreement's parties, a meeting's
participants), read for a page's records in one statement built once.

``Prefetch(name, published(...), to_attr=...)`` gave the same lists, and cost a fifth of an agreements or
meetings page at N = 100,000: Django builds the related queryset, its filter on the page's records and
the join table's extra column, compiles it, and makes each record through the full ``Model.__init__``,
on every request. Here the statement is compiled once per relation and database, with a mark where the
page's keys go, and each request only puts its keys in and reads the rows.
"""

from __future__ import annotations

import functools

from django.db import connections
from django.db.models import F
from django.db.models.expressions import RawSQL
from django.db.models.query import ModelIterable

from relations.editorial.rendering import listed

#: Records read per statement: a page has 25; a longer iteration reads its related records in batches.
BATCH = 100
MARK = "__listed_keys__"
OWNER = "listed_owner"


class ListedRelation:
    """The published records of the relation to many ``name`` of ``model``, in their model's order, kept
    on each record as a list in the attribute ``rendering.listed(name)`` (read by ``rendering.related``)."""

    def __init__(self, model, name: str):
        field = model._meta.get_field(name)
        if not field.many_to_many or field.auto_created:
            raise ValueError(f"{model.__name__}.{name} is not a relation to many declared on the model")
        self.attr = listed(name)
        self.related_model = field.related_model
        self.lookup = field.related_query_name()  # the reverse name, from the related model
        self._statements: dict[str, tuple[str, str, list, list]] = {}
        from relations.editorial.public import BOOKKEEPING

        # The related model's columns a row may read: all but what only editors and the importer keep.
        self._columns = [
            f.attname for f in self.related_model._meta.concrete_fields if f.name not in BOOKKEEPING
        ]

    def attach(self, records: list, db: str) -> None:
        """Read the related records of ``records`` and keep each one's list on it."""
        before, after, params_before, params_after = self._statement(db)
        keys = [record.pk for record in records]
        sql = f"{before}({', '.join(['%s'] * len(keys))}){after}"
        found: dict[int, list] = {key: [] for key in keys}
        columns, model = self._columns, self.related_model
        with connections[db].cursor() as cursor:
            cursor.execute(sql, (*params_before, *keys, *params_after))
            for row in cursor.fetchall():
                found[row[-1]].append(model.from_db(db, columns, row[:-1]))
        for record in records:
            record.__dict__[self.attr] = found[record.pk]

    def _statement(self, db: str) -> tuple[str, str, list, list]:
        statement = self._statements.get(db)
        if statement is None:
            statement = self._statements[db] = self._build(db)
        return statement

    def _build(self, db: str) -> tuple[str, str, list, list]:
        queryset = (
            self.related_model._default_manager.using(db)
            .published()
            .filter(**{f"{self.lookup}__in": RawSQL(MARK, ())})
            .annotate(**{OWNER: F(self.lookup)})
            .values_list(*self._columns, OWNER)
        )
        sql, params = queryset.query.get_compiler(using=db).as_sql()
        before, found, after = sql.partition(f"({MARK})")
        if not found or MARK in after:
            raise ValueError(f"the statement of {self.attr} has no single place for the keys: {sql}")
        split = before.count("%s")
        return before, after, list(params[:split]), list(params[split:])


@functools.cache
def listed_relation(model, name: str) -> ListedRelation:
    return ListedRelation(model, name)


@functools.cache
def listing_iterable(base: type[ModelIterable], model, names: tuple[str, ...]) -> type[ModelIterable]:
    """``base`` (the queryset's iterable) that also keeps, on each record it makes, the published related
    records ``names`` (:class:`ListedRelation`), read for up to :data:`BATCH` records at a time. One class
    per shape, so that a page's statement (``pagination.Statement``) is kept per shape as before."""
    relations = tuple(listed_relation(model, name) for name in names)

    def __iter__(self):
        batch: list = []
        for record in base.__iter__(self):
            batch.append(record)
            if len(batch) == BATCH:
                yield from _attached(batch, relations, self.queryset.db)
                batch = []
        if batch:
            yield from _attached(batch, relations, self.queryset.db)

    return type(f"Listing{base.__name__}", (base,), {"__iter__": __iter__, "listed": names})


def _attached(records: list, relations, db: str) -> list:
    for relation in relations:
        relation.attach(records, db)
    return records
