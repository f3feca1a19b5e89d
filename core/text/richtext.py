"""Formatted text: what the editor offers and the allow-list that cleans what is stored.

The admin editor (django-prose-editor) offers exactly the extensions below, plus the site's
own ES module (static/admin-site/editor.js: paste clean-up, internal links, tables with a
header row). The same rules run here, on the server, whatever the way in (admin, import,
shell, fixtures), in three steps:

1. nh3 parses the HTML as a browser would and drops what can never be kept (scripts,
   comments, Word's conditional blocks, images, unknown tags), keeping class and style for
   what they say about lists and emphasis;
2. `core.text.office_html` gives it the site's structure (h1 → h2, h4–h6 → h3, typed bullets →
   lists, a header row for each table, Word's leftovers out) and, when saving,
   `core.text.internal_links` gives internal links their current address;
3. nh3 applies the allow-list: no scripts, event handlers, inline styles, classes or
   `javascript:` links. It is the last step both when text is saved and when it is shown.
"""

import nh3
from django.templatetags.static import static
from django.urls import reverse_lazy
from django.utils.text import Truncator
from django_prose_editor.fields import ProseEditorField
from django_prose_editor.widgets import AdminProseEditorWidget
from js_asset import Media

from core.text import internal_links, office_html

EDITOR_MODULE = "admin-site/editor.js"
EDITOR_STYLES = "admin-site/editor.css"

EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    # The extensions below come from EDITOR_MODULE: the editor's Link keeping `data-ref`,
    # its Table always inserted with a header row, and the paste clean-up and internal link
    # chooser.
    "SiteLink": {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]},
    "SiteTable": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "SiteEditor": {"linkSearchUrl": reverse_lazy("internal_link_search")},
}

EDITOR_HELP = (
    "Titres, listes, tableaux, liens (« Lien interne » pour une page du site), gras, italique, "
    "citations. Un texte collé depuis Word, LibreOffice ou Google Docs est remis en forme ; "
    "ses images ne sont pas reprises : ajoutez-les comme image de la fiche ou comme document."
)

URL_SCHEMES = {"http", "https", "mailto", "tel"}
ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "ul", "ol", "li", "a", "strong", "em", "blockquote", "abbr", "span",
    "table", "caption", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang", "data-ref"},
    "abbr": {"title"},
    "span": {"lang"},
    "th": {"colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}
HEADER_SCOPES = {"th": {"scope": {"col", "row"}}}

# Step 1: what a word processor's HTML says, minus what can never be kept.
_prepare = nh3.Cleaner(
    tags=ALLOWED_TAGS | {"h1", "h4", "h5", "h6", "b", "i", "u", "s", "strike"},
    clean_content_tags={"script", "style", "title", "xml", "template", "noscript"},
    attributes={"*": {"class", "style", "lang"}} | ALLOWED_ATTRIBUTES,
    tag_attribute_values=HEADER_SCOPES,
    url_schemes=URL_SCHEMES,
    link_rel=None,
).clean
# Step 3: the allow-list.
_allow = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    tag_attribute_values=HEADER_SCOPES,
    url_schemes=URL_SCHEMES,
    link_rel="noopener noreferrer",
).clean
# On the public site only: each table in a scrolling region the keyboard can reach.
_allow_on_page = nh3.Cleaner(
    tags=ALLOWED_TAGS | {"div"},
    attributes=ALLOWED_ATTRIBUTES | {"div": {"aria-label"}},
    tag_attribute_values=HEADER_SCOPES | {"div": {"role": {"region"}, "tabindex": {"0"}}},
    allowed_classes={"div": {"table-wrap"}},
    url_schemes=URL_SCHEMES,
    link_rel="noopener noreferrer",
).clean


def _structured(html, resolve_links=False):
    soup = office_html.parse(_prepare(html))
    office_html.normalise(soup)
    if resolve_links:
        internal_links.resolve(soup)
    return soup


def sanitize_html(html: str) -> str:
    """The text as it is stored: the site's structure, then the allow-list."""
    if not html:
        return ""
    return _allow(str(_structured(html))).strip()


def clean_for_storage(html: str) -> str:
    """As `sanitize_html`, with internal links given their objects' current addresses."""
    if not html:
        return ""
    return _allow(str(_structured(html, resolve_links="data-ref" in html))).strip()


def render_rich_text(html: str) -> str:
    """The text as a page shows it: the allow-list again (text may reach the database
    without a model's save: fixtures, raw SQL), and each table in a scrolling region named
    after it. The structure was fixed when the text was saved."""
    if not html:
        return ""
    allowed = _allow(html)
    if "<table" not in allowed:
        return allowed.strip()
    soup = office_html.parse(allowed)
    for table in soup.find_all("table"):
        region = soup.new_tag("div", attrs={"class": "table-wrap", "role": "region"})
        region["tabindex"] = "0"
        region["aria-label"] = _table_name(table)
        table.wrap(region)
    return _allow_on_page(str(soup)).strip()


def _table_name(table):
    """« Tableau : <caption> », or the column headers when there is no caption."""
    caption = table.find("caption")
    if caption is not None and caption.get_text(strip=True):
        name = caption.get_text(" ", strip=True)
    else:
        head = table.find("thead") or table
        name = ", ".join(
            cell.get_text(" ", strip=True) for cell in head.find_all("th") if cell.get_text()
        )
    name = Truncator(" ".join(name.split())).chars(120)
    return f"Tableau : {name}" if name else "Tableau"


class RichTextWidget(AdminProseEditorWidget):
    """The admin editor, with the site's extensions (a static ES module loaded by the
    editor's `js_modules`) and their styles."""

    @property
    def media(self):
        return super().media + Media(css={"all": [EDITOR_STYLES]})

    def get_config(self):
        config = super().get_config()
        return config | {"js_modules": [*config.get("js_modules", []), static(EDITOR_MODULE)]}


class RichTextField(ProseEditorField):
    """A text field edited with the WYSIWYG editor and cleaned by the allow-list."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("blank", True)
        kwargs.setdefault("help_text", "Titres, listes, liens, gras, italique, citations.")
        super().__init__(
            *args, extensions=dict(EDITOR_EXTENSIONS), sanitize=sanitize_html, **kwargs
        )

    def formfield(self, **kwargs):
        return super().formfield(**{"help_text": EDITOR_HELP} | kwargs | {"widget": RichTextWidget})


class RichTextSanitizingMixin:
    """Cleans every rich-text field on save, whatever the way in (admin, import, shell), and
    gives its internal links their current address."""

    def save(self, *args, **kwargs):
        for field in rich_text_fields(type(self)):
            setattr(self, field.attname, clean_for_storage(getattr(self, field.attname)))
        super().save(*args, **kwargs)


def rich_text_fields(model):
    return [field for field in model._meta.concrete_fields if isinstance(field, RichTextField)]
