"""Documents (files attached to any item) move from the pages app to core.

Only Django's idea of where the model lives changes: the table stays `pages_document`, with
its rows and index. The content type follows, so permissions and groups keep their rights."""

import django.db.models.deletion
from django.db import migrations, models


def move_content_type(apps, schema_editor, old="pages", new="core"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label=new, model="document").exists():
        ContentType.objects.filter(app_label=old, model="document").update(app_label=new)


def move_content_type_back(apps, schema_editor):
    move_content_type(apps, schema_editor, old="core", new="pages")


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0002_search_index"),
        ("pages", "0013_web_address_label"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Document",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("title", models.CharField(max_length=200, verbose_name="titre")),
                        ("kind", models.CharField(choices=[("agenda", "Ordre du jour"), ("minutes", "Compte rendu"), ("presentation", "Présentation"), ("other", "Autre document")], default="other", max_length=20, verbose_name="type")),
                        ("file", models.FileField(help_text="PDF ou bureautique (OpenDocument, Word, Excel, PowerPoint), 20 Mo au plus.", max_length=200, upload_to="documents/", verbose_name="fichier")),
                        ("file_size", models.PositiveBigIntegerField(default=0, editable=False, verbose_name="taille (octets)")),
                        ("object_id", models.PositiveBigIntegerField()),
                        ("order", models.PositiveSmallIntegerField(default=0, verbose_name="ordre")),
                        ("content_type", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="contenttypes.contenttype")),
                    ],
                    options={
                        "verbose_name": "document",
                        "verbose_name_plural": "documents",
                        "db_table": "pages_document",
                        "ordering": ["order", "title"],
                        "indexes": [models.Index(fields=["content_type", "object_id"], name="pages_docum_content_2f9801_idx")],
                    },
                ),
            ],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]  # fmt: skip
