"""The site plus the throw-away content type (step 3: the app is installed, its URLs included)."""

from auxois_site.settings import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "tests.throwaway"]  # noqa: F405
ROOT_URLCONF = "tests.throwaway.root_urls"
ALLOWED_HOSTS = [*ALLOWED_HOSTS, "testserver"]  # noqa: F405
