"""What Pagefind indexes: page bodies with type, date and committee, agenda items as sub-results."""

from __future__ import annotations

import json

import pytest

from tests.conftest import FIXTURES, build, page

MEETING = "referater/luu-test/2024-09-16/index.html"
# 19 November 2024: the committee's meeting of 10 March 2025 is ahead.
BUILT_ON = "1732000000"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    content = FIXTURES / "meeting_with_two_decisions" / "content"
    return build(content, tmp_path_factory.mktemp("search"), SOURCE_DATE_EPOCH=BUILT_ON)


def test_only_the_meeting_article_is_indexed(site):
    meeting = page(site, MEETING)
    bodies = meeting.select("[data-pagefind-body]")
    assert [body.name for body in bodies] == ["article"]
    assert bodies[0].find_parent("header") is None
    # The table of contents repeats every title; it must not outrank the items themselves.
    assert meeting.select_one("nav.toc").has_attr("data-pagefind-ignore")


def test_meeting_carries_type_date_and_committee(site):
    meeting = page(site, MEETING)
    meta = sorted(tag["data-pagefind-meta"] for tag in meeting.select("[data-pagefind-meta]"))
    assert meta == ["dato:16. september 2024", "iso:2024-09-16", "type:Referat", "udvalg:LUU Test"]
    filters = sorted(tag["data-pagefind-filter"] for tag in meeting.select("[data-pagefind-filter]"))
    assert filters == ["type:Referat", "udvalg:LUU Test", "år:2024"]
    assert meeting.select_one("[data-pagefind-sort]")["data-pagefind-sort"] == "dato:2024-09-16"


def test_agenda_items_are_the_only_headed_anchors_inside_the_items(site):
    meeting = page(site, MEETING)
    items = meeting.select("section.agenda-item")
    assert [item.find("h2")["id"] for item in items] == ["punkt-1", "punkt-2", "punkt-3"]
    for item in items:
        assert not item.select("h3[id], h4[id]"), "block headings would split an item's search results"
    decision = meeting.select_one("#punkt-3-beslutning")
    assert decision.name == "div" and decision.h3.get_text() == "Beslutning"


def test_items_carry_hidden_search_terms_for_decisions(site):
    item = page(site, MEETING).select_one("section.agenda-item:has(#punkt-1)")
    terms = item.select_one("p[hidden][data-pagefind-weight]")
    text = terms.get_text()
    assert text.startswith("⟦") and text.endswith("⟧"), "bracketed, so excerpts can leave them out"
    assert "besluttede" in text.strip("⟦⟧").split()


def test_listing_pages_are_not_indexed(site):
    for listing in ("index.html", "referater/index.html", "udvalg/index.html", "soeg/index.html"):
        assert not page(site, listing).select("[data-pagefind-body]"), listing


def test_the_index_is_written_with_the_danish_language(site):
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text())
    assert list(entry["languages"]) == ["da"]
    # Two meetings, the committee, the calendar, four organisations, the theme, a year of decisions.
    assert entry["languages"]["da"]["page_count"] == 10
    assert not list((site / "pagefind").glob("pagefind-ui.*")), "unused Pagefind interfaces are removed"
    assert (site / "pagefind" / "pagefind-highlight.js").read_bytes().startswith(b"var __create")


def test_every_page_has_a_search_field_leading_to_the_search_page(site):
    form = page(site, MEETING).select_one("header form[role=search]")
    assert form["action"] == "../../../soeg/"
    assert form.select_one("input")["name"] == "q"
    label = form.select_one("label")
    assert label.get_text() == "Søg" and label["for"] == form.select_one("input")["id"]


def test_search_page_explains_browsing_without_javascript(site):
    search = page(site, "soeg/index.html")
    assert search.select_one("header form[role=search]") is None, "one search field on the search page"
    notice = search.select_one("#soeg-uden-js")
    assert "JavaScript" in notice.get_text()
    assert [a["href"] for a in notice.select("a")] == ["../referater/", "../udvalg/", "../data/"]
    assert search.select_one("script[type=module]")["src"] == "../theme/js/search.js"


PAGE_TYPES = [
    ("udvalg/luu-test/index.html", "Udvalg"),
    ("kalender/index.html", "Kalender"),
    ("organisationer/herning-kommune/index.html", "Organisation"),
    ("temaer/frafald/index.html", "Tema"),
    ("beslutninger/2024/index.html", "Beslutninger"),
    (MEETING, "Referat"),
]


@pytest.mark.parametrize(("path", "kind"), PAGE_TYPES)
def test_every_page_type_is_indexed_with_its_type_filter_and_marks_the_searched_words(site, path, kind):
    found = page(site, path)
    body = found.select("[data-pagefind-body]")
    assert len(body) == 1, path
    assert body[0].select_one("[data-pagefind-filter^='type:']")["data-pagefind-filter"] == f"type:{kind}"
    assert body[0].select_one("script[type=module]")["src"].endswith("theme/js/highlight.js")
    for trail in found.select(".breadcrumb"):
        assert not trail.find_parent(attrs={"data-pagefind-body": True}), "the trail is not the page's text"


@pytest.mark.parametrize(
    "path",
    [
        "beslutninger/index.html",
        "beslutninger/luu-test/index.html",
        "beslutninger/luu-test/2024/index.html",
        "organisationer/index.html",
        "organisationer/herning-kommune/2024/index.html",
    ],
)
def test_each_decision_and_organisation_is_indexed_on_one_page_only(site, path):
    assert not page(site, path).select("[data-pagefind-body]"), path


def test_each_decision_in_the_register_is_a_sub_result_naming_its_agenda_item(site):
    register = page(site, "beslutninger/2024/index.html")
    headings = register.select("[data-pagefind-body] h3[id]")
    # search.js leads a sub-result whose id names a meeting page and an item to that item.
    assert [h["id"] for h in headings] == [
        "beslutning-1:referater/luu-test/2024-09-16/punkt-1",
        "beslutning-2:referater/luu-test/2024-09-16/punkt-3",
    ]
    assert headings[1].a["href"] == "../../referater/luu-test/2024-09-16/#punkt-3"
    assert "(LUU Test, 16. september 2024)" in headings[0].get_text()
    assert register.select_one("nav.filter-links").has_attr("data-pagefind-ignore")


def test_the_committee_page_says_who_chairs_and_sits_in_it_and_when_it_meets_next(site):
    committee = page(site, "udvalg/luu-test/index.html")
    members = committee.select_one("section[aria-labelledby=medlemmer]")
    text = " ".join(members.get_text(" ").split())
    assert "Formand: Bettina Krohn Jensen, FOA Midt- og Vestjylland (formand)" in text
    assert "Ifølge referatet af mødet 16. september 2024 :" in text
    assert "Jacob Niebuhr Henriksen" in text
    assert committee.select_one(".next-meeting").get_text(" ", strip=True) == (
        "Næste møde: mandag 10. marts 2025 , kl. 9.00–12.00, Holstebro."
    )
    assert committee.select_one("section[aria-labelledby=referater]").has_attr("data-pagefind-ignore")


def test_the_calendar_names_the_next_meeting_as_its_answer(site):
    line = page(site, "kalender/index.html").select_one(".next-meeting")
    assert line["data-pagefind-weight"] == "7"
    assert line.get_text(" ", strip=True) == "Næste møde: mandag 10. marts 2025 , LUU Test, Holstebro."


def test_an_organisation_page_names_who_came_from_it(site):
    entries = page(site, "organisationer/sosu-mv-herning/index.html").select(".meeting-list li")
    assert [" ".join(li.get_text(" ").split()) for li in entries] == [
        "LUU Test, 16. september 2024 : Dorte Engsig, Kirsten Schmidt"
    ]
