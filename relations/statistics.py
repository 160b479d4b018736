"""Planner statistics for SQLite, which, unlike PostgreSQL's autovacuum, never gathers them itself."""

from __future__ import annotations

from django.db import connections

# Rows sampled per index: approximate statistics in milliseconds at any size (0.2 s for a full ANALYZE
# of 100,000 delegations and the rest, 4 ms with the limit).
ANALYSIS_LIMIT = 1000


def update_planner_statistics(using: str = "default", **kwargs) -> None:
    """Without statistics SQLite may pick the status index over a foreign key's: a detail page's
    prefetch of a delegation's meetings then scans every published meeting (150 ms instead of 0.1 ms
    at 100,000). Run after bulk changes (imports, generated data) and, as a ``post_migrate`` receiver,
    after migrations, whose new indexes have no statistics yet."""
    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA analysis_limit = {ANALYSIS_LIMIT}")
        cursor.execute("ANALYZE")
