"""Small screens and large text in Chromium on every page type (WCAG 2.1 SC 1.4.10, 1.4.12, 1.4.4).

- Reflow: at 320 and 1280 CSS px the page is never wider than the window; only a wide table may
  scroll, inside its own labelled region that the keyboard can reach.
- Text spacing: with line height 1.5, paragraph spacing 2, letter spacing 0.12 and word spacing
  0.16 em set by a user style, no text is cut off and no two pieces of text overlap.
- Text at 200 %: nothing is cut off, and the header's menu and search still work.
"""

from __future__ import annotations

import pytest

from tests.browser.test_accessibility import PAGE_TYPES

# The user style of SC 1.4.12, as the W3C's text-spacing bookmarklet applies it.
TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""

# A reader's own style sheet, as a browser extension adds it: a constructed style sheet, which the
# site's Content Security Policy (style-src 'self') does not govern, unlike a <style> element.
ADD_USER_STYLE = """(css) => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}"""

# Elements that stick out to the right of the window, unless they are inside a scrolling region.
OUTSIDE = """() => {
  const width = document.documentElement.clientWidth;
  return [...document.body.querySelectorAll("*")]
    .filter(e => e.getBoundingClientRect().right > width + 1 && !e.closest(".table-scroll"))
    .slice(0, 5).map(e => `${e.tagName.toLowerCase()}.${e.className}`);
}"""

# Regions that scroll sideways: each must be focusable and named.
SCROLLERS = """() => [...document.querySelectorAll("*")]
  .filter(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === "auto")
  .map(e => ({
    focusable: e.tabIndex >= 0,
    named: Boolean(e.getAttribute("aria-label") || e.getAttribute("aria-labelledby")),
    role: e.getAttribute("role"),
  }))"""

# Text cut off by a box that hides what does not fit, and any two pieces of text that overlap: every
# pair of text boxes that are not inside one another, found by sweeping the boxes from top to bottom.
CLIPPED_OR_OVERLAPPING = """() => {
  const shownElsewhere = e => {
    if (!e.closest(".page-bar")) return false;
    const lines = (e.innerText ?? e.textContent).split("\\n").map(line => line.trim()).filter(Boolean);
    return lines.length > 0 && lines.every(line => document.body.innerText.split(line).length > 2);
  };
  const found = [];
  for (const e of [document.documentElement, document.body, ...document.body.querySelectorAll("*")]) {
    const style = getComputedStyle(e);
    // Text kept for screen readers only (1 px, clipped on purpose) is not cut off.
    if (e.getBoundingClientRect().width <= 1) continue;
    const hides = [style.overflowX, style.overflowY].some(value => ["hidden", "clip"].includes(value));
    const overflows = e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1;
    // A shortened line whose whole text the page shows elsewhere loses nothing (the sticky page
    // bar repeats the page's heading and its report or committee).
    const text = e.textContent.trim();
    if (hides && overflows && text && !shownElsewhere(e)) {
      found.push(`cut off: ${e.tagName.toLowerCase()}.${e.className}`);
    }
  }
  const selector = "h1, h2, h3, h4, p, li, dt, dd, label, button, input, th, td, a, summary, caption";
  const texts = [...document.body.querySelectorAll(selector)]
    .filter(e => e.offsetParent !== null && !e.closest("[hidden], .skip-link"));
  // A link that wraps has one box per line: compare the boxes, not the rectangle around them.
  const boxes = texts.flatMap(e => [...e.getClientRects()].filter(r => r.width && r.height).map(r => [e, r]))
    .sort((a, b) => a[1].top - b[1].top);
  const name = e => `${e.tagName.toLowerCase()} "${e.textContent.trim().slice(0, 30)}"`;
  for (let i = 0; i < boxes.length && found.length < 5; i++) {
    const [a, ra] = boxes[i];
    for (let j = i + 1; j < boxes.length && boxes[j][1].top < ra.bottom - 2; j++) {
      const [b, rb] = boxes[j];
      if (a === b || a.contains(b) || b.contains(a)) continue;
      const across = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
      const down = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
      if (across > 2 && down > 2) { found.push(`overlap: ${name(a)} / ${name(b)}`); break; }
    }
  }
  return found.slice(0, 5);
}"""


def load(tab, url: str) -> None:
    tab.goto(url)
    if "?q=" in url:  # the search page: its results first
        tab.wait_for_selector("#soeg-status:not(:empty)")


def open_at(new_page, site_url, path: str, width: int, text_size: str = ""):
    tab = new_page(width=width)
    load(tab, f"{site_url}{path}")
    if text_size:
        tab.evaluate("(size) => { document.documentElement.style.fontSize = size; }", text_size)
    return tab


def reflow_problems(tab) -> list:
    """What makes the page scroll sideways: elements sticking out, or a scrolling region that is not
    focusable, named and a region."""
    width = tab.evaluate("document.documentElement.clientWidth")
    problems = []
    if tab.evaluate("document.documentElement.scrollWidth") > width:
        problems.append({"sticks out": tab.evaluate(OUTSIDE)})
    for scroller in tab.evaluate(SCROLLERS):
        if scroller != {"focusable": True, "named": True, "role": "region"}:
            problems.append({"scrolling region": scroller})
    return problems


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_page_reflows_and_keeps_its_text_with_spacing_and_at_200_percent(new_page, site_url, name):
    """Loaded afresh at 320 and at 1280 px: first as it comes, then with the text-spacing style, and
    (at 1280 px, with the spacing taken off again) with text at 200 %."""
    found = {}
    tab = new_page(again=True)  # with the site's Content Security Policy on, as readers have it
    for width in (320, 1280):
        tab.set_viewport_size({"width": width, "height": 900})
        load(tab, f"{site_url}{PAGE_TYPES[name]}")
        found[f"{width} px"] = reflow_problems(tab)
        tab.evaluate(ADD_USER_STYLE, TEXT_SPACING)
        found[f"{width} px, text spacing"] = tab.evaluate(CLIPPED_OR_OVERLAPPING) + reflow_problems(tab)
    tab.evaluate("document.adoptedStyleSheets = []")
    tab.evaluate("document.documentElement.style.fontSize = '200%'")
    found["1280 px, text at 200 %"] = tab.evaluate(CLIPPED_OR_OVERLAPPING) + reflow_problems(tab)
    assert {config: problems for config, problems in found.items() if problems} == {}


@pytest.mark.parametrize(
    ("width", "text_size"), [(320, ""), (1280, "200%"), (640, "")], ids=["320px", "text-200", "zoom-200"]
)
def test_header_menu_and_search_work_on_a_small_screen_and_with_large_text(
    new_page, site_url, width, text_size
):
    tab = open_at(new_page, site_url, "/referater/", width, text_size=text_size)
    menu = tab.locator("nav[aria-label=Hovedmenu] a")
    assert menu.count() == 8
    # On a narrow screen the menu is folded behind its button (theme/static/js/menu.js): open it.
    button = tab.get_by_role("button", name="Menu")
    if button.is_visible():
        button.click()
    view = tab.evaluate("document.documentElement.clientWidth")
    for index in range(menu.count()):
        box = menu.nth(index).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= view, menu.nth(index).inner_text()
    field = tab.get_by_role("searchbox", name="Søg")
    assert field.bounding_box()["width"] >= 80, "the search field has room to type in"
    field.fill("frafald")
    field.press("Enter")
    tab.wait_for_url("**/soeg/?q=frafald")
