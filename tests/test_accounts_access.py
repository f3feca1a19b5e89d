"""Group means access: joining « Rédacteur » or « Administrateur » lets a person into the
admin, leaving the last one takes it back (not from superusers, nor from a « statut
équipe » ticked by hand), and the login page says why it refuses a right password."""

from html import unescape

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from core.roles import ADMINISTRATOR, EDITOR

from .forms import form_data

pytestmark = pytest.mark.django_db

PASSWORD = "Un-mot-de-passe-solide-42"
NO_GROUP = "Ce compte ne donne pas accès à l'administration : il n'appartient ni au groupe"
INACTIVE = "Ce compte est désactivé."
WRONG = "Veuillez compléter correctement les champs"


@pytest.fixture(autouse=True)
def fast_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def person(django_user_model):
    """An account nobody has given any access yet."""
    return django_user_model.objects.create_user("camille", "camille@example.org", PASSWORD)


def group(name):
    return Group.objects.get(name=name)


def log_in(client, username="camille", password=PASSWORD):
    return client.post(reverse("admin:login"), {"username": username, "password": password})


def shown(response):
    return unescape(response.text)


def can_use_admin(client, username="camille"):
    response = log_in(client, username)
    client.logout()
    return response.status_code == 302


@pytest.mark.parametrize("role", [EDITOR, ADMINISTRATOR])
def test_joining_an_editing_group_is_enough_to_log_in(client, person, role):
    assert not can_use_admin(client)
    person.groups.add(group(role))
    assert can_use_admin(client)


def test_adding_members_from_the_group_side_works_too(client, person):
    group(EDITOR).user_set.add(person)
    assert can_use_admin(client)
    group(EDITOR).user_set.clear()
    assert not can_use_admin(client)


def test_leaving_the_last_editing_group_takes_access_back(client, person):
    person.groups.add(group(EDITOR), group(ADMINISTRATOR))
    person.groups.remove(group(ADMINISTRATOR))
    assert can_use_admin(client)  # still a Rédacteur
    person.groups.remove(group(EDITOR))
    assert not can_use_admin(client)
    person.groups.add(group(EDITOR))
    person.groups.clear()
    assert not can_use_admin(client)


def test_a_superuser_keeps_access_after_leaving_the_groups(client, django_user_model):
    boss = django_user_model.objects.create_user("direction", password=PASSWORD)
    boss.is_superuser = True  # a superuser whose « statut équipe » was never ticked
    boss.save()
    boss.groups.add(group(ADMINISTRATOR))
    boss.groups.remove(group(ADMINISTRATOR))
    assert can_use_admin(client, "direction")


def test_a_status_ticked_by_hand_is_kept_after_leaving_the_groups(client, person):
    person.is_staff = True
    person.save()
    person.groups.add(group(EDITOR))
    person.groups.remove(group(EDITOR))
    assert can_use_admin(client)


def change_user_in_admin(admin_client, user, **changes):
    url = reverse("admin:auth_user_change", args=[user.pk])
    page = admin_client.get(url)
    data = form_data(page.text, "user_form")
    data.pop("is_staff", None)  # unticked unless a change ticks it
    response = admin_client.post(url, data | changes)
    assert response.status_code == 302
    user.refresh_from_db()
    return page


def test_an_administrator_gives_access_by_choosing_a_group(client, admin_client, person):
    page = change_user_in_admin(admin_client, person, groups=[group(EDITOR).pk])
    assert "Cochée d'office pour les membres des groupes « Rédacteur » et « Administrateur »" in (
        shown(page)
    )
    assert "Être dans l'un de ces groupes suffit pour se connecter" in shown(page)
    assert person.is_staff
    assert can_use_admin(client)


def test_unticking_the_status_of_a_member_does_not_hold(client, admin_client, person):
    person.groups.add(group(EDITOR))
    change_user_in_admin(admin_client, person, groups=[group(EDITOR).pk])  # is_staff unticked
    assert person.is_staff
    change_user_in_admin(admin_client, person, groups=[])
    assert not person.is_staff


def test_the_login_page_says_why_it_refuses_a_right_password(client, person):
    assert NO_GROUP in shown(log_in(client))
    assert f"« {EDITOR} » ni au groupe « {ADMINISTRATOR} »" in shown(log_in(client))

    person.groups.add(group(EDITOR))
    person.is_active = False
    person.save()
    assert INACTIVE in shown(log_in(client))


@pytest.mark.parametrize("who", ["unknown", "inactive", "no_editing_group"])
def test_a_wrong_password_reveals_nothing_about_the_account(client, person, who):
    if who == "inactive":
        person.is_active = False
        person.save()
    username = "personne-inconnue" if who == "unknown" else "camille"
    page = shown(log_in(client, username, "mauvais"))
    assert WRONG in page
    assert NO_GROUP not in page and INACTIVE not in page


def test_a_deactivated_member_loses_their_open_session(client, person):
    person.groups.add(group(EDITOR))
    log_in(client)
    assert client.get(reverse("admin:index")).status_code == 200
    person.is_active = False
    person.save()
    assert client.get(reverse("admin:index")).status_code == 302  # back to the login page
