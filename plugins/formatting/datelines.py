"""A Markdown extension that keeps a line starting with a date ("10. marts kl. 9-12") as text.

Python-Markdown reads "10. marts" at the start of a block as the first item of a list numbered from
10, and the date is gone from the text. Registered once with the site's Markdown settings
(pelicanconf.py ``MARKDOWN``), by module name: Python-Markdown calls :func:`makeExtension`.
"""

from __future__ import annotations

from markdown import Extension, Markdown
from markdown.blockprocessors import BlockProcessor

from plugins.kb.content.listnumbers import starts_with_date

# Python-Markdown's name for the processor of ordered lists (sane_lists registers its own under it).
ORDERED_LIST = "olist"
# Between the horizontal rule's processor (50) and the ordered list's (40).
_PRIORITY = 45


class _DateLineProcessor(BlockProcessor):
    """Give a block that starts with a date to the processors after the ordered list's."""

    def test(self, parent, block: str) -> bool:
        return ORDERED_LIST in self.parser.blockprocessors and starts_with_date(block)

    def run(self, parent, blocks: list[str]) -> bool | None:
        processors = self.parser.blockprocessors
        # Looked up on every block: an extension loaded after this one may replace the list's processor.
        for processor in list(processors)[processors.get_index_for_name(ORDERED_LIST) + 1 :]:
            if processor.test(parent, blocks[0]) and processor.run(parent, blocks) is not False:
                return None
        return False  # no processor took it (the paragraph's always does): let the parser go on


class DateLineExtension(Extension):
    """Keep "10. marts", "8. dec." and other lines that start with a day and a month as text."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API name)
        """Register the block processor just before the ordered list's."""
        md.parser.blockprocessors.register(_DateLineProcessor(md.parser), "kb_date_line", _PRIORITY)


def makeExtension(**kwargs) -> DateLineExtension:  # noqa: N802 (the name Python-Markdown looks up)
    """Return the extension, for loading by module name ("plugins.formatting.datelines")."""
    return DateLineExtension(**kwargs)
