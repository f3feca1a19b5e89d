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


def _indexes(apps):
    from django.contrib.postgres.indexes import GinIndex
    from django.contrib.postgres.search import SearchVector

    from pages.search import CONFIG, SOURCES

    for source in SOURCES:
        model = apps.get_model(source.model_path)
        vector = functools.reduce(
            operator.add,
            [SearchVector(f, weight=w, config=CONFIG) for f, w in source.fields.items()],
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
