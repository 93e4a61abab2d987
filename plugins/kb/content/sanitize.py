"""Sanitise the HTML made from editors' Markdown to a safe allow-list (nh3, the Ammonia sanitiser).

Raw HTML in Markdown passes through Python-Markdown untouched, so every conversion is cleaned: no
script, no event handlers, no ``javascript:`` links, only the elements Markdown itself produces.
HTML the site generates inside a conversion (an embedded data table with its SVG chart) is trusted:
it is set aside with :func:`trust` before cleaning and put back afterwards.

The site never makes a request to another host: the link check (plugins/kb/content/links.py) refuses an
image from another site with the line it is on, and the sanitiser drops any remote address the
browser would fetch at once (``src``, ``srcset``, ``poster``, ``data``) that got past the check.
"""

from __future__ import annotations

import re

import nh3
from markdown import Markdown
from markupsafe import Markup

TAGS: frozenset[str] = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "div", "dl", "dt", "em", "h1", "h2",
        "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "li", "mark", "ol", "p", "pre", "s", "small",
        "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
    }
)  # fmt: skip
ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "ol": {"start"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
}
# A report chapter also keeps the ids of its headings and footnotes (the toc and footnotes extensions
# make them), so that links, the table of contents and search results can point at a section; the
# report check (plugins/kb/content/reports.py) makes sure they are unique. Nowhere else may content set ids.
CHAPTER_ATTRIBUTES: dict[str, set[str]] = {
    **ATTRIBUTES,
    **{tag: {"id"} for tag in ("h2", "h3", "h4", "h5", "h6", "li", "sup")},
}
# The classes Python-Markdown's footnotes extension gives, which the stylesheet uses.
CLASSES: dict[str, set[str]] = {"a": {"footnote-ref", "footnote-backref"}, "div": {"footnote"}}
URL_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto", "tel"})

# The attributes whose address the browser fetches as soon as the page is shown.
RESOURCE_ATTRIBUTES: frozenset[str] = frozenset({"src", "srcset", "poster", "data"})

# Any scheme (https:, ftp: …) or '//': an address on another host. A browser ignores tabs and
# line breaks in an address, strips leading spaces and control characters, and reads a backslash as '/'.
_REMOTE = re.compile(r"^([a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
_IGNORED_IN_URL = re.compile(r"[\t\n\r]")


def is_remote(url: str) -> bool:
    """Whether a browser would fetch ``url`` from another host (or by a scheme of its own)."""
    normal = _IGNORED_IN_URL.sub("", url).lstrip("".join(map(chr, range(33)))).replace("\\", "/")
    return bool(_REMOTE.match(normal))


def addresses(attribute: str, value: str) -> list[str]:
    """The addresses in an attribute's value: one, or each candidate of a ``srcset`` (``a.png 2x, …``)."""
    if attribute != "srcset":
        return [value.strip()]
    return [part.split()[0] for part in value.split(",") if part.strip()]


def _local_resources_only(tag: str, attribute: str, value: str) -> str | None:
    """nh3's attribute filter: drop a remote address the browser would fetch, keep everything else."""
    if attribute in RESOURCE_ATTRIBUTES and any(map(is_remote, addresses(attribute, value))):
        return None
    return value


def _token(index: int) -> str:
    return f"kb-trusted-{index}-kb"


class TrustedHtml:
    """HTML the site made during one conversion (an embedded table), kept out of the sanitiser.

    Owned by the Markdown extension that makes such HTML, which registers itself with Markdown
    (``md.registerExtension``) and empties this on ``md.reset()``; :func:`clean` puts it back.
    """

    def __init__(self) -> None:
        self.pieces: list[str] = []

    def keep(self, html: str) -> str:
        """Keep ``html`` out of the sanitiser; return the text to put in its place."""
        self.pieces.append(html)
        return _token(len(self.pieces) - 1)

    def reset(self) -> None:
        """Forget the previous conversion's HTML."""
        self.pieces = []


def _cleaner(attributes: dict[str, set[str]]) -> nh3.Cleaner:
    """nh3's sanitiser with this allow-list of attributes (made once: making one costs more than a use)."""
    return nh3.Cleaner(
        tags=set(TAGS),
        attributes=attributes,
        allowed_classes=CLASSES,
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        attribute_filter=_local_resources_only,
    )


CLEANER = _cleaner(ATTRIBUTES)
CHAPTER_CLEANER = _cleaner(CHAPTER_ATTRIBUTES)


def clean(md: Markdown, html: str, cleaner: nh3.Cleaner = CLEANER) -> Markup:
    """Sanitise one conversion's output, then put back the HTML that :func:`trust` set aside."""
    safe = cleaner.clean(html)
    safe = _TABLE.sub(_scroll_region, safe)
    for extension in md.registeredExtensions:
        kept = getattr(extension, "trusted", None)
        if isinstance(kept, TrustedHtml):
            for index, trusted in enumerate(kept.pieces):
                safe = safe.replace(f"<p>{_token(index)}</p>", trusted).replace(_token(index), trusted)
            kept.reset()
    return Markup(safe)


_TABLE = re.compile(r"<table>.*?</table>", re.S)
_FIRST_HEADER = re.compile(r"<th[^>]*>(.*?)</th>", re.S)
_HEADER_ROW = re.compile(r"<thead>\s*<tr>(.*?)</tr>\s*</thead>", re.S)
_BODY_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_CELL = re.compile(r"<t[hd][ >]")
CARD_COLUMNS = 3  # a table of this many columns or more is shown as cards on a phone (site.css)


def _scroll_region(match: re.Match) -> str:
    """A Markdown table in a region of its own that scrolls sideways, so the page never does.

    Keyboard users reach it (tabindex), and screen readers name it by its column headings.
    """
    headings = [_text(cell) for cell in _FIRST_HEADER.findall(match[0])]
    name = ", ".join(heading for heading in headings if heading).replace('"', "&quot;")
    label = f"Tabel: {name[:80]}" if name else "Tabel"
    table = _as_cards(match[0])
    return f'<div class="table-scroll" role="region" aria-label="{label}" tabindex="0">{table}</div>'


def _as_cards(table: str) -> str:
    """Name each body cell's column (``data-label``) and mark the table, so a phone shows rows as cards.

    Only a plain table of at least CARD_COLUMNS columns: one header row, as many cells in every row and
    no merged cells. Any other table stays as it is.
    """
    head = _HEADER_ROW.search(table)
    if head is None or "span=" in table:
        return table
    labels = [_text(cell).replace('"', "&quot;") for cell in _FIRST_HEADER.findall(head[1])]
    body = table[head.end() :]
    if len(labels) < CARD_COLUMNS or any(
        "<th" in row or len(_CELL.findall(row)) != len(labels) for row in _BODY_ROW.findall(body)
    ):
        return table

    def labelled(row: re.Match) -> str:
        names = iter(labels)
        return re.sub("<td>", lambda _: f'<td data-label="{next(names)}">', row[0])

    return '<table class="stacked">' + table[len("<table>") : head.end()] + _BODY_ROW.sub(labelled, body)


def _text(html: str) -> str:
    """The text of a piece of HTML, without its tags."""
    return re.sub(r"<[^>]+>", "", html).strip()
