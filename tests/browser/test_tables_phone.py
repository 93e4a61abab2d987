"""Tables, charts, colour schemes and the search key as a reader meets them, on a phone and a laptop.

- At 320 CSS px every cell of every table on the site and its caption are on screen, no sideways
  scrolling; a table of more than two columns shows each row as a card, each value labelled with its
  column's heading. At 1280 px the tables are tables, and Chromium's accessibility tree has them as
  tables at both widths.
- Chart axis text is at least 12 px on a 320 px screen.
- "/" moves the focus to the search field, except while the reader is typing.
"""

from __future__ import annotations

from collections import deque
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit
from urllib.request import urlopen

import pytest

PHONE, LAPTOP = 320, 1280


class _Links(HTMLParser):
    """The addresses of a page's links, and whether it has a table."""

    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.has_table = False

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.has_table = True
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.links.append(href)


@pytest.fixture(scope="module")
def table_pages(site_url) -> list[str]:
    """Every page a reader can reach from the front page that has a table, found by following links."""
    host = urlsplit(site_url).netloc
    seen, queue, found = {"/"}, deque(["/"]), []
    while queue:
        path = queue.popleft()
        with urlopen(site_url + path) as response:
            if "html" not in response.headers.get("Content-Type", ""):
                continue
            parser = _Links()
            parser.feed(response.read().decode("utf-8"))
        if parser.has_table:
            found.append(path)
        for href in parser.links:
            address = urlsplit(urljoin(site_url + path, href))
            if address.netloc == host and address.path not in seen and address.path.endswith("/"):
                seen.add(address.path)
                queue.append(address.path)
    return sorted(found)


# Each table on the page: what the reader can't see at the window's width, and how it is laid out.
TABLES = """() => {
  const width = document.documentElement.clientWidth;
  const onScreen = r => r.width > 0 && r.height > 0 && r.left >= -0.5 && r.right <= width + 0.5;
  const text = e => e.textContent.replace(/\\s+/g, " ").trim();
  return [...document.querySelectorAll("main table")].map((table, index) => {
    const name = `table ${index + 1} "${text(table.caption ?? table.rows[0]).slice(0, 40)}"`;
    const problems = [];
    const scroller = table.closest(".table-scroll");
    if (scroller && scroller.scrollWidth > scroller.clientWidth + 1) problems.push("scrolls sideways");
    const caption = table.caption?.getBoundingClientRect();
    if (caption && !onScreen(caption)) problems.push("caption off screen");
    const headings = [...(table.tHead?.rows[0]?.cells ?? [])].map(text);
    const stacked = getComputedStyle(table).display === "block";
    for (const row of table.querySelectorAll("tbody tr, tfoot tr, thead tr")) {
      const head = row.parentElement.tagName === "THEAD";
      if (head && stacked) {  // shown with each value instead, and kept for screen readers only
        const shown = [...row.cells].filter(cell => cell.getBoundingClientRect().width > 1);
        if (shown.length) problems.push(`${shown.length} headings shown above the cards`);
        continue;
      }
      [...row.cells].forEach((cell, column) => {
        const where = `row "${text(row.cells[0])}", column ${column + 1}`;
        if (!onScreen(cell.getBoundingClientRect())) problems.push(`${where}: off screen`);
        if (cell.scrollWidth > cell.clientWidth + 1) problems.push(`${where}: cut off`);
        if (stacked && !head) {
          const label = getComputedStyle(cell, "::before").content.replace(/^"|"$/g, "");
          const heading = headings[column];
          if (label !== heading) problems.push(`${where}: labelled ${label}, not ${heading}`);
        }
      });
    }
    return {name, stacked, display: getComputedStyle(table).display, problems};
  });
}"""


def ax_roles(tab) -> list[str]:
    """The roles in Chromium's own accessibility tree, which screen readers read."""
    session = tab.context.new_cdp_session(tab)
    nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    return [node["role"]["value"] for node in nodes if not node.get("ignored") and "role" in node]


def test_the_site_has_tables_of_each_kind_to_check(table_pages):
    assert len(table_pages) >= 20, table_pages
    assert "/data/frafald-sosu-assistent-nordjylland/" in table_pages
    assert "/rapporter/oplaeringsvejleder-amu/kompetencebehov/" in table_pages  # a Markdown table
    assert "/rapporter/oplaeringsvejleder-amu/print/" in table_pages


def test_every_cell_and_caption_is_on_a_320px_screen(new_page, site_url, table_pages):
    tab = new_page(width=PHONE)
    problems, stacked = [], 0
    for path in table_pages:
        tab.goto(site_url + path)
        assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE, path
        for table in tab.evaluate(TABLES):
            problems += [f"{path} {table['name']}: {problem}" for problem in table["problems"]]
            stacked += table["stacked"]
    assert problems == [], "\n".join(problems)
    assert stacked >= 20, "wide data tables are shown as cards"


def test_a_data_table_on_a_phone_is_cards_of_danish_numbers_and_still_a_table(new_page, site_url):
    tab = new_page(width=PHONE)
    tab.goto(site_url + "/data/amu-deltagere-pr-modul-2017-2022/")
    table = tab.locator("#tabel-amu-deltagere-pr-modul-2017-2022 table")
    caption, first_row = table.locator("caption").bounding_box(), table.locator("tbody tr").first
    assert caption["y"] < first_row.bounding_box()["y"], "the caption above the rows"
    cell = first_row.locator("td").nth(1)  # after the row heading (Nummer) and Navn
    assert cell.inner_text() == "1.559"
    assert cell.evaluate("td => getComputedStyle(td, '::before').content") == '"2017 (deltagere)"'
    label_box = cell.evaluate(
        """td => { const r = document.createRange(); r.selectNodeContents(td);
                  const value = [...r.getClientRects()].pop(); const box = td.getBoundingClientRect();
                  return {value_left: value.left, cell_left: box.left, cell_right: box.right}; }"""
    )
    assert label_box["value_left"] > label_box["cell_left"] + 100, "the value stands beside its label"
    roles = ax_roles(tab)
    assert "table" in roles and "columnheader" in roles and "rowheader" in roles and "cell" in roles


def test_tables_are_tables_on_a_wide_screen(new_page, site_url, table_pages):
    tab = new_page(width=LAPTOP)
    for path in table_pages:
        tab.goto(site_url + path)
        tables = tab.evaluate(TABLES)
        assert {table["display"] for table in tables} == {"table"}, path
        cells = tab.evaluate(
            "[...document.querySelectorAll('main td')].map(td => getComputedStyle(td).display)"
        )
        assert set(cells) == {"table-cell"}, path
        assert ax_roles(tab).count("table") == len(tables), f"{path}: screen readers get every table"


def test_frafald_table_fits_a_phone_as_a_two_column_table(new_page, site_url):
    tab = new_page(width=PHONE)
    tab.goto(site_url + "/data/frafald-sosu-assistent-nordjylland/")
    table = tab.locator("#tabel-frafald-sosu-assistent-nordjylland table")
    assert table.evaluate("t => getComputedStyle(t).display") == "table"
    percentages = table.locator("tbody td")
    assert percentages.count() > 0
    for index in range(percentages.count()):
        box = percentages.nth(index).bounding_box()
        assert box["x"] + box["width"] <= PHONE, percentages.nth(index).inner_text()


def test_chart_axis_text_is_at_least_12px_on_a_320px_screen(new_page, site_url):
    tab = new_page(width=PHONE)
    tab.goto(site_url + "/data/amu-deltagere-pr-modul-2017-2022/")
    sizes = tab.evaluate(
        """() => [...document.querySelectorAll("svg.data-chart")].flatMap(svg => {
             const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
             return [...svg.querySelectorAll("text")].map(t => ({
               text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * scale,
               inside: t.getBoundingClientRect().left >= svg.getBoundingClientRect().left - 0.5 }));
           })"""
    )
    assert {size["text"] for size in sizes} >= {"2017", "2022", "0", "1.000"}
    assert [size for size in sizes if size["px"] < 12 or not size["inside"]] == []


def test_slash_focuses_the_search_field_but_not_while_typing(new_page, site_url):
    tab = new_page()
    tab.goto(site_url + "/udvalg/")
    tab.keyboard.press("/")
    assert tab.evaluate("document.activeElement.id") == "sidehoved-soeg"
    assert tab.input_value("#sidehoved-soeg") == "", "the '/' itself is not typed"
    tab.keyboard.type("a/b")
    assert tab.input_value("#sidehoved-soeg") == "a/b", "a '/' typed in a field stays in the field"

    tab.goto(site_url + "/")  # the front page's own search field comes first
    tab.keyboard.press("/")
    assert tab.evaluate("document.activeElement.id") == "forside-soeg"


def test_the_editor_does_not_load_the_search_key(site_url):
    with urlopen(site_url + "/admin/") as response:
        assert "search-key.js" not in response.read().decode("utf-8")
