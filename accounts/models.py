from django.conf import settings
from django.db import models


class GroupGrantedAccess(models.Model):
    """Remembers that a person's « statut équipe » came from an editing group.

    Leaving the last editing group takes back only a status that a group gave: one an
    administrator ticked by hand stays, and so does a superuser's (see `access.py`).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="group_granted_access",
        verbose_name="utilisateur",
    )
    granted_at = models.DateTimeField("accordé le", auto_now_add=True)

    class Meta:
        verbose_name = "accès donné par un groupe"
        verbose_name_plural = "accès donnés par un groupe"

    def __str__(self):
        return f"Accès de {self.user} donné par un groupe"
