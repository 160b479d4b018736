"""A ``ForeignKey`` whose prefetch asks ``key IN (...)``.

Django 5.2 prefetches a forward foreign key through a tuple lookup, ``(id) IN ((1), (2), ...)``, which a
backend without tuple comparisons (SQLite) compiles to ``id = 1 OR id = 2 OR ...``: building that tree
of lookups cost more than running the query, three times a delegation list. :class:`ForeignKey` prefetches
a single-column key with a plain ``IN``, the same rows in the same caches. It is a ``ForeignKey`` in
migrations: the database does not change.
"""

from __future__ import annotations

from django.db import models
from django.db.models.fields.related_descriptors import ForwardManyToOneDescriptor


class KeyInDescriptor(ForwardManyToOneDescriptor):
    def get_prefetch_querysets(self, instances, querysets=None):
        if len(self.field.foreign_related_fields) != 1:
            return super().get_prefetch_querysets(instances, querysets)
        if querysets and len(querysets) != 1:
            raise ValueError("querysets argument of get_prefetch_querysets() should have a length of 1.")
        queryset = querysets[0] if querysets else self.get_queryset()
        queryset._add_hints(instance=instances[0])
        rel_obj_attr = self.field.get_foreign_related_value
        instance_attr = self.field.get_local_related_value
        instances_dict = {instance_attr(inst): inst for inst in instances}
        target = self.field.foreign_related_fields[0]
        keys = {key for (key,) in instances_dict if key is not None}
        queryset = queryset.filter(**{f"{target.name}__in": keys})
        queryset.query.clear_ordering()  # one object per instance
        remote_field = self.field.remote_field
        if not remote_field.multiple:  # a one-to-one: its reverse cache, as Django's does
            for rel_obj in queryset:
                remote_field.set_cached_value(rel_obj, instances_dict[rel_obj_attr(rel_obj)])
        return queryset, rel_obj_attr, instance_attr, True, self.field.cache_name, False


class ForeignKey(models.ForeignKey):
    """``models.ForeignKey``, prefetched with ``IN`` (see the module's docstring)."""

    forward_related_accessor_class = KeyInDescriptor

    def deconstruct(self):
        name, _, args, kwargs = super().deconstruct()
        return name, "django.db.models.ForeignKey", args, kwargs
