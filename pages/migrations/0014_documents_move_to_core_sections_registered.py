"""Documents now belong to core (see core/0003: the table stays); the sections a page may
introduce are registered by the apps (core.site), so the field no longer lists them."""

from django.db import migrations, models

SECTION = models.CharField(
    blank=True,
    help_text="Si renseigné, le texte s'affiche en tête de cette rubrique.",
    max_length=20,
    verbose_name="introduction de la rubrique",
)


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0013_web_address_label"),
        ("core", "0003_documents_move_here"),
    ]

    operations = [
        migrations.AlterField(model_name="historicalpage", name="section", field=SECTION),
        migrations.AlterField(model_name="page", name="section", field=SECTION),
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Document")]
        ),
    ]
