"""The plain-text shortcut changes no HTML: the same text with and without it converts the same.

Property-based (Hypothesis): texts built from everything Python-Markdown's block and inline syntax
is made of, with the site's Markdown extensions as the reader loads them (and with the report
chapters' table of contents), converted with the shortcut and without it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown import Markdown
from markdown.inlinepatterns import SimpleTagInlineProcessor, SubstituteTagInlineProcessor
from markdown.treeprocessors import InlineProcessor
from pelican.settings import read_settings

from plugins.formatting.plaintext import BLOCKS, HTML_BLOCKS, PlainTextExtension, needed
from plugins.kb.metadata.values import heading_id

ROOT = Path(__file__).resolve().parents[2]
SHORTCUT = "plugins.formatting.plaintext"
BOUNDED = settings(
    max_examples=400, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def site_markdown(shortcut: bool = True, chapter: bool = False) -> Markdown:
    """A Markdown with the site's extensions as Pelican's reader loads them (and meta), with or without
    the shortcut; ``chapter``: with the table of contents a report chapter is converted with."""
    configs = dict(read_settings(str(ROOT / "pelicanconf.py"))["MARKDOWN"]["extension_configs"])
    if chapter:
        configs["markdown.extensions.toc"] = {"slugify": heading_id, "toc_depth": "2-4"}
    extensions = [name for name in configs if shortcut or name != SHORTCUT] + ["markdown.extensions.meta"]
    return Markdown(extensions=extensions, extension_configs=configs, output_format="html5")


WITH, WITHOUT = site_markdown(), site_markdown(shortcut=False)
CHAPTER_WITH, CHAPTER_WITHOUT = site_markdown(chapter=True), site_markdown(shortcut=False, chapter=True)


def assert_the_same(text: str) -> None:
    """``text`` converts the same with and without the shortcut, as minutes and as a report chapter."""
    assert WITH.reset().convert(text) == WITHOUT.reset().convert(text)
    assert CHAPTER_WITH.reset().convert(text) == CHAPTER_WITHOUT.reset().convert(text)
    assert CHAPTER_WITH.toc_tokens == CHAPTER_WITHOUT.toc_tokens


PIECES = st.sampled_from(
    [
        *"*_`\\[]()!<>&;#:|{}^~\"'=@-+.%/\t\x02\x03",
        "\n",
        "\n\n",
        "  \n",
        "    ",
        "- ",
        "1. ",
        "10. marts ",
        "> ",
        "# ",
        "---",
        "\n===\n",
        "```",
        "~~~",
        "[^1]",
        "[^1]: ",
        "*[PA]: Pædagogisk assistent\n",
        "PA ",
        "[tekst](https://eksempel.dk)",
        "[ref]: https://eksempel.dk\n",
        "<https://eksempel.dk>",
        "<a@b.dk>",
        "<b>",
        "</b>",
        "<div>",
        "</div>",
        "&amp;",
        "&#169;",
        "&#65 ",
        "&#x42x",
        "{: #id }",
        "| a | b |\n|---|---|\n",
        "Term\n: Forklaring\n",
        "Beslutning: ",
        "Udvalget godkendte referatet",
        "æøå ÆØÅ",
    ]
)
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=30).map("".join)


@BOUNDED
@given(TEXTS)
def test_any_text_converts_the_same_with_the_shortcut_and_without_it(text):
    assert_the_same(text)


@pytest.mark.parametrize(
    "text",
    [
        "Pris &#65 kr",  # the HTML parser adds the ";"
        "Overskrift\n==========\n\nTekst",
        "Et `kodeord` og \\*stjerne\\*",
        "Linje et  \nlinje to\nlinje tre",
        "<div>\nRå HTML\n</div>\n\nEfter",
        "Se [referatet](https://eksempel.dk) og <https://eksempel.dk>",
        "Tekst[^1]\n\n[^1]: Fodnote",
    ],
)
def test_text_the_shortcut_must_not_skip_converts_the_same(text):
    assert_the_same(text)


@pytest.mark.parametrize("path", sorted((ROOT / "content").rglob("*.md")), ids=lambda path: path.name)
def test_the_sites_own_files_convert_the_same_with_the_shortcut_and_without_it(path):
    assert_the_same(path.read_text(encoding="utf-8"))


def test_the_site_markdown_has_only_patterns_and_preprocessors_the_shortcut_knows():
    # Were a pattern unknown (a new extension, another Python-Markdown), the shortcut would be off.
    needs = needed(WITH)
    assert needs is not None
    assert all(needs.search(character) for character in "`\\[<&*_\n\x02\x03")
    assert not needs.search("Udvalget godkendte referatet, punkt 3 (bilag 2): 82 % - ja! Så {fint}.")
    # and Python-Markdown's raw-HTML preprocessor and inline processor are replaced
    assert type(WITHOUT.preprocessors["html_block"]) in HTML_BLOCKS
    assert type(WITH.preprocessors["html_block"]) not in HTML_BLOCKS
    assert type(WITHOUT.treeprocessors["inline"]) is InlineProcessor
    assert isinstance(WITH.treeprocessors["inline"], InlineProcessor)
    assert type(WITH.treeprocessors["inline"]) is not InlineProcessor


def test_the_block_processors_asked_only_about_some_blocks_keep_their_place():
    with_, without = WITH.parser.blockprocessors, WITHOUT.parser.blockprocessors
    for name, (kind, _, _) in BLOCKS.items():
        assert type(without[name]) is kind
        assert type(with_[name]) is not kind
        assert with_.get_index_for_name(name) == without.get_index_for_name(name), name


def test_plain_text_is_kept_from_the_inline_patterns_and_text_with_markup_is_not(monkeypatch):
    tried = []
    pattern = WITH.inlinePatterns["backtick"]
    compiled = pattern.getCompiledRegExp()
    monkeypatch.setattr(pattern, "getCompiledRegExp", lambda: tried.append(1) or compiled)
    assert WITH.reset().convert("Udvalget godkendte referatet.") == "<p>Udvalget godkendte referatet.</p>"
    assert not tried
    assert WITH.reset().convert("Det **vigtige** punkt.") == "<p>Det <strong>vigtige</strong> punkt.</p>"
    assert tried


def test_an_abbreviation_in_plain_text_is_still_marked():
    # Python-Markdown's abbreviations are found after the inline patterns, in text made plain again.
    html = WITH.reset().convert("*[PA]: Pædagogisk assistent\n\nEn PA i praktik.")
    assert html == '<p>En <abbr title="Pædagogisk assistent">PA</abbr> i praktik.</p>'


def add_luu(markdown: Markdown) -> None:
    """Register an inline pattern that makes "LUU" strong: it matches plain letters."""
    markdown.inlinePatterns.register(SimpleTagInlineProcessor(r"()(LUU)()", "strong"), "luu", 65)


def test_with_an_inline_pattern_it_does_not_know_the_shortcut_marks_nothing():
    markdown = site_markdown()
    add_luu(markdown)  # no character tells where it may match
    assert needed(markdown) is None
    assert markdown.convert("Et møde i LUU.") == "<p>Et møde i <strong>LUU</strong>.</p>"


def test_an_inline_pattern_added_after_a_conversion_is_not_missed():
    markdown = site_markdown()
    assert markdown.convert("Et møde i LUU.") == "<p>Et møde i LUU.</p>"
    add_luu(markdown)
    assert markdown.reset().convert("Et møde i LUU.") == "<p>Et møde i <strong>LUU</strong>.</p>"


def test_a_known_pattern_given_another_expression_turns_the_shortcut_off():
    markdown = site_markdown()
    markdown.inlinePatterns.register(SubstituteTagInlineProcessor(r"LUU", "br"), "linebreak", 100)
    assert needed(markdown) is None
    assert markdown.convert("Et møde i LUU.") == "<p>Et møde i <br>\n.</p>"


def test_a_delimiter_added_to_emphasis_is_among_the_characters_needed():
    markdown = site_markdown()
    markdown.convert("Et ord.")
    markdown.delimiters.add("~", "del")
    assert markdown.reset().convert("Et ~slettet~ ord.") == "<p>Et <del>slettet</del> ord.</p>"


def test_one_extension_object_serves_two_markdowns_apart():
    shared = PlainTextExtension()
    plain = Markdown(extensions=[shared])
    marked = Markdown(extensions=[shared])
    add_luu(marked)
    assert plain.convert("Et møde i LUU.") == "<p>Et møde i LUU.</p>"
    assert marked.convert("Et møde i LUU.") == "<p>Et møde i <strong>LUU</strong>.</p>"
