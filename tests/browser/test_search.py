"""Search in real Chromium: Danish queries, deep links to agenda items, filters, URL state, no JS."""

from __future__ import annotations

from urllib.parse import parse_qs, quote, urlsplit

import pytest

MEETING_2024 = "LUU PA-AMU, 16. september 2024"
MEETING_2021 = "Samarbejdsmøde PA (kommuner og SOSU MV), 12. oktober 2021"
MEETING_2019 = "LUU SOSU/AMU, 22. februar 2019"


def results(tab) -> list[dict]:
    """The result list as the reader sees it: title, link, meta line and agenda-item links.

    Links are given without the searched words they carry for the page to mark (?fremhaev=…),
    which ``marked`` gives for the first result.
    """
    tab.wait_for_selector("#soeg-status:not(:empty)")
    tab.wait_for_selector("#soeg-resultater:not([aria-busy])", state="attached")
    return tab.eval_on_selector_all(
        "#soeg-liste > li",
        """items => {
            const bare = (a) => { const url = new URL(a.href); return url.pathname + url.hash; };
            return items.map(li => ({
                title: li.querySelector("h3").textContent.trim(),
                href: bare(li.querySelector("h3 a")),
                meta: li.querySelector(".result-meta").textContent,
                items: [...li.querySelectorAll(".sub-results a")].map(bare),
                marked: new URL(li.querySelector("h3 a").href).searchParams.getAll("fremhaev"),
            }));
        }""",
    )


def landed(tab, address: str) -> None:
    """Wait until the page shown is ``address`` (path and fragment; the searched words aside)."""
    tab.wait_for_function("address => location.pathname + location.hash === address", arg=address)


def search(new_page, site_url, query: str, extra: str = ""):
    """The search page at ``?q=query`` (and ``extra``) in the module's kept tab, and its results."""
    tab = new_page(again=True)
    tab.goto(f"{site_url}/soeg/?q={quote(query)}{extra}")
    return tab, results(tab)


def test_spiremedarbejdere_leads_to_the_agenda_item_of_the_2024_meeting(new_page, site_url):
    tab, found = search(new_page, site_url, "spiremedarbejdere")
    assert found[0]["title"] == MEETING_2024
    assert found[0]["meta"] == "Referat · 16. september 2024 · LUU PA-AMU"
    assert found[0]["items"][0] == "/referater/luu-pa-amu/2024-09-16/#punkt-3"
    tab.click("#soeg-liste .sub-results a")
    landed(tab, "/referater/luu-pa-amu/2024-09-16/#punkt-3")
    assert tab.locator("#punkt-3").is_visible()
    assert "Orienteringspunkt" in tab.locator("#punkt-3").inner_text()


def test_praktikplatformen_leads_to_the_2021_meeting(new_page, site_url):
    _, found = search(new_page, site_url, "praktikplatformen")
    assert found[0]["title"] == MEETING_2021
    assert found[0]["items"][0] == "/referater/samarbejdsmoede-pa/2021-10-12/#punkt-5"


def test_a_danish_question_finds_the_meetings_on_the_subject(new_page, site_url):
    tab, found = search(new_page, site_url, "hvad besluttede udvalget om praktikvejledere?")
    assert "Ingen" not in tab.inner_text("#soeg-status")
    titles = [result["title"] for result in found]
    assert MEETING_2021 in titles[:2] and MEETING_2019 in titles[:2]
    assert "/referater/samarbejdsmoede-pa/2021-10-12/#punkt-3" in found[titles.index(MEETING_2021)]["items"]


def test_part_of_a_compound_finds_the_compound(new_page, site_url):
    # The 2019 minutes speak only of "praktikvejleder" and "praktikvejlederopgaven".
    tab, found = search(new_page, site_url, "vejleder")
    assert len(found) == 5, "five results at a time"
    while tab.locator("#soeg-flere").is_visible():
        tab.click("#soeg-flere")
        tab.wait_for_function(f"() => document.querySelectorAll('#soeg-liste > li').length > {len(found)}")
        found = results(tab)
    assert tab.inner_text("#soeg-status") == f"Viser {len(found)} af {len(found)} resultater."
    assert MEETING_2019 in [result["title"] for result in found]


def test_a_question_without_a_page_holding_every_word_falls_back_to_any_word(new_page, site_url):
    tab, found = search(new_page, site_url, "spiremedarbejdere praktikplatformen")
    assert tab.inner_text("#soeg-status").startswith("Ingen sider indeholder alle ordene.")
    assert {MEETING_2024, MEETING_2021} <= {result["title"] for result in found}


def test_filter_by_committee_narrows_the_results_and_lives_in_the_url(new_page, site_url):
    tab, everything = search(new_page, site_url, "praktikvejleder")
    assert len({result["meta"] for result in everything}) > 1
    tab.click("#soeg-valg summary")
    tab.get_by_role("checkbox", name="LUU SOSU/AMU").check()
    tab.wait_for_function("() => new URLSearchParams(location.search).get('udvalg') === 'LUU SOSU/AMU'")
    narrowed = results(tab)
    assert [result["title"] for result in narrowed] == [MEETING_2019]
    assert tab.locator("#soeg-status").inner_text() == "1 resultat for »praktikvejleder«."

    shared = tab.url  # the same address shows the same search
    again = new_page()
    again.goto(shared)
    assert [result["title"] for result in results(again)] == [MEETING_2019]
    assert again.get_by_role("checkbox", name="LUU SOSU/AMU").is_checked()
    assert again.locator("#soeg-ord").input_value() == "praktikvejleder"


def test_unknown_parameters_in_a_shared_link_are_ignored(new_page, site_url):
    tab, found = search(new_page, site_url, "praktikplatformen", "&fbclid=abc&udvalg=Findes+ikke")
    assert found[0]["title"] == MEETING_2021
    assert tab.inner_text("#soeg-valg summary") == "Filtrér og sortér"


def test_excerpts_show_the_minutes_text_not_the_extra_search_terms(new_page, site_url):
    tab, found = search(new_page, site_url, "vejleder")
    text = tab.inner_text("#soeg-liste")
    assert "⟦" not in text and "⟧" not in text
    assert "&amp;" not in text
    assert tab.locator("#soeg-liste mark").count() > 0


def test_more_results_keep_keyboard_focus_on_the_list(new_page, site_url):
    tab, found = search(new_page, site_url, "vejleder")
    tab.focus("#soeg-flere")
    tab.keyboard.press("Enter")
    tab.wait_for_function("() => document.querySelectorAll('#soeg-liste > li').length > 5")
    focused = tab.evaluate("document.activeElement.closest('#soeg-liste > li') !== null")
    assert focused, "focus moves to the first new result"


def test_typing_updates_the_address(new_page, site_url):
    tab = new_page(again=True)
    tab.goto(f"{site_url}/soeg/")
    tab.get_by_label("Søg i referater, rapporter og data").fill("frafald")
    tab.wait_for_function("() => new URLSearchParams(location.search).get('q') === 'frafald'")
    assert results(tab)


def test_newest_first_orders_by_meeting_date(new_page, site_url):
    _, found = search(new_page, site_url, "praktikvejleder", "&sortering=nyeste&type=Referat")
    assert [result["title"] for result in found] == [MEETING_2021, MEETING_2019]


def test_header_search_works_from_the_keyboard(new_page, site_url):
    tab = new_page(width=375)
    tab.goto(f"{site_url}/referater/luu-pa-amu/2024-09-16/")
    # Skip link, site name, the button of the folded menu, then the search field.
    for _ in range(3):
        tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.textContent") == "Menu"
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.id") == "sidehoved-soeg"
    tab.keyboard.type("spiremedarbejdere")
    tab.keyboard.press("Enter")
    tab.wait_for_url("**/soeg/?q=spiremedarbejdere")
    assert results(tab)[0]["title"] == MEETING_2024


def test_without_javascript_the_page_explains_how_to_browse(new_page, site_url):
    tab = new_page(javascript=False)
    tab.goto(f"{site_url}/soeg/?q=frafald")
    assert tab.locator("#soeg-uden-js").is_visible()
    assert tab.get_by_role("link", name="Alle referater").is_visible()
    assert not tab.locator("#soeg-resultater").is_visible()


def test_searching_makes_no_request_to_another_host(new_page, site_url, outside_requests):
    tab, _ = search(new_page, site_url, "frafald", "&type=Rapport")
    tab.click("#soeg-liste h3 a")
    tab.wait_for_load_state("load")
    assert outside_requests == []
    assert parse_qs(urlsplit(site_url + "/soeg/?q=x").query) == {"q": ["x"]}


REVIEW = "/rapporter/oplaeringsvejleder-amu/"


def test_a_finding_of_the_review_leads_to_its_section(new_page, site_url):
    tab, found = search(new_page, site_url, "stoftrængsel")
    hits = [result for result in found if result["href"].startswith(REVIEW)]
    assert hits, "the review's chapters are in the index"
    assert hits[0]["meta"].startswith("Rapport")
    assert f"{REVIEW}interview-opsummering/#stofmaengde" in [link for hit in hits for link in hit["items"]]
    tab.click(f"#soeg-liste .sub-results a[href^='{REVIEW}interview-opsummering/'][href$='#stofmaengde']")
    landed(tab, f"{REVIEW}interview-opsummering/#stofmaengde")
    assert tab.locator("#stofmaengde").is_visible()


def test_words_only_the_whole_review_carries_are_found(new_page, site_url):
    for query, chapter in (
        ("sprogscreening", "forslag-til-amu-maal"),
        ("kollegial supervision", "forslag-til-amu-maal"),
    ):
        _, found = search(new_page, site_url, query)
        assert any(result["href"].startswith(f"{REVIEW}{chapter}/") for result in found), query


def test_the_type_filter_rapport_keeps_only_report_pages(new_page, site_url):
    _, found = search(new_page, site_url, "frafald", "&type=Rapport")
    assert found
    assert all(result["meta"].startswith("Rapport") for result in found)
    assert any(result["href"].startswith("/rapporter/frafald-nordjylland/") for result in found)


def test_a_word_only_an_attachment_holds_finds_its_item_which_offers_the_file(new_page, attachments_site_url):
    # "sommeroptaget" stands only in the PDF linked as Bilag 2.1, "mentorordninger" only in the Word file.
    for query in ("sommeroptaget", "mentorordninger"):
        tab, found = search(new_page, attachments_site_url, query)
        assert [result["title"] for result in found] == ["LUU Test, 16. september 2024"], query
        assert found[0]["items"][0] == "/referater/luu-test/2024-09-16/#punkt-2", query
    assert "⟦" not in tab.inner_text("#soeg-liste")
    assert tab.locator("#soeg-liste mark").first.inner_text().lower() == "mentorordninger"
    tab.click("#soeg-liste .sub-results a")
    landed(tab, "/referater/luu-test/2024-09-16/#punkt-2")
    link = tab.locator("#punkt-2-bilag a", has_text="Bilag 2.2 Referat fra temadagen")
    assert link.is_visible()
    assert link.inner_text().startswith("Bilag 2.2 Referat fra temadagen (Word, ")
    with tab.expect_response(lambda response: response.url.endswith("/temadag.docx")) as opened:
        tab.evaluate("url => fetch(url)", link.get_attribute("href"))
    assert opened.value.ok


def test_an_attachment_whose_text_cannot_be_read_is_still_found_by_its_name(new_page, attachments_site_url):
    # The scanned letter has no text to index; its name in the Bilag block is the minutes' own text.
    _, found = search(new_page, attachments_site_url, "ministeriet")
    assert found[0]["items"] == ["/referater/luu-test/2024-09-16/#punkt-4"]


@pytest.mark.parametrize(
    ("query", "address", "meta"),
    [
        ("hvornår er næste møde", "/kalender/", "Kalender"),
        ("hvem er formand for LUU PA", "/udvalg/luu-pa-amu/", "Udvalg"),
        ("Herning Kommune", "/organisationer/herning-kommune/", "Organisation"),
        ("medlemmer af LUU PA-AMU", "/udvalg/luu-pa-amu/", "Udvalg"),
        ("hvem deltog fra Herning Kommune", "/organisationer/herning-kommune/", "Organisation"),
    ],
)
def test_questions_about_meetings_committees_and_organisations_find_their_page(
    new_page, site_url, query, address, meta
):
    _, found = search(new_page, site_url, query)
    assert (found[0]["href"], found[0]["meta"]) == (address, meta), [r["href"] for r in found]


def test_the_chair_is_in_the_excerpt_of_the_committee(new_page, site_url):
    tab, found = search(new_page, site_url, "hvem er formand for LUU PA")
    first = tab.locator("#soeg-liste > li").first
    assert "Bettina Krohn Jensen" in first.inner_text()
    assert found[0]["items"] == ["/udvalg/luu-pa-amu/#medlemmer"]


def test_every_page_type_has_its_type_filter(new_page, site_url):
    tab = new_page(again=True)
    tab.goto(f"{site_url}/soeg/")
    tab.click("#soeg-valg summary")
    types = (
        tab.locator("#soeg-filtre fieldset", has_text="Type")
        .locator("input")
        .evaluate_all("boxes => boxes.map(box => box.value)")
    )
    expected = {"Referat", "Udvalg", "Kalender", "Organisation", "Tema", "Beslutninger", "Rapport", "Guide"}
    assert expected <= set(types)


def test_a_decision_in_the_register_leads_to_its_agenda_item_with_the_words_marked(new_page, site_url):
    tab, found = search(new_page, site_url, "pjecen", "&type=Beslutninger")
    assert [result["title"] for result in found] == ["Beslutninger i 2021"]
    assert found[0]["items"] == ["/referater/samarbejdsmoede-pa/2021-10-12/#punkt-6"]
    assert found[0]["marked"] == ["pjecen"]
    tab.click("#soeg-liste .sub-results a")
    landed(tab, "/referater/samarbejdsmoede-pa/2021-10-12/#punkt-6")
    tab.wait_for_selector("#punkt-6 ~ * mark.pagefind-highlight")
    assert tab.locator("#punkt-6 ~ * mark.pagefind-highlight").first.inner_text().lower() == "pjecen"


def test_the_searched_words_are_marked_on_the_page_a_result_opens(new_page, site_url, outside_requests):
    tab, found = search(new_page, site_url, "spiremedarbejdere")
    tab.click("#soeg-liste .sub-results a")
    landed(tab, "/referater/luu-pa-amu/2024-09-16/#punkt-3")
    tab.wait_for_selector("mark.pagefind-highlight")
    marks = tab.locator("mark.pagefind-highlight")
    assert {text.lower() for text in marks.all_inner_texts()} == {"spiremedarbejdere"}
    assert marks.first.evaluate("mark => mark.closest('[data-pagefind-body]') !== null")
    assert outside_requests == []


def test_a_page_opened_without_searching_marks_nothing(new_page, site_url):
    tab = new_page(again=True)
    tab.goto(f"{site_url}/referater/luu-pa-amu/2024-09-16/")
    tab.wait_for_load_state("networkidle")
    assert tab.locator("mark.pagefind-highlight").count() == 0


def test_a_result_title_names_its_report(new_page, site_url):
    _, found = search(new_page, site_url, "bilag", "&type=Rapport")
    titles = [result["title"] for result in found]
    assert "Bilag – Eftersyn af FEVUs arbejdsmarkedsuddannelser i oplæringsvejledning" in titles
    assert "Bilag" not in titles


def test_excerpts_are_running_text_not_table_cells_nor_editors_notes(new_page, site_url):
    tab, _ = search(new_page, site_url, "moduler", "&type=Rapport")
    text = tab.inner_text("#soeg-liste")
    assert "Redaktionel note" not in text
