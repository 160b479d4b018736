"""On PostgreSQL, a change of the publication version notifies every process listening for it.

``relations.editorial.publication.VersionWatch`` keeps the version it read until this notification
arrives. The trigger fires in the database, so every writer of the row notifies: no statement more for
the writer, and none forgotten. Nothing on SQLite, where reading the row costs no round trip.
"""

from django.db import migrations

CHANNEL = "relations_publication"

CREATE = [
    f"""CREATE OR REPLACE FUNCTION relations_publication_notify() RETURNS trigger AS $$
    BEGIN
        PERFORM pg_notify('{CHANNEL}', '');
        RETURN NULL;
    END;
    $$ LANGUAGE plpgsql""",
    "DROP TRIGGER IF EXISTS relations_publication_notify ON relations_publication",
    """CREATE TRIGGER relations_publication_notify
    AFTER INSERT OR UPDATE ON relations_publication
    FOR EACH STATEMENT EXECUTE FUNCTION relations_publication_notify()""",
]
DROP = [
    "DROP TRIGGER IF EXISTS relations_publication_notify ON relations_publication",
    "DROP FUNCTION IF EXISTS relations_publication_notify()",
]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return operation


class Migration(migrations.Migration):
    dependencies = [("relations", "0008_integrity")]

    operations = [migrations.RunPython(run(CREATE), run(DROP), elidable=False)]
