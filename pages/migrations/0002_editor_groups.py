"""The two staff roles: « Rédacteur » edits content, « Administrateur » also deletes and
manages accounts."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTENT_APPS = ["pages", "projects", "governance"]


def create_groups(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    content = Permission.objects.filter(content_type__app_label__in=CONTENT_APPS)

    editor, _ = Group.objects.get_or_create(name="Rédacteur")
    editor.permissions.set(content.exclude(codename__startswith="delete_"))

    admin, _ = Group.objects.get_or_create(name="Administrateur")
    admin.permissions.set(
        content
        | Permission.objects.filter(content_type__app_label="auth")
        | Permission.objects.filter(content_type__app_label="admin", codename="view_logentry")
    )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(
        name__in=["Rédacteur", "Administrateur"]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("pages", "0001_initial"),
        ("projects", "0001_initial"),
        ("governance", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
