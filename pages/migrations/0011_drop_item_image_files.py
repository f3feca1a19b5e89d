"""Items point at library images (step 3 of 3): the item's own file columns go."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("pages", "0010_images_into_library")]

    operations = [
        migrations.RemoveField(model_name="page", name="image"),
        migrations.RemoveField(model_name="page", name="image_alt"),
        migrations.RemoveField(model_name="page", name="image_decorative"),
        migrations.RemoveField(model_name="page", name="image_width"),
        migrations.RemoveField(model_name="page", name="image_height"),
        migrations.RenameField(model_name="page", old_name="picture", new_name="image"),
        migrations.RemoveField(model_name="historicalpage", name="image"),
        migrations.RemoveField(model_name="historicalpage", name="image_alt"),
        migrations.RemoveField(model_name="historicalpage", name="image_decorative"),
        migrations.RemoveField(model_name="historicalpage", name="image_width"),
        migrations.RemoveField(model_name="historicalpage", name="image_height"),
        migrations.RenameField(model_name="historicalpage", old_name="picture", new_name="image"),
        migrations.RemoveField(model_name="newsarticle", name="image"),
        migrations.RemoveField(model_name="newsarticle", name="image_alt"),
        migrations.RemoveField(model_name="newsarticle", name="image_decorative"),
        migrations.RemoveField(model_name="newsarticle", name="image_width"),
        migrations.RemoveField(model_name="newsarticle", name="image_height"),
        migrations.RenameField(model_name="newsarticle", old_name="picture", new_name="image"),
        migrations.RemoveField(model_name="historicalnewsarticle", name="image"),
        migrations.RemoveField(model_name="historicalnewsarticle", name="image_alt"),
        migrations.RemoveField(model_name="historicalnewsarticle", name="image_decorative"),
        migrations.RemoveField(model_name="historicalnewsarticle", name="image_width"),
        migrations.RemoveField(model_name="historicalnewsarticle", name="image_height"),
        migrations.RenameField(
            model_name="historicalnewsarticle", old_name="picture", new_name="image"
        ),
    ]
