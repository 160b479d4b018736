"""The editorial core every app shares; it imports no app (models of apps are named by string).

- ``vocabulary``: statuses, the importer's flags and thresholds, partial dates and their display.
- ``models``: the abstract curated record and its queryset.
- ``search``: folding, the trigram search indexes, planner statistics.
- ``workflow``: every status transition and the one permission helper.
- ``admin``: the admin base every curated model's admin derives from; ``site``: the admin site and the
  review queue.
- ``table_imports``: the workflow guard of every table import (the admin's, ``manage.py import``).
- ``public``: the public list, detail and export views, filters and paginator; ``exports``: report cells,
  CSV streaming and the one formula-neutralising path.
"""
