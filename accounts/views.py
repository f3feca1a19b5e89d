"""Forgotten password: Django's reset views, in the admin's look, with French e-mails,
limits against abuse, and a clear message when the mail server is down."""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.http import HttpResponseRedirect
from django.urls import reverse_lazy

from . import throttle
from .durations import in_words
from .forms import MailNotSent, PasswordResetRequestForm, UnlockingSetPasswordForm
from .lockout import client_ip

HOUR = 60 * 60
REQUESTS_PER_CLIENT_PER_HOUR = 10
MAILS_PER_ADDRESS_PER_HOUR = 3


class AdminLookMixin:
    """Header, title and links of the admin (these views live outside the AdminSite);
    no side menu, which would only tell a visitor they may see nothing."""

    def get_context_data(self, **kwargs):
        context = {**admin.site.each_context(self.request), **super().get_context_data(**kwargs)}
        context["is_nav_sidebar_enabled"] = False
        return context


class PasswordResetView(AdminLookMixin, auth_views.PasswordResetView):
    form_class = PasswordResetRequestForm
    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("password_reset_done")

    def post(self, request, *args, **kwargs):
        # Counted before validation: bad input must not be a way around the limit.
        if not throttle.allow(
            "reset-client", client_ip(request), REQUESTS_PER_CLIENT_PER_HOUR, HOUR
        ):
            form = self.get_form()
            form.is_valid()
            form.add_error(
                None,
                "Trop de demandes de nouveau mot de passe depuis cette adresse. Réessayez dans "
                "une heure, ou demandez à un administrateur du site de changer votre mot de "
                "passe.",
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        email = form.cleaned_data["email"].casefold()
        if not throttle.allow("reset-address", email, MAILS_PER_ADDRESS_PER_HOUR, HOUR):
            # The same answer as for an unknown address: nothing to learn, nothing sent.
            return HttpResponseRedirect(self.get_success_url())
        self.extra_email_context = {
            "site_name": settings.SITE_NAME,
            "valid_for": in_words(settings.PASSWORD_RESET_TIMEOUT),
        }
        try:
            return super().form_valid(form)
        except MailNotSent:
            form.add_error(
                None,
                "Le message n'a pas pu être envoyé : le serveur de courrier ne répond pas. "
                "Réessayez dans quelques minutes ; si cela dure, prévenez un administrateur "
                "du site.",
            )
            return self.render_to_response(self.get_context_data(form=form), status=503)


class PasswordResetDoneView(AdminLookMixin, auth_views.PasswordResetDoneView):
    pass


class PasswordResetConfirmView(AdminLookMixin, auth_views.PasswordResetConfirmView):
    form_class = UnlockingSetPasswordForm


class PasswordResetCompleteView(AdminLookMixin, auth_views.PasswordResetCompleteView):
    pass
