"""WCAG 2.1 A/AA with axe-core in Chromium on every page type, in light and dark mode, a keyboard walk,
and no outside requests."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

PAGE_TYPES = {
    "forside": "/",
    "referater": "/referater/",
    "referater fra et år": "/referater/2024/",
    "referat": "/referater/luu-pa-amu/2024-09-16/",
    "udvalg": "/udvalg/",
    "et udvalg": "/udvalg/luu-pa-amu/",
    "beslutninger": "/beslutninger/",
    "beslutninger pr. tema": "/beslutninger/tema/trivsel/",
    "beslutninger fra et år": "/beslutninger/2021/",
    "opfølgning": "/opfoelgning/",
    "opfølgning fra et år": "/opfoelgning/2024/",
    "organisationer": "/organisationer/",
    "en organisation": "/organisationer/holstebro-kommune/",
    "kalender": "/kalender/",
    "temaer": "/temaer/",
    "et tema": "/temaer/frafald-og-gennemfoersel/",
    "rapporter": "/rapporter/",
    "rapport": "/rapporter/oplaeringsvejleder-amu/",
    "rapportkapitel": "/rapporter/oplaeringsvejleder-amu/hovedpointer/",
    "rapport til udskrift": "/rapporter/oplaeringsvejleder-amu/print/",
    "side": "/om/",
    "pilotprojekt": "/pilotprojekt-onboarding/",
    "guide": "/guide/",
    "guide for en rolle": "/guide/rolle/vejleder/",
    "guidekapitel": "/guide/de-foerste-uger/",
    "guide til udskrift": "/guide/print/",
    "data": "/data/",
    "datasæt med diagram": "/data/amu-deltagere-pr-modul-2017-2022/",
    "søgning med resultater": "/soeg/?q=praktikvejleder&udvalg=LUU+SOSU%2FAMU",
}


def axe_violations(tab) -> list[str]:
    """WCAG A/AA violations on the page as it is now.

    axe is run through the browser's developer protocol, which the page's Content Security Policy
    does not govern (an inline script would need it off), so the page is checked as readers have it.
    """
    if not tab.evaluate("typeof axe === 'object'"):
        tab.evaluate(AXE.read_text(encoding="utf-8"))
    found = tab.evaluate(
        # Details of the violations only, not of every passing node (axe's option for large pages).
        "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})).violations",
        WCAG,
    )
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + "; ".join(
            node["target"][0] if isinstance(node["target"][0], str) else str(node["target"])
            for node in violation["nodes"][:3]
        )
        for violation in found
    ]


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_page_type_has_no_wcag_violations(new_page, site_url, name):
    """On a phone's screen and then, the window widened, on a desk's; each in light and dark mode (the
    reader's system setting, prefers-color-scheme, which the page follows as it changes). Reflow
    checks load the page afresh at each width (test_reflow.py)."""
    assert AXE.exists(), "run ./run test: it installs the npm tools (npm ci)"
    tab = new_page(width=375, again=True)
    tab.goto(site_url + PAGE_TYPES[name])
    if name.startswith("søgning"):
        tab.wait_for_selector("#soeg-status:not(:empty)")
        if not tab.evaluate("document.getElementById('soeg-valg').open"):  # a filter chosen opens them
            tab.click("#soeg-valg summary")  # the filters are checked open, too
        assert tab.evaluate("document.getElementById('soeg-valg').open")
    found = {}
    for width, schemes in ((375, ("light", "dark")), (1280, ("dark", "light"))):
        tab.set_viewport_size({"width": width, "height": 900})
        for scheme in schemes:
            tab.emulate_media(color_scheme=scheme)
            found[f"{width} px, {scheme}"] = axe_violations(tab)
    assert {config: violations for config, violations in found.items() if violations} == {}


def test_every_page_type_loads_nothing_from_another_host(new_page, site_url, outside_requests):
    """Every page is opened in a tab of its own, all at once, and each is waited on until it has made no
    request for half a second (what it loads late, such as the search index, included)."""
    errors = []
    tabs = [new_page()]
    tabs += [tabs[0].context.new_page() for _ in range(len(PAGE_TYPES) - 1)]
    for tab, path in zip(tabs, PAGE_TYPES.values(), strict=True):
        tab.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        tab.goto(site_url + path, wait_until="commit")
    for tab in tabs:
        tab.wait_for_load_state("networkidle")
    assert outside_requests == []
    assert errors == [], "no console errors, including Content Security Policy violations"


def test_pages_forbid_inline_script_with_a_content_security_policy(new_page, site_url):
    tab = new_page()
    tab.goto(site_url + "/soeg/?q=frafald")
    policy = tab.get_attribute("meta[http-equiv=Content-Security-Policy]", "content")
    assert "script-src 'self' 'wasm-unsafe-eval'" in policy
    assert "'unsafe-inline'" not in policy
    blocked = tab.evaluate(
        """() => { const s = document.createElement('script'); s.textContent = 'window.injected = 1';
                   document.body.append(s); return window.injected === undefined; }"""
    )
    assert blocked, "an inline script does not run"
    tab.wait_for_selector("#soeg-liste > li")  # search still works under the policy


def test_keyboard_walk_skip_link_header_and_agenda(new_page, site_url):
    tab = new_page(width=375)
    tab.goto(site_url + "/referater/luu-pa-amu/2024-09-16/")
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.textContent") == "Gå til indhold"
    tab.keyboard.press("Enter")
    assert tab.evaluate("document.activeElement.id") == "indhold", "the skip link moves focus to the content"
    # From the content, the keyboard reaches the table of contents and an item's anchor.
    link = tab.locator("nav.toc a[href='#punkt-6']")
    for _ in range(40):
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement.getAttribute('href')") == "#punkt-6":
            break
    assert link.evaluate("a => a === document.activeElement")
    assert tab.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid", (
        "focus is visible"
    )
    tab.keyboard.press("Enter")
    tab.wait_for_url("**#punkt-6")  # the fragment changes after the key's event is handled


def test_a_meeting_page_with_attachment_files_has_no_wcag_violations(new_page, attachments_site_url):
    tab = new_page(again=True)
    tab.goto(f"{attachments_site_url}/referater/luu-test/2024-09-16/")
    assert tab.get_by_role("link", name="Bilag 2.1 Ansøgertal januar 2024 (PDF, 2 KB)").is_visible()
    assert axe_violations(tab) == []
