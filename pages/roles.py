"""The two staff roles, defined once and applied by data migrations.

« Rédacteur » creates, edits and publishes content but deletes nothing and manages no
account; « Administrateur » may do everything, accounts included.
"""

from django.contrib.auth.management import create_permissions

CONTENT_APPS = ["pages", "projects", "governance"]
EDITOR, ADMINISTRATOR = "Rédacteur", "Administrateur"


def sync_roles(apps, schema_editor=None):
    """Create or update both groups with the permissions of every content model."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    content = Permission.objects.filter(content_type__app_label__in=CONTENT_APPS)

    editor, _ = Group.objects.get_or_create(name=EDITOR)
    editor.permissions.set(content.exclude(codename__startswith="delete_"))

    administrator, _ = Group.objects.get_or_create(name=ADMINISTRATOR)
    administrator.permissions.set(
        content
        | Permission.objects.filter(content_type__app_label="auth")
        | Permission.objects.filter(content_type__app_label="admin", codename="view_logentry")
    )


def remove_roles(apps, schema_editor=None):
    apps.get_model("auth", "Group").objects.filter(name__in=[EDITOR, ADMINISTRATOR]).delete()
