"""Several schools' sites in one search (KB_SEARCH_SITES), in real Chromium.

Two fixture sites are built and served on two local ports, each with the header GitHub Pages sends
(``Access-Control-Allow-Origin: *``). Site A names site B, and a third site that accepts connections
but never answers. A's search page labels every result with its site and leads to B's pages on B;
once B's server is stopped, A's search still works and says that B does not answer. Two larger
sites with their indexes in parts: when B's older parts stop answering after some of its results
are shown, those stay, and the count of results is never below what the page shows.
"""

from __future__ import annotations

import functools
import shutil
import socket
import threading
from http.server import ThreadingHTTPServer
from urllib.parse import quote

import pytest

from tests.browser.conftest import QuietHandler
from tests.browser.test_search import results
from tests.browser.test_search_parts import show_all
from tests.conftest import FIXTURES, ROOT, build

SITE_A = "Skole A"
SITE_B = "Skole B"
SILENT = "Skole C"
MEETING = "/referater/luu-test/2024-09-16/"


class CorsHandler(QuietHandler):
    """Serve files as GitHub Pages does for another origin: with ``Access-Control-Allow-Origin: *``."""

    def end_headers(self):
        """Add the CORS header to every response."""
        self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()


def serve(directory) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(CorsHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="module")
def silent_site():
    """An address that accepts connections and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    listener.close()


@pytest.fixture(scope="module")
def two_sites(tmp_path_factory, silent_site):
    """Site B served; site A built to search B and the silent site too, served. Yields (A, B, B's server)."""
    site_b = serve(build(FIXTURES / "meeting_with_date_lines" / "content", tmp_path_factory.mktemp("site-b")))
    url_b = f"http://127.0.0.1:{site_b.server_port}"
    output_a = build(
        FIXTURES / "meeting_with_two_decisions" / "content",
        tmp_path_factory.mktemp("site-a"),
        SITENAME=SITE_A,
        KB_SEARCH_SITES={SITE_B: f"{url_b}/pagefind/", SILENT: f"{silent_site}/pagefind/"},
    )
    site_a = serve(output_a)
    yield f"http://127.0.0.1:{site_a.server_port}", url_b, site_b
    site_a.shutdown()
    site_b.shutdown()


def open_search(browser, url: str, query: str):
    context = browser.new_context()
    tab = context.new_page()
    tab.errors = []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    tab.on("console", lambda message: message.type == "error" and tab.errors.append(message.text))
    tab.goto(f"{url}/soeg/?q={quote(query)}")
    return tab, results(tab)


def test_the_csp_lets_the_search_page_fetch_from_exactly_the_named_sites(browser, two_sites, silent_site):
    site_a, site_b, _ = two_sites
    tab = browser.new_context().new_page()
    tab.goto(f"{site_a}/soeg/")
    csp = tab.get_attribute("meta[http-equiv=Content-Security-Policy]", "content")
    assert f"connect-src 'self' {site_b} {silent_site};" in csp
    tab.goto(f"{site_a}{MEETING}")
    csp = tab.get_attribute("meta[http-equiv=Content-Security-Policy]", "content")
    assert "connect-src 'self';" in csp, "only the search page fetches from other sites"
    # Anything else is refused: B's server under another name is another origin.
    tab.goto(f"{site_a}/soeg/")
    elsewhere = site_b.replace("127.0.0.1", "localhost") + "/pagefind/dele.json"
    fetched = "url => fetch(url).then(() => 'fetched', () => 'refused')"
    assert tab.evaluate(fetched, elsewhere) == "refused"
    assert tab.evaluate(fetched, f"{site_b}/pagefind/dele.json") == "fetched"


def test_results_of_both_sites_are_labelled_with_their_site_and_open_there(browser, two_sites):
    """One search, as the other site's time limit makes each search wait 4 s for the silent site."""
    site_a, site_b, _ = two_sites
    tab, found = open_search(browser, site_a, "Holstebro")
    by_site = {result["meta"].rsplit(" · Fra ", 1)[1] for result in found}
    assert by_site == {SITE_A, SITE_B}
    # The same address on both sites: A's result stays on A, B's leads to B.
    show_all(tab)
    links = tab.eval_on_selector_all("#soeg-liste h3 a", "links => links.map(a => a.href.split('?')[0])")
    assert f"{site_a}{MEETING}" in links and f"{site_b}{MEETING}" in links
    # The silent site is left out after the time limit, and the reader is told.
    note = f"{SILENT} svarer ikke lige nu, så dens resultater er ikke med. Prøv igen senere."
    assert tab.inner_text("#soeg-note") == note
    # The reader can keep to one site.
    tab.click("#soeg-valg summary")
    assert tab.locator("#soeg-filtre fieldset", has_text="Resultater fra").is_visible()
    tab.get_by_role("checkbox", name=SITE_B).check()
    tab.wait_for_function("() => new URLSearchParams(location.search).get('sted') === 'Skole B'")
    narrowed = results(tab)
    assert narrowed and all(result["meta"].endswith(f"Fra {SITE_B}") for result in narrowed)
    # A result from the other site opens there, with the searched words marked.
    tab.click(f"#soeg-liste h3 a[href^='{site_b}']")
    tab.wait_for_url(f"{site_b}/**")
    tab.wait_for_selector("mark.pagefind-highlight")


def test_when_a_site_is_down_the_search_works_and_says_so(browser, two_sites):
    site_a, _, server_b = two_sites
    server_b.shutdown()
    server_b.server_close()
    tab, found = open_search(browser, site_a, "Holstebro")
    assert found and all(result["meta"].endswith(f"Fra {SITE_A}") for result in found)
    assert tab.inner_text("#soeg-note") == (
        f"{SITE_B} og {SILENT} svarer ikke lige nu, så deres resultater er ikke med. Prøv igen senere."
    )
    assert tab.inner_text("#soeg-status").endswith("for »Holstebro«.")
    # A second search on the same page does not wait for them again.
    tab.fill("#soeg-ord", "Bettina")
    tab.press("#soeg-ord", "Enter")
    tab.wait_for_function("() => document.getElementById('soeg-status').textContent.includes('Bettina')")
    assert results(tab)


@pytest.fixture(scope="module")
def site_with_parts_beside(tmp_path_factory):
    """Site A, the repository's own site, searching site B, nearly the same; each index in parts by year."""
    # B's minutes differ from A's by a line each: Pagefind gives the same page on two sites one id.
    content_b = tmp_path_factory.mktemp("content-b") / "content"
    shutil.copytree(ROOT / "content", content_b)
    shutil.copytree(ROOT / "data", content_b.parent / "data")
    for minutes in (content_b / "referater").glob("*.md"):
        minutes.write_text(minutes.read_text(encoding="utf-8") + "\nSkole B.\n", encoding="utf-8")
    site_b = serve(build(content_b, tmp_path_factory.mktemp("site-b-parts"), KB_SEARCH_PART_PAGES=1))
    url_b = f"http://127.0.0.1:{site_b.server_port}"
    output_a = build(
        ROOT / "content",
        tmp_path_factory.mktemp("site-a-parts"),
        SITENAME=SITE_A,
        KB_SEARCH_PART_PAGES=1,
        KB_SEARCH_SITES={SITE_B: f"{url_b}/pagefind/"},
    )
    site_a = serve(output_a)
    yield f"http://127.0.0.1:{site_a.server_port}", url_b
    site_a.shutdown()
    site_b.shutdown()


def test_a_site_that_stops_answering_for_an_older_part_is_left_out_and_its_results_shown_stay(
    browser, site_with_parts_beside
):
    site_a, site_b = site_with_parts_beside
    tab = browser.new_context().new_page()
    tab.goto(f"{site_a}/soeg/?q=vejleder")
    first = results(tab)
    while not any(result["meta"].endswith(f"Fra {SITE_B}") for result in first):
        tab.click("#soeg-flere")
        tab.wait_for_selector("#soeg-flere:not([disabled])", state="attached")
        first = results(tab)
    # B's older parts stop answering once some of its results are shown.
    tab.route(
        f"{site_b}/pagefind/referater-*/pagefind-entry.json*", lambda route: route.abort("connectionrefused")
    )
    note = f"{SITE_B} svarer ikke lige nu, så dens resultater er ikke med. Prøv igen senere."
    while tab.inner_text("#soeg-note") != note:
        tab.click("#soeg-flere")
        tab.wait_for_selector("#soeg-flere:not([disabled])", state="attached")
    everything = show_all(tab)
    assert everything[: len(first)] == first, "what the reader was shown stays"
    shown = len(everything)
    status = tab.inner_text("#soeg-status")
    assert status.startswith(f"Viser {shown} af "), status
    # Never fewer results in all than on the page.
    assert int(status.split(" af ")[1].split()[0].replace(".", "")) >= shown, status
