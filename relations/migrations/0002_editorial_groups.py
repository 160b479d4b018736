"""The editorial roles: Editor (add, change, submit); Publisher (also publish, unpublish, archive, delete)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CURATED = {
    "relations": ["delegation", "meeting"],
    "people": ["official", "organization"],
    "agreements": ["agreement"],
}
SUPPORTING = {
    "relations": ["citation"],
    "people": ["officialalias", "organizationalias", "position"],
}
ARTICLES = {"relations": ["article"]}


def _codenames(models, actions):
    return {
        (app, f"{action}_{model}") for app, names in models.items() for model in names for action in actions
    }


def editor_codenames():
    return (
        _codenames(CURATED, ["view", "add", "change"])
        | _codenames(SUPPORTING, ["view", "add", "change"])
        | _codenames(ARTICLES, ["view", "add", "change"])  # add: import article files
    )


def publisher_codenames():
    return (
        editor_codenames()
        | _codenames(CURATED, ["delete", "publish"])
        | _codenames(SUPPORTING, ["delete"])
        | _codenames(ARTICLES, ["delete"])
    )


def create_groups(apps, schema_editor):
    # Permissions are otherwise only created after migrate; make sure ours exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in (("Editor", editor_codenames()), ("Publisher", publisher_codenames())):
        group, _ = Group.objects.get_or_create(name=name)
        wanted = []
        for app_label, codename in sorted(codenames):
            wanted.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
        group.permissions.add(*wanted)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Editor", "Publisher"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("relations", "0001_initial"),
        ("relations", "0002_article_imported_values"),  # added in parallel; keeps one leaf
        ("people", "0001_initial"),
        ("agreements", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
