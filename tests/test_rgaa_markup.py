"""RGAA 4.1 criteria a program can judge from the HTML alone, over the RGAA sample of pages.

Each criterion has a check: a function of a page's HTML returning the problems it finds. The
same function runs over the sample, where it must find nothing, and over a control case made
to fail, where it must find something: a check that cannot fail proves nothing. What needs a
rendered page (contrast, keyboard, zoom, reflow…) is in tests/browser/test_rgaa.py.
"""

import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders

from core.files.uploads import DOCUMENT_EXTENSIONS, FORMATS

from . import builders

# The RGAA sample (see the accessibility grid), plus the pages of its forms.
SAMPLE = {
    "accueil": "/",
    "mentions-legales": "/mentions-legales/",
    "accessibilite": "/accessibilite/",
    "plan-du-site": "/plan-du-site/",
    "recherche": "/recherche/?q=emploi",
    "actualite": "/actualites/visite-a-matignon-de-quatre-territoires-pilotes/",
    "projet": "/projets/1-stagiaire-1-opportunite/",
    "porteur": "/porteurs/pole-emploi/",
    "levier": "/priorites/territoire-numerique-4-0/",
    "reunion": "/gouvernance/calendrier/comite-de-projet-11-juillet-2019/",
    "gouvernance": "/gouvernance/",
    "territoire": "/territoire/cc-de-saulieu/",
    "donnees-ouvertes": "/donnees-ouvertes/",
    "projets-filtres": "/projets/",
    "alertes": "/s-abonner/alertes/",
    "page-editoriale": "/dispositif-national/",
    "actualites": "/actualites/",
    "leviers": "/priorites/",
    "porteurs": "/porteurs/",
    "instance": "/gouvernance/instances/groupe-de-travail-emplois-et-formations/",
    "glossaire": "/glossaire/",
    "s-abonner": "/s-abonner/",
    "territoire-liste": "/territoire/",
    "avancement": "/ou-en-est-on/",
}


def process_paths():
    """The pages of the alerts' process that a link leads to (the RGAA method wants every
    step of a process): the confirmation page and the manage page, for a request made here."""
    from django.urls import reverse
    from django.utils import timezone

    from alerts import mail
    from alerts.models import Subscription

    asked, _ = Subscription.objects.get_or_create(
        email="echantillon@example.fr", kind="news", confirmed_at=None
    )
    member = Subscription.objects.filter(email="echantillon@example.fr", kind="meetings").first()
    member = member or Subscription.objects.create(
        email="echantillon@example.fr", kind="meetings", confirmed_at=timezone.now()
    )
    return {
        "alertes-confirmation": reverse("alerts:confirm", args=[mail.confirm_token(asked)]),
        "alertes-gestion": mail.manage_url(member, ""),
    }


def sample_paths():
    """The sample's addresses, the process pages included (needs the database)."""
    return [*SAMPLE.values(), *process_paths().values()]


def sample_pages(client):
    """{path: HTML} of every sample page, each answered 200."""
    pages = {}
    for path in sample_paths():
        response = client.get(path)
        assert response.status_code == 200, path
        pages[path] = response.content.decode()
    return pages


def problems_by_page(pages, check):
    """{path: problems} for the pages where `check` finds any: `{}` when all is well."""
    found = {path: check(markup) for path, markup in pages.items()}
    return {path: problems for path, problems in found.items() if problems}


@pytest.fixture
def pages(seeded, client):
    return sample_pages(client)


def soup_of(markup):
    return BeautifulSoup(markup, "html.parser")


def normalize(text):
    """Lower case, no accents, typographic apostrophes and spaces made plain, one space."""
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().lower()


def text_of(element):
    return re.sub(r"\s+", " ", element.get_text(" ")).strip() if element else ""


def aria_hidden(element):
    """Hidden from assistive technologies, by itself or an ancestor."""
    for node in [element, *element.parents]:
        if getattr(node, "get", None) and node.get("aria-hidden") == "true":
            return True
    return False


def labelled_by_text(soup, element):
    """The text of the elements named by aria-labelledby, if any."""
    ids = (element.get("aria-labelledby") or "").split()
    return " ".join(text_of(soup.find(id=id_)) for id_ in ids).strip()


# 1.1 — every informative image has a text alternative.


def images_without_alternative(markup):
    soup, problems = soup_of(markup), []

    def alternative(element, *attributes):
        names = [element.get(attribute, "").strip() for attribute in attributes]
        return any(names) or labelled_by_text(soup, element)

    for img in soup.find_all("img"):
        if aria_hidden(img) or img.get("role") in ("presentation", "none"):
            continue
        if not img.has_attr("alt"):
            problems.append(f"img without alt: {img.get('src')}")
        elif img["alt"] != "" and not img["alt"].strip():
            problems.append(f"img whose alt is only spaces: {img.get('src')}")
    for image in soup.select('[role="img"]:not(svg)'):
        if not aria_hidden(image) and not alternative(image, "aria-label", "title"):
            problems.append(f"role=img without a text alternative: <{image.name}>")
    for svg in soup.find_all("svg"):
        if aria_hidden(svg):
            continue
        if svg.get("role") != "img":
            problems.append("svg neither hidden (aria-hidden) nor an image (role=img)")
        elif not (alternative(svg, "aria-label") or text_of(svg.find("title"))):
            problems.append("svg role=img without a text alternative")
    for button in soup.select('input[type="image"]'):
        if not alternative(button, "alt", "aria-label", "title"):
            problems.append(f"image button without alt: {button.get('src')}")
    for area in soup.select("area[href]"):
        if not aria_hidden(area) and not alternative(area, "alt", "aria-label"):
            problems.append(f"area without alt: {area.get('href')}")
    for embedded in soup.find_all(["object", "embed", "canvas"]):
        if not aria_hidden(embedded) and not alternative(embedded, "aria-label", "title"):
            problems.append(f"<{embedded.name}> without a text alternative")
    return problems


@pytest.fixture
def illustrated_pages(seeded, client):
    """The sample pages, once images are added: the 2019 content has none. An informative
    photo with a credit on the news item and the project, a decorative one on the holder."""
    from pages.models import NewsArticle
    from projects.models import Project, ProjectHolder

    photo = builders.image(credit="Photo : CC de Saulieu")
    for model, slug in [
        (NewsArticle, SAMPLE["actualite"].split("/")[2]),
        (Project, SAMPLE["projet"].split("/")[2]),
        (ProjectHolder, SAMPLE["porteur"].split("/")[2]),
    ]:
        image = photo if model is not ProjectHolder else builders.image(alt="", decorative=True)
        model.objects.filter(slug=slug).update(image=image)
    pages = sample_pages(client)
    images = [img for markup in pages.values() for img in soup_of(markup).find_all("img")]
    assert sorted(img["alt"] for img in images) == ["", photo.alt, photo.alt]
    return pages


def test_1_1_informative_images_have_a_text_alternative(illustrated_pages):
    assert problems_by_page(illustrated_pages, images_without_alternative) == {}


def test_1_1_control_images_without_alternative_are_found():
    bad = (
        '<img src="a.png"><span role="img"></span><svg><circle r="1"/></svg>'
        '<svg role="img"><circle r="1"/></svg><input type="image" src="b.png">'
        '<map name="m"><area href="/x" shape="rect" coords="0,0,1,1"></map>'
    )
    assert len(images_without_alternative(bad)) == 6
    good = (
        '<img src="a.png" alt="Logo de Pôle emploi"><img src="d.png" alt="">'
        '<svg aria-hidden="true"></svg><svg role="img" aria-label="Carte"></svg>'
    )
    assert images_without_alternative(good) == []


# 1.2 — decorative images are ignored by assistive technologies.


def decorative_images_not_ignored(markup):
    """A decorative image (alt="", role=presentation, aria-hidden) must carry no text that a
    screen reader would read: no title, aria-label, aria-labelledby, aria-describedby; a
    hidden svg, no <title> or <desc>."""
    soup, problems = soup_of(markup), []
    naming = ("title", "aria-label", "aria-labelledby", "aria-describedby")
    for img in soup.find_all("img"):
        decorative = (
            img.get("alt") == ""
            or img.get("role") in ("presentation", "none")
            or img.get("aria-hidden") == "true"
        )
        if decorative and img.get("alt", "") != "":
            problems.append(f"decorative img with a non-empty alt: {img.get('src')}")
        if decorative and any(img.get(attribute, "").strip() for attribute in naming):
            problems.append(f"decorative img with a text alternative: {img.get('src')}")
    for svg in soup.find_all("svg"):
        if svg.get("aria-hidden") == "true" and (
            svg.find(["title", "desc"]) or any(svg.get(a, "").strip() for a in naming)
        ):
            problems.append("hidden svg with a title, desc or label")
    for element in soup.select('[aria-hidden="true"]'):
        if element.name not in ("img", "svg") and any(element.get(a) for a in naming[1:]):
            problems.append(f"aria-hidden <{element.name}> with an accessible name")
    return problems


def test_1_2_decorative_images_are_ignored_by_assistive_technologies(illustrated_pages):
    assert problems_by_page(illustrated_pages, decorative_images_not_ignored) == {}


def test_1_2_control_decorative_images_with_a_name_are_found():
    bad = (
        '<img src="a.png" alt="" title="Décor"><img src="b.png" role="presentation" alt="fond">'
        '<svg aria-hidden="true"><title>Étoile</title></svg>'
        '<span aria-hidden="true" aria-label="icône"></span>'
    )
    assert len(decorative_images_not_ignored(bad)) == 4
    good = '<img src="a.png" alt=""><svg aria-hidden="true"></svg><span aria-hidden="true"></span>'
    assert decorative_images_not_ignored(good) == []


# 8.1 — a document type.


def doctype_problems(markup):
    start = markup.lstrip("\ufeff \t\r\n")
    if not re.match(r"<!doctype html\s*>", start, re.IGNORECASE):
        return ["the page does not start with <!DOCTYPE html>"]
    return []


def test_8_1_every_page_has_a_doctype(pages):
    assert problems_by_page(pages, doctype_problems) == {}


def test_8_1_control_a_page_without_doctype_is_found():
    assert doctype_problems('<html lang="fr"><title>x</title></html>')
    assert doctype_problems('<!-- x --><!DOCTYPE html><html lang="fr"></html>')


# 8.2 — valid code: well formed, well nested, unique ids, no duplicate attributes.

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"}
VOID |= {"source", "track", "wbr"}
# A start tag of one of these closes an open <p> (HTML parsing rules): inside a <p> it is an
# error the browser silently « repairs », misplacing the content.
CLOSES_P = {"address", "article", "aside", "blockquote", "details", "dialog", "div", "dl"}
CLOSES_P |= {"fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4"}
CLOSES_P |= {"h5", "h6", "header", "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre"}
CLOSES_P |= {"search", "section", "table", "ul"}
INTERACTIVE = {"a", "button", "details", "embed", "iframe", "label", "select", "textarea"}
PARENTS = {
    "li": {"ul", "ol", "menu"},
    "dt": {"dl", "div"},
    "dd": {"dl", "div"},
    "tr": {"table", "thead", "tbody", "tfoot"},
    "td": {"tr"},
    "th": {"tr"},
    "thead": {"table"},
    "tbody": {"table"},
    "tfoot": {"table"},
    "caption": {"table"},
    "option": {"select", "optgroup", "datalist"},
    "optgroup": {"select"},
    "summary": {"details"},
    "legend": {"fieldset"},
    "figcaption": {"figure"},
}
ID_REFERENCES = ("for", "aria-labelledby", "aria-describedby", "aria-controls", "headers")
ID_REFERENCES += ("list", "form", "aria-owns", "aria-activedescendant", "aria-details")


class _Validator(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.problems, self.ids, self.references = [], [], {}, []

    def where(self):
        return f"line {self.getpos()[0]}"

    def handle_starttag(self, tag, attrs):
        self.check_start(tag, attrs)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.check_start(tag, attrs)
        if tag not in VOID and not {"svg", "math"} & set(self.stack):  # XML-like inside
            self.problems.append(f"<{tag}/> is not a void element ({self.where()})")

    def check_start(self, tag, attrs):
        names = [name for name, _ in attrs]
        for name in {name for name in names if names.count(name) > 1}:
            self.problems.append(f"<{tag}> has the attribute {name} twice ({self.where()})")
        attributes = dict(attrs)
        if "id" in attributes:
            id_ = attributes["id"] or ""
            if not id_ or re.search(r"\s", id_):
                self.problems.append(f"<{tag}> has an empty id or one with spaces ({self.where()})")
            elif id_ in self.ids:
                self.problems.append(f"id « {id_} » used twice ({self.ids[id_]}, {self.where()})")
            else:
                self.ids[id_] = self.where()
        for name in ID_REFERENCES:
            if attributes.get(name) and not (tag == "form" and name == "form"):
                for id_ in attributes[name].split():
                    self.references.append((tag, name, id_, self.where()))
        if tag in CLOSES_P and "p" in self.stack:
            self.problems.append(f"<{tag}> inside <p> ({self.where()})")
        focusable = tag in INTERACTIVE or "tabindex" in attributes
        if tag == "input" and attributes.get("type") != "hidden":
            focusable = True
        if focusable and {"a", "button"} & set(self.stack):
            self.problems.append(f"<{tag}> inside a link or a button ({self.where()})")
        if tag == "form" and "form" in self.stack:
            self.problems.append(f"<form> inside <form> ({self.where()})")
        if tag in PARENTS and (not self.stack or self.stack[-1] not in PARENTS[tag]):
            parent = self.stack[-1] if self.stack else "nothing"
            self.problems.append(f"<{tag}> inside <{parent}> ({self.where()})")

    def handle_endtag(self, tag):
        if tag in VOID:
            self.problems.append(f"end tag </{tag}> of a void element ({self.where()})")
        elif tag not in self.stack:
            self.problems.append(f"stray end tag </{tag}> ({self.where()})")
        else:
            while self.stack and self.stack[-1] != tag:
                unclosed = self.stack.pop()
                self.problems.append(f"<{unclosed}> not closed before </{tag}> ({self.where()})")
            self.stack.pop()

    def close(self):
        super().close()
        for tag in self.stack:
            self.problems.append(f"<{tag}> never closed")
        for tag, name, id_, where in self.references:
            if id_ not in self.ids:
                self.problems.append(f"<{tag} {name}> names a missing id « {id_} » ({where})")


def invalid_markup(markup):
    validator = _Validator()
    validator.feed(markup)
    validator.close()
    return validator.problems


def test_8_2_every_page_is_valid_html(pages):
    assert problems_by_page(pages, invalid_markup) == {}


def test_8_2_control_invalid_markup_is_found():
    cases = [
        '<p id="a">un</p><p id="a">deux</p>',  # an id twice
        '<a href="/" href="/x">lien</a>',  # an attribute twice
        "<div><span></div></span>",  # misnested
        "<main><section><p>texte</main>",  # never closed
        "<p>texte <div>bloc</div></p>",  # a block inside a paragraph
        '<a href="/">lien <button>bouton</button></a>',  # interactive inside interactive
        "<ul><p>élément</p></ul><li>orphelin</li>",  # a list item out of a list
        '<label for="absent">Nom</label>',  # a reference to a missing id
        "<br></br>",  # end tag of a void element
        "<div/>",  # a self-closing element that is not void
    ]
    for bad in cases:
        assert invalid_markup(bad), bad
    good = '<ul><li><a href="/">x</a></li></ul><p>un<br>deux</p><label for="c">C</label>'
    good += '<input id="c"><svg aria-hidden="true"><circle r="1"/></svg>'
    assert invalid_markup(good) == []


# 8.3 and 8.4 — the default language is given, and it is French.

LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})*$", re.IGNORECASE)
# The languages this site can plausibly contain; a lang value outside them is a typo.
KNOWN_LANGUAGES = {"fr", "en", "de", "es", "it", "la", "nl", "pt", "oc", "br", "co", "eu"}


def missing_language(markup):
    html = soup_of(markup).find("html")
    if html is None or not (html.get("lang") or html.get("xml:lang") or "").strip():
        return ["<html> has no lang attribute"]
    return []


def invalid_languages(markup):
    soup, problems = soup_of(markup), []
    html = soup.find("html")
    if html is not None and (html.get("lang") or "").split("-")[0].lower() != "fr":
        problems.append(f"the page's language is « {html.get('lang')} », not fr")
    for element in soup.find_all(attrs={"lang": True}):
        value = element["lang"].strip()
        if value and not (LANGUAGE_TAG.match(value) and value.split("-")[0] in KNOWN_LANGUAGES):
            problems.append(f"<{element.name} lang=« {value} »> is not a language code")
        if element.get("xml:lang") and element["xml:lang"] != element["lang"]:
            problems.append(f"<{element.name}> lang and xml:lang differ")
    for element in soup.find_all(attrs={"hreflang": True}):
        if not LANGUAGE_TAG.match(element["hreflang"].strip()):
            problems.append(f"hreflang « {element['hreflang']} » is not a language code")
    return problems


def test_8_3_every_page_has_a_default_language(pages):
    assert problems_by_page(pages, missing_language) == {}


def test_8_3_control_a_page_without_lang_is_found():
    assert missing_language("<!DOCTYPE html><html><title>x</title></html>")
    assert missing_language('<!DOCTYPE html><html lang=" "><title>x</title></html>')


def test_8_4_every_language_code_is_valid_and_french_by_default(pages):
    assert problems_by_page(pages, invalid_languages) == {}


def test_8_4_control_wrong_language_codes_are_found():
    assert invalid_languages('<html lang="en"><p>Bonjour</p></html>')
    assert invalid_languages('<html lang="francais"><p>Bonjour</p></html>')
    assert invalid_languages('<html lang="fr"><p lang="anglais">Hello</p></html>')
    assert invalid_languages('<html lang="fr-FR"><p lang="en-GB">Hello</p></html>') == []


# 8.5 and 8.6 — a title, and a relevant one: the page's subject, then the site's name.

SITE_NAME = "Territoire d'industrie Auxois Morvan"


def missing_title(markup):
    titles = soup_of(markup).select("head > title")
    if len(titles) != 1 or not text_of(titles[0]):
        return [f"{len(titles)} <title> in <head>, or an empty one"]
    return []


def significant_words(text):
    return {word for word in re.findall(r"[a-z0-9]+", normalize(text)) if len(word) >= 4}


def irrelevant_title(markup):
    """« <subject> | <site name> », the subject sharing at least half of its words (or of the
    h1's) with the h1; the home page's subject is « Accueil »."""
    soup = soup_of(markup)
    title, h1 = text_of(soup.find("title")), text_of(soup.find("h1"))
    subject, _, site = title.rpartition(" | ")
    problems = []
    if normalize(site) != normalize(SITE_NAME):
        problems.append(f"« {title} » does not end with the site's name")
    if not subject.strip():
        problems.append(f"« {title} » does not name the page")
    elif normalize(subject) != "accueil":
        words, heading = significant_words(subject), significant_words(h1)
        shared = len(words & heading)
        if not words or not heading or shared < 0.5 * min(len(words), len(heading)):
            problems.append(f"« {subject} » says nothing of the page's h1 « {h1} »")
    return problems


def test_8_5_every_page_has_a_title(pages):
    assert problems_by_page(pages, missing_title) == {}


def test_8_5_control_a_page_without_title_is_found():
    assert missing_title("<html><head></head><body><h1>x</h1></body></html>")
    assert missing_title("<html><head><title> </title></head></html>")


def test_8_6_every_title_names_the_page_and_the_site(pages):
    assert problems_by_page(pages, irrelevant_title) == {}


def test_8_6_control_irrelevant_titles_are_found():
    site = f" | {SITE_NAME}"
    assert irrelevant_title(f"<title>Sans titre{site}</title><h1>Mentions légales</h1>")
    assert irrelevant_title("<title>Mentions légales</title><h1>Mentions légales</h1>")
    assert irrelevant_title(f"<title>{site}</title><h1>Mentions légales</h1>")
    good = f"<title>Recherche : emploi{site}</title><h1>Recherche</h1>"
    assert irrelevant_title(good) == []


# 8.7 — changes of language are marked. A program can only find sentences plainly in
# English (several English grammar words) outside an element with a lang; words borrowed
# into French and other languages need a person.

ENGLISH_WORDS = {"the", "and", "of", "with", "for", "is", "are", "this", "that", "your"}
ENGLISH_WORDS |= {"you", "we", "our", "will", "from", "to", "be", "have", "has", "it"}


def unmarked_english(markup):
    soup, problems = soup_of(markup), []
    for script in soup.find_all(["script", "style", "code", "pre"]):
        script.decompose()
    for string in soup.find_all(string=True):
        parent = string.parent
        marked = next((p.get("lang") for p in [parent, *parent.parents] if p.get("lang")), "")
        if marked.split("-")[0] != "fr":
            continue
        words = re.findall(r"[a-z]+", string.lower())
        if sum(word in ENGLISH_WORDS for word in words) >= 3:
            problems.append(f"English without lang=en: « {string.strip()[:60]} »")
    return problems


def test_8_7_english_sentences_are_marked(pages):
    assert problems_by_page(pages, unmarked_english) == {}


def test_8_7_control_an_unmarked_english_sentence_is_found():
    sentence = "The project is funded by the State and the Region."
    assert unmarked_english(f'<html lang="fr"><p>Le slogan : « {sentence} »</p></html>')
    marked = f'<html lang="fr"><p>Le slogan : « <span lang="en">{sentence}</span> »</p></html>'
    assert unmarked_english(marked) == []


# 9.1 — headings: one h1, no level skipped going down, none empty.


def heading_problems(markup):
    soup, problems, levels = soup_of(markup), [], []
    for heading in soup.select("h1, h2, h3, h4, h5, h6, [role=heading]"):
        level = heading.get("aria-level") or heading.name[1:]
        if not level.isdigit():
            problems.append(f"role=heading without aria-level: « {text_of(heading)} »")
            continue
        if not text_of(heading) and not heading.get("aria-label"):
            problems.append(f"empty h{level}")
        levels.append(int(level))
    if levels.count(1) != 1:
        problems.append(f"{levels.count(1)} h1 instead of one")
    if levels and levels[0] != 1:
        problems.append(f"the first heading is a h{levels[0]}")
    for before, after in zip(levels, levels[1:], strict=False):
        if after > before + 1:
            problems.append(f"h{before} followed by h{after}")
    return problems


def test_9_1_headings_are_a_hierarchy_under_one_h1(pages):
    assert problems_by_page(pages, heading_problems) == {}


def test_9_1_control_a_broken_hierarchy_is_found():
    assert heading_problems("<h1>Titre</h1><h3>Saut</h3>")
    assert heading_problems("<h2>Sans h1</h2>")
    assert heading_problems("<h1>Un</h1><h1>Deux</h1>")
    assert heading_problems("<h1>Titre</h1><h2></h2>")
    assert heading_problems("<h1>Titre</h1><h2>A</h2><h3>B</h3><h2>C</h2>") == []


# 11.1 — every field has a label.


def unlabelled_fields(markup):
    soup, problems = soup_of(markup), []
    not_fields = ("hidden", "submit", "reset", "button", "image")
    for field in soup.find_all(["input", "select", "textarea"]):
        if field.name == "input" and field.get("type", "text") in not_fields:
            continue
        has_label = field.get("id") and soup.find("label", attrs={"for": field["id"]})
        if not (
            has_label
            or field.find_parent("label")
            or field.get("aria-label", "").strip()
            or labelled_by_text(soup, field)
            or field.get("title", "").strip()
        ):
            problems.append(f"<{field.name} name={field.get('name')}> has no label")
        elif has_label and not text_of(has_label):
            problems.append(f"<{field.name} name={field.get('name')}> has an empty label")
    return problems


def test_11_1_every_field_has_a_label(pages):
    assert problems_by_page(pages, unlabelled_fields) == {}


def test_11_1_control_fields_without_label_are_found():
    bad = (
        '<input name="q" placeholder="Rechercher"><select name="s"></select>'
        '<label for="c"> </label><textarea id="c" name="c"></textarea>'
    )
    assert len(unlabelled_fields(bad)) == 3
    good = (
        '<label for="q">Rechercher</label><input id="q" name="q">'
        '<label>Niveau <select name="n"></select></label><input type="submit" value="OK">'
    )
    assert unlabelled_fields(good) == []


# 12.1 — at least two navigation systems: the main menu, the site map, the search engine.


def navigation_systems(markup):
    soup = soup_of(markup)
    systems = []
    if any(len(nav.find_all("a")) >= 3 for nav in soup.select("header nav")):
        systems.append("menu")
    if any(normalize(text_of(a)) == "plan du site" for a in soup.find_all("a", href=True)):
        systems.append("plan du site")
    for form in soup.select('form[role="search"], search form'):
        if form.select('input[type="search"], input[name="q"]'):
            systems.append("recherche")
            break
    return systems


def too_few_navigation_systems(markup):
    systems = navigation_systems(markup)
    return [] if len(systems) >= 2 else [f"only {systems or 'no navigation system'}"]


def test_12_1_every_page_has_two_navigation_systems(pages):
    assert problems_by_page(pages, too_few_navigation_systems) == {}
    # What the site offers today: all three on every page.
    assert {len(navigation_systems(markup)) for markup in pages.values()} == {3}


def test_12_1_control_a_page_with_only_a_menu_is_found():
    menu = '<header><nav><a href="/a/">A</a><a href="/b/">B</a><a href="/c/">C</a></nav></header>'
    assert too_few_navigation_systems(menu)
    site_map = '<footer><a href="/plan-du-site/">Plan du site</a></footer>'
    assert too_few_navigation_systems(menu + site_map) == []


# 12.6 — the landmarks of the regions shared by the pages: header, navigation, main
# content, footer, search; one banner, main and contentinfo; several navigation or search
# landmarks told apart by their names.

SECTIONING = ["article", "aside", "main", "nav", "section"]


def landmark_name(soup, element):
    return normalize(element.get("aria-label") or labelled_by_text(soup, element))


def landmark_problems(markup):
    soup, problems = soup_of(markup), []

    def top_level(tag, role):
        found = [e for e in soup.find_all(tag) if not e.find_parent(SECTIONING)]
        return [e for e in found if e.get("role") in (None, role)] + soup.select(
            f'[role="{role}"]:not({tag})'
        )

    counts = {
        "banner": top_level("header", "banner"),
        "main": soup.select('main, [role="main"]'),
        "contentinfo": top_level("footer", "contentinfo"),
    }
    for role, elements in counts.items():
        if len(elements) != 1:
            problems.append(f"{len(elements)} {role} landmarks instead of one")
    repeated = {
        "navigation": soup.select('nav, [role="navigation"]'),
        "search": soup.select('search, [role="search"]'),
    }
    for role, elements in repeated.items():
        if not elements:
            problems.append(f"no {role} landmark")
        names = [landmark_name(soup, element) for element in elements]
        if len(elements) > 1 and len(set(names)) != len(names):
            problems.append(f"{len(elements)} {role} landmarks not told apart: {names}")
    return problems


def test_12_6_shared_regions_are_landmarks(pages):
    assert problems_by_page(pages, landmark_problems) == {}


def test_12_6_control_missing_and_confused_landmarks_are_found():
    assert landmark_problems("<div>en-tête</div><div>contenu</div>")
    two_navs = (
        '<header></header><nav><a href="/">a</a></nav><nav><a href="/">b</a></nav>'
        '<main></main><footer></footer><form role="search"></form>'
    )
    assert landmark_problems(two_navs) == ["2 navigation landmarks not told apart: ['', '']"]
    named = two_navs.replace("<nav>", '<nav aria-label="Menu">', 1)
    assert landmark_problems(named) == []


# 13.2 — no new window without the visitor's action (no script opens one) nor without
# warning (a link opening one says so in its name).

NEW_WINDOW_WARNING = re.compile(r"nouvelle fen[eê]tre|nouvel onglet", re.IGNORECASE)


def script_sources(markup):
    """The text of the page's scripts: inline, and those served from the static files."""
    sources = []
    for script in soup_of(markup).find_all("script"):
        if script.get("src"):
            path = finders.find(script["src"].split("/static/", 1)[-1].split("?")[0])
            sources.append(Path(path).read_text(encoding="utf-8") if path else "")
        else:
            sources.append(script.get_text())
    return sources


def unannounced_new_windows(markup):
    soup, problems = soup_of(markup), []
    for element in soup.select("a[target], area[target], form[target]"):
        if element["target"].lower() in ("_self", "_parent", "_top", ""):
            continue
        name = " ".join([text_of(element), element.get("aria-label", ""), element.get("title", "")])
        if not NEW_WINDOW_WARNING.search(name):
            problems.append(
                f"{element.get('href') or element.get('action')} opens a window silently"
            )
    for source in script_sources(markup):
        if re.search(r"\bwindow\.open\s*\(|\bopen\s*\(\s*['\"]", source):
            problems.append("a script opens a window")
    if soup.select('meta[http-equiv="refresh" i]'):
        problems.append("a meta refresh")
    return problems


def test_13_2_no_window_opens_without_action_nor_warning(pages):
    assert problems_by_page(pages, unannounced_new_windows) == {}


def test_13_2_control_silent_new_windows_are_found():
    assert unannounced_new_windows('<a href="https://x.fr/" target="_blank">Le site</a>')
    assert unannounced_new_windows("<script>window.open('/pub/')</script>")
    warned = '<a href="https://x.fr/" target="_blank">Le site (nouvelle fenêtre)</a>'
    assert unannounced_new_windows(warned) == []


# 13.3 (what a program can judge): each downloadable office document says its format and
# size in its link. Whether a document needs and has an accessible version is for a person.

OFFICE_EXTENSIONS = "|".join(DOCUMENT_EXTENSIONS)
DOCUMENT_LINK = re.compile(rf"\.({OFFICE_EXTENSIONS})$", re.IGNORECASE)
FORMAT_NAMES = {fmt.label for fmt in FORMATS.values()} | set(DOCUMENT_EXTENSIONS)
FORMAT = re.compile(r"\b(" + "|".join(map(re.escape, FORMAT_NAMES)) + r")\b", re.IGNORECASE)
SIZE = re.compile(r"\d+(?:[,.]\d+)?\s*(?:[kmg]?o|octets?)\b", re.IGNORECASE)


def downloads_without_format_or_size(markup):
    soup, problems = soup_of(markup), []
    for link in soup.find_all("a", href=True):
        if not DOCUMENT_LINK.search(link["href"].split("?")[0].split("#")[0]):
            continue
        name = " ".join([text_of(link), link.get("aria-label", ""), link.get("title", "")])
        if not FORMAT.search(name):
            problems.append(f"{link['href']}: no format in « {name.strip()} »")
        if not SIZE.search(name):
            problems.append(f"{link['href']}: no size in « {name.strip()} »")
    return problems


def test_13_3_every_document_link_gives_format_and_size(seeded, client):
    """The 2019 content has no document: one of each kind is attached to the sample's
    project, news and meeting, so that the check sees real links."""
    from governance.models import TimelineEvent
    from pages.models import NewsArticle
    from projects.models import Project

    project = Project.objects.get(slug="1-stagiaire-1-opportunite")
    builders.document(project, title="Fiche projet")
    builders.document(project, name="budget.ods", content=b"PK\x03\x04rest", title="Budget")
    builders.document(NewsArticle.objects.get(slug=SAMPLE["actualite"].split("/")[2]))
    builders.document(TimelineEvent.objects.get(slug=SAMPLE["reunion"].split("/")[3]))
    pages = sample_pages(client)
    assert problems_by_page(pages, downloads_without_format_or_size) == {}
    links = [a["href"] for markup in pages.values() for a in soup_of(markup).select("a[href]")]
    assert len([href for href in links if DOCUMENT_LINK.search(href)]) == 4


def test_13_3_control_a_document_link_without_format_or_size_is_found():
    assert downloads_without_format_or_size('<a href="/media/compte-rendu.pdf">Compte rendu</a>')
    assert downloads_without_format_or_size('<a href="/media/cr.pdf">Compte rendu (PDF)</a>')
    assert downloads_without_format_or_size('<a href="/media/cr.pdf">Compte rendu (2 Mo)</a>')
    good = '<a href="/cr.odt" download>Compte rendu<span> (OpenDocument texte – 850 ko)</span></a>'
    assert downloads_without_format_or_size(good) == []
