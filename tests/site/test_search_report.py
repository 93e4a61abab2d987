"""A report chapter as the search indexes it: a title naming the report, terms in their own section."""

from __future__ import annotations

import pytest

from tests.conftest import build_fixture, page

FINDINGS = "rapporter/eksempel/fund/index.html"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_fixture("report", tmp_path_factory.mktemp("search-report"))


def test_the_result_title_names_the_report(site):
    chapter = page(site, FINDINGS)
    report = chapter.select_one(".kicker").get_text()
    title = chapter.select_one("[data-pagefind-meta^='title:']")["data-pagefind-meta"]
    assert title == f"title:Fund – {report}"


def test_each_section_carries_its_own_hidden_terms_before_the_next_heading(site):
    body = page(site, FINDINGS).select_one("[data-pagefind-body]")
    sections: dict[str, list[str]] = {}
    heading = "top"
    for element in body.find_all(True):
        if element.name in ("h1", "h2", "h3") and element.get("id"):
            heading = element["id"]
        elif element.name == "p" and element.has_attr("hidden") and element.get_text().startswith("⟦"):
            sections.setdefault(heading, []).extend(element.get_text().strip("⟦⟧").split())
    # Only "basismodulet" (in Stofmængde) is a compound: its parts lead there, not to the last section.
    assert sections == {"stofmaengde": ["basis", "modulet"]}


def test_an_editors_note_is_not_indexed(site):
    note = page(site, FINDINGS).find("em", string=lambda text: text and text.startswith("Redaktionel note"))
    assert note.parent.has_attr("data-pagefind-ignore")
