// « Tout sélectionner » on the export page: a static script, since the CSP blocks inline
// event handlers. It also unticks itself when a column is unticked.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const toggle = document.getElementById("select-all-toggle");
  if (!toggle) {
    return;
  }
  const columns = () =>
    Array.from(document.querySelectorAll('.selectable-field-export-row input[type="checkbox"]'));

  toggle.addEventListener("change", () => {
    columns().forEach((box) => {
      box.checked = toggle.checked;
    });
  });
  document.addEventListener("change", (event) => {
    if (event.target !== toggle && event.target.closest(".selectable-field-export-row")) {
      toggle.checked = columns().every((box) => box.checked);
    }
  });
});
