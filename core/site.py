"""What each content app adds to the pages that show all content.

Shared code never imports a content app. Each app says what it contributes in its own
`site.py`, called from its `AppConfig.ready()`; the home page, the site map, the sitemap,
the dashboard, the section introductions and the header's links read it from here:

- `sections`: the parts of the site with a fixed address (« Projets »…); a page of the
  pages app can introduce a section, and the XML sitemap lists them all;
- `home_parts`, `site_map_parts`, `dashboard_parts`: a template and the function that gives
  its context, in order;
- `detail_parts`: what an app adds to the page of another app's object (a meeting's page
  lists the projects it examined), by model label; the context function receives the object;
- `section_parts`: what an app adds to the page of a section (a form to follow the news by
  e-mail on « Actualités »), by section key; the context function receives nothing;
- `links`: addresses every page needs (header, footer), reversed once per process;
- `sitemaps`: the XML sitemap's parts, by name;
- `key_figures`: the home page's band of numbers (« 17 projets »), each counted by the app
  that owns the data and linking to where the reader finds what was counted.

Open data (`core.opendata.register`) and search (`core.search.Searchable`) have their own
registration.
"""

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from django.apps import AppConfig
from django.urls import reverse


@dataclass(frozen=True)
class Section:
    """A part of the site with a fixed address, in the XML sitemap."""

    key: str
    label: str
    url_name: str
    introduced: bool = False  # an editable page may introduce it
    # "app_label.Model" of the publishable content the section lists, whose last change
    # dates it in the sitemap; EVERYTHING: all the content the other sections list.
    dated_by: tuple[str, ...] = ()


EVERYTHING = ("*",)


@dataclass(frozen=True)
class Part:
    """A block of a page showing one app's content: a template, and its context."""

    template: str
    context: Callable[..., dict]
    order: int = 0
    column: bool = False  # side by side with the next column part, on wide screens


@dataclass(frozen=True)
class KeyFigure:
    """A number about the programme, counted from published data, and where it leads."""

    singular: str  # « projet »
    plural: str  # « projets »
    value: Callable[[], int | None]
    url_name: str
    fragment: str = ""  # an anchor in that page
    order: int = 0


sections: dict[str, Section] = {}
home_parts: list[Part] = []
site_map_parts: list[Part] = []
dashboard_parts: list[Part] = []
detail_parts: dict[str, list[Part]] = {}
section_parts: dict[str, list[Part]] = {}
links: dict[str, tuple[str, tuple]] = {}
sitemaps: dict[str, type] = {}
key_figures: list[KeyFigure] = []


def add_section(key, label, url_name, introduced=False, dated_by=()):
    sections[key] = Section(key, label, url_name, introduced, tuple(dated_by))


def add_part(parts, template, context, order=0, column=False):
    parts.append(Part(template, context, order, column))
    parts.sort(key=lambda part: part.order)


def add_detail_part(model_label, template, context, order=0):
    """Show `template` on the page of each object of `model_label` ("app.Model"), with
    `context(obj)` (`{% detail_parts obj %}` in that page's template)."""
    add_part(detail_parts.setdefault(model_label, []), template, context, order)


def add_section_part(section_key, template, context, order=0):
    """Show `template` on the page of the section `section_key` (« news »), with `context()`
    (`{% section_parts "news" %}` in that page's template)."""
    add_part(section_parts.setdefault(section_key, []), template, context, order)


def add_key_figure(singular, plural, value, url_name, order=0, fragment=""):
    key_figures.append(KeyFigure(singular, plural, value, url_name, fragment, order))
    key_figures.sort(key=lambda figure: figure.order)


def key_figure_values():
    """[{value, label, url}] of the figures that count something: a figure that is 0, or
    that the data cannot give, is left out rather than shown as a fact."""
    shown = []
    for figure in key_figures:
        value = figure.value()
        if value:
            url = reverse(figure.url_name) + (f"#{figure.fragment}" if figure.fragment else "")
            label = figure.singular if value == 1 else figure.plural
            shown.append({"value": value, "label": label, "url": url})
    return shown


def add_link(name, url_name, *args):
    links[name] = (url_name, args)


def introduced_sections():
    """[(key, label)] of the sections an editable page may introduce."""
    return [(s.key, s.label) for s in sections.values() if s.introduced]


def context_of(parts, *args):
    """All the parts' contexts, merged (each part uses its own names)."""
    context = {}
    for part in parts:
        context |= part.context(*args)
    return context


def rows(parts):
    """The parts' templates, consecutive column parts grouped: [[t], [t, t], [t]]."""
    grouped = []
    for part in parts:
        if part.column and grouped and grouped[-1][0].column:
            grouped[-1].append(part)
        else:
            grouped.append([part])
    return [[part.template for part in row] for row in grouped]


class ContentAppConfig(AppConfig):
    """An app whose models are content: the staff roles edit them (core.roles), their
    changes make stored pages stale (core.cache), and its `site.py` registers what it adds
    to the shared pages."""

    default = False  # a base, never picked by itself; the apps' subclasses are
    content_app = True

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.default = True

    def ready(self):
        import_module(f"{self.name}.site").register()
