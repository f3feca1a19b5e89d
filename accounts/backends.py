from django.contrib.auth.backends import AllowAllUsersModelBackend


class AccountBackend(AllowAllUsersModelBackend):
    """Django's model backend, except that an inactive account with the right password is
    recognised, so the admin login form can tell its owner why it refuses them (the form's
    `confirm_login_allowed`, not the backend, keeps them out). Anyone else learns nothing,
    and the check costs no second password hash. A session of an account made inactive
    ends with it, as with Django's default backend.
    """

    def get_user(self, user_id):
        user = super().get_user(user_id)
        return user if user is not None and user.is_active else None
