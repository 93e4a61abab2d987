"""What Pagefind indexes: page bodies with type, date and committee, agenda items as sub-results."""

from __future__ import annotations

import json

import pytest

from tests.conftest import build_fixture, page

MEETING = "referater/luu-test/2024-09-16/index.html"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_fixture("meeting_with_two_decisions", tmp_path_factory.mktemp("search"))


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
    assert entry["languages"]["da"]["page_count"] == 2
    assert not list((site / "pagefind").glob("pagefind-ui.*")), "unused Pagefind interfaces are removed"


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
