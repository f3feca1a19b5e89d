"""The site search now reads one index (core.SearchEntry): the per-table search vectors,
their triggers (0008) and the expression indexes (0005) go. PostgreSQL only for the SQL."""

from django.db import migrations

TABLES = {  # table → the expression index 0005 created on it
    "projects_project": "search_project",
    "pages_newsarticle": "search_newsarticle",
    "governance_timelineevent": "search_timelineevent",
    "projects_prioritylever": "search_prioritylever",
    "projects_projectholder": "search_projectholder",
    "pages_page": "search_page",
}


def drop_triggers_and_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, expression_index in TABLES.items():
        schema_editor.execute(f"""
            DROP TRIGGER IF EXISTS {table}_search_vector ON {table};
            DROP FUNCTION IF EXISTS {table}_search_vector();
            DROP INDEX IF EXISTS {table}_search_vector_gin;
            DROP INDEX IF EXISTS {expression_index};
        """)


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0011_drop_item_image_files"),
        ("core", "0002_search_index"),
    ]

    operations = [
        migrations.RunPython(drop_triggers_and_indexes, migrations.RunPython.noop),
        migrations.RemoveField(model_name="newsarticle", name="search_vector"),
        migrations.RemoveField(model_name="page", name="search_vector"),
    ]
