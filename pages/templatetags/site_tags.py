from django import template
from django.utils.safestring import mark_safe

from pages.richtext import sanitize_html

register = template.Library()


@register.filter
def rich_text(value):
    """Editor-formatted HTML, cleaned by the allow-list before it reaches the page."""
    return mark_safe(sanitize_html(value))  # noqa: S308 - sanitised just above
