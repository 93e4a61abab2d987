"""The search index in parts (plugins/search/parts.py): what one index finds, newest first, with deep links.

The same site is built twice: with its three meetings in one index with the pages, and with each
year's meetings in a part of its own. The reader must see the same results.
"""

from __future__ import annotations

import json
import urllib.request

import pytest

from tests.browser.test_search import MEETING_2019, MEETING_2021, MEETING_2024, search

SORTED = [
    ("praktikvejleder", "&sortering=nyeste"),
    ("praktik", "&sortering=nyeste&udvalg=LUU+PA-AMU"),
    ("", "&sortering=nyeste"),
    ("praktikvejledere elever", "&sortering=nyeste"),
    ("spiremedarbejdere", "&sortering=nyeste"),
]


def test_the_index_is_in_one_part_per_year_newest_first(parts_site_url, site_url):
    with urllib.request.urlopen(f"{parts_site_url}/pagefind/dele.json") as response:
        assert json.load(response) == ["referater-2024", "referater-2021", "referater-2019"]
    with urllib.request.urlopen(f"{site_url}/pagefind/dele.json") as response:
        assert json.load(response) == []


def test_newest_first_takes_the_parts_in_date_order(new_page, parts_site_url):
    _, found = search(new_page, parts_site_url, "praktikvejleder", "&sortering=nyeste&type=Referat")
    assert [result["title"] for result in found] == [MEETING_2024, MEETING_2021, MEETING_2019]


def _subsequence(shorter: list, longer: list) -> bool:
    found = iter(longer)
    return all(any(item == other for other in found) for item in shorter)


@pytest.mark.parametrize(("query", "extra"), SORTED)
def test_sorted_results_hold_those_of_one_index_in_the_same_order(
    new_page, site_url, parts_site_url, query, extra
):
    """Each part ranks against its own pages: where a part lacks the word itself, Pagefind takes it as
    the start of longer words (praktikvejleder → praktikvejlederne), so the parts may find more."""
    one_tab, in_one = search(new_page, site_url, query, extra + "&type=Referat")
    parts_tab, in_parts = search(new_page, parts_site_url, query, extra + "&type=Referat")
    assert len(in_one) < 5, "the whole list of one index is on the first page"
    assert _subsequence(in_one, in_parts)
    dates = [result["href"].rstrip("/").rsplit("/", 1)[1] for result in in_parts]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize("query", ["praktikplatformen", "spiremedarbejdere", "frafald", "vejleder"])
def test_the_parts_find_every_page_one_index_finds_with_its_deep_links(
    new_page, site_url, parts_site_url, query
):
    one_tab, in_one = search(new_page, site_url, query)
    parts_tab, in_parts = search(new_page, parts_site_url, query)
    count = lambda tab: int(tab.inner_text("#soeg-status").split()[0])  # noqa: E731 - "5 resultater for …"
    assert count(parts_tab) >= count(one_tab)
    assert "indeksdel" not in parts_tab.inner_text("#soeg-filtre")
    # Meetings lead to their agenda items in either index.
    meetings = {MEETING_2019, MEETING_2021, MEETING_2024}
    deep = {r["title"]: r["items"] for r in in_one if r["title"] in meetings}
    assert {r["title"]: r["items"] for r in in_parts if r["title"] in deep} == deep
