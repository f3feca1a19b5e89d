"""Who to contact: the contact of the site identity in every footer, once filled."""

import re

import pytest
from django.core.exceptions import ValidationError

from pages.models import SiteIdentity

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


def test_contact_fields_are_in_the_admin_in_french(admin_client):
    page = admin_client.get("/admin/pages/siteidentity/add/").content.decode()
    for label in ["Service ou personne à contacter", "Téléphone de contact", "Adresse postale"]:
        assert label in page
    assert "Affiché en pied de chaque page" in page
