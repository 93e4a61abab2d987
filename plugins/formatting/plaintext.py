"""A Markdown extension that spares plain text the work Python-Markdown does for markup it cannot hold.

Python-Markdown hands every text to an HTML parser to take out raw HTML, and tries each of its
inline patterns (code, links, emphasis, line breaks …) on every piece of text, one pattern after
the other; some of them look at every character. That was about a quarter of the time a meeting
took to parse, and most of a meeting's text holds none of the characters they look for:

- a text without "<" or "&" is not given to the HTML parser, which would hand it back as it is;
- a piece of text that holds none of the characters the inline patterns need is marked as an
  ``AtomicString`` (Python-Markdown's own way of keeping text from the inline patterns) just before
  the inline processor runs, and made plain text again just after it.

The HTML is the same. Registered by module name with the site's Markdown settings (pelicanconf.py
``MARKDOWN``).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown import inlinepatterns as patterns
from markdown.extensions import md_in_html
from markdown.extensions.footnotes import FootnoteInlineProcessor
from markdown.preprocessors import HtmlBlockPreprocessor, Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

# Each inline pattern of the site's Markdown (Python-Markdown's own, its footnotes' and nl2br's), by
# name and class, and the characters of which a piece of text holds at least one wherever it matches.
# The patterns with "[" also need "!" for images: "[" alone is enough to tell.
NEEDS: dict[tuple[str, type], str] = {
    ("backtick", patterns.BacktickInlineProcessor): "`",
    ("escape", patterns.EscapeInlineProcessor): "\\",
    ("footnote", FootnoteInlineProcessor): "[",
    ("reference", patterns.ReferenceInlineProcessor): "[",
    ("link", patterns.LinkInlineProcessor): "[",
    ("image_link", patterns.ImageInlineProcessor): "[",
    ("image_reference", patterns.ImageReferenceInlineProcessor): "[",
    ("short_reference", patterns.ShortReferenceInlineProcessor): "[",
    ("short_image_ref", patterns.ShortImageReferenceInlineProcessor): "[",
    ("autolink", patterns.AutolinkInlineProcessor): "<",
    ("automail", patterns.AutomailInlineProcessor): "<",
    ("linebreak", patterns.SubstituteTagInlineProcessor): "\n",
    ("html", patterns.HtmlInlineProcessor): "<",
    ("entity", patterns.HtmlInlineProcessor): "&",
    ("em_strong", patterns.DelimiterProcessor): "*_",
    ("nl", patterns.SubstituteTagInlineProcessor): "\n",
}
# Python-Markdown's placeholders for stashed HTML and inline nodes start and end with these.
_PLACEHOLDER = "\x02\x03"
# Python-Markdown's preprocessors that take raw HTML out of a text (its own and md_in_html's), and
# their priority; each one's HTML parser hands a text without "<" or "&" back as it is.
HTML_BLOCKS = (HtmlBlockPreprocessor, md_in_html.HtmlBlockPreprocessor)
_HTML_BLOCK_PRIORITY = 20
# Python-Markdown's inline processor runs at 20; the footnotes' processors that change text run
# before it (50), and the next after it at 19.
_BEFORE_INLINE, _AFTER_INLINE = 20.1, 19.9


def needed(md: Markdown) -> re.Pattern | None:
    """What a piece of text must hold for one of ``md``'s inline patterns to match in it.

    None if ``md`` has an inline pattern NEEDS does not know: every piece is then left to them all.
    """
    registry = md.inlinePatterns
    known = [
        found for (name, kind), found in NEEDS.items() if name in registry and type(registry[name]) is kind
    ]
    if len(known) != len(registry):
        return None
    characters = set(_PLACEHOLDER).union(*known)
    return re.compile("[" + re.escape("".join(sorted(characters))) + "]")


class _PlainHtmlBlocks(Preprocessor):
    """The raw-HTML preprocessor, for a text that has "<" or "&"."""

    def __init__(self, md: Markdown, wrapped: Preprocessor):
        super().__init__(md)
        self.wrapped = wrapped

    def run(self, lines: list[str]) -> list[str]:
        source = "\n".join(lines)
        if "<" in source or "&" in source:
            return self.wrapped.run(lines)
        return source.split("\n")  # as the wrapped one gives it back


class _Marker(Treeprocessor):
    """Mark each piece of text no inline pattern can match as atomic; remember which."""

    def __init__(self, md: Markdown, extension: PlainTextExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        if self.extension.needs is False:
            self.extension.needs = needed(self.md)  # once: every extension has registered by now
        needs = self.extension.needs
        marked = self.extension.marked = []
        if needs is None:
            return
        for element in root.iter():
            # Only plain text: an AtomicString already there is someone else's.
            if type(element.text) is str and not needs.search(element.text):
                element.text = AtomicString(element.text)
                marked.append((element, True))
            if type(element.tail) is str and not needs.search(element.tail):
                element.tail = AtomicString(element.tail)
                marked.append((element, False))


class _Unmarker(Treeprocessor):
    """Make the pieces the marker marked plain text again, for the processors after the inline one."""

    def __init__(self, md: Markdown, extension: PlainTextExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        for element, is_text in self.extension.marked:
            if is_text and isinstance(element.text, AtomicString):
                element.text = str(element.text)
            elif not is_text and isinstance(element.tail, AtomicString):
                element.tail = str(element.tail)
        self.extension.marked = []


class PlainTextExtension(Extension):
    """Spare the inline patterns the text that holds nothing they could match."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.needs: re.Pattern | None | bool = False  # False: not yet worked out
        self.marked: list[tuple[etree.Element, bool]] = []

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API name)
        """Wrap the raw-HTML preprocessor; the marker just before the inline processor, the unmarker after."""
        md.registerExtension(self)
        found = md.preprocessors["html_block"] if "html_block" in md.preprocessors else None  # noqa: SIM401 (a Registry has no get)
        # Only Python-Markdown's own: another one may take out more than HTML. One loaded after this
        # extension replaces the wrapper, and every text is then given to it.
        if type(found) in HTML_BLOCKS:
            md.preprocessors.register(_PlainHtmlBlocks(md, found), "html_block", _HTML_BLOCK_PRIORITY)
        md.treeprocessors.register(_Marker(md, self), "kb_plain_text", _BEFORE_INLINE)
        md.treeprocessors.register(_Unmarker(md, self), "kb_plain_text_after", _AFTER_INLINE)

    def reset(self) -> None:
        """Forget the pieces marked in the last document (Markdown.reset)."""
        self.marked = []


def makeExtension(**kwargs) -> PlainTextExtension:  # noqa: N802 (the name Python-Markdown looks up)
    """Return the extension, for loading by module name ("plugins.formatting.plaintext")."""
    return PlainTextExtension(**kwargs)
