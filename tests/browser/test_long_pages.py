"""Never lost on a long page: the menu folds on a phone, the page keeps its name and contents in reach."""

from __future__ import annotations

MEETING = "/referater/luu-pa-amu/2024-09-16/"
CHAPTER = "/rapporter/oplaeringsvejleder-amu/akademimoduler/"


def _box(tab, selector: str) -> dict:
    return tab.locator(selector).first.bounding_box()


def test_on_a_phone_the_menu_folds_behind_a_button_and_the_text_starts_on_the_first_screen(
    new_page, site_url
):
    tab = new_page(width=320)
    tab.goto(site_url + MEETING)
    button = tab.get_by_role("button", name="Menu")
    assert button.is_visible()
    assert button.get_attribute("aria-expanded") == "false"
    assert not tab.get_by_role("navigation", name="Hovedmenu").is_visible()
    # The header is a fifth of the screen at most (it was a third with the menu open).
    assert _box(tab, ".site-header")["height"] <= 900 * 0.2
    assert tab.locator("main h1").bounding_box()["y"] < 900 / 2
    # The search field stays in the header.
    assert tab.locator("#sidehoved-soeg").is_visible()

    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    menu = tab.get_by_role("navigation", name="Hovedmenu")
    assert menu.is_visible()
    menu.get_by_role("link", name="Kalender").focus()
    tab.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert tab.evaluate("document.activeElement.textContent") == "Menu"
    # Escape on the button itself closes the menu too.
    button.click()
    button.focus()
    tab.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"


def test_on_a_wide_screen_and_without_script_the_menu_is_open(new_page, site_url):
    wide = new_page(width=1280)
    wide.goto(site_url + MEETING)
    assert not wide.get_by_role("button", name="Menu").is_visible()
    assert wide.get_by_role("navigation", name="Hovedmenu").get_by_role("link", name="Referater").is_visible()
    plain = new_page(width=320, javascript=False)
    plain.goto(site_url + MEETING)
    assert plain.get_by_role("navigation", name="Hovedmenu").get_by_role("link", name="Kalender").is_visible()


def test_on_a_phone_far_down_a_meeting_its_name_and_the_way_back_to_the_agenda_stay_in_view(
    new_page, site_url
):
    tab = new_page(width=320)
    tab.goto(site_url + MEETING + "#punkt-9")
    bar = tab.locator(".page-bar")
    assert bar.bounding_box()["y"] == 0, "the bar sticks to the top of the screen"
    assert " ".join(bar.inner_text().split()) == "LUU PA-AMU 16. september 2024 Dagsorden"
    # The item's heading is not hidden under the bar.
    assert tab.locator("#punkt-9").bounding_box()["y"] >= bar.bounding_box()["height"]
    bar.get_by_role("link", name="Dagsorden").click()
    tab.wait_for_url("**#dagsorden")
    agenda = tab.locator("#dagsorden").bounding_box()
    assert bar.bounding_box()["height"] <= agenda["y"] < 900


def test_on_a_wide_screen_the_agenda_stands_beside_the_text_and_stays_there(new_page, site_url):
    tab = new_page(width=1280)
    tab.goto(site_url + MEETING)
    agenda = tab.locator("nav.on-this-page")
    text = tab.locator(".with-toc-main")
    assert agenda.bounding_box()["x"] > text.bounding_box()["x"] + text.bounding_box()["width"]
    tab.evaluate("window.scrollTo(0, document.body.scrollHeight * 0.7)")
    box = agenda.bounding_box()
    assert 0 <= box["y"] < 900 and box["y"] + box["height"] <= 900, (
        "the agenda is on screen far down the page"
    )
    assert agenda.get_by_role("link", name="Status fra AMU v. Line Kusk Andreasen").is_visible()
    assert not tab.locator(".page-bar-link").is_visible(), "the agenda itself is in view"


def test_the_chapter_contents_are_reachable_by_keyboard_and_stay_in_view(new_page, site_url):
    tab = new_page(width=1280)
    tab.goto(site_url + CHAPTER)
    contents = tab.get_by_role("navigation", name="I dette kapitel")
    first = contents.get_by_role("link").first
    for _ in range(60):
        tab.keyboard.press("Tab")
        if first.evaluate("a => a === document.activeElement"):
            break
    assert first.evaluate("a => a === document.activeElement"), "Tab reaches the chapter's contents"
    target = first.get_attribute("href")
    tab.keyboard.press("Enter")
    tab.wait_for_url("**" + target)  # the fragment changes after the key's event is handled
    tab.evaluate("window.scrollTo(0, document.body.scrollHeight * 0.6)")
    box = contents.bounding_box()
    assert 0 <= box["y"] < 900
    phone = new_page(width=320)
    phone.goto(site_url + CHAPTER)
    phone.evaluate("window.scrollTo(0, document.body.scrollHeight * 0.5)")
    bar = phone.locator(".page-bar")
    assert bar.bounding_box()["y"] == 0
    assert bar.locator(".page-bar-context").inner_text().startswith("Eftersyn af FEVUs")
    assert bar.get_by_role("link", name="I dette kapitel").get_attribute("href") == "#i-kapitlet"
