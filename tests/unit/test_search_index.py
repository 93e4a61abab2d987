"""Feeding Pagefind in parts, and an index stopped midway (integrity: tests/unit/test_search_integrity.py)."""

from __future__ import annotations

import threading

import pytest

from plugins.kb.build import Build, BuildSuperseded
from plugins.search.parts import Part, glob_of, plan_parts
from plugins.search.plugin import WORK_PREFIX, marked_for_search, write_index


def test_the_pages_are_one_alternative_per_file_with_special_characters_escaped():
    assert glob_of(["index.html", "a,b/index.html"]) == r"{index.html,a\,b/index.html}"
    assert glob_of([]) == ""


@pytest.mark.parametrize(
    ("pages", "indexed"),
    [
        # Pagefind drops the pages without the attribute once one has it: they are not handed to it.
        ({"a.html": "<main data-pagefind-body>x</main>", "b.html": "<main>y</main>"}, ["a.html"]),
        ({"a.html": '<div class="x" data-pagefind-body="">x</div>', "b.html": "<p>y</p>"}, ["a.html"]),
        # The words in a page's text are no attribute.
        ({"a.html": "<p>data-pagefind-body</p>", "b.html": "<main data-pagefind-body>y</main>"}, ["b.html"]),
        # No page has it: Pagefind indexes every page.
        ({"a.html": "<p>data-pagefind-body</p>", "b.html": "<p>y</p>"}, ["a.html", "b.html"]),
    ],
)
def test_only_the_pages_pagefind_keeps_are_handed_to_it(tmp_path, pages, indexed):
    for name, html in pages.items():
        (tmp_path / name).write_text(html, encoding="utf-8")
    assert marked_for_search(tmp_path, sorted(pages)) == indexed


def test_the_meetings_are_indexed_in_parts_of_whole_years_oldest_first():
    pages = [(2021, "b/2021"), (2020, "a/2020"), (2020, "b/2020"), (2022, "a/2022"), (2024, "a/2024")]
    assert plan_parts(pages, most=3) == [
        Part("referater-2020-2021", ("a/2020", "b/2020", "b/2021")),
        Part("referater-2022-2024", ("a/2022", "a/2024")),
    ]


def test_a_year_with_more_pages_than_a_part_holds_is_a_part_alone():
    pages = [(2020, "x"), (2021, "a"), (2021, "b"), (2021, "c"), (2022, "y")]
    assert [part.name for part in plan_parts(pages, most=2)] == [
        "referater-2020",
        "referater-2021",
        "referater-2022",
    ]
    assert plan_parts([], most=500) == []


def test_a_build_stopped_for_a_newer_change_writes_no_index_and_leaves_no_folder(tmp_path):
    site = tmp_path / "output"
    site.mkdir()
    (site / "index.html").write_text("<html lang=da><body data-pagefind-body>Tekst</body></html>")
    newer = threading.Event()
    newer.set()
    with pytest.raises(BuildSuperseded):
        write_index(site, [], ["index.html"], Build(stop=newer))
    assert [path.name for path in site.iterdir()] == ["index.html"]
    assert not [path for path in tmp_path.iterdir() if path.name.startswith(WORK_PREFIX)]
