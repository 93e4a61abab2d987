"""The helpers that feed Pagefind in two steps and check what it wrote."""

from __future__ import annotations

import gzip
import json

from plugins.search.plugin import _glob_of, _matches, _pattern, _written_whole


def test_the_meeting_pages_glob_comes_from_article_save_as():
    assert _pattern("referater/{category}/{slug}/index.html") == "referater/*/*/index.html"


def test_a_meeting_page_matches_and_the_pages_beside_it_do_not():
    pattern = "referater/*/*/index.html"
    assert _matches("referater/luu-pa-amu/2024-09-16/index.html", pattern)
    assert not _matches("referater/index.html", pattern)
    assert not _matches("gammelt/referater/luu-pa-amu/2024-09-16/index.html", pattern)


def test_the_rest_is_one_alternative_per_file_with_special_characters_escaped():
    assert _glob_of(["index.html", "a,b/index.html"]) == r"{index.html,a\,b/index.html}"
    assert _glob_of([]) == ""


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
