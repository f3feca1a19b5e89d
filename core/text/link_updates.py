"""When a linked object's address changes or it is deleted, the texts linking to it follow.

Connected in `PagesConfig.ready` for every kind of object the internal link chooser offers.
The texts are found by their `data-ref` (a database `contains`, then parsed), rewritten
through the same cleaning as a save, and written with `update()`: no new version in their
history (nothing an editor wrote has changed) and no `updated_at` change.
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save, pre_save

from core.text.internal_links import link_models, ref_of
from core.text.richtext import RichTextSanitizingMixin, clean_for_storage, rich_text_fields


def _texts_with_rich_text():
    return [
        (model, rich_text_fields(model))
        for model in apps.get_models()
        if issubclass(model, RichTextSanitizingMixin)
    ]


def update_links_to(target):
    """Rewrite every stored text that links to `target` (its address or its absence)."""
    needle = f'data-ref="{ref_of(target)}"'
    for model, fields in _texts_with_rich_text():
        for field in fields:
            rows = model._default_manager.filter(**{f"{field.attname}__contains": needle})
            for pk, text in rows.values_list("pk", field.attname):
                cleaned = clean_for_storage(text)
                if cleaned != text:
                    model._default_manager.filter(pk=pk).update(**{field.attname: cleaned})


def _remember_address(sender, instance, raw=False, **kwargs):
    instance._address_before_save = None
    if raw or instance.pk is None:
        return
    before = sender._default_manager.filter(pk=instance.pk).first()
    if before is not None:
        instance._address_before_save = before.get_absolute_url()


def _follow_address(sender, instance, raw=False, **kwargs):
    before = getattr(instance, "_address_before_save", None)
    if not raw and before is not None and before != instance.get_absolute_url():
        update_links_to(instance)


def _drop_links(sender, instance, **kwargs):
    update_links_to(instance)


def connect_signals():
    for model in link_models():
        uid = f"internal-links-{model._meta.label_lower}"
        pre_save.connect(_remember_address, sender=model, dispatch_uid=f"{uid}-pre")
        post_save.connect(_follow_address, sender=model, dispatch_uid=f"{uid}-post")
        post_delete.connect(_drop_links, sender=model, dispatch_uid=f"{uid}-delete")
