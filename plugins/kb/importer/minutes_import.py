"""Read the text of minutes as PDF and Word files hold it into a draft of a minutes file.

Pure functions: the text comes from ``plugins/kb/importer/documents.py`` (or a ``.txt`` file); the head is
read by ``minutes_header.py`` (its dates and times by ``minutes_dates.py``), a block's text by
``minutes_blocks.py``, and the draft written out by ``minutes_draft.py``. What the reading is
unsure of travels with the part of the draft it concerns as a ``Doubt``, so that the editor is
pointed at the line to review.
"""

from __future__ import annotations

import re

from plugins.kb.importer.draft import Block, Doubt, Draft, Item
from plugins.kb.importer.minutes_blocks import BULLET, markdown
from plugins.kb.importer.minutes_dates import DATE
from plugins.kb.importer.minutes_header import ITEM, read_header
from plugins.kb.importer.minutes_text import join_line, line_width, without_repeated_urls
from plugins.kb.model import BlockKind

# "Punkt 1", "Pkt. 1", "Ad 1.", "Ad punkt 1:", the title maybe on the next line ("1. Titel" is ITEM).
_ITEM_WORD = re.compile(
    r"^(?:Punkt|Pkt\.?|Ad(?:\s+(?:punkt|pkt\.?))?)\s*(?P<number>\d{1,2})\s*[.:)]?(?:\s+|$)(?P<title>.*)$",
    re.I,
)
# A Word heading, marked by its level (see ``documents.read_document``), and a numbered one ("3 Titel").
_HEADING = re.compile(r"^(?P<marks>#{1,6}) (?P<text>\S.*)$")
_NUMBERED_HEADING = re.compile(r"^(?:(?:punkt|pkt\.?|ad)\s*)?(\d{1,2})[.):]?\s+(\S.*)$", re.I)
_WORD_NUMBER = re.compile(r"^(?:(?:punkt|pkt\.?|ad)\s*)?\d{1,2}(?:\.\d{1,2})*[.):]?\s+", re.I)  # "2.1. "
# A line of the head: after it, a heading is no longer the minutes' title.
_HEAD_LINE = re.compile(r"^(?:dato|tid|sted|deltagere|medlemmer|mødeleder|referent)\b", re.I)
# A heading that is not an agenda item: the head's words.
_HEAD_WORD = re.compile(
    r"^(?:dagsorden|referat|deltagere|medlemmer|fra skolen|tilforordnede|afbud|fraværende)\s*:?$", re.I
)
# A line naming an attachment: "Bilag 3.1 Ansøgertal", "Bilag 2: Fakta".
_ATTACHMENT_LINE = re.compile(r"^\s*[Bb]ilag\s+\d+(?:\.\d+)*\b")
_LABEL_WORDS = {kind.value.lower(): kind.value for kind in BlockKind} | {"resume": "Resumé"}
_LABEL = re.compile(
    r"^(?P<labels>(?:" + "|".join(_LABEL_WORDS) + r")(?:\s*/\s*(?:" + "|".join(_LABEL_WORDS) + r"))*)"
    r"(?P<qualifier>,[^:]{1,80})?\s*:\s*(?P<rest>.*)$",
    re.I,
)


def read_minutes(text: str) -> Draft:
    """Read minutes text (header, participants, agenda items and their blocks) into a draft."""
    lines = without_repeated_urls([line.rstrip() for line in text.replace("\u00a0", " ").splitlines()])
    lines, counted = _from_headings(lines)
    width = line_width(lines)
    start = _first_item(lines)
    draft = Draft()
    read_header(lines[:start] if start is not None else lines, draft, width)
    if start is not None:
        _read_items(lines[start:], draft, width)
    if counted and draft.items:
        draft.items[0].doubts.append(
            Doubt(
                "numrene på punkterne er talt op ud fra overskrifterne i Word-filen.",
                "tjek, at hver '## N.' er et dagsordenspunkt, og at numrene passer med dagsordenen.",
            )
        )
    return draft


def _from_headings(lines: list[str]) -> tuple[list[str], bool]:
    """Word's headings ("## Titel") as minutes write them: agenda items numbered, block labels "Label:".

    The agenda items are the headings of the level that has most of them, after the head's first
    field, other than labels and the head's words ("Dagsorden", "Deltagere"). A heading before the
    first item is a line of the head, one after it a heading in the item's text ("#### Optag"), and
    one after the last item no deeper than the items a section of its own ("## Bilag").
    Returns the lines and whether the importer numbered the items itself.
    """
    found = [
        (i, len(m["marks"]), m["text"].strip()) for i, line in enumerate(lines) if (m := _HEADING.match(line))
    ]
    lines = list(lines)
    first_field = next((i for i, line in enumerate(lines) if _HEAD_LINE.match(line.strip())), 0)
    candidates: dict[int, list[int]] = {}
    labels: dict[int, str] = {}
    for index, depth, text in found:
        lines[index] = text
        bare = _WORD_NUMBER.sub("", text).rstrip(":")
        if _bare_label(bare):
            labels[index] = bare + ":"
        elif _HEAD_WORD.match(bare):
            lines[index] = bare  # "Deltagere", numbered by Word or not
        elif index > first_field:
            candidates.setdefault(depth, []).append(index)
    if not candidates:
        return lines, False
    level = max(sorted(candidates), key=lambda depth: len(candidates[depth]))
    items = candidates[level]
    given = [_NUMBERED_HEADING.match(lines[i]) for i in items]
    counted = [int(match[1]) if match else 0 for match in given] != list(range(1, len(items) + 1))
    for number, index, match in zip(range(1, len(items) + 1), items, given, strict=True):
        lines[index] = f"{number}. {match[2] if match else lines[index]}"
    for index, depth, _ in found:
        section = index > items[-1] and depth <= level
        if index in labels and not section:
            lines[index] = labels[index]
        elif index > items[0] and index not in items:
            lines[index] = ("## " if section else "#### ") + lines[index]
    return lines, counted


def _first_item(lines: list[str]) -> int | None:
    """Where the agenda items begin; after the agenda, when the minutes print it first as a list."""
    for index, line in enumerate(lines):
        match = _item_match(line)
        if match and match["number"] == "1":
            return _after_agenda(lines, index)
    return None


def _after_agenda(lines: list[str], start: int) -> int:
    """The item 1 of the minutes proper, when ``start`` is that of an agenda listed without text.

    The agenda is items in order with at most two other lines ("Referat:"); item 1 comes again with
    the same first two words of its title.
    """
    expected, others = 1, 0
    first = _item_match(lines[start])
    for index in range(start, len(lines)):
        match = _item_match(lines[index])
        if match and int(match["number"]) == expected:
            expected += 1
        elif match and match["number"] == "1" and expected > 2:
            same = [_words(m["title"])[:2] for m in (first, match)]
            return index if same[0] == same[1] else start
        elif lines[index].strip():
            others += 1
            if others > 2:
                break
    return start


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _item_match(line: str, base: int | None = None) -> re.Match | None:
    """The number and title of an item's line, indented at most a space more than ``base``, if given."""
    bare = line.strip()
    deeper = base is not None and len(line) - len(line.lstrip()) > base + 1  # a list in the item's text
    if deeper or DATE.match(bare):
        return None
    match = ITEM.match(bare) or _ITEM_WORD.match(bare)
    # "2. behandling af sagen": a sentence of the text, as an item's title starts with a capital.
    return None if match and match["title"][:1].islower() else match


def _read_items(lines: list[str], draft: Draft, width: int) -> None:
    expected = 1
    current: list[tuple[int, str]] = []
    heads: list[tuple[int, str, list[tuple[int, str]]]] = []
    base = len(lines[0]) - len(lines[0].lstrip())
    index = 0
    while index < len(lines):
        match = _item_match(lines[index], base)
        if match and int(match["number"]) == expected:
            title = match["title"].strip()
            if not title:  # "Punkt 3" with the title on the next line
                index += 1
                while index < len(lines) and not lines[index].strip():
                    index += 1
                title = lines[index].strip() if index < len(lines) else ""
            elif _wrapped_title(lines, index, width):
                index += 1  # a title the page wrapped
                while not lines[index].strip():
                    index += 1
                title = join_line(title, lines[index].strip())
            current = []
            heads.append((expected, title, current))
            expected += 1
        else:
            current.append((index, lines[index]))
        index += 1
    for number, title, body in heads:
        draft.items.append(_item(number, title, body, width))


def _wrapped_title(lines: list[str], index: int, width: int) -> bool:
    """Whether a title line goes on on the next line: it is full, or it ends in "v." or a comma."""
    after = [line.strip() for line in lines[index + 1 : index + 4] if line.strip()]
    following = after[0] if after else ""
    if not following or _LABEL.match(following) or BULLET.match(following) or ITEM.match(following):
        return False
    title = lines[index].strip()
    if re.search(r"(?:\bv\.|\bog|,)$", title):
        return True
    return len(lines[index]) >= 0.85 * width and following[:1].islower()


def _bare_label(line: str) -> re.Match | None:
    """A label alone on its line without a colon ("Beslutning", a bold line in a PDF)."""
    label = _LABEL.match(line + ":") if re.fullmatch(r"[^\W\d_]+(?:\s*/\s*[^\W\d_]+)*", line) else None
    return label if label and not label["qualifier"] and not label["rest"] else None


def _item(number: int, title: str, body: list[tuple[int, str]], width: int) -> Item:
    item = Item(number, re.sub(r"\s+", " ", title))
    block = Block(None)
    for position, line in body:
        label = _LABEL.match(line.strip()) or _bare_label(line.strip())
        if label:
            if block.label or any(text.strip() for _, text in block.lines):
                item.blocks.append(block)
            labels = "/".join(_LABEL_WORDS[word.strip().lower()] for word in label["labels"].split("/"))
            block = Block(labels + (label["qualifier"] or "").rstrip())
            if label["rest"].strip():
                block.lines.append((position, label["rest"].strip()))
            continue
        block.lines.append((position, line))
    if block.label or any(text.strip() for _, text in block.lines):
        item.blocks.append(block)
    _attachments_out_of_decisions(item)
    for block in item.blocks:
        block.lines = markdown(block.lines, width, block.label)
    return item


def _attachments_out_of_decisions(item: Item) -> None:
    """Move "Bilag 3.1 …" lines out of a decision into the item's Bilag block, and say so.

    A PDF often prints the attachments under the decision without a "Bilag:" label; left there, they
    would stand in the register of decisions as part of the decision.
    """
    for block in list(item.blocks):
        if not block.label or "Beslutning" not in re.split(r"\s*[/,]\s*", block.label):
            continue
        moved = [(position, line) for position, line in block.lines if _ATTACHMENT_LINE.match(line)]
        if not moved:
            continue
        block.lines = [entry for entry in block.lines if entry not in moved]
        target = next((other for other in item.blocks if other.label == "Bilag"), None)
        if target is None:
            target = Block("Bilag")
            item.blocks.insert(item.blocks.index(block) + 1, target)
        target.lines = moved + target.lines
        names = "', '".join(line.strip() for _, line in moved)
        target.doubts.append(
            Doubt(
                f"'{names}' stod under '{block.label}' i punkt {item.number} og er flyttet til Bilag.",
                "tjek i kilden, at det er bilag og ikke en del af beslutningen.",
            )
        )
