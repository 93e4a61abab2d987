"""The Markdown shortcode that embeds a dataset: a paragraph of its own reading ``[tabel: navn]``."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Collection

from markdown import Extension, Markdown
from markdown.blockprocessors import BlockProcessor

from plugins.kb.problems import Problem
from plugins.kb.values import suggest

SHORTCODE = re.compile(r"^\[tabel:\s*(?P<name>[^\]\s]*)\s*\]$")


def find_table_refs(text: str) -> list[tuple[int, str]]:
    """Return ``(line, name)`` for every shortcode line in a Markdown file (1-based lines)."""
    return [
        (number, match["name"])
        for number, line in enumerate(text.splitlines(), start=1)
        if (match := SHORTCODE.match(line.strip()))
    ]


def check_table_refs(text: str, source: str, known: Collection[str]) -> list[Problem]:
    """Report shortcodes that name no dataset in data/."""
    names = sorted(known)
    return [
        Problem(
            source,
            line,
            f"tabellen '{name}' findes ikke i data/.",
            f"{suggest(name, names)}Skriv '[tabel: navn]', hvor navn er en CSV-fil i data/ uden "
            f"'.csv'; kendte tabeller: {', '.join(names) or 'ingen'}.",
        )
        for line, name in find_table_refs(text)
        if name not in known
    ]


class _TableProcessor(BlockProcessor):
    def __init__(self, parser, render: Callable[[str], str | None]):
        super().__init__(parser)
        self.render = render

    def test(self, parent, block) -> bool:
        return bool(SHORTCODE.match(block.strip()))

    def run(self, parent, blocks) -> None:
        name = SHORTCODE.match(blocks.pop(0).strip())["name"]
        html = self.render(name)
        if html is None:  # unknown name: reported with file and line by check_table_refs
            return
        placeholder = self.parser.md.htmlStash.store(html)
        etree.SubElement(parent, "p").text = placeholder


class TableExtension(Extension):
    """Replace ``[tabel: navn]`` paragraphs with the rendered dataset."""

    def __init__(self, render: Callable[[str], str | None], **kwargs):
        self.render = render
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API name)
        """Register the block processor before paragraphs are formed."""
        md.parser.blockprocessors.register(_TableProcessor(md.parser, self.render), "kb_table", 75)
