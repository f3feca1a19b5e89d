"""The two staff roles used to be created here; they are now kept in step with the models
after every `migrate` (core/roles.py). Kept as a no-op so the migration history stays whole."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("pages", "0001_initial"),
        ("projects", "0001_initial"),
        ("governance", "0001_initial"),
    ]

    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]
