"""Subscribing to the alerts in a real browser: no axe-core violation on the form (empty
and with its errors), the « check your inbox » page, the confirmation page and its button,
the manage page (a topic added, one removed, all deleted); the visitor ends with no cookie.
The compact form on the content pages too."""

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
    assert page.get_by_role("heading", level=1).inner_text() == "Vos abonnements aux alertes"
    assert run_axe(page, axe_source) == []
    page.get_by_label("Ce que vous voulez suivre").select_option(label="Toutes les actualités")
    page.get_by_role("button", name="Ajouter ce sujet").click()
    assert "Abonnement ajouté" in page.get_by_role("status").inner_text()
    assert run_axe(page, axe_source) == []
    assert Subscription.objects.confirmed().count() == 2

    page.get_by_role("button", name="Ne plus suivre : Les réunions").click()
    assert "Vous ne suivez plus : Les réunions." in page.get_by_role("status").inner_text()
    assert run_axe(page, axe_source) == []
    assert list(Subscription.objects.values_list("kind", flat=True)) == ["news"]
    page.get_by_role("button", name="Annuler : suivre de nouveau").click()  # undone
    assert Subscription.objects.confirmed().count() == 2

    # Erasing everything asks for the box first (RGAA 11.12): without it, nothing happens.
    page.get_by_role("button", name="Supprimer toutes mes données").click()
    assert Subscription.objects.count() == 2
    page.get_by_label("Je confirme : effacer définitivement").check()
    page.get_by_role("button", name="Supprimer toutes mes données").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Données supprimées"
    assert run_axe(page, axe_source) == []
    assert not Subscription.objects.exists()
    assert context.cookies() == []


def test_follow_a_project_from_its_page_in_a_browser(site, page, context, axe_source):
    """The compact form on the content pages: no axe-core violation; a project page's form
    asks for that project; an error shows the full form with the project kept."""
    from projects.models import Project

    for url in ["/actualites/", "/gouvernance/", "/priorites/"]:
        page.goto(site + url)
        if url == "/priorites/":
            page.locator("main a[href^='/priorites/']").first.click()
        assert page.locator("form.follow").count() == 1, url
        assert run_axe(page, axe_source) == [], url

    project = Project.objects.published().order_by("title").first()
    page.goto(site + project.get_absolute_url())
    form = page.get_by_role("group", name="Suivre ce projet")
    assert run_axe(page, axe_source) == []
    form.get_by_label("Votre adresse électronique").fill("pas-une-adresse")
    form.get_by_role("button", name="M'abonner").click()
    assert "n'est pas valide" in page.get_by_role("alert").inner_text()
    chosen = page.get_by_label("Ce que vous voulez suivre")
    assert chosen.evaluate("select => select.selectedOptions[0].text") == project.title
    page.get_by_label("Votre adresse électronique").fill("voisin@example.fr")
    page.get_by_role("button", name="M'abonner").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Vérifiez votre messagerie"
    assert Subscription.objects.get().project == project
    assert context.cookies() == []
