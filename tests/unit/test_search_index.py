"""The helpers that feed Pagefind in two steps and check what it wrote."""

from __future__ import annotations

import gzip
import json

from plugins.search.parts import Part, glob_of, plan_parts
from plugins.search.plugin import _written_whole


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


def _index(folder, fragment: bytes) -> None:
    (folder / "fragment").mkdir(parents=True)
    (folder / "pagefind-entry.json").write_text(json.dumps({"version": "1.5.2"}), encoding="utf-8")
    (folder / "fragment" / "da_1.pf_fragment").write_bytes(fragment)


def test_a_complete_index_passes(tmp_path):
    _index(tmp_path, gzip.compress(b"pagefind_dcd" + b"x" * 500))
    assert _written_whole(tmp_path)


def test_a_file_cut_off_while_writing_is_found(tmp_path):
    _index(tmp_path, gzip.compress(b"pagefind_dcd" + b"x" * 500)[:20])
    assert not _written_whole(tmp_path)


def test_an_empty_entry_file_is_found(tmp_path):
    _index(tmp_path, gzip.compress(b"pagefind_dcd"))
    (tmp_path / "pagefind-entry.json").write_text("", encoding="utf-8")
    assert not _written_whole(tmp_path)
