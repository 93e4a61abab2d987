"""The table of the site's sections: every menu item, parent and template exists, addresses agree."""

from __future__ import annotations

from pathlib import Path

from plugins.kb.sections import SECTIONS, pelican_templates, section

TEMPLATES = Path(__file__).resolve().parents[2] / "theme" / "templates"


def test_the_menu_is_the_eight_sections_in_order():
    assert [s.title for s in SECTIONS.values() if s.in_menu] == [
        "Referater",
        "Guide",
        "Rapporter",
        "Beslutninger",
        "Temaer",
        "Kalender",
        "Udvalg",
        "Data",
    ]


def test_every_parent_is_a_menu_item_and_every_template_exists():
    for found in SECTIONS.values():
        assert found.parent is None or SECTIONS[found.parent].in_menu, found.key
        assert not found.in_menu or found.parent == found.key, found.key
        for template in (found.template, found.page_template):
            assert template is None or (TEMPLATES / f"{template}.html").is_file(), (found.key, template)


def test_addresses_and_files_of_a_section_agree():
    minutes = section("referater")
    assert minutes.url() == "referater/" and minutes.save_as() == "referater/index.html"
    assert minutes.url("{category}", "{slug}") == "referater/{category}/{slug}/"
    assert section("sider").url("om") == "om/" and section("forside").save_as() == "index.html"
    assert section("guide").trail_title == "Veje til den gode praktik"
    assert section("data").trail_title == "Data"


def test_pelican_writes_the_index_pages_of_its_own_sections():
    assert sorted(pelican_templates()) == ["archives", "categories", "index", "soeg", "was"]
