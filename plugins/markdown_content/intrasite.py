"""The ``intrasite`` filter: links in HTML that templates print, resolved for the page being written."""

from __future__ import annotations

import functools
import os
import posixpath
import re
from html import unescape
from urllib.parse import unquote, urljoin, urlparse, urlunparse

from jinja2 import pass_context
from markupsafe import Markup

from plugins.kb.content.links import ROOT_MARKER


@pass_context
def intrasite(context, html: str, content) -> Markup:
    """Resolve the links in ``content``'s HTML for the page being written.

    ``{filename}``, ``{static}`` and ``{attach}`` as Pelican resolves them, and the site root of
    embedded tables (plugins/datatable, ROOT_MARKER).

    A meeting's blocks and a page's body are printed by templates, often on other pages than their own
    (registers, themes, print versions), so links are resolved here, at render time, from the page
    the writer is writing (``localsiteurl``) and Pelican's public context: the content and static
    files by source path. Pelican's own replacement is applied to a page's body already.
    """
    text = str(html)
    root = context.get("localsiteurl", "")
    if ROOT_MARKER in text:
        text = text.replace(ROOT_MARKER + "/", f"{root}/" if root else "./")
    if "{" in text or "|" in text:
        settings = content.settings
        regex = _intrasite_regex(settings["INTRASITE_LINK_REGEX"])
        text = regex.sub(lambda m: _replace(m, content, context, root, settings["RELATIVE_URLS"]), text)
    return Markup(text)


@functools.cache
def _intrasite_regex(link_regex: str) -> re.Pattern:
    """Pelican's pattern of an attribute holding an intrasite link (contents.py), for ``link_regex``."""
    return re.compile(
        rf"""(?P<markup><[^\>]+(?:href|src|poster|data|cite|formaction|action|content)\s*=\s*)
        (?P<quote>["\'])(?P<path>{link_regex}(?P<value>.*?))(?P=quote)""",
        re.X,
    )


def _replace(match: re.Match, content, context, root: str, relative: bool) -> str:
    """One link as Pelican writes it; left as written if it names nothing (the validator reports that)."""
    what = match.group("what")
    if what not in ("filename", "static", "attach"):
        return match.group(0)
    value = urlparse(match.group("value"))
    found = _target(context, what, content, value)
    if found is None:
        return match.group(0)
    if what == "attach":
        found.attach_to(content)
    origin = (
        os.path.join(root, found.url)
        if relative
        else urljoin(root if root.endswith("/") else f"{root}/", found.url)
    )
    parts = list(value)
    parts[2] = origin.replace("\\", "/")
    return "".join((match.group("markup"), match.group("quote"), urlunparse(parts), match.group("quote")))


def link_targets(context, content) -> list[tuple[str, str, str | None]]:
    """Each intrasite link of ``content`` (its ``kb_links``): its kind, target and resolved address.

    ``{filename}``, ``{static}`` and ``{attach}``, as a page that shows the content resolves them,
    the address None for a link that names nothing: ``("static", "{static}bilag/a.pdf", "bilag/a.pdf")``.
    """
    pattern = re.compile(context["INTRASITE_LINK_REGEX"])
    found = []
    for link in getattr(content, "kb_links", ()):
        match = pattern.match(link.target)
        if match is None or match.group("what") not in ("filename", "static", "attach"):
            continue
        what = match.group("what")
        target = _target(context, what, content, urlparse(link.target[match.end() :]))
        found.append((what, link.target, target.url if target is not None else None))
    return found


def _target(context, what: str, content, value):
    """The content or static file a ``{what}`` link names, or None."""
    found = _linked(context, "generated_content" if what == "filename" else "static_content", content, value)
    if found is None and what == "filename":
        found = _linked(context, "static_content", content, value)
    return found


def _linked(context, key: str, content, value):
    """The content or static file a link names, found as Pelican does: as written, unquoted, unescaped."""
    for path in (value.path, unquote(value.path), urlparse(unescape(value.geturl())).path):
        path = (
            path[1:]
            if path.startswith("/")
            else posixpath.normpath(posixpath.join(content.relative_dir, path))
        )
        found = context[key].get(path)
        if found is not None:
            return found
    return None
