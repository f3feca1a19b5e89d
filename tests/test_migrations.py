"""Data migrations, run both ways on a real database with content."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from . import media_files

BEFORE_LIBRARY = [
    ("pages", "0008_search_vector_triggers"),
    ("projects", "0003_prioritylever_search_vector_project_search_vector_and_more"),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_images_of_items_and_of_their_versions_move_into_the_library():
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    old = migrate(BEFORE_LIBRARY)
    photo = default_storage.save("images/2025/03/usine.jpg", ContentFile(
        media_files.photo(800, 600).read()))  # fmt: skip
    News = old.get_model("pages", "NewsArticle")
    news = News.objects.create(
        title="Visite", slug="visite", image=photo, image_width=800, image_height=600,
        image_alt="L'usine", status="published",
    )  # fmt: skip
    old.get_model("pages", "HistoricalNewsArticle").objects.create(
        id=news.pk, title="Visite", slug="visite", image=photo, image_alt="L'usine",
        image_decorative=False, status="published", published_at=news.published_at,
        history_date=news.published_at, history_type="+",
    )  # fmt: skip
    gone = old.get_model("projects", "Project").objects.create(
        title="Sans fichier", slug="sans-fichier", image="images/2024/01/efface.jpg",
        image_alt="Effacée", image_width=10, image_height=10,
    )  # fmt: skip

    new = migrate(latest)

    Image = new.get_model("core", "Image")
    image = Image.objects.get()
    assert (image.file.name, image.alt, image.width, image.height) == (photo, "L'usine", 800, 600)
    assert new.get_model("pages", "NewsArticle").objects.get(pk=news.pk).image_id == image.pk
    versions = new.get_model("pages", "HistoricalNewsArticle").objects.all()
    assert [v.image_id for v in versions] == [image.pk]
    # A file already gone from the disk does not become a broken library entry.
    assert new.get_model("projects", "Project").objects.get(pk=gone.pk).image_id is None

    back = migrate(BEFORE_LIBRARY)  # and back again: the item's own columns are refilled
    restored = back.get_model("pages", "NewsArticle").objects.get(pk=news.pk)
    assert (restored.image, restored.image_alt) == (photo, "L'usine")
    migrate(latest)


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_documents_move_to_core_with_their_rows_and_rights():
    """The table stays, its rows and the content type follow: permissions given on
    « document » to a group are still there."""
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    old = migrate([("pages", "0013_web_address_label"), ("core", "0002_search_index")])
    ContentType = old.get_model("contenttypes", "ContentType")
    Permission = old.get_model("auth", "Permission")
    page_type = ContentType.objects.get_or_create(app_label="pages", model="page")[0]
    document_type = ContentType.objects.get_or_create(app_label="pages", model="document")[0]
    delete = Permission.objects.get_or_create(
        content_type=document_type, codename="delete_document",
        defaults={"name": "Can delete document"},
    )[0]  # fmt: skip
    group = old.get_model("auth", "Group").objects.create(name="Essai déplacement")
    group.permissions.add(delete)
    page = old.get_model("pages", "Page").objects.create(title="Compte rendu", slug="cr")
    old.get_model("pages", "Document").objects.create(
        title="Compte rendu du 25 janvier 2019", file="documents/abc/cr.pdf", file_size=10,
        content_type=page_type, object_id=page.pk,
    )  # fmt: skip

    new = migrate(latest)

    document = new.get_model("core", "Document").objects.get()
    assert (document.title, document.file.name, document.object_id) == (
        "Compte rendu du 25 janvier 2019", "documents/abc/cr.pdf", page.pk,
    )  # fmt: skip
    moved = new.get_model("auth", "Group").objects.get(name="Essai déplacement")
    assert [(p.content_type.app_label, p.codename) for p in moved.permissions.all()] == [
        ("core", "delete_document")
    ]
    back = migrate([("pages", "0013_web_address_label"), ("core", "0002_search_index")])
    assert back.get_model("pages", "Document").objects.count() == 1
    migrate(latest)
