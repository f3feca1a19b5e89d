"""Editors' accounts in Chromium: a forgotten password replaced through the e-mailed link
(a real SMTP server receives it), and a lock-out lifted by an administrator."""

import re

import pytest

from tests.mailbox import LocalSMTPServer, reset_link

from .conftest import EDITOR_PASSWORD as PASSWORD
from .conftest import log_in
from .test_accessibility import run_axe


@pytest.fixture
def smtp(settings):
    server = LocalSMTPServer().start()
    settings.MAILERS = server.mailers()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def fast_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def submit(page, selector="input[type=submit]"):
    """Send the form and wait for the page it leads to."""
    with page.expect_navigation():
        page.locator(selector).first.click()


def test_an_editor_who_forgot_their_password_gets_a_new_one_by_email(
    site, page, smtp, make_editor, axe_source
):
    make_editor("claude")
    page.goto(site + "/admin/login/")
    with page.expect_navigation():
        page.get_by_role("link", name=re.compile("Mot de passe oublié")).click()
    assert run_axe(page, axe_source) == []
    page.fill("#id_email", "claude@example.org")
    submit(page)
    assert "Nous vous avons envoyé par courriel les instructions" in page.inner_text("main")

    page.goto(reset_link(smtp.wait_for(1)))
    page.fill("#id_new_password1", "Nouveau-Chemin-21")
    page.fill("#id_new_password2", "Nouveau-Chemin-21")
    submit(page)
    assert "Votre mot de passe a été défini" in page.inner_text("main")

    with page.expect_navigation():
        page.get_by_role("link", name="Connexion").click()
    page.fill("#id_username", "claude")
    page.fill("#id_password", "Nouveau-Chemin-21")
    submit(page, "#login-form input[type=submit]")
    assert page.url == site + "/admin/"
    assert "Tableau de bord" in page.inner_text("main")


def test_a_locked_out_editor_is_unlocked_by_an_administrator(
    site, browser, page, make_editor, admin_user, axe_source
):
    editor = make_editor("dominique")
    for attempt in range(1, 5):
        log_in(page, site, "dominique", "mauvais")
        message = page.inner_text("main")
        assert ("Attention" in message) == (attempt >= 3)
    assert "encore 1 tentative," in message

    log_in(page, site, "dominique", "mauvais")
    assert "Connexion temporairement bloquée" in page.inner_text("body")
    assert page.get_by_role("link", name=re.compile("Recevoir par courriel un lien")).count()
    assert run_axe(page, axe_source) == []
    log_in(page, site, "dominique", PASSWORD)
    assert "Connexion temporairement bloquée" in page.inner_text("body")

    administrator = browser.new_context(locale="fr-FR").new_page()
    log_in(administrator, site, "admin", "password")
    administrator.goto(f"{site}/admin/auth/user/{editor.pk}/password/")
    administrator.fill("#id_password1", "Reprise-en-main-42")
    administrator.fill("#id_password2", "Reprise-en-main-42")
    submit(administrator)
    assert "Mot de passe modifié avec succès" in administrator.inner_text("body")
    administrator.context.close()

    log_in(page, site, "dominique", "Reprise-en-main-42")
    assert page.url == site + "/admin/"
