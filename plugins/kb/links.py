"""Links and images in editors' Markdown: find them with their line, and say which are broken.

Pure functions: the caller knows which content files exist and which anchors each one has.
Editors link to other content with Pelican's ``{filename}`` and to images and attachments with
``{static}`` (see docs/referater.md); both are resolved relative to the file that links, or to
``content/`` when they start with ``/``.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote

from .attachments import ATTACHMENTS_DIR
from .problems import Problem
from .values import suggest

# [text](target "title"), ![alt](target) and raw HTML href="…" / src="…".
_MARKDOWN_LINK = re.compile(r"(!?)\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_HTML_LINK = re.compile(r"\b(href|src)\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)
_EXTERNAL = re.compile(r"^([a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
_PELICAN = re.compile(r"^\{(filename|static|attach)\}(.*)$")


@dataclass(frozen=True, slots=True)
class Link:
    """One link or image target as the editor wrote it."""

    line: int
    target: str
    image: bool


def find_links(text: str) -> list[Link]:
    """Return every Markdown or HTML link and image in ``text`` with its 1-based line number.

    Fenced code (```) is skipped: a link shown as an example is not a link.
    """
    links: list[Link] = []
    fenced = False
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith("```"):
            fenced = not fenced
            continue
        if fenced:
            continue
        links += [Link(number, m[2], m[1] == "!") for m in _MARKDOWN_LINK.finditer(line)]
        links += [Link(number, m[2], m[1].lower() == "src") for m in _HTML_LINK.finditer(line)]
    return links


def resolve(source_dir: str, path: str) -> str:
    """Return the content-relative path ``path`` names, seen from a file in ``source_dir``."""
    if path.startswith("/"):
        return posixpath.normpath(path[1:])
    return posixpath.normpath(posixpath.join(source_dir, unquote(path)))


def static_targets(links: list[Link], source_dir: str) -> set[str]:
    """Return the content-relative paths of the files ``links`` name with ``{static}``/``{attach}``."""
    targets = set()
    for link in links:
        match = _PELICAN.match(link.target)
        if match and match[1] != "filename":
            targets.add(resolve(source_dir, match[2].partition("#")[0].partition("?")[0]))
    return targets


def link_problems(
    links: list[Link],
    source: str,
    source_dir: str,
    content_files: set[str],
    anchors: Callable[[str], set[str] | None],
) -> list[Problem]:
    """Return a problem for every link in ``links`` that does not resolve.

    Args:
        links: the file's links (:func:`find_links`).
        source: the file's path for messages (e.g. ``content/sider/om.md``).
        source_dir: the file's folder relative to ``content/`` (e.g. ``sider``).
        content_files: every file under ``content/``, relative to it.
        anchors: for a content-relative path, the anchors its page has (``punkt-3`` …), or None
            when the page's anchors are not known (any ``#…`` is then accepted).

    """
    problems = []
    own_path = posixpath.join(source_dir, posixpath.basename(source))
    for link in links:
        target = link.target
        if _EXTERNAL.match(target):
            continue
        match = _PELICAN.match(target)
        if match is None:
            if target.startswith("#"):
                problems += _anchor_problem(link, source, own_path, target[1:], anchors)
            elif not target.startswith("/"):
                problems.append(_relative_problem(link, source))
            continue
        kind, rest = match[1], match[2]
        path, _, fragment = rest.partition("#")
        path = path.partition("?")[0]  # a query string is kept in the link, as Pelican keeps it
        resolved = resolve(source_dir, path)
        if resolved not in content_files:
            problems.append(_missing_problem(link, source, kind, path, resolved, content_files))
        elif fragment:
            problems += _anchor_problem(link, source, resolved, fragment, anchors)
    return problems


def _anchor_problem(link, source, path, fragment, anchors) -> list[Problem]:
    known = anchors(path)
    if known is None or fragment in known:
        return []
    numbers = sorted(int(a[6:]) for a in known if re.fullmatch(r"punkt-\d+", a))
    where = f"punkterne 1–{numbers[-1]}" if numbers else "ingen nummererede punkter"
    return [
        Problem(
            source,
            link.line,
            f"linket '{link.target}' peger på '#{fragment}', som ikke findes på siden.",
            f"{suggest(fragment, sorted(known))}referatet har {where}; skriv fx '#punkt-1'.",
        )
    ]


def _missing_problem(link, source, kind, path, resolved, content_files) -> Problem:
    what = "billedet" if link.image else ("filen" if kind != "filename" else "siden")
    names = sorted(content_files)
    folder = posixpath.dirname(resolved)
    nearby = [name for name in names if posixpath.dirname(name) == folder] or names
    close = suggest(posixpath.basename(resolved), [posixpath.basename(n) for n in nearby])
    fix = "læg filen i content/ eller ret stien; den regnes fra mappen, filen ligger i."
    if resolved.startswith(f"{ATTACHMENTS_DIR}/"):
        name = posixpath.basename(source)
        own = f"content/{ATTACHMENTS_DIR}/{posixpath.splitext(name)[0]}/"
        fix = f"bilagene til {name} ligger i {own}; læg filen der, eller ret stien."
    return Problem(
        source,
        link.line,
        f"{what} '{path}' i linket '{link.target}' findes ikke (content/{resolved}).",
        close + fix,
    )


def _relative_problem(link, source) -> Problem:
    kind = "{static}" if link.image or not link.target.split("#")[0].endswith(".md") else "{filename}"
    return Problem(
        source,
        link.line,
        f"linket '{link.target}' kan ikke følges, når siden er bygget.",
        f"skriv '{kind}{link.target}': "
        "{filename} foran en side eller et referat, {static} foran et billede eller en fil.",
    )
