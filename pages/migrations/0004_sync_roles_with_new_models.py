"""Give both roles the permissions of the models added since (documents, history)."""

from django.db import migrations

from pages.roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0003_newsarticle_image_decorative_and_more"),
        ("projects", "0002_project_image_decorative_project_image_height_and_more"),
        ("governance", "0002_historicalbody_historicaltimelineevent"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
