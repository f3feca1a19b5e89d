"""Tags of the pages app: `{% section_intro "projects" %}` shows the editable page that
introduces a section of the site (see `core.site.sections`)."""

from django import template

from core.cache import cached

from ..models import Page

register = template.Library()


@register.inclusion_tag("pages/parts/intro.html")
def section_intro(section):
    """The published introduction of a section, kept until content changes."""
    return {"intro": cached(f"intro:{section}", lambda: Page.objects.for_section(section))}
