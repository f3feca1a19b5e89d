import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from pages.cache import remember
from pages.dates import french_date
from pages.renditions import renditions
from pages.richtext import render_rich_text
from pages.uploads import file_size_label

register = template.Library()


@register.filter
def rich_text(value):
    """Editor-formatted HTML, cleaned by the allow-list before it reaches the page."""
    return mark_safe(render_rich_text(value or ""))  # noqa: S308 - sanitised just above


@register.filter
def file_size(value):
    """« 1,2 Mo », « 850 ko » (decimal units, French punctuation)."""
    return file_size_label(int(value or 0))


@register.inclusion_tag("includes/responsive_image.html")
def responsive_image(obj, sizes="(min-width: 48rem) 42rem, 100vw", css_class="article-image"):
    """The object's image as WebP renditions with srcset/sizes, never the original upload."""
    sources = renditions(obj.image, obj.image_width, obj.image_height)
    default = sources[min(1, len(sources) - 1)] if sources else None
    return {
        "sources": sources,
        "default": default,
        "alt": obj.image_alt_text,
        "sizes": sizes,
        "css_class": css_class,
    }


@register.simple_tag(takes_context=True)
def page_url(context, number):
    """The current address with `page` set to `number`, other parameters kept."""
    query = context["request"].GET.copy()
    query["page"] = number
    return "?" + query.urlencode()


_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def json_ld(data):
    """A JSON-LD data block; <, > and & escaped so no text can close the script tag."""
    text = json.dumps(data, ensure_ascii=False, cls=DjangoJSONEncoder).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


register.filter("french_date", french_date)


class RememberNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist, self.name, self.vary_on = nodelist, name, vary_on

    def render(self, context):
        key = ":".join([self.name, *(str(v.resolve(context)) for v in self.vary_on)])
        return remember(f"fragment:{key}", lambda: self.nodelist.render(context))


@register.tag("remember")
def do_remember(parser, token):
    """`{% remember "name" var… %}…{% endremember %}`: the enclosed HTML, rendered once per
    value of the variables and kept until content changes (see `pages.cache.remember`)."""
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError("{% remember %} needs a quoted fragment name.")
    nodelist = parser.parse(("endremember",))
    parser.delete_first_token()
    return RememberNode(nodelist, bits[1][1:-1], [parser.compile_filter(b) for b in bits[2:]])
