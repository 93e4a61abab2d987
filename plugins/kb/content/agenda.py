"""Split a minutes body into intro, numbered agenda items with labelled blocks, and trailing sections."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from plugins.kb.content.links import resolve
from plugins.kb.metadata.values import heading_id, suggest
from plugins.kb.model import AgendaItem, Attachment, Block, BlockKind, Section
from plugins.kb.outputs.searchterms import search_terms
from plugins.kb.problems import Problem

Render = Callable[[str], str]

_ITEM = re.compile(r"^## (\d+)\. (\S.*?)\s*$")
_LABELS = {kind.value: kind for kind in BlockKind}
_LABEL_HEAD = re.compile(r"^### (?P<labels>[^\s,:/]+(?:/[^\s,:/]+)*):?(?P<rest>.*)$")
# "Bilag 3.1 Titel", "- Bilag 1: Titel", or "… – bilag 5: Titel" ending a line.
_ATTACHMENT = re.compile(
    r"(?:^\s*(?:[-*+]\s+)?|\s[–-]\s)[Bb]ilag\s+(?P<number>\d+(?:\.\d+)*)\s*:?\s+(?P<title>\S.*?)\s*$"
)
# A line that is only a linked file: "- [Bilag 3.1 Titel]({static}../bilag/…/fil.pdf)", also with the
# number before the link ("- Bilag 3.1: [Titel]({static}…)") or none ("- [Titel]({static}…)").
_LINKED = re.compile(
    r"^\s*(?:[-*+]\s+)?(?:[Bb]ilag\s+(?P<number>\d+(?:\.\d+)*)\s*:?\s*)?"
    r"\[(?P<text>[^\]]*\S[^\]]*)\]\(\s*<?\{(?:static|attach)\}(?P<target>[^)\s>]+?)>?\s*\)\s*$"
)
_NUMBERED = re.compile(r"^[Bb]ilag\s+(?P<number>\d+(?:\.\d+)*)\s*:?\s+(?P<title>\S.*?)\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(slots=True)
class _Part:
    """The lines under one heading, collected while scanning."""

    heading: str
    line: int
    lines: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Agenda:
    """The parsed body of a meeting."""

    intro_html: str
    items: tuple[AgendaItem, ...]
    appendix: tuple[Section, ...]


def parse_agenda(body: str, first_line: int, source: str, render: Render) -> tuple[Agenda, list[Problem]]:
    """Parse the body of a minutes file.

    Args:
        body: Markdown after the front matter.
        first_line: file line number of the body's first line.
        source: file path for messages.
        render: turns Markdown into HTML.

    Returns:
        The agenda and every problem found: malformed item headings, numbers that skip or repeat,
        unknown block labels, blocks outside an item, unnumbered sections between items, no items.

    """
    intro, parts = _split(body.splitlines(), first_line, "## ")
    problems = [
        Problem(
            source,
            block.line,
            f"blokken '{block.heading}' står før første dagsordenspunkt.",
            "flyt den ind under det dagsordenspunkt, den hører til ('## N. Titel').",
        )
        for block in _split(intro, first_line, "### ")[1]
    ]
    items: list[AgendaItem] = []
    sections: list[_Part] = []
    for part in parts:
        match = _ITEM.match(part.heading)
        if match is None:
            if re.match(r"^## \d", part.heading):
                problems.append(
                    Problem(
                        source,
                        part.line,
                        f"overskriften '{part.heading}' er ikke et gyldigt dagsordenspunkt.",
                        "skriv nummer, punktum, mellemrum og titel, fx '## 3. Status fra AMU'.",
                    )
                )
            else:
                sections.append(part)
            continue
        problems += [
            Problem(
                source,
                section.line,
                f"afsnittet '{section.heading}' står mellem dagsordenspunkterne.",
                "giv det et nummer ('## N. Titel') eller flyt det efter sidste dagsordenspunkt.",
            )
            for section in sections
        ]
        sections.clear()
        number, title = int(match[1]), match[2]
        expected = len(items) + 1
        if number != expected:
            problems.append(
                Problem(
                    source,
                    part.line,
                    f"dagsordenspunkt {number} står, hvor punkt {expected} forventes.",
                    "nummerér punkterne 1, 2, 3 … uden huller eller gentagelser; "
                    f"skriv '## {expected}. {title}' eller ret rækkefølgen.",
                )
            )
        item, found = _item(number, title, part, source, render)
        items.append(item)
        problems += found
    if not items and not problems:
        problems.append(
            Problem(
                source,
                first_line,
                "referatet har ingen dagsordenspunkter.",
                "skriv hvert punkt som en overskrift, fx '## 1. Godkendelse af dagsorden'.",
            )
        )
    appendix = tuple(
        Section(title, _anchor(title), render("\n".join(part.lines)))
        for part in sections
        for title in [part.heading[3:].strip()]
    )
    return Agenda(render("\n".join(intro)), tuple(items), appendix), problems


def _split(lines: list[str], first_line: int, marker: str) -> tuple[list[str], list[_Part]]:
    """Cut ``lines`` (the first on file line ``first_line``) at headings starting with ``marker``."""
    lead: list[str] = []
    parts: list[_Part] = []
    fenced = False
    for offset, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced
        if not fenced and line.startswith(marker):
            parts.append(_Part(line.rstrip(), first_line + offset))
        else:
            (parts[-1].lines if parts else lead).append(line)
    return lead, parts


def _item(
    number: int, title: str, part: _Part, source: str, render: Render
) -> tuple[AgendaItem, list[Problem]]:
    lead, heads = _split(part.lines, part.line + 1, "### ")
    folder = _content_folder(source)
    problems: list[Problem] = []
    blocks: list[Block] = []
    attachments = [found for line in lead if (found := _attachment(line, folder, listed=False))]
    if "".join(lead).strip():
        blocks.append(Block((), "", "", render("\n".join(lead))))
    used: set[str] = set()
    for head in heads:
        labels, qualifier, problem = _labels(head, source)
        if problem:
            problems.append(problem)
            continue
        anchor = _unique(f"punkt-{number}-{_anchor(labels[0].value)}", used)
        listed = BlockKind.BILAG in labels
        found = [_attachment(line, folder, listed) for line in head.lines]
        attachments += [attachment for attachment in found if attachment]
        html = render("\n".join(head.lines))
        parts = _parts(head.lines, found, render) if listed else ()
        blocks.append(Block(labels, qualifier, anchor, html, parts))
    headings = " ".join(block.heading for block in blocks if block.heading)
    text = Markup(" ").join(
        [escape(title), escape(headings), Markup(" ").join(block.html for block in blocks)]
    )
    return AgendaItem(
        number, title, tuple(blocks), tuple(attachments), search_terms=tuple(search_terms(text))
    ), problems


def _attachment(line: str, folder: str, listed: bool) -> Attachment | None:
    """The attachment ``line`` names or links, if any; ``listed``: the line stands in a Bilag block.

    A linked file counts without a number ('Bilag 3.1') only in a Bilag block: elsewhere a link is
    just a link.
    """
    linked = _LINKED.match(line)
    if linked:
        path = resolve(folder, linked["target"].partition("#")[0])
        text = linked["text"].strip()
        if linked["number"]:
            return Attachment(linked["number"], text, path)
        if numbered := _NUMBERED.match(text):
            return Attachment(numbered["number"], numbered["title"], path)
        return Attachment(None, text, path) if listed else None
    # Searched only where the word is: most lines have no "bilag", and the pattern is tried at each place.
    named = _ATTACHMENT.search(line) if "ilag" in line else None
    return Attachment(named["number"], named["title"]) if named else None


def _parts(lines: list[str], found: list[Attachment | None], render: Render) -> tuple:
    """A Bilag block as rendered text and runs of its linked files, in the order written.

    Empty when the block links no file: the page then shows the block's HTML as it is.
    """
    parts: list = []
    text: list[str] = []
    for line, attachment in zip(lines, found, strict=True):
        if attachment is None or attachment.path is None:
            text.append(line)
            continue
        if "".join(text).strip():
            parts.append(render("\n".join(text)))
        text.clear()
        if parts and isinstance(parts[-1], tuple):
            parts[-1] += (attachment,)
        else:
            parts.append((attachment,))
    if not any(isinstance(part, tuple) for part in parts):
        return ()
    if "".join(text).strip():
        parts.append(render("\n".join(text)))
    return tuple(parts)


def _content_folder(source: str) -> str:
    """The folder of ``source`` (``content/referater/….md``) inside ``content/``: where its links start."""
    return posixpath.dirname(source).partition("/")[2]


def _labels(head: _Part, source: str) -> tuple[tuple[BlockKind, ...], str, Problem | None]:
    match = _LABEL_HEAD.match(head.heading)
    words = match["labels"].split("/") if match else [head.heading[4:].strip()]
    unknown = [word for word in words if word not in _LABELS]
    if match is None or unknown:
        wrong = unknown[0] if unknown else head.heading[4:]
        return (
            (),
            "",
            Problem(
                source,
                head.line,
                f"'{head.heading}' er ikke en kendt blok i et dagsordenspunkt.",
                f"{suggest(wrong, list(_LABELS))}Brug en af: {', '.join(_LABELS)}; "
                "skriv anden tekst som almindeligt afsnit eller med **fed**.",
            ),
        )
    qualifier = match["rest"].strip().lstrip(",:").strip()
    return tuple(_LABELS[word] for word in words), qualifier, None


def _anchor(text: str) -> str:
    return heading_id(text) or "afsnit"


def _unique(anchor: str, used: set[str]) -> str:
    candidate, counter = anchor, 2
    while candidate in used:
        candidate, counter = f"{anchor}-{counter}", counter + 1
    used.add(candidate)
    return candidate
