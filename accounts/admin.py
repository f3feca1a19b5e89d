"""Admin screens for accounts: the login form, the user admin, django-axes in French."""

from axes.admin import AccessAttemptAdmin
from axes.conf import settings as axes_settings
from axes.handlers.proxy import AxesProxyHandler
from axes.models import AccessAttempt
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from .access import sync_admin_access
from .forms import LoginForm, UnlockingAdminPasswordChangeForm, UserAccessForm

admin.site.login_form = LoginForm

User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class AccountAdmin(UserAdmin):
    """Django's user admin; a new password lifts a lock-out, groups give admin access."""

    form = UserAccessForm
    change_password_form = UnlockingAdminPasswordChangeForm

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        sync_admin_access(form.instance)  # « statut équipe » unticked by hand comes back


admin.site.unregister(AccessAttempt)


@admin.register(AccessAttempt)
class LockoutAttemptAdmin(AccessAttemptAdmin):
    """Axes' screen; what its labels leave in English is in `locale/`, except these two,
    which are not translatable strings there (and its clean-up action failed)."""

    @admin.action(description="Effacer les tentatives expirées")
    def cleanup_expired_attempts(self, request, queryset):
        AxesProxyHandler.update_request(request)  # axes' own action forgets it: a 500
        count = self.handler.clean_expired_user_attempts(request=request)
        self.message_user(request, f"Tentatives expirées effacées : {count}.")

    @admin.display(description="état")
    def status(self, obj):
        left = axes_settings.AXES_FAILURE_LIMIT - obj.failures_since_start
        if left <= 0:
            return "verrouillé"
        return f"encore {left} tentative{'s' if left > 1 else ''}"
