"""Read the text of minutes as PDF and Word files hold it into a draft of a minutes file.

Pure functions: the text comes from ``plugins/kb/documents.py`` (or a ``.txt`` file); the head is
read by ``minutes_header.py``, the draft written out by ``minutes_draft.py``. What the reading is
unsure of travels with the part of the draft it concerns as a ``Doubt``, so that the editor is
pointed at the line to review.
"""

from __future__ import annotations

import re

from .draft import Block, Draft, Item
from .minutes_header import DATE, ITEM, read_header
from .minutes_text import SENTENCE_END, join_line, line_width, link_urls, paragraphs, without_repeated_urls
from .model import BlockKind

# "Punkt 1", its title on the next line (the other form, "1. Titel", is ITEM).
_ITEM_WORD = re.compile(r"^Punkt\s+(?P<number>\d{1,2})\s*[.:]?\s*(?P<title>.*)$", re.I)
_LABEL_WORDS = {kind.value.lower(): kind.value for kind in BlockKind} | {"resume": "Resumé"}
_LABEL = re.compile(
    r"^(?P<labels>(?:" + "|".join(_LABEL_WORDS) + r")(?:\s*/\s*(?:" + "|".join(_LABEL_WORDS) + r"))*)"
    r"(?P<qualifier>,[^:]{1,80})?\s*:\s*(?P<rest>.*)$",
    re.I,
)
# Bullets as Word writes them (and as the Symbol font's bullet comes out of a PDF: U+F0B7).
_BULLETS = {"•": 0, "\uf0b7": 0, "●": 0, "-": 0, "–": 0, "*": 0, "o": 1, "◦": 1, "▪": 2, "■": 2, "§": 2}
_BULLET = re.compile(r"^(?P<indent>\s*)(?P<mark>[•\uf0b7●▪■◦§*]|[-–o](?=\s))\s*(?P<text>.*)$")


def read_minutes(text: str) -> Draft:
    """Read minutes text (header, participants, agenda items and their blocks) into a draft."""
    lines = without_repeated_urls([line.rstrip() for line in text.replace("\u00a0", " ").splitlines()])
    width = line_width(lines)
    start = _first_item(lines)
    draft = Draft()
    read_header(lines[:start] if start is not None else lines, draft, width)
    if start is not None:
        _read_items(lines[start:], draft, width)
    return draft


def _first_item(lines: list[str]) -> int | None:
    for index, line in enumerate(lines):
        bare = line.strip()
        match = ITEM.match(bare) or _ITEM_WORD.match(bare)
        if match and match["number"] == "1" and not DATE.match(bare):
            return index
    return None


def _read_items(lines: list[str], draft: Draft, width: int) -> None:
    expected = 1
    current: list[tuple[int, str]] = []
    heads: list[tuple[int, str, list[tuple[int, str]]]] = []
    index = 0
    while index < len(lines):
        bare = lines[index].strip()
        match = ITEM.match(bare) or _ITEM_WORD.match(bare)
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
    if not following or _LABEL.match(following) or _BULLET.match(following) or ITEM.match(following):
        return False
    title = lines[index].strip()
    if re.search(r"(?:\bv\.|\bog|,)$", title):
        return True
    return len(lines[index]) >= 0.85 * width and following[:1].islower()


def _item(number: int, title: str, body: list[tuple[int, str]], width: int) -> Item:
    item = Item(number, re.sub(r"\s+", " ", title))
    block = Block(None)
    for position, line in body:
        label = _LABEL.match(line.strip())
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
    for block in item.blocks:
        block.lines = _markdown(block.lines, width, block.label)
    return item


def _markdown(lines: list[tuple[int, str]], width: int, label: str | None) -> list[str]:
    """A block's lines as Markdown: bullets as lists (nested by Word's bullet order), paragraphs joined.

    The extraction leaves blank lines inside sentences too: a blank line ends a paragraph only when
    the text before it ends a sentence and the next line starts with a capital letter.
    """
    out: list[str] = []
    paragraph: list[tuple[int, str]] = []
    bullet: list[str] = []  # [indent, text] of the list item being read
    blank = full = False

    def end_paragraph() -> None:
        if paragraph:
            out.extend(paragraphs(paragraph, width))
            out.append("")
            paragraph.clear()

    def end_bullet() -> None:
        if bullet:
            out.append(f"{bullet[0]}- {link_urls(bullet[1])}")
            bullet.clear()

    for position, line in lines:
        stripped = line.strip()
        if not stripped:
            blank = True
            continue
        # A capital letter after a blank line starts anew; a digit only after a full stop ("1. august" /
        # "2024 er kommet" goes on).
        new_sentence = stripped[:1].isupper() or (stripped[:1].isdigit() and not blank)
        if re.fullmatch(r"(?:-\s*){3,}.*", stripped):
            end_paragraph()
            end_bullet()
            out += ["\\" + stripped, ""]  # a separator line ("- - - P A U S E - - -"), kept as text
        elif label == "Bilag" and re.match(r"^[Bb]ilag\s+\d", stripped):
            end_paragraph()
            end_bullet()
            out.append("- " + stripped)
        elif (match := _BULLET.match(line)) and match["text"].strip():
            end_paragraph()
            if bullet:
                end_bullet()
            level = _BULLETS.get(match["mark"], 0)
            bullet[:] = ["    " * level, match["text"].strip()]
        elif bullet and (full or not (new_sentence and (blank or SENTENCE_END.search(bullet[1])))):
            bullet[1] = join_line(bullet[1], stripped)  # the list item goes on (the line before was full)
        else:
            if bullet:
                end_bullet()
                out.append("")
            elif paragraph and blank and new_sentence and SENTENCE_END.search(paragraph[-1][1].strip()):
                end_paragraph()
            paragraph.append((position, line))
        blank = False
        full = len(line) >= 0.7 * width and not SENTENCE_END.search(stripped)
    end_paragraph()
    end_bullet()
    while out and not out[-1]:
        out.pop()
    return out
