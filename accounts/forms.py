"""The forms of the login and password pages, with the French messages editors need."""

import logging
import smtplib

from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import (
    AdminPasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
    UserChangeForm,
)
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.template.loader import render_to_string

from core.roles import ADMINISTRATOR, EDITOR

from .lockout import attempts_left, cool_off_in_words, unlock

logger = logging.getLogger(__name__)

NO_EDITING_GROUP = (
    "Ce compte ne donne pas accès à l'administration : il n'appartient ni au groupe "
    f"« {EDITOR} » ni au groupe « {ADMINISTRATOR} ». Demandez à un administrateur du site "
    "de vous ajouter à l'un de ces groupes."
)
INACTIVE = (
    "Ce compte est désactivé. Demandez à un administrateur du site de le réactiver "
    "(case « Actif » de la fiche utilisateur)."
)


class LoginForm(AdminAuthenticationForm):
    """The admin login, saying why it refuses someone who gave the right password.

    Whether an account is inactive (see `backends.py`) or outside the editing groups is
    told only to whoever typed its password: anyone else gets the usual message, and no
    hint that the name exists. From the third failure, it also says how many attempts
    remain before the lock-out.
    """

    def confirm_login_allowed(self, user):
        if not user.is_active:
            raise ValidationError(INACTIVE, code="inactive")
        if not user.is_staff:
            raise ValidationError(NO_EDITING_GROUP, code="no_editing_group")

    def get_invalid_login_error(self):
        errors = [super().get_invalid_login_error()]
        left = attempts_left(self.request)
        if left:
            errors.append(
                ValidationError(
                    f"Attention : encore {left} tentative{'s' if left > 1 else ''}, puis la "
                    f"connexion de ce compte depuis cette adresse sera bloquée pendant "
                    f"{cool_off_in_words(self.request)}. Mot de passe oublié ? Utilisez le "
                    "lien sous le formulaire.",
                    code="attempts_left",
                )
            )
        return ValidationError(errors)


class MailNotSent(Exception):
    """The mail server refused or did not answer."""


class PasswordResetRequestForm(PasswordResetForm):
    """Sends the reset link only to active accounts that may use the admin, and reports a
    mail server failure instead of hiding it (Django only logs it)."""

    def get_users(self, email):
        return (user for user in super().get_users(email) if user.is_staff)

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        body = render_to_string(email_template_name, context)
        try:
            EmailMessage(subject, body, from_email, [to_email]).send()
        except (smtplib.SMTPException, OSError) as error:
            logger.warning(
                "Password reset e-mail to user %s not sent: %r", context["user"].pk, error
            )
            raise MailNotSent from error


class UnlockingSetPasswordForm(SetPasswordForm):
    """The new password chosen from the e-mailed link; it also lifts a lock-out."""

    def save(self, commit=True):
        user = super().save(commit)
        unlock(user)
        return user


class UnlockingAdminPasswordChangeForm(AdminPasswordChangeForm):
    """A password set by an administrator in the user admin; it also lifts a lock-out."""

    def save(self, commit=True):
        user = super().save(commit)
        unlock(user)
        return user


class UserAccessForm(UserChangeForm):
    """The user admin form, explaining how groups give access to the admin."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "is_staff" in self.fields:
            self.fields["is_staff"].help_text = (
                f"Donne accès à l'administration. Cochée d'office pour les membres des groupes "
                f"« {EDITOR} » et « {ADMINISTRATOR} », et décochée quand ils quittent leur "
                "dernier groupe, sauf pour un superutilisateur ou si elle avait été cochée à "
                "la main avant l'entrée dans le groupe. Pour retirer l'accès à un membre, "
                "retirez-lui ses groupes ou décochez « Actif »."
            )
        if "groups" in self.fields:
            self.fields["groups"].help_text = (
                f"« {EDITOR} » : crée, modifie et publie les contenus, sans rien supprimer ni "
                f"gérer les comptes. « {ADMINISTRATOR} » : tout, comptes compris. Être dans "
                "l'un de ces groupes suffit pour se connecter à l'administration."
            )
