"""The site search reads core.SearchEntry: the per-table search vector goes."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0004_meeting_times_and_address"),
        ("pages", "0012_search_moves_to_core"),  # which drops the trigger first
    ]

    operations = [migrations.RemoveField(model_name="timelineevent", name="search_vector")]
