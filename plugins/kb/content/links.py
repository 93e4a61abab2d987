"""Links and images in editors' Markdown: find them with their line, and say which are broken.

Pure functions: the caller knows which content files exist and which anchors each one has.
Editors link to other content with Pelican's ``{filename}`` and to images and attachments with
``{static}`` (see docs/referater.md); both are resolved relative to the file that links, or to
``content/`` when they start with ``/``. The site never makes a request to another host, so an
image from another site is refused, and so is a path on the editor's own computer.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html import unescape
from urllib.parse import unquote, urlsplit

from plugins.kb.content.attachments import ATTACHMENTS_DIR
from plugins.kb.content.sanitize import ATTRIBUTES, RESOURCE_ATTRIBUTES, TAGS, addresses, is_remote
from plugins.kb.metadata.values import suggest
from plugins.kb.problems import Problem
from plugins.kb.records import quick_pickle
from plugins.kb.storage.paths import nfc

# [text](target "title") and ![alt](target); the text may hold one level of brackets
# (a linked image: [![alt](logo.png)](side.md)). The target is everything up to the closing parenthesis.
_TEXT = r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]"
_TARGET = r"\(((?:[^()\n]|\([^()\n]*\))*)\)"
_LINK = re.compile(rf"(?<!!){_TEXT}{_TARGET}")
_IMAGE = re.compile(rf"!{_TEXT}{_TARGET}")
_TITLE = re.compile(r"""\s+(["'])[^\n]*\1\s*$""")
# ![alt][label], ![alt][] and ![alt]: an image whose target is a reference definition.
_IMAGE_REFERENCE = re.compile(r"!\[([^\[\]]*)\](?:\[([^\[\]]*)\])?(?!\()")
# A reference definition, `[label]: target "title"`, exactly as Python-Markdown reads it
# (markdown.blockprocessors.ReferenceProcessor); `[^label]:` is a footnote.
_DEFINITION = re.compile(
    r"""^[ ]{0,3}\[([^\[\]]*)\]:[ ]*(?:\n[ ]*)?([^\s]+)[ ]*(?:\n[ ]*)?((["'])(.*)\4[ ]*|\((.*)\)[ ]*)?$""",
    re.MULTILINE,
)
_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)(\s[^<>]*)?>")
_ATTRIBUTE = re.compile(r"""([^\s"'<>/=]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
# HTML attributes that hold an address.
_URL_ATTRIBUTES = frozenset({"href", *RESOURCE_ATTRIBUTES})

_EXTERNAL = re.compile(r"^([a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
_PELICAN = re.compile(r"^\{(filename|static|attach)\}(.*)$")
# A path on the editor's own computer: a file: address, a Windows drive or a network share.
_LOCAL_FILE = re.compile(r"^(file:|[a-z]:[\\/]|\\\\)", re.IGNORECASE)
# The top folders of Linux and macOS file systems. None of them is a section of this site, so a link
# beginning '/etc/' or '/Users/' is a file on someone's computer, never an address on the site.
_SYSTEM_FOLDERS = frozenset(
    {"Applications", "Library", "System", "Users", "Volumes", "bin", "dev", "etc", "home", "media",
     "mnt", "opt", "private", "proc", "root", "srv", "sys", "tmp", "usr", "var"}
)  # fmt: skip


@quick_pickle
@dataclass(frozen=True, slots=True)
class Link:
    """One link or image target as the editor wrote it.

    ``image`` is true for what the page fetches as it is shown (an image's source), false for a
    link the reader follows.
    """

    line: int
    target: str
    image: bool


# Embedded tables are rendered while Markdown is converted, before the page's address is known; their
# links start with this marker, which the ``intrasite`` filter replaces
# (plugins/markdown_content/intrasite.py).
ROOT_MARKER = "kb-site-root:"


def find_links(text: str) -> list[Link]:
    """Return every Markdown or HTML link and image in ``text`` with its 1-based line number.

    Inline links and images, the targets of reference definitions (``[1]: {filename}om.md``, with
    the definition's line; an image if an image uses the label), and the addresses in the HTML
    elements and attributes the sanitiser keeps (plugins/kb/content/sanitize.py). Code (fenced and in
    backticks) is skipped: a link shown as an example is not a link.
    """
    text = _without_code(text)
    # A Markdown link or image needs a '[', an HTML element a '<': many minutes have neither.
    found = [*_inline(text), *_definitions(text)] if "[" in text else []
    found += _html(text) if "<" in text else []
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    return [
        Link(_line(starts, offset), target, image)
        for offset, target, image in sorted(found, key=lambda item: item[0])
        if target
    ]


def _line(starts: list[int], offset: int) -> int:
    low, high = 0, len(starts)
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (middle, high) if starts[middle] <= offset else (low, middle)
    return low + 1


def _without_code(text: str) -> str:
    """``text`` with fenced code and code spans blanked out; lines and offsets stay where they were."""
    if "`" not in text and "~~~" not in text:
        return text  # neither a fence nor a code span: most minutes
    lines, fence = [], None
    for line in text.split("\n"):
        match = _FENCE.match(line)
        if fence is None and match:
            fence = match[1]
        elif fence is not None and match and match[1][0] == fence[0] and len(match[1]) >= len(fence):
            fence = None
        elif fence is None:
            lines.append(line)
            continue
        lines.append(" " * len(line))
    return _CODE_SPAN.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), "\n".join(lines))


def _inline(text: str) -> Iterator[tuple[int, str, bool]]:
    # Two passes, so that an image inside a link's text is found as well as the link.
    for pattern, image in ((_LINK, False), (_IMAGE, True)):
        for match in pattern.finditer(text):
            yield match.start(), _inline_target(match[2]), image


def _inline_target(inside: str) -> str:
    """The target in ``(target "title")`` as Python-Markdown reads it: in <…>, or without the title."""
    inside = inside.strip()
    if inside.startswith("<") and ">" in inside:
        return inside[1 : inside.index(">")]
    return _TITLE.sub("", inside).strip()


def _label(label: str) -> str:
    return " ".join(label.split()).lower()


def _definitions(text: str) -> Iterator[tuple[int, str, bool]]:
    images = {_label(m[2] or m[1]) for m in _IMAGE_REFERENCE.finditer(text)}
    for match in _DEFINITION.finditer(text):
        if not match[1].startswith("^"):
            target = match[2].removeprefix("<").removesuffix(">")
            yield match.start(), target, _label(match[1]) in images


def _html(text: str) -> Iterator[tuple[int, str, bool]]:
    for tag in _TAG.finditer(text):
        name = tag[1].lower()
        if name not in TAGS:
            continue  # the sanitiser removes the element, and its address with it
        for attribute in _ATTRIBUTE.finditer(tag[2] or ""):
            key = attribute[1].lower()
            if key not in _URL_ATTRIBUTES or key not in ATTRIBUTES.get(name, ()):
                continue
            value = unescape(next(v for v in attribute.groups()[1:] if v is not None))
            for target in addresses(key, value):
                yield tag.start(), target, key in RESOURCE_ATTRIBUTES


def resolve(source_dir: str, path: str) -> str:
    """Return the content-relative path ``path`` names, seen from a file in ``source_dir``, in NFC.

    Names are compared composed (NFC): an "å" typed in a link is the "å" macOS saved decomposed.
    """
    path = nfc(unquote(path))
    if path.startswith("/"):
        return posixpath.normpath(path[1:])
    return posixpath.normpath(posixpath.join(nfc(source_dir), path))


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
    """Return a problem for every link in ``links`` that does not resolve or leaves the site.

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
        match = _PELICAN.match(target)
        if _LOCAL_FILE.match(target):
            problems.append(_local_file_problem(link, source, source_dir))
        elif link.image and is_remote(target):
            problems.append(_remote_problem(link, source, source_dir))
        elif _EXTERNAL.match(target):
            continue  # a link to another site: no request until the reader follows it
        elif target.startswith("#"):
            problems += _anchor_problem(link, source, own_path, target[1:], anchors)
        elif target.startswith("/") and match is None:
            problems += _root_problem(link, source, source_dir, content_files)
        elif match is None:
            problems.append(_relative_problem(link, source))
        else:
            kind, rest = match[1], match[2]
            path, _, fragment = rest.partition("#")
            path = path.partition("?")[0]  # a query string is kept in the link, as Pelican keeps it
            resolved = resolve(source_dir, path)
            if resolved not in content_files:
                problems.append(_missing_problem(link, source, kind, path, resolved, content_files))
            elif kind == "filename" and not resolved.endswith(".md"):
                problems.append(_file_as_page_problem(link, source, rest))
            elif fragment:
                problems += _anchor_problem(link, source, resolved, fragment, anchors)
    return problems


def _root_problem(link, source, source_dir, content_files) -> list[Problem]:
    """A link from the site's root (``/soeg/``) is an address on the site, unless it cannot be one.

    It cannot be when it names a content file (``/sider/om.md``: the page is published elsewhere,
    under its own address; write ``{filename}``) or a folder of a computer's file system (``/etc/``).
    """
    path = urlsplit(link.target).path
    if resolve("", path) in content_files:
        return [_relative_problem(link, source)]
    if path.strip("/").split("/")[0] in _SYSTEM_FOLDERS:
        return [_local_file_problem(link, source, source_dir)]
    return []


def _example(link, source, source_dir, named: bool = True) -> tuple[str, str]:
    """Where the editor puts the file ``link`` names, and the ``{static}`` link to it there.

    The file keeps the name in the link, unless ``named`` is false (a ``data:`` address has none).
    """
    name = posixpath.basename(unquote(urlsplit(link.target.replace("\\", "/")).path).rstrip("/"))
    name = name if named else ""
    folder = "billeder"
    if not link.image:
        folder = f"{ATTACHMENTS_DIR}/{posixpath.splitext(posixpath.basename(source))[0]}"
    name = name or ("billede.png" if link.image else "fil.pdf")
    up = "" if source_dir in ("", ".") else "../" * (source_dir.count("/") + 1)
    return f"content/{folder}/", f"{{static}}{up}{folder}/{name}"


def _local_file_problem(link, source, source_dir) -> Problem:
    folder, example = _example(link, source, source_dir)
    if link.image:
        return Problem(
            source,
            link.line,
            f"billedet '{link.target}' ligger på en computer, ikke på sitet, og kan ikke vises.",
            f"læg billedet i {folder} og vis det med {{static}}, fx '{example}'.",
        )
    return Problem(
        source,
        link.line,
        f"linket '{link.target}' peger på en fil på en computer, ikke på sitet, og kan ikke følges.",
        f"læg filen i {folder} og link til den med {{static}}, fx '{example}'; "
        "en side eller et referat linkes med {filename}.",
    )


def _remote_problem(link, source, source_dir) -> Problem:
    parts = urlsplit(link.target.strip())
    if parts.hostname is None:  # data:, blob: …: no file the site can publish, and no host to name
        return Problem(
            source,
            link.line,
            f"billedet '{_shortened(link.target)}' er ikke en fil, og sitet viser kun billeder fra content/.",
            "læg billedet som fil i content/billeder/ og vis det med {static}, "
            f"fx '{_example(link, source, source_dir, named=False)[1]}'.",
        )
    _, example = _example(link, source, source_dir)
    return Problem(
        source,
        link.line,
        f"billedet '{_shortened(link.target)}' hentes fra et andet site ({parts.hostname}); "
        "sitet henter intet fra andre sites.",
        f"hent billedet ned, læg det i content/billeder/ og vis det med {{static}}, fx '{example}'.",
    )


def _shortened(target: str) -> str:
    """``target`` as the editor sees it in a message: whole, or its first 80 characters."""
    return target if len(target) <= 80 else f"{target[:79]}…"


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


def _file_as_page_problem(link, source, rest: str) -> Problem:
    """``{filename}`` before a file that is no page: Pelican publishes only what ``{static}`` names."""
    return Problem(
        source,
        link.line,
        f"linket '{link.target}' bruger {{filename}} foran en fil, der ikke er en side eller et referat, "
        "så filen kommer ikke med på sitet.",
        f"skriv '{{static}}{rest}': "
        "{filename} foran en side eller et referat, {static} foran et billede eller en fil.",
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
