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
