"""The search index in parts (plugins/search/parts.py, manifest.py): older parts loaded only when needed.

The same site is built twice: with its three meetings in one index with the pages, and with each
year's meetings and decision register page in a part of its own. The search page merges the newest
part with the pages from the start and an older part only when the reader asks for more, picks its
year or sorts oldest first; what the reader sees is what merging every part at once gives.
"""

from __future__ import annotations

import json
import urllib.request
from urllib.parse import quote

import pytest

from tests.browser.test_search import MEETING_2019, MEETING_2021, MEETING_2024, results, search

PARTS = ["referater-2024", "referater-2021", "referater-2019"]
OLDER = ("/pagefind/referater-2021/", "/pagefind/referater-2019/")

# Every part merged at once, ranked as the search page ranks: the pages and the newest part by
# Pagefind's score, then each older part by its own: the first ten addresses. With ``sort``, every
# dated page's address and date, newest or oldest first.
EVERY_PART = """async ({ term, parts, sort }) => {
  const pagefind = await import("/pagefind/pagefind.js");
  const settings = { excerptLength: 30, ranking: { pageLength: 0.4 } };
  await pagefind.options({ ...settings, baseUrl: "/" });
  await pagefind.init();
  await pagefind.options({ mergeFilter: { indeksdel: "0:sider" } });
  for (const part of parts) {
    await pagefind.mergeIndex(`/pagefind/${part}/`, { ...settings, mergeFilter: { indeksdel: `0:${part}` } });
  }
  await pagefind.filters();
  if (sort) {
    const found = await pagefind.search(term);
    const pages = await Promise.all(found.results.map(async (r) => r.data()));
    const dated = pages.map((page) => [page.url.split("?")[0], page.meta.iso || ""]).filter(([, iso]) => iso);
    const order = dated.sort((a, b) => a[1].localeCompare(b[1]));
    return Object.fromEntries(sort === "desc" ? order.reverse() : order);
  }
  const tiers = [["0:sider", `0:${parts[0]}`], ...parts.slice(1).map((part) => [`0:${part}`])];
  const urls = [];
  for (const keys of tiers) {
    const found = await pagefind.search(term, { filters: { indeksdel: { any: keys } } });
    for (const result of found.results) urls.push((await result.data()).url.split("?")[0]);
  }
  return [...new Set(urls)].slice(0, 10);
}"""

# Real questions (search.js leaves out the small words: the term is what it searches for).
QUESTIONS = [
    ("hvad besluttede udvalget om praktikvejledere?", "besluttede udvalget praktikvejledere"),
    ("praktikvejleder", "praktikvejleder"),
    ("frafald", "frafald"),
    ("vejleder", "vejleder"),
    ("spiremedarbejdere", "spiremedarbejdere"),
    ("hvem er formand for LUU PA", "formand luu pa"),
    ("praktikplatformen", "praktikplatformen"),
]


def requests_to(tab, prefixes) -> list[str]:
    return [url for url in tab.requested if any(prefix in url for prefix in prefixes)]


def open_search(new_page, site_url, query: str, extra: str = ""):
    """The search page at ``?q=query`` in the module's kept tab; ``tab.requested`` holds what it asks for."""
    tab = new_page(again=True)
    tab.goto(f"{site_url}/soeg/?q={quote(query)}{extra}")
    return tab, results(tab)


def show_all(tab) -> list[dict]:
    """Press 'Vis flere resultater' until every result is shown; the results."""
    found = results(tab)
    while tab.locator("#soeg-flere").is_visible():
        tab.click("#soeg-flere")
        tab.wait_for_function(
            "n => document.querySelectorAll('#soeg-liste > li').length > n || "
            "document.getElementById('soeg-flere').hidden",
            arg=len(found),
        )
        tab.wait_for_selector("#soeg-flere:not([disabled])", state="attached")
        found = results(tab)
    return found


def test_the_manifest_lists_the_parts_newest_first_with_their_filter_counts(parts_site_url, site_url):
    with urllib.request.urlopen(f"{parts_site_url}/pagefind/dele.json") as response:
        manifest = json.load(response)
    assert [part["name"] for part in manifest["parts"]] == PARTS
    assert [part["filters"]["år"] for part in manifest["parts"]] == [{"2024": 1}, {"2021": 1}, {"2019": 1}]
    # The decision register's page of a year is in the part of that year's minutes.
    assert [part["filters"]["type"] for part in manifest["parts"]] == [{"Beslutninger": 1, "Referat": 1}] * 3
    # Each entry file is asked for with its tag, which changes only with the index.
    tags = {manifest["main"]["tag"], *(part["tag"] for part in manifest["parts"])}
    assert len(tags) == 4 and all(len(tag) == 12 for tag in tags)
    with urllib.request.urlopen(f"{site_url}/pagefind/dele.json") as response:
        assert json.load(response)["parts"] == []


def test_a_first_search_loads_the_newest_part_only_and_more_results_the_older_ones(new_page, parts_site_url):
    tab, found = open_search(new_page, parts_site_url, "vejleder")
    assert len(found) == 5
    assert requests_to(tab, ["/pagefind/referater-2024/pagefind-entry.json?ts="])
    assert requests_to(tab, OLDER) == []
    status = tab.inner_text("#soeg-status")
    assert "i referaterne og beslutningerne fra 2024 og alle andre sider" in status, status
    assert "(ikke søgt endnu)" in tab.text_content("#soeg-filtre")  # the years 2019 and 2021
    everything = show_all(tab)
    assert requests_to(tab, OLDER)
    assert {MEETING_2019, MEETING_2021, MEETING_2024} <= {result["title"] for result in everything}
    assert tab.inner_text("#soeg-status") == f"Viser {len(everything)} af {len(everything)} resultater."


def test_picking_a_year_loads_only_the_part_that_holds_it(new_page, parts_site_url):
    tab, found = open_search(new_page, parts_site_url, "praktikvejleder", "&%C3%A5r=2019")
    assert [result["title"] for result in found] == [MEETING_2019]
    assert requests_to(tab, ["/pagefind/referater-2019/"])
    assert requests_to(tab, ["/pagefind/referater-2021/"]) == []


@pytest.mark.parametrize(("sort", "direction"), [("nyeste", "desc"), ("aeldste", "asc")])
def test_sorted_by_date_the_parts_give_the_order_of_every_part_at_once(
    new_page, parts_site_url, sort, direction
):
    tab, found = open_search(new_page, parts_site_url, "praktikvejleder", f"&sortering={sort}")
    if sort == "aeldste":
        assert requests_to(tab, ["/pagefind/referater-2019/"]), "oldest first needs the oldest part"
    expected = tab.evaluate(EVERY_PART, {"term": "praktikvejleder", "parts": PARTS, "sort": direction})
    shown = [expected.get(result["href"].split("#")[0]) for result in show_all(tab)]
    dated = [date for date in shown if date]
    assert dated == list(expected.values()), "every dated page, in the order of its date"
    assert shown[: len(dated)] == dated, "pages without a date come last"


@pytest.mark.parametrize(("question", "term"), QUESTIONS)
def test_the_top_ten_are_those_of_every_part_merged_at_once(new_page, parts_site_url, question, term):
    tab, found = open_search(new_page, parts_site_url, question)
    assert not tab.inner_text("#soeg-status").startswith("Ingen"), question
    if tab.locator("#soeg-flere").is_visible():
        tab.click("#soeg-flere")
        tab.wait_for_function(
            "() => document.querySelectorAll('#soeg-liste > li').length > 5 || "
            "document.getElementById('soeg-flere').hidden"
        )
        found = results(tab)
    expected = tab.evaluate(EVERY_PART, {"term": term, "parts": PARTS, "sort": None})
    assert [result["href"].split("#")[0] for result in found[:10]] == expected


@pytest.mark.parametrize("query", ["praktikplatformen", "spiremedarbejdere", "frafald", "vejleder"])
def test_the_parts_find_every_page_one_index_finds_with_its_deep_links(
    new_page, site_url, parts_site_url, query
):
    in_one = show_all(open_search(new_page, site_url, query)[0])
    parts_tab, _ = open_search(new_page, parts_site_url, query)  # the same tab
    in_parts = show_all(parts_tab)
    assert {r["href"] for r in in_one} <= {r["href"] for r in in_parts}
    assert "indeksdel" not in parts_tab.inner_text("#soeg-filtre")
    # Meetings lead to their agenda items in either index.
    meetings = {MEETING_2019, MEETING_2021, MEETING_2024}
    deep = {r["title"]: r["items"] for r in in_one if r["title"] in meetings}
    assert {r["title"]: r["items"] for r in in_parts if r["title"] in deep} == deep


def test_newest_first_takes_the_parts_in_date_order(new_page, parts_site_url):
    _, found = search(new_page, parts_site_url, "praktikvejleder", "&sortering=nyeste&type=Referat")
    assert [result["title"] for result in found] == [MEETING_2024, MEETING_2021, MEETING_2019]


def failing(tab, pattern: str, now: bool, which=lambda count: True) -> dict:
    """Make the tab's requests matching ``pattern`` fail while the switch returned is ``{"now": True}``.

    As on a phone that loses its connection for a moment. ``which``: the requests that fail, by their
    number counted from 1 while the switch is on (``switch["count"]``); every one by default.
    """
    switch = {"now": now, "count": 0}

    def answer(route):
        if switch["now"]:
            switch["count"] += 1
            if which(switch["count"]):
                return route.abort("internetdisconnected")
        return route.continue_()

    tab.route(pattern, answer)
    return switch


def failing_part(new_page, part: str):
    """A tab in a context of its own whose requests for ``part``'s entry file fail, and the switch."""
    tab = new_page()
    return tab, failing(tab, f"**/pagefind/{part}/pagefind-entry.json*", now=True)


def test_an_older_part_that_did_not_load_is_loaded_when_the_reader_asks_for_more_again(
    new_page, parts_site_url
):
    tab, part_failing = failing_part(new_page, "referater-2019")
    tab.goto(f"{parts_site_url}/soeg/?q=vejleder")
    found = results(tab)
    while "kunne ikke" not in tab.inner_text("#soeg-status"):
        assert tab.locator("#soeg-flere").is_visible(), "the failure is told to the reader"
        tab.click("#soeg-flere")
        tab.wait_for_function(
            "n => document.querySelectorAll('#soeg-liste > li').length > n || "
            "document.getElementById('soeg-status').textContent.includes('kunne ikke')",
            arg=len(found),
        )
        found = results(tab)
    assert tab.inner_text("#soeg-status") == "Flere resultater kunne ikke hentes. Prøv igen."
    # Said beside the button too, where a reader on a phone has scrolled to.
    assert tab.inner_text("#soeg-flere-fejl") == "Flere resultater kunne ikke hentes. Prøv igen."
    assert results(tab) == found, "what the reader was shown stays"
    assert tab.locator("#soeg-flere:not([disabled])").is_visible()
    part_failing["now"] = False
    everything = show_all(tab)
    assert tab.locator("#soeg-flere-fejl").is_hidden()
    assert everything[: len(found)] == found
    assert {MEETING_2019, MEETING_2021, MEETING_2024} <= {result["title"] for result in everything}
    assert len({result["href"] for result in everything}) == len(everything), "each page once"
    assert tab.inner_text("#soeg-status") == f"Viser {len(everything)} af {len(everything)} resultater."
    # The next search finds the older meetings too, with the same top ten as every part at once.
    tab.fill("#soeg-ord", "praktikvejleder")
    tab.press("#soeg-ord", "Enter")
    tab.wait_for_function(
        "() => document.getElementById('soeg-status').textContent.includes('praktikvejleder')"
    )
    expected = tab.evaluate(EVERY_PART, {"term": "praktikvejleder", "parts": PARTS, "sort": None})
    assert [result["href"].split("#")[0] for result in show_all(tab)][:10] == expected


def test_a_search_that_failed_for_an_older_part_works_when_the_reader_searches_again(
    new_page, parts_site_url
):
    tab, part_failing = failing_part(new_page, "referater-2019")
    tab.goto(f"{parts_site_url}/soeg/?q=praktikvejleder&sortering=aeldste")  # the oldest part first
    tab.wait_for_function("() => document.getElementById('soeg-status').textContent !== ''")
    assert tab.inner_text("#soeg-status") == "Søgningen mislykkedes. Prøv igen."
    part_failing["now"] = False
    tab.press("#soeg-ord", "Enter")  # the same search
    tab.wait_for_function("() => document.getElementById('soeg-status').textContent.includes('resultat')")
    found = results(tab)
    assert found[0]["title"] == MEETING_2019
    assert [r["title"] for r in found if r["title"] in (MEETING_2019, MEETING_2021, MEETING_2024)] == [
        MEETING_2019,
        MEETING_2021,
        MEETING_2024,
    ]


def test_search_works_again_after_a_retry_that_failed_as_well(new_page, parts_site_url):
    tab, part_failing = failing_part(new_page, "referater-2019")
    offline = failing(tab, "**/pagefind/pagefind-entry.json*", now=False)
    tab.goto(f"{parts_site_url}/soeg/?q=vejleder")
    results(tab)
    shown_failure = "() => !document.getElementById('soeg-flere-fejl').hidden"
    while not tab.evaluate(shown_failure):
        tab.click("#soeg-flere")
        tab.wait_for_selector("#soeg-flere:not([disabled])", state="attached")
    # Still offline when the reader tries again: starting Pagefind anew fails too.
    offline["now"] = True
    tab.click("#soeg-flere")
    tab.wait_for_function(shown_failure)
    offline["now"] = part_failing["now"] = False
    everything = show_all(tab)
    assert {MEETING_2019, MEETING_2021, MEETING_2024} <= {result["title"] for result in everything}
    assert tab.inner_text("#soeg-status") == f"Viser {len(everything)} af {len(everything)} resultater."


def searched_offline(new_page, site_url, query: str, which, extra: str = ""):
    """A fresh tab that searches for ``query`` (``extra``: more of the address) while the result pages
    (Pagefind's fragments) ``which`` accepts fail (failing); the tab, the switch and the results."""
    tab = new_page()
    fragments = failing(tab, "**/fragment/*.pf_fragment", now=False, which=which)
    tab.goto(f"{site_url}/soeg/?{extra}")
    tab.wait_for_selector("#soeg-uden-js", state="hidden")  # the search is ready
    fragments["now"] = True
    tab.fill("#soeg-ord", query)
    tab.press("#soeg-ord", "Enter")
    return tab, fragments, results(tab)


def test_a_result_whose_page_could_not_be_fetched_is_shown_when_the_reader_asks_for_more(
    new_page, parts_site_url
):
    reference = show_all_of(new_page, parts_site_url, "vejleder")
    tab, fragments, found = searched_offline(new_page, parts_site_url, "vejleder", lambda n: n == 2)
    told = "Flere resultater kunne ikke hentes. Prøv igen."
    assert len(reference) > 5
    assert len(found) == 4, "the four the phone fetched are shown"
    assert tab.inner_text("#soeg-status").endswith(told)
    assert tab.inner_text("#soeg-flere-fejl") == told
    assert tab.locator("#soeg-flere").is_visible()
    fragments["now"] = False
    everything = show_all(tab)
    assert tab.locator("#soeg-flere-fejl").is_hidden()
    assert everything[: len(found)] == found, "what the reader was shown stays"
    assert sorted(r["href"] for r in everything) == sorted(r["href"] for r in reference)
    assert tab.inner_text("#soeg-status") == f"Viser {len(everything)} af {len(everything)} resultater."


def test_when_no_result_page_could_be_fetched_the_reader_is_told_and_gets_them_on_asking_again(
    new_page, parts_site_url
):
    # Two words: with no result shown, the search must not fall back to pages with some of the words.
    query = "praktikvejleder frafald"
    tab, fragments, found = searched_offline(new_page, parts_site_url, query, lambda n: True)
    assert found == []
    status = tab.inner_text("#soeg-status")
    assert "resultat" in status and status.endswith("Flere resultater kunne ikke hentes. Prøv igen.")
    assert "Ingen sider indeholder alle ordene" not in status
    fragments["now"] = False
    everything = show_all(tab)
    reference = show_all_of(new_page, parts_site_url, query)
    assert [r["href"] for r in everything] == [r["href"] for r in reference]
    assert tab.locator("#soeg-flere-fejl").is_hidden()


def show_all_of(new_page, site_url, query: str, extra: str = "") -> list[dict]:
    """Every result of ``query`` (and ``extra``) as a tab with no failures shows them."""
    tab, _ = search(new_page, site_url, query, extra)
    return show_all(tab)


def test_a_search_page_whose_newest_part_did_not_load_works_when_the_reader_searches_again(
    new_page, parts_site_url
):
    reference = show_all_of(new_page, parts_site_url, "praktikvejleder")
    tab, part_failing = failing_part(new_page, "referater-2024")
    tab.goto(f"{parts_site_url}/soeg/?q=praktikvejleder")
    failed = "Søgningen mislykkedes. Prøv igen."
    tab.wait_for_function("text => document.getElementById('soeg-status').textContent === text", arg=failed)
    assert tab.locator("#soeg-uden-js").is_visible(), "the ways to browse stay while search does not work"
    part_failing["now"] = False
    tab.press("#soeg-ord", "Enter")  # the same search
    tab.wait_for_function("() => document.getElementById('soeg-status').textContent.includes('resultat')")
    assert show_all(tab) == reference
    assert tab.locator("#soeg-uden-js").is_hidden()


def test_a_result_whose_page_never_loads_is_left_out_after_a_second_try_and_the_reader_told(
    new_page, parts_site_url
):
    reference = show_all_of(new_page, parts_site_url, "vejleder")
    tab = new_page()
    # The second result page fetched, and every fetch of it after, fails (a page gone from the host).
    gone, fetched = set(), {"on": False, "count": 0}

    def answer(route):
        address = route.request.url.split("?")[0]
        if fetched["on"] and address not in gone:
            fetched["count"] += 1
            if fetched["count"] == 2:
                gone.add(address)
        return route.abort("internetdisconnected") if address in gone else route.continue_()

    tab.route("**/fragment/*.pf_fragment", answer)
    tab.goto(f"{parts_site_url}/soeg/")
    tab.wait_for_selector("#soeg-uden-js", state="hidden")
    fetched["on"] = True
    tab.fill("#soeg-ord", "vejleder")
    tab.press("#soeg-ord", "Enter")
    assert len(results(tab)) == 4
    everything = show_all(tab)  # the reader gets past it
    assert len(everything) == len(reference) - 1
    assert {r["href"] for r in everything} < {r["href"] for r in reference}
    lost = "1 resultat kunne ikke hentes og er ikke vist."
    assert tab.inner_text("#soeg-status") == f"Viser {len(everything)} af {len(reference)} resultater. {lost}"
    assert tab.locator("#soeg-flere-fejl").is_hidden()


def test_pages_with_some_of_the_words_stay_listed_when_one_could_not_be_fetched(new_page, site_url):
    query = "spiremedarbejdere praktikplatformen"  # no page of the site in one index has both words
    reference = show_all_of(new_page, site_url, query)
    tab, fragments, found = searched_offline(new_page, site_url, query, lambda n: n == 2)
    assert len(found) == min(len(reference), 5) - 1
    assert tab.inner_text("#soeg-status").startswith("Ingen sider indeholder alle ordene.")
    assert tab.inner_text("#soeg-flere-fejl") == "Flere resultater kunne ikke hentes. Prøv igen."
    fragments["now"] = False
    everything = show_all(tab)
    assert everything[: len(found)] == found, "what the reader was shown stays"
    assert sorted(r["href"] for r in everything) == sorted(r["href"] for r in reference)


def test_newest_first_a_result_whose_page_could_not_be_fetched_is_shown_when_the_reader_asks_again(
    new_page, parts_site_url
):
    reference = show_all_of(new_page, parts_site_url, "vejleder", "&sortering=nyeste")
    tab, fragments, found = searched_offline(
        new_page, parts_site_url, "vejleder", lambda n: n == 2, extra="sortering=nyeste"
    )
    assert len(found) == 4
    assert tab.inner_text("#soeg-status").endswith("Flere resultater kunne ikke hentes. Prøv igen.")
    fragments["now"] = False
    everything = show_all(tab)
    assert everything[: len(found)] == found
    assert sorted(r["href"] for r in everything) == sorted(r["href"] for r in reference)
