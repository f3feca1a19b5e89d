"""Items point at library images (step 3 of 3): the item's own file columns go."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("projects", "0005_images_into_library")]

    operations = [
        migrations.RemoveField(model_name="project", name="image"),
        migrations.RemoveField(model_name="project", name="image_alt"),
        migrations.RemoveField(model_name="project", name="image_decorative"),
        migrations.RemoveField(model_name="project", name="image_width"),
        migrations.RemoveField(model_name="project", name="image_height"),
        migrations.RenameField(model_name="project", old_name="picture", new_name="image"),
        migrations.RemoveField(model_name="historicalproject", name="image"),
        migrations.RemoveField(model_name="historicalproject", name="image_alt"),
        migrations.RemoveField(model_name="historicalproject", name="image_decorative"),
        migrations.RemoveField(model_name="historicalproject", name="image_width"),
        migrations.RemoveField(model_name="historicalproject", name="image_height"),
        migrations.RenameField(
            model_name="historicalproject", old_name="picture", new_name="image"
        ),
        migrations.RemoveField(model_name="projectholder", name="image"),
        migrations.RemoveField(model_name="projectholder", name="image_alt"),
        migrations.RemoveField(model_name="projectholder", name="image_decorative"),
        migrations.RemoveField(model_name="projectholder", name="image_width"),
        migrations.RemoveField(model_name="projectholder", name="image_height"),
        migrations.RenameField(model_name="projectholder", old_name="picture", new_name="image"),
        migrations.RemoveField(model_name="historicalprojectholder", name="image"),
        migrations.RemoveField(model_name="historicalprojectholder", name="image_alt"),
        migrations.RemoveField(model_name="historicalprojectholder", name="image_decorative"),
        migrations.RemoveField(model_name="historicalprojectholder", name="image_width"),
        migrations.RemoveField(model_name="historicalprojectholder", name="image_height"),
        migrations.RenameField(
            model_name="historicalprojectholder", old_name="picture", new_name="image"
        ),
    ]
