"""A Markdown extension that spares plain text the work Python-Markdown does for markup it cannot hold.

Python-Markdown hands every text to an HTML parser to take out raw HTML, and tries each of its
inline patterns (code, links, emphasis, line breaks …) on every piece of text, one pattern after
the other; some of them look at every character. That was about a quarter of the time a meeting
took to parse, and most of a meeting's text holds none of the characters they look for:

- a text without "<" or "&" is not given to the HTML parser, which would hand it back as it is;
- a block processor that looks for a character a plain paragraph seldom has ("#" for a heading,
  ">" for a quote, "[" for a link reference …) is not asked about a block without it;
- while the inline processor runs, a piece of text that holds none of the characters the inline
  patterns need is marked as an ``AtomicString`` (Python-Markdown's own way of keeping text from the
  inline patterns), and made plain text again when it is done.

The HTML is the same. Only Python-Markdown's own processors are replaced (the inline patterns' only
while every one is one this module knows, with its own regular expression); anything else gets
Python-Markdown's processing as it is. Registered by module name with the site's Markdown settings
(pelicanconf.py ``MARKDOWN``).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from functools import lru_cache

from markdown import Extension, Markdown, blockprocessors
from markdown import inlinepatterns as patterns
from markdown.extensions import abbr, def_list, footnotes, md_in_html, nl2br
from markdown.preprocessors import HtmlBlockPreprocessor, Preprocessor
from markdown.treeprocessors import InlineProcessor
from markdown.util import AtomicString

# Each inline pattern of the site's Markdown (Python-Markdown's own, its footnotes' and nl2br's) by
# name: its class, its regular expression, and the characters of which a piece of text holds at
# least one wherever it matches (read from the expressions of Python-Markdown 3.11). The patterns
# with "[" also need "!" for images: "[" alone is enough to tell. Emphasis: EMPHASIS.
KNOWN: dict[str, tuple[type, str, str]] = {
    "backtick": (patterns.BacktickInlineProcessor, patterns.BACKTICK_RE, "`"),
    "escape": (patterns.EscapeInlineProcessor, patterns.ESCAPE_RE, "\\"),
    "footnote": (footnotes.FootnoteInlineProcessor, r"\[\^([^\]]*)\]", "["),
    "reference": (patterns.ReferenceInlineProcessor, patterns.REFERENCE_RE, "["),
    "link": (patterns.LinkInlineProcessor, patterns.LINK_RE, "["),
    "image_link": (patterns.ImageInlineProcessor, patterns.IMAGE_LINK_RE, "["),
    "image_reference": (patterns.ImageReferenceInlineProcessor, patterns.IMAGE_REFERENCE_RE, "["),
    "short_reference": (patterns.ShortReferenceInlineProcessor, patterns.REFERENCE_RE, "["),
    "short_image_ref": (patterns.ShortImageReferenceInlineProcessor, patterns.IMAGE_REFERENCE_RE, "["),
    "autolink": (patterns.AutolinkInlineProcessor, patterns.AUTOLINK_RE, "<"),
    "automail": (patterns.AutomailInlineProcessor, patterns.AUTOMAIL_RE, "<"),
    "linebreak": (patterns.SubstituteTagInlineProcessor, patterns.LINE_BREAK_RE, "\n"),
    "html": (patterns.HtmlInlineProcessor, patterns.HTML_RE, "<"),
    "entity": (patterns.HtmlInlineProcessor, patterns.ENTITY_RE, "&"),
    "nl": (patterns.SubstituteTagInlineProcessor, nl2br.BR_RE, "\n"),
}
# Emphasis and strong: its delimiters ("*", "_") are what it needs, and more can be added to it.
EMPHASIS = ("em_strong", patterns.DelimiterProcessor)
# Block processors that look for a character a plain paragraph seldom has, by name: their class,
# their priority and the characters of which a block holds at least one wherever they take it (read
# from Python-Markdown 3.11). The last three are asked about every block and look in their run.
BLOCKS: dict[str, tuple[type, int, str]] = {
    "hashheader": (blockprocessors.HashHeaderProcessor, 70, "#"),
    "setextheader": (blockprocessors.SetextHeaderProcessor, 60, "=-"),
    "hr": (blockprocessors.HRProcessor, 50, "-_*"),
    "deflist": (def_list.DefListProcessor, 25, ":"),
    "quote": (blockprocessors.BlockQuoteProcessor, 20, ">"),
    "footnote": (footnotes.FootnoteBlockProcessor, 17, "["),
    "abbr": (abbr.AbbrBlockprocessor, 16, "["),
    "reference": (blockprocessors.ReferenceProcessor, 15, "["),
}
# Python-Markdown's placeholders for stashed HTML and inline nodes start and end with these.
_PLACEHOLDER = "\x02\x03"
# Python-Markdown's preprocessors that take raw HTML out of a text (its own and md_in_html's), and
# their priority; each one's HTML parser hands a text without "<" or "&" back as it is.
HTML_BLOCKS = (HtmlBlockPreprocessor, md_in_html.HtmlBlockPreprocessor)
_HTML_BLOCK_PRIORITY = 20
# Python-Markdown's inline processor's priority.
_INLINE_PRIORITY = 20


def needed(md: Markdown) -> re.Pattern | None:
    """What a piece of text must hold for one of ``md``'s inline patterns to match in it.

    None if ``md`` has an inline pattern this module does not know, or one of a known name with
    another class or expression: every piece is then left to them all.
    """
    registry = md.inlinePatterns
    characters = _PLACEHOLDER
    known = 0
    for name, (kind, expression, needs) in KNOWN.items():
        if name in registry:
            pattern = registry[name]
            if type(pattern) is not kind or pattern.pattern != expression:
                return None
            characters += needs
            known += 1
    name, kind = EMPHASIS
    if name in registry:
        pattern = registry[name]
        if type(pattern) is not kind:
            return None
        characters += "".join(pattern.tokens)
        known += 1
    return _any_of("".join(sorted(set(characters)))) if known == len(registry) else None


@lru_cache(maxsize=16)
def _any_of(characters: str) -> re.Pattern:
    return re.compile("[" + re.escape(characters) + "]")


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


class _Prefiltered(blockprocessors.BlockProcessor):
    """A block processor asked only about the blocks that hold one of the characters it needs."""

    def __init__(self, wrapped: blockprocessors.BlockProcessor, characters: str):
        super().__init__(wrapped.parser)
        self.wrapped = wrapped
        self.needs = _any_of(characters)

    def test(self, parent: etree.Element, block: str) -> bool:
        return self.needs.search(block) is not None and self.wrapped.test(parent, block)

    def run(self, parent: etree.Element, blocks: list[str]) -> bool | None:
        return self.wrapped.run(parent, blocks)


class _PlainTextInline(InlineProcessor):
    """Python-Markdown's inline processor, with the text no inline pattern can match kept from them."""

    def __init__(self, md: Markdown):
        super().__init__(md)
        self._patterns: tuple | None = None  # the inline patterns ``_needs`` was worked out for
        self._needs: re.Pattern | None = None

    def run(self, tree: etree.Element, ancestors: list[str] | None = None) -> etree.Element:
        needs = self._needed()
        if needs is None:
            return super().run(tree, ancestors)
        marked = []
        for element in tree.iter():
            for part in ("text", "tail"):
                value = getattr(element, part)
                # Only plain text: an AtomicString already there is someone else's.
                if type(value) is str and not needs.search(value):
                    setattr(element, part, AtomicString(value))
                    marked.append((element, part))
        try:
            return super().run(tree, ancestors)
        finally:
            # Plain text again for the processors after this one (abbreviations look only there).
            for element, part in marked:
                value = getattr(element, part)
                if isinstance(value, AtomicString):
                    setattr(element, part, str(value))

    def _needed(self) -> re.Pattern | None:
        """needed(), worked out again when a pattern is added, taken away or replaced.

        Or when emphasis is given another delimiter: each document's patterns are looked at.
        """
        registry = self.md.inlinePatterns
        name = EMPHASIS[0]
        patterns_now = (*registry, *(registry[name].tokens if name in registry else ()))
        if patterns_now != self._patterns:
            self._patterns, self._needs = patterns_now, needed(self.md)
        return self._needs


class PlainTextExtension(Extension):
    """Spare plain text Python-Markdown's raw-HTML parser, most block processors and its inline patterns."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API name)
        """Put these in place of Python-Markdown's own processors, where those are registered.

        An extension loaded after this one that registers its own processor under the same name
        replaces the one put here, and its own runs on every text.
        """
        found = md.preprocessors["html_block"] if "html_block" in md.preprocessors else None  # noqa: SIM401 (a Registry has no get)
        if type(found) in HTML_BLOCKS:
            md.preprocessors.register(_PlainHtmlBlocks(md, found), "html_block", _HTML_BLOCK_PRIORITY)
        processors = md.parser.blockprocessors
        for name, (kind, priority, characters) in BLOCKS.items():
            if name in processors and type(processors[name]) is kind:
                processors.register(_Prefiltered(processors[name], characters), name, priority)
        if "inline" in md.treeprocessors and type(md.treeprocessors["inline"]) is InlineProcessor:
            # An InlineProcessor still: the html pattern reads md.treeprocessors["inline"].stashed_nodes.
            md.treeprocessors.register(_PlainTextInline(md), "inline", _INLINE_PRIORITY)


def makeExtension(**kwargs) -> PlainTextExtension:  # noqa: N802 (the name Python-Markdown looks up)
    """Return the extension, for loading by module name ("plugins.formatting.plaintext")."""
    return PlainTextExtension(**kwargs)
