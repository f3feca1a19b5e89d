"""Subscribing to the alerts in a real browser: no axe-core violation on the form (empty
and with its errors), the « check your inbox » page, the confirmation page and its button,
the manage page; the visitor ends with no cookie; the button unsubscribes."""

import re

from django.core import mail

from alerts.models import Subscription

from .test_accessibility import run_axe

LINK = re.compile(r"https?://\S+/s-abonner/alertes/(confirmer|gerer)/[^/\s]+/")


def test_subscribe_confirm_and_unsubscribe_in_a_browser(site, page, context, axe_source):
    page.goto(site + "/s-abonner/alertes/")
    assert run_axe(page, axe_source) == []

    page.get_by_label("Votre adresse électronique").fill("pas-une-adresse")
    page.get_by_role("button", name="M'abonner").click()
    assert page.get_by_role("alert").is_visible()
    assert "n'est pas valide" in page.get_by_role("alert").inner_text()
    assert run_axe(page, axe_source) == []
    assert not Subscription.objects.exists()

    page.get_by_label("Votre adresse électronique").fill("habitante@example.fr")
    page.get_by_label("Ce que vous voulez suivre").select_option(label="Les réunions")
    page.get_by_role("button", name="M'abonner").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Vérifiez votre messagerie"
    assert run_axe(page, axe_source) == []

    links = {kind: m.group(0) for m in LINK.finditer(mail.outbox[0].body) for kind in [m.group(1)]}
    page.goto(links["confirmer"])  # opening the link (a mail scanner does) confirms nothing
    assert page.get_by_role("heading", level=1).inner_text() == "Confirmer votre abonnement"
    assert run_axe(page, axe_source) == []
    assert not Subscription.objects.confirmed().exists()
    page.get_by_role("button", name="Confirmer mon abonnement").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Abonnement confirmé"
    assert run_axe(page, axe_source) == []
    assert Subscription.objects.confirmed().count() == 1

    page.goto(links["gerer"])
    assert run_axe(page, axe_source) == []
    page.get_by_role("button", name="Me désabonner").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Désabonnement effectué"
    assert not Subscription.objects.exists()
    assert context.cookies() == []
