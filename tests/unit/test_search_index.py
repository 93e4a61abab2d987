"""The helpers that feed Pagefind in parts (the index's integrity: tests/unit/test_search_integrity.py)."""

from __future__ import annotations

from plugins.search.parts import Part, glob_of, plan_parts


def test_the_pages_are_one_alternative_per_file_with_special_characters_escaped():
    assert glob_of(["index.html", "a,b/index.html"]) == r"{index.html,a\,b/index.html}"
    assert glob_of([]) == ""


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
