"""Items point at library images (step 1 of 3: the new column)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_image_library"),
        ("pages", "0008_search_vector_triggers"),
    ]

    operations = [
        migrations.AddField(
            model_name="document",
            name="kind",
            field=models.CharField(
                choices=[
                    ("agenda", "Ordre du jour"),
                    ("minutes", "Compte rendu"),
                    ("presentation", "Présentation"),
                    ("other", "Autre document"),
                ],
                default="other",
                max_length=20,
                verbose_name="type",
            ),
        ),
        migrations.AlterField(
            model_name="document",
            name="file",
            field=models.FileField(
                help_text="PDF ou bureautique (OpenDocument, Word, Excel, PowerPoint), 20 Mo au plus.",
                max_length=200,
                upload_to="documents/",
                verbose_name="fichier",
            ),
        ),
        migrations.AddField(
            model_name="page",
            name="picture",
            field=models.ForeignKey(
                blank=True,
                help_text="Tapez pour chercher dans la médiathèque, ou ajoutez une image avec « + ».",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                to="core.image",
                verbose_name="image",
            ),
        ),
        migrations.AddField(
            model_name="historicalpage",
            name="picture",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="Tapez pour chercher dans la médiathèque, ou ajoutez une image avec « + ».",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="core.image",
                verbose_name="image",
            ),
        ),
        migrations.AddField(
            model_name="newsarticle",
            name="picture",
            field=models.ForeignKey(
                blank=True,
                help_text="Tapez pour chercher dans la médiathèque, ou ajoutez une image avec « + ».",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                to="core.image",
                verbose_name="image",
            ),
        ),
        migrations.AddField(
            model_name="historicalnewsarticle",
            name="picture",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="Tapez pour chercher dans la médiathèque, ou ajoutez une image avec « + ».",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="core.image",
                verbose_name="image",
            ),
        ),
    ]
