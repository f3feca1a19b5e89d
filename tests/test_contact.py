"""Who to contact: the contact in every footer, and the « Participer / porter un projet »
page the team can write and put in the menu."""

import re

import pytest
from django.core.exceptions import ValidationError

from pages.models import MenuItem, PageKind, SiteIdentity

from . import builders
from .crawl import page_text

pytestmark = pytest.mark.django_db


def footer_of(response):
    return response.content.decode().split("<footer", 1)[1]


def fill_contact(**fields):
    identity = SiteIdentity.load()
    values = {
        "contact_name": "Chargée de mission Territoire d'industrie",
        "contact_address": "1 rue de l'Exemple\n21500 Montbard",
        "contact_phone": "03 80 00 00 00",
        "contact_email": "contact@example.org",
    } | fields
    for name, value in values.items():
        setattr(identity, name, value)
    identity.full_clean()
    identity.save()
    return identity


# Contact ---------------------------------------------------------------------------------


def test_no_contact_block_while_nothing_is_filled(seeded, client):
    footer = footer_of(client.get("/"))
    assert "<address" not in footer
    assert "Contact" not in page_text(footer)


def test_contact_is_in_every_page_footer_once_filled(seeded, client):
    client.get("/")  # the footer fragment and the page are now cached
    fill_contact()
    for url in ["/", "/projets/", "/actualites/", "/gouvernance/", "/mentions-legales/"]:
        footer = footer_of(client.get(url))
        address = re.search(r'<address class="contact">(.*?)</address>', footer, re.S)
        assert address, url
        block = address.group(1)
        assert '<a href="tel:+33380000000">03 80 00 00 00</a>' in block
        assert '<a href="mailto:contact@example.org">contact@example.org</a>' in block
        assert "1 rue de l&#x27;Exemple<br>21500 Montbard" in block
        assert "Chargée de mission" in block


def test_a_partly_filled_contact_shows_only_what_is_filled(client):
    fill_contact(contact_name="", contact_address="", contact_phone="")
    footer = footer_of(client.get("/"))
    assert "mailto:contact@example.org" in footer
    assert "tel:" not in footer and "Téléphone" not in footer


def test_phone_numbers_are_checked_and_linked():
    identity = SiteIdentity.load()
    identity.contact_phone = "appelez-nous"
    with pytest.raises(ValidationError) as error:
        identity.full_clean()
    assert "Un numéro de téléphone" in str(error.value)
    identity.contact_phone = "+33 3 80 00 00 00"
    assert identity.contact_phone_uri == "tel:+33380000000"
    identity.contact_phone = "03.80.00.00.00"
    assert identity.contact_phone_uri == "tel:+33380000000"
    identity.contact_phone = "+33 (0)3 80 00 00 00"  # the 0 in brackets is not dialled
    assert identity.contact_phone_uri == "tel:+33380000000"


def test_contact_fields_are_in_the_admin_in_french(admin_client):
    page = admin_client.get("/admin/pages/siteidentity/add/").content.decode()
    for label in ["Service ou personne à contacter", "Téléphone de contact", "Adresse postale"]:
        assert label in page
    assert "Affiché en pied de chaque page" in page


# « Participer / porter un projet » ----------------------------------------------------------


def participate_page():
    return builders.page(
        slug="participer",
        title="Participer / porter un projet",
        kind=PageKind.PARTICIPATE,
        body="<p>Texte rédigé par l'équipe.</p>",
    )


def test_participate_page_shows_its_text_the_contact_and_a_call_to_action(client):
    fill_contact()
    response = client.get(participate_page().get_absolute_url())
    assert response.status_code == 200
    assert "pages/page_participate.html" in [t.name for t in response.templates]
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    text = page_text(main)
    assert "Texte rédigé par l'équipe." in text
    assert "Contacter l'équipe du Territoire d'industrie" in text
    button = '<a class="button" href="mailto:contact@example.org">'
    assert button + "Écrire à l'équipe</a>" in main
    assert 'href="tel:+33380000000"' in main
    assert 'href="/s-abonner/"' in main


def test_participate_page_without_contact_says_so_and_invents_nothing(client):
    text = page_text(client.get(participate_page().get_absolute_url()).content.decode())
    assert "Les coordonnées de l'équipe ne sont pas encore publiées sur ce site." in text
    assert "mailto:" not in text


def test_a_standard_page_has_no_call_to_action(client):
    fill_contact()
    page = builders.page(slug="simple", body="<p>Texte.</p>")
    assert "Contacter l'équipe" not in page_text(client.get(page.get_absolute_url()).text)


def test_participate_page_can_be_put_in_the_menu(client):
    page = participate_page()
    MenuItem.objects.create(label="Participer", page=page, order=99)
    nav = client.get("/").content.decode().split('aria-label="Menu principal"', 1)[1]
    nav = nav.split("</nav>", 1)[0]
    assert '<a href="/participer/"' in nav and "Participer</a>" in nav


def test_editor_chooses_the_page_type_in_the_admin(editor_client):
    form = editor_client.get("/admin/pages/page/add/").content.decode()
    assert "Type de page" in form
    assert '<option value="participate">Participer / porter un projet</option>' in form
    assert "Pour la mettre dans le menu" in form


def test_no_participate_page_in_the_fixtures(seeded):
    from pages.models import Page

    assert not Page.objects.filter(kind=PageKind.PARTICIPATE).exists()
    assert not SiteIdentity.load().has_contact


def test_dashboard_flags_a_published_participate_page_without_contact(editor_client):
    def panel():
        html = editor_client.get("/admin/").text
        start = html.find('id="a-completer"')
        return "" if start < 0 else page_text(html[start : html.index("</section>", start)])

    assert "aucune coordonnée de contact" not in panel()
    participate_page()
    assert (
        "La page « Participer / porter un projet » est publiée, mais aucune coordonnée de "
        "contact n'est renseignée" in panel()
    )
    fill_contact()
    assert "aucune coordonnée de contact" not in panel()
