"""The site search reads core.SearchEntry: the per-table search vectors go."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0006_drop_item_image_files"),
        ("pages", "0012_search_moves_to_core"),  # which drops the triggers first
    ]

    operations = [
        migrations.RemoveField(model_name="prioritylever", name="search_vector"),
        migrations.RemoveField(model_name="project", name="search_vector"),
        migrations.RemoveField(model_name="projectholder", name="search_vector"),
    ]
