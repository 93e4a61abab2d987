"""The text of one block of an agenda item as Markdown: paragraphs joined, bullets and numbers as lists.

A number that is not a list in the source ("2. behandling", a bullet's "2. …") is escaped, so that
Markdown keeps it as text; a date ("10. marts") the site keeps as text by itself.
"""

from __future__ import annotations

import re

from plugins.kb.content.listnumbers import escape_list_number
from plugins.kb.importer.minutes_text import SENTENCE_END, ends_sentence, join_line, link_urls, paragraphs

# Bullets as Word writes them (and as the Symbol font's bullet comes out of a PDF: U+F0B7).
BULLETS = {"•": 0, "\uf0b7": 0, "●": 0, "-": 0, "–": 0, "*": 0, "o": 1, "◦": 1, "▪": 2, "■": 2, "§": 2}
BULLET = re.compile(r"^(?P<indent>\s*)(?P<mark>[•\uf0b7●▪■◦§*]|[-–o](?=\s))\s*(?P<text>.*)$")
# A row of a Word table, as ``documents.read_document`` writes it: "| GF1 | 85 |".
_TABLE_ROW = re.compile(r"^\|.*\|$")
# A numbered line in a block's text, a list when it starts at 1 ("1. Første", "2) Anden").
_NUMBERED = re.compile(r"^(?P<indent>\s*)(?P<number>\d{1,2})[.)]\s+(?P<text>[A-ZÆØÅ].*)$")


def markdown(lines: list[tuple[int, str]], width: int, label: str | None) -> list[str]:
    """A block's lines as Markdown: bullets and numbered lines as lists, paragraphs joined, tables kept.

    The extraction leaves blank lines inside sentences too: a blank line ends a paragraph only when
    the text before it ends a sentence and the next line starts with a capital letter.
    """
    out: list[str] = []
    paragraph: list[tuple[int, str]] = []
    entry: list[str] = []  # [Markdown prefix ("    - ", "2. "), text] of the list item being read
    levels = _Levels([line for _, line in lines if BULLET.match(line) or _NUMBERED.match(line)])
    number = 0  # of the numbered list being read
    blank = full = False

    def end_paragraph() -> None:
        if paragraph:
            first, *rest = paragraphs(paragraph, width)
            out.extend([escape_list_number(first), *rest])  # only a block's first line can start a list
            out.append("")
            paragraph.clear()

    def end_entry() -> None:
        if entry:
            out.append(f"{entry[0]}{link_urls(escape_list_number(entry[1]))}")
            entry.clear()

    for position, line in lines:
        stripped = line.strip()
        if not stripped:
            blank = True
            continue
        # A capital letter after a blank line starts anew; a digit only after a full stop ("1. august" /
        # "2024 er kommet" goes on).
        new_sentence = stripped[:1].isupper() or (stripped[:1].isdigit() and not blank)
        bullet, numbered = BULLET.match(line), _NUMBERED.match(line)
        if numbered and int(numbered["number"]) not in (1, number + 1):
            numbered = None  # "3. Titel" alone: text, not a list (its number escaped when written)
        row = _TABLE_ROW.match(stripped)
        if out and _TABLE_ROW.match(out[-1]) and not row:
            out.append("")  # the table ends
        if row:
            end_paragraph()
            end_entry()
            _add_row(out, stripped)
        elif re.fullmatch(r"(?:-\s*){3,}.*", stripped) or re.match(r"#{2,4} ", stripped):
            end_paragraph()
            end_entry()
            # a separator line ("- - - P A U S E - - -") kept as text, or a Word heading in an item
            out += [stripped if stripped.startswith("#") else "\\" + stripped, ""]
        elif label == "Bilag" and re.match(r"^[Bb]ilag\s+\d", stripped):
            end_paragraph()
            end_entry()
            out.append("- " + stripped)
        elif (bullet and bullet["text"].strip()) or numbered:
            end_paragraph()
            end_entry()
            found = bullet if bullet and bullet["text"].strip() else numbered
            indent = "    " * levels.level(len(found["indent"]), found["mark"] if bullet else "1.")
            number = int(numbered["number"]) if found is numbered else 0
            prefix = indent + (f"{number}. " if number else "- ")
            if out and _other_list(out[-1], prefix, indent):
                out.append("")  # a numbered list after a bulleted one (or the other way) is a new list
            entry[:] = [prefix, found["text"].strip()]
        elif entry and (full or not (new_sentence and (blank or ends_sentence(entry[1])))):
            entry[1] = join_line(entry[1], stripped)  # the list item goes on (the line before was full)
        else:
            if entry:
                end_entry()
                out.append("")
                number = 0
            elif paragraph and blank and new_sentence and SENTENCE_END.search(paragraph[-1][1].strip()):
                end_paragraph()
            paragraph.append((position, line))
        blank = False
        full = len(line) >= 0.7 * width and not SENTENCE_END.search(stripped)
    end_paragraph()
    end_entry()
    while out and not out[-1]:
        out.pop()
    return out


def _add_row(out: list[str], row: str) -> None:
    """Add a Word table's row; its first row heads the table (Markdown wants a "| --- |" line under it)."""
    if out and _TABLE_ROW.match(out[-1]):
        out.append(row)
        return
    if out and out[-1]:
        out.append("")
    out += [row, "|" + " --- |" * len(re.findall(r"(?<!\\)\|", row[1:]))]


def _other_list(previous: str, prefix: str, indent: str) -> bool:
    """Whether ``previous`` is an entry of another kind of list (bullets, numbers) at ``indent``."""
    kind = re.match(r"(-|\d+\.) ", previous[len(indent) :]) if previous.startswith(indent) else None
    return bool(kind) and kind[1][0].isdigit() != prefix[len(indent)].isdigit()


class _Levels:
    """How deep a block's list items are nested, one level deeper at most each time.

    By their indentation where the lines have it (Word, a PDF's layout), else by Word's bullet order
    (•, o, ▪), as text extracted without layout has them.
    """

    def __init__(self, lines: list[str]) -> None:
        indents = [len(line) - len(line.lstrip()) for line in lines]
        self.by_indent = bool(indents) and max(indents) - min(indents) > 1
        self.open: list[int] = []  # the indentation of each open level
        self.last = -1

    def level(self, indent: int, mark: str) -> int:
        if self.by_indent:
            while self.open and indent < self.open[-1] - 1:
                self.open.pop()
            if not self.open or indent > self.open[-1] + 1:
                self.open.append(indent)
            return len(self.open) - 1
        self.last = min(BULLETS.get(mark, 0), self.last + 1)
        return self.last
