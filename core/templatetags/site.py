import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from core import site
from core.dates import french_date
from core.files.renditions import renditions
from core.files.uploads import file_size_label
from core.money import euros
from core.text.richtext import render_rich_text

register = template.Library()


@register.filter
def rich_text(value):
    """Editor-formatted HTML, cleaned by the allow-list before it reaches the page."""
    return mark_safe(render_rich_text(value or ""))  # noqa: S308 - sanitised just above


@register.filter
def file_size(value):
    """« 1,2 Mo », « 850 ko » (decimal units, French punctuation)."""
    return file_size_label(int(value or 0))


@register.filter
def french_number(value):
    """« 12 345 »: thousands set apart by a non-breaking space, as in French (and as
    Django's French formats do), so that a number never breaks across two lines."""
    if value is None or value == "":
        return ""
    return f"{int(value):,}".replace(",", "\xa0")


@register.inclusion_tag("includes/responsive_image.html")
def responsive_image(image, sizes="(min-width: 48rem) 42rem, 100vw", css_class="article-image"):
    """A library image as WebP renditions with srcset/sizes (never the original upload),
    with its credit when there is one."""
    sources = renditions(image)
    default = sources[min(1, len(sources) - 1)] if sources else None
    return {
        "sources": sources,
        "default": default,
        "alt": image.alt_text if image else "",
        "credit": image.credit if image else "",
        "sizes": sizes,
        "css_class": css_class,
    }


@register.simple_tag(takes_context=True)
def page_url(context, number):
    """The current address with `page` set to `number`, the page's other parameters kept
    (only those it reads: see `core.cache.reduced_query`)."""
    query = context["request"].GET.copy()
    query["page"] = number
    return "?" + query.urlencode()


_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def french_plural(count, suffix="s"):
    """The plural mark in French: none for 0 and 1 (« 0 critère », « 2 critères »)."""
    try:
        return suffix if abs(int(count)) >= 2 else ""
    except (TypeError, ValueError):
        return ""


@register.filter
def json_ld(data):
    """A JSON-LD data block; <, > and & escaped so no text can close the script tag."""
    text = json.dumps(data, ensure_ascii=False, cls=DjangoJSONEncoder).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


@register.simple_tag(takes_context=True)
def detail_parts(context, obj):
    """What other apps add to this object's page (`core.site.add_detail_part`), in order."""
    parts = site.detail_parts.get(obj._meta.label, [])
    request = context.get("request")
    return mark_safe(  # noqa: S308 - rendered templates, escaped by the template engine
        "".join(render_to_string(p.template, p.context(obj), request) for p in parts)
    )


@register.simple_tag(takes_context=True)
def section_parts(context, section_key):
    """What other apps add to a section's page (`core.site.add_section_part`), in order."""
    parts = site.section_parts.get(section_key, [])
    request = context.get("request")
    return mark_safe(  # noqa: S308 - rendered templates, escaped by the template engine
        "".join(render_to_string(p.template, p.context(), request) for p in parts)
    )


register.filter("french_date", french_date)
register.filter("euros", euros)
