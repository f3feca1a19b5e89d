"""The pages added for contact, following and acronyms, in a real browser: no axe-core
violation, and the glossary's <abbr> and the footer's contact as a visitor meets them."""

import pytest

from pages.models import PageKind, SiteIdentity

from .. import builders
from .test_accessibility import run_axe


@pytest.fixture
def contact():
    identity = SiteIdentity.load()
    identity.contact_name = "Chargée de mission Territoire d'industrie"
    identity.contact_address = "1 rue de l'Exemple\n21500 Montbard"
    identity.contact_phone = "03 80 00 00 00"
    identity.contact_email = "contact@example.org"
    identity.save()
    return identity


@pytest.mark.parametrize("url", ["/glossaire/", "/s-abonner/", "/groupe-emploi-formation/"])
def test_new_pages_have_no_axe_violation(site, page, axe_source, url):
    page.goto(site + url)
    assert run_axe(page, axe_source) == []


def test_participate_page_and_footer_contact_have_no_axe_violation(site, page, axe_source, contact):
    builders.page(
        slug="participer",
        title="Participer / porter un projet",
        kind=PageKind.PARTICIPATE,
        body="<p>Texte de l'équipe.</p>",
    )
    page.goto(site + "/participer/")
    assert run_axe(page, axe_source) == []
    assert page.get_by_role("link", name="Écrire à l'équipe").get_attribute("href") == (
        "mailto:contact@example.org"
    )
    footer_phone = page.locator("footer address a[href^='tel:']")
    assert footer_phone.inner_text() == "03 80 00 00 00"


def test_the_first_acronym_of_a_page_tells_its_meaning(site, page):
    page.goto(site + "/groupe-emploi-formation/")
    uimm = page.locator("main abbr", has_text="UIMM")
    assert uimm.count() == 1
    assert uimm.get_attribute("title") == "Union des industries et métiers de la métallurgie"
