/* Disclosure buttons (templates/includes/disclosure.html) once JavaScript runs.

   Without JavaScript a <details> is the button and the stylesheet shows the element that
   follows it while it is open. Here it becomes a <button aria-expanded aria-controls>, the
   pattern screen readers know best, keeping its state; the stylesheet reads aria-expanded
   the same way. Escape closes a dismissable one (the menu) and, if the focus was in it,
   gives the focus back to its button. */
(function () {
  "use strict";

  function setExpanded(button, expanded) {
    button.setAttribute("aria-expanded", expanded ? "true" : "false");
  }

  function enhance(details) {
    var summary = details.querySelector("summary");
    var button = document.createElement("button");
    button.type = "button";
    button.className = details.className + " " + summary.className;
    button.setAttribute("aria-controls", details.getAttribute("data-controls"));
    if (details.hasAttribute("data-dismissable")) {
      button.setAttribute("data-dismissable", "");
    }
    setExpanded(button, details.open);
    while (summary.firstChild) {
      button.appendChild(summary.firstChild);
    }
    button.addEventListener("click", function () {
      setExpanded(button, button.getAttribute("aria-expanded") !== "true");
    });
    var hadFocus = document.activeElement === summary;
    details.replaceWith(button);
    if (hadFocus) {
      button.focus();
    }
  }

  function closeOnEscape(event) {
    if (event.key !== "Escape") {
      return;
    }
    var open = document.querySelectorAll(
      "button.disclosure[data-dismissable][aria-expanded='true']"
    );
    Array.prototype.forEach.call(open, function (button) {
      var panel = document.getElementById(button.getAttribute("aria-controls"));
      var focused = document.activeElement;
      setExpanded(button, false);
      if (focused === button || (panel && panel.contains(focused))) {
        button.focus();
      }
    });
  }

  Array.prototype.forEach.call(
    document.querySelectorAll("details.disclosure[data-controls]"),
    enhance
  );
  document.addEventListener("keydown", closeOnEscape);
})();
