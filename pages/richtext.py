"""Formatted text: what the editor offers and the allow-list that cleans what is stored.

The admin editor (django-prose-editor) offers exactly the extensions below; the same
allow-list (nh3) cleans the HTML when it is saved and again when it is rendered, so text that
reached the database another way (fixtures, imports, the shell) is safe too: no scripts, no
event handlers, no inline styles, no `javascript:` links.
"""

import nh3
from django_prose_editor.fields import ProseEditorField

EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]},
}

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "ul", "ol", "li", "a", "strong", "em", "blockquote", "abbr", "span",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "hreflang"}, "abbr": {"title"}, "span": {"lang"}}


def sanitize_html(html: str) -> str:
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer",
    )


class RichTextField(ProseEditorField):
    """A text field edited with the WYSIWYG editor and cleaned by the allow-list."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("blank", True)
        kwargs.setdefault("help_text", "Titres, listes, liens, gras, italique, citations.")
        super().__init__(*args, extensions=dict(EDITOR_EXTENSIONS), sanitize=_clean, **kwargs)


def _clean(html):
    """The editor's empty document (« <p></p> ») is stored as an empty string."""
    cleaned = sanitize_html(html).strip()
    return "" if cleaned in ("<p></p>", "<p><br></p>") else cleaned


class RichTextSanitizingMixin:
    """Cleans every rich-text field on save, whatever the way in (admin, import, shell)."""

    def save(self, *args, **kwargs):
        for field in self._meta.concrete_fields:
            if isinstance(field, RichTextField):
                setattr(self, field.attname, sanitize_html(getattr(self, field.attname)))
        super().save(*args, **kwargs)
