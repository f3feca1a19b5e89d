// The site's own editor extensions, loaded by django-prose-editor's `js_modules`
// (pages/richtext.py): a paste that keeps the structure and says which images it could not
// keep, internal links chosen by searching the site, tables with a header row, the toolbar
// in French, and no inline <style> (the page's CSP forbids it: editor.css has those rules).

import {
  Extension,
  Link,
  Table,
  updateAttrsDialog,
} from "django-prose-editor/editor"

import { cleanPastedHTML } from "./paste.js"

const LABELS = {
  heading2: ["Titre de niveau 2", "Titre de niveau 2"],
  heading3: ["Titre de niveau 3", "Titre de niveau 3"],
  paragraph: ["Paragraphe", "Paragraphe"],
  bulletList: ["Liste à puces", "Liste à puces"],
  orderedList: ["Liste numérotée", "Liste numérotée"],
  blockquote: ["Citation", "Citation"],
  bold: ["Gras"],
  italic: ["Italique"],
  link: ["Lien vers une adresse"],
  unlink: ["Retirer le lien"],
  "history:undo": ["Annuler"],
  "history:redo": ["Rétablir"],
  table: ["Insérer un tableau"],
  "table:addColumnAfter": ["Ajouter une colonne"],
  "table:deleteColumn": ["Supprimer la colonne"],
  "table:addRowAfter": ["Ajouter une ligne"],
  "table:deleteRow": ["Supprimer la ligne"],
  "table:mergeCells": ["Fusionner les cellules"],
  "table:splitCell": ["Séparer la cellule"],
  "table:toggleHeaderCell": ["Cellule d'en-tête ou de données"],
  "table:deleteTable": ["Supprimer le tableau"],
  orderedListProperties: ["Propriétés de la liste"],
}

// The library's toolbar speaks English (« bold », « insert table »): its buttons are named
// in French, for sighted editors (title) and screen readers (aria-label) alike.
const relabel = (items) => {
  for (const [name, [label, option]] of Object.entries(LABELS)) {
    const item = items[name]
    if (!item) continue
    item.button?.setAttribute("title", label)
    item.button?.setAttribute("aria-label", label)
    if (option && item.option) item.option.textContent = option
  }
}

let uid = 0

const el = (tag, attributes = {}, children = []) => {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "text") element.textContent = value
    else element.setAttribute(name, value)
  }
  element.append(...children)
  return element
}

// The editor writes « <p></p> » for an empty text; the textarea then holds "".
const actuallyEmpty = (html) => (/^<(\w+)(\s[^>]*)?><\/\1>$/i.test(html) ? "" : html)

const imageNotice = (count) =>
  count === 1
    ? "1 image du texte collé n'a pas été reprise : le texte ne contient pas d'image. " +
      "Ajoutez-la comme image de la fiche (rubrique « Image ») ou joignez-la comme document."
    : `${count} images du texte collé n'ont pas été reprises : le texte ne contient pas ` +
      "d'image. Ajoutez-les comme image de la fiche (rubrique « Image ») ou joignez-les " +
      "comme documents."

/** The editor's Link, keeping which object of the site an internal link points to. */
export const SiteLink = Link.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      ref: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-ref"),
        renderHTML: (attributes) => (attributes.ref ? { "data-ref": attributes.ref } : {}),
      },
    }
  },

  addCommands() {
    return {
      ...this.parent?.(),
      // The address dialog, in French; typing another address makes the link an ordinary one.
      addLink:
        () =>
        ({ editor }) => {
          if (editor.state.selection.empty && !editor.isActive("link")) return false
          const current = editor.getAttributes("link")
          updateAttrsDialog(
            {
              href: { type: "string", title: "Adresse (https://…, mailto:…)", required: true },
              title: { type: "string", title: "Infobulle (facultative)" },
            },
            { title: "Lien vers une adresse", submitText: "Appliquer" },
          )(editor, current).then((attrs) => {
            if (!attrs) return
            const values = {
              href: attrs.href.trim(),
              title: attrs.title.trim() || null,
              ref: attrs.href.trim() === current.href ? current.ref || null : null,
            }
            editor.chain().focus().extendMarkRange("link").setLink(values).run()
          })
          return true
        },
    }
  },
})

/** The editor's Table, always inserted with a header row (a table needs one to be read). */
export const SiteTable = Table.extend({
  addCommands() {
    return {
      ...this.parent?.(),
      insertTableWithOptions:
        () =>
        ({ editor }) => {
          updateAttrsDialog(
            {
              rows: { type: "number", title: "Lignes (en plus de l'en-tête)", format: "number", min: "1", max: "100" },
              cols: { type: "number", title: "Colonnes", format: "number", min: "1", max: "20" },
            },
            { title: "Insérer un tableau", submitText: "Insérer" },
          )(editor, { rows: "2", cols: "2" }).then((attrs) => {
            if (!attrs) return
            const rows = (Number.parseInt(attrs.rows, 10) || 2) + 1
            const cols = Number.parseInt(attrs.cols, 10) || 2
            editor.chain().focus().insertTable({ rows, cols, withHeaderRow: true }).run()
          })
          return true
        },
    }
  },
})

/** Paste clean-up with its notice, the internal link chooser, French toolbar labels. */
export const SiteEditor = Extension.create({
  name: "siteEditor",

  addOptions() {
    return { linkSearchUrl: "" }
  },

  addStorage() {
    return { status: null, dismiss: null }
  },

  onBeforeCreate() {
    // Tiptap would add a <style> element the CSP blocks; editor.css carries its rules.
    this.editor.setOptions({ injectCSS: false })
  },

  onCreate() {
    const { editor, storage } = this
    const container = editor.options.element
    storage.status = el("p", { role: "status", class: "site-editor-notice__text" })
    storage.dismiss = el("button", { type: "button", class: "site-editor-notice__close", text: "Masquer ce message" })
    storage.dismiss.hidden = true
    storage.dismiss.addEventListener("click", () => {
      storage.status.textContent = ""
      storage.dismiss.hidden = true
      editor.commands.focus()
    })
    container.before(el("div", { class: "site-editor-notice" }, [storage.status, storage.dismiss]))

    // What the editor shows once it has read the stored text: a form whose text still reads
    // like this has not changed (static/admin-site/unsaved-changes.js).
    const textarea = container.querySelector("textarea")
    if (textarea) textarea.dataset.loadedValue = actuallyEmpty(editor.getHTML())

    relabel(editor.storage.menu?._definedItems || {}) // items defined after ours
  },

  transformPastedHTML(html) {
    const { html: cleaned, images } = cleanPastedHTML(html)
    if (images && this.storage.status) {
      this.storage.status.textContent = imageNotice(images)
      this.storage.dismiss.hidden = false
    }
    return cleaned
  },

  addMenuItems({ menu }) {
    relabel(this.editor.storage.menu?._definedItems || {}) // before the toolbar is built
    const editor = this.editor
    const url = this.options.linkSearchUrl
    menu.defineItem({
      name: "internalLink",
      groups: "link",
      priority: 200,
      button: el("button", {
        type: "button",
        class: "prose-menubar__button site-editor__text-button",
        title: "Lien vers une page, un projet, un porteur, une actualité ou une réunion du site",
        text: "Lien interne",
      }),
      command: () => chooseInternalLink(editor, url),
    })
  },
})

// The chooser: a modal dialog (focus inside, Esc closes) with a labelled search field and
// its results as buttons.
function chooseInternalLink(editor, url) {
  const id = `site-link-${++uid}`
  const input = el("input", { type: "search", id: `${id}-q`, autocomplete: "off", spellcheck: "false" })
  const status = el("p", { role: "status", class: "site-link-dialog__status", text: "Tapez au moins deux lettres du titre." })
  const results = el("ul", { class: "site-link-dialog__results", "aria-labelledby": `${id}-title` })
  const cancel = el("button", { type: "button", text: "Annuler" })
  const dialog = el(
    "dialog",
    { class: "prose-editor-dialog site-link-dialog", "aria-labelledby": `${id}-title` },
    [
      el("h2", { id: `${id}-title`, class: "prose-editor-dialog-title", text: "Lien interne" }),
      el("p", { class: "site-link-dialog__help", text: "Pages, projets, porteurs, actualités et réunions publiés, cherchés par leur titre." }),
      el("label", { for: `${id}-q`, text: "Rechercher par titre" }),
      input,
      status,
      results,
      el("div", { class: "prose-editor-dialog-buttons" }, [cancel]),
    ],
  )
  let timer = null
  let latest = 0

  const choose = (result) => {
    dialog.close()
    const attrs = { href: result.url, ref: result.ref }
    const chain = editor.chain().focus()
    if (editor.state.selection.empty && !editor.isActive("link")) {
      chain
        .insertContent({ type: "text", text: result.label, marks: [{ type: "link", attrs }] })
        .unsetMark("link")
        .run()
    } else {
      chain.extendMarkRange("link").setLink(attrs).run()
    }
  }

  const show = (found) => {
    results.replaceChildren(
      ...found.map((result) => {
        const button = el("button", { type: "button", class: "site-link-dialog__result" }, [
          el("span", { class: "site-link-dialog__label", text: result.label }),
          el("span", { class: "site-link-dialog__meta", text: `${result.type} – ${result.url}` }),
        ])
        button.addEventListener("click", () => choose(result))
        return el("li", {}, [button])
      }),
    )
    status.textContent = found.length
      ? `${found.length} résultat${found.length > 1 ? "s" : ""} : choisissez le contenu à lier.`
      : "Aucun contenu publié ne porte ce titre."
  }

  const search = async () => {
    const query = input.value.trim()
    const asked = ++latest
    if (query.length < 2) {
      results.replaceChildren()
      status.textContent = "Tapez au moins deux lettres du titre."
      return
    }
    status.textContent = "Recherche…"
    try {
      const response = await fetch(`${url}?q=${encodeURIComponent(query)}`, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      })
      const data = response.headers.get("Content-Type")?.includes("json") ? await response.json() : null
      if (asked !== latest) return
      if (!data) status.textContent = "Votre session a expiré : reconnectez-vous dans un autre onglet, puis réessayez."
      else if (!response.ok) status.textContent = data.error || "La recherche a échoué : réessayez."
      else show(data.results)
    } catch {
      if (asked === latest) status.textContent = "La recherche a échoué (connexion ?) : réessayez."
    }
  }

  input.addEventListener("input", () => {
    clearTimeout(timer)
    timer = setTimeout(search, 250)
  })
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault() // never submit the page's form from here
      results.querySelector("button")?.focus()
    }
  })
  cancel.addEventListener("click", () => dialog.close())
  dialog.addEventListener("close", () => {
    dialog.remove()
    if (!editor.isFocused) editor.commands.focus()
  })
  document.body.append(dialog)
  dialog.showModal()
  input.focus()
}
