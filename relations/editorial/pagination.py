"""A paginator whose last pages cost what its first pages do."""

from __future__ import annotations

from django.core.paginator import Paginator


class ReversiblePaginator(Paginator):
    """Reads the pages past the middle of an ordered queryset backwards.

    ``OFFSET n`` walks the n rows it skips, so the last page of 70,000 rows reads all of them. The
    same page is the first rows of the reversed order (``QuerySet.reverse()`` also swaps where empty
    values sort), at a small offset, turned round in Python.
    """

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        if bottom > self.count // 2 and getattr(self.object_list, "ordered", False):
            rows = list(self.object_list.reverse()[self.count - top : self.count - bottom])
            return self._get_page(rows[::-1], number, self)
        return super().page(number)
