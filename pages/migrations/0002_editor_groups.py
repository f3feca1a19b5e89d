"""The two staff roles: « Rédacteur » and « Administrateur » (see pages/roles.py)."""

from django.db import migrations

from pages.roles import remove_roles, sync_roles


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("pages", "0001_initial"),
        ("projects", "0001_initial"),
        ("governance", "0001_initial"),
    ]

    operations = [migrations.RunPython(sync_roles, remove_roles)]
