"""Operations the apps' migrations share, written once for every curated model they apply to.

Applied migrations run these as they are, so what a function here does must not change; a new step is a
new function.
"""

from __future__ import annotations

from functools import partial

from django.db import migrations, models

PUBLISHED_AT_HELP = "When a publisher first released it; a later change to it is a correction."


def _released_when_last_changed(apps, schema_editor, *, app_label: str, model_names: tuple[str, ...]):
    """Records already public were released at the latest when they last changed."""
    for name in model_names:
        model = apps.get_model(app_label, name)
        model.objects.filter(status__in=["published", "archived"], published_at__isnull=True).update(
            published_at=models.F("updated_at")
        )


def add_published_at(app_label: str, *model_names: str) -> list[migrations.operations.base.Operation]:
    """``published_at`` on each model, filled for the records already public."""
    fill = partial(_released_when_last_changed, app_label=app_label, model_names=model_names)
    return [
        *(
            migrations.AddField(
                model_name=name,
                name="published_at",
                field=models.DateTimeField(
                    blank=True, db_index=True, editable=False, help_text=PUBLISHED_AT_HELP, null=True
                ),
            )
            for name in model_names
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
