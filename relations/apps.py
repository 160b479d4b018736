from django.apps import AppConfig
from django.db.models.signals import post_migrate


class RelationsConfig(AppConfig):
    name = "relations"
    verbose_name = "Relations"

    def ready(self):
        from relations.editorial.search import ensure_search_indexes, update_planner_statistics

        post_migrate.connect(ensure_search_indexes, sender=self, dispatch_uid="relations.search_indexes")
        post_migrate.connect(
            update_planner_statistics, sender=self, dispatch_uid="relations.editorial.search"
        )
