from django.apps import AppConfig


class ImportingConfig(AppConfig):
    """The import pipeline: no models of its own; its admin module adds the upload page."""

    name = "relations.importing"
    label = "importing"
    verbose_name = "Import"

    def ready(self):
        from relations.editorial import workflow
        from relations.importing.run import apply_article_text

        workflow.set_text_applier(apply_article_text)  # a publisher accepts new text for a cited article
