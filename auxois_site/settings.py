"""Settings for the Territoire d'industrie Auxois Morvan site.

Everything comes from the environment (see `.env.example`); the defaults are a safe
development set-up: DEBUG on, a SQLite file in the repository, local-memory cache.
Production hardening switches on by itself when DEBUG is off.
"""

import importlib.metadata
from pathlib import Path

import environ
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str(
    "SECRET_KEY",
    default="django-insecure-dev-only-key-never-use-in-production" if DEBUG else environ.Env.NOTSET,
)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_prose_editor",
    "imagekit",
    "simple_history",
    "import_export",
    "django_filters",
    "accounts.apps.AxesConfig",  # django-axes, under a French name in the admin
    "core",
    "pages",
    "projects",
    "governance",
    "alerts",
    "accessibility",
    "django_tasks_db",  # the queue of the alerts' tasks, in the database (alerts/tasks.py)
    "accounts",  # after auth and axes: re-registers their admin screens
]

MIDDLEWARE = [
    # Anonymous pages come from the cache first: a stored page already carries the headers
    # of the middleware below (security, CSP…), so none of them runs again.
    "core.cache.AnonymousPageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses locked-out logins
    "accounts.backends.AccountBackend",  # says « inactive » only to the right password
]

ROOT_URLCONF = "auxois_site.urls"
CSRF_FAILURE_VIEW = "core.errors.csrf_failure"
WSGI_APPLICATION = "auxois_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.site",
                "pages.context_processors.navigation",
                "accessibility.context_processors.conformance",
            ],
        },
    },
]

# An empty variable counts as unset, so `DATABASE_URL= make test` means « the default ».
DATABASES = {
    "default": env.db_url_config(
        env.str("DATABASE_URL", default="") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
    )
}
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=0))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": env.cache_url_config(env.str("CACHE_URL", default="") or "locmemcache://auxois")
}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    # Redis accelerates, never decides: a stopped, full or slow Redis means « not cached ».
    CACHES["default"]["BACKEND"] = "core.cache.ResilientRedisCache"
    CACHES["default"].setdefault("OPTIONS", {}).update(
        socket_connect_timeout=env.float("CACHE_TIMEOUT", default=0.25),
        socket_timeout=env.float("CACHE_TIMEOUT", default=0.25),
    )
# What this deployment is: cache keys start with it, so a new release never reads what the
# previous one stored. Set it from the deployment (a tag, a commit); by default the package
# version.
RELEASE = env.str("RELEASE", default="") or importlib.metadata.version("auxois-site")
CACHES["default"]["KEY_PREFIX"] = RELEASE
# How long an anonymous page may be served from the cache (0 turns the page cache off).
# Any content change invalidates it at once; scheduled publications shorten it.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
# Each worker re-reads the shared content version at most this often: a change made through
# another worker or host shows within this delay (one made through this worker, at once).
CONTENT_VERSION_CHECK_SECONDS = env.float("CONTENT_VERSION_CHECK_SECONDS", default=1.0)
# Pages and values each worker keeps in memory (of the current content version only).
LOCAL_CACHE_ENTRIES = 500

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
# The project's own French for library strings that need it (locale/fr/LC_MESSAGES).
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
FIXTURE_DIRS = [BASE_DIR / "fixtures"]
# The 2019 content, in loading order (`manage.py load_initial_data`).
INITIAL_DATA_FIXTURES = [
    "territory",
    "territory_communes",
    "governance",
    "projects",
    "pages",
    "glossary",
]
FILE_UPLOAD_PERMISSIONS = 0o644  # uploaded files are data: never executable
IMAGEKIT_CACHEFILE_DIR = "renditions"
# Renditions are made when an image is saved; pages only write their addresses.
IMAGEKIT_DEFAULT_CACHEFILE_STRATEGY = "imagekit.cachefiles.strategies.Optimistic"
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_SKIP_ADMIN_LOG = False

LOCALE_PATHS = [BASE_DIR / "locale"]  # French for what Django and the libraries leave in English

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Uploads on S3-compatible object storage, shared by several hosts (README, « Production »).
MEDIA_STORAGE = env.str("MEDIA_STORAGE", default="filesystem")
if MEDIA_STORAGE == "s3":
    STORAGES["default"] = {
        "BACKEND": "core.files.storage.MediaS3Storage",
        "OPTIONS": {
            "bucket_name": env.str("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("AWS_S3_REGION_NAME", default="") or None,
            "access_key": env.str("AWS_ACCESS_KEY_ID", default="") or None,
            "secret_key": env.str("AWS_SECRET_ACCESS_KEY", default="") or None,
            "default_acl": None,  # private: files are served by the site, never by the bucket
            "file_overwrite": False,
            "querystring_auth": False,
        },
    }

SITE_NAME = "Territoire d'industrie Auxois Morvan"
ADMIN_URL = env.str("ADMIN_URL", default="admin/")
# Staff log in through the admin and land on its home page, whatever form they used (the
# password reset sends them back there too).
LOGIN_URL = "admin:login"
LOGIN_REDIRECT_URL = "admin:index"

# E-mail (password reset, alerts): printed on the console unless EMAIL_URL names a server, e.g.
# smtp+tls://user:password@smtp.example.org:587 (STARTTLS) or smtp+ssl://…:465 (implicit TLS).
# django-environ reads the address; Django 6.1 takes it as its default mailer.
_email = env.email_url_config(env.str("EMAIL_URL", default="") or "consolemail://")
_smtp_options = {
    "host": _email["EMAIL_HOST"],
    "port": _email["EMAIL_PORT"],  # None: 25, or 587 with STARTTLS, 465 with implicit TLS
    "username": _email["EMAIL_HOST_USER"] or "",
    "password": _email["EMAIL_HOST_PASSWORD"] or "",
    "use_tls": _email.get("EMAIL_USE_TLS", False),
    "use_ssl": _email.get("EMAIL_USE_SSL", False),
    "timeout": env.int("EMAIL_TIMEOUT", default=10),  # seconds: a dead server must not hang
}
MAILERS = {
    "default": {
        "BACKEND": _email["EMAIL_BACKEND"],
        "OPTIONS": _smtp_options if _email["EMAIL_HOST"] else {},
    }
}
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="ne-pas-repondre@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The site's public address, for the links of the e-mails the task worker sends (no request
# there to read it from): « https://example.fr », no trailing slash.
SITE_URL_GIVEN = bool(env.str("SITE_URL", default=""))  # `check --deploy` wants it given
SITE_URL = env.str("SITE_URL", default="").rstrip("/") or (
    "http://127.0.0.1:8000" if DEBUG else f"https://{ALLOWED_HOSTS[0]}"
)

# Background work (the e-mail alerts) goes through Django's task framework.
# "database": tasks wait in the database (django-tasks-db) for `manage.py db_worker`, which
# `make serve` starts beside Gunicorn, and may be scheduled (an alert leaves when its item
# goes live, a failed one is retried later). "immediate": run at once, inside the request
# (`make run`, the tests); scheduled work then waits for `manage.py send_due_alerts`.
TASKS_BACKEND = env.str("TASKS_BACKEND", default="immediate" if DEBUG else "database")
TASKS = {
    "default": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
            "immediate": "django.tasks.backends.immediate.ImmediateBackend",
        }[TASKS_BACKEND]
    }
}
# Seconds to wait before each new try of an alert the mail server refused or missed; after
# the last one the alert is marked failed (the admin shows it, and may send it again).
ALERTS_RETRY_DELAYS = env.list(
    "ALERTS_RETRY_DELAYS", cast=int, default=[60, 300, 1800, 3600, 3 * 3600, 6 * 3600, 24 * 3600]
)
PASSWORD_RESET_TIMEOUT = 60 * 60 * 2  # a reset link works for two hours (the e-mail says so)

# Security headers on every response; the CSP allows nothing but this origin.
# Pages that need a script or stylesheet tag of their own (the admin's editor) get a
# per-request nonce; nothing inline runs without it.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=60 * 60 * 8)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Admin login: locked for an hour after 5 failed attempts for a user name from an address.
# Attempts made while locked neither count nor push the end back, so the lock-out page can
# say when it ends. A new password (by e-mail or set by an administrator) unlocks at once.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "accounts.lockout.client_ip"
PROXY_COUNT = env.int("PROXY_COUNT", default=0)  # reverse proxies appending to X-Forwarded-For

if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}
