"""Markdown to sanitised HTML with the site's settings, remembered in the build's content cache."""

from __future__ import annotations

from markdown import Markdown
from markupsafe import Markup

from plugins.kb.build import setting
from plugins.kb.content.sanitize import CHAPTER_CLEANER, clean
from plugins.kb.metadata.values import heading_id
from plugins.kb.storage.cache import digest
from plugins.kb.storage.fingerprint import content_fingerprint

# Report chapters get heading ids (for the table of contents, links and search sub-results).
_HEADING_IDS = {"markdown.extensions.toc": {"slugify": heading_id, "toc_depth": "2-4"}}


class Renderer:
    """The reader's Markdown, one instance of each kind for every file, and the build's cache.

    Building a Markdown instance with its extensions costs more than converting a block, so each is
    made once and reset between conversions.
    """

    def __init__(self, settings: dict):
        self.settings = settings
        self._markdown: Markdown | None = None
        self._chapter_markdown: Markdown | None = None
        self._fingerprint: str | None = None

    def body(self, markdown_text: str) -> Markup:
        """Markdown to HTML, sanitised (raw HTML can never inject script) and marked safe for templates."""
        if self._markdown is None:
            self._markdown = Markdown(**self.settings["MARKDOWN"])
        return clean(self._markdown, self._markdown.reset().convert(markdown_text))

    def chapter(self, markdown_text: str) -> tuple[Markup, tuple]:
        """A report chapter's HTML with heading ids, and its headings as (level, id, title)."""
        if self._chapter_markdown is None:
            settings = dict(self.settings["MARKDOWN"])
            settings["extension_configs"] = {**settings["extension_configs"], **_HEADING_IDS}
            settings["extensions"] = [*settings.get("extensions", []), *_HEADING_IDS]
            self._chapter_markdown = Markdown(**settings)
        md = self._chapter_markdown
        html = clean(md, md.reset().convert(markdown_text), CHAPTER_CLEANER)
        return html, tuple(_flatten(md.toc_tokens))

    def cached(self, kind: str, *parts: str) -> bool:
        """Whether the cache has an entry for this kind of content made from ``parts`` (unread)."""
        cache = setting(self.settings, "KB_BUILD").cache
        return cache is not None and cache.holds(self.key(kind, *parts))

    def remembered(self, kind: str, parts: tuple[str, ...], make):
        """``make()``, or what it made for the same ``parts`` before (the build's cache)."""
        cache = setting(self.settings, "KB_BUILD").cache
        if cache is None:
            return make()
        return cache.remembered(self.key(kind, *parts), make)

    def key(self, kind: str, *parts: str) -> str:
        """The cache's key for this kind of content made from ``parts`` in this build."""
        if self._fingerprint is None:
            self._fingerprint = content_fingerprint(self.settings)
        return digest(kind, self._fingerprint, *parts)


def _flatten(tokens: list) -> list[tuple[int, str, str]]:
    """The toc extension's nested headings as a flat list of (level, id, title)."""
    found = []
    for token in tokens:
        # The extension gives the heading's text already escaped.
        found.append((token["level"], token["id"], Markup(token["name"])))
        found += _flatten(token["children"])
    return found
