"""E-mail settings read from the environment: the console in development, the SMTP server
named by EMAIL_URL in production, and no production check passes without one."""

import json
import os
import subprocess
import sys

from .test_security import ROOT, production_env

SHOW_MAILER = (
    "import json; from django.conf import settings as s;"
    "print(json.dumps([s.MAILERS['default'], s.DEFAULT_FROM_EMAIL]))"
)


def settings_with(**variables):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("EMAIL_", "DEFAULT_FROM"))}
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", SHOW_MAILER],
        cwd=ROOT,
        env=env | variables,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_development_prints_e_mails_on_the_console():
    mailer, sender = settings_with()
    assert mailer == {"BACKEND": "django.core.mail.backends.console.EmailBackend", "OPTIONS": {}}
    assert sender == "ne-pas-repondre@localhost"


def test_email_url_names_the_smtp_server():
    mailer, sender = settings_with(
        EMAIL_URL="smtp+tls://equipe:mot%40passe@smtp.example.org:587",
        EMAIL_TIMEOUT="7",
        DEFAULT_FROM_EMAIL="territoire@example.org",
    )
    assert mailer["BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert mailer["OPTIONS"] == {
        "host": "smtp.example.org",
        "port": 587,
        "username": "equipe",
        "password": "mot@passe",
        "use_tls": True,
        "use_ssl": False,
        "timeout": 7,
    }
    assert sender == "territoire@example.org"


def test_production_without_a_mail_server_fails_the_deploy_check():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env=production_env(EMAIL_URL=""),
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "mail.E001" in result.stderr
