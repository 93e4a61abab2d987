"""Real Chromium (Debian's /usr/bin/chromium) driven by Playwright over the built site."""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

from tests.attachments_site import build_attachments_site
from tests.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.conftest import ROOT, build


class QuietHandler(SimpleHTTPRequestHandler):
    """Serve files without logging every request to the test output."""

    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass


def _serve(output):
    """Serve ``output`` on a free local port; yield its address."""
    handler = functools.partial(QuietHandler, directory=str(output))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="session")
def site_url(tmp_path_factory):
    """The repository's own site, built with its search index and served on a free local port."""
    yield from _serve(build(ROOT / "content", tmp_path_factory.mktemp("browser")))


@pytest.fixture(scope="session")
def parts_site_url(tmp_path_factory):
    """The repository's own site with its search index in parts, one per year of minutes, served."""
    yield from _serve(
        build(ROOT / "content", tmp_path_factory.mktemp("browser-parts"), KB_SEARCH_PART_PAGES=1)
    )


@pytest.fixture(scope="session")
def attachments_site_url(tmp_path_factory):
    """The small fixture site whose minutes link a PDF and a Word file (tests/attachments_site.py), served."""
    output, _ = build_attachments_site(tmp_path_factory.mktemp("browser-attachments"))
    yield from _serve(output)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        raise RuntimeError(f"{CHROMIUM} is missing: install Debian's chromium package (see .ci/run).")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def outside_requests():
    """Every request a test's pages make to a host other than the local test server."""
    return []


@pytest.fixture(scope="module")
def kept_tab(browser):
    """One tab that a module's tests load their pages in again (``new_page(again=True)``).

    A page loaded again in the same tab is read from Chromium's caches, with Pagefind's WebAssembly
    compiled once: 0.3 s against 0.8 s in a new context for a search. Made when first asked for.
    """
    kept = {}
    yield kept
    if "tab" in kept:
        kept["tab"].context.close()


@pytest.fixture
def new_page(browser, site_url, outside_requests, kept_tab):
    """Open pages that record the requests of their context (``tab.requested``), and those leaving the site.

    Each page is in a fresh context, except with ``again=True``: the module's kept tab, the same one
    each time (a page loaded in it replaces the last), left on about:blank after the test.
    """
    contexts = []
    local = urlsplit(site_url).netloc

    def recorder(requested: list):
        def record(request):
            requested.append(request.url)
            if urlsplit(request.url).netloc not in (local, ""):
                outside_requests.append(request.url)

        return record

    def open_page(*, javascript: bool = True, width: int = 1280, again: bool = False):
        requested = []
        if again:
            if not javascript:
                raise ValueError("the kept tab runs the site's scripts")
            if "tab" not in kept_tab:
                context = browser.new_context()
                context.on("request", lambda request: kept_tab["record"](request))
                kept_tab["tab"] = context.new_page()
            kept_tab["test"], kept_tab["record"] = True, recorder(requested)
            tab = kept_tab["tab"]
            tab.set_viewport_size({"width": width, "height": 900})
        else:
            context = browser.new_context(
                java_script_enabled=javascript, viewport={"width": width, "height": 900}
            )
            contexts.append(context)
            context.on("request", recorder(requested))  # every tab of the context
            tab = context.new_page()
        tab.requested = requested
        return tab

    yield open_page
    try:
        if kept_tab.pop("test", None):
            kept_tab["record"] = lambda request: None
            kept_tab["tab"].goto("about:blank")
            kept_tab["tab"].emulate_media(color_scheme="light")  # a new context's
    except Exception:  # a crashed or hung tab: the module's next test makes a new one
        kept_tab.pop("tab").context.close()
        raise
    finally:
        for context in contexts:
            context.close()
