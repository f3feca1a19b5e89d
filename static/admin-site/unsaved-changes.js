// Every admin change form warns before the page is left with changes not saved: the
// browser's own « leave the page? » prompt. Nothing is asked once the form is submitted,
// nor when every field still holds what was loaded. A rich-text field counts as unchanged
// when it holds what the editor showed on loading (data-loaded-value, set by editor.js):
// the editor rewrites stored HTML in its own way, which is no change of the text.
;(() => {
  const form = document.querySelector("#content-main form[method='post' i]")
  if (!form) return

  const SKIPPED = new Set(["hidden", "submit", "button", "reset", "image"])
  const fields = () =>
    [...form.elements].filter((field) => field.name && !field.disabled && !SKIPPED.has(field.type))

  const valueOf = (field) => {
    if (field.type === "checkbox" || field.type === "radio") return field.checked
    if (field.type === "file") return [...field.files].map((file) => file.name).join("\n")
    if (field.tagName === "SELECT") {
      return [...field.options].filter((option) => option.selected).map((option) => option.value).join("\n")
    }
    return field.value
  }

  // Fields added since (another inline row) count from their defaults.
  const changedFromDefault = (field) => {
    if (field.type === "checkbox" || field.type === "radio") return field.checked !== field.defaultChecked
    if (field.type === "file") return field.files.length > 0
    if (field.tagName === "SELECT") return [...field.options].some((option) => option.selected !== option.defaultSelected)
    return field.value !== field.defaultValue
  }

  const loaded = new Map(fields().map((field) => [field, valueOf(field)]))
  const changed = (field) => {
    if (!loaded.has(field)) return changedFromDefault(field)
    const value = valueOf(field)
    return value !== loaded.get(field) && value !== field.dataset.loadedValue
  }

  // A form sent back with errors holds what was typed, not what is saved.
  const rejected = form.querySelector(".errornote, .errorlist") !== null
  let submitting = false
  form.addEventListener("submit", () => {
    submitting = true
  })
  window.addEventListener("beforeunload", (event) => {
    if (!submitting && (rejected || fields().some(changed))) {
      event.preventDefault()
      event.returnValue = ""
    }
  })
})()
