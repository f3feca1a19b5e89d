"""PostgreSQL only: keep each searchable table's `search_vector` up to date with a trigger.

The vector is the weighted French text (`french_unaccent`) of the fields listed for the
model in `pages.search.SOURCES`. A trigger, unlike a save() hook, also covers bulk
inserts, `update()` and imports. Existing rows are filled here and the column gets a GIN
index: search and ranking read the stored vector instead of recomputing it for every
matching row.
"""

from django.db import migrations

FIELDS = {  # table → {column: weight}, as in pages.search.SOURCES
    "projects_project": {"title": "A", "summary": "B", "location": "B", "description": "C"},
    "pages_newsarticle": {"title": "A", "summary": "B", "body": "C"},
    "governance_timelineevent": {"title": "A", "summary": "B", "location": "C"},
    "projects_prioritylever": {"title": "A", "short_title": "A", "description": "C"},
    "projects_projectholder": {"name": "A", "description": "C"},
    "pages_page": {"title": "A", "summary": "B", "body": "C"},
}
def vector_sql(fields):
    return " || ".join(
        f"setweight(to_tsvector('french_unaccent', coalesce(NEW.{column}::text, '')), '{weight}')"
        for column, weight in fields.items()
    )


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, fields in FIELDS.items():
        schema_editor.execute(f"""
            CREATE OR REPLACE FUNCTION {table}_search_vector() RETURNS trigger AS $$
            BEGIN
              NEW.search_vector := {vector_sql(fields)};
              RETURN NEW;
            END $$ LANGUAGE plpgsql;
            DROP TRIGGER IF EXISTS {table}_search_vector ON {table};
            CREATE TRIGGER {table}_search_vector BEFORE INSERT OR UPDATE ON {table}
              FOR EACH ROW EXECUTE FUNCTION {table}_search_vector();
            UPDATE {table} SET search_vector = NULL;
            CREATE INDEX IF NOT EXISTS {table}_search_vector_gin ON {table}
              USING GIN (search_vector);
        """)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in FIELDS:
        schema_editor.execute(f"""
            DROP TRIGGER IF EXISTS {table}_search_vector ON {table};
            DROP FUNCTION IF EXISTS {table}_search_vector();
            DROP INDEX IF EXISTS {table}_search_vector_gin;
        """)


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0007_newsarticle_search_vector_page_search_vector"),
        ("projects", "0003_prioritylever_search_vector_project_search_vector_and_more"),
        ("governance", "0003_timelineevent_search_vector"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
