"""PostgreSQL only: French full-text search without accents, and its GIN indexes.

On SQLite this migration does nothing: the search falls back to accent-folded matching.
"""

import functools
import operator

from django.db import migrations

CREATE_CONFIG = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'french_unaccent') THEN
    CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french);
    ALTER TEXT SEARCH CONFIGURATION french_unaccent
      ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
  END IF;
END $$;
"""


CONFIG = "french_unaccent"
FIELDS = {  # model → {field: weight}, as searched when this migration was written
    "projects.Project": {"title": "A", "summary": "B", "location": "B", "description": "C"},
    "pages.NewsArticle": {"title": "A", "summary": "B", "body": "C"},
    "governance.TimelineEvent": {"title": "A", "summary": "B", "location": "C"},
    "projects.PriorityLever": {"title": "A", "short_title": "A", "description": "C"},
    "projects.ProjectHolder": {"name": "A", "description": "C"},
    "pages.Page": {"title": "A", "summary": "B", "body": "C"},
}


def _indexes(apps):
    from django.contrib.postgres.indexes import GinIndex
    from django.contrib.postgres.search import SearchVector

    for path, fields in FIELDS.items():
        model = apps.get_model(path)
        vector = functools.reduce(
            operator.add,
            [SearchVector(f, weight=w, config=CONFIG) for f, w in fields.items()],
        )
        yield model, GinIndex(vector, name=f"search_{model._meta.model_name}"[:30])


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(CREATE_CONFIG)
    for model, index in _indexes(apps):
        schema_editor.add_index(model, index)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model, index in _indexes(apps):
        schema_editor.remove_index(model, index)


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0004_sync_roles_with_new_models"),
        ("projects", "0002_project_image_decorative_project_image_height_and_more"),
        ("governance", "0002_historicalbody_historicaltimelineevent"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
