from django.apps import AppConfig
from django.db.models.signals import post_migrate


class RelationsConfig(AppConfig):
    name = "relations"
    verbose_name = "Relations"

    def ready(self):
        from relations.search_index import ensure_search_indexes
        from relations.statistics import update_planner_statistics

        post_migrate.connect(ensure_search_indexes, sender=self, dispatch_uid="relations.search_indexes")
        # A new index has no statistics until the next ANALYZE; SQLite may prefer it blindly.
        post_migrate.connect(
            lambda using, **kwargs: update_planner_statistics(using),
            sender=self,
            weak=False,
            dispatch_uid="relations.planner_statistics",
        )
