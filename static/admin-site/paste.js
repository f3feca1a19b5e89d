// HTML pasted from Word, LibreOffice or Google Docs, brought to the site's structure before
// the editor reads it. The server does the same on every save (pages/office_html.py), so
// this only spares editors a surprise: what they see after a paste is what will be kept.

const SPACES = " \t\n\r\u00a0"
const TYPED_MARKER =
  /^[ \t\u00a0]*([·•▪◦‣∙●○■□–—-]|o|\d{1,3}[.)]|[a-z]\))[ \t\u00a0]+/
const ORDERED_MARKER = /^\(?(\d{1,3}|[a-zA-Z]|[ivxlcdmIVXLCDM]{1,6})[.)]$/
const HEADINGS = { H1: "h2", H4: "h3", H5: "h3", H6: "h3" }
const MEDIA = "img, picture, svg, video, audio, iframe, object, embed"

const trimSpaces = (text) => {
  let start = 0
  while (start < text.length && SPACES.includes(text[start])) start++
  return text.slice(start)
}

const styles = (element) => {
  const declarations = {}
  for (const declaration of (element.getAttribute("style") || "").split(";")) {
    const [name, ...value] = declaration.split(":")
    if (value.length) {
      declarations[name.trim().toLowerCase()] = value.join(":").trim().toLowerCase()
    }
  }
  return declarations
}

const rename = (element, name) => {
  const renamed = element.ownerDocument.createElement(name)
  for (const { name: attribute, value } of element.attributes) {
    renamed.setAttribute(attribute, value)
  }
  renamed.append(...element.childNodes)
  element.replaceWith(renamed)
  return renamed
}

const unwrap = (element) => element.replaceWith(...element.childNodes)

const removeComments = (root) => {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_COMMENT)
  const comments = []
  while (walker.nextNode()) comments.push(walker.currentNode)
  for (const comment of comments) comment.remove()
}

// Remove the first `count` characters of an element's text, across its first text nodes.
const stripLeading = (element, count) => {
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT)
  const texts = []
  while (walker.nextNode()) texts.push(walker.currentNode)
  for (const text of texts) {
    if (count <= 0) return
    const length = text.data.length
    if (length > count) text.data = text.data.slice(count)
    else text.remove()
    count -= length
  }
}

const listKind = (marker) => (ORDERED_MARKER.test(marker) ? "ol" : "ul")

// [kind, level] if this paragraph is a list item written as a paragraph (marker removed).
const listItem = (paragraph) => {
  if (paragraph.tagName !== "P") return null
  const marker = [...paragraph.querySelectorAll("span")].find(
    (span) => styles(span)["mso-list"] === "ignore",
  )
  if (marker) {
    const text = marker.textContent.trim()
    let outer = marker
    while (
      outer.parentElement !== paragraph &&
      outer.parentElement.textContent.trim() === outer.textContent.trim()
    ) {
      outer = outer.parentElement // the font span Word wraps the marker in
    }
    outer.remove()
    const rest = paragraph.textContent
    stripLeading(paragraph, rest.length - trimSpaces(rest).length)
    const level = /level(\d+)/.exec(styles(paragraph)["mso-list"] || "")
    return [listKind(text), level ? Number(level[1]) : 1]
  }
  const match = TYPED_MARKER.exec(paragraph.textContent)
  if (!match) return null
  stripLeading(paragraph, match[0].length)
  return [listKind(match[1]), 1]
}

// Runs of paragraphs written as list items become real lists, nested by Word's levels.
const typedLists = (root) => {
  for (const parent of [root, ...root.querySelectorAll("td, th, blockquote, li, div")]) {
    let stack = []
    for (const child of [...parent.childNodes]) {
      if (child.nodeType === Node.TEXT_NODE && !trimSpaces(child.data)) continue
      const item = child.nodeType === Node.ELEMENT_NODE ? listItem(child) : null
      if (!item) {
        stack = []
        continue
      }
      const [kind, level] = item
      while (stack.length && stack.at(-1)[0] > level) stack.pop()
      if (stack.length && stack.at(-1)[0] === level && stack.at(-1)[1].localName !== kind) {
        stack.pop()
      }
      if (!stack.length || stack.at(-1)[0] < level) {
        const list = root.ownerDocument.createElement(kind)
        if (stack.length) stack.at(-1)[1].lastElementChild.append(list)
        else child.before(list)
        stack.push([level, list])
      }
      const li = root.ownerDocument.createElement("li")
      li.append(...child.childNodes)
      stack.at(-1)[1].append(li)
      child.remove()
    }
  }
  // Google Docs writes a sub-list directly inside its list: it belongs to the item above.
  for (const inner of root.querySelectorAll(":is(ul, ol) > :is(ul, ol)")) {
    const previous = inner.previousElementSibling
    if (previous?.tagName === "LI") previous.append(inner)
  }
}

const isBold = (style) => {
  const weight = style["font-weight"] || ""
  return weight.startsWith("bold") || Number(weight) >= 600
}

// Google Docs' bold and italic spans become strong and em; its outer « b » that is not bold
// goes; a header cell is bold already.
const inlineFormatting = (root) => {
  for (const b of root.querySelectorAll("b")) {
    if (["normal", "400"].includes(styles(b)["font-weight"])) unwrap(b)
  }
  for (const span of root.querySelectorAll("span[style]")) {
    if (span.closest("h2, h3, th")) continue
    const style = styles(span)
    if (isBold(style) && !span.closest("strong, b")) wrap(span, "strong")
    if (style["font-style"] === "italic" && !span.closest("em, i")) wrap(span, "em")
  }
  for (const strong of root.querySelectorAll("th :is(strong, b)")) unwrap(strong)
}

const wrap = (element, name) => {
  const wrapper = element.ownerDocument.createElement(name)
  element.replaceWith(wrapper)
  wrapper.append(element)
}

// A data table gets a header row: its first row, if none was marked.
const headerRows = (root) => {
  for (const table of root.querySelectorAll("table")) {
    const rows = table.querySelectorAll(":scope > tr, :scope > * > tr")
    if (rows.length < 2 || table.querySelector(":scope > thead > tr")) continue
    for (const cell of rows[0].querySelectorAll(":scope > td")) rename(cell, "th")
  }
}

/**
 * The pasted HTML as the site keeps it, and how many images it had (they are dropped: an
 * image belongs in the item's image field or in its documents).
 */
export function cleanPastedHTML(html) {
  const doc = new DOMParser().parseFromString(html, "text/html")
  const body = doc.body
  const images = body.querySelectorAll("img, picture:not(:has(img)), svg").length
  for (const media of body.querySelectorAll(MEDIA)) media.remove()
  if (body.querySelector("[data-pm-slice]")) {
    return { html: body.innerHTML, images } // copied from an editor of this site
  }
  removeComments(body)
  for (const heading of body.querySelectorAll("h1, h4, h5, h6")) {
    rename(heading, HEADINGS[heading.tagName])
  }
  typedLists(body)
  inlineFormatting(body)
  headerRows(body)
  for (const br of body.querySelectorAll(":scope > br")) br.remove() // between blocks
  for (const paragraph of body.querySelectorAll("p")) {
    if (!trimSpaces(paragraph.textContent) && !paragraph.querySelector("br")) {
      paragraph.remove() // Word's blank lines, and what held an image
    }
  }
  // Styles and classes have said what they had to say; as attributes, the page's CSP
  // would refuse them (one console error each) when the editor reads the HTML.
  for (const element of body.querySelectorAll("[style], [class]")) {
    element.removeAttribute("style")
    element.removeAttribute("class")
  }
  return { html: body.innerHTML, images }
}
