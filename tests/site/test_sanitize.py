"""Raw HTML in an editor's Markdown is cleaned to a safe allow-list; embedded data tables stay whole."""

from __future__ import annotations

import pytest

from tests.conftest import FIXTURES, build, build_fixture, page

MEETING = "referater/luu-test/2024-09-16/index.html"


@pytest.fixture(scope="module")
def meeting(tmp_path_factory):
    return page(build_fixture("raw_html", tmp_path_factory.mktemp("raw")), MEETING)


def test_script_style_frames_and_handlers_are_removed(meeting):
    item = meeting.select_one("#punkt-2").find_parent("section")
    assert not item.select("script, style, iframe")
    assert not [tag for tag in item.find_all(True) if any(a.startswith("on") for a in tag.attrs)]
    assert 'alert("x")' not in str(item), "the script's text goes with the script"


def test_links_keep_safe_addresses_only(meeting):
    item = meeting.select_one("#punkt-2").find_parent("section")
    links = {a.get_text(): a.get("href") for a in item.select("a")}
    assert links == {"link": None, "SPS": "https://www.spsu.dk/"}


def test_harmless_markup_and_text_survive(meeting):
    item = meeting.select_one("#punkt-2").find_parent("section")
    assert item.select_one("b").get_text() == "optaget"
    assert item.select_one("img")["alt"] == "Optaget"
    # {static} in a meeting's block is resolved like a page's, and the image is published.
    assert item.select_one("img")["src"] == "../../../referater/billede.png"
    assert "Skolen orienterede om optaget." in item.get_text()


def test_embedded_tables_with_svg_charts_are_not_sanitised_away(tmp_path):
    output = build(FIXTURES / "table_embedded" / "content", tmp_path)
    report = page(output, "rapport/index.html")
    assert report.select_one("figure table caption") is not None
    assert report.select_one("figure svg") is not None
