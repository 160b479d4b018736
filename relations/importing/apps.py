from django.apps import AppConfig


class ImportingConfig(AppConfig):
    """The import pipeline: no models of its own; its admin module adds the upload page."""

    name = "relations.importing"
    label = "importing"
    verbose_name = "Import"
