"""Items point at library images (step 1 of 3: the new column)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_image_library"),
        ("projects", "0003_prioritylever_search_vector_project_search_vector_and_more"),
    ]

    operations = [
        migrations.AddField(
            model_name="project",
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
            model_name="historicalproject",
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
            model_name="projectholder",
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
            model_name="historicalprojectholder",
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
