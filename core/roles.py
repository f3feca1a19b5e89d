"""The two staff roles, defined once and kept in step with the models after every `migrate`.

« Rédacteur » creates, edits and publishes content and detaches a document attached by
mistake, but deletes no content and manages no account; « Administrateur » may do everything,
accounts included. Content is every model of the apps that declare `content_app = True` on
their AppConfig (and this one's image library).
"""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission

EDITOR, ADMINISTRATOR = "Rédacteur", "Administrateur"
EDITOR_MAY_DELETE = {"delete_document"}  # detaching a file is part of editing


def content_app_labels():
    return [c.label for c in apps.get_app_configs() if getattr(c, "content_app", False)]


def sync_roles(**signal_kwargs):
    """Create or update both groups with the permissions of every content model (run after
    every `migrate`, and after the test database is flushed)."""
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    content = Permission.objects.filter(content_type__app_label__in=content_app_labels())

    editor, _ = Group.objects.get_or_create(name=EDITOR)
    editor.permissions.set(
        content.exclude(codename__startswith="delete_")
        | content.filter(codename__in=EDITOR_MAY_DELETE)
    )

    administrator, _ = Group.objects.get_or_create(name=ADMINISTRATOR)
    administrator.permissions.set(
        content
        | Permission.objects.filter(content_type__app_label="auth")
        | Permission.objects.filter(content_type__app_label="admin", codename="view_logentry")
    )
    for group in (editor, administrator):
        group.permissions.add(*granted_by_apps(group.name))


def granted_by_apps(role):
    """The permissions that apps which are not content grant to `role` themselves, listed as
    `role_permissions = {role: {codename, …}}` on their AppConfig (e.g. the alerts: the
    Rédacteur counts subscribers, only the Administrateur sees their addresses)."""
    granted = []
    for app_config in apps.get_app_configs():
        codenames = getattr(app_config, "role_permissions", {}).get(role)
        if codenames:
            granted += Permission.objects.filter(
                content_type__app_label=app_config.label, codename__in=codenames
            )
    return granted
