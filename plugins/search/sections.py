"""A page's text made ready for the search: excerpts from running text, terms in their own section.

Pagefind credits every word to the last heading with an id before it, and offers that heading as
the result's deep link (a sub-result). Terms added at the end of a page would all lead to its last
section; here each section (the text up to the next heading with an id) gets its own terms at its
end. Table bodies (runs of numbers) and the editors' notes on a text ("Redaktionel note: …") are
left out of the index, so that an excerpt shows the text itself; a table's caption and column
headings are still found. Pure functions.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from plugins.kb.outputs.searchterms import search_terms

# A heading Pagefind makes a sub-result of: h1–h6 with an id.
SECTION_HEADING = re.compile(r"<h[1-6]\b[^>]*\sid=[\"'][^\"']+[\"'][^>]*>", re.IGNORECASE)
# What Pagefind leaves out: a table's body, a paragraph that is an editor's note.
LEFT_OUT = (
    (re.compile(r"<tbody(?=[\s>])"), "<tbody data-pagefind-ignore"),
    (re.compile(r"<p(?=>\s*<em>\s*Redaktionel note\b)"), "<p data-pagefind-ignore"),
)


def terms_paragraph(words: list[str]) -> Markup:
    """The hidden, lightly weighted paragraph of ``words``; the brackets keep them out of excerpts.

    The same markup as the ``listed_terms`` macro (theme/templates/partials/search.html), which
    theme/static/js/search.js leaves out of the excerpts it shows.
    """
    if not words:
        return Markup("")
    return Markup('<p hidden data-pagefind-weight="0.5">⟦{}⟧</p>').format(" ".join(words))


def searchable(html: str, title: str = "") -> Markup:
    """``html`` as the search indexes it: tables' bodies and editors' notes left out, terms by section."""
    for pattern, replacement in LEFT_OUT:
        html = pattern.sub(replacement, html)
    return with_section_terms(html, title)


def with_section_terms(html: str, title: str = "") -> Markup:
    """``html`` with each section's terms hidden at its end; ``title`` counts with the first section."""
    cuts = [match.start() for match in SECTION_HEADING.finditer(html)]
    sections = [html[start:end] for start, end in zip([0, *cuts], [*cuts, len(html)], strict=True)]
    pieces = []
    for number, section in enumerate(sections):
        text = f"{escape(title)} {section}" if number == 0 and title else section
        pieces += [section, terms_paragraph(search_terms(text))]
    return Markup("".join(pieces))
