"""Group means access: a member of an editing group may use the admin.

Django lets into the admin only people whose « statut équipe » (`is_staff`) is ticked, and
the rest of the site relies on it too (previews, documents of drafts). Rather than teach
every one of those places about groups, membership keeps `is_staff` in step:

- joining « Rédacteur » or « Administrateur » ticks it (and remembers that a group did);
- leaving the last of those groups unticks it, but only if a group had ticked it: a status
  an administrator ticked by hand before, and a superuser's, are never taken away;
- unticking it by hand while the person is still in an editing group does not hold: the
  group gives it back (to take someone out of the admin, untick « actif » or remove the
  group).
"""

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed
from django.dispatch import receiver

from core.roles import ADMINISTRATOR, EDITOR

from .models import GroupGrantedAccess

EDITING_GROUPS = (EDITOR, ADMINISTRATOR)


def in_editing_group(user):
    return user.groups.filter(name__in=EDITING_GROUPS).exists()


def sync_admin_access(user):
    """Tick or untick the user's « statut équipe » after a change of groups."""
    if in_editing_group(user):
        if not user.is_staff:
            user.is_staff = True
            user.save(update_fields=["is_staff"])
            GroupGrantedAccess.objects.get_or_create(user=user)
        return
    granted_by_group, _ = GroupGrantedAccess.objects.filter(user=user).delete()
    if granted_by_group and user.is_staff and not user.is_superuser:
        user.is_staff = False
        user.save(update_fields=["is_staff"])


@receiver(m2m_changed, sender=get_user_model().groups.through)
def groups_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """Both sides: `user.groups.add(group)` and `group.user_set.add(user)`."""
    if not reverse:
        if action in ("post_add", "post_remove", "post_clear"):
            sync_admin_access(instance)
        return
    if action == "pre_clear":  # the members are gone by post_clear: note them now
        instance._members_before_clear = set(instance.user_set.values_list("pk", flat=True))
        return
    if action == "post_clear":
        pk_set = instance.__dict__.pop("_members_before_clear", set())
    if action in ("post_add", "post_remove", "post_clear"):
        for user in get_user_model().objects.filter(pk__in=pk_set):
            sync_admin_access(user)
