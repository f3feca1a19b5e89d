import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads and renditions go to a temporary folder, never into the repository."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache."""
    from django.core.cache import cache

    from core.cache import forget_local_copies

    cache.clear()
    forget_local_copies()
    yield
    cache.clear()
    forget_local_copies()


@pytest.fixture
def seeded(db):
    """The 2019 content, loaded exactly as `make run` loads it."""
    call_command("load_initial_data", verbosity=0)


@pytest.fixture
def editor(db, django_user_model):
    """A member of the « Rédacteur » group created by the data migration."""
    user = django_user_model.objects.create_user(
        "redactrice", "redactrice@example.org", "mot-de-passe-solide-42", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Rédacteur"))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def staff_client(admin_client):
    return admin_client
