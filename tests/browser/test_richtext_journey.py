"""An editor's journey with formatted text, in Chromium: paste from Word, link to a project,
rename the project, edit again, and the warning before leaving unsaved changes."""

from pathlib import Path

from playwright.sync_api import expect

from tests import builders

WORD_CLIPBOARD = (Path(__file__).parents[1] / "richtext_samples/word.html").read_text()
TEXT_AREA = "[contenteditable=true].ProseMirror"


class LeavePrompts:
    """Counts the browser's « leave this page? » prompts, and answers « stay »."""

    def __init__(self, page):
        self.count = 0
        page.on("dialog", self.answer)

    def answer(self, dialog):
        if dialog.type == "beforeunload":
            self.count += 1
        dialog.dismiss()


def leave_but_stay(page):
    """Click the admin's home link: the browser asks first, and the form stays."""
    url = page.url
    with page.expect_event("dialog", predicate=lambda dialog: dialog.type == "beforeunload"):
        page.get_by_role("link", name="Accueil").first.click()
    assert page.url == url


def leave(page, site):
    """Click the admin's home link: the browser leaves without asking."""
    page.get_by_role("link", name="Accueil").first.click()
    expect(page).to_have_url(f"{site}/admin/")


def open_editor(page, url):
    page.goto(url)
    page.wait_for_selector(TEXT_AREA)
    page.wait_for_function("document.querySelector('#id_body').dataset.loadedValue !== undefined")


def paste_html(page, html):
    page.evaluate(
        """([selector, html]) => {
            const data = new DataTransfer()
            data.setData("text/html", html)
            data.setData("text/plain", "")
            const paste = new ClipboardEvent("paste", {
                clipboardData: data, bubbles: true, cancelable: true,
            })
            document.querySelector(selector).dispatchEvent(paste)
        }""",
        [TEXT_AREA, html],
    )


def save_and_continue(page):
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist .success")).to_be_visible()


def test_an_editor_pastes_links_renames_and_is_warned_before_losing_changes(site, editor_page):
    page = editor_page
    article = builders.news(title="Compte rendu d'essai", body="<p>Texte de départ.</p>")
    change_url = f"{site}/admin/pages/newsarticle/{article.pk}/change/"
    csp_errors = []
    page.on(
        "console",
        lambda message: (
            csp_errors.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    prompts = LeavePrompts(page)

    # Nothing changed (the editor rewrote the stored HTML in its own way): no prompt.
    open_editor(page, change_url)
    assert csp_errors == []  # no inline style from the editor or its toolbar
    leave(page, site)

    # Paste a Word document over the text.
    open_editor(page, change_url)
    page.click(TEXT_AREA)
    page.keyboard.press("Control+A")
    paste_html(page, WORD_CLIPBOARD)
    expect(page.get_by_role("status").filter(has_text="1 image")).to_contain_text(
        "n'a pas été reprise"
    )

    # Leaving now would lose the paste: the browser asks, the editor stays.
    leave_but_stay(page)

    save_and_continue(page)
    public = page.context.new_page()
    public.goto(site + article.get_absolute_url())
    text = public.locator(".rich-text")
    expect(text.locator("h2", has_text="Compte rendu de la réunion")).to_be_visible()
    expect(text.locator("h1")).to_have_count(0)
    expect(text.locator("img")).to_have_count(0)
    expect(text.locator("ul > li", has_text="Former")).to_be_visible()
    expect(text.locator("ol > li", has_text="Diagnostic")).to_be_visible()
    expect(text.locator("thead th[scope=col]")).to_have_text(["Action", "Étape"])
    expect(text.get_by_role("region", name="Tableau : Action, Étape")).to_be_visible()

    # Saved: leaving asks nothing.
    leave(page, site)

    # An internal link to a project, chosen with the keyboard-operable chooser.
    open_editor(page, change_url)
    page.click(TEXT_AREA)
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type("Projet lié : ")
    page.get_by_role("button", name="Lien interne").click()
    dialog = page.get_by_role("dialog", name="Lien interne")
    search = dialog.get_by_label("Rechercher par titre")
    expect(search).to_be_focused()
    search.press_sequentially("sarrasin")
    dialog.get_by_role("button", name="Filière sarrasin bio").click()
    expect(dialog).to_have_count(0)
    expect(page.locator(TEXT_AREA).get_by_role("link", name="Filière sarrasin bio")).to_be_visible()
    save_and_continue(page)

    # The project's address changes in the admin.
    page.goto(f"{site}/admin/projects/project/")
    page.get_by_role("link", name="Filière sarrasin bio").click()
    page.fill("#id_slug", "filiere-sarrasin-biologique")
    save_and_continue(page)

    # The news page's link leads to the new address.
    public.goto(site + article.get_absolute_url())
    link = public.locator(".rich-text").get_by_role("link", name="Filière sarrasin bio")
    expect(link).to_have_attribute("href", "/projets/filiere-sarrasin-biologique/")
    with public.expect_navigation() as navigation:
        link.click()
    assert navigation.value.status == 200

    # A second visit to the news item: a change prompts before leaving, saving works.
    open_editor(page, change_url)
    page.fill("#id_summary", "Compte rendu et projet lié.")
    leave_but_stay(page)
    save_and_continue(page)
    body = page.eval_on_selector("#id_body", "field => field.value")
    assert 'href="/projets/filiere-sarrasin-biologique/"' in body
    leave(page, site)
    assert prompts.count == 2  # the two above, none while saving


def test_the_editor_rewriting_the_stored_text_is_no_change(site, editor_page):
    """The editor writes stored HTML its own way (« <li><p> », no thead): that is not a
    change, nor is a change undone."""
    page = editor_page
    article = builders.news(body=WORD_CLIPBOARD)  # stored as the site keeps it
    change_url = f"{site}/admin/pages/newsarticle/{article.pk}/change/"
    prompts = LeavePrompts(page)

    open_editor(page, change_url)
    stored = page.eval_on_selector("#id_body", "field => field.value")
    assert page.eval_on_selector("#id_body", "field => field.dataset.loadedValue") != stored
    page.click(TEXT_AREA)
    page.keyboard.press("Control+End")
    page.keyboard.type("x")
    page.keyboard.press("Backspace")
    assert page.eval_on_selector("#id_body", "field => field.value") != stored
    leave(page, site)
    assert prompts.count == 0
