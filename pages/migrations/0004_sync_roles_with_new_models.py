"""Roles now follow the models after every `migrate` (core/roles.py): nothing to do here."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0003_newsarticle_image_decorative_and_more"),
        ("projects", "0002_project_image_decorative_project_image_height_and_more"),
        ("governance", "0002_historicalbody_historicaltimelineevent"),
    ]

    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]
