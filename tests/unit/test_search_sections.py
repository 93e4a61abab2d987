"""Hidden search terms placed at the end of the section they come from (plugins/search/sections.py)."""

from __future__ import annotations

import pytest

from plugins.search.sections import terms_paragraph, with_section_terms


def test_each_section_gets_the_terms_of_its_own_text_before_the_next_heading():
    html = (
        '<p>Om praktikvejledere.</p><h2 id="a">A</h2><p>Om oplæringsvejlederen.</p>'
        '<h2 id="b">B</h2><p>Intet.</p>'
    )
    assert with_section_terms(html) == (
        '<p>Om praktikvejledere.</p><p hidden data-pagefind-weight="0.5">⟦praktik vejledere⟧</p>'
        '<h2 id="a">A</h2><p>Om oplæringsvejlederen.</p>'
        '<p hidden data-pagefind-weight="0.5">⟦oplærings vejlederen⟧</p>'
        '<h2 id="b">B</h2><p>Intet.</p>'
    )


@pytest.mark.parametrize(
    ("html", "terms"),
    [
        ("<h2>Uden id</h2><p>praktikvejleder</p>", 1),  # Pagefind makes no sub-result of it
        ("<p id='z'>praktikvejleder</p>", 1),
        ('<p>praktikvejleder</p><h3 class="x" id="y">oplæringsvejleder</h3>', 2),
    ],
)
def test_only_headings_with_an_id_start_a_section(html, terms):
    assert str(with_section_terms(html)).count("⟦") == terms


def test_the_title_counts_with_the_first_section_and_words_are_escaped():
    assert "vejleder" in with_section_terms('<h2 id="a">A</h2><p>x</p>', title="Praktikvejleder")
    assert terms_paragraph(["<b>"]) == '<p hidden data-pagefind-weight="0.5">⟦&lt;b&gt;⟧</p>'
    assert terms_paragraph([]) == ""
