"""RGAA 4.1 criteria that need a rendered page, over the RGAA sample, in Chromium.

As in tests/test_rgaa_markup.py, each criterion's logic is a check returning the problems it
finds; the test over the sample expects none, and a control test runs the same check on a
page made to fail (`page.set_content`), which it must reject. Where axe-core stops (focus and
hover states, zoom, text spacing, keyboard behaviour of the scripts, error messages), these
go on.
"""

import re

import pytest

from ..test_rgaa_markup import SAMPLE, normalize, sample_paths

# Helpers run in the page. `rgaa.contrast(root, state)`, `rgaa.lostText()`… return lists of
# problems (strings) so that a failure says where to look.
RGAA_JS = r"""
window.rgaa = (() => {
  const parse = (value) => {
    const m = /^rgba?\(([^)]+)\)$/.exec(value.trim());
    if (!m) return null;
    const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(parseFloat);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const blend = (top, bottom) => {
    const a = top[3] + bottom[3] * (1 - top[3]);
    if (!a) return [0, 0, 0, 0];
    const mix = (i) => (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / a;
    return [mix(0), mix(1), mix(2), a];
  };
  const luminance = (c) => {
    const [r, g, b] = c.slice(0, 3).map((v) => {
      v /= 255;
      return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  // The colour behind an element: its and its ancestors' backgrounds laid on white.
  const background = (el) => {
    const layers = [];
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const s = getComputedStyle(node);
      if (s.backgroundImage !== "none") return "image";
      const c = parse(s.backgroundColor);
      if (c && c[3] > 0) {
        layers.push(c);
        if (c[3] >= 1) break;
      }
    }
    return layers.reverse().reduce((below, layer) => blend(layer, below), [255, 255, 255, 1]);
  };
  // Not shown on screen: display none, invisible, or the 1 px clipped box of .visually-hidden.
  const visuallyHidden = (el) => {
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const s = getComputedStyle(node);
      if (s.display === "none" || s.visibility === "hidden") return true;
      if (parseFloat(s.opacity) === 0) return true;
      if (s.clip === "rect(0px, 0px, 0px, 0px)" || s.clipPath === "inset(50%)") return true;
      const r = node.getBoundingClientRect();
      if (/hidden|clip/.test(s.overflow) && r.width <= 1 && r.height <= 1) return true;
    }
    return false;
  };
  const ownText = (el) =>
    [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join("").trim();
  const describe = (el) => {
    const classes = typeof el.className === "string" && el.className.trim()
      ? "." + el.className.trim().split(/\s+/).join(".") : "";
    const text = (ownText(el) || el.value || el.innerText || "").trim().slice(0, 40);
    return `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${classes}`
      + (text ? ` « ${text} »` : "");
  };
  const SKIPPED = ["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "OPTION", "OPTGROUP", "TITLE"];
  // Elements showing text of their own (or a field's value), on screen.
  const textElements = (root) =>
    [root, ...root.querySelectorAll("*")].filter((el) =>
      !SKIPPED.includes(el.tagName)
      && (ownText(el) || el.tagName === "SELECT"
          || (["INPUT", "TEXTAREA"].includes(el.tagName) && el.type !== "hidden" && el.value))
      && el.getClientRects().length && !visuallyHidden(el));
  const contrast = (root, state) => {
    const problems = [];
    for (const el of textElements(root)) {
      if (el.disabled) continue;  // inactive controls are exempt
      const s = getComputedStyle(el);
      const bg = background(el);
      if (bg === "image") {
        problems.push(`${describe(el)}: text on a background image (${state})`);
        continue;
      }
      const colour = parse(s.color);
      if (!colour) {
        problems.push(`${describe(el)}: colour ${s.color} not understood (${state})`);
        continue;
      }
      const size = parseFloat(s.fontSize);
      const large = size >= 24 || (size >= 18.66 && parseInt(s.fontWeight, 10) >= 700);
      const needed = large ? 3 : 4.5;
      const value = ratio(blend(colour, bg), bg);
      if (value < needed - 0.005) {
        problems.push(`${describe(el)}: ${value.toFixed(2)}:1 < ${needed}:1 (${state})`);
      }
    }
    return problems;
  };
  const FOCUSABLE = "a[href], area[href], button, input:not([type=hidden]), select, textarea,"
    + " summary, iframe, [tabindex], [contenteditable=true]";
  // What the keyboard should reach: focusable, in the tab order, shown.
  const focusables = () => [...document.querySelectorAll(FOCUSABLE)].filter((el) =>
    !el.disabled && el.tabIndex >= 0 && !el.closest("[inert]") && el.getClientRects().length
    && getComputedStyle(el).visibility !== "hidden"
    && !(el.tagName === "SUMMARY" && el.parentElement.firstElementChild !== el));
  const look = (el) => {
    const s = getComputedStyle(el);
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.borderColor,
      s.backgroundColor, s.color, s.textDecorationLine, s.textDecorationThickness].join("|");
  };
  const looks = new Map();
  // Numbers the elements the keyboard should reach and notes how they look unfocused.
  const markFocusables = () => {
    const all = focusables();
    all.forEach((el, i) => { el.dataset.rgaaKey = String(i); looks.set(el, look(el)); });
    return all.map(describe);
  };
  const focusProblem = (el) => {
    if (!looks.has(el)) return null;
    const s = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    const offScreen = r.bottom <= 0 || r.top >= innerHeight;
    if (r.width < 1 || r.height < 1 || offScreen || visuallyHidden(el)) {
      return `${describe(el)}: focused but not on screen`;
    }
    const [restStyle, restWidth, restColour, restShadow] = looks.get(el).split("|");
    const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 1
      && [s.outlineStyle, s.outlineWidth, s.outlineColor].join("|")
        !== [restStyle, restWidth, restColour].join("|");
    if (!outline && (s.boxShadow === "none" || s.boxShadow === restShadow)) {
      return `${describe(el)}: no outline nor shadow appears on focus`;
    }
    if (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 1) {
      const ring = parse(s.outlineColor);
      const behind = background(el.parentElement);
      const value = ring && behind !== "image" ? ratio(blend(ring, behind), behind) : 21;
      if (value < 3) {
        return `${describe(el)}: focus outline ${value.toFixed(2)}:1 against its background`;
      }
    }
    return null;
  };
  const stop = () => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    return {
      key: el.dataset.rgaaKey ?? describe(el),
      description: describe(el),
      focus: focusProblem(el),
      contrast: contrast(el, "focus"),
    };
  };
  const positiveTabindex = () => [...document.querySelectorAll("[tabindex]")]
    .filter((el) => parseInt(el.getAttribute("tabindex"), 10) > 0).map(describe);
  const CONTROLS = "a[href], button, input, select, textarea, summary, label,"
    + " [tabindex]:not([tabindex='-1'])";
  // Looks or acts clickable (pointer cursor, on* mouse attribute) but is no control.
  const pointerOnly = () => [...document.querySelectorAll("body *")].filter((el) =>
    (["onclick", "onmousedown", "onmouseup", "ondblclick"].some((a) => el.hasAttribute(a))
     || el.hasAttribute("data-rgaa-pointer-listener")
     || getComputedStyle(el).cursor === "pointer")
    && el.getClientRects().length
    && !el.closest(CONTROLS)
  ).map(describe);
  const scrollsSideways = (el) => {
    for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
      if (/auto|scroll/.test(getComputedStyle(node).overflowX)) return true;
    }
    return false;
  };
  // Text cut off, spilling out of its box, or out of the page sideways; a page that scrolls
  // sideways.
  const lostText = () => {
    const problems = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1) {
      problems.push(`the page scrolls sideways: ${doc.scrollWidth}px for ${doc.clientWidth}px`);
    }
    for (const el of textElements(document.body)) {
      for (let node = el; node && node !== document.body; node = node.parentElement) {
        const s = getComputedStyle(node);
        const hides = /hidden|clip/.test(s.overflowX + " " + s.overflowY);
        const overflows = node.scrollWidth > node.clientWidth + 1
          || node.scrollHeight > node.clientHeight + 1;
        if (hides && overflows) {
          problems.push(`${describe(el)} cut off by ${describe(node)}`);
          break;
        }
      }
      const s = getComputedStyle(el);
      if (s.display !== "inline" && s.overflowY === "visible" && el.clientHeight > 0
          && el.scrollHeight > el.clientHeight + 2) {
        problems.push(`${describe(el)} spills out of its box`);
      }
      const r = el.getBoundingClientRect();
      if ((r.right > doc.clientWidth + 1 || r.left < -1) && !scrollsSideways(el)) {
        problems.push(`${describe(el)} goes out of the page sideways`);
      }
    }
    return [...new Set(problems)];
  };
  const TEXT_SPACING = "* { line-height: 1.5 !important; letter-spacing: 0.12em !important;"
    + " word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }";
  // Through the CSSOM: a <style> element would be refused by the site's CSP.
  const spaceText = () => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(TEXT_SPACING);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return getComputedStyle(document.body).letterSpacing;
  };
  const visibleLabel = (el) => {
    if (el.closest("[aria-hidden=true]") || !el.getClientRects().length || visuallyHidden(el)) {
      return null;
    }
    const labels = [...(el.labels || [])]
      .filter((l) => l.getClientRects().length && !visuallyHidden(l));
    if (labels.length) return labels.map((l) => l.innerText).join(" ").trim();
    if (el.placeholder) return el.placeholder;
    const button = el.form && [...el.form.querySelectorAll("button, input[type=submit]")]
      .find((b) => !visuallyHidden(b));
    return button ? (button.innerText || button.value).trim() : "";
  };
  return {
    contrast, textElements, describe, visuallyHidden, markFocusables, focusables, stop,
    positiveTabindex, pointerOnly, lostText, spaceText, visibleLabel,
  };
})();
"""


def with_helpers(page):
    page.evaluate(RGAA_JS)
    return page


def over_the_sample(page, site, check):
    """{path: problems} for the sample pages where `check(page)` finds any."""
    found = {}
    for path in sample_paths():
        page.goto(site + path)
        with_helpers(page)
        problems = check(page)
        if problems:
            found[path] = problems
    return found


def on_content(page, markup):
    """A control case: `markup` as the page, with the helpers."""
    page.set_content(markup)
    return with_helpers(page)


# 3.2 — contrast of text, at rest, focused and hovered.


def tab_walk(page):
    """Press Tab until the focus leaves the page or comes back: the stops, in order (see
    rgaa.stop), after `markFocusables` noted what the keyboard should reach."""
    expected = page.evaluate("rgaa.markFocusables()")
    stops, seen = [], set()
    for _ in range(len(expected) + 10):
        page.keyboard.press("Tab")
        stop = page.evaluate("rgaa.stop()")
        if stop is None or stop["key"] in seen:
            break
        seen.add(stop["key"])
        stops.append(stop)
    return expected, stops


def hover_contrast(page):
    problems = []
    count = page.evaluate(
        "[...document.querySelectorAll('a[href], button, summary, [role=button]')]"
        ".filter(el => el.getClientRects().length && !rgaa.visuallyHidden(el)).length"
    )
    for index in range(count):
        centre = page.evaluate(
            """i => {
                const el = [...document.querySelectorAll('a[href], button, summary, [role=button]')]
                    .filter(el => el.getClientRects().length && !rgaa.visuallyHidden(el))[i];
                el.scrollIntoView({block: 'center'});
                const r = el.getClientRects()[0];
                window.rgaaHovered = el;
                // Out of reach of the pointer (the skip link above the page): nothing to hover.
                if (r.bottom <= 0 || r.top >= innerHeight) return null;
                return [r.left + Math.min(r.width / 2, 4), r.top + r.height / 2];
            }""",
            index,
        )
        if centre is None:
            continue
        page.mouse.move(*centre)
        if not page.evaluate("rgaaHovered.matches(':hover')"):
            # Just after a scroll Chromium may not update :hover: Playwright's own hover
            # waits for the element to be still.
            page.evaluate_handle("rgaaHovered").as_element().hover(timeout=2000)
        problems += page.evaluate(
            "rgaaHovered.matches(':hover') ? rgaa.contrast(rgaaHovered, 'hover')"
            " : [rgaa.describe(rgaaHovered) + ': cannot be hovered']"
        )
    page.mouse.move(0, 0)
    return problems


def contrast_problems(page):
    problems = page.evaluate("rgaa.contrast(document.body, 'rest')")
    problems += [p for stop in tab_walk(page)[1] for p in stop["contrast"]]
    return sorted(set(problems + hover_contrast(page)))


def test_3_2_text_contrast_at_rest_focused_and_hovered(site, page):
    assert over_the_sample(page, site, contrast_problems) == {}


def test_3_2_control_pale_text_and_pale_hover_are_found(page):
    on_content(
        page,
        "<style>body{background:#fff} .pale{color:#999} a:hover{color:#bbb}"
        " button:focus{color:#ddd;background:#fff} .big{font-size:30px;color:#888}</style>"
        '<p class="pale">Texte pâle</p><p><a href="#x">Lien</a></p><button>Bouton</button>'
        '<p class="big">Grand texte à 3,5:1</p>',
    )
    problems = contrast_problems(page)
    assert [p for p in problems if "Texte pâle" in p and "rest" in p], problems
    assert [p for p in problems if "Lien" in p and "hover" in p], problems
    assert [p for p in problems if "Bouton" in p and "focus" in p], problems
    assert not [p for p in problems if "Grand texte" in p], problems  # large: 3:1 is enough


# 7.1 — the scripts' buttons (menu, project filters) tell their state: a real button with
# aria-expanded and aria-controls, opened and closed by Enter and Space, Escape closing the
# menu and giving the focus back; the state stays « true » while the focus is in the panel.


def disclosure_problems(page, selector):
    buttons = page.locator(selector)
    if buttons.count() != 1:
        return [f"{selector}: {buttons.count()} elements"]
    button = buttons.first
    info = button.evaluate(
        """b => ({tag: b.tagName, role: b.getAttribute('role'), name: b.innerText.trim(),
                  expanded: b.getAttribute('aria-expanded'),
                  controls: b.getAttribute('aria-controls'),
                  dismissable: b.hasAttribute('data-dismissable')})"""
    )
    problems = []
    if info["tag"] != "BUTTON" and info["role"] != "button":
        problems.append(f"{selector} is no button")
    if not info["name"]:
        problems.append(f"{selector} has no name")
    if info["expanded"] not in ("true", "false"):
        problems.append(f"{selector} has no aria-expanded")
    panel = page.locator(f"#{info['controls']}") if info["controls"] else None
    if panel is None or panel.count() != 1:
        return [*problems, f"{selector}: aria-controls names no element"]

    def state():
        return button.get_attribute("aria-expanded"), panel.is_visible()

    def expect(step, expanded):
        if state() != (str(expanded).lower(), expanded):
            problems.append(f"{selector} after {step}: aria-expanded, shown = {state()}")

    button.focus()
    expect("loading", False)
    for step, key, expanded in [
        ("Enter", "Enter", True),
        ("Enter again", "Enter", False),
        ("Space", " ", True),
    ]:
        page.keyboard.press(key)
        expect(step, expanded)
    page.keyboard.press("Tab")
    if not page.evaluate(
        "id => document.getElementById(id).contains(document.activeElement)", info["controls"]
    ):
        problems.append(f"{selector}: Tab does not go into the opened panel")
    expect("Tab into the panel", True)
    if info["dismissable"]:
        page.keyboard.press("Escape")
        expect("Escape", False)
        if not button.evaluate("b => b === document.activeElement"):
            problems.append(f"{selector}: Escape does not give the focus back to the button")
    else:
        button.focus()
        page.keyboard.press(" ")
        expect("Space again", False)
    button.click()
    expect("a click", True)
    return problems


@pytest.fixture
def phone(context):
    """Below both break points: the menu and the filters fold behind their buttons."""
    page = context.new_page()
    page.set_viewport_size({"width": 375, "height": 800})
    return page


def test_7_1_menu_and_filters_buttons_work_with_the_keyboard_and_tell_their_state(site, phone):
    found = over_the_sample(phone, site, lambda p: disclosure_problems(p, "button.menu-toggle"))
    phone.goto(site + SAMPLE["projets-filtres"])
    filters = disclosure_problems(phone, "button.filters__toggle")
    assert (found, filters) == ({}, [])


def test_7_1_control_a_mouse_only_disclosure_is_found(page):
    on_content(
        page,
        '<span class="toggle" onclick="document.getElementById(\'p\').hidden ^= true">Menu</span>'
        '<div id="p" hidden><a href="/">Accueil</a></div>'
        "<script>document.querySelector('.toggle').setAttribute('aria-controls', 'p')</script>",
    )
    problems = disclosure_problems(page, ".toggle")
    assert ".toggle is no button" in problems and ".toggle has no aria-expanded" in problems
    assert any("after Enter" in problem for problem in problems), problems


# 7.3 — everything operable is reached by the keyboard, in no forced order, and nothing
# works with the mouse alone.


# Before any script of the page runs: an element given a mouse listener through
# addEventListener (the site's own way, its CSP forbidding inline handlers) is marked, so that
# `pointerOnly` finds it too.
RECORD_POINTER_LISTENERS = """
(() => {
  const add = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (type, ...rest) {
    const pointer = /^(click|dblclick|mousedown|mouseup|pointerdown|pointerup)$/;
    if (this instanceof Element && pointer.test(type)) {
      this.setAttribute("data-rgaa-pointer-listener", type);
    }
    return add.call(this, type, ...rest);
  };
})();
"""


def keyboard_problems(page):
    expected, stops = tab_walk(page)
    reached = {stop["key"] for stop in stops}
    problems = [
        f"not reached by Tab: {description}"
        for key, description in enumerate(expected)
        if str(key) not in reached
    ]
    problems += [f"positive tabindex: {d}" for d in page.evaluate("rgaa.positiveTabindex()")]
    problems += [f"mouse only: {d}" for d in page.evaluate("rgaa.pointerOnly()")]
    return problems


def test_7_3_every_control_is_reached_and_operated_with_the_keyboard(site, page, phone):
    page.add_init_script(RECORD_POINTER_LISTENERS)
    phone.add_init_script(RECORD_POINTER_LISTENERS)
    desktop = over_the_sample(page, site, keyboard_problems)

    # On a phone the menu and filters are closed: what they hide is reached once opened.
    def opened(page):
        page.evaluate("document.querySelectorAll('button.disclosure').forEach(b => b.click())")
        return keyboard_problems(page)

    assert (desktop, over_the_sample(phone, site, opened)) == ({}, {})


def test_7_3_control_keyboard_traps_and_mouse_only_controls_are_found(page):
    on_content(  # set_content runs no init script: the recorder comes first in the page
        page,
        f"<script>{RECORD_POINTER_LISTENERS}</script>"
        '<a href="#a">Premier</a><a href="#b" tabindex="3">Forcé</a>'
        '<div onclick="alert(1)">Cliquer ici</div><span style="cursor:pointer">Ouvrir</span>'
        '<div id="menu">Déplier</div>'
        "<script>document.getElementById('menu').addEventListener('click', () => {})</script>",
    )
    problems = keyboard_problems(page)
    assert any(p.startswith("positive tabindex") for p in problems), problems
    assert len([p for p in problems if p.startswith("mouse only")]) == 3, problems


# 10.4 — text enlarged to 200 % (root font size) loses nothing at 1280 px.


def zoomed_text_problems(page):
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    return page.evaluate("rgaa.lostText()")


def test_10_4_text_at_200_percent_is_not_cut(site, page):
    assert over_the_sample(page, site, zoomed_text_problems) == {}


def test_10_4_control_text_cut_when_enlarged_is_found(page):
    on_content(
        page,
        '<div style="width:20rem;height:1.6em;overflow:hidden;font-size:1rem">'
        "Une phrase assez longue pour passer à la ligne quand le texte grossit</div>",
    )
    assert zoomed_text_problems(page)


# 10.7 — every element reached by the keyboard shows it has the focus.


def invisible_focus(page):
    return [stop["focus"] for stop in tab_walk(page)[1] if stop["focus"]]


def test_10_7_the_focus_is_visible_on_every_control(site, page):
    assert over_the_sample(page, site, invisible_focus) == {}


def test_10_7_control_a_control_without_focus_style_is_found(page):
    on_content(
        page,
        "<style>a:focus{outline:none} button:focus{outline:2px solid #f5f5f5}</style>"
        '<p><a href="#x">Sans contour</a> <button>Contour invisible</button></p>',
    )
    problems = invisible_focus(page)
    assert [p for p in problems if "Sans contour" in p and "no outline" in p], problems
    assert [p for p in problems if "Contour invisible" in p and "outline" in p], problems


# 10.11 — at 320 CSS px wide, nothing scrolls sideways and nothing is cut, menus open too.


def reflow_problems(page):
    problems = page.evaluate("rgaa.lostText()")
    page.evaluate("document.querySelectorAll('button.disclosure').forEach(b => b.click())")
    return problems + [f"{p} (opened)" for p in page.evaluate("rgaa.lostText()")]


@pytest.fixture
def narrow(context):
    page = context.new_page()
    page.set_viewport_size({"width": 320, "height": 640})
    return page


def test_10_11_content_reflows_at_320_px(site, narrow):
    assert over_the_sample(narrow, site, reflow_problems) == {}


def test_10_11_control_a_fixed_width_block_is_found(narrow):
    on_content(narrow, '<div style="width:600px">Un bloc de largeur fixe</div>')
    assert reflow_problems(narrow)


# 10.12 — text spacing (line height 1.5, paragraphs 2em apart, letters 0.12em, words
# 0.16em) loses nothing.


def spaced_text_problems(page):
    assert page.evaluate("rgaa.spaceText()") != "normal", "the spacing was not applied"
    return page.evaluate("rgaa.lostText()")


def test_10_12_text_spacing_loses_nothing(site, page, narrow):
    assert over_the_sample(page, site, spaced_text_problems) == {}
    assert over_the_sample(narrow, site, spaced_text_problems) == {}


def test_10_12_control_a_box_of_fixed_height_is_found(page):
    on_content(
        page,
        '<p style="width:12rem;height:3.2em;overflow:hidden;line-height:1.2">'
        "Un texte sur deux lignes tout juste dans sa boîte</p>",
    )
    assert spaced_text_problems(page)


# 11.2 — each field's accessible name contains its visible label (what is seen is what a
# screen reader says, and what a voice command can name).

FIELDS = "input:not([type=hidden]):not([type=submit]):not([type=button]), select, textarea"


def label_problems(page):
    cdp = page.context.new_cdp_session(page)
    try:
        root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        nodes = cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": FIELDS})["nodeIds"]
        cues = page.evaluate(
            "s => [...document.querySelectorAll(s)].map(rgaa.visibleLabel)", FIELDS
        )
        descriptions = page.evaluate(
            "s => [...document.querySelectorAll(s)].map(rgaa.describe)", FIELDS
        )
        problems = []
        for node, cue, description in zip(nodes, cues, descriptions, strict=True):
            if cue is None:  # not shown, or hidden from assistive technologies
                continue
            tree = cdp.send(
                "Accessibility.getPartialAXTree", {"nodeId": node, "fetchRelatives": False}
            )
            name = tree["nodes"][0].get("name", {}).get("value", "")
            if not cue.strip():
                problems.append(f"{description}: no visible label")
            elif normalize(cue).rstrip(" :*") not in normalize(name):
                problems.append(f"{description}: shows « {cue} », is named « {name} »")
        return problems
    finally:
        cdp.detach()


def test_11_2_every_field_is_named_by_its_visible_label(site, page):
    assert over_the_sample(page, site, label_problems) == {}


def test_11_2_control_a_field_named_otherwise_than_its_label_is_found(page):
    on_content(
        page,
        '<label for="a">Adresse électronique</label><input id="a" aria-label="Champ 1">'
        '<label for="b">Commune</label><select id="b"><option>Saulieu</option></select>',
    )
    assert label_problems(page) == ["input#a: shows « Adresse électronique », is named « Champ 1 »"]


# 11.10 — an input error is said in French, tied to its field and announced.

ENGLISH_ERRORS = re.compile(
    r"enter a valid|this field is required|select a valid|bad request", re.I
)
FRENCH_WORDS = {"le", "la", "les", "de", "des", "du", "un", "une", "est", "votre", "ce", "cette"}
FRENCH_WORDS |= {"pas", "indiquez", "verifiez", "choisissez", "requete", "adresse", "valide"}


def error_problems(page, field=None):
    """The error (role=alert, or the focus moved to it, or a page titled with it) is
    French; `field`, if given, is marked aria-invalid and tied to the message (named by it,
    by aria-describedby, or by a link from the message to the field)."""
    found = page.evaluate(
        """field => {
            const alert = document.querySelector('[role=alert], [aria-live=assertive]');
            const focused = document.activeElement;
            const input = field && document.querySelector(field);
            const described = input ? (input.getAttribute('aria-describedby') || '').split(/\\s+/)
                .map(id => document.getElementById(id)).filter(Boolean).map(e => e.innerText) : [];
            return {
                alert: alert ? alert.innerText.trim() : '',
                alertShown: !!alert && !rgaa.visuallyHidden(alert),
                focusOnError: focused !== document.body
                    && !!focused.closest('.form-errors, [aria-invalid=true]'),
                title: document.title, h1: (document.querySelector('h1') || {}).innerText || '',
                invalid: input ? input.getAttribute('aria-invalid') : null,
                described: described.join(' '),
                linked: !!(input && alert && input.id
                    && alert.querySelector(`a[href="#${input.id}"]`)),
                label: input && input.labels.length ? input.labels[0].innerText.trim() : '',
            };
        }""",
        field,
    )
    problems = []
    message = found["alert"] or found["h1"]
    titled = re.search(r"erreur|incorrect|invalide|pas valide", normalize(found["title"]))
    if not (found["alert"] and found["alertShown"] or found["focusOnError"] or titled):
        problems.append("the error is not announced (no role=alert, focus or title)")
    words = set(re.findall(r"[a-z]+", normalize(message)))
    if not message or ENGLISH_ERRORS.search(message) or not words & FRENCH_WORDS:
        problems.append(f"the error is not said in French: « {message[:80] or '…'} »")
    if field:
        if found["invalid"] != "true":
            problems.append(f"{field} is not aria-invalid")
        if not (
            found["described"] or found["linked"] or found["label"] and found["label"] in message
        ):
            problems.append(f"{field} is not tied to its error message")
    return problems


def test_11_10_subscription_errors_are_french_tied_and_announced(site, page):
    problems = {}
    for address in ["", "pas-une-adresse", "prenom.nom@"]:
        page.goto(site + "/s-abonner/alertes/")
        page.fill("#id_email", address)
        with page.expect_navigation():
            page.click(".subscribe-form button[type=submit]")
        with_helpers(page)
        if found := error_problems(page, "#id_email"):
            problems[address] = found
    # Fields that can be left empty are said to be required before sending (11.10.1); a
    # list without an empty choice cannot be.
    page.goto(site + "/s-abonner/alertes/")
    required = page.evaluate(
        """[...document.querySelectorAll('.subscribe-form :is(input, select, textarea)')]
            .filter(e => e.type !== 'hidden' && !e.closest('[aria-hidden=true]'))
            .filter(e => e.tagName !== 'SELECT' || [...e.options].some(o => o.value === ''))
            .filter(e => !(e.required || e.getAttribute('aria-required') === 'true'))
            .map(e => e.id)"""
    )
    assert (problems, required) == ({}, [])


def test_11_10_project_filter_errors_are_french_and_announced(site, page):
    response = page.goto(site + "/projets/?levier=inexistant&porteur=personne")
    assert response.status == 400
    with_helpers(page)
    assert error_problems(page) == []
    assert page.locator("[role=alert]").inner_text().count(" : ") == 2  # each filter named


def test_11_10_search_errors_cannot_be_typed_and_are_french_in_the_address(site, page):
    page.goto(site + "/recherche/")
    # The form keeps to the limit, so the only error comes from a hand-made address.
    assert page.evaluate(
        "[...document.querySelectorAll('input[name=q]')].map(i => i.maxLength)"
    ) == [200, 200]
    response = page.goto(site + "/recherche/?q=" + "a" * 201)
    assert response.status == 400
    with_helpers(page)
    assert error_problems(page) == []


def test_11_10_control_an_english_error_away_from_its_field_is_found(page):
    on_content(
        page,
        '<title>Abonnement</title><form><label for="e">Adresse</label><input id="e">'
        '<p class="error">Enter a valid email address.</p></form>',
    )
    assert error_problems(page, "#e") == [
        "the error is not announced (no role=alert, focus or title)",
        "the error is not said in French: « … »",
        "#e is not aria-invalid",
        "#e is not tied to its error message",
    ]


# 12.7 — a skip link, first in the tab order, shown when focused, that moves the focus to
# the main content.


def skip_link_problems(page):
    page.keyboard.press("Tab")
    first = page.evaluate(
        """() => {
            const a = document.activeElement, r = a.getBoundingClientRect();
            const href = a.getAttribute('href') || '';
            const target = href.startsWith('#') ? document.getElementById(href.slice(1)) : null;
            return {
                link: a.tagName === 'A', href, text: a.innerText.trim(),
                shown: r.width > 1 && r.height > 1 && r.top >= 0 && !rgaa.visuallyHidden(a),
                toMain: !!target && !!target.closest('main, [role=main]'),
            };
        }"""
    )
    if not (first["link"] and first["href"].startswith("#")):
        return [f"the first tab stop is not a skip link: « {first['text']} »"]
    problems = []
    if not first["toMain"]:
        problems.append(f"the skip link goes to {first['href']}, not to the main content")
    if "contenu" not in normalize(first["text"]):
        problems.append(f"the skip link says « {first['text']} »")
    if not first["shown"]:
        problems.append("the skip link is not shown when focused")
    page.keyboard.press("Enter")
    if not page.evaluate("!!document.activeElement.closest('main, [role=main]')"):
        problems.append("the skip link does not move the focus to the main content")
    page.keyboard.press("Tab")
    if not page.evaluate("!!document.activeElement.closest('main, [role=main]')"):
        problems.append("after the skip link, Tab does not go on in the main content")
    return problems


def test_12_7_a_skip_link_leads_to_the_main_content(site, page):
    assert over_the_sample(page, site, skip_link_problems) == {}


def test_12_7_control_a_page_without_skip_link_is_found(page):
    on_content(page, '<header><a href="/">Accueil</a></header><main><a href="/x">Lien</a></main>')
    assert skip_link_problems(page) == ["the first tab stop is not a skip link: « Accueil »"]
    on_content(
        page, '<a href="#pied">Aller au contenu</a><main><a href="/x">x</a></main><p id="pied">'
    )
    assert "not to the main content" in skip_link_problems(page)[0]


# 13.2 — no window opens without the visitor's action.


def windows_opened(context, visit):
    opened = []

    def record(new_page):
        opened.append(new_page.url)

    context.on("page", record)
    try:
        visit()
    finally:
        context.remove_listener("page", record)
    return opened


def test_13_2_no_window_opens_on_its_own(site, context, page):
    def visit():
        for path in sample_paths():
            page.goto(site + path)
            page.wait_for_timeout(150)

    assert windows_opened(context, visit) == []


def test_13_2_control_a_window_opened_by_a_script_is_found(context, page):
    def visit():
        page.set_content("<script>window.open('about:blank#publicite')</script>")
        page.wait_for_timeout(300)

    assert windows_opened(context, visit)
