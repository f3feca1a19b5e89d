"""Items point at library images (step 2 of 3): each image an item or one of its versions
had becomes a library image, with its text alternative; restoring an old version still brings
back its picture. Self-contained: migrations import no live code."""

from pathlib import Path

from django.core.files.storage import default_storage
from django.db import migrations

MODELS = ("page", "newsarticle")


def move_images(apps, schema_editor):
    Image = apps.get_model("core", "Image")
    library = {}

    def library_image(row):
        path = row["image"]
        if not default_storage.exists(path):
            return None  # a file already gone does not become a broken library entry
        if path not in library:
            library[path] = Image.objects.filter(file=path).first() or Image.objects.create(
                file=path,
                width=row.get("image_width"),
                height=row.get("image_height"),
                alt=row["image_alt"] or "",
                decorative=bool(row["image_decorative"]),
                title=Path(path).stem.replace("_", " ").replace("-", " ")[:200],
            )
        return library[path]

    for name in MODELS:
        for model in (apps.get_model("pages", name), apps.get_model("pages", f"historical{name}")):
            # Plain values, not model instances: an instance would open each file.
            key = model._meta.pk.attname  # history_id for the versions
            rows = model.objects.exclude(image="").exclude(image__isnull=True).values()
            for row in rows:
                if image := library_image(row):
                    model.objects.filter(pk=row[key]).update(picture=image)


def move_back(apps, schema_editor):
    for name in MODELS:
        for model in (apps.get_model("pages", name), apps.get_model("pages", f"historical{name}")):
            for row in model.objects.exclude(picture=None).select_related("picture"):
                image = row.picture
                row.image, row.image_alt = image.file.name, image.alt
                row.image_decorative = image.decorative
                row.image_width, row.image_height = image.width, image.height
                row.save(
                    update_fields=[
                        "image",
                        "image_alt",
                        "image_decorative",
                        "image_width",
                        "image_height",
                    ]
                )


class Migration(migrations.Migration):
    dependencies = [("pages", "0009_image_library_fields")]

    operations = [migrations.RunPython(move_images, move_back)]
